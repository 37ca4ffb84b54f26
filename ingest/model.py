"""Plain records produced by the ingest stages.

Every extracted item carries the 1-based source line it came from and, where
it matters, the text as printed, so the graph can point back at the page.
Nothing here knows about RDF or the store: ``graph.build`` turns these into
triples at the edge.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    """The four responsibility roles of the contract (see SPEC.md)."""

    LEAD = "lead"
    SUPPORT = "support"
    RESPONSIBLE = "responsible"
    IMPLEMENTER = "implementer"


class UnitType(StrEnum):
    """Coarse kinds of responsible unit, read from the shape of the name."""

    GOVERNMENT = "government"  # 焦作市人民政府, 中站区政府
    DEPARTMENT = "department"  # 市生态环境局, 市委宣传部
    COLLECTIVE = "collective"  # 各县（市、区）政府, 相关单位, 领导小组成员单位
    OUTSIDE_BODY = "outside_body"  # 国网焦作供电公司, 焦作车务段, 人行焦作市分行
    INTERNAL_OFFICE = "internal_office"  # 领导小组办公室, 工作专班


@dataclass(frozen=True)
class Paragraph:
    """A logical paragraph: physical lines joined where PDF extraction broke them.

    ``text`` is the cleaned text used for parsing (markdown removed, traditional
    characters read as simplified); ``raw`` is the printed text, kept for
    provenance. ``line`` is the first physical line, ``end_line`` the last.
    """

    line: int
    end_line: int
    text: str
    raw: str
    heading: bool = False  # marked as a heading in markdown (#, **…**)
    table: bool = False  # a table row (cells separated by tabs)
    grid: bool = False  # the row came from a markdown pipe table: empty cells are really empty


@dataclass(frozen=True)
class Unit:
    """A responsible unit as normalised from one mention."""

    name: str  # normalised name (SPEC.md), e.g. 市发展改革委
    printed: str  # the mention as printed, e.g. 发改委
    kind: UnitType


@dataclass(frozen=True)
class Assignment:
    unit: Unit
    role: Role
    source_text: str  # the statement as printed
    line: int
    inherited: bool = False


@dataclass(frozen=True)
class Deadline:
    date: str  # ISO date, last day of the period
    text: str  # as printed, e.g. 2023年底前
    line: int


@dataclass(frozen=True)
class Citation:
    title: str
    doc_number: str | None
    level: str | None  # national, provincial, municipal, county, standard
    line: int


@dataclass
class Clause:
    """A numbered item of a notice (or a row of a responsibility table)."""

    label: str  # as printed after normalisation, e.g. （一）, 1., 第三条
    path: tuple[str, ...]  # labels from the top, e.g. ("二", "（一）", "1.")
    order: int  # position among its siblings, 1-based
    line: int
    text: str = ""  # own text, breaks repaired
    children: list[Clause] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    table: int | None = None  # index of the attached table for table rows
    #: paragraphs of own text, kept until responsibilities are read
    paragraphs: list[Paragraph] = field(default_factory=list, repr=False)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Notice:
    title: str
    line: int
    doc_number: str | None = None
    doc_number_line: int | None = None
    issuer: str | None = None
    genre: str | None = None
    date: str | None = None
    speaker: str | None = None
    jurisdiction: str | None = None
    clauses: list[Clause] = field(default_factory=list)
    table_rows: list[Clause] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    end_line: int = 0

    def all_clauses(self):
        for clause in self.clauses:
            yield from clause.walk()
        yield from self.table_rows


@dataclass(frozen=True)
class GazetteIssue:
    publisher: str
    jurisdiction: str
    year: int
    issue: int
    cumulative: int | None
    date: str | None
    line: int
    title: str


@dataclass(frozen=True)
class ParseWarning:
    """Something skipped or doubtful, with the line a reader should look at."""

    line: int
    message: str


@dataclass
class ParsedDocument:
    source_name: str  # file name used for the source IRI
    encoding: str
    jurisdiction: str | None
    gazette: GazetteIssue | None
    notices: list[Notice]
    warnings: list[ParseWarning] = field(default_factory=list)
    n_bytes: int = 0
