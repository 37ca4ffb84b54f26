"""Golden tests of the researchers' query library: each queries/*.rq against a hand-written
fixture graph (tests/fixtures/library.trig) and hand-written expected results (.csv)."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest
from conftest import FIXTURES, ROOT

from api.library import load_library, load_query
from api.results import serialize_solutions
from graph.store import OxigraphStore

QUERIES = sorted((ROOT / "queries").glob("*.rq"))
EXPECTED = FIXTURES / "library"


@pytest.fixture(scope="module")
def fixture_store() -> OxigraphStore:
    store = OxigraphStore(None)
    store.load_dataset(FIXTURES / "library.trig")
    return store


def test_the_library_has_at_least_15_documented_queries():
    library = load_library(ROOT / "queries")
    assert len(library) >= 15
    for query in library.values():
        assert "?" in query.question, f"{query.name}: the first comment line states the research question"
        assert "Parameters:" in query.text


@pytest.mark.parametrize("path", QUERIES, ids=[p.stem for p in QUERIES])
def test_query_against_fixture(fixture_store, path):
    query = load_query(path)
    params_file = EXPECTED / f"{path.stem}.params.json"
    params = json.loads(params_file.read_text(encoding="utf-8")) if params_file.exists() else {}
    result = fixture_store.query(query.bind(params))
    assert isinstance(result, ox.QuerySolutions)
    variables = [v.value for v in result.variables]
    got = serialize_solutions(variables, [[s[v] for v in variables] for s in result], "csv").decode()
    expected = (EXPECTED / f"{path.stem}.csv").read_text(encoding="utf-8")
    assert list(csv.reader(io.StringIO(got))) == list(csv.reader(io.StringIO(expected)))


def test_parameters_are_typed_and_cannot_inject():
    query = load_query(ROOT / "queries" / "lead-units-by-year.rq")
    assert "VALUES ?year { 2024 }" in query.bind({"year": "2024"})
    with pytest.raises(ValueError, match="year must be integer"):
        query.bind({"year": "2024 } } DELETE WHERE { ?s ?p ?o"})
    text_query = load_query(ROOT / "queries" / "deadline-calendar.rq")
    bound = text_query.bind({"unitName": '市" } ?x ?y ?z . #'})
    assert 'VALUES ?unitName { "市\\" } ?x ?y ?z . #" }' in bound


def test_library_over_http(app_client):
    listing = app_client.get("/queries").json()
    names = {q["name"] for q in listing}
    assert len(names) >= 15
    year = next(q for q in listing if q["name"] == "lead-units-by-year")
    assert year["parameters"] == [{"name": "year", "default": "2025", "type": "integer"}]
    response = app_client.get("/queries/lead-units-by-year", params={"year": "2024", "format": "csv"})
    assert response.status_code == 200 and response.text.startswith("unit,tasks")
    source = app_client.get("/queries/lead-units-by-year/source")
    assert source.headers["content-type"].startswith("application/sparql-query") and "VALUES ?year" in source.text
