"""Idempotent and atomic ingestion; reading while ingesting is safe."""

from __future__ import annotations

import shutil
import threading

import pyoxigraph as ox
import pytest
from conftest import FIXTURES

import graph.load
from graph.load import ingest_paths
from graph.store import OxigraphStore, StoreError

DOCS = FIXTURES / "docs"


def test_ingesting_twice_gives_byte_identical_nquads(tmp_path):
    first, second = OxigraphStore(tmp_path / "a"), OxigraphStore(tmp_path / "b")
    ingest_paths([DOCS], first, max_bytes=10_000_000)
    ingest_paths([DOCS], second, max_bytes=10_000_000)
    ingest_paths([DOCS], second, max_bytes=10_000_000)
    assert first.export("nquads") == second.export("nquads")
    assert first.export("nquads").decode().splitlines() == sorted(first.export("nquads").decode().splitlines())


def test_reingest_replaces_exactly_that_files_graph(tmp_path, store):
    work = tmp_path / "in"
    work.mkdir()
    shutil.copy(DOCS / "provincial_zhejiang.txt", work / "p.txt")
    shutil.copy(DOCS / "county_qingtian.txt", work / "c.txt")
    ingest_paths([work], store, max_bytes=1_000_000)
    county_before = _graph(store, "c.txt")
    edited = (work / "p.txt").read_text(encoding="utf-8").replace("省应急管理厅、", "")
    (work / "p.txt").write_text(edited, encoding="utf-8")
    ingest_paths([work / "p.txt"], store, max_bytes=1_000_000)
    assert _graph(store, "c.txt") == county_before
    units = {r["l"].value for r in store.select('SELECT ?l WHERE { GRAPH ?g { ?a gk:unit/skos:prefLabel ?l } FILTER(STRENDS(STR(?g), "p.txt")) }').rows}
    assert "省应急管理厅" not in units and "省消防救援总队" in units


def _graph(store, name: str) -> list[str]:
    return sorted(line for line in store.export("nquads").decode().splitlines() if line.endswith(f"/source/{name}> ."))


def test_failure_while_building_leaves_the_store_as_it_was(tmp_path, store, monkeypatch):
    ingest_paths([DOCS / "provincial_zhejiang.txt"], store, max_bytes=1_000_000)
    before = store.export("nquads")

    def half_then_fail(graph_iri, quads):
        def generate():
            for index, quad in enumerate(quads):
                if index == 50:
                    raise StoreError("disk full (simulated)")
                yield quad

        return OxigraphStore.replace_graph(store, graph_iri, generate())

    monkeypatch.setattr(store, "replace_graph", half_then_fail)
    edited = tmp_path / "provincial_zhejiang.txt"
    edited.write_text((DOCS / "provincial_zhejiang.txt").read_text(encoding="utf-8").replace("省能源局", "省电力局"), encoding="utf-8")
    report = ingest_paths([edited], store, max_bytes=1_000_000)
    assert report.failed and "disk full" in report.failed[0].error
    assert store.export("nquads") == before


def test_a_parser_crash_is_reported_and_changes_nothing(tmp_path, store, monkeypatch):
    ingest_paths([DOCS / "county_qingtian.txt"], store, max_bytes=1_000_000)
    before = store.export("nquads")

    def crash(doc):
        raise RuntimeError("boom")

    monkeypatch.setattr(graph.load, "document_quads", crash)
    report = ingest_paths([DOCS / "county_qingtian.txt"], store, max_bytes=1_000_000)
    assert "could not be parsed (RuntimeError: boom)" in report.failed[0].error
    assert store.export("nquads") == before


def test_an_update_that_fails_halfway_is_rolled_back():
    """The property replace_graph relies on: one SPARQL Update request is one transaction."""
    store = OxigraphStore(None)
    g = "https://w3id.org/govkg/id/source/x.txt"
    node = ox.NamedNode("urn:s")
    store.replace_graph(g, [ox.Quad(node, node, ox.Literal("old"), ox.NamedNode(g))])
    with pytest.raises(RuntimeError):
        # the first operation drops the graph, the second fails: nothing is applied
        store._store.update(f"DROP GRAPH <{g}> ; DROP GRAPH <urn:no-such-graph>")
    assert [r["o"].value for r in store.select("SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }").rows] == ["old"]
    store.replace_graph(g, [ox.Quad(node, node, ox.Literal("new"), ox.NamedNode(g))])
    assert [r["o"].value for r in store.select("SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }").rows] == ["new"]


def test_reading_while_ingesting_sees_old_or_new_graph_never_a_mix(tmp_path):
    store = OxigraphStore(tmp_path / "store")
    source = tmp_path / "doc.txt"
    original = (DOCS / "provincial_zhejiang.txt").read_text(encoding="utf-8")
    shorter = original[: original.index("（三）")]
    source.write_text(original, encoding="utf-8")
    ingest_paths([source], store, max_bytes=1_000_000)
    full = store.count()
    source.write_text(shorter, encoding="utf-8")
    ingest_paths([source], store, max_bytes=1_000_000)
    short = store.count()
    assert short < full

    seen: set[int] = set()
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            seen.add(int(store.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows[0]["n"].value))

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for index in range(20):
            source.write_text(original if index % 2 == 0 else shorter, encoding="utf-8")
            ingest_paths([source], store, max_bytes=1_000_000)
    finally:
        stop.set()
        reader.join(timeout=30)
    assert seen and seen <= {full, short}
