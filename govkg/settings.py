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
]
BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str) -> Any:
    return BY_NAME[name].value()


def settings_table() -> str:
    """The settings as a Markdown table (for the README)."""
    rows = ["| setting | default | environment | meaning |", "|---|---|---|---|"]
    rows += [f"| `--{s.name.replace('_', '-')}` | `{s.default}` | `{s.env}` | {s.help} |" for s in SETTINGS]
    return "\n".join(rows)
