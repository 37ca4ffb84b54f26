"""Settings, declared once as (name, default, help) and used by the CLI and the docs.

Each setting can also come from the environment as ``GOVKG_<NAME>``
(upper case), which is how a deployment sets them without flags.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str

    @property
    def env(self) -> str:
        return "GOVKG_" + self.name.upper()

    def value(self) -> Any:
        raw = os.environ.get(self.env)
        if raw is None:
            return self.default
        return type(self.default)(raw) if self.default is not None else raw


SETTINGS: list[Setting] = [
    Setting("store", "data/store", "Directory of the embedded Oxigraph store."),
    Setting("max_file_mb", 20, "Largest gazette file ingest accepts, in MB."),
    Setting("host", "127.0.0.1", "Address the server listens on."),
    Setting("port", 8000, "Port the server listens on."),
    Setting("query_timeout", 10.0, "Seconds a SPARQL query may run before its worker is stopped."),
    Setting("max_rows", 10000, "Most result rows (or triples) a SPARQL query returns; more are cut and flagged."),
    Setting("max_query_bytes", 100000, "Largest SPARQL query text accepted, in bytes."),
    Setting("query_workers", 2, "Worker processes that run SPARQL queries."),
    Setting("cors_origins", "*", "Origins allowed to call the API from a browser (comma-separated, empty for none)."),
    Setting("graphql_max_depth", 12, "Deepest GraphQL query accepted."),
    Setting("graphql_max_aliases", 30, "Most aliases in one GraphQL query."),
    Setting("graphql_max_tokens", 2000, "Most tokens in one GraphQL query."),
    Setting("page_size", 100, "Largest page a GraphQL connection returns (`first`)."),
]
BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str) -> Any:
    return BY_NAME[name].value()


def settings_table() -> str:
    """The settings as a Markdown table (for the README)."""
    rows = ["| setting | default | environment | meaning |", "|---|---|---|---|"]
    rows += [f"| `--{s.name.replace('_', '-')}` | `{s.default}` | `{s.env}` | {s.help} |" for s in SETTINGS]
    return "\n".join(rows)
