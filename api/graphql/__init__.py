"""GraphQL API (strawberry): thin types, one file each; batched loaders; guards."""

from .schema import graphql_router, make_schema

__all__ = ["graphql_router", "make_schema"]
