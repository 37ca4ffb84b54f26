"""Citations: documents named in 《》 in a notice's text, with 文号 and level.

A title counts when it names a policy, law, regulation, plan or standard
(it ends in 法, 条例, 意见, 通知, 方案, 规划, 目录, 清单, 标准, 规范 …), is not the
notice's own title nor its attached document, and is not a certificate or
form (``《残疾人证》``). The level is read from the 文号 prefix first
(国发, 国办发 → national; 豫政, 京政办发 → provincial; the notice's own
agency code → municipal), then from the issuer at the head of the title or
named just before the 《 (国家, 国务院, …部 → national; …省 → provincial;
the city's name → municipal; …县 → county); laws and regulations with no
issuer named are national.
"""

from __future__ import annotations

import re

from . import regexes as rx
from .model import Citation


def normalise_doc_number(text: str) -> str:
    """文号 as printed, spaces removed and year brackets read as 〔〕.

    >>> normalise_doc_number("京政办发[2016]26号")
    '京政办发〔2016〕26号'
    >>> normalise_doc_number("菏政办字 〔2023〕1号")
    '菏政办字〔2023〕1号'
    """
    text = re.sub(r"\s+", "", text)
    return re.sub(r"[〔\[［【(（](\d{4})[〕\]］】)）]", r"〔\1〕", text)


def _number_in(text: str | None) -> str | None:
    if not text:
        return None
    for pattern in (rx.DOC_NUMBER, rx.ORDER_NUMBER):
        match = pattern.search(text)
        if match:
            return normalise_doc_number(match.group(0))
    match = rx.STANDARD_NUMBER.search(text)
    if match and match.start() == 0:
        return match.group(0).strip()
    return None


def level_of_jurisdiction(jurisdiction: str | None) -> str:
    """The level of a body of this jurisdiction: 青田县 → county, 浙江省 → provincial, 焦作市 → municipal."""
    if jurisdiction and jurisdiction.endswith(("县", "区", "旗")):
        return "county"
    if jurisdiction and jurisdiction.endswith(("省", "自治区")):
        return "provincial"
    return "municipal"


def citation_level(
    title: str, number: str | None, context_before: str, own_agency: str | None, stem: str | None, own_level: str = "municipal"
) -> str:
    """national, provincial, municipal, county or standard (see module doc)."""
    if number and rx.STANDARD_NUMBER.fullmatch(number):
        return "standard"
    if number:
        agency = rx.DOC_NUMBER.match(number)
        code = agency.group("agency") if agency else number
        if re.match(r"^(?:国务院令|国发|国办|中发|中办|国函|国办函)", code):
            return "national"
        if own_agency and code[:1] == own_agency[:1]:
            return own_level  # the issuing body's own series (青政发 in 青田县 is not 青海省)
        if rx.PROVINCIAL_PREFIX.match(code):
            return "provincial"
        if rx.NATIONAL_PREFIX.match(code):
            return "national"
    head = title.replace(" ", "")
    if rx.NATIONAL_ISSUER.match(head):
        return "national"
    if rx.PROVINCIAL_ISSUER.match(head):
        return "provincial"
    if stem and stem in head:
        return own_level
    if re.match(rf"^[{rx.CJK}]{{2,6}}市", head):
        return "municipal"
    if re.match(rf"^[{rx.CJK}]{{2,6}}(?:县|区)", head):
        return "county"
    nearby = context_before[-24:]
    if re.search(r"(?:国家|国务院|中央|部|总局|全国)[^，。；]*$", nearby):
        return "national"
    if re.search(r"省[^，。；]*$", nearby):
        return "provincial"
    if stem and re.search(rf"(?:{stem}|市)[^，。；]*$", nearby):
        return own_level
    return "national"


def _is_policy(title: str) -> bool:
    bare = re.sub(r"[（(][^（）()]*[）)]$", "", title)
    if rx.NOT_A_POLICY.search(bare) and not rx.POLICY_WORD.search(bare):
        return False
    return bool(rx.POLICY_WORD.search(bare) or rx.POLICY_WORD.search(title))


def find_citations(
    paragraphs: list[tuple[int, str]],
    own_titles: set[str],
    own_agency: str | None,
    stem: str | None,
    own_level: str = "municipal",
) -> list[Citation]:
    """Citations in a notice's paragraphs ``(line, text)``, one per document."""
    found: list[Citation] = []
    seen: set[str] = set()
    own = {_key(t) for t in own_titles if t}
    for line, text in paragraphs:
        for match in rx.CITATION.finditer(text):
            title = re.sub(r"\s+", "", match.group("title"))
            if _key(title) in own or not _is_policy(title):
                continue
            number = _number_in(match.group("number"))
            key = number or "title:" + _key(title)
            if key in seen or "title:" + _key(title) in seen:
                continue
            seen.update({key, "title:" + _key(title)})
            level = citation_level(title, number, text[: match.start()], own_agency, stem, own_level)
            found.append(Citation(title=title, doc_number=number, level=level, line=line))
    return found


def _key(title: str) -> str:
    return re.sub(r"[\s《》〈〉“”\"']", "", title)


def attached_titles(text: str) -> set[str]:
    """Titles the preamble announces as this notice's own attachment."""
    titles = {m.group("title") for m in rx.ATTACHED_TITLE.finditer(text)}
    titles |= {m.group("title") for m in rx.ATTACHED_TITLE_BEFORE.finditer(text)}
    return {re.sub(r"\s+", "", t) for t in titles}
