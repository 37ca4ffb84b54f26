"""The HTTP service: SPARQL 1.1 Protocol, GraphQL, the query library. The API never parses text."""
