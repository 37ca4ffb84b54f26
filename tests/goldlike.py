"""Turn a ParsedDocument into the shape of ../shared/gold (SPEC.md), for comparisons.

The key of a task is computed as SPEC.md says: the first 8 CJK characters,
letters or digits of the clause's own text after its label.
"""

from __future__ import annotations

import re

from ingest.model import Clause, ParsedDocument

KEY_CHAR = re.compile(r"[\u3400-\u9fff\uf900-\ufaffA-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
ROLES = ("lead", "support", "responsible", "implementer")


def clause_key(text: str, n: int = 8) -> str:
    return "".join(KEY_CHAR.findall(text or "")[:n])


def task(clause: Clause, table: bool = False) -> dict:
    out: dict = {"key": clause_key(clause.text), "label": clause.label or None}
    for role in ROLES:
        out[role] = [a.unit.name for a in clause.assignments if a.role.value == role]
    if not table:
        inherited: dict[str, list[str]] = {}
        for a in clause.assignments:
            if a.inherited:
                inherited.setdefault(a.role.value, []).append(a.unit.name)
        out["inherited"] = inherited
    out["deadlines"] = [d.date for d in clause.deadlines]
    return out


def goldlike(doc: ParsedDocument) -> dict:
    gazette = None
    if doc.gazette:
        g = doc.gazette
        gazette = {"publisher": g.publisher, "year": g.year, "issue": g.issue, "cumulative": g.cumulative, "date": g.date}
    notices = []
    for n in doc.notices:
        clauses = [c for top in n.clauses for c in top.walk()]
        notices.append(
            {
                "doc_number": n.doc_number,
                "issuer": n.issuer,
                "title": n.title,
                "genre": n.genre,
                "date": n.date,
                "speaker": n.speaker,
                "citations": [{"doc_number": c.doc_number, "title": c.title, "level": c.level} for c in n.citations],
                "tasks": [task(c) for c in clauses if c.assignments],
                "table_tasks": [task(c, table=True) for c in n.table_rows],
            }
        )
    return {"jurisdiction": doc.jurisdiction, "gazette": gazette, "notices": notices}
