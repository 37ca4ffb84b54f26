"""Stage 3, segment: the gazette masthead and where each notice begins and ends.

A gazette issue opens with a masthead (``焦作市人民政府公报``), the issue line
(``2023年第5号（总第131号）``), the publisher and date, and a table of
contents. Notices are found by their 版头 (GB/T 9704): a title ending in a
document type (通知, 决定, 意见 …) next to a paragraph that is only a 文号, or
a speech title (``…上的讲话``) with the speaker's name under it. Table of
contents entries are never notices: their 文号 sit in brackets with page
numbers, and titles there start with a number or 《.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import regexes as rx
from .model import GazetteIssue, Paragraph
from .units import jurisdiction_of


@dataclass(frozen=True)
class NoticeBlock:
    """Where a notice sits among the document's paragraphs."""

    title_start: int  # index of the first title paragraph
    title: str
    header_end: int  # index after the title / 文号 / speaker lines
    end: int  # index after the last paragraph of the notice
    doc_number_index: int | None
    speaker: str | None = None
    order_number: str | None = None  # 政府令: ``焦作市人民政府令第15号``
    inline_number: str | None = None  # a 文号 printed in brackets after the title


def iso_date(match: re.Match[str]) -> str | None:
    """A DATE match as ISO, reading Chinese numerals (二〇二三年九月八日)."""
    def number(text: str) -> int:
        if text.isdigit():
            return int(text)
        digits = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
        if len(text) == 4:
            return int("".join(str(digits.get(ch, 0)) for ch in text))
        if "十" in text:
            tens, _, ones = text.partition("十")
            return (digits.get(tens, 1) if tens else 1) * 10 + (digits.get(ones, 0) if ones else 0)
        return digits.get(text, 0)

    year, month, day = number(match.group("y")), number(match.group("m")), number(match.group("d"))
    if not (1949 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def find_gazette(paragraphs: list[Paragraph], limit: int = 20) -> GazetteIssue | None:
    """The masthead of a gazette issue, if the document opens with one."""
    publisher = issue = None
    date = None
    line = title = None
    for paragraph in paragraphs[:limit]:
        text = paragraph.text.replace(" ", "")
        masthead = rx.GAZETTE_MASTHEAD.match(text)
        if masthead and publisher is None:
            publisher, line, title = masthead.group("publisher"), paragraph.line, text
            continue
        number = rx.GAZETTE_ISSUE.match(text)
        if number and issue is None:
            issue = number
            continue
        dated = rx.DATE_LINE.match(paragraph.text)
        if dated and issue is not None and date is None:
            date = iso_date(dated)
            break
        if rx.TOC_HEADING.match(text) or rx.DOC_NUMBER_LINE.match(text):
            break
    if publisher is None or issue is None:
        return None
    cumulative = issue.group("cum")
    return GazetteIssue(
        publisher=publisher,
        jurisdiction=jurisdiction_of(publisher) or publisher,
        year=int(issue.group("year")),
        issue=int(issue.group("issue")),
        cumulative=int(cumulative) if cumulative else None,
        date=date,
        line=line or 1,
        title=title or "",
    )


def _title_like(text: str) -> bool:
    return (
        0 < len(text) <= 150
        and not text.endswith(tuple(rx.SENTENCE_END))
        and not rx.DATE_LINE.match(text)
        and not rx.TOC_ENTRY.search(text)
        and not text.startswith("《")
        and not re.match(r"^\d+[.．、\s]", text)
        and not rx.ADDRESSEE.match(text)
    )


def _title_before(paragraphs: list[Paragraph], index: int) -> tuple[int, str] | None:
    """Title paragraphs right before ``index`` (a 文号), joined."""
    parts: list[str] = []
    start = index
    for back in range(index - 1, max(index - 4, -1), -1):
        text = paragraphs[back].text.strip()
        if paragraphs[back].table or not _title_like(text):
            break
        parts.insert(0, text)
        start = back
        if "关于" in text or rx.TITLE_ISSUER.match(text):
            break
    title = "".join(parts)
    if parts and rx.TITLE_END.search(title) and ("关于" in title or len(parts) <= 2):
        return start, title
    return None


def _title_after(paragraphs: list[Paragraph], index: int) -> tuple[int, str, int] | None:
    """A title printed under the 文号 (红头 layout): (start, title, end index)."""
    parts: list[str] = []
    for ahead in range(index + 1, min(index + 4, len(paragraphs))):
        text = paragraphs[ahead].text.strip()
        if paragraphs[ahead].table or not _title_like(text):
            break
        parts.append(text)
        if rx.TITLE_END.search("".join(parts)):
            return index + 1, "".join(parts), ahead + 1
    return None


def _single_document_title(paragraphs: list[Paragraph], within: int = 8) -> int | None:
    """A file holding one document without a 文号 (a 办法, a 规定 printed on its own): its title is
    an early title-like paragraph ending in a document type, followed by numbered text."""
    for index, paragraph in enumerate(paragraphs[:within]):
        text = paragraph.text.strip()
        if paragraph.table or not _title_like(text) or not rx.TITLE_END.search(text):
            continue
        following = paragraphs[index + 1 : index + 6]
        if any(any(p.match(f.text) for _, p in rx.LABEL_PATTERNS) for f in following):
            return index
    return None


def _order(paragraphs: list[Paragraph], index: int) -> tuple[int, str] | None:
    """A government order (政府令): header, serial, and the title of the rules it promulgates."""
    header = rx.ORDER_HEADER.match(paragraphs[index].text.strip().replace(" ", ""))
    if not header or index + 1 >= len(paragraphs):
        return None
    serial = rx.ORDER_SERIAL.match(paragraphs[index + 1].text.strip())
    if not serial:
        return None
    for ahead in range(index + 2, min(index + 12, len(paragraphs))):
        text = paragraphs[ahead].text.strip()
        if _title_like(text) and rx.TITLE_END.search(text) and not rx.DATE_LINE.match(text):
            return ahead, f"{header.group('body')}令第{serial.group('n')}号"
    return None


def find_notices(paragraphs: list[Paragraph]) -> list[NoticeBlock]:
    """Locate every notice: title, 文号 or speaker, and extent."""
    starts: list[tuple[int, str, int, int | None, str | None, str | None, str | None]] = []
    used_until = -1
    for index, paragraph in enumerate(paragraphs):
        if index <= used_until or paragraph.table:
            continue
        text = paragraph.text.strip()
        order = _order(paragraphs, index)
        if order is not None:
            title_index, number = order
            starts.append((index, paragraphs[title_index].text.strip(), index + 2, None, None, number, None))
            used_until = index + 1
            continue
        inline = rx.TITLE_WITH_NUMBER.match(text)
        if inline and "关于" in inline.group("title") and rx.TITLE_END.search(inline.group("title")) \
                and _title_like(inline.group("title")) and not any(mark in inline.group("title") for mark in "，,《"):
            starts.append((index, inline.group("title"), index + 1, None, None, None, inline.group("number")))
            continue
        if rx.DOC_NUMBER_LINE.match(text):
            before = _title_before(paragraphs, index)
            if before and before[0] > used_until:
                starts.append((before[0], before[1], index + 1, index, None, None, None))
                used_until = index
                continue
            after = _title_after(paragraphs, index)
            if after:
                starts.append((index, after[1], after[2], index, None, None, None))
                used_until = after[2] - 1
            continue
        if rx.SPEECH_TITLE.match(text.replace(" ", "")):
            for ahead in range(index + 1, min(index + 3, len(paragraphs))):
                speaker = rx.SPEAKER_LINE.match(paragraphs[ahead].text.strip())
                if speaker:
                    name = re.sub(r"\s+", "", speaker.group("name"))
                    starts.append((index, text, ahead + 1, None, name, None, None))
                    used_until = ahead
                    break
    if not starts:
        single = _single_document_title(paragraphs)
        if single is not None:
            starts.append((single, paragraphs[single].text.strip(), single + 1, None, None, None, None))
    blocks: list[NoticeBlock] = []
    for number, (start, title, header_end, doc_index, speaker, order, inline) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(paragraphs)
        blocks.append(NoticeBlock(start, title, header_end, end, doc_index, speaker, order, inline))
    return blocks
