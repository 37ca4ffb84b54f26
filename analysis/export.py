"""Networks and metric tables written for other tools.

GraphML and GEXF open in Gephi and Cytoscape; CSV is an edge list with labels;
JSON is networkx's node-link form. Dict-valued attributes (``role_pairs``) are
flattened to one integer attribute per role pair, which both XML formats need.
"""

from __future__ import annotations

import csv
import io
import json

import networkx as nx

NETWORK_FORMATS = ("graphml", "gexf", "csv", "json")


def _flattened(graph: nx.Graph) -> nx.Graph:
    flat = graph.copy()
    for *_, attributes in flat.edges(data=True):
        pairs = attributes.pop("role_pairs", None)
        for pair, count in (pairs or {}).items():
            attributes[f"pairs_{pair}"] = count
    # every edge needs every attribute for GEXF/GraphML typing to be stable
    keys = {k for *_, attributes in flat.edges(data=True) for k in attributes if k.startswith("pairs_")}
    for *_, attributes in flat.edges(data=True):
        for key in keys:
            attributes.setdefault(key, 0)
    return flat


def network_bytes(graph: nx.Graph, fmt: str) -> bytes:
    if fmt not in NETWORK_FORMATS:
        raise ValueError(f"format must be one of {', '.join(NETWORK_FORMATS)}")
    flat = _flattened(graph)
    if fmt in ("graphml", "gexf"):
        buffer = io.BytesIO()
        (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(flat, buffer)
        return buffer.getvalue()
    if fmt == "json":
        return json.dumps(nx.node_link_data(flat, edges="edges"), ensure_ascii=False, indent=1, default=str).encode()
    buffer = io.StringIO()
    edges = list(flat.edges(data=True))
    extra = sorted({k for *_, attributes in edges for k in attributes})
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["source", "source_label", "target", "target_label", *extra])
    for source, target, attributes in edges:
        writer.writerow([source, flat.nodes[source].get("label", ""), target, flat.nodes[target].get("label", ""),
                         *[attributes.get(k, "") for k in extra]])
    return buffer.getvalue().encode()


def table_bytes(rows: list[dict], fmt: str) -> bytes:
    """A list of flat dicts as csv or json."""
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1).encode()
    buffer = io.StringIO()
    if rows:
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return buffer.getvalue().encode()
