"""Namespaces of the graph, as pyoxigraph term factories."""

from __future__ import annotations

import pyoxigraph as ox


class Namespace(str):
    """``GK["Notice"]`` → ``NamedNode(<https://w3id.org/govkg/ontology#Notice>)``."""

    def __getitem__(self, local: str) -> ox.NamedNode:  # type: ignore[override]
        return ox.NamedNode(str(self) + local)


GK = Namespace("https://w3id.org/govkg/ontology#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
ORG = Namespace("http://www.w3.org/ns/org#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
PROV = Namespace("http://www.w3.org/ns/prov#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")

def sparql_string(text: str) -> str:
    """A string as a SPARQL literal, escaped by Oxigraph's own N-Triples writer (valid SPARQL too)."""
    return str(ox.Literal(text))


def sparql_iri(text: str) -> str:
    """An IRI in SPARQL syntax, validated by Oxigraph (ValueError for anything that is not an absolute IRI):
    ids and graph names come from clients."""
    return str(ox.NamedNode(text))


PREFIXES = {
    "gk": str(GK),
    "dcterms": str(DCTERMS),
    "org": str(ORG),
    "skos": str(SKOS),
    "prov": str(PROV),
    "eli": str(ELI),
    "xsd": str(XSD),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
}
