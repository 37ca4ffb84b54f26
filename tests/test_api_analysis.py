"""Coordination analysis over the API: REST /network/{kind} and /load, GraphQL coordination fields."""

from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest


@pytest.mark.parametrize("kind", ["coassign", "directed", "bipartite"])
def test_network_json(app_client, kind):
    response = app_client.get(f"/network/{kind}", params={"role": ["Lead", "Support"]})
    assert response.status_code == 200
    data = response.json()
    assert data["nodes"] and data["edges"] is not None


def test_network_graphml_round_trip(app_client):
    response = app_client.get("/network/coassign", params={"format": "graphml", "collective": "false"})
    assert response.headers["content-type"].startswith("application/graphml+xml")
    graph = nx.read_graphml(io.BytesIO(response.content))
    assert graph.number_of_nodes() > 0
    assert not any("各县" in d.get("label", "") for _, d in graph.nodes(data=True))


def test_network_filters_narrow(app_client):
    everything = app_client.get("/network/coassign").json()
    explicit = app_client.get("/network/coassign", params={"explicitOnly": "true", "role": "Lead"}).json()
    assert len(explicit["nodes"]) < len(everything["nodes"])


def test_load_csv(app_client):
    response = app_client.get("/load", params={"by": "quarter", "format": "csv"})
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows and "total" in rows[0] and any(k.endswith("Q4") for k in rows[0])
    totals = [int(r["total"]) for r in rows]
    assert totals == sorted(totals, reverse=True)


def test_bad_analysis_parameters(app_client):
    assert app_client.get("/network/triangle").json()["error"]["code"] == "unknown_network"
    assert app_client.get("/network/coassign", params={"role": "Boss"}).json()["error"]["code"] == "invalid_parameters"
    assert app_client.get("/load", params={"deadlineFrom": "soon"}).status_code == 400


def test_unit_coordination_in_graphql(app_client):
    body = app_client.post("/graphql", json={"query": """{ units(first: 3) { edges { node { name
        coordination { tasksLed tasksSupported tasksResponsible tasksImplementing weightedDegree betweenness pageRank
                       loadIndex community deadlineLoad { period tasks } } } } } }"""}).json()
    assert "errors" not in body, body
    nodes = [e["node"] for e in body["data"]["units"]["edges"]]
    assert all(n["coordination"]["loadIndex"] > 0 for n in nodes)


def test_coordination_network_in_graphql(app_client):
    body = app_client.post("/graphql", json={"query": """{ coordinationNetwork(kind: DIRECTED,
        filter: {roles: [LEAD, SUPPORT], includeCollective: false}) {
        kind nodes { id label coordination { tasksLed pageRank } } edges { source target weight leadSupport } } }"""}).json()
    assert "errors" not in body, body
    network = body["data"]["coordinationNetwork"]
    ids = {n["id"] for n in network["nodes"]}
    assert network["kind"] == "DIRECTED" and network["edges"]
    assert all(e["source"] in ids and e["target"] in ids and e["leadSupport"] == e["weight"] for e in network["edges"])
    assert json.dumps(network, ensure_ascii=False)
