"""Shared fixtures: the shared corpus and gold (beside the checkout), stores built from them."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.load import ingest_paths
from graph.store import OxigraphStore

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"
FIXTURES = Path(__file__).parent / "fixtures"


def need_corpus() -> None:
    if not CORPUS.is_dir() or not GOLD.is_dir():
        pytest.skip("../shared/corpus and ../shared/gold are not beside this checkout")


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory) -> OxigraphStore:
    """The shared corpus ingested once into an on-disk store."""
    need_corpus()
    store = OxigraphStore(tmp_path_factory.mktemp("corpus") / "store")
    report = ingest_paths([CORPUS], store, max_bytes=64_000_000)
    assert not report.failed and not report.problems
    return store


@pytest.fixture
def store(tmp_path) -> OxigraphStore:
    return OxigraphStore(tmp_path / "store")


def build_store(path: Path, sources: list[Path]) -> Path:
    """Ingest ``sources`` into a store at ``path`` and close it, so servers can open it read-only."""
    store = OxigraphStore(path)
    report = ingest_paths(sources, store, max_bytes=64_000_000)
    assert not report.failed and not report.problems
    store.flush()
    del store
    return path


@pytest.fixture(scope="session")
def served_store(tmp_path_factory) -> Path:
    """A closed on-disk store of the corpus (or, without ../shared, of the fixtures)."""
    sources = [CORPUS] if CORPUS.is_dir() else [FIXTURES / "docs"]
    return build_store(tmp_path_factory.mktemp("served") / "store", sources)


@pytest.fixture(scope="session")
def app_client(served_store):
    """FastAPI's test client on the app, query workers started."""
    from fastapi.testclient import TestClient

    from api.app import create_app
    from api.config import ServerConfig

    app = create_app(ServerConfig(store=served_store, query_workers=2, query_timeout=20.0, max_rows=1000))
    with TestClient(app) as client:
        yield client


@pytest.fixture(scope="session")
def live_server(served_store):
    """The app served by uvicorn on 127.0.0.1 at a free port; yields the base URL."""
    import socket
    import threading
    import time

    import uvicorn

    from api.app import create_app
    from api.config import ServerConfig

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = ServerConfig(store=served_store, query_workers=2, query_timeout=2.0, max_rows=1000)
    server = uvicorn.Server(uvicorn.Config(create_app(config), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=30)
