"""Unit names: splitting lists, expanding shared parts, normalising spellings.

How a list such as ``市交通运输局、发展改革委、焦作车务段，各县〔市、区〕政府``
becomes unit names (SPEC.md "Unit names"):

* items are split on 、 and list separators outside brackets;
* a shared leading 市 (or 县, 区, 省 …) is given to department-like items
  (ending 局, 委, 办, 厅, 部, 中心 …); named outside bodies are kept as written;
* a shared trailing word is given to bare place names
  (``中站区、博爱县政府`` → 中站区政府, 博爱县政府);
* brackets become full-width round ones, 人民政府 becomes 政府, a trailing 等 /
  等部门 is dropped and a bracketed alias (``财政局〔国资委〕``) is removed.

Different spellings of one department (简称 and 全称: 发改委 / 发展改革委 /
发展和改革委员会) are mapped to one canonical name by ``CANONICAL_NAMES``, a
table of the standard abbreviations of Chinese government departments, and
by ``（以下简称…）`` declarations found in the document itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import regexes as rx
from .brackets import split_top_level
from .model import Unit, UnitType

#: Standard short and long forms of department names → the canonical form
#: used as the unit's preferred label. These are naming conventions of
#: Chinese government departments (the 简称 the State Council's own lists
#: use), not names taken from any one city. Keys and values omit the
#: jurisdiction prefix (市, 县 …).
CANONICAL_NAMES: dict[str, str] = {
    "发改委": "发展改革委",
    "发展和改革委员会": "发展改革委",
    "发展改革委员会": "发展改革委",
    "发展和改革委": "发展改革委",
    "工信局": "工业和信息化局",
    "工业信息化局": "工业和信息化局",
    "卫健委": "卫生健康委",
    "卫生健康委员会": "卫生健康委",
    "卫生和健康委员会": "卫生健康委",
    "人社局": "人力资源社会保障局",
    "人力资源和社会保障局": "人力资源社会保障局",
    "人力社保局": "人力资源社会保障局",
    "住建局": "住房城乡建设局",
    "住房和城乡建设局": "住房城乡建设局",
    "住房城乡建设委": "住房城乡建设局",
    "市场监督管理局": "市场监管局",
    "城市管理局": "城管局",
    "城市管理综合执法局": "城管局",
    "自然资源规划局": "自然资源和规划局",
    "文广旅局": "文化广电和旅游局",
    "文化广电旅游局": "文化广电和旅游局",
    "文化和旅游局": "文化广电和旅游局",
    "医疗保障局": "医保局",
    "退役军人事务局": "退役军人局",
    "科学技术局": "科技局",
    "生态环境保护局": "生态环境局",
    "环保局": "生态环境局",
    "政务服务和大数据管理局": "政务服务和大数据局",
    "应急局": "应急管理局",
    "住房公积金中心": "住房公积金管理中心",
    "邮政局": "邮政管理局",
    "供销合作社": "供销社",
    "残疾人联合会": "残联",
    "工商业联合会": "工商联",
    "妇女联合会": "妇联",
}

#: Prefix characters that mark a body of the jurisdiction (市生态环境局).
LEVEL_PREFIXES = "市县区省州旗"
#: Starts of names that already say where they belong.
QUALIFIED_START = re.compile(r"^(?:国家|国务院|中国|中华|中共|中央|国网|省|人行|人民银行|团|全国)")
SEPARATORS = "、，,；;／/ \t"
#: ``市12345热线中心及市直相关部门``: 及 / 以及 between two names separates them.
AND_SEPARATOR = re.compile(r"(?<=[局委办厅部会室处心府队院社所站组馆署联团司行关段位])(?:以及|及)(?=[\u4e00-\u9fff])")
BRACKETS = str.maketrans({"〔": "（", "〕": "）", "(": "（", ")": "）", "［": "（", "］": "）", "[": "（", "]": "）"})


@dataclass
class UnitContext:
    """What normalising a unit needs to know about where it was written."""

    jurisdiction: str | None = None
    #: declared short names (以下简称) → full names, from the document
    aliases: dict[str, str] = field(default_factory=dict)

    @property
    def stem(self) -> str | None:
        """焦作市 → 焦作: the place name inside local bodies' names."""
        if not self.jurisdiction:
            return None
        stem = re.sub(r"(?:自治区|自治州|自治县|特别行政区|省|市|州|盟|县|区|旗)$", "", self.jurisdiction)
        return stem if len(stem) >= 2 else None


def split_unit_list(text: str) -> list[str]:
    """Split a list of units on separators outside brackets.

    >>> split_unit_list("市民政局、市卫生健康委，各县（市、区）政府")
    ['市民政局', '市卫生健康委', '各县（市、区）政府']
    """
    items = split_top_level(text, SEPARATORS)
    parts = [part.strip() for item in items for part in AND_SEPARATOR.split(item) if part.strip()]
    merged: list[str] = []
    for part in parts:
        # 各市、县（市、区）政府 is one collective: "every city and county government"
        if merged and re.fullmatch(r"各[省市县区乡镇]", merged[-1]) and part[:1] in "省市县区乡镇":
            merged[-1] += "、" + part
        else:
            merged.append(part)
    return merged


def clean_unit_text(item: str) -> str:
    """Brackets, spaces, 等 and bracketed aliases (see module docstring)."""
    item = re.sub(r"\s+", "", item).translate(BRACKETS)
    item = item.strip("。.：:“”\"'")
    previous = None
    while previous != item:
        previous = item
        item = rx.TRAILING_ETC.sub("", item)
        item = rx.BRACKET_ALIAS.sub("", item.translate(BRACKETS))
    return item


def is_department(name: str) -> bool:
    return bool(rx.DEPARTMENT_SUFFIX.search(name)) and not rx.COLLECTIVE.search(name)


def expand_list(items: list[str], ctx: UnitContext, prefix: str | None) -> list[str]:
    """Apply the shared leading prefix and shared trailing word to a list."""
    out = [clean_unit_text(item) for item in items]
    out = [item for item in out if item]
    # shared trailing word: 中站区、博爱县政府 → 中站区政府、博爱县政府
    tail = None
    for index in range(len(out) - 1, -1, -1):
        item = out[index]
        match = rx.SHARED_TAIL.search(item)
        if match and rx.PLACE_NAME.match(item[: match.start()] or "-"):
            tail = match.group(0)
        elif tail and rx.PLACE_NAME.match(item) and not rx.DEPARTMENT_SUFFIX.search(item):
            out[index] = item + tail
        elif not rx.PLACE_NAME.match(item):
            tail = None
    if prefix and not (out and out[0].startswith("各")):
        # a list opened by a collective (各乡镇政府、街道办事处) shares its 各, not a 市
        out = [_with_prefix(item, prefix, ctx) for item in out]
    return out


def _with_prefix(item: str, prefix: str, ctx: UnitContext) -> str:
    if (item.startswith(prefix) and not item.startswith("市场")) or not is_department(item):
        return item
    if QUALIFIED_START.match(item) or re.search(r"(?<!城)市(?!场)|[县省]", item):
        return item
    if ctx.stem and ctx.stem in item:
        return item
    return prefix + item


def list_prefix(items: list[str]) -> str | None:
    """The shared leading prefix of a statement: 市 in 市交通运输局、发展改革委."""
    for item in items:
        item = clean_unit_text(item)
        named = is_department(item) or rx.PLACE_NAME.match(item)
        if len(item) > 2 and item[0] in LEVEL_PREFIXES and named and not item.startswith("市场"):
            return item[0]
        if item and not rx.COLLECTIVE.search(item):
            return None
    return None


def canonical_name(name: str, ctx: UnitContext) -> str:
    """The preferred spelling of a unit: abbreviations expanded, 人民政府 → 政府."""
    name = ctx.aliases.get(name, name)
    name = name.replace("人民政府", "政府")
    prefix = ""
    body = name
    if len(name) > 2 and name[0] in LEVEL_PREFIXES and not name.startswith("市场"):
        prefix, body = name[0], name[1:]
    body = CANONICAL_NAMES.get(body, body)
    if prefix == "市" and body.startswith("委") and len(body) > 1:
        return "市" + body  # 市委组织部: 委 belongs to the body
    return prefix + body


def unit_type(name: str) -> UnitType:
    if rx.INTERNAL_OFFICE.search(name):
        return UnitType.INTERNAL_OFFICE
    if rx.COLLECTIVE.search(name):
        return UnitType.COLLECTIVE
    if rx.GOVERNMENT.search(name):
        return UnitType.GOVERNMENT
    if name[:1] in LEVEL_PREFIXES and is_department(name):
        return UnitType.DEPARTMENT
    if is_department(name) and not QUALIFIED_START.match(name):
        return UnitType.DEPARTMENT
    return UnitType.OUTSIDE_BODY


def make_unit(printed: str, ctx: UnitContext) -> Unit | None:
    """One unit from one normalised list item; None for what is not a unit."""
    printed = printed.replace("人民政府", "政府")
    if len(printed) < 2 or not re.search(rf"[{rx.CJK}]", printed):
        return None
    name = canonical_name(printed, ctx)
    return Unit(name=name, printed=printed, kind=unit_type(name))


def parse_unit_list(text: str, ctx: UnitContext, prefix: str | None = None) -> list[Unit]:
    """Units named in ``text`` (a list without role words)."""
    items = split_unit_list(text)
    if prefix is None:
        prefix = list_prefix(items)
    units = []
    for item in expand_list(items, ctx, prefix):
        unit = make_unit(item, ctx)
        if unit is not None:
            units.append(unit)
    return units


def jurisdiction_of(body: str | None) -> str | None:
    """焦作市人民政府办公室 → 焦作市; 河南省财政厅 → 河南省."""
    if not body:
        return None
    match = rx.JURISDICTION.match(body.replace(" ", ""))
    return match.group("j") if match else None
