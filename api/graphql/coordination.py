"""GraphQL types for coordination analysis: Unit.coordination and coordinationNetwork."""

from __future__ import annotations

import datetime
from enum import Enum

import strawberry
from graphql import GraphQLError
from starlette.concurrency import run_in_threadpool

from analysis import NetworkFilter, coassignment_network, coordination_network, fetch_assignments, unit_metrics
from analysis.fetch import ROLES

from .enums import Role, UnitType


@strawberry.type(description="A period and the tasks of the unit due in it.")
class PeriodLoad:
    period: str
    tasks: int


@strawberry.type(description="Coordination metrics of a unit (see the README for the formulas).")
class UnitCoordination:
    tasks_led: int
    tasks_supported: int
    tasks_responsible: int
    tasks_implementing: int
    weighted_degree: float
    betweenness: float
    page_rank: float
    load_index: float = strawberry.field(description="Each clause spreads one unit of work over its units, a lead counting two shares.")
    community: int
    deadline_load: list[PeriodLoad]

    @classmethod
    def from_metrics(cls, m) -> UnitCoordination:
        return cls(tasks_led=m.tasks_led, tasks_supported=m.tasks_supported, tasks_responsible=m.tasks_responsible,
                   tasks_implementing=m.tasks_implementing, weighted_degree=m.weighted_degree, betweenness=m.betweenness,
                   page_rank=m.pagerank, load_index=m.load_index, community=m.community,
                   deadline_load=[PeriodLoad(period=p, tasks=n) for p, n in sorted(m.deadline_load.items())])


@strawberry.enum(description="Which coordination network.")
class NetworkKind(Enum):
    COASSIGN = "coassign"
    DIRECTED = "directed"


@strawberry.input(description="Which assignments a coordination network is built from.")
class CoordinationFilter:
    jurisdiction: str | None = None
    notices: list[str] | None = strawberry.field(default=None, description="文号 or notice ids.")
    issued_from: datetime.date | None = None
    issued_to: datetime.date | None = None
    deadline_from: datetime.date | None = None
    deadline_to: datetime.date | None = None
    roles: list[Role] | None = None
    include_inherited: bool = True
    include_collective: bool = True
    include_outside: bool = True

    def to_filter(self) -> NetworkFilter:
        return NetworkFilter(jurisdiction=self.jurisdiction, notices=tuple(self.notices or ()), issued_from=self.issued_from,
                             issued_to=self.issued_to, deadline_from=self.deadline_from, deadline_to=self.deadline_to,
                             roles=tuple(r.value for r in self.roles) if self.roles else ROLES,
                             include_inherited=self.include_inherited, include_collective=self.include_collective,
                             include_outside=self.include_outside)


@strawberry.type
class CoordinationNode:
    id: strawberry.ID
    label: str
    unit_type: UnitType | None
    coordination: UnitCoordination


@strawberry.type
class CoordinationEdge:
    source: strawberry.ID
    target: strawberry.ID
    weight: int = strawberry.field(description="Clauses behind the link.")
    lead_support: int | None = None
    lead_implementer: int | None = None


@strawberry.type
class CoordinationNetwork:
    kind: NetworkKind
    nodes: list[CoordinationNode]
    edges: list[CoordinationEdge]


async def coordination_network_of(info, kind: NetworkKind, filter: CoordinationFilter | None) -> CoordinationNetwork:  # noqa: A002
    try:
        selection = (filter or CoordinationFilter()).to_filter()
    except ValueError as exc:
        raise GraphQLError(str(exc)) from None
    data = await run_in_threadpool(fetch_assignments, info.context.store.store, selection)
    info.context.store.count += 3  # fetch_assignments asks the store three queries
    metrics = {m.unit: m for m in unit_metrics(data)}
    graph = coassignment_network(data) if kind is NetworkKind.COASSIGN else coordination_network(data)
    nodes = [CoordinationNode(id=strawberry.ID(n), label=a["label"], unit_type=UnitType(a["unit_type"]) if a["unit_type"] else None,
                              coordination=UnitCoordination.from_metrics(metrics[n])) for n, a in graph.nodes(data=True)]
    edges = [CoordinationEdge(source=strawberry.ID(a), target=strawberry.ID(b), weight=d["weight"],
                              lead_support=d.get("lead_support"), lead_implementer=d.get("lead_implementer"))
             for a, b, d in graph.edges(data=True)]
    return CoordinationNetwork(kind=kind, nodes=nodes, edges=edges)
