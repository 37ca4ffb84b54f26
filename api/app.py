"""The govkg web service: one FastAPI app with SPARQL, GraphQL, the query library and health.

``create_app(config)`` builds it; ``govkg serve`` runs it with uvicorn. The
store is opened read-only (the worker processes for SPARQL, one handle for
GraphQL), so the server never writes.
"""

from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from graph.store import OxigraphStore

from . import analysis, library, sparql
from .config import ServerConfig
from .errors import install_error_handlers
from .graphql import graphql_router
from .snapshot import Snapshot
from .workers import QueryRunner

STATIC = Path(__file__).parent / "static"


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
    app.state.query_page = (STATIC / "sparql.html").read_text(encoding="utf-8")
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
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def map_page() -> FileResponse:
        """The org-responsibility map (api/static): a GraphQL client drawn in SVG, nothing fetched from outside."""
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    holds = {"graphs": len(app.state.store.named_graphs()), "triples": app.state.store.count()}  # a fixed snapshot

    @app.get("/health", tags=["Service"], summary="Liveness and what the store holds")
    def health(request: Request) -> dict:
        runner = getattr(request.app.state, "runner", None)
        return {"status": "ok", **holds, "query_workers_replaced": runner.killed if runner else 0}

    return app
