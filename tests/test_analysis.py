"""Coordination analysis on the hand-built fixture graph (tests/fixtures/library.trig).

The fixture has four clauses:
  C1 (甲政办〔2024〕1号 一): 发改委 Lead, 财政局 Support, 各县 Implementer          due 2025-12-31
  C2 (甲政办〔2024〕1号 二): 财政局 Lead, 发改委 Support, 各县 Implementer (inherited) due 2024-06-30
  C3 (甲政办〔2024〕1号 三): 水利局 Responsible, 发改委 Responsible, 各县 Implementer (inherited) due 2025-12-31
  C4 (甲政〔2023〕9号 一):   水利局 Lead, 财政局 Support                              due 2023-12-31
Every expected value below is worked out by hand from that list.
"""

from __future__ import annotations

import datetime
import io
from fractions import Fraction

import networkx as nx
import pytest
from conftest import FIXTURES

from analysis import NetworkFilter, coassignment_network, coordination_network, fetch_assignments, unit_metrics
from analysis.export import network_bytes
from analysis.metrics import communities, deadline_load, load_index
from analysis.networks import bipartite_network
from graph.store import OxigraphStore

U = "https://w3id.org/govkg/id/unit/甲市/"
FGW, CZJ, SLJ, COUNTY = U + "市发展改革委", U + "市财政局", U + "市水利局", U + "各县（市、区）政府"
N1 = "https://w3id.org/govkg/id/notice/甲政办〔2024〕1号"
C1, C2, C3 = N1 + "/clause/一", N1 + "/clause/二", N1 + "/clause/三"
C4 = "https://w3id.org/govkg/id/notice/甲政〔2023〕9号/clause/一"


@pytest.fixture(scope="module")
def store() -> OxigraphStore:
    store = OxigraphStore(None)
    store.load_dataset(FIXTURES / "library.trig")
    return store


def data(store, **kwargs):
    return fetch_assignments(store, NetworkFilter(**kwargs))


def edges(graph) -> dict:
    return {tuple(sorted((a, b))) if not graph.is_directed() else (a, b): w for a, b, w in graph.edges(data="weight")}


def test_coassignment_network(store):
    graph = coassignment_network(data(store))
    assert edges(graph) == {
        tuple(sorted((FGW, CZJ))): 2, tuple(sorted((FGW, COUNTY))): 3, tuple(sorted((CZJ, COUNTY))): 2,
        tuple(sorted((SLJ, FGW))): 1, tuple(sorted((SLJ, COUNTY))): 1, tuple(sorted((SLJ, CZJ))): 1,
    }
    assert graph.edges[FGW, CZJ]["role_pairs"] == {"Lead-Support": 2}
    assert graph.edges[FGW, COUNTY]["role_pairs"] == {"Implementer-Lead": 1, "Implementer-Support": 1, "Implementer-Responsible": 1}
    assert graph.nodes[FGW]["label"] == "市发展改革委"


def test_coordination_network(store):
    graph = coordination_network(data(store))
    assert edges(graph) == {(FGW, CZJ): 1, (FGW, COUNTY): 1, (CZJ, FGW): 1, (CZJ, COUNTY): 1, (SLJ, CZJ): 1}
    assert graph.edges[FGW, COUNTY]["lead_implementer"] == 1 and graph.edges[FGW, CZJ]["lead_support"] == 1


def test_bipartite_network(store):
    graph = bipartite_network(data(store))
    assert graph.number_of_edges() == 11
    assert {(u, c, r) for u, c, r in graph.edges(data="role") if c == C3 or u == C3} == {
        (SLJ, C3, "Responsible"), (FGW, C3, "Responsible"), (COUNTY, C3, "Implementer")}


def test_metrics_by_hand(store):
    metrics = {m.unit: m for m in unit_metrics(data(store))}
    assert [(metrics[u].tasks_led, metrics[u].tasks_supported, metrics[u].tasks_responsible, metrics[u].tasks_implementing)
            for u in (FGW, CZJ, SLJ, COUNTY)] == [(1, 1, 1, 0), (1, 2, 0, 0), (1, 0, 1, 0), (0, 0, 0, 3)]
    assert [metrics[u].weighted_degree for u in (FGW, CZJ, SLJ, COUNTY)] == [6, 5, 3, 6]
    # load index: C1 = 2/4 FGW, 1/4 CZJ, 1/4 COUNTY; C2 = 2/4 CZJ, 1/4 FGW, 1/4 COUNTY; C3 = 1/3 each; C4 = 2/3 SLJ, 1/3 CZJ
    expected = {FGW: Fraction(1, 2) + Fraction(1, 4) + Fraction(1, 3), CZJ: Fraction(1, 4) + Fraction(1, 2) + Fraction(1, 3),
                SLJ: Fraction(1, 3) + Fraction(2, 3), COUNTY: Fraction(1, 4) + Fraction(1, 4) + Fraction(1, 3)}
    for unit, value in expected.items():
        assert metrics[unit].load_index == pytest.approx(float(value))
    assert sum(m.load_index for m in metrics.values()) == pytest.approx(4)  # one unit of work per clause
    # the co-assignment network is complete and every direct link is a shortest path: no betweenness
    assert all(m.betweenness == 0 for m in metrics.values())
    assert metrics[FGW].deadline_load == {"2024": 1, "2025": 2}
    assert metrics[CZJ].deadline_load == {"2023": 1, "2024": 1, "2025": 1}


def test_betweenness_without_inherited(store):
    # without C2's and C3's inherited 各县: SLJ reaches 各县 only through FGW or CZJ (two shortest paths)
    metrics = {m.unit: m for m in unit_metrics(data(store, include_inherited=False))}
    assert metrics[FGW].betweenness == pytest.approx(0.5) and metrics[CZJ].betweenness == pytest.approx(0.5)
    assert metrics[SLJ].betweenness == 0 and metrics[COUNTY].betweenness == 0


def test_pagerank_by_hand():
    """A → B, B → A, C → A with damping 0.85 and three nodes:
    PR(C) = 0.15/3 = 0.05; PR(B) = 0.05 + 0.85 PR(A); PR(A) = 0.05 + 0.85 (PR(B) + PR(C))
    ⇒ PR(A) = 0.135 / 0.2775."""
    from analysis.fetch import AssignmentRow, NetworkData

    rows = [AssignmentRow("c1", "A", "Lead", False, "n"), AssignmentRow("c1", "B", "Support", False, "n"),
            AssignmentRow("c2", "B", "Lead", False, "n"), AssignmentRow("c2", "A", "Support", False, "n"),
            AssignmentRow("c3", "C", "Lead", False, "n"), AssignmentRow("c3", "A", "Support", False, "n")]
    metrics = {m.unit: m for m in unit_metrics(NetworkData(assignments=rows))}
    pr_a = 0.135 / 0.2775
    assert metrics["A"].pagerank == pytest.approx(pr_a, abs=1e-5)
    assert metrics["B"].pagerank == pytest.approx(0.05 + 0.85 * pr_a, abs=1e-5)
    assert metrics["C"].pagerank == pytest.approx(0.05, abs=1e-5)


def test_communities_with_a_fixed_seed():
    """Two triangles joined by one light edge are two communities, the same on every run."""
    graph = nx.Graph()
    graph.add_weighted_edges_from([("a", "b", 5), ("b", "c", 5), ("a", "c", 5), ("x", "y", 5), ("y", "z", 5), ("x", "z", 5),
                                   ("c", "x", 1)])
    assert communities(graph) == [{"a", "b", "c"}, {"x", "y", "z"}] == communities(graph.copy())


def test_deadline_load_by_quarter(store):
    loads = deadline_load(data(store), "quarter")
    assert loads[FGW] == {"2024Q2": 1, "2025Q4": 2} and loads[SLJ] == {"2023Q4": 1, "2025Q4": 1}


FILTERS = [
    ({"jurisdiction": "甲市"}, {C1, C2, C3, C4}),
    ({"jurisdiction": "乙市"}, set()),
    ({"notices": ("甲政〔2023〕9号",)}, {C4}),
    ({"notices": (N1,)}, {C1, C2, C3}),
    ({"issued_from": datetime.date(2024, 1, 1)}, {C1, C2, C3}),
    ({"issued_to": datetime.date(2023, 12, 31)}, {C4}),
    ({"deadline_from": datetime.date(2025, 1, 1)}, {C1, C3}),
    ({"deadline_to": datetime.date(2024, 12, 31)}, {C2, C4}),
    ({"roles": ("Responsible",)}, {C3}),
]


@pytest.mark.parametrize(("kwargs", "clauses"), FILTERS)
def test_filters_select_clauses(store, kwargs, clauses):
    assert {a.clause for a in data(store, **kwargs).assignments} == clauses


def test_filter_explicit_only(store):
    rows = data(store, include_inherited=False).assignments
    assert not any(a.inherited for a in rows) and len(rows) == 9


def test_filter_without_collective_units(store):
    rows = data(store, include_collective=False).assignments
    assert COUNTY not in {a.unit for a in rows} and len(rows) == 8


def test_filter_without_outside_bodies(store):
    assert len(data(store, include_outside=False).assignments) == 11  # the fixture has none


def test_unknown_role_is_refused():
    with pytest.raises(ValueError, match="unknown role"):
        NetworkFilter(roles=("Boss",))


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
@pytest.mark.parametrize("kind", ["coassign", "directed", "bipartite"])
def test_graphml_and_gexf_round_trip(store, fmt, kind):
    from analysis import BUILDERS

    graph = BUILDERS[kind](data(store))
    read = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(io.BytesIO(network_bytes(graph, fmt)))
    assert set(read.nodes) == set(graph.nodes)
    assert read.number_of_edges() == graph.number_of_edges()
    if kind == "coassign":
        attributes = read.edges[FGW, COUNTY] if fmt == "graphml" else next(
            d for a, b, d in read.edges(data=True) if {a, b} == {FGW, COUNTY})
        assert int(attributes["weight"]) == 3 and int(attributes["pairs_Implementer-Lead"]) == 1


def test_csv_and_json_exports(store):
    import csv
    import json

    graph = coassignment_network(data(store))
    rows = list(csv.DictReader(io.StringIO(network_bytes(graph, "csv").decode())))
    assert len(rows) == 6 and {r["source_label"] for r in rows} <= {"市发展改革委", "市财政局", "市水利局", "各县（市、区）政府"}
    linked = json.loads(network_bytes(graph, "json"))
    assert len(linked["nodes"]) == 4 and len(linked["edges"]) == 6


def test_load_index_is_one_unit_of_work_per_clause(store):
    assert sum(load_index(data(store, roles=("Lead", "Support"))).values()) == pytest.approx(3)
