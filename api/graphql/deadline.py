"""GraphQL type Deadline (gk:Deadline)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

if TYPE_CHECKING:
    from .clause import Clause


@strawberry.type(description="A dated commitment of a clause: the last day of its period, and the text as printed.")
class Deadline:
    id: strawberry.ID
    date: datetime.date
    text: str
    source_line: int
    clause_id: strawberry.Private[str]

    @classmethod
    def from_row(cls, row: dict, clause_id: str) -> Deadline:
        return cls(id=strawberry.ID(row["deadline"]), date=datetime.date.fromisoformat(row["date"]), text=row["text"],
                   source_line=row["line"], clause_id=clause_id)

    @strawberry.field
    async def clause(self, info: strawberry.Info) -> Annotated[Clause, strawberry.lazy(".clause")]:
        from .clause import Clause

        return Clause.from_row(await info.context.loaders.clauses.load(self.clause_id))
