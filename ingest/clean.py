"""Stage 2, clean: physical lines to logical paragraphs, keeping line numbers.

Text extracted from PDFs breaks sentences at page and column ends, leaves
page numbers and file-name debris between pages, and sometimes carries
markdown (``#`` headings, ``**bold**``, ``<sub>``). This stage removes the
marks and debris and joins the fragments of one paragraph, recording for
each paragraph the first and last physical line it came from.

Joining is decided by the conventions of Chinese prose, not by line length:
a fragment continues the previous one when that one is inside an open
bracket, or stops mid-sentence (no closing punctuation, and it reads as prose
— it contains a comma or enumeration mark) and the next fragment does not
start a new numbered item, a responsibility line, a date or a 文号.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from . import regexes as rx
from .brackets import bracket_depth
from .model import Paragraph

HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*")
MD_BULLET = re.compile(r"^\s*(?:[-*+]|>)\s+")
MD_EMPHASIS = re.compile(r"\*\*|__")
MD_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
MD_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
#: Page numbers between pages: ``— 3 —``, ``- 12 -``, ``·3·``, ``第 3 页``, ``3``.
PAGE_NUMBER = re.compile(r"^[\s\-—–－·•]*(?:第\s*)?\d{1,4}(?:\s*页)?[\s\-—–－·•]*$")
#: File-name debris left by the PDF tool: ``04公报.p``, ``gazette.pdf``.
FILE_DEBRIS = re.compile(rf"^[\w{rx.CJK}\-]{{0,24}}\.(?:p|pd|pdf|doc|docx|wps|indd|ps)$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Read traditional characters as simplified, keeping every offset.

    OpenCC's t2s table is used character by character when a phrase-level
    conversion would change the length, so that positions in the parsed text
    are positions in the printed text.
    """
    if text.isascii():
        return text
    converted = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(ch2 if len(ch2 := _t2s().convert(ch)) == 1 else ch for ch in text)


def clean_line(raw: str) -> tuple[str, bool, bool, bool]:
    """Strip markup from one physical line: (text, is_heading, is_table, is_grid)."""
    line = raw.replace("\u3000", " ").replace("\xa0", " ").strip(" \r\n")
    grid = False
    heading = bool(MD_HEADING.match(line))
    line = MD_HEADING.sub("", line)
    stripped = line.strip()
    if stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 3:
        if MD_TABLE_SEPARATOR.match(stripped):
            return "", False, False, False
        cells = [c.strip() or " " for c in stripped.strip("|").split("|")]
        line = "\t".join(cells)
        grid = True
    if stripped.startswith("**") and stripped.endswith("**") and len(stripped) > 4 and "**" not in stripped[2:-2]:
        heading = True
    line = MD_BULLET.sub("", line)
    line = MD_EMPHASIS.sub("", line)
    line = HTML_TAG.sub("", line)
    table = "\t" in line and bool(line.strip("\t "))
    line = line.strip(" ") if table else line.strip()
    return to_simplified(line), heading, table, grid


def is_debris(text: str) -> bool:
    """Page numbers, rules and file names left between pages."""
    return bool(PAGE_NUMBER.match(text) or FILE_DEBRIS.match(text) or MD_RULE.match(text))


def starts_structure(text: str) -> bool:
    """Does this fragment begin a new unit of the document?"""
    return bool(
        any(p.match(text) for _, p in rx.LABEL_PATTERNS)
        or rx.RESPONSIBILITY_LABEL.match(text)
        or rx.DEADLINE_LABEL.match(text)
        or rx.DATE_LINE.match(text)
        or rx.DOC_NUMBER_LINE.match(text)
        or rx.ATTACHMENT_LIST.match(text)
        or rx.ATTACHMENT_HEADING.match(text)
        or rx.TOC_HEADING.match(text)
        or rx.GAZETTE_ISSUE.match(text)
    )


def continues(previous: str, fragment: str, previous_heading: bool) -> bool:
    """Should ``fragment`` be joined to the paragraph ending in ``previous``?"""
    if bracket_depth(previous) > 0 and len(previous) < 3000:
        return not (rx.DOC_NUMBER_LINE.match(fragment) or rx.DATE_LINE.match(fragment))
    if previous.endswith(tuple(rx.SENTENCE_END + "：:")):
        return False
    last_open = max(previous.rfind("（"), previous.rfind("("))
    if previous.endswith(("）", ")")) and rx.STATEMENT_HINT.search(previous[max(last_open, 0) :]):
        return False  # a responsibility remark closes its paragraph
    if rx.RESPONSIBILITY_LABEL.match(previous) and "。" in fragment:
        return False  # a sentence after a 责任单位 line is new prose
    if starts_structure(fragment):
        return False
    if "关于" in fragment and rx.TITLE_END.search(fragment):
        return False  # a whole notice title starts here
    if rx.RESPONSIBILITY_LABEL.match(previous):
        return True  # a 责任单位 list broken at a page end (sentences were ruled out above)
    if "关于" in previous and not rx.TOC_ENTRY.search(previous) and not rx.TITLE_END.search(previous) and len(fragment) < 60:
        # a title broken over lines: ``…关于印发…消费品`` / ``以旧换新财政政策的通知``
        if rx.TITLE_END.search(fragment) or fragment.endswith(("》", "号）", "号)")):
            return True
    if previous.endswith(("，", "、", ",", "—", "-", "和", "及", "与", "的")):
        return True  # even a markdown heading cannot end on a comma
    if previous_heading:
        return False
    prose = previous
    for _, pattern in rx.LABEL_PATTERNS:
        prose = pattern.sub("", prose, count=1)
    return len(prose) >= 4 and any(mark in prose for mark in "，、；,")


def clean_lines(text: str) -> list[Paragraph]:
    """Turn a document's text into logical paragraphs with line provenance."""
    physical = text.splitlines()
    cleaned: list[tuple[int, str, str, bool, bool, bool]] = []
    for number, raw in enumerate(physical, start=1):
        line, heading, table, grid = clean_line(raw)
        if not line.strip() or is_debris(line.strip()):
            cleaned.append((number, "", raw, False, False, False))
            continue
        cleaned.append((number, line, raw.strip(), heading, table, grid))

    repeated = _running_headers(cleaned)
    paragraphs: list[Paragraph] = []
    current: list[tuple[int, str, str, bool, bool, bool]] = []

    def flush() -> None:
        if not current:
            return
        first, last = current[0], current[-1]
        paragraphs.append(
            Paragraph(
                line=first[0],
                end_line=last[0],
                text="".join(part[1] for part in current),
                raw="\n".join(part[2] for part in current),
                heading=first[3],
                table=first[4],
                grid=first[5],
            )
        )
        current.clear()

    seen_headers: set[str] = set()
    for item in cleaned:
        number, line, raw, heading, table, _grid = item
        if not line:
            continue
        if line in repeated:
            if line in seen_headers:
                continue
            seen_headers.add(line)
        if table:
            flush()
            current.append(item)
            flush()
            continue
        if current:
            previous = "".join(part[1] for part in current)
            if continues(previous, line, current[-1][3]):
                current.append(item)
                continue
            flush()
        current.append(item)
    flush()
    return paragraphs


def _running_headers(cleaned: list[tuple[int, str, str, bool, bool, bool]]) -> set[str]:
    """Short lines repeated on many pages (running heads), to keep once."""
    counts = Counter(item[1] for item in cleaned if item[1] and not item[4])
    return {
        line
        for line, n in counts.items()
        if n >= 3
        and len(line) <= 30
        and not any(mark in line for mark in "，。；：:")
        and not starts_structure(line)
        and not rx.ATTACHMENT_HEADING.match(line)
    }
