"""The store behind a small interface; the only module that touches pyoxigraph's Store.

``GraphStore`` is what the rest of the project uses: replace a file's named
graph atomically, query the union of all graphs, export, count. The
embedded Oxigraph store (``OxigraphStore``) implements it; a remote backend
speaking the SPARQL 1.1 Protocol can implement the same methods.

Replacing a graph is one SPARQL Update request (``DROP SILENT GRAPH`` then
``INSERT DATA``), which Oxigraph applies in a single transaction: a failure
halfway leaves the store as it was, and readers see either the old graph or
the new one, never a mix.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from .vocabulary import PREFIXES


class StoreError(Exception):
    """The store cannot be opened, read or written; the message says why."""


class QuerySyntaxError(StoreError):
    """A malformed SPARQL query; the message carries the parser's position."""


EXPORT_FORMATS = {
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
}


@dataclass(frozen=True)
class SelectResult:
    variables: list[str]
    rows: list[dict[str, ox.NamedNode | ox.Literal | ox.BlankNode | None]]


class GraphStore(Protocol):
    """What the rest of the project needs of a store (an embedded Oxigraph, or a remote SPARQL service)."""

    def replace_graph(self, graph: str, quads: Iterable[ox.Quad]) -> None: ...
    def load_dataset(self, path: Path) -> None: ...
    def drop_graph(self, graph: str) -> None: ...
    def named_graphs(self) -> list[str]: ...
    def query(self, query: str, default_graphs: Iterable[str] = (), named_graphs: Iterable[str] = ()): ...
    def select(self, query: str) -> SelectResult: ...
    def select_text(self, query: str) -> tuple[list[str], list[list[str]]]: ...
    def export(self, fmt: str = "nquads") -> bytes: ...
    def count(self) -> int: ...


def _insert_data(graph: str, quads: Iterable[ox.Quad]) -> str:
    body = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
    return f"DROP SILENT GRAPH <{graph}> ;\nINSERT DATA {{ GRAPH <{graph}> {{\n{body}\n}} }}"


class OxigraphStore:
    """An embedded Oxigraph store on disk (or in memory when ``path`` is None)."""

    def __init__(self, path: Path | str | None, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        try:
            if self.path is None:
                self._store = ox.Store()
            elif read_only:
                if not (self.path / "CURRENT").exists():
                    raise StoreError(f"{self.path}: no store here (run `govkg ingest` first)")
                self._store = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
        except StoreError:
            raise
        except (OSError, ValueError) as exc:
            raise StoreError(f"cannot open store at {self.path}: {exc}") from None

    # -- writing
    def replace_graph(self, graph: str, quads: Iterable[ox.Quad]) -> None:
        """Replace one named graph with ``quads`` in a single transaction.

        A graph the store does not hold yet is written with one ``extend``
        (itself a transaction, and several times faster than parsing an
        update); an existing one is dropped and rewritten by one update.
        """
        try:
            if not self._store.contains_named_graph(ox.NamedNode(graph)):
                quads = list(quads)
                self._store.extend(quads)
                return
            self._store.update(_insert_data(graph, quads))
        except (OSError, RuntimeError, SyntaxError, ValueError) as exc:
            raise StoreError(f"cannot write graph {graph}: {exc}") from None

    def load_dataset(self, path: Path) -> None:
        """Load an RDF dataset file (TriG, N-Quads …, by its extension) as it is: fixtures, backups."""
        fmt = ox.RdfFormat.from_extension(path.suffix.lstrip(".")) or ox.RdfFormat.TRIG
        try:
            self._store.load(path=str(path), format=fmt)
        except (OSError, SyntaxError, ValueError) as exc:
            raise StoreError(f"cannot load {path}: {exc}") from None

    def drop_graph(self, graph: str) -> None:
        try:
            self._store.update(f"DROP SILENT GRAPH <{graph}>")
        except OSError as exc:
            raise StoreError(f"cannot drop graph {graph}: {exc}") from None

    def flush(self) -> None:
        if self.path is not None:
            self._store.flush()

    # -- reading
    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def query(self, query: str, default_graphs: Iterable[str] = (), named_graphs: Iterable[str] = ()):
        """Run a SPARQL query; the default graph is the union of all named graphs
        unless ``default_graphs`` names the graphs to use instead (SPARQL 1.1
        Protocol ``default-graph-uri`` / ``named-graph-uri``)."""
        options: dict = {"prefixes": PREFIXES}
        default_graphs, named_graphs = list(default_graphs), list(named_graphs)
        if default_graphs:
            options["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
        else:
            options["use_default_graph_as_union"] = True
        if named_graphs:
            options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        try:
            return self._store.query(query, **options)
        except SyntaxError as exc:
            raise QuerySyntaxError(str(exc)) from None
        except (OSError, RuntimeError, ValueError) as exc:
            raise StoreError(f"query failed: {exc}") from None

    def select(self, query: str) -> SelectResult:
        result = self.query(query)
        if not isinstance(result, ox.QuerySolutions):
            raise StoreError("not a SELECT query")
        names = [v.value for v in result.variables]
        return SelectResult(names, [{n: solution[n] for n in names} for solution in result])

    def select_text(self, query: str) -> tuple[list[str], list[list[str]]]:
        """A SELECT's rows as plain strings ('' for unbound), read through Oxigraph's own CSV writer:
        several times faster than building a Python term per cell, for bulk reads."""
        import csv
        import io

        result = self.query(query)
        if not isinstance(result, ox.QuerySolutions):
            raise StoreError("not a SELECT query")
        try:
            data = result.serialize(format=ox.QueryResultsFormat.CSV).decode("utf-8")
        except (OSError, RuntimeError, ValueError) as exc:
            raise StoreError(f"query failed: {exc}") from None
        rows = list(csv.reader(io.StringIO(data)))
        return (rows[0], rows[1:]) if rows else ([], [])

    def count(self) -> int:
        return len(self._store)

    def export(self, fmt: str = "nquads") -> bytes:
        """All quads (N-Quads, TriG) or the union as triples (Turtle, N-Triples).

        N-Quads come sorted, so the same content always gives the same bytes.
        """
        if fmt not in EXPORT_FORMATS:
            raise StoreError(f"unknown export format {fmt!r} (choose {', '.join(EXPORT_FORMATS)})")
        if fmt == "nquads":
            lines = sorted(f"{q} ." for q in self._store)
            return ("\n".join(lines) + ("\n" if lines else "")).encode("utf-8")
        if fmt == "trig":
            return self._store.dump(format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
        union = ox.Store()
        union.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in self._store)
        buffer = io.BytesIO()
        kwargs = {"prefixes": PREFIXES} if fmt == "turtle" else {}
        union.dump(buffer, format=EXPORT_FORMATS[fmt], from_graph=ox.DefaultGraph(), **kwargs)
        return buffer.getvalue()
