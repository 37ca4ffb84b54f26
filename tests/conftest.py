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
