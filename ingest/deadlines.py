"""Deadlines: dated commitments in a task's text, as the last day of the period.

SPEC.md: 2023年底前 / 到2023年底 → 2023-12-31; 2024年10月底前 → 2024-10-31;
到2025年 and a target year 2025年 → 2025-12-31; 2023年12月31日 → itself;
上半年 → 06-30; a range 2019—2021年 → its end; 2024、2025年 → one each.
Not deadlines: a period with no year (年底前), a start (2018年7月1日起), a
baseline (较2015年), a year inside a name or a cited title, and years before
the notice's own year (``2022年未缴费月度`` in a 2023 notice is history).
"""

from __future__ import annotations

import calendar
import re

from . import regexes as rx
from .model import Deadline

CN_NUMBERS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
QUARTER_END = {"一": 3, "1": 3, "二": 6, "2": 6, "三": 9, "3": 9, "四": 12, "4": 12}


def last_day(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def _valid_year(year: int) -> bool:
    return 1949 <= year <= 2100


def _masked(text: str) -> str:
    """Blank out 《cited titles》 and bracketed names like （2023—2025年） so their years are not read."""
    def blank(match: re.Match[str]) -> str:
        return "\0" * len(match.group(0))

    text = re.sub(r"《[^《》]*》", blank, text)
    return re.sub(r"[（(]\s*\d{4}\s*[—–\-－~～至]\s*\d{4}\s*年?\s*[）)]", blank, text)


def find_deadlines(text: str, line: int, notice_year: int | None = None) -> list[Deadline]:
    """Every deadline in ``text`` (one per date), in order of appearance.

    >>> [d.date for d in find_deadlines("2023年底前，培育不少于2家；到2025年，覆盖率达到", 1)]
    ['2023-12-31', '2025-12-31']
    >>> [d.date for d in find_deadlines("自2018年7月1日起施行，较2015年下降", 1)]
    []
    """
    masked = _masked(text)
    found: list[Deadline] = []
    seen: set[str] = set()
    for match in rx.DEADLINE.finditer(masked):
        for date in _dates(match, masked, notice_year):
            if date not in seen:
                seen.add(date)
                found.append(Deadline(date=date, text=text[match.start() : match.end()].strip(), line=line))
    return found


def _dates(match: re.Match[str], text: str, notice_year: int | None) -> list[str]:
    g = match.groupdict()
    after = text[match.end() :]
    before = text[: match.start()]
    lead = g["lead"] or ""
    if rx.DEADLINE_START.match(after) or (not lead and rx.DEADLINE_BASELINE_BEFORE.search(before)):
        return []
    if rx.DEADLINE_BASELINE_AFTER.match(after) or NAME_FOLLOWS.match(after):
        return []
    if g["range_end"]:
        start, end = int(g["range_start"]), int(g["range_end"])
        if not (_valid_year(start) and _valid_year(end)) or end < start:
            return []
        return [last_day(end, 12)]
    if g["list"]:
        years = [int(y) for y in re.findall(r"\d{4}", g["list"])]
        return [last_day(y, 12) for y in years if _valid_year(y) and not _is_past(y, notice_year, lead)]
    if not g["year"]:
        return []
    year = int(g["year"])
    if not _valid_year(year) or _is_past(year, notice_year, lead):
        return []
    if g["month"]:
        month = int(g["month"])
        if not 1 <= month <= 12:
            return []
        if g["day"]:
            day = int(g["day"])
            if not 1 <= day <= calendar.monthrange(year, month)[1]:
                return []
            return [f"{year:04d}-{month:02d}-{day:02d}"]
        if not g["mend"] and not g["tail"] and not lead:
            return []  # 2023年5月 alone is a time, not a commitment
        return [last_day(year, month)]
    if g["yend"]:
        return [last_day(year, 12)]
    if g["half"]:
        return [last_day(year, 6 if g["half"] == "上半年" else 12)]
    if g["quarter"]:
        return [last_day(year, QUARTER_END[g["quarter"].lstrip("第")[0]])]
    # a bare year: a target when announced (到2025年), when it opens a sentence
    # (2025年，… / 。2025年所有…完成), or when a commitment follows
    opens_sentence = not before.strip() or before.rstrip()[-1] in "。；，,：:（(\n"
    if lead or g["tail"] or re.match(r"^\s*[，,：:]", after) or opens_sentence or _target_follows(after):
        if not NOT_TARGET.match(after):
            return [last_day(year, 12)]
    return []


#: ``落实2024-2025年节能降碳行动方案``: the years belong to a name.
NAME_FOLLOWS = re.compile(r"^[^，。；、,]{0,14}?(?:方案|计划|规划|纲要|意见|办法|行动计划|工作要点)(?:[》”）)]|[，。；、,]|$)")
TARGET_VERBS = re.compile(r"^\s*(?:[^，。；]{0,16}?)(?:完成|达到|实现|建成|建设|提高|提升|下降|降低|控制|基本|全面|力争|确保|新增|新建|新创|推动|争创|创建|培育|形成|消除|退出|覆盖|开工|投用|投运)")
NOT_TARGET = re.compile(r"^\s*(?:以来|年度|度|的|全年|同期|已|底前?已|末已|以前已)")


def _target_follows(after: str) -> bool:
    if NOT_TARGET.match(after):
        return False
    return bool(TARGET_VERBS.match(after))


def _is_past(year: int, notice_year: int | None, lead: str) -> bool:
    return notice_year is not None and year < notice_year and lead not in ("到", "至")
