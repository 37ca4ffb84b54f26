"""Network benchmark: build the three networks and every metric, on the corpus and on 500 gazettes.

    python benchmarks/network.py              # ../shared/corpus, then 500 synthetic gazettes
    python benchmarks/network.py --sizes 100

Synthetic gazettes are made as in benchmarks/ingest.py (templates with new 文号 and
place names). Reports SPARQL fetch and analysis time separately, against a
baseline measured in the same run: one plain SPARQL scan of all assignments.
Targets: under 1 s on the corpus, under 30 s at 500 gazettes.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _ingest_benchmark():
    spec = importlib.util.spec_from_file_location("ingest_benchmark", ROOT / "benchmarks" / "ingest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def measure(store_path: Path) -> dict:
    from analysis import BUILDERS, NetworkFilter, fetch_assignments, unit_metrics
    from graph.store import OxigraphStore

    store = OxigraphStore(store_path, read_only=True)
    started = time.perf_counter()
    baseline = len(store.select("SELECT ?a ?c ?u ?r WHERE { ?a gk:clause ?c ; gk:unit ?u ; gk:role ?r }").rows)
    scan_s = time.perf_counter() - started
    started = time.perf_counter()
    data = fetch_assignments(store, NetworkFilter())
    fetch_s = time.perf_counter() - started
    started = time.perf_counter()
    sizes = {kind: builder(data).number_of_edges() for kind, builder in BUILDERS.items()}
    metrics = unit_metrics(data, "quarter")
    analyse_s = time.perf_counter() - started
    return {"assignments": len(data.assignments), "units": len(metrics), "edges": sizes, "scan_s": scan_s,
            "fetch_s": fetch_s, "analyse_s": analyse_s, "baseline_rows": baseline}


def report(name: str, r: dict, target: float) -> None:
    total = r["fetch_s"] + r["analyse_s"]
    print(f"{name:16} {r['assignments']:7d} assignments {r['units']:5d} units | fetch {r['fetch_s']:6.2f} s "
          f"({r['fetch_s'] / r['scan_s']:.1f}x a plain scan) | networks + metrics {r['analyse_s']:6.2f} s | "
          f"total {total:6.2f} s (target < {target:g} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--sizes", type=int, nargs="+", default=[500])
    args = parser.parse_args()
    from graph.load import ingest_paths
    from graph.store import OxigraphStore

    bench = _ingest_benchmark()
    with tempfile.TemporaryDirectory() as tmp:
        if args.corpus.is_dir():
            path = Path(tmp) / "corpus"
            store = OxigraphStore(path)
            ingest_paths([args.corpus], store, 64_000_000)
            store.flush()
            del store
            report("corpus", measure(path), 1)
        for n in args.sizes:
            files = bench.synthetic(bench.templates(args.corpus), n, Path(tmp) / f"texts{n}")
            path = Path(tmp) / f"store{n}"
            store = OxigraphStore(path)
            started = time.perf_counter()
            ingest_paths(files, store, 64_000_000)
            store.flush()
            del store
            print(f"(ingested {n} synthetic gazettes in {time.perf_counter() - started:.0f} s)")
            report(f"synthetic {n}", measure(path), 30 if n >= 500 else 30 * n / 500)


if __name__ == "__main__":
    main()
