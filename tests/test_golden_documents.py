"""Golden tests of whole documents: each fixture against its hand-written expectation.

The fixtures (``tests/fixtures/docs``) show layouts the shared corpus does
not: a county office's notice with half-width punctuation and labelled
responsibility lines, a provincial 意见 with inheritance, a markdown gazette
with a regulation (第N条), a pipe table and a speech, a traditional-character
Beijing notice, and a GBK-encoded file. Expected results are written from the
text, in the format of ../shared/gold; a unit may be matched by its preferred
name or by the spelling printed in the text.
"""

import json
from pathlib import Path

import pytest
from goldlike import ROLES, clause_key

from ingest import parse_file

DOCS = Path(__file__).parent / "fixtures" / "docs"
CASES = sorted(p for p in DOCS.iterdir() if p.suffix in (".txt", ".md"))


def _names(clause) -> dict[str, list[set[str]]]:
    return {role: [{a.unit.name, a.unit.printed} for a in clause.assignments if a.role.value == role] for role in ROLES}


def _matches(expected: list[str], got: list[set[str]]) -> bool:
    return len(expected) == len(got) and all(name in names for name, names in zip(expected, got))


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_document(path):
    expected = json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))
    doc = parse_file(path)
    assert doc.jurisdiction == expected["jurisdiction"]
    if expected["gazette"] is None:
        assert doc.gazette is None
    else:
        g = doc.gazette
        assert {"publisher": g.publisher, "year": g.year, "issue": g.issue, "cumulative": g.cumulative, "date": g.date} == expected["gazette"]
    assert len(doc.notices) == len(expected["notices"])
    for notice, want in zip(doc.notices, expected["notices"]):
        for field in ("doc_number", "issuer", "title", "genre", "date", "speaker"):
            assert getattr(notice, field) == want[field], field
        assert [(c.title, c.doc_number, c.level) for c in notice.citations] == [
            (c["title"], c["doc_number"], c["level"]) for c in want["citations"]
        ]
        tasks = [c for top in notice.clauses for c in top.walk() if c.assignments]
        assert [clause_key(c.text) for c in tasks] == [t["key"] for t in want["tasks"]]
        for clause, task in zip(tasks, want["tasks"]):
            got = _names(clause)
            for role in ROLES:
                assert _matches(task[role], got[role]), (task["key"], role, got[role])
            inherited = {}
            for a in clause.assignments:
                if a.inherited:
                    inherited.setdefault(a.role.value, []).append(a.unit.name)
            assert inherited == task["inherited"]
            assert [d.date for d in clause.deadlines] == task["deadlines"]
        assert [clause_key(r.text) for r in notice.table_rows] == [t["key"] for t in want["table_tasks"]]
        for row, task in zip(notice.table_rows, want["table_tasks"]):
            got = _names(row)
            for role in ROLES:
                assert _matches(task[role], got[role]), (task["key"], role, got[role])
            assert [d.date for d in row.deadlines] == task["deadlines"]


def test_gbk_fixture_is_really_gbk():
    data = (DOCS / "lishui_gbk.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert parse_file(DOCS / "lishui_gbk.txt").encoding == "gb18030"


def test_statement_provenance_keeps_printed_traditional_text():
    doc = parse_file(DOCS / "beijing_traditional.txt")
    first = doc.notices[0].clauses[0]
    assert first.assignments[0].source_text.startswith("(市城市管理委牽頭")
    assert first.line == 7
