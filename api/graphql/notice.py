"""GraphQL type Notice (gk:Notice)."""

from __future__ import annotations

import datetime

import strawberry

from .cited_document import CitedDocument
from .clause import Clause
from .gazette_issue import GazetteIssue
from .loaders import related
from .unit import Unit


@strawberry.type(description="An official document of a gazette: 通知, 决定, 意见, 办法, 讲话 …")
class Notice:
    id: strawberry.ID
    doc_number: str | None = strawberry.field(description="The 文号 as printed, e.g. 焦政办〔2023〕45号.")
    title: str
    genre: str | None
    issued: datetime.date | None
    speaker: str | None
    jurisdiction: str | None
    source_file: str | None
    source_line: int | None
    issuer_id: strawberry.Private[str | None]
    gazette_id: strawberry.Private[str | None]

    @classmethod
    def from_row(cls, row: dict) -> Notice:
        issued = row.get("issued")
        return cls(id=strawberry.ID(row["id"]), doc_number=row.get("docNumber"), title=row.get("title") or "",
                   genre=row.get("genre"), issued=datetime.date.fromisoformat(issued) if issued else None,
                   speaker=row.get("speaker"), jurisdiction=row.get("jurisdiction"), source_file=row.get("source"),
                   source_line=row.get("line"), issuer_id=row.get("issuer"), gazette_id=row.get("gazette"))

    @strawberry.field
    async def issuer(self, info: strawberry.Info) -> Unit | None:
        row = await info.context.loaders.units.load(self.issuer_id) if self.issuer_id else None
        return Unit.from_row(row) if row else None

    @strawberry.field
    async def gazette(self, info: strawberry.Info) -> GazetteIssue | None:
        row = await info.context.loaders.gazettes.load(self.gazette_id) if self.gazette_id else None
        return GazetteIssue.from_row(row) if row else None

    @strawberry.field(description="Top-level clauses in order (children nest below them).")
    async def clauses(self, info: strawberry.Info) -> list[Clause]:
        loaders = info.context.loaders
        return [Clause.from_row(r) for r in await related(loaders.top_clauses, str(self.id), "clause", loaders.clauses)]

    @strawberry.field(description="Rows of the notice's attached responsibility tables, in order.")
    async def table_rows(self, info: strawberry.Info) -> list[Clause]:
        loaders = info.context.loaders
        return [Clause.from_row(r) for r in await related(loaders.table_rows, str(self.id), "clause", loaders.clauses)]

    @strawberry.field(description="Documents this notice cites.")
    async def cites(self, info: strawberry.Info) -> list[CitedDocument]:
        loaders = info.context.loaders
        return [CitedDocument.from_row(r) for r in await related(loaders.cites, str(self.id), "target", loaders.documents)]

    @strawberry.field(description="Notices that cite this one.")
    async def cited_by(self, info: strawberry.Info) -> list[Notice]:
        loaders = info.context.loaders
        return [Notice.from_row(r) for r in await related(loaders.cited_by, str(self.id), "source", loaders.notices)]
