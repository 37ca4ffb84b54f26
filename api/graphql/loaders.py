"""Batched reads for the GraphQL resolvers: one SPARQL query per batch of ids.

Every relation a resolver follows goes through a DataLoader keyed by IRI, so
a GraphQL request costs a bounded number of store queries whatever the size
of its result (no N+1). Rows come back as plain dicts of Python values.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox
from starlette.concurrency import run_in_threadpool
from strawberry.dataloader import DataLoader

from graph.store import GraphStore
from graph.vocabulary import sparql_iri

from ..snapshot import Snapshot

ROLE_OF = {"Lead": "LEAD", "Support": "SUPPORT", "Responsible": "RESPONSIBLE", "Implementer": "IMPLEMENTER"}


def value(term) -> str | int | bool | None:
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if datatype.endswith("#integer"):
            return int(term.value)
        if datatype.endswith("#boolean"):
            return term.value == "true"
        return term.value
    return term.value


def values_block(variable: str, ids: Iterable[str]) -> str:
    return f"VALUES ?{variable} {{ { ' '.join(sparql_iri(i) for i in ids)} }}"


async def related(link: DataLoader, key: str, field: str, target: DataLoader) -> list[dict]:
    """The rows ``target`` holds for the ids that ``link`` lists under ``key`` (two batched loads)."""
    rows = await link.load(key)
    return [row for row in await target.load_many([r[field] for r in rows]) if row]


class CountingStore:
    """Wraps the store to count queries (the N+1 test reads ``count``)."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.count = 0

    async def select(self, query: str) -> list[dict]:
        self.count += 1
        result = await run_in_threadpool(self.store.select, query)
        return [{k: value(v) for k, v in row.items()} for row in result.rows]


@dataclass
class Loaders:
    store: CountingStore
    snapshot: Snapshot
    notices: DataLoader = field(init=False)
    gazettes: DataLoader = field(init=False)
    clauses: DataLoader = field(init=False)
    top_clauses: DataLoader = field(init=False)
    table_rows: DataLoader = field(init=False)
    children: DataLoader = field(init=False)
    clause_assignments: DataLoader = field(init=False)
    unit_assignments: DataLoader = field(init=False)
    units: DataLoader = field(init=False)
    deadlines: DataLoader = field(init=False)
    cites: DataLoader = field(init=False)
    cited_by: DataLoader = field(init=False)
    documents: DataLoader = field(init=False)
    gazette_notices: DataLoader = field(init=False)

    def __post_init__(self) -> None:
        def one(query: str):
            async def load(ids: list[str]) -> list[dict | None]:
                rows = await self.store.select(query.replace("$VALUES", values_block("id", ids)))
                found = {}
                for row in rows:
                    found.setdefault(row["id"], row)
                return [found.get(i) for i in ids]

            return DataLoader(load_fn=load)

        def many(query: str, order: str | None = None):
            async def load(ids: list[str]) -> list[list[dict]]:
                rows = await self.store.select(query.replace("$VALUES", values_block("id", ids)))
                grouped: dict[str, list[dict]] = defaultdict(list)
                seen: set[tuple] = set()
                for row in rows:
                    key = tuple(sorted(row.items(), key=lambda kv: kv[0]))
                    if key not in seen:  # the union of graphs repeats shared triples
                        seen.add(key)
                        grouped[row["id"]].append(row)
                if order:
                    for group in grouped.values():
                        group.sort(key=lambda r: (r.get(order) is None, r.get(order)))
                return [grouped.get(i, []) for i in ids]

            return DataLoader(load_fn=load)

        self.notices = one(NOTICES)
        self.gazettes = one(GAZETTES)
        self.clauses = one(CLAUSES)
        async def load_units(ids: list[str]) -> list[dict | None]:
            units = (await run_in_threadpool(self.snapshot.load)).units  # every unit, read once per server
            return [units.get(i) for i in ids]

        self.units = DataLoader(load_fn=load_units)
        self.documents = one(DOCUMENTS)
        self.top_clauses = many(TOP_CLAUSES, "order")
        self.table_rows = many(TABLE_ROWS, "order")
        self.children = many(CHILDREN, "order")
        self.clause_assignments = many(CLAUSE_ASSIGNMENTS, "assignment")
        self.unit_assignments = many(UNIT_ASSIGNMENTS, "assignment")
        self.deadlines = many(DEADLINES, "date")
        self.cites = many(CITES, "target")
        self.cited_by = many(CITED_BY, "source")
        self.gazette_notices = many(GAZETTE_NOTICES, "line")


NOTICES = """
SELECT ?id ?docNumber ?title ?genre ?issued ?issuer ?speaker ?jurisdiction ?gazette ?source ?line WHERE {
  $VALUES
  ?id a gk:Notice .
  OPTIONAL { ?id gk:docNumber ?docNumber } OPTIONAL { ?id dcterms:title ?title } OPTIONAL { ?id gk:genre ?genre }
  OPTIONAL { ?id dcterms:issued ?issued } OPTIONAL { ?id gk:issuer ?issuer } OPTIONAL { ?id gk:speaker ?speaker }
  OPTIONAL { ?id gk:jurisdiction ?jurisdiction } OPTIONAL { ?id dcterms:isPartOf ?gazette }
  OPTIONAL { ?id prov:wasDerivedFrom/dcterms:identifier ?source } OPTIONAL { ?id gk:sourceLine ?line }
}"""
GAZETTES = """
SELECT ?id ?title ?publisher ?issued ?year ?issueNumber ?cumulativeNumber ?jurisdiction WHERE {
  $VALUES
  ?id a gk:GazetteIssue ; dcterms:title ?title ; gk:year ?year ; gk:issueNumber ?issueNumber .
  OPTIONAL { ?id dcterms:publisher ?publisher } OPTIONAL { ?id dcterms:issued ?issued }
  OPTIONAL { ?id gk:cumulativeNumber ?cumulativeNumber } OPTIONAL { ?id gk:jurisdiction ?jurisdiction }
}"""
GAZETTE_NOTICES = """
SELECT ?id ?notice ?line WHERE { $VALUES ?notice dcterms:isPartOf ?id ; a gk:Notice ; gk:sourceLine ?line }"""
CLAUSES = """
SELECT ?id ?notice ?parent ?label ?path ?order ?text ?line ?source ?row WHERE {
  $VALUES
  ?id a gk:Clause ; gk:notice ?notice ; dcterms:isPartOf ?parent ; gk:path ?path ; gk:order ?order ; gk:text ?text ;
      gk:sourceLine ?line .
  OPTIONAL { ?id gk:label ?label } OPTIONAL { ?id prov:wasDerivedFrom/dcterms:identifier ?source }
  BIND (EXISTS { ?id a gk:TableRow } AS ?row)
}"""
TOP_CLAUSES = """
SELECT ?id ?clause ?order WHERE { $VALUES ?clause dcterms:isPartOf ?id ; a gk:Clause ; gk:order ?order .
  FILTER NOT EXISTS { ?clause a gk:TableRow } }"""
TABLE_ROWS = """SELECT ?id ?clause ?order WHERE { $VALUES ?clause dcterms:isPartOf ?id ; a gk:TableRow ; gk:order ?order }"""
CHILDREN = """SELECT ?id ?clause ?order WHERE { $VALUES ?clause dcterms:isPartOf ?id ; a gk:Clause ; gk:order ?order }"""
ASSIGNMENT_FIELDS = """?assignment gk:clause ?clause ; gk:unit ?unit ; gk:role ?roleIri ; gk:inherited ?inherited ;
  gk:sourceText ?sourceText ; gk:sourceLine ?line . BIND (STRAFTER(STR(?roleIri), "#") AS ?role)"""
CLAUSE_ASSIGNMENTS = f"""SELECT ?id ?assignment ?clause ?unit ?role ?inherited ?sourceText ?line WHERE {{
  $VALUES BIND (?id AS ?clause) {ASSIGNMENT_FIELDS} }}"""
UNIT_ASSIGNMENTS = f"""SELECT ?id ?assignment ?clause ?unit ?role ?inherited ?sourceText ?line WHERE {{
  $VALUES BIND (?id AS ?unit) {ASSIGNMENT_FIELDS} }}"""
DEADLINES = """SELECT ?id ?deadline ?date ?text ?line WHERE {
  $VALUES ?id gk:deadline ?deadline . ?deadline gk:date ?date ; gk:text ?text ; gk:sourceLine ?line }"""
CITES = """SELECT ?id ?target WHERE { $VALUES ?id gk:cites ?target }"""
CITED_BY = """SELECT ?id ?source WHERE { $VALUES ?source gk:cites ?id }"""
DOCUMENTS = """
SELECT ?id ?title ?docNumber ?level ?notice WHERE {
  $VALUES
  ?id dcterms:title ?title .
  OPTIONAL { ?id gk:docNumber ?docNumber } OPTIONAL { ?id gk:level ?level }
  BIND (EXISTS { ?id a gk:Notice } AS ?notice)
}"""
