"""``govkg network``, ``govkg metrics``, ``govkg load``, ``govkg plot``: coordination analysis from the store."""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path

import click

from analysis import BUILDERS, NetworkFilter, fetch_assignments, unit_metrics
from analysis.export import NETWORK_FORMATS, network_bytes, table_bytes
from analysis.fetch import ROLES
from analysis.metrics import deadline_load
from graph.store import OxigraphStore, StoreError

ROLE_NAMES = {r.lower(): r for r in ROLES}


def filter_options(f):
    """The filters every analysis command takes."""
    options = [
        click.option("--jurisdiction", help="Only notices of this jurisdiction, e.g. 焦作市."),
        click.option("--notice", "notices", multiple=True, help="Only this notice (文号 or IRI); repeat for several."),
        click.option("--issued-from", type=click.DateTime(["%Y-%m-%d"]), help="Notices issued on or after this date."),
        click.option("--issued-to", type=click.DateTime(["%Y-%m-%d"]), help="Notices issued on or before this date."),
        click.option("--deadline-from", type=click.DateTime(["%Y-%m-%d"]), help="Tasks with a deadline on or after this date."),
        click.option("--deadline-to", type=click.DateTime(["%Y-%m-%d"]), help="Tasks with a deadline on or before this date."),
        click.option("--role", "roles", multiple=True, type=click.Choice(sorted(ROLE_NAMES)),
                     help="Only these roles; repeat for several (default: all)."),
        click.option("--explicit-only", is_flag=True, help="Leave out inherited assignments (以下各项任务…不再列出)."),
        click.option("--no-collective", is_flag=True, help="Leave out collective units (各县（市、区）政府, 相关单位 …)."),
        click.option("--no-outside", is_flag=True, help="Leave out outside bodies (companies, banks, rail offices …)."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def make_filter(params: dict) -> NetworkFilter:
    def day(value: datetime.datetime | None) -> datetime.date | None:
        return value.date() if value else None

    return NetworkFilter(
        jurisdiction=params.get("jurisdiction"),
        notices=tuple(params.get("notices") or ()),
        issued_from=day(params.get("issued_from")),
        issued_to=day(params.get("issued_to")),
        deadline_from=day(params.get("deadline_from")),
        deadline_to=day(params.get("deadline_to")),
        roles=tuple(ROLE_NAMES[r] for r in params.get("roles") or ()) or ROLES,
        include_inherited=not params.get("explicit_only"),
        include_collective=not params.get("no_collective"),
        include_outside=not params.get("no_outside"),
    )


FILTER_KEYS = ("jurisdiction", "notices", "issued_from", "issued_to", "deadline_from", "deadline_to", "roles",
               "explicit_only", "no_collective", "no_outside")


def _data(store: Path, params: dict, read_only: bool = True):
    try:
        graph_store = OxigraphStore(store, read_only=read_only)
        return graph_store, fetch_assignments(graph_store, make_filter({k: params[k] for k in FILTER_KEYS}))
    except StoreError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)


def _write(data: bytes, output: Path | None) -> None:
    if output:
        output.write_bytes(data)
        click.echo(f"wrote {len(data)} bytes to {output}", err=True)
    else:
        sys.stdout.buffer.write(data)


def register(main: click.Group, store_option) -> None:
    @main.command()
    @click.option("--kind", type=click.Choice(sorted(BUILDERS)), default="coassign", show_default=True,
                  help="coassign: units sharing clauses; directed: lead → support/implementer; bipartite: units–clauses.")
    @filter_options
    @store_option
    @click.option("--format", "fmt", type=click.Choice(NETWORK_FORMATS), default="graphml", show_default=True,
                  help="GraphML and GEXF open in Gephi and Cytoscape; csv is an edge list; json node-link.")
    @click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write (default: stdout).")
    def network(kind: str, store: Path, fmt: str, output: Path | None, **params) -> None:
        """Export a coordination network built from the store."""
        _, data = _data(store, params)
        graph = BUILDERS[kind](data)
        _write(network_bytes(graph, fmt), output)
        click.echo(f"{kind} network: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges", err=True)

    @main.command()
    @filter_options
    @store_option
    @click.option("--by", type=click.Choice(["year", "quarter"]), default="year", show_default=True,
                  help="Period of the deadline load.")
    @click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
    @click.option("--write/--no-write", default=True, show_default=True,
                  help="Write the metrics back into the store as their own named graph (PROV-O), replacing an earlier run "
                       "with the same filter.")
    def metrics(store: Path, by: str, fmt: str, write: bool, **params) -> None:
        """Coordination metrics per unit, ranked by the coordination-load index.

        Tasks led, supported, responsible for and implementing; weighted degree and betweenness on the
        co-assignment network; PageRank on the directed lead → support network; the load index (each
        clause spreads one unit of work over its units, a lead counting two shares); Louvain community;
        deadline load per period.
        """
        graph_store, data = _data(store, params, read_only=not write)
        ranked = unit_metrics(data, by)
        if write:
            from graph.build import metrics_quads

            filter_parameters = make_filter({k: params[k] for k in FILTER_KEYS}).as_dict() | {"by": by}
            now = datetime.datetime.now(datetime.UTC).replace(microsecond=0).isoformat()
            graph, quads = metrics_quads(ranked, filter_parameters, now)
            graph_store.replace_graph(graph.value, quads)
            graph_store.flush()
            click.echo(f"metrics written to graph <{graph.value}>", err=True)
        rows = [m.row() | {"deadline_load": json.dumps(m.deadline_load, ensure_ascii=False, sort_keys=True)} for m in ranked]
        if fmt != "table":
            _write(table_bytes(rows if fmt == "csv" else [m.row() for m in ranked], fmt), None)
            return
        header = f"{'rank':>4}  {'unit':<24}{'load':>7}{'led':>5}{'sup':>5}{'resp':>5}{'impl':>5}{'degree':>8}{'between':>9}{'pagerank':>9}{'comm':>5}"
        click.echo(header)
        for rank, m in enumerate(ranked, start=1):
            name = m.name if len(m.name) <= 12 else m.name[:11] + "…"
            pad = " " * max(0, 24 - 2 * len(name))
            click.echo(f"{rank:>4}  {name}{pad}{m.load_index:7.2f}{m.tasks_led:5d}{m.tasks_supported:5d}{m.tasks_responsible:5d}"
                       f"{m.tasks_implementing:5d}{m.weighted_degree:8.0f}{m.betweenness:9.1f}{m.pagerank:9.3f}{m.community:5d}")

    @main.command()
    @filter_options
    @store_option
    @click.option("--by", type=click.Choice(["year", "quarter"]), default="year", show_default=True)
    @click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
    def load(store: Path, by: str, fmt: str, **params) -> None:
        """Deadline load: tasks due per unit per year or quarter."""
        _, data = _data(store, params)
        loads = deadline_load(data, by)
        periods = sorted({p for counts in loads.values() for p in counts})
        names = {u: data.units.get(u, {}).get("name", u) for u in loads}
        units = sorted(loads, key=lambda u: (-sum(loads[u].values()), names[u]))
        rows = [{"unit": names[u], **{p: loads[u].get(p, 0) for p in periods}, "total": sum(loads[u].values())} for u in units]
        if fmt != "table":
            _write(table_bytes(rows, fmt), None)
            return
        click.echo(f"{'unit':<26}" + "".join(f"{p:>8}" for p in periods) + f"{'total':>8}")
        for row in rows:
            name = row["unit"] if len(row["unit"]) <= 12 else row["unit"][:11] + "…"
            click.echo(name + " " * max(0, 26 - 2 * len(name)) + "".join(f"{row[p]:8d}" for p in periods) + f"{row['total']:8d}")

    @main.command()
    @click.argument("what", type=click.Choice(["network", "load"]))
    @filter_options
    @store_option
    @click.option("--by", type=click.Choice(["year", "quarter"]), default="year", show_default=True)
    @click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
                  help="PNG or SVG file to write.")
    def plot(what: str, store: Path, by: str, output: Path, **params) -> None:
        """Draw the co-assignment network (size: load index, colour: community) or the deadline-load heatmap."""
        from analysis.plot import PlotError, plot_load, plot_network

        if output.suffix.lower() not in (".png", ".svg"):
            raise click.BadParameter("the output must end in .png or .svg", param_hint="--output")
        _, data = _data(store, params)
        ranked = unit_metrics(data, by)
        try:
            (plot_network if what == "network" else lambda d, m, o: plot_load(d, m, o, by))(data, ranked, output)
        except PlotError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)
        click.echo(f"wrote {output}", err=True)
