"""SPARQL queries in worker processes, so a runaway query can really be stopped.

pyoxigraph has no query timeout and a running query cannot be interrupted
from Python. Each query therefore runs in one of a few worker processes that
hold the store open read-only; when a query outlives its time the worker is
killed and replaced, and the server goes on answering. Workers serialise
the result themselves (capped at ``max_rows``), so only bytes cross back.
"""

from __future__ import annotations

import asyncio
import itertools
import multiprocessing as mp
import os
from dataclasses import dataclass
from pathlib import Path

from graph.store import OxigraphStore, QuerySyntaxError, StoreError

from .results import (
    DEFAULT_GRAPH,
    DEFAULT_SOLUTIONS,
    GRAPH_TYPES,
    SOLUTION_TYPES,
    native_solutions,
    serialize_boolean,
    serialize_solutions,
    serialize_triples,
)


@dataclass(frozen=True)
class QueryRequest:
    query: str
    accept: tuple[str, ...]  # media types in order of preference; "*/*" allowed
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    max_rows: int = 10_000


@dataclass(frozen=True)
class QueryResponse:
    body: bytes = b""
    media_type: str = ""
    truncated: bool = False
    rows: int = 0
    error: str | None = None  # "syntax", "not_acceptable", "store"
    message: str = ""


class QueryTimeout(Exception):
    pass


class WorkersBusy(Exception):
    pass


def _choose(accept: tuple[str, ...], supported: dict, default: str) -> str | None:
    for media_type in accept:
        if media_type in supported:
            return media_type
        if media_type in ("*/*", "application/*", "text/*") or not media_type:
            return default
    return None if accept else default


def _take(items, limit: int) -> tuple[list, bool]:
    """The first ``limit`` items, and whether there were more."""
    taken = list(itertools.islice(items, limit + 1))
    return taken[:limit], len(taken) > limit


def execute(store, request: QueryRequest) -> QueryResponse:
    """Run one query on an open pyoxigraph store and serialise its result."""
    import pyoxigraph as ox

    try:
        result = store.query(request.query, request.default_graphs, request.named_graphs)
        if isinstance(result, ox.QueryBoolean):
            media = _choose(request.accept, SOLUTION_TYPES, DEFAULT_SOLUTIONS)
            if media is None:
                return QueryResponse(error="not_acceptable", message="ASK results are available as " + ", ".join(SOLUTION_TYPES))
            return QueryResponse(serialize_boolean(bool(result), SOLUTION_TYPES[media]), media, rows=1)
        if isinstance(result, ox.QuerySolutions):
            media = _choose(request.accept, SOLUTION_TYPES, DEFAULT_SOLUTIONS)
            if media is None:
                return QueryResponse(error="not_acceptable", message="SELECT results are available as " + ", ".join(SOLUTION_TYPES))
            kind = SOLUTION_TYPES[media]
            native = native_solutions(result, kind, request.max_rows)
            if native is not None:
                return QueryResponse(native[0], media, False, native[1])
            # too many rows for the cap (or not countable): run again, row by row up to the cap
            result = store.query(request.query, request.default_graphs, request.named_graphs)
            variables = [v.value for v in result.variables]
            solutions, truncated = _take(result, request.max_rows)
            rows = [[solution[v] for v in variables] for solution in solutions]
            body = serialize_solutions(variables, rows, kind)
            return QueryResponse(body, media, truncated, len(rows))
        media = _choose(request.accept, GRAPH_TYPES, DEFAULT_GRAPH)
        if media is None:
            return QueryResponse(error="not_acceptable", message="graph results are available as " + ", ".join(GRAPH_TYPES))
        triples, truncated = _take(result, request.max_rows)
        return QueryResponse(serialize_triples(triples, media), media, truncated, len(triples))
    except QuerySyntaxError as exc:
        return QueryResponse(error="syntax", message=str(exc))
    except (StoreError, OSError, RuntimeError, ValueError) as exc:
        return QueryResponse(error="store", message=str(exc))


def _worker_main(store_path: str | None, connection) -> None:
    store = OxigraphStore(store_path, read_only=True)
    while True:
        try:
            request = connection.recv()
        except EOFError:
            return
        if request is None:
            return
        connection.send(execute(store, request))


class _Worker:
    def __init__(self, context, store_path: str | None) -> None:
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(store_path, child), daemon=True)
        self.process.start()
        child.close()

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.connection.close()


class QueryRunner:
    """A small pool of query worker processes with an enforced timeout.

    Waiting for a worker's answer is done on the event loop (the pipe's file
    descriptor is watched), so a request costs no thread hop.
    """

    def __init__(self, store_path: Path | None, workers: int = 2, timeout: float = 10.0) -> None:
        self.store_path = str(store_path) if store_path else None
        self.timeout = timeout
        self._context = mp.get_context("spawn")
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._all: list[_Worker] = []
        self.killed = 0
        for _ in range(max(1, workers)):
            self._add()

    def _add(self) -> None:
        worker = _Worker(self._context, self.store_path)
        self._all.append(worker)
        self._idle.put_nowait(worker)

    async def run(self, request: QueryRequest) -> QueryResponse:
        try:
            worker = await asyncio.wait_for(self._idle.get(), self.timeout)
        except TimeoutError:
            raise WorkersBusy("all query workers are busy") from None
        loop = asyncio.get_running_loop()
        answered = loop.create_future()
        descriptor = worker.connection.fileno()
        loop.add_reader(descriptor, lambda: answered.done() or answered.set_result(None))
        try:
            os.set_blocking(descriptor, True)  # uvloop makes watched descriptors non-blocking
            worker.connection.send(request)
            await asyncio.wait_for(answered, self.timeout)
            loop.remove_reader(descriptor)
            os.set_blocking(descriptor, True)
            response = worker.connection.recv()
        except (TimeoutError, EOFError, OSError):
            loop.remove_reader(descriptor)
            self._replace(worker)
            raise QueryTimeout(f"query stopped after {self.timeout:g} s") from None
        self._idle.put_nowait(worker)
        return response

    def _replace(self, worker: _Worker) -> None:
        worker.stop()
        self._all.remove(worker)
        self.killed += 1
        self._add()

    def close(self) -> None:
        workers, self._all = self._all, []
        for worker in workers:
            try:
                worker.connection.send(None)
            except (BrokenPipeError, OSError):
                pass
            worker.stop()
