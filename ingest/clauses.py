"""The clause tree of a notice, from numbering labels.

Labels follow the levels of ``regexes.LABEL_PATTERNS`` (第N章 > 第N条 > 一、 >
（一） > 1. > （1） > ①). The tree is built with a stack: a label closes every
open clause of its own or a lower level, so documents that skip a level
still nest as printed. A paragraph without a label continues the open
clause, except after the clause has been closed by its responsibility
statement: then only a further statement joins it (SPEC.md: "a
responsibility statement in its own paragraph after a task's text belongs to
that task"), and other prose (``本意见自…起施行``) belongs to no clause.

An attachment list (``附件：1. …``) is not a clause; after an attachment
heading (``附件2``) numbering starts afresh under that attachment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import regexes as rx
from .model import Clause, Paragraph
from .responsibility import find_statement


@dataclass(frozen=True)
class Label:
    level: int
    label: str  # normalised label, e.g. （一）, 1., 一、
    path_label: str  # as used in gk:path, e.g. 一
    rest: str  # the paragraph text after the label


def label_of(text: str) -> Label | None:
    """The numbering label that opens ``text``, if any.

    >>> label_of("（三）加快建设多式联运标准体系。").label
    '（三）'
    >>> label_of("二、主要措施").path_label
    '二'
    >>> label_of("(1) 加快实施").label
    '(1)'
    >>> label_of("2025年，基本建成") is None
    True
    """
    for level, pattern in rx.LABEL_PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        rest = text[match.end() :]
        if not rest.strip() or rx.LABEL_NOT_TEXT.match(rest.strip()):
            if level != 0:
                return None
        raw = re.sub(r"\s+", "", match.group("label"))
        if level == 2:
            return Label(level, raw + "、", raw, rest)
        if level == 4:
            sep = text[len(match.group("label")) :].lstrip()[:1]
            label = raw + ("." if sep in ".．" else "、")
            return Label(level, label, label, rest)
        return Label(level, raw, raw, rest)
    return None


@dataclass
class _Open:
    clause: Clause
    level: int
    closed: bool = False


def _attachment_name(text: str) -> str:
    number = re.sub(r"\D", "", text)
    return f"附件{number}" if number else "附件"


def build_clauses(paragraphs: list[Paragraph]) -> list[Clause]:
    """Build the clause tree of a notice body."""
    roots: list[Clause] = []
    stack: list[_Open] = []
    base_path: tuple[str, ...] = ()
    in_attachment_list = False

    def siblings() -> list[Clause]:
        return stack[-1].clause.children if stack else roots

    for paragraph in paragraphs:
        text = paragraph.text
        if paragraph.table:
            continue
        if rx.ATTACHMENT_LIST.match(text):
            in_attachment_list = True
            stack.clear()
            continue
        if rx.ATTACHMENT_HEADING.match(text):
            in_attachment_list = False
            stack.clear()
            base_path = (_attachment_name(text),)
            continue
        label = label_of(text)
        if in_attachment_list:
            if label and len(text) < 60 and "。" not in text:
                continue
            in_attachment_list = False
        if label is None:
            if stack:
                top = stack[-1]
                if top.closed and not find_statement(text) and not rx.RESPONSIBILITY_LABEL.match(text) \
                        and not rx.DEADLINE_LABEL.match(text):
                    continue  # closing prose of the notice, no clause's text
                top.clause.paragraphs.append(paragraph)
                if find_statement(text):
                    top.closed = True
            continue
        while stack and stack[-1].level >= label.level:
            stack.pop()
        parent_path = stack[-1].clause.path if stack else base_path
        clause = Clause(
            label=label.label,
            path=parent_path + (label.path_label,),
            order=len(siblings()) + 1,
            line=paragraph.line,
        )
        raw = paragraph.raw.replace("\n", "")
        if len(raw) == len(paragraph.text):  # keep printed and parsed text aligned
            raw = raw[len(paragraph.text) - len(label.rest) :]
        body = Paragraph(paragraph.line, paragraph.end_line, label.rest, raw, paragraph.heading, False)
        clause.paragraphs.append(body)
        siblings().append(clause)
        stack.append(_Open(clause, label.level, closed=bool(find_statement(label.rest))))
    _dedupe_paths(roots)
    return roots


def _dedupe_paths(clauses: list[Clause]) -> None:
    """Siblings printed with the same label get ~2, ~3 … so IRIs stay distinct."""
    seen: dict[tuple[str, ...], int] = {}
    for clause in clauses:
        if clause.path in seen:
            seen[clause.path] += 1
            clause.path = clause.path[:-1] + (f"{clause.path[-1]}~{seen[clause.path]}",)
            for descendant in clause.walk():
                if descendant is not clause:
                    descendant.path = clause.path + descendant.path[len(clause.path) :]
        else:
            seen[clause.path] = 1
        _dedupe_paths(clause.children)


def clause_text(paragraphs: list[Paragraph]) -> str:
    """A clause's own text: paragraphs joined, with a line break only where
    the previous paragraph ended a sentence (breaks inside sentences were
    page or column ends)."""
    parts: list[str] = []
    for paragraph in paragraphs:
        if parts and parts[-1].endswith(tuple(rx.SENTENCE_END + "）)：:")):
            parts.append("\n")
        parts.append(paragraph.text)
    return "".join(parts)
