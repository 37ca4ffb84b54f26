"""Relay-style cursor connections (https://relay.dev/graphql/connections.htm) with totalCount.

Cursors are opaque (base64 of an offset); ``first`` is capped by the
``page_size`` setting.
"""

from __future__ import annotations

import base64
from typing import Generic, TypeVar

import strawberry
from graphql import GraphQLError

T = TypeVar("T")


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
    total_count: int


def encode_cursor(offset: int) -> str:
    return base64.b64encode(f"offset:{offset}".encode()).decode()


def decode_cursor(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        text = base64.b64decode(cursor.encode(), validate=True).decode()
        prefix, _, number = text.partition(":")
        if prefix != "offset":
            raise ValueError
        return int(number) + 1
    except (ValueError, UnicodeDecodeError):
        raise GraphQLError(f"invalid cursor {cursor!r}") from None


def window(first: int | None, after: str | None, page_size: int) -> tuple[int, int]:
    """(offset, limit) for a page; errors for a page larger than allowed."""
    limit = page_size if first is None else first
    if limit < 0 or limit > page_size:
        raise GraphQLError(f"first must be between 0 and {page_size}")
    return decode_cursor(after), limit


def connection(nodes: list, offset: int, total: int) -> dict:
    """Edges and page info for ``nodes`` found at ``offset`` of ``total``."""
    edges = [Edge(cursor=encode_cursor(offset + i), node=node) for i, node in enumerate(nodes)]
    return {
        "edges": edges,
        "page_info": PageInfo(
            has_next_page=offset + len(nodes) < total,
            has_previous_page=offset > 0,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        "total_count": total,
    }
