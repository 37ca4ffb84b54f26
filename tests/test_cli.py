"""The govkg command line, driven through click's runner."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from conftest import FIXTURES

from govkg.cli import main

DOCS = FIXTURES / "docs"


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def ingested(runner, tmp_path):
    store = tmp_path / "store"
    result = runner.invoke(main, ["ingest", str(DOCS), "--store", str(store), "-q"])
    assert result.exit_code == 0, result.output
    return store


@pytest.mark.parametrize("command", [[], ["ingest"], ["export"], ["query"], ["stats"]])
def test_help_on_every_command(runner, command):
    result = runner.invoke(main, command + ["--help"])
    assert result.exit_code == 0 and "Usage:" in result.output


def test_ingest_summary(runner, tmp_path):
    result = runner.invoke(main, ["ingest", str(DOCS), "--store", str(tmp_path / "s"), "-q"])
    assert result.exit_code == 0
    assert "ingested 5 file(s)" in result.output and "6 notices" in result.output


def test_ingest_json_summary(runner, tmp_path):
    result = runner.invoke(main, ["ingest", str(DOCS / "county_qingtian.txt"), "--store", str(tmp_path / "s"), "--format", "json"])
    data = json.loads(result.output)
    assert data["totals"]["notices"] == 1 and data["totals"]["assignments"]["lead"] == 4 and data["errors"] == []


def test_ingest_reports_bad_files_and_exits_1(runner, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = runner.invoke(main, ["ingest", str(tmp_path / "empty.txt"), str(DOCS / "lishui_gbk.txt"), "--store", str(tmp_path / "s"), "-q"])
    assert result.exit_code == 1
    assert "ingested 1 file(s)" in result.output
    assert f"error: {tmp_path / 'empty.txt'}: empty file" in result.output


def test_ingest_missing_path(runner, tmp_path):
    result = runner.invoke(main, ["ingest", str(tmp_path / "nope.txt"), "--store", str(tmp_path / "s"), "-q"])
    assert result.exit_code == 1 and "nope.txt: file not found" in result.output


def test_max_file_mb(runner, tmp_path):
    result = runner.invoke(main, ["ingest", str(DOCS / "county_qingtian.txt"), "--store", str(tmp_path / "s"), "--max-file-mb", "0.001", "-q"])
    assert result.exit_code == 1 and "file too large" in result.output


@pytest.mark.parametrize("fmt", ["nquads", "trig", "turtle", "ntriples"])
def test_export_formats_parse_back(runner, ingested, tmp_path, fmt):
    import pyoxigraph as ox

    out = tmp_path / f"g.{fmt}"
    result = runner.invoke(main, ["export", "--store", str(ingested), "-o", str(out), "--format", fmt])
    assert result.exit_code == 0
    rdf_format = {"nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG, "turtle": ox.RdfFormat.TURTLE,
                  "ntriples": ox.RdfFormat.N_TRIPLES}[fmt]
    assert len(list(ox.parse(path=str(out), format=rdf_format))) > 100


def test_export_to_stdout_is_sorted_nquads(runner, ingested):
    result = runner.invoke(main, ["export", "--store", str(ingested)])
    lines = result.stdout_bytes.decode().splitlines()
    assert lines == sorted(lines) and all(line.endswith(" .") for line in lines)


QUERY = 'SELECT ?unit WHERE { ?c gk:leadUnit/skos:prefLabel ?unit ; gk:notice/gk:docNumber "青政办发〔2024〕7号" } ORDER BY ?unit'


def test_query_table(runner, ingested):
    result = runner.invoke(main, ["query", QUERY, "--store", str(ingested)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].strip() == "unit" and "县水利局" in result.stdout and "县大数据发展中心" in result.stdout


def test_query_json_is_sparql_results_json(runner, ingested):
    result = runner.invoke(main, ["query", QUERY, "--store", str(ingested), "--format", "json"])
    data = json.loads(result.stdout)
    assert data["head"]["vars"] == ["unit"]
    assert {b["unit"]["value"] for b in data["results"]["bindings"]} == {"县水利局", "县卫生健康局", "县大数据发展中心"}


def test_query_csv(runner, ingested):
    result = runner.invoke(main, ["query", QUERY, "--store", str(ingested), "--format", "csv"])
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["unit"] and len(rows) == 5  # header + 4 (县水利局 leads twice)


def test_query_from_file(runner, ingested, tmp_path):
    rq = tmp_path / "q.rq"
    rq.write_text("ASK { ?n a gk:Notice }", encoding="utf-8")
    result = runner.invoke(main, ["query", str(rq), "--store", str(ingested)])
    assert result.exit_code == 0 and result.stdout.strip() == "true"


def test_malformed_query_exits_1_with_position(runner, ingested):
    result = runner.invoke(main, ["query", "SELECT ?x WHERE { ?x ?y }", "--store", str(ingested)])
    assert result.exit_code == 1
    assert result.output.startswith("error: malformed query:") and "1:" in result.output


def test_query_on_missing_store(runner, tmp_path):
    result = runner.invoke(main, ["query", "ASK {}", "--store", str(tmp_path / "none")])
    assert result.exit_code == 1 and "no store here" in result.output


def test_stats(runner, ingested):
    result = runner.invoke(main, ["stats", "--store", str(ingested), "--format", "json"])
    data = json.loads(result.stdout)
    assert data["source files"] == 5 and data["notices"] == 6 and data["gazette issues"] == 1
    assert data["assignments by role"]["Lead"] >= 10
    table = runner.invoke(main, ["stats", "--store", str(ingested)])
    assert "notices" in table.stdout and "assignments by role" in table.stdout


def test_usage_error_exits_2(runner):
    assert runner.invoke(main, ["ingest"]).exit_code == 2
