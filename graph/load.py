"""Ingest files into a store: parse each, build its graph, replace it atomically.

One file's failure (unreadable, binary, undecodable, too large) is reported
and skipped; the other files of the run are still loaded and nothing already
in the store is touched for the failed file.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ingest import SourceError, find_sources, parse_file
from ingest.model import ParsedDocument

from .build import document_quads
from .store import GraphStore, StoreError


@dataclass
class FileReport:
    path: str
    ok: bool
    error: str | None = None
    notices: int = 0
    clauses: int = 0
    table_rows: int = 0
    assignments: Counter = field(default_factory=Counter)
    inherited: int = 0
    deadlines: int = 0
    citations: int = 0
    triples: int = 0
    warnings: list[str] = field(default_factory=list)
    parse_seconds: float = 0.0
    load_seconds: float = 0.0
    n_bytes: int = 0


@dataclass
class IngestReport:
    files: list[FileReport] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # paths not found etc.

    @property
    def failed(self) -> list[FileReport]:
        return [f for f in self.files if not f.ok]

    def totals(self) -> dict:
        ok = [f for f in self.files if f.ok]
        roles: Counter = Counter()
        for f in ok:
            roles.update(f.assignments)
        return {
            "files": len(ok),
            "failed": len(self.failed) + len(self.problems),
            "notices": sum(f.notices for f in ok),
            "clauses": sum(f.clauses for f in ok),
            "table_rows": sum(f.table_rows for f in ok),
            "assignments": dict(sorted(roles.items())),
            "inherited_assignments": sum(f.inherited for f in ok),
            "deadlines": sum(f.deadlines for f in ok),
            "citations": sum(f.citations for f in ok),
            "triples": sum(f.triples for f in ok),
            "warnings": sum(len(f.warnings) for f in ok),
        }


def summarise(doc: ParsedDocument, report: FileReport) -> None:
    for notice in doc.notices:
        report.notices += 1
        report.citations += len(notice.citations)
        for clause in notice.all_clauses():
            if clause.table is None:
                report.clauses += 1
            else:
                report.table_rows += 1
            report.deadlines += len(clause.deadlines)
            for a in clause.assignments:
                report.assignments[a.role.value] += 1
                report.inherited += a.inherited
    report.warnings = [f"{report.path}:{w.line}: {w.message}" for w in doc.warnings]


def ingest_paths(
    paths: list[Path],
    store: GraphStore,
    max_bytes: int,
    on_file: Callable[[FileReport], None] | None = None,
) -> IngestReport:
    files, problems = find_sources(paths)
    report = IngestReport(problems=problems)
    for path in files:
        file_report = ingest_file(path, store, max_bytes)
        report.files.append(file_report)
        if on_file:
            on_file(file_report)
    return report


def ingest_file(path: Path, store: GraphStore, max_bytes: int) -> FileReport:
    report = FileReport(path=str(path), ok=False)
    started = time.perf_counter()
    try:
        doc = parse_file(path, max_bytes)
        graph, quads = document_quads(doc)
    except SourceError as exc:
        report.error = str(exc)
        return report
    except Exception as exc:  # a parser bug must not lose the other files
        report.error = f"{path}: could not be parsed ({type(exc).__name__}: {exc})"
        return report
    report.n_bytes = doc.n_bytes
    report.parse_seconds = time.perf_counter() - started
    started = time.perf_counter()
    try:
        store.replace_graph(graph.value, quads)
    except StoreError as exc:
        report.error = f"{path}: {exc}"
        return report
    report.load_seconds = time.perf_counter() - started
    report.ok = True
    report.triples = len(quads)
    summarise(doc, report)
    return report
