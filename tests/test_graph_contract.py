"""The graph honours the contract: SHACL shapes, declared vocabulary, stable IRIs."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
import rdflib
from conftest import FIXTURES, ROOT

from graph.build import document_quads
from graph.load import ingest_paths
from graph.store import OxigraphStore
from ingest import parse_file

GK = "https://w3id.org/govkg/ontology#"


def _rdflib_graph(store: OxigraphStore) -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(data=store.export("ntriples").decode("utf-8"), format="nt")
    return graph


def test_corpus_graph_conforms_to_shapes(corpus_store):
    from pyshacl import validate

    shapes = rdflib.Graph().parse(ROOT / "ontology" / "shapes.ttl")
    ontology = rdflib.Graph().parse(ROOT / "ontology" / "govkg.ttl")
    conforms, _, text = validate(_rdflib_graph(corpus_store), shacl_graph=shapes, ont_graph=ontology, inference="none")
    assert conforms, text[:3000]


def test_fixture_graphs_conform_to_shapes(tmp_path):
    from pyshacl import validate

    store = OxigraphStore(tmp_path / "store")
    report = ingest_paths([FIXTURES / "docs"], store, max_bytes=10_000_000)
    assert not report.failed
    shapes = rdflib.Graph().parse(ROOT / "ontology" / "shapes.ttl")
    conforms, _, text = validate(_rdflib_graph(store), shacl_graph=shapes, inference="none")
    assert conforms, text[:3000]


def test_shapes_reject_a_broken_assignment():
    """The shapes are not vacuous: an assignment without a unit fails."""
    from pyshacl import validate

    data = rdflib.Graph().parse(
        data=f"""
        @prefix gk: <{GK}> .
        <urn:a> a gk:Assignment ; gk:role gk:Lead ; gk:inherited false .
        """,
        format="turtle",
    )
    shapes = rdflib.Graph().parse(ROOT / "ontology" / "shapes.ttl")
    conforms, _, _ = validate(data, shacl_graph=shapes)
    assert not conforms


def test_every_gk_term_in_the_graph_is_declared(corpus_store):
    ontology = rdflib.Graph().parse(ROOT / "ontology" / "govkg.ttl")
    declared = {str(s) for s in ontology.subjects() if str(s).startswith(GK)}
    used = set()
    for quad in corpus_store.query("SELECT DISTINCT ?p ?t WHERE { ?s ?p ?o OPTIONAL { ?s a ?t } }"):
        for term in (quad["p"], quad["t"]):
            if term is not None and term.value.startswith(GK):
                used.add(term.value)
    for quad in corpus_store.query("SELECT DISTINCT ?o WHERE { ?s ?p ?o FILTER(isIRI(?o) && STRSTARTS(STR(?o), STR(gk:))) }"):
        used.add(quad["o"].value)
    assert used - declared == set()


def test_ontology_has_chinese_and_english_labels():
    ontology = rdflib.Graph().parse(ROOT / "ontology" / "govkg.ttl")
    for term in ("Notice", "Clause", "Assignment", "leadUnit", "docNumber", "Deadline"):
        langs = {lit.language for lit in ontology.objects(rdflib.URIRef(GK + term), rdflib.RDFS.label)}
        assert {"en", "zh"} <= langs, term


def test_iris_are_derived_from_content():
    doc = parse_file(FIXTURES / "docs" / "provincial_zhejiang.txt")
    graph, quads = document_quads(doc)
    again_graph, again = document_quads(parse_file(FIXTURES / "docs" / "provincial_zhejiang.txt"))
    assert graph == again_graph and sorted(map(str, quads)) == sorted(map(str, again))
    subjects = {q.subject.value for q in quads if isinstance(q.subject, ox.NamedNode)}
    assert "https://w3id.org/govkg/id/notice/浙政发〔2023〕18号" in subjects
    assert "https://w3id.org/govkg/id/notice/浙政发〔2023〕18号/clause/二/（一）" in subjects
    assert not any(re.search(r"/[0-9a-f]{32}$|/\d{6,}$", s) for s in subjects)


def test_cited_notice_is_the_same_iri_as_the_ingested_notice(store, tmp_path):
    citing = tmp_path / "citing.txt"
    citing.write_text(
        "丽水市人民政府办公室关于贯彻落实的通知\n\n丽政办发〔2024〕2号\n\n各县（市、区）人民政府：\n\n"
        "为贯彻《浙江省人民政府关于加快推进新型储能发展的实施意见》（浙政发〔2023〕18号），现通知如下。\n\n2024年1月5日\n",
        encoding="utf-8",
    )
    ingest_paths([citing], store, max_bytes=1_000_000)  # cited first, ingested second
    ingest_paths([FIXTURES / "docs" / "provincial_zhejiang.txt"], store, max_bytes=1_000_000)
    rows = store.select(
        'SELECT DISTINCT ?n ?title WHERE { ?c gk:docNumber "丽政办发〔2024〕2号" ; gk:cites ?n . ?n a gk:Notice ; gk:genre ?g . ?n dcterms:title ?title }'
    ).rows
    assert [r["n"].value for r in rows] == ["https://w3id.org/govkg/id/notice/浙政发〔2023〕18号"]


@pytest.mark.parametrize("role", ["Lead", "Support", "Responsible", "Implementer"])
def test_role_shortcuts_match_assignments(corpus_store, role):
    shortcut = {"Lead": "leadUnit", "Support": "supportUnit", "Responsible": "responsibleUnit", "Implementer": "implementerUnit"}[role]
    assignments = corpus_store.select(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?c ?u WHERE {{ ?a gk:clause ?c ; gk:unit ?u ; gk:role gk:{role} }} }}"
    ).rows[0]["n"].value
    shortcuts = corpus_store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ ?c gk:{shortcut} ?u }}").rows[0]["n"].value
    assert assignments == shortcuts
