"""End to end: ingest ../shared/corpus with the CLI, export, score with ../shared/tools/evaluate.py.

Fails when any quality bar of the ingest issue is missed.
"""

from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner
from conftest import CORPUS, GOLD, SHARED, need_corpus

from govkg.cli import main

BARS = {
    ("assignments", "precision"): 0.97,
    ("assignments", "f1"): 0.95,
    ("role_lead", "f1"): 0.90,
    ("role_support", "f1"): 0.90,
    ("role_responsible", "f1"): 0.90,
    ("role_implementer", "f1"): 0.90,
    ("deadlines", "f1"): 0.90,
    ("citations", "f1"): 0.90,
    ("notices", "f1"): 1.0,
}
FIELD_BARS = {"title": 0.95, "date": 0.95, "genre": 0.95}


def test_corpus_meets_the_quality_bars(tmp_path):
    need_corpus()
    runner = CliRunner()
    store, export = tmp_path / "store", tmp_path / "g.nq"
    assert runner.invoke(main, ["ingest", str(CORPUS), "--store", str(store), "-q"]).exit_code == 0
    assert runner.invoke(main, ["export", "--store", str(store), "-o", str(export)]).exit_code == 0
    scores = tmp_path / "scores.json"
    subprocess.run(
        [sys.executable, str(SHARED / "tools" / "evaluate.py"), "--graph", str(export), "--gold", str(GOLD), "--json", str(scores)],
        check=True,
        capture_output=True,
    )
    report = json.loads(scores.read_text(encoding="utf-8"))
    misses = [
        f"{metric} {measure} {report[metric][measure]} < {bar}"
        for (metric, measure), bar in BARS.items()
        if report[metric][measure] < bar
    ]
    misses += [f"notice {f} {report['notice_fields'][f]} < {bar}" for f, bar in FIELD_BARS.items() if report["notice_fields"][f] < bar]
    if report["citation_level_accuracy"] < 0.95:
        misses.append(f"citation level accuracy {report['citation_level_accuracy']} < 0.95")
    assert not misses, misses
