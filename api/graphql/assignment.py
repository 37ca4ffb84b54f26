"""GraphQL type Assignment (gk:Assignment)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from .enums import Role

if TYPE_CHECKING:
    from .clause import Clause
    from .unit import Unit


@strawberry.type(description="One unit given one role for one clause, with the statement as printed.")
class Assignment:
    id: strawberry.ID
    role: Role
    inherited: bool = strawberry.field(description="From a statement given once for later tasks (以下…不再列出).")
    source_text: str = strawberry.field(description="The responsibility statement as printed.")
    source_line: int
    unit_id: strawberry.Private[str]
    clause_id: strawberry.Private[str]

    @classmethod
    def from_row(cls, row: dict) -> Assignment:
        return cls(id=strawberry.ID(row["assignment"]), role=Role(row["role"]), inherited=bool(row["inherited"]),
                   source_text=row["sourceText"], source_line=row["line"], unit_id=row["unit"], clause_id=row["clause"])

    @strawberry.field
    async def unit(self, info: strawberry.Info) -> Annotated[Unit, strawberry.lazy(".unit")]:
        from .unit import Unit

        return Unit.from_row(await info.context.loaders.units.load(self.unit_id))

    @strawberry.field
    async def clause(self, info: strawberry.Info) -> Annotated[Clause, strawberry.lazy(".clause")]:
        from .clause import Clause

        return Clause.from_row(await info.context.loaders.clauses.load(self.clause_id))
