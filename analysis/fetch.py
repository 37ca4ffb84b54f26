"""What the networks are made of, read from the store through SPARQL (never from text).

``NetworkFilter`` says which assignments count; ``fetch_assignments`` turns it
into one SPARQL query for the assignments and one for their deadlines.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from graph.store import GraphStore
from graph.vocabulary import sparql_string

ROLES = ("Lead", "Support", "Responsible", "Implementer")




@dataclass(frozen=True)
class NetworkFilter:
    """Which assignments a network is built from. Every field narrows; defaults take everything."""

    jurisdiction: str | None = None
    notices: tuple[str, ...] = ()  # 文号 or notice IRIs
    issued_from: datetime.date | None = None
    issued_to: datetime.date | None = None
    deadline_from: datetime.date | None = None
    deadline_to: datetime.date | None = None
    roles: tuple[str, ...] = ROLES
    include_inherited: bool = True
    include_collective: bool = True  # 各县（市、区）政府, 相关单位 …
    include_outside: bool = True  # 国网焦作供电公司, 焦作车务段 …

    def __post_init__(self) -> None:
        unknown = set(self.roles) - set(ROLES)
        if unknown:
            raise ValueError(f"unknown role(s): {', '.join(sorted(unknown))} (choose from {', '.join(ROLES)})")

    def as_dict(self) -> dict:
        return {
            "jurisdiction": self.jurisdiction,
            "notices": list(self.notices),
            "issuedFrom": self.issued_from.isoformat() if self.issued_from else None,
            "issuedTo": self.issued_to.isoformat() if self.issued_to else None,
            "deadlineFrom": self.deadline_from.isoformat() if self.deadline_from else None,
            "deadlineTo": self.deadline_to.isoformat() if self.deadline_to else None,
            "roles": list(self.roles),
            "includeInherited": self.include_inherited,
            "includeCollective": self.include_collective,
            "includeOutside": self.include_outside,
        }

    def where(self) -> str:
        """The graph pattern binding ?a ?clause ?unit ?r ?notice under this filter.

        It is matched inside one named graph (``GRAPH ?g``): a file describes its own notices,
        clauses, assignments and units, and matching per graph keeps a notice printed in two
        files from multiplying the rows of the union graph."""
        parts = ["?a gk:clause ?clause ; gk:unit ?unit ; gk:role ?r ; gk:inherited ?inherited ."]
        if set(self.roles) != set(ROLES):
            parts.append("FILTER (?r IN (" + ", ".join(f"gk:{r}" for r in self.roles) + "))")
        if self.jurisdiction or self.notices or self.issued_from or self.issued_to:
            parts.append("?clause gk:notice ?notice .")
        if not self.include_inherited:
            parts.append("FILTER (?inherited = false)")
        if self.jurisdiction:
            parts.append(f"?notice gk:jurisdiction {sparql_string(self.jurisdiction)} .")
        if self.notices:
            iris = [n for n in self.notices if n.startswith("http")]
            numbers = [n for n in self.notices if not n.startswith("http")]
            options = [f"?notice IN ({', '.join(f'<{i}>' for i in iris)})"] if iris else []
            if numbers:
                parts.append("OPTIONAL { ?notice gk:docNumber ?docNumber }")
                options.append(f"?docNumber IN ({', '.join(sparql_string(n) for n in numbers)})")
            parts.append(f"FILTER ({' || '.join(options)})")
        if self.issued_from or self.issued_to:
            parts.append("?notice dcterms:issued ?issued .")
            if self.issued_from:
                parts.append(f'FILTER (?issued >= "{self.issued_from.isoformat()}"^^xsd:date)')
            if self.issued_to:
                parts.append(f'FILTER (?issued <= "{self.issued_to.isoformat()}"^^xsd:date)')
        if self.deadline_from or self.deadline_to:
            conditions = []
            if self.deadline_from:
                conditions.append(f'?inRange >= "{self.deadline_from.isoformat()}"^^xsd:date')
            if self.deadline_to:
                conditions.append(f'?inRange <= "{self.deadline_to.isoformat()}"^^xsd:date')
            parts.append(f"FILTER EXISTS {{ ?clause gk:deadline/gk:date ?inRange . FILTER ({' && '.join(conditions)}) }}")
        excluded = [t for t, keep in (("Collective", self.include_collective), ("OutsideBody", self.include_outside)) if not keep]
        if excluded:
            parts.append(f"FILTER NOT EXISTS {{ ?unit gk:unitType ?excludedType . FILTER (?excludedType IN ({', '.join(f'gk:{t}' for t in excluded)})) }}")
        return "GRAPH ?g {\n  " + "\n  ".join(parts) + "\n}"


@dataclass(frozen=True)
class AssignmentRow:
    clause: str
    unit: str
    role: str  # Lead, Support, Responsible, Implementer
    inherited: bool
    notice: str


@dataclass
class NetworkData:
    """Assignments under a filter, with unit names and types and clause deadlines."""

    assignments: list[AssignmentRow]
    units: dict[str, dict] = field(default_factory=dict)  # IRI → {"name", "type", "jurisdiction"}
    deadlines: dict[str, list[datetime.date]] = field(default_factory=dict)  # clause → dates
    clause_labels: dict[str, str] = field(default_factory=dict)  # clause → "文号 path"


ASSIGNMENTS = """SELECT DISTINCT ?clause ?unit ?role ?inherited WHERE {{
  {where}
  BIND (STRAFTER(STR(?r), "#") AS ?role)
}}"""
#: Units and clauses are read whole (cheap, one pass each) and joined to the assignments in Python:
#: Oxigraph answers these scans far faster than a join of them with the filtered assignments.
UNITS = """SELECT DISTINCT ?unit ?name ?type ?jurisdiction WHERE { GRAPH ?g {
  ?unit a org:Organization ; skos:prefLabel ?name .
  OPTIONAL { ?unit gk:unitType ?t } OPTIONAL { ?unit gk:jurisdiction ?jurisdiction }
  BIND (STRAFTER(STR(?t), "#") AS ?type) } }"""
CLAUSES = """SELECT DISTINCT ?clause ?notice ?number ?path ?date WHERE { GRAPH ?g {
  ?clause gk:notice ?notice ; gk:path ?path .
  OPTIONAL { ?notice gk:docNumber ?number } OPTIONAL { ?clause gk:deadline/gk:date ?date } } }"""


def fetch_assignments(store: GraphStore, network_filter: NetworkFilter) -> NetworkData:
    """Three SPARQL queries: the filtered assignments, then every unit and every clause (labels,
    notice, deadlines), joined here."""
    data = NetworkData(assignments=[])
    _, rows = store.select_text(ASSIGNMENTS.format(where=network_filter.where()))
    clauses = {row[0] for row in rows}
    notices: dict[str, str] = {}
    _, clause_rows = store.select_text(CLAUSES)
    for clause, notice, number, path, date in clause_rows:
        if clause not in clauses:
            continue
        notices[clause] = notice
        data.clause_labels.setdefault(clause, " ".join(v for v in (number, path) if v))
        if date:
            day = datetime.date.fromisoformat(date)
            dates = data.deadlines.setdefault(clause, [])
            if day not in dates:
                dates.append(day)
    for clause, unit, role, inherited in sorted(rows):
        data.assignments.append(AssignmentRow(clause, unit, role, inherited == "true", notices.get(clause, "")))
    units = {a.unit for a in data.assignments}
    _, unit_rows = store.select_text(UNITS)
    for unit, name, kind, jurisdiction in unit_rows:
        if unit in units:
            data.units.setdefault(unit, {"name": name, "type": kind or None, "jurisdiction": jurisdiction or None})
    for dates in data.deadlines.values():
        dates.sort()
    return data
