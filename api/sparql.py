"""The read-only SPARQL 1.1 Protocol endpoint (https://www.w3.org/TR/sparql11-protocol/).

* query by GET ``?query=``, POST form (``application/x-www-form-urlencoded``) or
  POST ``application/sparql-query``; ``default-graph-uri`` / ``named-graph-uri``
  honoured, otherwise the default graph is the union of all named graphs;
* results by content negotiation (``Accept``, or ``format=``); 406 otherwise;
* GET without a query: the Service Description (Turtle), or a query page for browsers;
* updates and Graph Store writes: 403, the store is never opened for writing;
* guarded: worker-process timeout, row cap (``X-Result-Truncated``), query size cap.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from graph.vocabulary import sparql_iri

from .errors import ApiError
from .results import SHORTHANDS
from .workers import QueryRequest, QueryTimeout, WorkersBusy

router = APIRouter(tags=["SPARQL 1.1 Protocol"])

UPDATE_START = re.compile(
    r"^\s*(?:(?:#[^\n]*\n\s*)|(?:PREFIX\s+[^\s:]*:\s*<[^>]*>\s*)|(?:BASE\s*<[^>]*>\s*))*"
    r"(?:INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.IGNORECASE,
)
READ_ONLY = "this endpoint is read-only: SPARQL Update and Graph Store writes are refused"


def accepted_types(request: Request, fmt: str | None) -> tuple[str, ...]:
    """Media types the client accepts, best first (``format=`` overrides ``Accept``)."""
    if fmt:
        return (SHORTHANDS.get(fmt.lower(), fmt),)
    header = request.headers.get("accept", "")
    ranked = []
    for position, part in enumerate(header.split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        quality = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    quality = float(param[2:])
                except ValueError:
                    quality = 0.0
        if media and quality > 0:
            ranked.append((-quality, position, media.lower()))
    return tuple(media for _, _, media in sorted(ranked))


async def run_query(request: Request, query: str, fmt: str | None, default_graphs: list[str], named_graphs: list[str]) -> Response:
    config = request.app.state.config
    if len(query.encode("utf-8")) > config.max_query_bytes:
        raise ApiError(413, "query_too_large", f"query is larger than {config.max_query_bytes} bytes")
    if UPDATE_START.match(query):
        raise ApiError(403, "read_only", READ_ONLY)
    job = QueryRequest(query, accepted_types(request, fmt), tuple(default_graphs), tuple(named_graphs), config.max_rows)
    try:
        result = await request.app.state.runner.run(job)
    except QueryTimeout as exc:
        raise ApiError(504, "query_timeout", str(exc)) from None
    except WorkersBusy as exc:
        raise ApiError(503, "busy", str(exc), {"Retry-After": "1"}) from None
    if result.error == "syntax":
        raise ApiError(400, "malformed_query", result.message)
    if result.error == "not_acceptable":
        raise ApiError(406, "not_acceptable", result.message)
    if result.error:
        raise ApiError(500, "store_error", result.message)
    headers = {"Vary": "Accept", "X-Result-Rows": str(result.rows)}
    if result.truncated:
        headers["X-Result-Truncated"] = "true"
    media_type = result.media_type + ("; charset=utf-8" if not result.media_type.endswith("+xml") else "")
    return Response(result.body, media_type=media_type, headers=headers)


async def _form(request: Request) -> dict[str, list[str]]:
    body = (await request.body()).decode("utf-8", errors="replace")
    return parse_qs(body, keep_blank_values=True)


@router.get("/sparql", summary="SPARQL query (GET), service description, or query page")
async def sparql_get(request: Request) -> Response:
    params = request.query_params
    query = params.get("query")
    if params.get("update") is not None:
        raise ApiError(403, "read_only", READ_ONLY)
    if query is None:
        accept = accepted_types(request, params.get("format"))
        if accept and accept[0] in ("text/html", "application/xhtml+xml"):
            return HTMLResponse(request.app.state.query_page)
        return Response(service_description(str(request.url_for("sparql_get"))), media_type="text/turtle; charset=utf-8")
    return await run_query(request, query, params.get("format"), params.getlist("default-graph-uri"), params.getlist("named-graph-uri"))


@router.post("/sparql", summary="SPARQL query (POST form or application/sparql-query)")
async def sparql_post(request: Request) -> Response:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    params = request.query_params
    default_graphs = params.getlist("default-graph-uri")
    named_graphs = params.getlist("named-graph-uri")
    fmt = params.get("format")
    if content_type == "application/sparql-update":
        raise ApiError(403, "read_only", READ_ONLY)
    if content_type == "application/x-www-form-urlencoded":
        form = await _form(request)
        if "update" in form:
            raise ApiError(403, "read_only", READ_ONLY)
        if not form.get("query"):
            raise ApiError(400, "missing_query", "the form has no 'query' field")
        query = form["query"][0]
        default_graphs += form.get("default-graph-uri", [])
        named_graphs += form.get("named-graph-uri", [])
        fmt = fmt or (form.get("format") or [None])[0]
    elif content_type == "application/sparql-query":
        query = (await request.body()).decode("utf-8", errors="replace")
    else:
        raise ApiError(415, "unsupported_media_type",
                       "POST a query as application/x-www-form-urlencoded or application/sparql-query")
    return await run_query(request, query, fmt, default_graphs, named_graphs)


@router.api_route("/graph-store", methods=["PUT", "POST", "DELETE", "PATCH"], include_in_schema=False)
@router.api_route("/sparql/update", methods=["GET", "POST"], include_in_schema=False)
async def refuse_writes() -> Response:
    raise ApiError(403, "read_only", READ_ONLY)


@router.get("/graph-store", summary="SPARQL 1.1 Graph Store Protocol: read one named graph")
async def graph_store_get(request: Request, graph: str | None = None, default: str | None = None) -> Response:
    if graph is None and default is None:
        raise ApiError(400, "missing_graph", "give ?graph=IRI or ?default")
    try:
        where = f"GRAPH {sparql_iri(graph)} {{ ?s ?p ?o }}" if graph is not None else "?s ?p ?o"
    except ValueError:
        raise ApiError(400, "invalid_graph", "not an IRI") from None
    query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {where} }}"
    fmt = request.query_params.get("format")
    accept = accepted_types(request, fmt)
    if not fmt and (not accept or accept[0] in ("*/*", "text/html")):
        fmt = "ntriples"  # a browser or a bare client gets the graph as N-Triples
    return await run_query(request, query, fmt, [], [])


def service_description(endpoint: str) -> str:
    """SPARQL 1.1 Service Description (https://www.w3.org/TR/sparql11-service-description/)."""
    formats = [
        "SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
        "Turtle", "N-Triples", "N-Quads", "JSON-LD",
    ]
    result_formats = ", ".join(f"<http://www.w3.org/ns/formats/{f}>" for f in formats)
    return f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix void: <http://rdfs.org/ns/void#> .
@prefix dcterms: <http://purl.org/dc/terms/> .

[] a sd:Service ;
    sd:endpoint <{endpoint}> ;
    dcterms:title "govkg: Chinese local-government gazettes (政府公报) as a knowledge graph" ;
    sd:supportedLanguage sd:SPARQL11Query ;
    sd:feature sd:UnionDefaultGraph ;
    sd:resultFormat {result_formats} ;
    sd:defaultDataset [ a sd:Dataset ;
        sd:defaultGraph [ a sd:Graph ; dcterms:description "the union of every source file's named graph" ] ] ;
    void:vocabulary <https://w3id.org/govkg/ontology#> .
"""
