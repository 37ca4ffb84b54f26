"""Bracket-aware splitting: separators inside （…）, 〔…〕, “…” or 《…》 do not count.

``各县（市、区）政府`` holds a 、 that does not separate units, and a statement
``（…各县（市、区）政府负责落实）`` nests brackets; both need the depth.
"""

from __future__ import annotations

OPENING = "（(〔[［“《"
CLOSING = "）)〕]］”》"


def bracket_depth(text: str) -> int:
    """How many brackets are still open at the end of ``text``.

    >>> bracket_depth("各县（市、区"), bracket_depth("各县（市、区）政府")
    (1, 0)
    """
    depth = 0
    for ch in text:
        if ch in OPENING:
            depth += 1
        elif ch in CLOSING and depth:
            depth -= 1
    return depth


def split_top_level(text: str, separators: str) -> list[str]:
    """Split on ``separators`` found outside brackets; parts stripped, empty ones dropped.

    >>> split_top_level("市民政局、各县（市、区）政府，市残联", "、，")
    ['市民政局', '各县（市、区）政府', '市残联']
    """
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in text:
        if ch in OPENING:
            depth += 1
        elif ch in CLOSING and depth:
            depth -= 1
        if depth == 0 and ch in separators:
            parts.append("".join(current).strip())
            current = []
            continue
        current.append(ch)
    parts.append("".join(current).strip())
    return [part for part in parts if part]
