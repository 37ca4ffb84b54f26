"""What the server needs to know, filled from ``govkg.settings`` (flags or GOVKG_* variables)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from govkg import settings

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class ServerConfig:
    store: Path | None = None  # None: an empty in-memory store
    query_timeout: float = field(default_factory=lambda: float(settings.get("query_timeout")))
    max_rows: int = field(default_factory=lambda: int(settings.get("max_rows")))
    max_query_bytes: int = field(default_factory=lambda: int(settings.get("max_query_bytes")))
    query_workers: int = field(default_factory=lambda: int(settings.get("query_workers")))
    cors_origins: tuple[str, ...] = field(
        default_factory=lambda: tuple(o.strip() for o in str(settings.get("cors_origins")).split(",") if o.strip())
    )
    graphql_max_depth: int = field(default_factory=lambda: int(settings.get("graphql_max_depth")))
    graphql_max_aliases: int = field(default_factory=lambda: int(settings.get("graphql_max_aliases")))
    graphql_max_tokens: int = field(default_factory=lambda: int(settings.get("graphql_max_tokens")))
    page_size: int = field(default_factory=lambda: int(settings.get("page_size")))
    queries_dir: Path = ROOT / "queries"
