"""Responsibility statements: finding them and reading who does what.

A task's responsibility statement is either a bracketed remark closing a
paragraph — ``（市工业和信息化局牵头，市发展改革委…配合，各县（市、区）政府…
负责落实）`` — or a labelled line — ``责任单位：市民政局、市卫生健康委，各县…``.

Reading one (``parse_responsibility``):

1. An inheritance clause (``以下各项任务均需…落实，不再列出``) is split off; its
   units apply to this task and to every later task of the notice.
2. The rest is cut into segments at top-level ，；。 . A segment may start
   with a label (``牵头单位：``) and may end with a role word (``牵头``,
   ``配合``, ``负责落实`` …, see ``regexes.ROLE_SUFFIX``).
3. A segment's role is its role word; without one, the role of its label;
   without either, the role word of the next segment (``市人社局，各县政府等
   按职责分工负责`` — but not a 落实, which belongs to the governments
   right before it); failing all, ``responsible``.
4. Document-level declarations change the reading (``ReadingRules``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import regexes as rx
from .brackets import split_top_level
from .model import Role, Unit
from .units import UnitContext, clean_unit_text, expand_list, list_prefix, make_unit, split_unit_list


@dataclass
class ReadingRules:
    """Declarations that change how later lists are read (SPEC.md).

    They hold from the line where the document makes them to its end, so a
    statement is read with ``rules.at(line)``.
    """

    first_is_lead: bool = False  # 排在第一位的为牵头单位
    no_lead_means_lead: bool = False  # 无牵头单位的，责任单位即为牵头单位
    first_is_lead_from: int | None = None
    no_lead_means_lead_from: int | None = None

    @classmethod
    def declared_in(cls, paragraphs) -> ReadingRules:
        rules = cls()
        for paragraph in paragraphs:
            if rules.first_is_lead_from is None and rx.FIRST_IS_LEAD.search(paragraph.text):
                rules.first_is_lead_from = paragraph.line
            if rules.no_lead_means_lead_from is None and rx.NO_LEAD_MEANS_LEAD.search(paragraph.text):
                rules.no_lead_means_lead_from = paragraph.line
        return rules

    def at(self, line: int) -> ReadingRules:
        """The rules in force at ``line``."""
        return ReadingRules(
            first_is_lead=self.first_is_lead or (self.first_is_lead_from is not None and line >= self.first_is_lead_from),
            no_lead_means_lead=self.no_lead_means_lead
            or (self.no_lead_means_lead_from is not None and line >= self.no_lead_means_lead_from),
        )


@dataclass(frozen=True)
class Statement:
    """A responsibility statement found in a paragraph."""

    content: str  # the statement without its outer brackets
    printed: str  # as printed, brackets included
    start: int  # offset in the paragraph text


@dataclass
class ReadStatement:
    assignments: list[tuple[Unit, Role]] = field(default_factory=list)
    inherited: list[tuple[Unit, Role]] = field(default_factory=list)


OPEN_BRACKETS = "（("
CLOSE_BRACKETS = "）)"
TOP_LEVEL_SEPARATORS = "，,；;。"


def find_statement(text: str) -> Statement | None:
    """The responsibility statement of a paragraph, if it has one.

    >>> find_statement("推进黑臭水体治理。（市住房城乡建设局牵头，各县（市、区）政府负责落实）").content
    '市住房城乡建设局牵头，各县（市、区）政府负责落实'
    >>> find_statement("责任单位：市民政局、市残联").content
    '责任单位：市民政局、市残联'
    >>> find_statement("支持文化产业发展（含旅游）。") is None
    True
    """
    if rx.RESPONSIBILITY_LABEL.match(text):
        return Statement(content=text.strip(), printed=text.strip(), start=0)
    end = len(text.rstrip(" 。.；;"))
    furniture = rx.TRAILING_FURNITURE.search(text[:end])
    if furniture and furniture.start() > 0 and text[furniture.start() - 1] in CLOSE_BRACKETS:
        end = furniture.start()
    if end == 0 or text[end - 1] not in CLOSE_BRACKETS:
        return None
    depth = 0
    for index in range(end - 1, -1, -1):
        ch = text[index]
        if ch in CLOSE_BRACKETS:
            depth += 1
        elif ch in OPEN_BRACKETS:
            depth -= 1
            if depth == 0:
                content = text[index + 1 : end - 1].strip()
                alone = not text[:index].strip()
                if _reads_as_statement(content) or _names_only(content, alone):
                    return Statement(content=content, printed=text[index:end], start=index)
                return None
    return None


def _names_only(content: str, alone: bool) -> bool:
    """A bracket holding only unit names (``（市委宣传部、市发展改革委、商务局）``)
    is a statement without role words: the units are responsible. At a
    paragraph's end it needs two or more department names; alone as its own
    paragraph one will do."""
    items = [clean_unit_text(i) for i in split_unit_list(content)]
    if not items or any(not i for i in items):
        return False
    named = [i for i in items if rx.DEPARTMENT_SUFFIX.search(i) or rx.GOVERNMENT.search(i)]
    if len(named) != len(items) or not _looks_like_units(content):
        return False
    return alone or len(items) >= 2


def _reads_as_statement(content: str) -> bool:
    if not content or not rx.STATEMENT_HINT.search(content):
        return False
    if rx.RESPONSIBILITY_LABEL.match(content):
        return True
    main, inherit_body = _split_inheritance(content)
    segments = _segments(main) + (_segments(inherit_body) if inherit_body else [])
    # every segment must be a list of names, optionally with a role word:
    # prose such as （按规定由财政负责，不得…） is not a statement
    has_role = False
    for segment in segments:
        body = segment
        role = rx.ROLE_SUFFIX.search(segment)
        if role:
            has_role = True
            body = segment[: role.start()]
        if not body:
            if role:
                continue
            return False
        if not _looks_like_units(body):
            return False
    return has_role


_NOT_UNIT = re.compile(r"[0-9０-９%％]|[不要应须将对按在的了是]|[。！？]")


def _looks_like_units(text: str) -> bool:
    items = split_unit_list(rx.RESPONSIBILITY_LABEL.sub("", text))
    if not items:
        return False
    for item in items:
        item = clean_unit_text(item)
        if not item or len(item) > 30:
            return False
        core = re.sub(r"（[^（）]*）", "", item)
        if _NOT_UNIT.search(core) and not rx.DEPARTMENT_SUFFIX.search(core) and not rx.GOVERNMENT.search(core):
            return False
    return True


def _segments(content: str) -> list[str]:
    return split_top_level(content, TOP_LEVEL_SEPARATORS)


@dataclass
class _Segment:
    units: list[str]
    role: Role | None
    label_role: Role | None
    explicit: str | None  # the role word as printed


def parse_responsibility(
    content: str, ctx: UnitContext, rules: ReadingRules | None = None, default: Role = Role.RESPONSIBLE
) -> ReadStatement:
    """Read a statement's content into (unit, role) pairs (see module doc)."""
    rules = rules or ReadingRules()
    main, inherit_body = _split_inheritance(content)
    segments = _read_segments(main)
    items = [item for segment in segments for item in segment.units]
    prefix = list_prefix(items)
    if inherit_body is not None:
        inherit_segments = _read_segments(inherit_body)
        prefix = prefix or list_prefix([i for s in inherit_segments for i in s.units])
    result = ReadStatement()
    result.assignments = _assign(segments, ctx, prefix, rules, default)
    if inherit_body is not None:
        label_role = next((s.label_role for s in segments if s.label_role), None)
        for segment in inherit_segments:
            if segment.role is None and segment.label_role is None:
                segment.label_role = label_role
        result.inherited = _assign(inherit_segments, ctx, prefix, ReadingRules(), default)
        for pair in result.inherited:
            if pair not in result.assignments:
                result.assignments.append(pair)
    return result


def _split_inheritance(content: str) -> tuple[str, str | None]:
    mark = rx.INHERITANCE_MARK.search(content)
    if not mark:
        return content, None
    match = rx.INHERITANCE.search(content, mark.start())
    if not match:
        return content, None
    return content[: mark.start()], match.group("body")


def _read_segments(text: str) -> list[_Segment]:
    segments: list[_Segment] = []
    label_role: Role | None = None
    for raw in _segments(text):
        segment = raw
        label = rx.RESPONSIBILITY_LABEL.match(segment)
        if label:
            word = label.group("label")
            label_role = next((Role(r) for k, r in rx.LABEL_ROLES.items() if word.startswith(k)), Role.RESPONSIBLE)
            segment = segment[label.end() :]
        role_match = rx.ROLE_SUFFIX.search(segment)
        role = None
        explicit = None
        if role_match and role_match.start() > 0:
            explicit = role_match.group("role")
            role = Role(rx.role_of_word(explicit))
            segment = segment[: role_match.start()]
        elif role_match:
            continue  # a bare role word with no units
        units = split_unit_list(segment)
        if units:
            segments.append(_Segment(units=units, role=role, label_role=label_role, explicit=explicit))
    return segments


def _assign(
    segments: list[_Segment], ctx: UnitContext, prefix: str | None, rules: ReadingRules, default: Role
) -> list[tuple[Unit, Role]]:
    roles: list[Role] = []
    for index, segment in enumerate(segments):
        if segment.role is not None:
            roles.append(segment.role)
        elif segment.label_role is not None:
            roles.append(segment.label_role)
        else:
            following = next((s.role for s in segments[index + 1 :] if s.role is not None), None)
            roles.append(following if following not in (None, Role.IMPLEMENTER) else default)
    pairs: list[tuple[Unit, Role]] = []
    for segment, role in zip(segments, roles):
        for item in expand_list(segment.units, ctx, prefix):
            unit = make_unit(item, ctx)
            if unit is not None and (unit, role) not in pairs:
                pairs.append((unit, role))
    return _apply_rules(pairs, segments, rules)


def _apply_rules(pairs: list[tuple[Unit, Role]], segments: list[_Segment], rules: ReadingRules) -> list[tuple[Unit, Role]]:
    has_lead = any(role is Role.LEAD for _, role in pairs)
    if rules.first_is_lead and not has_lead and pairs:
        first_unit, first_role = pairs[0]
        if first_role is Role.RESPONSIBLE:
            pairs[0] = (first_unit, Role.LEAD)
            return pairs
    if rules.no_lead_means_lead and not has_lead:
        return [(unit, Role.LEAD if role is Role.RESPONSIBLE else role) for unit, role in pairs]
    return pairs
