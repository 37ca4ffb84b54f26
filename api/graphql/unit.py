"""GraphQL type Unit (org:Organization)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry
from starlette.concurrency import run_in_threadpool

from .coordination import UnitCoordination
from .enums import Role, UnitType
from .pagination import Connection, connection, window

if TYPE_CHECKING:
    from .assignment import Assignment


@strawberry.type(description="A responsible unit, one per name per jurisdiction (skos:prefLabel, altLabels).")
class Unit:
    id: strawberry.ID
    name: str = strawberry.field(description="Normalised name (skos:prefLabel), e.g. 市发展改革委.")
    alt_labels: list[str] = strawberry.field(description="Every other spelling seen (skos:altLabel).")
    jurisdiction: str | None
    unit_type: UnitType | None
    parent_id: strawberry.Private[str | None]

    @classmethod
    def from_row(cls, row: dict) -> Unit:
        alts = sorted(a for a in (row.get("altLabels") or "").split("\x1f") if a)
        kind = row.get("type")
        return cls(id=strawberry.ID(row["id"]), name=row["name"], alt_labels=alts, jurisdiction=row.get("jurisdiction"),
                   unit_type=UnitType(kind) if kind else None, parent_id=row.get("parent"))

    @strawberry.field(description="The body this unit belongs to (org:subOrganizationOf), where known.")
    async def parent(self, info: strawberry.Info) -> Unit | None:
        if not self.parent_id:
            return None
        row = await info.context.loaders.units.load(self.parent_id)
        return Unit.from_row(row) if row else None

    @strawberry.field(description="Coordination metrics over the whole graph (for a filtered view use coordinationNetwork).")
    async def coordination(self, info: strawberry.Info) -> UnitCoordination | None:
        metrics = (await run_in_threadpool(info.context.snapshot.coordination)).get(str(self.id))
        return UnitCoordination.from_metrics(metrics) if metrics else None

    @strawberry.field(description="The unit's assignments, optionally of one role, in document order.")
    async def assignments(
        self, info: strawberry.Info, role: Role | None = None, first: int | None = None, after: str | None = None
    ) -> Connection[Annotated[Assignment, strawberry.lazy(".assignment")]]:
        from .assignment import Assignment

        offset, limit = window(first, after, info.context.config.page_size)
        rows = await info.context.loaders.unit_assignments.load(str(self.id))
        if role is not None:
            rows = [r for r in rows if r["role"] == role.value]
        page = [Assignment.from_row(r) for r in rows[offset : offset + limit]]
        return Connection(**connection(page, offset, len(rows)))
