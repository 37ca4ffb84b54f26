"""SPARQL 1.1 result formats, written row by row so a result can be capped.

JSON (https://www.w3.org/TR/sparql11-results-json/), XML
(https://www.w3.org/TR/rdf-sparql-XMLres/), CSV and TSV
(https://www.w3.org/TR/sparql11-results-csv-tsv/) for SELECT and ASK;
CONSTRUCT and DESCRIBE go through pyoxigraph's RDF serialisers.
"""

from __future__ import annotations

import csv
import io
import json
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

SOLUTION_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/trig": ox.RdfFormat.TRIG,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
#: ``format=`` shorthands accepted besides full media types.
SHORTHANDS = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "ntriples": "application/n-triples",
    "nt": "application/n-triples",
    "nquads": "application/n-quads",
    "jsonld": "application/ld+json",
    "json-ld": "application/ld+json",
    "trig": "application/trig",
    "rdfxml": "application/rdf+xml",
}
DEFAULT_SOLUTIONS = "application/sparql-results+json"
DEFAULT_GRAPH = "text/turtle"


XSD_STRING = ox.NamedNode("http://www.w3.org/2001/XMLSchema#string")


def _json_term(term) -> dict:
    kind = type(term)  # exact type checks: this runs for every cell of every result
    if kind is ox.NamedNode:
        return {"type": "uri", "value": term.value}
    if kind is ox.Literal:
        language = term.language
        if language:
            return {"type": "literal", "value": term.value, "xml:lang": language}
        datatype = term.datatype
        if datatype == XSD_STRING:
            return {"type": "literal", "value": term.value}
        return {"type": "literal", "value": term.value, "datatype": datatype.value}
    if kind is ox.BlankNode:
        return {"type": "bnode", "value": term.value}
    return {"type": "literal", "value": str(term)}


def _xml_term(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    return f"<literal>{escape(str(term))}</literal>"


def _csv_term(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def serialize_solutions(variables: list[str], rows: list[list], kind: str) -> bytes:
    """Rows of terms (None for unbound) in one of the four result formats."""
    if kind == "json":
        bindings = [{v: _json_term(t) for v, t in zip(variables, row) if t is not None} for row in rows]
        return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}}, ensure_ascii=False).encode()
    if kind == "xml":
        out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
        out += [f"<variable name={quoteattr(v)}/>" for v in variables]
        out.append("</head>\n<results>")
        for row in rows:
            out.append("<result>")
            out += [f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>" for v, t in zip(variables, row) if t is not None]
            out.append("</result>")
        out.append("</results>\n</sparql>\n")
        return "\n".join(out).encode()
    if kind == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(variables)
        writer.writerows([_csv_term(t) for t in row] for row in rows)
        return buffer.getvalue().encode()
    if kind == "tsv":
        lines = ["\t".join(f"?{v}" for v in variables)]
        lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
        return ("\n".join(lines) + "\n").encode()
    raise ValueError(kind)


def serialize_boolean(value: bool, kind: str) -> bytes:
    if kind == "json":
        return json.dumps({"head": {}, "boolean": value}).encode()
    if kind == "xml":
        return (
            '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head/>\n'
            f"<boolean>{'true' if value else 'false'}</boolean>\n</sparql>\n"
        ).encode()
    return (b"true" if value else b"false") + b"\n"


def serialize_triples(triples: list, media_type: str) -> bytes:
    fmt = GRAPH_TYPES[media_type]
    if fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
        triples = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples]
    return ox.serialize(triples, format=fmt) or b""


NATIVE_FORMATS = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
                  "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}


class _Budget(io.BytesIO):
    """A buffer that refuses to grow past ``limit`` bytes (stops Oxigraph's writer early)."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def write(self, data) -> int:
        if self.tell() + len(data) > self.limit:
            raise OverflowError("result larger than the native budget")
        return super().write(data)


def count_rows(body: bytes, kind: str) -> int | None:
    """Rows in a serialised result, found without parsing it; None when unsure."""
    if kind == "xml":
        return body.count(b"<result>")
    if kind == "tsv":
        return max(0, body.count(b"\n") - 1)  # Oxigraph's TSV escapes newlines inside terms
    if kind == "csv":
        return max(0, sum(1 for _ in csv.reader(io.StringIO(body.decode("utf-8")))) - 1)
    start = body.find(b'"bindings":[')
    if start < 0 or b"{}" in body:
        return None  # an empty binding object would defeat the separator count
    if body[start + 12 : start + 13] == b"]":
        return 0
    # bindings are separated by '},{"' after a term's closing brace; quotes inside strings are escaped
    return body.count(b'}},{"', start) + 1


def native_solutions(result: ox.QuerySolutions, kind: str, max_rows: int, budget: int = 16_000_000) -> tuple[bytes, int] | None:
    """Serialise with Oxigraph's own writer when the result fits the row cap and the byte budget.

    None means it did not fit (or could not be counted): the caller re-runs the query capped row by row.
    """
    buffer = _Budget(budget)
    try:
        result.serialize(buffer, format=NATIVE_FORMATS[kind])
    except OverflowError:
        return None
    body = buffer.getvalue()
    rows = count_rows(body, kind)
    if rows is None or rows > max_rows:
        return None
    return body, rows
