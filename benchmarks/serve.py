"""Serving benchmark: govkg's /sparql against `oxigraph serve-read-only` on the same store.

    python benchmarks/serve.py                      # ingests ../shared/corpus into a temporary store
    python benchmarks/serve.py --store data/store --seconds 5 --concurrency 4

For four reference queries — lead units of tasks due in a year; per-unit task
counts by role; co-assigned unit pairs; one notice with its clauses — it
measures median and p95 latency and throughput at a fixed concurrency for a
bounded time, against govkg and against Oxigraph's own server (from the
``oxigraph`` PyPI package) run in the same session on the same data, and
reports the ratios (targets: p50 within 1.5x, throughput at least 60 %). It
also times the GraphQL orgMap of one jurisdiction (target p50 under 50 ms).
Loopback only; every loop stops by itself.
"""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PREFIXES = """PREFIX gk: <https://w3id.org/govkg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""
QUERIES = {
    "lead units due in 2025": (ROOT / "queries" / "lead-units-by-year.rq").read_text(encoding="utf-8"),
    "unit task counts by role": (ROOT / "queries" / "unit-tasks-by-role.rq").read_text(encoding="utf-8"),
    "co-assigned unit pairs": PREFIXES + """SELECT ?a ?b (COUNT(DISTINCT ?clause) AS ?shared) WHERE {
  ?x gk:clause ?clause ; gk:unit ?ua . ?y gk:clause ?clause ; gk:unit ?ub . FILTER (STR(?ua) < STR(?ub))
  ?ua skos:prefLabel ?a . ?ub skos:prefLabel ?b } GROUP BY ?a ?b ORDER BY DESC(?shared) LIMIT 100""",
    "one notice with its clauses": PREFIXES + """SELECT ?clause ?path ?text WHERE {
  ?notice gk:docNumber "焦政办〔2023〕54号" . ?clause gk:notice ?notice ; gk:path ?path ; gk:text ?text } ORDER BY ?path""",
}
ORG_MAP = """query($j: String) { orgMap(jurisdiction: $j) { nodes { id label tasks } edges { source target type weight } } }"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not come up")


def load(fn, seconds: float, concurrency: int) -> dict:
    """Run ``fn`` from ``concurrency`` threads for ``seconds``; latencies in ms."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def worker() -> None:
        nonlocal errors
        with httpx.Client(timeout=30) as client:
            while time.monotonic() < stop:
                started = time.perf_counter()
                ok = fn(client)
                elapsed = (time.perf_counter() - started) * 1000
                with lock:
                    latencies.append(elapsed)
                    errors += not ok

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - started
    latencies.sort()
    return {
        "requests": len(latencies),
        "errors": errors,
        "p50_ms": statistics.median(latencies),
        "p95_ms": latencies[int(0.95 * (len(latencies) - 1))],
        "throughput_rps": len(latencies) / wall,
    }


def sparql_fn(endpoint: str, query: str):
    def call(client: httpx.Client) -> bool:
        response = client.post(endpoint, data={"query": query}, headers={"Accept": "application/sparql-results+json"})
        return response.status_code == 200

    return call


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path, help="an existing store (default: ingest ../shared/corpus into a temporary one)")
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2, help="govkg query worker processes")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    store = args.store
    if store is None:
        store = tmp / "store"
        subprocess.run([sys.executable, "-m", "govkg.cli", "ingest", str(ROOT.parent / "shared" / "corpus"), "--store", str(store), "-q"],
                       check=True)
    oxigraph = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    ox_port, kg_port = free_port(), free_port()
    processes = [
        subprocess.Popen([oxigraph, "serve-read-only", "--location", str(store), "--bind", f"127.0.0.1:{ox_port}",
                          "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
        subprocess.Popen([sys.executable, "-m", "govkg.cli", "serve", "--store", str(store), "--port", str(kg_port),
                          "--query-workers", str(args.workers)],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
    ]
    results: dict = {}
    try:
        wait_for(f"http://127.0.0.1:{ox_port}/")
        wait_for(f"http://127.0.0.1:{kg_port}/health")
        for name, query in QUERIES.items():
            base = load(sparql_fn(f"http://127.0.0.1:{ox_port}/query", query), args.seconds, args.concurrency)
            ours = load(sparql_fn(f"http://127.0.0.1:{kg_port}/sparql", query), args.seconds, args.concurrency)
            results[name] = {"oxigraph": base, "govkg": ours,
                             "p50_ratio": ours["p50_ms"] / base["p50_ms"],
                             "throughput_ratio": ours["throughput_rps"] / base["throughput_rps"]}
            print(f"{name:28} govkg p50 {ours['p50_ms']:7.2f} ms p95 {ours['p95_ms']:7.2f} ms {ours['throughput_rps']:7.1f} req/s | "
                  f"oxigraph p50 {base['p50_ms']:7.2f} ms p95 {base['p95_ms']:7.2f} ms {base['throughput_rps']:7.1f} req/s | "
                  f"p50 x{results[name]['p50_ratio']:.2f} (target <= 1.5), throughput {results[name]['throughput_ratio']:.0%} (target >= 60%)"
                  + (f" | errors {ours['errors']}/{base['errors']}" if ours["errors"] or base["errors"] else ""))
        jurisdiction = httpx.post(f"http://127.0.0.1:{kg_port}/graphql", json={
            "query": "{ notices(first: 1) { edges { node { jurisdiction } } } }"}).json()["data"]["notices"]["edges"][0]["node"]["jurisdiction"]

        def org_map(client: httpx.Client) -> bool:
            response = client.post(f"http://127.0.0.1:{kg_port}/graphql", json={"query": ORG_MAP, "variables": {"j": jurisdiction}})
            return response.status_code == 200 and "errors" not in response.json()

        results["graphql orgMap"] = graph = load(org_map, args.seconds, 1)
        print(f"{'graphql orgMap ' + jurisdiction:28} p50 {graph['p50_ms']:7.2f} ms p95 {graph['p95_ms']:7.2f} ms "
              f"{graph['throughput_rps']:7.1f} req/s (target p50 < 50 ms)")
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=30)
        shutil.rmtree(tmp, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
