"""The typed GraphQL context, made per request by a FastAPI dependency."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request
from strawberry.fastapi import BaseContext

from ..config import ServerConfig
from ..snapshot import Snapshot
from .loaders import CountingStore, Loaders


@dataclass
class GraphQLContext(BaseContext):
    store: CountingStore
    loaders: Loaders
    config: ServerConfig
    snapshot: Snapshot

    def __post_init__(self) -> None:
        super().__init__()


async def get_context(request: Request) -> GraphQLContext:
    store = CountingStore(request.app.state.store)
    snapshot = request.app.state.snapshot
    return GraphQLContext(store=store, loaders=Loaders(store, snapshot), config=request.app.state.config, snapshot=snapshot)
