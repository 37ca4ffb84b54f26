"""orgMap: units and their role-typed links, ready for a client to draw.

Nodes are units (and, on request, clauses); edges come from the clauses the
units share: lead → support, lead → implementer, lead ↔ lead (co-lead) and,
for clauses without a lead, shared responsibility between the responsible
units. An edge's weight is the number of clauses behind it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from enum import Enum
from itertools import combinations

import strawberry
from graphql import GraphQLError
from starlette.concurrency import run_in_threadpool

from .enums import Role, UnitType


@strawberry.enum(description="What an orgMap node stands for.")
class NodeKind(Enum):
    UNIT = "unit"
    CLAUSE = "clause"


@strawberry.enum(description="How two orgMap nodes are linked.")
class LinkType(Enum):
    LEAD_SUPPORT = "lead_support"
    LEAD_IMPLEMENTER = "lead_implementer"
    CO_LEAD = "co_lead"
    SHARED_RESPONSIBILITY = "shared_responsibility"
    ASSIGNED = "assigned"


@strawberry.type
class OrgMapNode:
    id: strawberry.ID
    label: str
    kind: NodeKind
    unit_type: UnitType | None = None
    jurisdiction: str | None = None
    x: float = strawberry.field(default=0.0, description="Layout position (networkx spring layout, seed 42), in [-1, 1].")
    y: float = 0.0
    load_index: float = strawberry.field(default=0.0, description="Coordination-load index over the whole graph.")
    community: int = strawberry.field(default=-1, description="Louvain community over the whole graph (seed 42).")
    tasks: int = strawberry.field(default=0, description="Clauses the unit is assigned in this map.")
    lead: int = 0
    support: int = 0
    responsible: int = 0
    implementer: int = 0


@strawberry.type
class OrgMapEdge:
    source: strawberry.ID
    target: strawberry.ID
    type: LinkType
    role: Role | None = strawberry.field(default=None, description="For unit → clause edges: the unit's role.")
    weight: int = strawberry.field(default=1, description="Clauses behind this edge.")


@strawberry.type
class OrgMap:
    nodes: list[OrgMapNode]
    edges: list[OrgMapEdge]


async def org_map(info, jurisdiction, notice, units, roles, depth, include_clauses, max_nodes,
                  deadline_from=None, deadline_to=None) -> OrgMap:
    if sum(x is not None for x in (jurisdiction, notice, units)) != 1:
        raise GraphQLError("give exactly one of jurisdiction, notice or units")
    key = (jurisdiction, notice, tuple(units or ()), tuple(r.value for r in roles or ()), depth, include_clauses, max_nodes,
           deadline_from, deadline_to)
    cached = info.context.snapshot.cached_map(key)
    if cached is not None:  # the served store never changes: a map once built stays right
        return cached
    snapshot = await run_in_threadpool(info.context.snapshot.load)
    if jurisdiction is not None:
        found = snapshot.in_jurisdiction(jurisdiction)
    elif notice is not None:
        found = snapshot.of_notice(notice)
    else:
        if not 1 <= depth <= 3:
            raise GraphQLError("depth must be between 1 and 3")
        found = snapshot.around(set(units), depth)
    wanted = {r.value for r in roles} if roles else None
    due = (snapshot.due_between(deadline_from and deadline_from.isoformat(), deadline_to and deadline_to.isoformat())
           if deadline_from or deadline_to else None)
    rows = [{"clause": c, "unit": u, "role": role} for c, u, role, _ in found
            if (wanted is None or role in wanted) and (due is None or c in due)]
    built = await _build(info, rows, include_clauses, max_nodes)
    info.context.snapshot.remember_map(key, built)
    return built


async def _build(info, rows: list[dict], include_clauses: bool, max_nodes: int) -> OrgMap:
    by_clause: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in rows:
        by_clause[row["clause"]][row["role"]].add(row["unit"])
    tasks: Counter = Counter()
    per_role: dict[str, Counter] = defaultdict(Counter)
    for roles in by_clause.values():
        for role, members in roles.items():
            for unit in members:
                per_role[unit][role] += 1
        for unit in set().union(*roles.values()):
            tasks[unit] += 1
    if len(tasks) > max_nodes:
        raise GraphQLError(f"the map has {len(tasks)} units, more than {max_nodes}; narrow it with roles, a notice or units")
    links: Counter = Counter()
    for roles in by_clause.values():
        leads, supports = roles.get("Lead", set()), roles.get("Support", set())
        for lead in leads:
            for other in supports - {lead}:
                links[(lead, other, LinkType.LEAD_SUPPORT)] += 1
            for other in roles.get("Implementer", set()) - {lead}:
                links[(lead, other, LinkType.LEAD_IMPLEMENTER)] += 1
        for a, b in combinations(sorted(leads), 2):
            links[(a, b, LinkType.CO_LEAD)] += 1
        if not leads:
            for a, b in combinations(sorted(roles.get("Responsible", set())), 2):
                links[(a, b, LinkType.SHARED_RESPONSIBILITY)] += 1
    unit_rows = await info.context.loaders.units.load_many(sorted(tasks))
    coordination = await run_in_threadpool(info.context.snapshot.coordination)
    positions = _layout(sorted(tasks), links)
    nodes = []
    for row in unit_rows:
        if not row:
            continue
        counts = per_role[row["id"]]
        nodes.append(OrgMapNode(
            id=strawberry.ID(row["id"]), label=row["name"], kind=NodeKind.UNIT,
            unit_type=UnitType(row["type"]) if row.get("type") else None, jurisdiction=row.get("jurisdiction"),
            x=positions[row["id"]][0], y=positions[row["id"]][1],
            load_index=coordination[row["id"]].load_index if row["id"] in coordination else 0.0,
            community=coordination[row["id"]].community if row["id"] in coordination else -1,
            tasks=tasks[row["id"]], lead=counts["Lead"], support=counts["Support"],
            responsible=counts["Responsible"], implementer=counts["Implementer"],
        ))
    edges = [OrgMapEdge(source=strawberry.ID(a), target=strawberry.ID(b), type=kind, weight=w)
             for (a, b, kind), w in sorted(links.items(), key=lambda item: (-item[1], item[0][0], item[0][1]))]
    if include_clauses:
        clause_rows = await info.context.loaders.clauses.load_many(sorted(by_clause))
        for row in clause_rows:
            if row:
                nodes.append(OrgMapNode(id=strawberry.ID(row["id"]), label=row.get("label") or row["path"], kind=NodeKind.CLAUSE))
        for clause, roles in sorted(by_clause.items()):
            for role, members in sorted(roles.items()):
                edges += [OrgMapEdge(source=strawberry.ID(u), target=strawberry.ID(clause), type=LinkType.ASSIGNED,
                                     role=Role(role)) for u in sorted(members)]
    nodes.sort(key=lambda n: (n.kind.value != "unit", -n.tasks, n.label))
    return OrgMap(nodes=nodes, edges=edges)


def _layout(units: list[str], links) -> dict[str, tuple[float, float]]:
    """The units laid out by their links (``analysis.networks.component_layout``, seed 42), scaled to
    [-1, 1], so every client draws the same map."""
    import networkx as nx

    from analysis.networks import component_layout

    if not units:
        return {}
    graph = nx.Graph()
    graph.add_nodes_from(units)
    for (a, b, _), weight in links.items():
        previous = graph.get_edge_data(a, b, {}).get("weight", 0)
        graph.add_edge(a, b, weight=previous + weight)
    positions = component_layout(graph, iterations=60)
    xs, ys = [p[0] for p in positions.values()], [p[1] for p in positions.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {n: (round(2 * (x - cx) / span, 4), round(2 * (y - cy) / span, 4)) for n, (x, y) in positions.items()}
