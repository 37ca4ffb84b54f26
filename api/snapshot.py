"""An in-memory index of the served store: who holds which clause, and every unit.

The server opens the store read-only and sees it as it was at start, so an
index read once stays true for the server's life. orgMap and the unit
loader answer from it in memory instead of re-joining assignments in the
store on every request (one full join costs ~60 ms on the sample corpus;
the index answers in a few). It is built on first use, in one pass of two
queries, and can be warmed at startup.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from graph.store import GraphStore

ASSIGNMENTS = """SELECT DISTINCT ?clause ?unit ?role ?notice WHERE {
  GRAPH ?g { ?a gk:clause ?clause ; gk:unit ?unit ; gk:role ?r . ?clause gk:notice ?notice . }
  BIND (STRAFTER(STR(?r), "#") AS ?role) }"""
NOTICES = """SELECT DISTINCT ?notice ?jurisdiction WHERE { ?notice a gk:Notice ; gk:jurisdiction ?jurisdiction }"""
DEADLINES = """SELECT DISTINCT ?clause ?date WHERE { GRAPH ?g { ?clause gk:deadline/gk:date ?date } }"""
UNITS = """SELECT ?id ?name ?jurisdiction ?type ?parent (GROUP_CONCAT(DISTINCT ?alt; SEPARATOR="\\u001f") AS ?altLabels) WHERE {
  ?id a org:Organization ; skos:prefLabel ?name .
  OPTIONAL { ?id gk:jurisdiction ?jurisdiction } OPTIONAL { ?id gk:unitType ?typeIri }
  OPTIONAL { ?id org:subOrganizationOf ?parent } OPTIONAL { ?id skos:altLabel ?alt }
  BIND (STRAFTER(STR(?typeIri), "#") AS ?type)
} GROUP BY ?id ?name ?jurisdiction ?type ?parent"""


@dataclass
class Snapshot:
    store: GraphStore
    assignments: list[tuple[str, str, str, str]] = field(default_factory=list)  # clause, unit, role, notice
    jurisdiction_of: dict[str, str] = field(default_factory=dict)  # notice → jurisdiction
    deadlines: dict[str, list[str]] = field(default_factory=dict)  # clause → ISO dates
    units: dict[str, dict] = field(default_factory=dict)  # unit id → row
    _coordination: dict | None = None
    _maps: dict = field(default_factory=dict)  # orgMap arguments → built map (bounded)
    _ready: bool = False
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def load(self) -> Snapshot:
        with self._lock:
            if not self._ready:
                rows = self.store.select(ASSIGNMENTS).rows
                self.assignments = [(r["clause"].value, r["unit"].value, r["role"].value, r["notice"].value) for r in rows]
                self.jurisdiction_of = {r["notice"].value: r["jurisdiction"].value for r in self.store.select(NOTICES).rows}
                for row in self.store.select(DEADLINES).rows:
                    self.deadlines.setdefault(row["clause"].value, []).append(row["date"].value)
                for row in self.store.select(UNITS).rows:
                    unit = {k: (v.value if v is not None else None) for k, v in row.items()}
                    self.units.setdefault(unit["id"], unit)
                self._ready = True
        return self

    def in_jurisdiction(self, jurisdiction: str) -> list[tuple[str, str, str, str]]:
        return [a for a in self.load().assignments if self.jurisdiction_of.get(a[3]) == jurisdiction]

    def of_notice(self, notice: str) -> list[tuple[str, str, str, str]]:
        return [a for a in self.load().assignments if a[3] == notice]

    def around(self, units: set[str], depth: int) -> list[tuple[str, str, str, str]]:
        """Assignments of the clauses shared with ``units``, widening ``depth`` times."""
        assignments = self.load().assignments
        by_clause: dict[str, list[tuple[str, str, str, str]]] = {}
        for a in assignments:
            by_clause.setdefault(a[0], []).append(a)
        frontier, seen, clauses = set(units), set(), set()
        for _ in range(depth):
            new = {a[0] for a in assignments if a[1] in frontier} - clauses
            clauses |= new
            seen |= frontier
            frontier = {a[1] for c in new for a in by_clause[c]} - seen
            if not frontier:
                break
        return [a for c in sorted(clauses) for a in by_clause[c]]

    def coordination(self) -> dict:
        """Coordination metrics of every unit over the whole graph (computed once), by unit IRI."""
        with self._lock:
            if self._coordination is None:
                from analysis import NetworkFilter, fetch_assignments, unit_metrics

                self._coordination = {m.unit: m for m in unit_metrics(fetch_assignments(self.store, NetworkFilter()))}
        return self._coordination

    def jurisdictions(self) -> list[str]:
        return sorted(set(self.load().jurisdiction_of.values()))

    def due_between(self, start: str | None, end: str | None) -> set[str]:
        """Clauses with a deadline in [start, end] (ISO dates; either may be open)."""
        return {c for c, dates in self.load().deadlines.items()
                if any((start is None or d >= start) and (end is None or d <= end) for d in dates)}

    def cached_map(self, key: tuple):
        return self._maps.get(key)

    def remember_map(self, key: tuple, built) -> None:
        if len(self._maps) >= 128:
            self._maps.pop(next(iter(self._maps)))
        self._maps[key] = built
