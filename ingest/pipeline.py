"""The ingest pipeline: read → clean → segment → clauses → responsibilities.

``parse_document`` is the one entry point; every stage it calls is a module
of its own with one public function. The result is plain dataclasses
(``ingest.model``); nothing here touches RDF or the store.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import regexes as rx
from .citations import attached_titles, find_citations, level_of_jurisdiction, normalise_doc_number
from .clauses import build_clauses, clause_text
from .clean import clean_lines
from .deadlines import find_deadlines
from .model import Assignment, Clause, Notice, Paragraph, ParsedDocument, ParseWarning, Role, Unit
from .read import DEFAULT_MAX_BYTES, SourceText, read_source
from .responsibility import ReadingRules, find_statement, parse_responsibility
from .segment import NoticeBlock, find_gazette, find_notices, iso_date
from .tables import parse_tables
from .units import UnitContext, jurisdiction_of


def parse_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> ParsedDocument:
    """Read and parse one gazette file (raises ``read.SourceError``)."""
    return parse_document(read_source(path, max_bytes))


def parse_text(text: str, name: str = "document.txt") -> ParsedDocument:
    """Parse text already in memory (tests, fixtures)."""
    return parse_document(SourceText(name=name, path=Path(name), text=text, encoding="utf-8", n_bytes=len(text.encode())))


def parse_document(source: SourceText) -> ParsedDocument:
    paragraphs = clean_lines(source.text)
    gazette = find_gazette(paragraphs)
    blocks = find_notices(paragraphs)
    warnings: list[ParseWarning] = []
    jurisdiction = gazette.jurisdiction if gazette else None
    if jurisdiction is None:
        for block in blocks:
            jurisdiction = jurisdiction_of(_issuer(block.title))
            if jurisdiction:
                break
    ctx = UnitContext(jurisdiction=jurisdiction, aliases=_short_names(paragraphs))
    rules = ReadingRules.declared_in(paragraphs)
    notices = [_notice(paragraphs, block, ctx, rules, warnings) for block in blocks]
    if not notices:
        warnings.append(ParseWarning(1, "no notices found (no title with a 文号 or speech header)"))
    return ParsedDocument(
        source_name=source.name,
        encoding=source.encoding,
        jurisdiction=jurisdiction,
        gazette=gazette,
        notices=notices,
        warnings=warnings,
        n_bytes=source.n_bytes,
    )


def _short_names(paragraphs: list[Paragraph]) -> dict[str, str]:
    aliases: dict[str, str] = {}
    for paragraph in paragraphs:
        for match in rx.SHORT_NAME.finditer(paragraph.text):
            aliases[match.group("short")] = match.group("full")
    return aliases


def _issuer(title: str) -> str | None:
    match = rx.TITLE_ISSUER.match(title)
    return re.sub(r"\s+", "", match.group("issuer")) if match else None


def _genre(title: str) -> str | None:
    match = rx.TITLE_END.search(title)
    if not match:
        return None
    return re.sub(r"\s+", "", match.group("genre"))


def _notice(
    paragraphs: list[Paragraph], block: NoticeBlock, ctx: UnitContext, rules: ReadingRules, warnings: list[ParseWarning]
) -> Notice:
    title = re.sub(r"\s+", "", block.title).strip("《》")
    first = paragraphs[block.title_start]
    notice = Notice(title=title, line=first.line, end_line=paragraphs[block.end - 1].end_line)
    notice.issuer = _issuer(title)
    notice.genre = _genre(title)
    notice.speaker = block.speaker
    notice.jurisdiction = jurisdiction_of(notice.issuer) or ctx.jurisdiction
    if block.doc_number_index is not None:
        doc = paragraphs[block.doc_number_index]
        notice.doc_number = normalise_doc_number(doc.text)
        notice.doc_number_line = doc.line
    if block.inline_number:
        notice.doc_number, notice.doc_number_line = normalise_doc_number(block.inline_number), first.line
    if block.order_number:
        notice.doc_number, notice.doc_number_line = block.order_number, first.line
        notice.issuer = notice.issuer or block.order_number.split("令第")[0]
        notice.jurisdiction = jurisdiction_of(notice.issuer) or ctx.jurisdiction
    body = paragraphs[block.header_end : block.end]
    for paragraph in body:
        dated = rx.DATE_LINE.match(paragraph.text)
        if dated:
            notice.date = iso_date(dated)
            break
    if block.speaker and notice.date is None:
        speaker_para = paragraphs[block.header_end - 1]
        dated = rx.DATE.search(speaker_para.text)
        notice.date = iso_date(dated) if dated else None
    notice_year = int(notice.date[:4]) if notice.date else None
    if not any(p.text.strip() for p in body):
        warnings.append(ParseWarning(first.line, f"notice {notice.doc_number or title} has no body (truncated?)"))

    # clauses and their statements, in document order
    notice.clauses = build_clauses(body)
    inherited: list[tuple[Unit, Role, str]] = []
    body_start = block.header_end
    for clause in _in_order(notice.clauses):
        _read_clause(clause, ctx, rules, inherited)
    _lift_list_statements(notice.clauses)
    for clause in _in_order(notice.clauses):
        if clause.assignments:  # deadlines are commitments of tasks, not of goal sections
            clause.deadlines = _clause_deadlines(clause, notice_year)

    # tables
    notice.table_rows = parse_tables(body, ctx, rules, notice_year)

    # citations
    preamble_text = "".join(p.text for p in paragraphs[body_start : min(block.end, body_start + 8)])
    own = {title} | attached_titles(preamble_text) | _attached_plan_titles(body)
    number = rx.DOC_NUMBER.match(notice.doc_number or "")
    agency = number.group("agency") if number else None
    notice.citations = find_citations([(p.line, p.text) for p in body if not p.table], own, agency, ctx.stem,
                                      level_of_jurisdiction(notice.jurisdiction))
    for clause in notice.all_clauses():
        clause.text = clause.text or clause_text(clause.paragraphs)
    return notice


def _attached_plan_titles(body: list[Paragraph]) -> set[str]:
    """附件：X lines name this notice's own attachments."""
    titles = set()
    for paragraph in body:
        if rx.ATTACHMENT_LIST.match(paragraph.text):
            rest = rx.ATTACHMENT_LIST.sub("", paragraph.text)
            for part in re.split(r"\d+[.．、]\s*", rest):
                if part.strip():
                    titles.add(re.sub(r"\s+", "", part))
    return titles


def _in_order(clauses: list[Clause]):
    for clause in clauses:
        yield from clause.walk()


def _read_clause(
    clause: Clause,
    ctx: UnitContext,
    rules: ReadingRules,
    inherited: list[tuple[Unit, Role, str]],
) -> None:
    """Statements, assignments (own and inherited) and deadlines of a clause."""
    stated = False
    for paragraph in clause.paragraphs:
        statement = find_statement(paragraph.text)
        if statement is None:
            continue
        stated = True
        printed = _printed(paragraph, statement.printed)
        read = parse_responsibility(statement.content, ctx, rules.at(paragraph.line))
        for unit, role in read.assignments:
            _add(clause, Assignment(unit=unit, role=role, source_text=printed, line=paragraph.line))
        for unit, role in read.inherited:
            inherited.append((unit, role, printed))
    if stated:
        known = {(a.unit.name, a.role) for a in clause.assignments}
        for unit, role, printed in inherited:
            if (unit.name, role) not in known:
                _add(clause, Assignment(unit=unit, role=role, source_text=printed, line=clause.line, inherited=True))


def _clause_deadlines(clause: Clause, notice_year: int | None) -> list:
    """Deadlines in a clause's own text, statements left out, one per date."""
    found = []
    for paragraph in clause.paragraphs:
        statement = find_statement(paragraph.text)
        text = paragraph.text[: statement.start] if statement else paragraph.text
        for deadline in find_deadlines(text, paragraph.line, notice_year):
            if all(d.date != deadline.date for d in found):
                found.append(deadline)
    return found


def _printed(paragraph: Paragraph, statement: str) -> str:
    """The statement as printed (raw text, before simplification)."""
    raw = paragraph.raw.replace("\n", "")
    text = paragraph.text
    start = text.find(statement)
    if start >= 0 and len(raw) == len(text):
        return raw[start : start + len(statement)]
    return statement


def _add(clause: Clause, assignment: Assignment) -> None:
    if all((a.unit.name, a.role) != (assignment.unit.name, assignment.role) for a in clause.assignments):
        clause.assignments.append(assignment)


def _lift_list_statements(clauses: list[Clause]) -> None:
    """A statement closing only the last item of a list introduced by ``…如下：``
    belongs to the item that introduced the list (the sub-items spell out
    what it requires)."""
    for clause in clauses:
        _lift_list_statements(clause.children)
        if not clause.children or clause.assignments:
            continue
        own = clause_text(clause.paragraphs).rstrip()
        if not own.endswith(("：", ":")):
            continue
        *others, last = clause.children
        if last.assignments and not any(child.assignments for child in others) and not last.children:
            clause.assignments, last.assignments = last.assignments, []
