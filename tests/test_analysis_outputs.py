"""Plots, metrics written back into the store, and the analysis commands."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import FIXTURES

from analysis import NetworkFilter, fetch_assignments, unit_metrics
from govkg.cli import main
from graph.build import metrics_quads
from graph.store import OxigraphStore


@pytest.fixture
def fixture_store_dir(tmp_path):
    path = tmp_path / "store"
    store = OxigraphStore(path)
    store.load_dataset(FIXTURES / "library.trig")
    store.flush()
    del store
    return path


def _cjk_font_or_skip():
    from analysis.plot import PlotError, cjk_font

    try:
        return cjk_font()
    except PlotError as exc:  # .ci/run installs one; a bare machine may not have it
        pytest.skip(str(exc))


@pytest.mark.parametrize("what", ["network", "load"])
def test_plot_png_has_size_and_content(fixture_store_dir, tmp_path, what):
    _cjk_font_or_skip()
    from PIL import Image, ImageStat

    output = tmp_path / f"{what}.png"
    result = CliRunner().invoke(main, ["plot", what, "--store", str(fixture_store_dir), "-o", str(output)])
    assert result.exit_code == 0, result.output
    image = Image.open(output)
    assert image.size[0] >= 400 and image.size[1] >= 300
    stats = ImageStat.Stat(image.convert("L"))
    assert stats.stddev[0] > 5  # not a blank page
    assert image.convert("L").getextrema()[0] < 100  # something dark was drawn (labels, nodes)


def test_plot_svg_keeps_chinese_labels(fixture_store_dir, tmp_path):
    _cjk_font_or_skip()
    output = tmp_path / "network.svg"
    assert CliRunner().invoke(main, ["plot", "network", "--store", str(fixture_store_dir), "-o", str(output)]).exit_code == 0
    assert output.read_text(encoding="utf-8").startswith("<?xml")


def test_metrics_written_back_and_replaced(fixture_store_dir):
    runner = CliRunner()
    first = runner.invoke(main, ["metrics", "--store", str(fixture_store_dir), "--format", "json"])
    assert first.exit_code == 0, first.output
    rows = json.loads(first.stdout)
    assert rows[0]["name"] in ("市发展改革委", "市财政局") and rows[0]["load_index"] == pytest.approx(13 / 12)
    again = runner.invoke(main, ["metrics", "--store", str(fixture_store_dir), "--format", "csv"])
    assert again.exit_code == 0
    store = OxigraphStore(fixture_store_dir, read_only=True)
    runs = store.select("SELECT ?g ?p ?t WHERE { GRAPH ?g { ?g a gk:MetricsRun ; gk:parameters ?p ; prov:endedAtTime ?t } }").rows
    assert len(runs) == 1  # recomputing with the same filter replaced the graph
    assert json.loads(runs[0]["p"].value)["roles"] == ["Lead", "Support", "Responsible", "Implementer"]
    joined = store.select("""SELECT ?name ?load WHERE { ?m gk:metricsOf ?u ; gk:loadIndex ?load . ?u skos:prefLabel ?name }
                             ORDER BY DESC(?load) ?name""").rows
    assert {r["name"].value for r in joined} == {"市发展改革委", "市财政局", "市水利局", "各县（市、区）政府"}


def test_metrics_graph_for_another_filter_lives_beside(fixture_store_dir):
    runner = CliRunner()
    runner.invoke(main, ["metrics", "--store", str(fixture_store_dir), "--format", "json"])
    runner.invoke(main, ["metrics", "--store", str(fixture_store_dir), "--format", "json", "--explicit-only"])
    store = OxigraphStore(fixture_store_dir, read_only=True)
    assert len(store.select("SELECT ?g WHERE { GRAPH ?g { ?g a gk:MetricsRun } }").rows) == 2


def test_metrics_quads_are_typed():
    store = OxigraphStore(None)
    store.load_dataset(FIXTURES / "library.trig")
    graph, quads = metrics_quads(unit_metrics(fetch_assignments(store, NetworkFilter())), {"x": 1}, "2026-01-01T00:00:00+00:00")
    assert graph.value.startswith("https://w3id.org/govkg/id/metrics/")
    assert any(q.predicate.value.endswith("#pageRank") and q.object.datatype.value.endswith("#double") for q in quads)


def test_network_command_formats(fixture_store_dir, tmp_path):
    import networkx as nx

    runner = CliRunner()
    out = tmp_path / "g.graphml"
    result = runner.invoke(main, ["network", "--kind", "directed", "--store", str(fixture_store_dir), "--format", "graphml",
                                  "-o", str(out), "--role", "lead", "--role", "support", "--role", "implementer"])
    assert result.exit_code == 0 and "directed network: 4 nodes, 5 edges" in result.output
    assert nx.read_graphml(out).number_of_edges() == 5
    csv_out = runner.invoke(main, ["network", "--store", str(fixture_store_dir), "--format", "csv", "--no-collective"])
    assert csv_out.stdout.splitlines()[0].startswith("source,source_label,target,target_label")


def test_load_command(fixture_store_dir):
    result = CliRunner().invoke(main, ["load", "--store", str(fixture_store_dir), "--by", "year", "--format", "json"])
    rows = {r["unit"]: r for r in json.loads(result.stdout)}
    assert rows["市财政局"] == {"unit": "市财政局", "2023": 1, "2024": 1, "2025": 1, "total": 3}
    table = CliRunner().invoke(main, ["load", "--store", str(fixture_store_dir), "--by", "quarter"])
    assert "2025Q4" in table.stdout


@pytest.mark.parametrize("command", ["network", "metrics", "load", "plot"])
def test_analysis_help(command):
    assert CliRunner().invoke(main, [command, "--help"]).exit_code == 0


def test_plot_refuses_other_suffixes(fixture_store_dir, tmp_path):
    result = CliRunner().invoke(main, ["plot", "load", "--store", str(fixture_store_dir), "-o", str(tmp_path / "x.jpg")])
    assert result.exit_code == 2 and ".png or .svg" in result.output
