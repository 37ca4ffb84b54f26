"""The ``govkg`` command line.

Exit codes: 0 success; 1 the command ran but something failed (a file not
ingested, a store error, a malformed query); 2 wrong usage.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

import click
import pyoxigraph as ox

from graph.load import FileReport, ingest_paths
from graph.store import EXPORT_FORMATS, OxigraphStore, QuerySyntaxError, StoreError

from . import analysis_cli, settings


def _store_option(f):
    return click.option(
        "--store",
        type=click.Path(file_okay=False, path_type=Path),
        default=lambda: settings.get("store"),
        show_default=settings.BY_NAME["store"].default,
        help=settings.BY_NAME["store"].help,
    )(f)


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(1)


def _open(store: Path, read_only: bool) -> OxigraphStore:
    try:
        return OxigraphStore(store, read_only=read_only)
    except StoreError as exc:
        _fail(str(exc))
        raise  # unreachable


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="govkg")
def main() -> None:
    """govkg: a knowledge graph of Chinese local-government gazettes (政府公报).

    Ingest gazette text into an RDF store; query, export and analyse it; serve it as SPARQL,
    GraphQL and an org-responsibility map. The store is data/store unless --store or GOVKG_STORE says otherwise.
    """


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_store_option
@click.option("--max-file-mb", type=float, default=lambda: settings.get("max_file_mb"), show_default="20",
              help=settings.BY_NAME["max_file_mb"].help)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Summary as text or JSON.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def ingest(paths: tuple[Path, ...], store: Path, max_file_mb: float, fmt: str, quiet: bool) -> None:
    """Ingest gazette files or directories (.txt, .md; UTF-8 or GB18030) into the store.

    Each file's triples replace that file's named graph in one transaction,
    so ingesting again gives the same graph and a failure changes nothing.
    """
    graph_store = _open(store, read_only=False)
    from ingest import find_sources

    files, _ = find_sources(list(paths))
    show = not quiet and fmt == "text" and sys.stderr.isatty()
    with click.progressbar(length=len(files), label="ingesting", file=sys.stderr, show_pos=True,
                           hidden=not show) as bar:
        def advance(_: FileReport) -> None:
            bar.update(1)

        report = ingest_paths(list(paths), graph_store, int(max_file_mb * 1_000_000), on_file=advance)
    graph_store.flush()
    totals = report.totals()
    errors = report.problems + [f.error for f in report.failed if f.error]
    warnings = [w for f in report.files if f.ok for w in f.warnings]
    if fmt == "json":
        click.echo(json.dumps({"totals": totals, "errors": errors, "warnings": warnings}, ensure_ascii=False, indent=1))
    else:
        roles = ", ".join(f"{role} {n}" for role, n in totals["assignments"].items()) or "none"
        click.echo(
            f"ingested {totals['files']} file(s) into {store}: {totals['notices']} notices, "
            f"{totals['clauses']} clauses, {totals['table_rows']} table rows, "
            f"{sum(totals['assignments'].values())} assignments ({roles}; {totals['inherited_assignments']} inherited), "
            f"{totals['deadlines']} deadlines, {totals['citations']} citations, {totals['triples']} triples"
        )
        for warning in warnings:
            click.echo(f"warning: {warning}", err=True)
        for error in errors:
            click.echo(f"error: {error}", err=True)
    if errors:
        sys.exit(1)


@main.command()
@_store_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write (default: stdout).")
@click.option("--format", "fmt", type=click.Choice(list(EXPORT_FORMATS)), default="nquads", show_default=True,
              help="RDF serialisation; Turtle and N-Triples give the union of all graphs.")
def export(store: Path, output: Path | None, fmt: str) -> None:
    """Export the whole graph (sorted N-Quads by default)."""
    graph_store = _open(store, read_only=True)
    try:
        data = graph_store.export(fmt)
    except StoreError as exc:
        _fail(str(exc))
    if output:
        output.write_bytes(data)
        click.echo(f"wrote {len(data)} bytes to {output}", err=True)
    else:
        sys.stdout.buffer.write(data)


def _width(text: str) -> int:
    """Display width: CJK characters take two columns in a terminal."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _clip(text: str, width: int = 60) -> str:
    """Long cells are cut in the table view (json, csv and tsv give them whole)."""
    if _width(text) <= width:
        return text
    out = ""
    for ch in text:
        if _width(out + ch) > width - 1:
            break
        out += ch
    return out + "…"


def _term(value) -> str:
    if value is None:
        return ""
    return value.value


@main.command()
@click.argument("query")
@_store_option
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "tsv"]), default="table",
              show_default=True, help="Result format; json/csv/tsv are the SPARQL 1.1 result formats.")
def query(query: str, store: Path, fmt: str) -> None:
    """Run a SPARQL query (text or a .rq file) over the union of all graphs.

    Standard prefixes (gk, dcterms, org, skos, prov, eli, xsd, rdf, rdfs) are
    declared for you when the query declares none.
    """
    path = Path(query)
    if query.endswith(".rq") or (len(query) < 300 and path.is_file()):
        if not path.is_file():
            _fail(f"{query}: file not found")
        query = path.read_text(encoding="utf-8")
    graph_store = _open(store, read_only=True)
    try:
        result = graph_store.query(query)
    except QuerySyntaxError as exc:
        _fail(f"malformed query: {exc}")
    except StoreError as exc:
        _fail(str(exc))
    if isinstance(result, ox.QueryBoolean):
        click.echo(json.dumps({"head": {}, "boolean": bool(result)}) if fmt == "json" else str(bool(result)).lower())
        return
    if isinstance(result, ox.QueryTriples):
        sys.stdout.buffer.write(result.serialize(format=ox.RdfFormat.N_TRIPLES))
        return
    formats = {"json": ox.QueryResultsFormat.JSON, "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
    if fmt in formats:
        sys.stdout.buffer.write(result.serialize(format=formats[fmt]))
        return
    names = [v.value for v in result.variables]
    rows = [[_clip(_term(solution[n]).replace("\n", " ")) for n in names] for solution in result]
    widths = [max([_width(n)] + [_width(r[i]) for r in rows]) for i, n in enumerate(names)]
    click.echo("  ".join(_pad(n, w) for n, w in zip(names, widths)).rstrip())
    click.echo("  ".join("-" * w for w in widths))
    for row in rows:
        click.echo("  ".join(_pad(c, w) for c, w in zip(row, widths)).rstrip())
    click.echo(f"({len(rows)} row{'s' if len(rows) != 1 else ''})", err=True)


STATS_QUERY = """
SELECT ?what (COUNT(DISTINCT ?x) AS ?n) WHERE {
  { ?x a gk:GazetteIssue . BIND("gazette issues" AS ?what) }
  UNION { ?x a gk:Notice . BIND("notices" AS ?what) }
  UNION { ?x a gk:Clause . BIND("clauses" AS ?what) }
  UNION { ?x a gk:Assignment . BIND("assignments" AS ?what) }
  UNION { ?x a gk:Assignment ; gk:inherited true . BIND("inherited assignments" AS ?what) }
  UNION { ?x a org:Organization . BIND("units" AS ?what) }
  UNION { ?x a gk:Deadline . BIND("deadlines" AS ?what) }
  UNION { ?n0 gk:cites ?x . BIND("cited documents" AS ?what) }
} GROUP BY ?what
"""
ROLE_QUERY = """
SELECT ?role (COUNT(?a) AS ?n) WHERE { ?a a gk:Assignment ; gk:role ?r . BIND(STRAFTER(STR(?r), "#") AS ?role) }
GROUP BY ?role ORDER BY ?role
"""


@main.command()
@_store_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def stats(store: Path, fmt: str) -> None:
    """Counts of what the graph holds: files, notices, clauses, assignments by role …"""
    graph_store = _open(store, read_only=True)
    try:
        counts = {r["what"].value: int(r["n"].value) for r in graph_store.select(STATS_QUERY).rows}
        roles = {r["role"].value: int(r["n"].value) for r in graph_store.select(ROLE_QUERY).rows}
        data = {"source files": len(graph_store.named_graphs()), "triples": graph_store.count()}
    except StoreError as exc:
        _fail(str(exc))
    order = ["gazette issues", "notices", "clauses", "assignments", "inherited assignments", "units",
             "deadlines", "cited documents"]
    data.update({k: counts.get(k, 0) for k in order})
    data["assignments by role"] = roles
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    for key, value in data.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in value.items())
        click.echo(f"{key:22} {value}")


@main.command()
@_store_option
@click.option("--host", default=lambda: settings.get("host"), show_default="127.0.0.1", help=settings.BY_NAME["host"].help)
@click.option("--port", type=int, default=lambda: settings.get("port"), show_default="8000", help=settings.BY_NAME["port"].help)
@click.option("--query-timeout", type=float, default=lambda: settings.get("query_timeout"), show_default="10",
              help=settings.BY_NAME["query_timeout"].help)
@click.option("--max-rows", type=int, default=lambda: settings.get("max_rows"), show_default="10000",
              help=settings.BY_NAME["max_rows"].help)
@click.option("--query-workers", type=int, default=lambda: settings.get("query_workers"), show_default="2",
              help=settings.BY_NAME["query_workers"].help)
def serve(store: Path, host: str, port: int, query_timeout: float, max_rows: int, query_workers: int) -> None:
    """Serve the store read-only: the org-responsibility map at /, SPARQL 1.1 at /sparql,
    GraphQL at /graphql, the query library at /queries, OpenAPI at /docs.

    The server sees the store as it was when it started: restart it after ingesting.
    """
    import uvicorn

    from api.app import create_app
    from api.config import ServerConfig

    _open(store, read_only=True)  # a clear error before the server starts
    config = ServerConfig(store=store, query_timeout=query_timeout, max_rows=max_rows, query_workers=query_workers)
    click.echo(f"serving {store} at http://{host}:{port}/ (map /, SPARQL /sparql, GraphQL /graphql, docs /docs)", err=True)
    uvicorn.run(create_app(config), host=host, port=port, log_level="warning", access_log=False)


analysis_cli.register(main, _store_option)


if __name__ == "__main__":
    main()
