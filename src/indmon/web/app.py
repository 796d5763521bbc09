"""The web app: the JSON API under /api and the dashboard, on one store.

DuckDB allows one writing process, so the app opens the store once and gives each
request its own cursor on that connection; writes additionally take one lock so two
submissions never interleave their transactions. Being the only writer, the app also keeps
the current observations in memory between its own writes of observations
(``indmon.web.api.current``), so observation queries do not run SQL.

>>> app = create_app(":memory:")
>>> sorted(p for p in app.openapi()["paths"] if p.startswith("/api/ind"))[:2]
['/api/indicators', '/api/indicators/{indicator_id}']
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Hashable, Iterator
from contextlib import asynccontextmanager, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import duckdb
from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from indmon import errors as e
from indmon.catalogue import Catalogue
from indmon.store import Store
from indmon.web import auth
from indmon.web import errors as web_errors

if TYPE_CHECKING:  # the api package imports this module, so only for annotations here
    from indmon.web.api.current import CurrentObservations

TOKEN_COOKIE = "indmon_token"


@dataclass(frozen=True)
class WebConfig:
    """Settings of one running app; ``from_env`` reads the ``INDMON_*`` variables."""

    #: published and aggregate figures readable without a token (INDMON_PUBLIC=1)
    public: bool = False
    #: largest request body accepted, uploads included (INDMON_MAX_UPLOAD_MB)
    max_body_bytes: int = 20 * 1024 * 1024
    #: most enterprise records in one JSON submission
    max_records: int = 10_000
    #: most rows one page of /api/observations returns
    max_page: int = 5_000
    default_page: int = 100

    @classmethod
    def from_env(cls, **overrides: Any) -> WebConfig:
        values: dict[str, Any] = {
            "public": os.environ.get("INDMON_PUBLIC", "") in ("1", "true", "yes"),
        }
        if os.environ.get("INDMON_MAX_UPLOAD_MB"):
            values["max_body_bytes"] = int(float(os.environ["INDMON_MAX_UPLOAD_MB"]) * 1024**2)
        values.update(overrides)
        return cls(**values)


class Backend:
    """The one store connection of the app, the lock that serialises writes, and a cache
    of read results.

    While the app runs it is the only process that can write the store (DuckDB allows
    one writer), so a result stays valid until the app's own next write: every write
    goes through ``writer()``, which empties the cache.
    """

    #: results kept; a result larger than ``CACHE_ROWS`` rows is not kept
    CACHE_SIZE = 512
    CACHE_ROWS = 20_000

    def __init__(self, store: Store, config: WebConfig) -> None:
        self.store = store
        self.config = config
        self.write_lock = threading.Lock()
        self._cache: OrderedDict[Hashable, Any] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._current: CurrentObservations | None = None
        self._current_lock = threading.Lock()
        self._users: dict[str, auth.User] = {}

    def cached(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """``compute()``'s result, reused until the next write."""
        with self._cache_lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        result = compute()
        if not hasattr(result, "__len__") or len(result) <= self.CACHE_ROWS:
            with self._cache_lock:
                self._cache[key] = result
                while len(self._cache) > self.CACHE_SIZE:
                    self._cache.popitem(last=False)
        return result

    def forget(self, observations: bool = True, users: bool = True) -> None:
        """Drop what a write may have changed: cached results always, the current
        observations and the token lookups only when the write may have touched them."""
        with self._cache_lock:
            self._cache.clear()
            if users:
                self._users.clear()
        if observations:
            with self._current_lock:
                self._current = None

    def user(self, token_hash: str, lookup: Callable[[], auth.User]) -> auth.User:
        """The user a token names, looked up once until users or tokens change."""
        found = self._users.get(token_hash)
        if found is None:
            found = lookup()
            with self._cache_lock:
                if len(self._users) >= self.CACHE_SIZE:
                    self._users.clear()
                self._users[token_hash] = found
        return found

    def current_observations_if_built(self) -> CurrentObservations | None:
        """The in-memory current figures when built, without waiting for a build."""
        return self._current

    def current_observations(self) -> CurrentObservations:
        """Every current figure, indexed in memory; built on first use after a write that
        may have changed observations (one build even when many requests ask at once)."""
        from indmon.web.api.current import CurrentObservations

        with self._current_lock:
            if self._current is None:
                view = self.reader()
                try:
                    self._current = CurrentObservations(view.observations())
                finally:
                    view.close()
            return self._current

    def reader(self) -> Store:
        """A store view on its own cursor, safe to use from this request's thread."""
        return Store(self.store.con.cursor(), self.store.path)

    @contextmanager
    def writer(self, *, observations: bool = True, users: bool = True) -> Iterator[Store]:
        """The store for one write. ``observations=False`` promises the write records no
        observation and ``users=False`` that it changes no user or token (report
        submissions, alerts), which keeps the in-memory current figures and the token
        lookups instead of rebuilding them after every submission."""
        with self.write_lock:
            view = self.reader()
            try:
                yield view
            finally:
                view.close()
                self.forget(observations, users)


def backend(request: Request) -> Backend:
    found: Backend = request.app.state.backend
    return found


@contextmanager
def reading(request: Request) -> Iterator[Store]:
    """A read view of the store for code that is not a FastAPI dependency."""
    view = backend(request).reader()
    try:
        yield view
    finally:
        view.close()


def reader(request: Request) -> Iterator[Store]:
    """Dependency: a read-only view of the store for one request."""
    with reading(request) as view:
        yield view


async def current_user(request: Request) -> auth.User | None:
    """The caller named by the bearer token (or the dashboard cookie), None when anonymous.

    Async on purpose: a known token is a dictionary lookup, cheaper than the hop to a
    worker thread a plain function dependency costs on every request."""
    token = _token(request)
    if token is None:
        return None

    def lookup() -> auth.User:
        with reading(request) as view:
            return auth.authenticate(view, token)

    # a revoked token stops working at once: revoking a token or removing a user is a
    # write that empties the lookups
    return backend(request).user(auth.hash_token(token), lookup)


def _token(request: Request) -> str | None:
    header = request.headers.get("authorization")
    if header:
        scheme, _, value = header.partition(" ")
        if scheme.lower() != "bearer" or not value.strip():
            raise e.Unauthenticated("the Authorization header must be 'Bearer <token>'")
        return value.strip()
    return request.cookies.get(TOKEN_COOKIE) or None


StoreView = Annotated[Store, Depends(reader)]
OptionalUser = Annotated[auth.User | None, Depends(current_user)]


async def public_reader(request: Request, user: OptionalUser) -> auth.User | None:
    """Dependency for aggregate reads: public stores let anyone in."""
    auth.require_reader(user, backend(request).config.public)
    return user


Reader = Annotated[auth.User | None, Depends(public_reader)]


class BodyLimit:
    """Refuse bodies over the limit with 413 before reading them into memory."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            length = dict(scope.get("headers") or []).get(b"content-length")
            if length is not None and length.isdigit() and int(length) > self.limit:
                await self._refuse(scope, receive, send, int(length))
                return
        await self.app(scope, self._counting(receive), send)

    def _counting(self, receive: Receive) -> Receive:
        seen = 0

        async def counted() -> Any:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise web_errors.PayloadTooLarge(self._message(seen))
            return message

        return counted

    def _message(self, size: int) -> str:
        return (f"the request body ({size:,} bytes) is over the limit of {self.limit:,} bytes; "
                "split the upload into smaller files")

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, size: int) -> None:
        body = web_errors.error_body("PayloadTooLarge", self._message(size))
        await JSONResponse(body, status_code=413)(scope, receive, send)


def _warm(backend: Backend) -> None:
    # a failure here is the first query's to report; the store may also close under a
    # server that stops at once
    with suppress(e.IndmonError, duckdb.Error):
        Catalogue.load()
        backend.current_observations()


def create_app(db_path: str | Path, *, config: WebConfig | None = None) -> FastAPI:
    """The API and dashboard on the store at ``db_path`` (opened now, kept open)."""
    from indmon.web.api import ROUTERS
    from indmon.web.dashboard import pages

    config = config or WebConfig.from_env()
    store = Store.open(db_path)
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # index the current figures while the server starts taking requests, so the
        # first queries need not wait for it (they would wait on the same lock)
        threading.Thread(target=_warm, args=(app.state.backend,), daemon=True).start()
        yield
        store.close()

    app = FastAPI(
        lifespan=lifespan,
        title="indmon API",
        version="1",
        description="Industrial and ICT development indicators with provenance, "
        "enterprise report intake and early-warning alerts.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.backend = Backend(store, config)
    web_errors.install(app)
    for router in ROUTERS:
        app.include_router(router, prefix="/api")
    pages.install(app)
    app.add_middleware(BodyLimit, limit=config.max_body_bytes)

    return app


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8000,
          *, config: WebConfig | None = None) -> None:
    """Run the app with uvicorn until interrupted (the ``indmon serve`` command)."""
    import uvicorn

    uvicorn.run(create_app(db_path, config=config), host=host, port=port, log_level="info")
