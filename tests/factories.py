"""Small factories for table-driven tests: expected objects written compactly."""

from __future__ import annotations

from ingest.model import Role
from ingest.responsibility import ReadingRules, parse_responsibility
from ingest.units import UnitContext

ROLE_CODES = {"L": Role.LEAD, "S": Role.SUPPORT, "R": Role.RESPONSIBLE, "I": Role.IMPLEMENTER}


def pairs(spec: str) -> list[tuple[str, str]]:
    """``"L:市水利局 S:市财政局,市商务局"`` → [(市水利局, lead), (市财政局, support), …]."""
    out = []
    for part in spec.split():
        code, _, names = part.partition(":")
        out += [(name, ROLE_CODES[code].value) for name in names.split(",") if name]
    return out


def read(statement: str, jurisdiction: str = "焦作市", **rules: bool) -> list[tuple[str, str]]:
    """Parse a statement and return (unit name, role) pairs in order."""
    result = parse_responsibility(statement, UnitContext(jurisdiction=jurisdiction), ReadingRules(**rules))
    return [(unit.name, role.value) for unit, role in result.assignments]


def inherited(statement: str, jurisdiction: str = "焦作市") -> list[tuple[str, str]]:
    result = parse_responsibility(statement, UnitContext(jurisdiction=jurisdiction))
    return [(unit.name, role.value) for unit, role in result.inherited]
