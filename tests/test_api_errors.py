"""Every REST error has the same JSON shape: {"error": {"status", "code", "message"}}."""

from __future__ import annotations

import pytest

CASES = [
    ("get", "/sparql", {"params": {"query": "SELEC nothing"}}, 400),
    ("get", "/sparql", {"params": {"query": "SELECT * WHERE { ?s ?p ?o }"}, "headers": {"Accept": "image/gif"}}, 406),
    ("post", "/sparql", {"data": {"update": "CLEAR ALL"}}, 403),
    ("post", "/sparql", {"content": b"x", "headers": {"Content-Type": "text/plain"}}, 415),
    ("post", "/sparql", {"data": {"nothing": "here"}}, 400),
    ("get", "/graph-store", {}, 400),
    ("get", "/no/such/route", {}, 404),
    ("delete", "/health", {}, 405),
    ("get", "/queries/no-such-query", {}, 404),
    ("get", "/queries/lead-units-by-year", {"params": {"year": "not-a-year"}}, 400),
    ("get", "/queries/lead-units-by-year", {"params": {"nonsense": "1"}}, 400),
]


@pytest.mark.parametrize(("method", "path", "kwargs", "status"), CASES)
def test_one_error_shape(app_client, method, path, kwargs, status):
    response = getattr(app_client, method)(path, **kwargs)
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message"}
    assert body["error"]["status"] == status and body["error"]["code"] and body["error"]["message"]
