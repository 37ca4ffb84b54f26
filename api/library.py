"""The researchers' query library: ``queries/*.rq`` listed and run with parameters.

Each file starts with comment lines: the research question first, then notes.
A parameter is a one-variable ``VALUES ?name { default }`` block; a request
``/queries/lead-units-by-year?year=2024`` replaces the default with the given
value, checked against the default's type (integer, decimal, date, string,
IRI), so a parameter can never inject SPARQL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response

from graph.vocabulary import sparql_iri, sparql_string

from .errors import ApiError
from .sparql import run_query

VALUES = re.compile(r"VALUES\s+\?(?P<name>\w+)\s*\{\s*(?P<default>[^{}]*?)\s*\}")


@dataclass(frozen=True)
class Parameter:
    name: str
    default: str  # as written in the query
    kind: str  # integer, decimal, date, string, iri

    @property
    def plain_default(self) -> str:
        """The default as a user would type it: no quotes, brackets or datatype."""
        return re.sub(r'^"(.*)"(?:\^\^.*)?$|^<(.*)>$', lambda m: m.group(1) or m.group(2) or "", self.default)

    def term(self, value: str) -> str:
        """The SPARQL term for a user value, or ValueError."""
        if self.kind == "integer":
            return str(int(value))
        if self.kind == "decimal":
            return repr(float(value))
        if self.kind == "date":
            return f'"{date.fromisoformat(value).isoformat()}"^^<http://www.w3.org/2001/XMLSchema#date>'
        if self.kind == "iri":
            return sparql_iri(value)
        return sparql_string(value)


def _kind(default: str) -> str:
    if re.fullmatch(r"-?\d+", default):
        return "integer"
    if re.fullmatch(r"-?\d+\.\d*", default):
        return "decimal"
    if default.startswith("<"):
        return "iri"
    if default.endswith(("xsd:date", "XMLSchema#date>")):
        return "date"
    return "string"


@dataclass(frozen=True)
class LibraryQuery:
    name: str
    question: str
    notes: str
    text: str
    parameters: tuple[Parameter, ...]

    def bind(self, values: dict[str, str]) -> str:
        unknown = set(values) - {p.name for p in self.parameters}
        if unknown:
            raise ValueError(f"unknown parameter(s): {', '.join(sorted(unknown))}")
        by_name = {p.name: p for p in self.parameters}

        def replace(match: re.Match[str]) -> str:
            parameter = by_name.get(match.group("name"))
            if parameter is None or parameter.name not in values:
                return match.group(0)
            try:
                term = parameter.term(values[parameter.name])
            except ValueError as exc:
                raise ValueError(f"parameter {parameter.name} must be {parameter.kind}: {exc}") from None
            return f"VALUES ?{parameter.name} {{ {term} }}"

        return VALUES.sub(replace, self.text)

    def describe(self, href: str) -> dict:
        return {
            "name": self.name,
            "question": self.question,
            "notes": self.notes,
            "parameters": [{"name": p.name, "default": p.plain_default, "type": p.kind} for p in self.parameters],
            "href": href,
        }


def load_query(path: Path) -> LibraryQuery:
    text = path.read_text(encoding="utf-8")
    comments = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        comments.append(line.lstrip("# ").rstrip())
    parameters = tuple(
        Parameter(m.group("name"), m.group("default"), _kind(m.group("default")))
        for m in VALUES.finditer(text)
        if len(m.group("default").split()) == 1
    )
    return LibraryQuery(path.stem, comments[0] if comments else path.stem, " ".join(comments[1:]), text, parameters)


def load_library(directory: Path) -> dict[str, LibraryQuery]:
    return {q.name: q for q in (load_query(p) for p in sorted(directory.glob("*.rq")))}


router = APIRouter(tags=["Query library"])


@router.get("/queries", summary="The researchers' query library")
async def list_queries(request: Request) -> list[dict]:
    library: dict[str, LibraryQuery] = request.app.state.library
    return [q.describe(str(request.url_for("run_library_query", name=q.name))) for q in library.values()]


def _get(request: Request, name: str) -> LibraryQuery:
    query = request.app.state.library.get(name)
    if query is None:
        raise ApiError(404, "unknown_query", f"no query named {name!r}; GET /queries lists them")
    return query


@router.get("/queries/{name}/source", summary="The query text", response_class=PlainTextResponse)
async def query_source(request: Request, name: str) -> PlainTextResponse:
    return PlainTextResponse(_get(request, name).text, media_type="application/sparql-query; charset=utf-8")


@router.get("/queries/{name}", summary="Run a library query; its parameters are query-string parameters")
async def run_library_query(request: Request, name: str) -> Response:
    query = _get(request, name)
    values = {k: v for k, v in request.query_params.items() if k != "format"}
    try:
        text = query.bind(values)
    except ValueError as exc:
        raise ApiError(400, "invalid_parameters", str(exc)) from None
    return await run_query(request, text, request.query_params.get("format"), [], [])
