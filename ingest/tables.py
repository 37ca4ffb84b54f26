"""Responsibility tables attached to a notice: each row becomes a clause.

A table counts when a heading names a 牵头 / 责任 / 配合 column. The item
column is the one headed 任务, 项目, 事项, 措施 or 内容; the row's number comes
from a 序号 column or from a number leading the item (``1 职工基本养老保险``).
A 时限 column gives deadlines. A role cell left empty because the PDF merged
it with the row above takes that row's value, within one section of the
table (markdown pipe tables have no merged cells and are taken as printed) (a row such as ``（三）能源绿色低碳发展行动`` starts a section).
Headings repeated on every page are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .deadlines import find_deadlines
from .model import Assignment, Clause, Paragraph, Role
from .responsibility import ReadingRules, parse_responsibility
from .units import UnitContext, parse_unit_list

LEAD_COLUMN = re.compile(r"牵头(?:部门|单位)|主办(?:部门|单位)")
SUPPORT_COLUMN = re.compile(r"(?:配合|参与|协办|协助)(?:部门|单位)")
RESPONSIBLE_COLUMN = re.compile(r"责任(?:单位|部门|主体|处室)|承办(?:单位|部门)|实施(?:单位|主体)|责任分工")
DEADLINE_COLUMN = re.compile(r"时限|完成时间|时间节点|完成期限|进度安排|时间安排")
NUMBER_COLUMN = re.compile(r"^(?:序号|编号|序)$")
ITEM_COLUMNS = [re.compile(p) for p in (r"任务", r"项目", r"事项", r"措施|举措", r"工作|内容|目标")]
LEADING_NUMBER = re.compile(r"^\s*(?P<n>\d{1,3})(?:\s+|[.．、]\s*)(?=\S)")
SECTION_ROW = re.compile(r"^\s*[（(]?[一二三四五六七八九十]+[）)、]")


@dataclass
class _Columns:
    header: tuple[str, ...]
    item: int
    number: int | None
    lead: int | None
    support: int | None
    responsible: int | None
    deadline: int | None


def _cells(paragraph: Paragraph) -> list[str]:
    return [re.sub(r"\s+", " ", cell).strip() for cell in paragraph.text.split("\t")]


def _columns(cells: list[str]) -> _Columns | None:
    def find(pattern: re.Pattern[str]) -> int | None:
        return next((i for i, c in enumerate(cells) if pattern.search(c.replace(" ", ""))), None)

    lead, support, responsible = find(LEAD_COLUMN), find(SUPPORT_COLUMN), find(RESPONSIBLE_COLUMN)
    if lead is None and support is None and responsible is None:
        return None
    role_columns = {lead, support, responsible}
    deadline = find(DEADLINE_COLUMN)
    number = next((i for i, c in enumerate(cells) if NUMBER_COLUMN.match(c.replace(" ", ""))), None)
    item = None
    for pattern in ITEM_COLUMNS:
        item = next(
            (i for i, c in enumerate(cells) if pattern.search(c) and i not in role_columns and i not in (deadline, number)),
            None,
        )
        if item is not None:
            break
    if item is None:
        return None
    return _Columns(tuple(c.replace(" ", "") for c in cells), item, number, lead, support, responsible, deadline)


UNIT_END_SPACE = re.compile(r"(?<=[局委办厅部会室处心府队院社所站组馆署联团司行关段位])\s+(?=[^\s，,、；;])")


def _unit_cell(text: str) -> str:
    """``市民政局 市残联`` lists units with spaces: after a whole unit name a space separates."""
    return _compact(UNIT_END_SPACE.sub("、", text.strip()))


def _compact(text: str) -> str:
    """``2023 年 12 月底前`` → ``2023年12月底前``: spaces PDF tools put between scripts."""
    return re.sub(r"(?<=[\d\u4e00-\u9fff（）()、，,])\s+|\s+(?=[\d\u4e00-\u9fff（）()、，,%])", "", text)


def parse_tables(
    paragraphs: list[Paragraph],
    ctx: UnitContext,
    rules: ReadingRules,
    notice_year: int | None,
) -> list[Clause]:
    """Rows of the responsibility tables among ``paragraphs`` as clauses."""
    sections: list[tuple[_Columns, int, list[tuple[Paragraph, list[str]]]]] = []
    columns: _Columns | None = None
    table_number = 0
    current: list[tuple[Paragraph, list[str]]] | None = None

    def new_section() -> None:
        nonlocal current
        current = []
        if columns is not None:
            sections.append((columns, table_number, current))

    for paragraph in paragraphs:
        if not paragraph.table:
            if SECTION_ROW.match(paragraph.text):
                new_section()
            continue
        cells = _cells(paragraph)
        header = _columns(cells)
        if header is not None:
            if columns is None or header.header != columns.header:
                table_number += 1
                columns = header
                new_section()
            continue
        if columns is None or current is None:
            continue
        cells += [""] * (len(columns.header) - len(cells))
        filled = [c for c in cells if c]
        if len(filled) == 1 and SECTION_ROW.match(filled[0]):
            new_section()
            continue
        current.append((paragraph, cells))

    rows: list[Clause] = []
    for section_columns, number, section_rows in sections:
        if not any(paragraph.grid for paragraph, _ in section_rows):
            _fill_merged_cells(section_rows, section_columns)
        for paragraph, cells in section_rows:
            row = _row(paragraph, cells, section_columns, ctx, rules.at(paragraph.line), notice_year, number)
            if row is not None:
                rows.append(row)
    return rows


def _fill_merged_cells(rows: list[tuple[Paragraph, list[str]]], columns: _Columns) -> None:
    """An empty role cell takes the row above's value (the PDF merged them);
    the first rows of a section, with nothing above, take the first value below."""
    for index in (columns.lead, columns.support, columns.responsible):
        if index is None:
            continue
        values = [cells[index] for _, cells in rows]
        for position, value in enumerate(values):
            if value:
                continue
            above = next((v for v in reversed(values[:position]) if v), "")
            below = next((v for v in values[position + 1 :] if v), "")
            rows[position][1][index] = above or below


def _row(
    paragraph: Paragraph,
    cells: list[str],
    columns: _Columns,
    ctx: UnitContext,
    rules: ReadingRules,
    notice_year: int | None,
    table_number: int,
) -> Clause | None:
    item = cells[columns.item] if columns.item < len(cells) else ""
    label = cells[columns.number].strip() if columns.number is not None and columns.number < len(cells) else ""
    leading = LEADING_NUMBER.match(item)
    if leading:
        label = label or leading.group("n")
        item = item[leading.end() :]
    item = _compact(item)
    if not item or item in ("合计", "总计", "小计"):
        return None
    assignments: list[Assignment] = []
    for index, role in ((columns.lead, Role.LEAD), (columns.support, Role.SUPPORT), (columns.responsible, Role.RESPONSIBLE)):
        if index is None or index >= len(cells) or not cells[index]:
            continue
        cell = _unit_cell(cells[index])
        if role is Role.RESPONSIBLE:
            pairs = parse_responsibility(cell, ctx, rules, default=Role.RESPONSIBLE).assignments
        else:
            pairs = [(unit, role) for unit in parse_unit_list(cell, ctx)]
        for unit, unit_role in pairs:
            if all((a.unit, a.role) != (unit, unit_role) for a in assignments):
                assignments.append(Assignment(unit=unit, role=unit_role, source_text=cells[index], line=paragraph.line))
    if not assignments:
        return None
    if columns.deadline is not None:
        when = cells[columns.deadline] if columns.deadline < len(cells) else ""
        deadlines = find_deadlines(_compact(when), paragraph.line, None)
    else:
        deadlines = find_deadlines(item, paragraph.line, notice_year)
    return Clause(
        label=label,
        path=(f"表{table_number}", label or f"行{paragraph.line}"),
        order=0,
        line=paragraph.line,
        text=item,
        assignments=assignments,
        deadlines=deadlines,
        table=table_number,
    )
