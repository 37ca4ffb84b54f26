"""The GraphQL schema: root queries, guards, and the router mounted at /graphql."""

from __future__ import annotations

import datetime
from typing import Annotated

import strawberry
from graphql import GraphQLError
from starlette.concurrency import run_in_threadpool
from strawberry.extensions import MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter, SchemaExtension
from strawberry.fastapi import GraphQLRouter

from graph.vocabulary import sparql_iri, sparql_string

from ..config import ServerConfig
from .cited_document import CitedDocument
from .context import get_context
from .coordination import CoordinationFilter, CoordinationNetwork, NetworkKind, coordination_network_of
from .deadline import Deadline
from .enums import Role, UnitType
from .loaders import values_block
from .notice import Notice
from .org_map import OrgMap, org_map
from .pagination import Connection, connection, window
from .unit import Unit


@strawberry.input(description="Narrow a list of notices; every field is optional.")
class NoticeFilter:
    jurisdiction: str | None = None
    issuer: str | None = strawberry.field(default=None, description="Part of the issuer's name.")
    genre: str | None = None
    issued_from: datetime.date | None = None
    issued_to: datetime.date | None = None
    text: str | None = strawberry.field(default=None, description="Part of the title or 文号.")


@strawberry.input(description="Narrow a list of units; every field is optional.")
class UnitFilter:
    jurisdiction: str | None = None
    name: str | None = strawberry.field(default=None, description="Part of any of the unit's names (altLabels included).")
    unit_type: UnitType | None = None


@strawberry.type(description="One link of a citation chain: a document cites another.")
class CitationLink:
    source: strawberry.ID
    target: CitedDocument
    depth: int


async def _page(info, select: str, sort: str, descending: bool, first: int | None, after: str | None) -> tuple[list[str], int, int]:
    """Ids of one page of ``select`` (which binds ?id) sorted by the variable ``sort``, and the total:
    two store queries whatever the page size."""
    offset, limit = window(first, after, info.context.config.page_size)
    total = (await info.context.store.select(f"SELECT (COUNT(DISTINCT ?id) AS ?n) WHERE {{ {select} }}"))[0]["n"]
    key = "DESC(?key)" if descending else "?key"
    rows = await info.context.store.select(
        f"SELECT ?id (MAX({sort}) AS ?key) WHERE {{ {select} }} GROUP BY ?id ORDER BY {key} ?id OFFSET {offset} LIMIT {limit}"
    ) if limit else []
    return [r["id"] for r in rows], offset, int(total)


async def _connection(info, select: str, sort: str, first, after, loader, make) -> Connection:
    """A page of objects, newest or busiest first: ids from the store, objects through their loader."""
    ids, offset, total = await _page(info, select, sort, True, first, after)
    rows = await loader.load_many(ids)
    return Connection(**connection([make(r) for r in rows if r], offset, total))


@strawberry.type
class Query:
    @strawberry.field(description="One notice, by id or by 文号.")
    async def notice(self, info: strawberry.Info, id: strawberry.ID | None = None, doc_number: str | None = None) -> Notice | None:
        if (id is None) == (doc_number is None):
            raise GraphQLError("give exactly one of id or docNumber")
        if doc_number is not None:
            rows = await info.context.store.select(f"SELECT ?id WHERE {{ ?id a gk:Notice ; gk:docNumber {sparql_string(doc_number)} }}")
            if not rows:
                return None
            id = rows[0]["id"]
        row = await info.context.loaders.notices.load(str(id))
        return Notice.from_row(row) if row else None

    @strawberry.field(description="Notices, newest first, narrowed by a filter.")
    async def notices(
        self, info: strawberry.Info, filter: NoticeFilter | None = None, first: int | None = None, after: str | None = None
    ) -> Connection[Notice]:
        f = filter or NoticeFilter()
        parts = ["?id a gk:Notice . OPTIONAL { ?id dcterms:issued ?issued }"]
        if f.jurisdiction:
            parts.append(f"?id gk:jurisdiction {sparql_string(f.jurisdiction)} .")
        if f.genre:
            parts.append(f"?id gk:genre {sparql_string(f.genre)} .")
        if f.issuer:
            parts.append(f"?id gk:issuer ?issuer . {{ ?issuer skos:prefLabel ?in }} UNION {{ ?issuer skos:altLabel ?in }} "
                         f"FILTER (CONTAINS(?in, {sparql_string(f.issuer)}))")
        if f.issued_from:
            parts.append(f'FILTER (?issued >= "{f.issued_from.isoformat()}"^^xsd:date)')
        if f.issued_to:
            parts.append(f'FILTER (?issued <= "{f.issued_to.isoformat()}"^^xsd:date)')
        if f.text:
            parts.append(f"?id dcterms:title ?title . OPTIONAL {{ ?id gk:docNumber ?num }} "
                         f"FILTER (CONTAINS(?title, {sparql_string(f.text)}) || CONTAINS(COALESCE(?num, \"\"), {sparql_string(f.text)}))")
        return await _connection(info, " ".join(parts), "?issued", first, after, info.context.loaders.notices, Notice.from_row)

    @strawberry.field(description="One unit, by id or by name (any spelling) and jurisdiction.")
    async def unit(
        self, info: strawberry.Info, id: strawberry.ID | None = None, name: str | None = None, jurisdiction: str | None = None
    ) -> Unit | None:
        if id is None:
            if name is None:
                raise GraphQLError("give id, or name (and jurisdiction)")
            where = f"{{ ?id skos:prefLabel {sparql_string(name)} }} UNION {{ ?id skos:altLabel {sparql_string(name)} }} ?id a org:Organization ."
            if jurisdiction:
                where += f" ?id gk:jurisdiction {sparql_string(jurisdiction)} ."
            rows = await info.context.store.select(f"SELECT DISTINCT ?id WHERE {{ {where} }} ORDER BY ?id LIMIT 1")
            if not rows:
                return None
            id = rows[0]["id"]
        row = await info.context.loaders.units.load(str(id))
        return Unit.from_row(row) if row else None

    @strawberry.field(description="Units, most assigned first, narrowed by a filter.")
    async def units(
        self, info: strawberry.Info, filter: UnitFilter | None = None, first: int | None = None, after: str | None = None
    ) -> Connection[Unit]:
        f = filter or UnitFilter()
        parts = ["?id a org:Organization . OPTIONAL { SELECT ?id (COUNT(DISTINCT ?c) AS ?tasks) WHERE { ?a gk:unit ?id ; gk:clause ?c } GROUP BY ?id }"]
        if f.jurisdiction:
            parts.append(f"?id gk:jurisdiction {sparql_string(f.jurisdiction)} .")
        if f.unit_type:
            parts.append(f"?id gk:unitType gk:{f.unit_type.value} .")
        if f.name:
            parts.append(f"{{ ?id skos:prefLabel ?label }} UNION {{ ?id skos:altLabel ?label }} FILTER (CONTAINS(?label, {sparql_string(f.name)}))")
        return await _connection(info, " ".join(parts), "?tasks", first, after, info.context.loaders.units, Unit.from_row)

    @strawberry.field(description="Deadlines in a date range, optionally of one unit in one role, earliest first.")
    async def deadlines(
        self,
        info: strawberry.Info,
        from_: Annotated[datetime.date | None, strawberry.argument(name="from")] = None,
        to: datetime.date | None = None,
        unit: strawberry.ID | None = None,
        role: Role | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Deadline]:
        parts = ["?clause gk:deadline ?id . ?id gk:date ?date ."]
        if from_:
            parts.append(f'FILTER (?date >= "{from_.isoformat()}"^^xsd:date)')
        if to:
            parts.append(f'FILTER (?date <= "{to.isoformat()}"^^xsd:date)')
        if unit or role:
            assignment = "?a gk:clause ?clause"
            if unit:
                assignment += f" ; gk:unit {sparql_iri(str(unit))}"
            if role:
                assignment += f" ; gk:role gk:{role.value}"
            parts.append(assignment + " .")
        ids, offset, total = await _page(info, " ".join(parts), "?date", False, first, after)
        if not ids:
            return Connection(**connection([], offset, total))
        rows = await info.context.store.select(
            f"SELECT ?deadline ?clause ?date ?text ?line WHERE {{ {values_block('deadline', ids)} "
            "?clause gk:deadline ?deadline . ?deadline gk:date ?date ; gk:text ?text ; gk:sourceLine ?line }"
        )
        by_id = {r["deadline"]: r for r in rows}
        nodes = [Deadline.from_row(by_id[i], by_id[i]["clause"]) for i in ids if i in by_id]
        return Connection(**connection(nodes, offset, total))

    @strawberry.field(description="What a notice cites, and what those cite in turn, up to national policy.")
    async def citation_chain(self, info: strawberry.Info, notice: strawberry.ID, depth: int = 3) -> list[CitationLink]:
        if not 1 <= depth <= 6:
            raise GraphQLError("depth must be between 1 and 6")
        links: list[CitationLink] = []
        frontier, seen = [str(notice)], {str(notice)}
        for level in range(1, depth + 1):
            cites = await info.context.loaders.cites.load_many(frontier)
            pairs = [(source, row["target"]) for source, rows in zip(frontier, cites) for row in rows]
            documents = await info.context.loaders.documents.load_many([t for _, t in pairs])
            next_frontier = []
            for (source, _), row in zip(pairs, documents):
                if not row:
                    continue
                document = CitedDocument.from_row(row)
                links.append(CitationLink(source=strawberry.ID(source), target=document, depth=level))
                if document.ingested and document.level != "national" and str(document.id) not in seen:
                    seen.add(str(document.id))
                    next_frontier.append(str(document.id))
            if not next_frontier:
                break
            frontier = next_frontier
        return links

    @strawberry.field(description="A coordination network with every node's metrics, under a filter.")
    async def coordination_network(
        self, info: strawberry.Info, kind: NetworkKind = NetworkKind.COASSIGN, filter: CoordinationFilter | None = None
    ) -> CoordinationNetwork:
        return await coordination_network_of(info, kind, filter)

    @strawberry.field(description="Units and their role-typed links for one jurisdiction, one notice, or around some units.")
    async def org_map(
        self,
        info: strawberry.Info,
        jurisdiction: str | None = None,
        notice: strawberry.ID | None = None,
        units: list[strawberry.ID] | None = None,
        roles: list[Role] | None = None,
        depth: int = 1,
        include_clauses: bool = False,
        max_nodes: int = 500,
        deadline_from: datetime.date | None = None,
        deadline_to: datetime.date | None = None,
    ) -> OrgMap:
        return await org_map(info, jurisdiction, notice, [str(u) for u in units] if units is not None else None, roles, depth,
                             include_clauses, max_nodes, deadline_from, deadline_to)

    @strawberry.field(description="Every jurisdiction with notices in the graph.")
    async def jurisdictions(self, info: strawberry.Info) -> list[str]:
        return await run_in_threadpool(info.context.snapshot.jurisdictions)


class StoreQueryCount(SchemaExtension):
    """Each response says how many store queries it cost (``X-Store-Queries``): the N+1 guard's evidence."""

    def on_operation(self):
        yield
        context = self.execution_context.context
        response = getattr(context, "response", None)
        if response is not None and hasattr(context, "store"):
            response.headers["X-Store-Queries"] = str(context.store.count)


def make_schema(config: ServerConfig) -> strawberry.Schema:
    return strawberry.Schema(
        query=Query,
        extensions=[
            lambda: QueryDepthLimiter(max_depth=config.graphql_max_depth),
            lambda: MaxAliasesLimiter(max_alias_count=config.graphql_max_aliases),
            lambda: MaxTokensLimiter(max_token_count=config.graphql_max_tokens),
            StoreQueryCount,
        ],
    )


def graphql_router(config: ServerConfig) -> GraphQLRouter:
    return GraphQLRouter(make_schema(config), context_getter=get_context, graphql_ide="graphiql")
