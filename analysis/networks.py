"""The three networks analysts ask for, as networkx graphs.

* ``bipartite_network``: units and clauses, an edge per assignment with its role;
* ``coassignment_network``: units linked when they share a clause, ``weight`` the
  number of shared clauses and ``role_pairs`` the count per role pair
  (``Lead-Support`` 3, ``Lead-Lead`` 1 …);
* ``coordination_network``: directed lead → support and lead → implementer
  edges, ``weight`` the number of clauses.

Node ids are IRIs; nodes carry ``label``, ``kind`` and, for units, ``unit_type``
and ``jurisdiction``.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import networkx as nx

from .fetch import NetworkData

DIRECTED_LINKS = {("Lead", "Support"): "lead_support", ("Lead", "Implementer"): "lead_implementer"}


def _add_units(graph: nx.Graph, data: NetworkData, units) -> None:
    for unit in units:
        info = data.units.get(unit, {})
        graph.add_node(unit, label=info.get("name") or unit, kind="unit", unit_type=info.get("type") or "",
                       jurisdiction=info.get("jurisdiction") or "")


def roles_by_clause(data: NetworkData) -> dict[str, dict[str, set[str]]]:
    """clause → unit → the roles it holds there."""
    out: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for a in data.assignments:
        out[a.clause][a.unit].add(a.role)
    return out


def bipartite_network(data: NetworkData) -> nx.MultiGraph:
    graph = nx.MultiGraph(kind="bipartite")
    _add_units(graph, data, sorted({a.unit for a in data.assignments}))
    for clause in sorted({a.clause for a in data.assignments}):
        graph.add_node(clause, label=data.clause_labels.get(clause, clause), kind="clause", bipartite=1)
    for a in data.assignments:
        graph.nodes[a.unit]["bipartite"] = 0
        graph.add_edge(a.unit, a.clause, key=a.role, role=a.role, inherited=a.inherited)
    return graph


def coassignment_network(data: NetworkData) -> nx.Graph:
    graph = nx.Graph(kind="coassignment")
    _add_units(graph, data, sorted({a.unit for a in data.assignments}))
    for units in roles_by_clause(data).values():
        for a, b in combinations(sorted(units), 2):
            if not graph.has_edge(a, b):
                graph.add_edge(a, b, weight=0, role_pairs={})
            edge = graph.edges[a, b]
            edge["weight"] += 1
            for pair in {"-".join(sorted((ra, rb))) for ra in units[a] for rb in units[b]}:
                edge["role_pairs"][pair] = edge["role_pairs"].get(pair, 0) + 1
    return graph


def coordination_network(data: NetworkData) -> nx.DiGraph:
    graph = nx.DiGraph(kind="coordination")
    _add_units(graph, data, sorted({a.unit for a in data.assignments}))
    for units in roles_by_clause(data).values():
        leads = [u for u, roles in units.items() if "Lead" in roles]
        for lead in sorted(leads):
            for other, roles in sorted(units.items()):
                if other == lead:
                    continue
                for role in ("Support", "Implementer"):
                    if role in roles:
                        link = DIRECTED_LINKS[("Lead", role)]
                        if not graph.has_edge(lead, other):
                            graph.add_edge(lead, other, weight=0, lead_support=0, lead_implementer=0)
                        graph.edges[lead, other]["weight"] += 1
                        graph.edges[lead, other][link] += 1
    return graph


def component_layout(graph: nx.Graph, iterations: int = 200) -> dict[str, tuple[float, float]]:
    """Spring layout per connected component: the largest in the middle, the small ones in a row below it,
    so a few isolated pairs do not squeeze the main network into a corner."""
    parts = sorted(nx.connected_components(graph), key=lambda c: (-len(c), sorted(c)))
    positions: dict = {}
    main = graph.subgraph(parts[0])
    positions.update(nx.spring_layout(main, weight="weight", seed=42, k=2.5 / max(1, len(parts[0])) ** 0.5, iterations=iterations))
    others = parts[1:]
    for index, part in enumerate(others):
        sub = graph.subgraph(part)
        local = nx.spring_layout(sub, weight="weight", seed=42, scale=0.12) if len(part) > 1 else {next(iter(part)): (0.0, 0.0)}
        x = -1.0 + 2.0 * (index + 0.5) / max(1, len(others))
        positions.update({node: (x + px, -1.35 + py) for node, (px, py) in local.items()})
    return positions


BUILDERS = {"bipartite": bipartite_network, "coassign": coassignment_network, "directed": coordination_network}
