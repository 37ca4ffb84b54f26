"""Inter-department coordination: networks, metrics, load, plots — built from the store through SPARQL.

``fetch`` (filter → assignments) → ``networks`` (networkx graphs) → ``metrics`` (per unit) →
``export`` / ``plot``; ``graph.build.metrics_quads`` writes metrics back as their own named graph.
"""

from .fetch import NetworkData, NetworkFilter, fetch_assignments
from .metrics import UnitMetrics, deadline_load, unit_metrics
from .networks import BUILDERS, bipartite_network, coassignment_network, coordination_network

__all__ = [
    "BUILDERS", "NetworkData", "NetworkFilter", "UnitMetrics", "bipartite_network", "coassignment_network",
    "coordination_network", "deadline_load", "fetch_assignments", "unit_metrics",
]
