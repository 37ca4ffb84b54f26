"""GraphQL type Clause (gk:Clause)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from .assignment import Assignment
from .deadline import Deadline
from .enums import Role
from .loaders import related

if TYPE_CHECKING:
    from .notice import Notice


@strawberry.type(description="A numbered item of a notice, or a row of an attached responsibility table.")
class Clause:
    id: strawberry.ID
    label: str | None = strawberry.field(description="As printed: 一、, （一）, 1., 第三条 …")
    path: str = strawberry.field(description="Labels from the top, e.g. 二/（一）/1.")
    order: int
    text: str
    source_file: str | None
    source_line: int
    is_table_row: bool
    notice_id: strawberry.Private[str]
    parent_id: strawberry.Private[str]

    @classmethod
    def from_row(cls, row: dict) -> Clause:
        return cls(id=strawberry.ID(row["id"]), label=row.get("label"), path=row["path"], order=row["order"], text=row["text"],
                   source_file=row.get("source"), source_line=row["line"], is_table_row=bool(row.get("row")),
                   notice_id=row["notice"], parent_id=row["parent"])

    @strawberry.field
    async def notice(self, info: strawberry.Info) -> Annotated[Notice, strawberry.lazy(".notice")]:
        from .notice import Notice

        return Notice.from_row(await info.context.loaders.notices.load(self.notice_id))

    @strawberry.field(description="The enclosing clause; null for a top-level clause.")
    async def parent(self, info: strawberry.Info) -> Clause | None:
        if self.parent_id == self.notice_id:
            return None
        row = await info.context.loaders.clauses.load(self.parent_id)
        return Clause.from_row(row) if row else None

    @strawberry.field
    async def children(self, info: strawberry.Info) -> list[Clause]:
        loaders = info.context.loaders
        return [Clause.from_row(r) for r in await related(loaders.children, str(self.id), "clause", loaders.clauses)]

    @strawberry.field
    async def assignments(self, info: strawberry.Info, role: Role | None = None) -> list[Assignment]:
        rows = await info.context.loaders.clause_assignments.load(str(self.id))
        return [Assignment.from_row(r) for r in rows if role is None or r["role"] == role.value]

    @strawberry.field
    async def deadlines(self, info: strawberry.Info) -> list[Deadline]:
        rows = await info.context.loaders.deadlines.load(str(self.id))
        return [Deadline.from_row(r, str(self.id)) for r in rows]
