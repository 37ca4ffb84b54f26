"""Drawings: the co-assignment network and the deadline-load heatmap, with readable Chinese labels.

Labels need a font with CJK glyphs. ``cjk_font`` looks for one among the
fonts matplotlib knows (Noto Sans CJK, WenQuanYi, Source Han, SimHei …, or
any font that has 市); when there is none the plot is refused with the
command that installs one, rather than drawn with empty boxes.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import networkx as nx

from .fetch import NetworkData
from .metrics import UnitMetrics, deadline_load
from .networks import coassignment_network, component_layout

PREFERRED_FAMILIES = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", "SimHei", "Noto Serif CJK SC", "AR PL UMing CN",
    "Droid Sans Fallback",
)
PROBE = "市"


class PlotError(Exception):
    pass


@lru_cache(maxsize=1)
def cjk_font() -> str:
    """The family name of a font that draws Chinese."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    fonts = font_manager.fontManager.ttflist
    names = {f.name for f in fonts}
    for family in PREFERRED_FAMILIES:
        if family in names:
            return family
    for entry in fonts:
        try:
            if ord(PROBE) in FT2Font(entry.fname).get_charmap():
                return entry.name
        except (OSError, RuntimeError):
            continue
    raise PlotError("no font with Chinese glyphs found; install one, e.g. `apt-get install fonts-wqy-microhei` "
                    "(Debian/Ubuntu) or `fonts-noto-cjk`, then run again")


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["font.family"] = [cjk_font(), "DejaVu Sans"]
    plt.rcParams["axes.unicode_minus"] = False
    return plt


def plot_network(data: NetworkData, metrics: list[UnitMetrics], output: Path, max_labels: int = 40) -> None:
    """Co-assignment network: node size by coordination load, colour by community."""
    plt = _pyplot()
    graph = coassignment_network(data)
    if graph.number_of_nodes() == 0:
        raise PlotError("nothing to draw: no assignments match the filter")
    by_unit = {m.unit: m for m in metrics}
    positions = component_layout(graph)
    figure, axes = plt.subplots(figsize=(14, 11), dpi=110)
    loads = [by_unit[n].load_index if n in by_unit else 0.0 for n in graph.nodes]
    largest = max(loads) or 1.0
    sizes = [80 + 1600 * load / largest for load in loads]
    colours = [by_unit[n].community if n in by_unit else -1 for n in graph.nodes]
    weights = [w for *_, w in graph.edges(data="weight")]
    heaviest = max(weights, default=1)
    nx.draw_networkx_edges(graph, positions, ax=axes, width=[0.3 + 3 * w / heaviest for w in weights], alpha=0.25,
                           edge_color="#555555")
    nx.draw_networkx_nodes(graph, positions, ax=axes, node_size=sizes, node_color=colours, cmap="tab20", alpha=0.9,
                           linewidths=0.5, edgecolors="white")
    ranked = sorted(graph.nodes, key=lambda n: -(by_unit[n].load_index if n in by_unit else 0))[:max_labels]
    nx.draw_networkx_labels(graph, positions, labels={n: graph.nodes[n]["label"] for n in ranked}, ax=axes, font_size=9,
                            font_family=cjk_font())
    axes.set_title("协同网络 co-assignment network — 节点大小：协调负荷 load index；颜色：社区 community", fontsize=12)
    axes.axis("off")
    figure.tight_layout()
    figure.savefig(output)
    plt.close(figure)


def plot_load(data: NetworkData, metrics: list[UnitMetrics], output: Path, by: str = "year", max_units: int = 30) -> None:
    """Heatmap of deadline load: units (most loaded first) × periods."""
    plt = _pyplot()
    loads = deadline_load(data, by)
    periods = sorted({p for counts in loads.values() for p in counts})
    units = [m for m in metrics if loads.get(m.unit)][:max_units]
    if not periods or not units:
        raise PlotError("nothing to draw: no dated tasks match the filter")
    matrix = [[loads[m.unit].get(p, 0) for p in periods] for m in units]
    figure, axes = plt.subplots(figsize=(2 + 0.9 * len(periods), 1.5 + 0.35 * len(units)), dpi=110)
    image = axes.imshow(matrix, cmap="YlOrRd", aspect="auto")
    axes.set_xticks(range(len(periods)), periods)
    axes.set_yticks(range(len(units)), [m.name for m in units])
    for row, values in enumerate(matrix):
        for column, value in enumerate(values):
            if value:
                axes.text(column, row, str(value), ha="center", va="center", fontsize=8)
    figure.colorbar(image, ax=axes, label="tasks due 到期任务数")
    axes.set_title(f"时限负荷 deadline load per unit × {'年' if by == 'year' else '季度'}")
    figure.tight_layout()
    figure.savefig(output)
    plt.close(figure)
