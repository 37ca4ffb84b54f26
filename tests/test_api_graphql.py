"""GraphQL: the types and their links both ways, pagination, errors, guards, no N+1, the SDL snapshot."""

from __future__ import annotations

from pathlib import Path

from api.config import ServerConfig
from api.graphql import make_schema

SDL = Path(__file__).resolve().parents[1] / "api" / "graphql" / "schema.graphql"


def gql(client, query: str, **variables) -> dict:
    response = client.post("/graphql", json={"query": query, "variables": variables})
    assert response.status_code == 200, response.text
    return response.json()


def data(client, query: str, **variables) -> dict:
    body = gql(client, query, **variables)
    assert "errors" not in body, body.get("errors")
    return body["data"]


def any_task(client) -> dict:
    rows = client.get("/sparql", params={"query": (
        "SELECT ?n ?num WHERE { ?a gk:clause ?c ; gk:role gk:Lead . ?c gk:notice ?n . ?n gk:docNumber ?num } ORDER BY ?num LIMIT 1"
    )}).json()["results"]["bindings"][0]
    return {"id": rows["n"]["value"], "docNumber": rows["num"]["value"]}


def test_schema_snapshot():
    """Fails when the schema changes unintentionally; run with GOVKG_UPDATE_SDL=1 to accept a change."""
    import os

    printed = str(make_schema(ServerConfig())) + "\n"
    if os.environ.get("GOVKG_UPDATE_SDL"):
        SDL.write_text(printed, encoding="utf-8")
    assert printed == SDL.read_text(encoding="utf-8")


def test_notice_by_doc_number_and_its_tree(app_client):
    notice = any_task(app_client)
    result = data(app_client, """query($num: String!) { notice(docNumber: $num) {
        id docNumber title genre issued issuer { name } gazette { year issueNumber }
        clauses { label path children { label path parent { path } assignments { role unit { name } } } } } }""",
                  num=notice["docNumber"])["notice"]
    assert result["id"] == notice["id"] and result["docNumber"] == notice["docNumber"]
    assert result["issuer"]["name"].endswith(("政府办公室", "政府"))
    children = [c for top in result["clauses"] for c in top["children"]]
    assert all(c["parent"]["path"] + "/" in c["path"] for c in children)


def test_links_both_ways(app_client):
    notice = any_task(app_client)
    result = data(app_client, """query($id: ID!) { notice(id: $id) { id clauses { children { children { id
        assignments(role: LEAD) { role unit { id name assignments(role: LEAD, first: 50) { totalCount
          edges { node { clause { id notice { id } } } } } } } } } } } }""", id=notice["id"])["notice"]
    assignments = [a for top in result["clauses"] for c in top["children"] for g in c["children"] for a in g["assignments"]]
    assert assignments and all(a["role"] == "LEAD" for a in assignments)
    first = assignments[0]["unit"]["assignments"]
    assert first["totalCount"] >= 1
    assert any(e["node"]["clause"]["notice"]["id"] == notice["id"] for e in first["edges"])


def test_notices_connection_paginates(app_client):
    query = """query($after: String) { notices(first: 2, after: $after) { totalCount
        pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id issued } } } }"""
    page = data(app_client, query)["notices"]
    assert len(page["edges"]) == 2 and page["pageInfo"]["hasNextPage"] and not page["pageInfo"]["hasPreviousPage"]
    seen = [e["node"]["id"] for e in page["edges"]]
    while page["pageInfo"]["hasNextPage"]:
        page = data(app_client, query, after=page["pageInfo"]["endCursor"])["notices"]
        seen += [e["node"]["id"] for e in page["edges"]]
    assert len(seen) == len(set(seen)) == page["totalCount"]


def test_notices_filters(app_client):
    everything = data(app_client, "{ notices(first: 100) { totalCount edges { node { genre issued jurisdiction } } } }")["notices"]
    genre = everything["edges"][0]["node"]["genre"]
    filtered = data(app_client, "query($g: String) { notices(filter: {genre: $g}) { totalCount edges { node { genre } } } }", g=genre)
    assert all(e["node"]["genre"] == genre for e in filtered["notices"]["edges"])
    dates = sorted(e["node"]["issued"] for e in everything["edges"] if e["node"]["issued"])
    ranged = data(app_client, "query($a: Date, $b: Date) { notices(filter: {issuedFrom: $a, issuedTo: $b}) { totalCount } }",
                  a=dates[0], b=dates[0])["notices"]["totalCount"]
    assert 1 <= ranged < everything["totalCount"]


def test_units_search_any_name(app_client):
    result = data(app_client, '{ units(filter: {name: "发展改革"}, first: 5) { totalCount edges { node { name altLabels jurisdiction unitType } } } }')
    units = result["units"]["edges"]
    assert units and all("发展改革" in n["node"]["name"] or any("发展改革" in a for a in n["node"]["altLabels"]) for n in units)
    name = units[0]["node"]["name"]
    one = data(app_client, "query($n: String) { unit(name: $n) { name } }", n=name)["unit"]
    assert one["name"] == name


def test_deadlines_in_a_range_for_a_role(app_client):
    result = data(app_client, """{ deadlines(from: "2024-01-01", to: "2024-12-31", role: LEAD, first: 10) {
        totalCount edges { node { date text clause { assignments(role: LEAD) { role } } } } } }""")["deadlines"]
    assert result["totalCount"] > 0
    for edge in result["edges"]:
        assert edge["node"]["date"].startswith("2024") and edge["node"]["clause"]["assignments"]


def test_citation_chain_and_cited_by(app_client):
    notice = app_client.get("/sparql", params={"query": "SELECT ?n WHERE { ?n a gk:Notice ; gk:cites ?x } ORDER BY ?n LIMIT 1"}).json()
    notice_id = notice["results"]["bindings"][0]["n"]["value"]
    chain = data(app_client, "query($id: ID!) { citationChain(notice: $id, depth: 3) { source depth target { id title level citedBy { id } } } }",
                 id=notice_id)["citationChain"]
    assert chain and all(link["depth"] >= 1 for link in chain)
    assert any(c["id"] == notice_id for link in chain for c in link["target"]["citedBy"])


def test_org_map_for_a_jurisdiction(app_client):
    jurisdiction = data(app_client, "{ notices(first: 1) { edges { node { jurisdiction } } } }")["notices"]["edges"][0]["node"]["jurisdiction"]
    result = data(app_client, """query($j: String) { orgMap(jurisdiction: $j, roles: [LEAD, SUPPORT]) {
        nodes { id label kind tasks lead support } edges { source target type weight } } }""", j=jurisdiction)["orgMap"]
    ids = {n["id"] for n in result["nodes"]}
    assert result["nodes"] and result["edges"]
    assert all(e["source"] in ids and e["target"] in ids for e in result["edges"])
    assert {e["type"] for e in result["edges"]} <= {"LEAD_SUPPORT", "CO_LEAD"}
    assert all(n["lead"] + n["support"] >= 1 for n in result["nodes"])


def test_org_map_around_units_with_clauses(app_client):
    unit = data(app_client, "{ units(first: 1) { edges { node { id } } } }")["units"]["edges"][0]["node"]["id"]
    result = data(app_client, """query($u: [ID!]) { orgMap(units: $u, depth: 1, includeClauses: true) {
        nodes { id kind } edges { source target type role } } }""", u=[unit])["orgMap"]
    kinds = {n["kind"] for n in result["nodes"]}
    assert kinds == {"UNIT", "CLAUSE"}
    assert any(e["type"] == "ASSIGNED" and e["source"] == unit for e in result["edges"])


def test_errors_come_in_the_errors_array(app_client):
    body = gql(app_client, '{ notice(id: "x", docNumber: "y") { id } }')
    assert body["data"] == {"notice": None} or body["data"] is None
    assert "exactly one" in body["errors"][0]["message"]
    body = gql(app_client, "{ notices(first: 100000) { totalCount } }")
    assert "first must be between" in body["errors"][0]["message"]
    body = gql(app_client, '{ notices(after: "bm9wZQ==") { totalCount } }')
    assert "invalid cursor" in body["errors"][0]["message"]
    body = gql(app_client, "{ nonsense }")
    assert body["errors"] and body.get("data") is None


def test_guards_against_abusive_queries(app_client):
    deep = "{ notices { edges { node { clauses { " + "children { " * 12 + "id" + " }" * 12 + " } } } } }"
    assert "exceeds maximum operation depth" in gql(app_client, deep)["errors"][0]["message"]
    aliases = "{ " + " ".join(f"a{i}: notices {{ totalCount }}" for i in range(40)) + " }"
    assert "aliases" in gql(app_client, aliases)["errors"][0]["message"].lower()
    tokens = "{ notices { totalCount " + " ".join("totalCount" for _ in range(3000)) + " } }"
    assert "token" in gql(app_client, tokens)["errors"][0]["message"].lower()


def test_introspection_and_graphiql(app_client):
    body = data(app_client, "{ __schema { queryType { name } types { name } } }")
    names = {t["name"] for t in body["__schema"]["types"]}
    assert {"Notice", "Clause", "Assignment", "Unit", "Deadline", "CitedDocument", "GazetteIssue", "OrgMap"} <= names
    page = app_client.get("/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "graphiql" in page.text.lower()


def test_no_n_plus_one(app_client):
    """The number of store queries does not grow with the number of objects returned."""
    counts = []
    for first in (2, 10):
        response = app_client.post("/graphql", json={"query": f"""{{ notices(first: {first}) {{ edges {{ node {{
            title issuer {{ name }} gazette {{ year }} cites {{ title citedBy {{ id }} }}
            clauses {{ children {{ assignments {{ unit {{ name assignments(first: 3) {{ totalCount }} }} }} deadlines {{ date }}
              children {{ assignments {{ role unit {{ name }} }} deadlines {{ date }} }} }} }} }} }} }} }}"""})
        assert "errors" not in response.json()
        counts.append(int(response.headers["X-Store-Queries"]))
    assert counts[0] == counts[1] <= 30
