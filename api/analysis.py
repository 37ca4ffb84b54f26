"""REST routes for coordination analysis: /network/{kind} and /load (filters as query parameters)."""

from __future__ import annotations

import datetime

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from analysis import BUILDERS, NetworkFilter, fetch_assignments
from analysis.export import NETWORK_FORMATS, network_bytes, table_bytes
from analysis.fetch import ROLES
from analysis.metrics import deadline_load

from .errors import ApiError

router = APIRouter(tags=["Coordination analysis"])
MEDIA = {"graphml": "application/graphml+xml", "gexf": "application/gexf+xml", "csv": "text/csv; charset=utf-8",
         "json": "application/json"}


@router.get("/network/{kind}", summary="A coordination network: coassign, directed or bipartite")
async def network(request: Request, kind: str, format: str = "json") -> Response:  # noqa: A002
    """Filters as query parameters: jurisdiction, notice (repeatable), issuedFrom, issuedTo, deadlineFrom,
    deadlineTo, role (repeatable: Lead, Support, Responsible, Implementer), explicitOnly, collective, outside.
    Formats: json (node-link), graphml, gexf, csv."""
    if kind not in BUILDERS:
        raise ApiError(404, "unknown_network", f"kind must be one of {', '.join(sorted(BUILDERS))}")
    if format not in NETWORK_FORMATS:
        raise ApiError(400, "invalid_parameters", f"format must be one of {', '.join(NETWORK_FORMATS)}")
    selection = _filter(request)
    data = await run_in_threadpool(fetch_assignments, request.app.state.store, selection)
    return Response(network_bytes(BUILDERS[kind](data), format), media_type=MEDIA[format])


@router.get("/load", summary="Deadline load per unit per year or quarter")
async def load(request: Request, by: str = "year", format: str = "json") -> Response:  # noqa: A002
    """The same filters as /network/{kind}; ``by`` is year or quarter."""
    if by not in ("year", "quarter") or format not in ("json", "csv"):
        raise ApiError(400, "invalid_parameters", "by is year or quarter; format is json or csv")
    data = await run_in_threadpool(fetch_assignments, request.app.state.store, _filter(request))
    loads = deadline_load(data, by)
    periods = sorted({p for counts in loads.values() for p in counts})
    rows = [{"unit": u, "name": data.units.get(u, {}).get("name", u), **{p: loads[u].get(p, 0) for p in periods},
             "total": sum(loads[u].values())} for u in sorted(loads, key=lambda u: -sum(loads[u].values()))]
    return Response(table_bytes(rows, format), media_type=MEDIA[format])


def _filter(request: Request) -> NetworkFilter:
    params = request.query_params

    def day(name: str) -> datetime.date | None:
        value = params.get(name)
        if not value:
            return None
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise ApiError(400, "invalid_parameters", f"{name} must be a date (YYYY-MM-DD)") from None

    def flag(name: str, default: bool) -> bool:
        value = params.get(name)
        return default if value is None else value.lower() in ("1", "true", "yes")

    try:
        return NetworkFilter(
            jurisdiction=params.get("jurisdiction"), notices=tuple(params.getlist("notice")), issued_from=day("issuedFrom"),
            issued_to=day("issuedTo"), deadline_from=day("deadlineFrom"), deadline_to=day("deadlineTo"),
            roles=tuple(r.capitalize() for r in params.getlist("role")) or ROLES,
            include_inherited=not flag("explicitOnly", False), include_collective=flag("collective", True),
            include_outside=flag("outside", True),
        )
    except ValueError as exc:
        raise ApiError(400, "invalid_parameters", str(exc)) from None
