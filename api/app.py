"""The govkg web service: one FastAPI app with SPARQL, GraphQL, the query library and health.

``create_app(config)`` builds it; ``govkg serve`` runs it with uvicorn. The
store is opened read-only (the worker processes for SPARQL, one handle for
GraphQL), so the server never writes.
"""

from __future__ import annotations

import asyncio
import html
import json
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware

from graph.store import OxigraphStore

from . import analysis, library, sparql
from .config import ServerConfig
from .errors import install_error_handlers
from .graphql import graphql_router
from .snapshot import Snapshot
from .workers import QueryRunner


def create_app(config: ServerConfig | None = None) -> FastAPI:
    config = config or ServerConfig()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.runner = QueryRunner(config.store, config.query_workers, config.query_timeout)
        warm = asyncio.get_running_loop().run_in_executor(None, app.state.snapshot.load)
        try:
            yield
        finally:
            await warm
            app.state.runner.close()

    app = FastAPI(
        title="govkg",
        version="0.1.0",
        summary="Chinese local-government gazettes (政府公报) as a knowledge graph: SPARQL 1.1, GraphQL, a query library.",
        lifespan=lifespan,
    )
    app.state.store = OxigraphStore(config.store, read_only=True)  # StoreError: the caller says why
    app.state.snapshot = Snapshot(app.state.store)
    app.state.config = config
    app.state.library = library.load_library(config.queries_dir)
    app.state.query_page = query_page(app.state.library)
    install_error_handlers(app)
    if config.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(config.cors_origins),
            allow_methods=["GET", "POST", "OPTIONS"],
            allow_headers=["*"],
            expose_headers=["X-Result-Truncated", "X-Result-Rows"],
        )
    app.include_router(sparql.router)
    app.include_router(library.router)
    app.include_router(analysis.router)
    app.include_router(graphql_router(config), prefix="/graphql")

    holds = {"graphs": len(app.state.store.named_graphs()), "triples": app.state.store.count()}  # a fixed snapshot

    @app.get("/health", tags=["Service"], summary="Liveness and what the store holds")
    def health(request: Request) -> dict:
        runner = getattr(request.app.state, "runner", None)
        return {"status": "ok", **holds, "query_workers_replaced": runner.killed if runner else 0}

    return app


def query_page(queries: dict) -> str:
    """A small query page for browsers at GET /sparql (no external resources)."""
    examples = {name: q.text for name, q in queries.items()}
    items = "\n".join(
        f'<li><button type="button" data-name="{html.escape(name)}">{html.escape(q.question)}</button></li>'
        for name, q in queries.items()
    )
    first = html.escape(next(iter(examples.values()), "SELECT * WHERE { ?s ?p ?o } LIMIT 10"))
    examples_json = json.dumps(examples, ensure_ascii=False).replace("</", "<\\/")
    return f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>govkg SPARQL</title>
<style>body{{font-family:sans-serif;max-width:60rem;margin:2rem auto}}textarea{{width:100%;height:16rem;font-family:monospace}}</style>
</head><body>
<h1>govkg SPARQL endpoint</h1>
<form method="get" action="sparql">
<label for="query">Query (SPARQL 1.1; gk, dcterms, org, skos, prov, eli, xsd prefixes are predeclared)</label>
<textarea id="query" name="query">{first}</textarea>
<label for="format">Result format</label>
<select id="format" name="format"><option value="json">JSON</option><option value="csv">CSV</option>
<option value="tsv">TSV</option><option value="xml">XML</option><option value="turtle">Turtle (CONSTRUCT)</option></select>
<button type="submit">Run</button>
</form>
<h2>Examples from the query library</h2><ul>{items}</ul>
<script>const examples = {examples_json};
document.querySelectorAll("button[data-name]").forEach(b => b.addEventListener("click",
  () => {{ document.getElementById("query").value = examples[b.dataset.name]; }}));</script>
</body></html>"""
