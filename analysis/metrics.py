"""Coordination metrics per unit.

* tasks led / supported / responsible for / implementing: distinct clauses per role;
* weighted degree and betweenness on the co-assignment network (betweenness treats
  a link's length as 1 / shared clauses, so units that share much are close; above
  1000 units it is estimated from 200 seeded source samples);
* PageRank on the directed coordination network (lead → support/implementer);
* the **coordination-load index**: every clause spreads one unit of work over its
  units, a lead counting ``LEAD_WEIGHT`` (2) shares and every other role one share::

      load(u) = Σ_clauses  w(role of u in c) / Σ_{v in c} w(role of v in c)

  so the index sums to the number of clauses, and a unit leading a task alone
  carries all of it;
* communities: Louvain on the co-assignment network (weighted, seed 42);
* deadline load: distinct tasks of the unit with a deadline in each year or quarter.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field

import networkx as nx

from .fetch import NetworkData
from .networks import coassignment_network, coordination_network, roles_by_clause

LEAD_WEIGHT = 2.0
OTHER_WEIGHT = 1.0
COMMUNITY_SEED = 42
#: Betweenness is exact up to this many units, and estimated from this many seeded source samples above
#: (exact betweenness grows with units × links, minutes for a 500-gazette graph).
BETWEENNESS_EXACT_UP_TO = 1000
BETWEENNESS_SAMPLES = 200


@dataclass
class UnitMetrics:
    unit: str
    name: str
    unit_type: str
    tasks_led: int = 0
    tasks_supported: int = 0
    tasks_responsible: int = 0
    tasks_implementing: int = 0
    tasks: int = 0
    weighted_degree: float = 0.0
    betweenness: float = 0.0
    pagerank: float = 0.0
    load_index: float = 0.0
    community: int = -1
    deadline_load: dict[str, int] = field(default_factory=dict)

    def row(self) -> dict:
        out = asdict(self)
        out["deadline_load"] = dict(sorted(self.deadline_load.items()))
        return out


def period_of(date: datetime.date, by: str) -> str:
    """``2025`` or ``2025Q4``."""
    if by == "year":
        return str(date.year)
    if by == "quarter":
        return f"{date.year}Q{(date.month - 1) // 3 + 1}"
    raise ValueError(f"by must be year or quarter, not {by!r}")


def load_index(data: NetworkData) -> dict[str, float]:
    load: dict[str, float] = defaultdict(float)
    for units in roles_by_clause(data).values():
        weights = {u: LEAD_WEIGHT if "Lead" in roles else OTHER_WEIGHT for u, roles in units.items()}
        total = sum(weights.values())
        for unit, weight in weights.items():
            load[unit] += weight / total
    return dict(load)


def deadline_load(data: NetworkData, by: str = "year") -> dict[str, Counter]:
    """unit → period → distinct tasks due then."""
    out: dict[str, Counter] = defaultdict(Counter)
    for clause, units in roles_by_clause(data).items():
        periods = {period_of(d, by) for d in data.deadlines.get(clause, [])}
        for unit in units:
            for period in periods:
                out[unit][period] += 1
    return dict(out)


def communities(graph: nx.Graph) -> list[set[str]]:
    """Louvain communities, largest first, with a fixed seed so a rerun gives the same split."""
    if graph.number_of_nodes() == 0:
        return []
    found = nx.community.louvain_communities(graph, weight="weight", seed=COMMUNITY_SEED)
    return sorted(found, key=lambda c: (-len(c), sorted(c)))


def unit_metrics(data: NetworkData, by: str = "year") -> list[UnitMetrics]:
    """Every metric for every unit of ``data``, ranked by the coordination-load index."""
    coassign = coassignment_network(data)
    directed = coordination_network(data)
    per_role: dict[str, Counter] = defaultdict(Counter)
    tasks: Counter = Counter()
    for units in roles_by_clause(data).values():
        for unit, roles in units.items():
            tasks[unit] += 1
            for role in roles:
                per_role[unit][role] += 1
    distance = {(a, b): 1.0 / w for a, b, w in coassign.edges(data="weight")}
    nx.set_edge_attributes(coassign, distance, "distance")
    sample = None if coassign.number_of_nodes() <= BETWEENNESS_EXACT_UP_TO else BETWEENNESS_SAMPLES
    betweenness = (nx.betweenness_centrality(coassign, k=sample, seed=COMMUNITY_SEED, weight="distance", normalized=False)
                   if coassign.number_of_nodes() else {})
    pagerank = nx.pagerank(directed, weight="weight") if directed.number_of_nodes() else {}
    membership = {unit: index for index, members in enumerate(communities(coassign)) for unit in members}
    loads = load_index(data)
    deadlines = deadline_load(data, by)
    metrics = []
    for unit in coassign.nodes:
        info = data.units.get(unit, {})
        metrics.append(UnitMetrics(
            unit=unit,
            name=info.get("name") or unit,
            unit_type=info.get("type") or "",
            tasks_led=per_role[unit]["Lead"],
            tasks_supported=per_role[unit]["Support"],
            tasks_responsible=per_role[unit]["Responsible"],
            tasks_implementing=per_role[unit]["Implementer"],
            tasks=tasks[unit],
            weighted_degree=float(coassign.degree(unit, weight="weight")),
            betweenness=betweenness.get(unit, 0.0),
            pagerank=pagerank.get(unit, 0.0),
            load_index=loads.get(unit, 0.0),
            community=membership.get(unit, -1),
            deadline_load=dict(deadlines.get(unit, {})),
        ))
    metrics.sort(key=lambda m: (-m.load_index, -m.tasks, m.name))
    return metrics
