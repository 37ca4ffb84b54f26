"""GraphQL type GazetteIssue (gk:GazetteIssue)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from .loaders import related
from .unit import Unit

if TYPE_CHECKING:
    from .notice import Notice


@strawberry.type(description="One issue of a government gazette, e.g. 2023年第5号（总第131号）.")
class GazetteIssue:
    id: strawberry.ID
    title: str
    year: int
    issue_number: int
    cumulative_number: int | None
    issued: datetime.date | None
    jurisdiction: str | None
    publisher_id: strawberry.Private[str | None]

    @classmethod
    def from_row(cls, row: dict) -> GazetteIssue:
        issued = row.get("issued")
        return cls(id=strawberry.ID(row["id"]), title=row["title"], year=row["year"], issue_number=row["issueNumber"],
                   cumulative_number=row.get("cumulativeNumber"), issued=datetime.date.fromisoformat(issued) if issued else None,
                   jurisdiction=row.get("jurisdiction"), publisher_id=row.get("publisher"))

    @strawberry.field
    async def publisher(self, info: strawberry.Info) -> Unit | None:
        row = await info.context.loaders.units.load(self.publisher_id) if self.publisher_id else None
        return Unit.from_row(row) if row else None

    @strawberry.field(description="The notices of this issue, in the order printed.")
    async def notices(self, info: strawberry.Info) -> list[Annotated[Notice, strawberry.lazy(".notice")]]:
        from .notice import Notice

        loaders = info.context.loaders
        return [Notice.from_row(r) for r in await related(loaders.gazette_notices, str(self.id), "notice", loaders.notices)]
