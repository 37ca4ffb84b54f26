"""GraphQL type CitedDocument (a document named in 《》 by a notice)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from .loaders import related

if TYPE_CHECKING:
    from .notice import Notice


@strawberry.type(description="A policy, law, plan or standard cited by a notice; the same id as the notice when ingested.")
class CitedDocument:
    id: strawberry.ID
    title: str
    doc_number: str | None
    level: str | None = strawberry.field(description="national, provincial, municipal, county or standard.")
    ingested: bool = strawberry.field(description="True when this document is itself a notice in the graph.")

    @classmethod
    def from_row(cls, row: dict) -> CitedDocument:
        return cls(id=strawberry.ID(row["id"]), title=row["title"], doc_number=row.get("docNumber"), level=row.get("level"),
                   ingested=bool(row.get("notice")))

    @strawberry.field(description="The notice itself, when it is in the graph.")
    async def notice(self, info: strawberry.Info) -> Annotated[Notice, strawberry.lazy(".notice")] | None:
        from .notice import Notice

        if not self.ingested:
            return None
        row = await info.context.loaders.notices.load(str(self.id))
        return Notice.from_row(row) if row else None

    @strawberry.field(description="Notices that cite this document.")
    async def cited_by(self, info: strawberry.Info) -> list[Annotated[Notice, strawberry.lazy(".notice")]]:
        from .notice import Notice

        loaders = info.context.loaders
        return [Notice.from_row(r) for r in await related(loaders.cited_by, str(self.id), "source", loaders.notices)]
