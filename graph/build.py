"""ParsedDocument → quads. The one module that knows the graph contract.

Everything a file yields goes into the named graph of that file (its source
IRI), so re-ingesting the file replaces exactly these quads. Units are
described in every file that mentions them with the same preferred label
(derived from the name alone), so the union of the graphs agrees with itself.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from ingest.model import Clause, Notice, ParsedDocument, Unit, UnitType
from ingest.units import unit_type

from . import iris
from .vocabulary import DCTERMS, ELI, GK, ORG, PROV, RDF, SKOS, XSD

ROLE_CLASS = {"lead": "Lead", "support": "Support", "responsible": "Responsible", "implementer": "Implementer"}
ROLE_SHORTCUT = {"lead": "leadUnit", "support": "supportUnit", "responsible": "responsibleUnit", "implementer": "implementerUnit"}
UNIT_TYPE = {
    UnitType.GOVERNMENT: "Government",
    UnitType.DEPARTMENT: "Department",
    UnitType.COLLECTIVE: "Collective",
    UnitType.OUTSIDE_BODY: "OutsideBody",
    UnitType.INTERNAL_OFFICE: "InternalOffice",
}
GK_VERSION = "1"


def _lit(value: str) -> ox.Literal:
    return ox.Literal(value)


def _int(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=XSD["integer"])


def _date(value: str) -> ox.Literal:
    return ox.Literal(value, datatype=XSD["date"])


def _bool(value: bool) -> ox.Literal:
    return ox.Literal("true" if value else "false", datatype=XSD["boolean"])


class _Quads:
    """Collects quads for one named graph, without duplicates, in order."""

    def __init__(self, graph: ox.NamedNode) -> None:
        self.graph = graph
        self.quads: dict[ox.Quad, None] = {}

    def add(self, s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal) -> None:
        self.quads[ox.Quad(s, p, o, self.graph)] = None


def relative_unit_name(body: str, jurisdiction: str | None) -> str:
    """``焦作市人民政府办公室`` in 焦作市 → ``市政府办公室``: the name as the
    jurisdiction's own documents write it, so an issuer and the same body named
    in a responsibility statement are one unit."""
    name = body.replace("人民政府", "政府")
    if jurisdiction and name.startswith(jurisdiction) and len(name) > len(jurisdiction):
        level = jurisdiction[-1]
        return level + name[len(jurisdiction) :]
    return name


def _qualified(name: str, jurisdiction: str | None) -> str | None:
    """``市生态环境局`` in 焦作市 → ``焦作市生态环境局`` (a search label)."""
    if jurisdiction and name[:1] == jurisdiction[-1:] and len(name) > 2 and not name.startswith("市场"):
        return jurisdiction + name[1:]
    return None


def document_quads(doc: ParsedDocument) -> tuple[ox.NamedNode, list[ox.Quad]]:
    """All quads of one parsed file, in its own named graph."""
    source = ox.NamedNode(iris.source_iri(doc.source_name))
    out = _Quads(source)
    out.add(source, RDF["type"], PROV["Entity"])
    out.add(source, RDF["type"], GK["SourceFile"])
    out.add(source, DCTERMS["identifier"], _lit(doc.source_name))
    out.add(source, GK["encoding"], _lit(doc.encoding))
    out.add(source, GK["byteSize"], _int(doc.n_bytes))
    out.add(source, GK["parserVersion"], _lit(GK_VERSION))
    jurisdiction = doc.jurisdiction
    units: dict[str, set[str]] = {}  # IRI → spellings seen

    def unit_node(name: str, printed: str, kind: UnitType, where: str | None) -> ox.NamedNode:
        node = ox.NamedNode(iris.unit_iri(where, name))
        if node.value not in units:
            units[node.value] = set()
            out.add(node, RDF["type"], ORG["Organization"])
            out.add(node, SKOS["prefLabel"], _lit(name))
            out.add(node, GK["unitType"], GK[UNIT_TYPE[kind]])
            if where:
                out.add(node, GK["jurisdiction"], _lit(where))
            qualified = _qualified(name, where)
            if qualified:
                out.add(node, SKOS["hiddenLabel"], _lit(qualified))
        if printed != name and printed not in units[node.value]:
            units[node.value].add(printed)
            out.add(node, SKOS["altLabel"], _lit(printed))
        return node

    def body_unit(body: str, where: str | None) -> ox.NamedNode:
        name = relative_unit_name(body, where)
        node = unit_node(name, body, unit_type(name), where)
        parent = re.match(r"^(.+?(?:政府))(?:办公室|办公厅)$", name)
        if parent:
            parent_node = unit_node(parent.group(1), parent.group(1), UnitType.GOVERNMENT, where)
            out.add(node, ORG["subOrganizationOf"], parent_node)
        return node

    gazette_node = None
    if doc.gazette:
        g = doc.gazette
        gazette_node = ox.NamedNode(iris.gazette_iri(g.jurisdiction, g.year, g.issue))
        out.add(gazette_node, RDF["type"], GK["GazetteIssue"])
        out.add(gazette_node, DCTERMS["title"], _lit(f"{g.title} {g.year}年第{g.issue}号"))
        out.add(gazette_node, DCTERMS["publisher"], body_unit(g.publisher, g.jurisdiction))
        if g.date:
            out.add(gazette_node, DCTERMS["issued"], _date(g.date))
        out.add(gazette_node, GK["year"], _int(g.year))
        out.add(gazette_node, GK["issueNumber"], _int(g.issue))
        if g.cumulative is not None:
            out.add(gazette_node, GK["cumulativeNumber"], _int(g.cumulative))
        out.add(gazette_node, GK["jurisdiction"], _lit(g.jurisdiction))
        out.add(gazette_node, PROV["wasDerivedFrom"], source)
        out.add(gazette_node, GK["sourceLine"], _int(g.line))

    for notice in doc.notices:
        _notice(out, notice, source, gazette_node, jurisdiction, unit_node, body_unit)
    return source, list(out.quads)


def _notice(out: _Quads, notice: Notice, source, gazette_node, jurisdiction, unit_node, body_unit) -> None:
    where = notice.jurisdiction or jurisdiction
    node = ox.NamedNode(iris.notice_iri(notice.doc_number, where, notice.date, notice.title))
    out.add(node, RDF["type"], GK["Notice"])
    out.add(node, RDF["type"], ELI["LegalResource"])
    out.add(node, DCTERMS["title"], _lit(notice.title))
    if notice.doc_number:
        out.add(node, GK["docNumber"], _lit(notice.doc_number))
        out.add(node, ELI["id_local"], _lit(notice.doc_number))
    if notice.genre:
        out.add(node, GK["genre"], _lit(notice.genre))
    if notice.date:
        out.add(node, DCTERMS["issued"], _date(notice.date))
        out.add(node, ELI["date_document"], _date(notice.date))
    if notice.issuer:
        out.add(node, GK["issuer"], body_unit(notice.issuer, where))
    if notice.speaker:
        out.add(node, GK["speaker"], _lit(notice.speaker))
    if where:
        out.add(node, GK["jurisdiction"], _lit(where))
    if gazette_node is not None:
        out.add(node, DCTERMS["isPartOf"], gazette_node)
    out.add(node, PROV["wasDerivedFrom"], source)
    out.add(node, GK["sourceLine"], _int(notice.line))

    for citation in notice.citations:
        cited = ox.NamedNode(iris.cited_iri(citation.doc_number, citation.title))
        out.add(node, GK["cites"], cited)
        out.add(cited, RDF["type"], GK["CitedDocument"])
        out.add(cited, RDF["type"], ELI["LegalResource"])
        out.add(cited, DCTERMS["title"], _lit(citation.title))
        if citation.doc_number:
            out.add(cited, GK["docNumber"], _lit(citation.doc_number))
        if citation.level:
            out.add(cited, GK["level"], _lit(citation.level))

    used: set[str] = set()

    def clause(c: Clause, parent: ox.NamedNode) -> None:
        path = c.path
        iri = iris.clause_iri(node.value, path)
        n = 1
        while iri in used:  # same label printed twice at one level
            n += 1
            path = c.path[:-1] + (f"{c.path[-1]}~{n}",)
            iri = iris.clause_iri(node.value, path)
        used.add(iri)
        cnode = ox.NamedNode(iri)
        out.add(cnode, RDF["type"], GK["Clause"])
        out.add(cnode, GK["notice"], node)
        out.add(cnode, DCTERMS["isPartOf"], parent)
        if c.label:
            out.add(cnode, GK["label"], _lit(c.label))
        out.add(cnode, GK["path"], _lit("/".join(path)))
        out.add(cnode, GK["order"], _int(c.order))
        out.add(cnode, GK["text"], _lit(c.text))
        out.add(cnode, GK["sourceLine"], _int(c.line))
        out.add(cnode, PROV["wasDerivedFrom"], source)
        if c.table is not None:
            out.add(cnode, RDF["type"], GK["TableRow"])
        for a in c.assignments:
            unit: Unit = a.unit
            unode = unit_node(unit.name, unit.printed, unit.kind, where)
            role = a.role.value
            anode = ox.NamedNode(iris.assignment_iri(cnode.value, role, unit.name))
            out.add(anode, RDF["type"], GK["Assignment"])
            out.add(anode, GK["clause"], cnode)
            out.add(anode, GK["unit"], unode)
            out.add(anode, GK["role"], GK[ROLE_CLASS[role]])
            out.add(anode, GK["inherited"], _bool(a.inherited))
            out.add(anode, GK["sourceText"], _lit(a.source_text))
            out.add(anode, GK["sourceLine"], _int(a.line))
            out.add(anode, PROV["wasDerivedFrom"], source)
            out.add(cnode, GK[ROLE_SHORTCUT[role]], unode)
        for d in c.deadlines:
            dnode = ox.NamedNode(iris.deadline_iri(cnode.value, d.date))
            out.add(cnode, GK["deadline"], dnode)
            out.add(dnode, RDF["type"], GK["Deadline"])
            out.add(dnode, GK["date"], _date(d.date))
            out.add(dnode, GK["text"], _lit(d.text))
            out.add(dnode, GK["sourceLine"], _int(d.line))
        for child in c.children:
            clause(child, cnode)

    for top in notice.clauses:
        clause(top, node)
    for index, row in enumerate(notice.table_rows, start=1):
        row.order = index
        clause(row, node)


def metrics_quads(metrics, parameters: dict, computed_at: str, jurisdiction_of_units: bool = True) -> tuple[ox.NamedNode, list[ox.Quad]]:
    """Coordination metrics as their own named graph, with the parameters and time (PROV-O).

    The graph's IRI derives from the parameters, so recomputing with the same
    filter replaces it and different filters live side by side.
    """
    import json

    canonical = json.dumps(parameters, sort_keys=True, ensure_ascii=False)
    graph = ox.NamedNode(f"{iris.BASE}metrics/{iris.digest(canonical)}")
    out = _Quads(graph)
    out.add(graph, RDF["type"], PROV["Activity"])
    out.add(graph, RDF["type"], GK["MetricsRun"])
    out.add(graph, PROV["endedAtTime"], ox.Literal(computed_at, datatype=XSD["dateTime"]))
    out.add(graph, GK["parameters"], _lit(canonical))
    for m in metrics:
        node = ox.NamedNode(f"{graph.value}/unit/{iris.digest(m.unit)}")
        out.add(node, RDF["type"], GK["CoordinationMetrics"])
        out.add(node, PROV["wasGeneratedBy"], graph)
        out.add(node, GK["metricsOf"], ox.NamedNode(m.unit))
        for prop, value in (("tasksLed", m.tasks_led), ("tasksSupported", m.tasks_supported),
                            ("tasksResponsible", m.tasks_responsible), ("tasksImplementing", m.tasks_implementing),
                            ("tasks", m.tasks), ("community", m.community)):
            out.add(node, GK[prop], _int(value))
        for prop, value in (("weightedDegree", m.weighted_degree), ("betweenness", m.betweenness),
                            ("pageRank", m.pagerank), ("loadIndex", m.load_index)):
            out.add(node, GK[prop], ox.Literal(repr(float(value)), datatype=XSD["double"]))
        for period, count in sorted(m.deadline_load.items()):
            entry = ox.NamedNode(f"{node.value}/deadlines/{period}")
            out.add(node, GK["deadlineLoad"], entry)
            out.add(entry, GK["period"], _lit(period))
            out.add(entry, GK["tasks"], _int(count))
    return graph, list(out.quads)
