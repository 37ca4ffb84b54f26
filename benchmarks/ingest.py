"""Ingest benchmark: parse and load speed, scaling, peak memory.

    python benchmarks/ingest.py                 # ../shared/corpus + synthetic 25/50/100 gazettes
    python benchmarks/ingest.py --sizes 100 200 --corpus path/to/texts

Reports, for the real corpus and for synthetic corpora of growing size made
from templates (the shared corpus and tests/fixtures/docs, with 文号 and place
names rewritten so every notice and unit is new):

* parse (text → dataclasses → quads) and load (quads → store) separately,
  in MB/s of source text and triples/s;
* the cold ``govkg ingest`` wall time (a fresh process, imports included);
* peak RSS of each run (each size runs in its own process);
* ratios against a baseline measured in the same run: Oxigraph's own
  ``bulk_load`` of the same triples as N-Quads, and throughput at the
  smallest synthetic size (linear scaling keeps that ratio near 1.0).

Speed is shown here, never asserted in tests.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CITIES = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥"


def templates(corpus: Path) -> list[str]:
    files = sorted(corpus.glob("*.txt")) if corpus.is_dir() else []
    files += sorted((ROOT / "tests" / "fixtures" / "docs").glob("*.txt"))
    from ingest.read import read_source

    return [read_source(f).text for f in files]


def synthetic(texts: list[str], n: int, out: Path) -> list[Path]:
    """n gazettes: each a template with new 文号 serials and a new city name."""
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        text = texts[i % len(texts)]
        city = CITIES[i % len(CITIES)] + CITIES[(i // len(CITIES)) % len(CITIES)] + "城"
        text = re.sub(r"焦作|青田|浙江|北京|丽水|菏泽", city[:2], text)
        offset = 100 * (i + 1)  # 文号 serials stay within five digits
        text = re.sub(r"([〔\[（(]\d{4}[〕\]）)])\s*(\d+)\s*([号號])",
                      lambda m, offset=offset: f"{m.group(1)}{int(m.group(2)) + offset}{m.group(3)}", text)
        path = out / f"synthetic_{i:04d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _measure(paths: list[str], queue) -> None:
    """Parse and load file by file, as ``govkg ingest`` does, timing each stage."""
    import pyoxigraph as ox

    from graph.build import document_quads
    from graph.store import OxigraphStore
    from ingest import parse_file

    size = sum(Path(p).stat().st_size for p in paths)
    parse_s = load_s = 0.0
    triples = 0
    with tempfile.TemporaryDirectory() as tmp:
        store = OxigraphStore(Path(tmp) / "store")
        nquads = Path(tmp) / "all.nq"
        with open(nquads, "w", encoding="utf-8") as dump:
            for path in paths:
                started = time.perf_counter()
                graph, quads = document_quads(parse_file(Path(path), 64_000_000))
                parse_s += time.perf_counter() - started
                started = time.perf_counter()
                store.replace_graph(graph.value, quads)
                load_s += time.perf_counter() - started
                triples += len(quads)
                dump.write("".join(f"{q} .\n" for q in quads))
        started = time.perf_counter()
        store.flush()
        load_s += time.perf_counter() - started
        baseline = ox.Store(str(Path(tmp) / "baseline"))
        started = time.perf_counter()
        baseline.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
        baseline.flush()
        bulk_s = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    queue.put({"files": len(paths), "mb": size / 1e6, "triples": triples, "parse_s": parse_s, "load_s": load_s,
               "bulk_load_s": bulk_s, "peak_rss_mb": peak_mb})


def measure(paths: list[Path]) -> dict:
    queue: mp.Queue = mp.get_context("spawn").Queue()
    process = mp.get_context("spawn").Process(target=_measure, args=([str(p) for p in paths], queue))
    process.start()
    result = queue.get()
    process.join()
    return result


def cold_cli(paths: list[Path]) -> float:
    govkg = shutil.which("govkg") or str(Path(sys.executable).with_name("govkg"))
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        subprocess.run([govkg, "ingest", *map(str, paths), "--store", f"{tmp}/store", "-q"], check=True, capture_output=True)
        subprocess.run([govkg, "stats", "--store", f"{tmp}/store"], check=True, capture_output=True)
        return time.perf_counter() - started


def row(name: str, r: dict, reference: dict | None) -> str:
    parse_mbs = r["mb"] / r["parse_s"]
    load_tps = r["triples"] / r["load_s"]
    text = (f"{name:18} {r['files']:5d} files {r['mb']:7.2f} MB {r['triples']:9d} triples | parse {parse_mbs:6.2f} MB/s "
            f"{r['triples'] / r['parse_s']:9.0f} t/s | load {load_tps:9.0f} t/s ({r['load_s'] / r['bulk_load_s']:.2f}x bulk_load) "
            f"| peak {r['peak_rss_mb']:6.0f} MB")
    if reference:
        ref = reference["triples"] / (reference["parse_s"] + reference["load_s"])
        text += f" | throughput vs smallest {r['triples'] / (r['parse_s'] + r['load_s']) / ref:.2f}"
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--sizes", type=int, nargs="+", default=[25, 50, 100])
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    results: dict = {}
    if args.corpus.is_dir():
        files = sorted(args.corpus.glob("*.txt"))
        results["corpus"] = measure(files)
        results["corpus"]["cold_cli_s"] = cold_cli(files)
        print(row("corpus", results["corpus"], None))
        print(f"{'':18} cold `govkg ingest` + `govkg stats`: {results['corpus']['cold_cli_s']:.2f} s wall (target < 3 s)")
    texts = templates(args.corpus)
    with tempfile.TemporaryDirectory() as tmp:
        smallest = None
        for n in sorted(args.sizes):
            paths = synthetic(texts, n, Path(tmp) / f"n{n}")
            results[f"synthetic_{n}"] = r = measure(paths)
            print(row(f"synthetic {n}", r, smallest))
            smallest = smallest or r
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
