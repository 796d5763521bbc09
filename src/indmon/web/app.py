"""The web app: the JSON API under /api and the dashboard, on one store.

DuckDB allows many processes to read a store file, or one to write it. The app serves
from a read-only connection, giving each request its own cursor, and opens the file for
writing only for the length of each write, after the reads in flight and before the next
ones (:class:`Backend`): ``indmon query``, ``report``, ``export`` and ``check`` read the
store while the app serves it. Being the only writer while it holds the file, the app
keeps the current observations in memory between its own writes of observations
(``indmon.web.api.current``), so observation queries do not run SQL.

>>> app = create_app(":memory:")
>>> sorted(p for p in app.openapi()["paths"] if p.startswith("/api/ind"))[:2]
['/api/indicators', '/api/indicators/{indicator_id}']
"""

from __future__ import annotations

import os
import threading
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Collection, Hashable, Iterator, Sized
from contextlib import asynccontextmanager, contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import duckdb
from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

from indmon import errors as e
from indmon.catalogue import Catalogue
from indmon.intake.readers.limits import ReadLimits
from indmon.store import DEFAULT_WAIT_SECONDS, Store
from indmon.web import auth, security
from indmon.web import errors as web_errors

if TYPE_CHECKING:  # the api package imports this module, so only for annotations here
    from indmon.web.api.current import CurrentObservations

TOKEN_COOKIE = "indmon_token"
#: what a write may change, as ``Backend.writer`` is told and cached results depend on:
#: ``other`` is everything else (reports, the audit log), changed by every write
WRITES = frozenset({"observations", "alerts", "users", "other"})


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
    #: what one uploaded report file may hold and cost to read (INDMON_MAX_INFLATED_MB,
    #: INDMON_MAX_COMPRESSION_RATIO, INDMON_MAX_ROWS, INDMON_MAX_COLUMNS,
    #: INDMON_MAX_READ_SECONDS; ``indmon.intake.readers.limits``)
    read_limits: ReadLimits = field(default_factory=ReadLimits.from_env)

    @classmethod
    def from_env(cls, **overrides: Any) -> WebConfig:
        values: dict[str, Any] = {
            "public": os.environ.get("INDMON_PUBLIC", "") in ("1", "true", "yes"),
            "read_limits": ReadLimits.from_env(),
        }
        if os.environ.get("INDMON_MAX_UPLOAD_MB"):
            values["max_body_bytes"] = int(float(os.environ["INDMON_MAX_UPLOAD_MB"]) * 1024**2)
        values.update(overrides)
        return cls(**values)


class ReadWriteLock:
    """Many readers or one writer, between the threads of one process.

    A writer waits for the reads in flight to finish. While a writer waits, new readers
    wait too, so a steady stream of reads cannot keep a write out; but a reader waits for
    a waiting writer at most ``grace`` seconds and then joins the reads in flight: a
    request may take a second read lease while it holds a first one (a dependency and
    its handler), and must not queue behind a writer that waits for the first.
    """

    def __init__(self, grace: float = 0.5) -> None:
        self._changed = threading.Condition()
        self._readers = 0
        self._writing = False
        self._writers_waiting = 0
        self.grace = grace

    @contextmanager
    def shared(self) -> Iterator[None]:
        with self._changed:
            deadline = time.monotonic() + self.grace
            while True:
                if self._writing or (self._writers_waiting and self._readers == 0):
                    self._changed.wait()  # a write runs, or is about to: until it ends
                    continue
                left = deadline - time.monotonic()
                if self._writers_waiting and left > 0:
                    self._changed.wait(timeout=left)  # let the waiting write go first
                    continue
                break
            self._readers += 1
        try:
            yield
        finally:
            with self._changed:
                self._readers -= 1
                if self._readers == 0:
                    self._changed.notify_all()

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        with self._changed:
            self._writers_waiting += 1
            try:
                while self._writing or self._readers:
                    self._changed.wait()
            finally:
                self._writers_waiting -= 1
            self._writing = True
        try:
            yield
        finally:
            with self._changed:
                self._writing = False
                self._changed.notify_all()


class Backend:
    """The app's store connection, the lock between its reads and writes, and the caches
    of read results, current figures and token lookups.

    DuckDB lets many processes open a store file read-only, or one process open it for
    writing. So that ``indmon query``, ``report``, ``export`` and ``check`` can read the
    store while the app serves it, the app keeps a read-only connection and reopens the
    file for writing only for the length of one write (``writer()``): it waits for its
    own reads in flight, closes the read connection, opens the file for writing
    (waiting while a command reading the file holds it), writes, checkpoints, closes
    and reopens read-only. No other process can write while the app holds the file, so
    cached results stay valid until the app's own next write, which empties them.

    A ``:memory:`` store has one read-write connection for both.
    """

    #: results kept; a result larger than ``CACHE_ROWS`` rows is not kept
    CACHE_SIZE = 512
    CACHE_ROWS = 20_000
    #: how long a write waits for commands reading the store file to let go of it
    WRITE_WAIT_SECONDS = 30.0

    def __init__(self, path: str | Path, config: WebConfig) -> None:
        self.path = str(path)
        self.memory = self.path == ":memory:"
        self.config = config
        self.lock = ReadWriteLock()
        self._store: Store | None = None
        self._open_lock = threading.Lock()
        self._writing: tuple[int, Store] | None = None  # (thread, store) of the write
        #: results by key, each with what it was computed from (``WRITES``)
        self._cache: OrderedDict[Hashable, tuple[Any, frozenset[str]]] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._flights: dict[Hashable, _Flight] = {}  # computations under way, by key
        #: counts the writes that may have changed each kind of content: a result
        #: computed from one before such a write is not kept after it
        self._generations = dict.fromkeys(WRITES, 0)
        self._current: CurrentObservations | None = None
        self._current_lock = threading.Lock()
        self._users: dict[str, auth.Credential] = {}
        self._start()

    def _start(self) -> None:
        """Bring the schema up to date with one read-write open, then open for serving."""
        store = Store.open(self.path, wait=self.WRITE_WAIT_SECONDS)
        if self.memory:
            self._store = store
            return
        try:
            store.checkpoint()
        finally:
            store.close()
        self._store = self._open_for_reading()

    def _open_for_reading(self) -> Store:
        return Store.open(self.path, read_only=True, must_exist=True,
                          wait=DEFAULT_WAIT_SECONDS)

    def _serving_store(self) -> Store:
        """The read connection, reopened if a write could not reopen it."""
        with self._open_lock:
            if self._store is None:
                self._store = self._open_for_reading()
            return self._store

    def close(self) -> None:
        """Close the store (when the app stops)."""
        with self.lock.exclusive(), self._open_lock:
            if self._store is not None:
                self._store.close()
                self._store = None

    # -- caches ------------------------------------------------------------------------
    def cached(self, key: Hashable, compute: Callable[[], Any], *,
               depends: Collection[str] = WRITES) -> Any:
        """``compute()``'s result, reused until the next write that may change what it
        ``depends`` on (``WRITES``; by default anything: every write empties it).

        One computation per key at a time: requests that miss the cache while it is
        being computed wait for that result rather than each computing it again (50
        readers of a cold home page once built the report card 50 times at once)."""
        kinds = frozenset(depends)
        while True:
            with self._cache_lock:
                if key in self._cache:
                    self._cache.move_to_end(key)
                    return self._cache[key][0]
                flight = self._flights.get(key)
                if flight is None:
                    flight = self._flights[key] = _Flight()
                    generations = self._generations_of(kinds)
                    break
            flight.done.wait()
            if flight.failed is None:
                return flight.result
            # the computation failed: compute it here (and raise its error, if it is one)
        try:
            result = compute()
        except BaseException as exc:
            flight.failed = exc
            raise
        else:
            flight.result = result
        finally:
            with self._cache_lock:
                del self._flights[key]
                if (flight.failed is None and self._generations_of(kinds) == generations
                        and (not isinstance(flight.result, Sized)
                             or len(flight.result) <= self.CACHE_ROWS)):
                    self._cache[key] = (flight.result, kinds)
                    while len(self._cache) > self.CACHE_SIZE:
                        self._cache.popitem(last=False)
            flight.done.set()
        return result

    def _generations_of(self, kinds: frozenset[str]) -> tuple[int, ...]:
        return tuple(self._generations[k] for k in sorted(kinds))

    def peek(self, key: Hashable) -> Any:
        """A result ``cached`` keeps under ``key``, or None; never computes."""
        with self._cache_lock:
            found = self._cache.get(key)
            if found is None:
                return None
            self._cache.move_to_end(key)
            return found[0]

    def forget(self, observations: bool = True, users: bool = True,
               alerts: bool = True) -> None:
        """Drop what a write may have changed: the cached results computed from it (every
        write may change ``other`` content: reports, the audit log), the current
        observations and the token lookups only when the write may have touched them."""
        changed = {"other"} | {kind for kind, flag in (
            ("observations", observations), ("users", users), ("alerts", alerts)) if flag}
        with self._cache_lock:
            for kind in changed:
                self._generations[kind] += 1
            for key in [k for k, (_, kinds) in self._cache.items() if kinds & changed]:
                del self._cache[key]
            if users:
                self._users.clear()
        if observations:
            self._current = None

    def user(self, token_hash: str, lookup: Callable[[], auth.Credential]) -> auth.Credential:
        """Whom a token names (and until when), looked up once until users or tokens
        change; whether it has expired is the caller's to check on every request."""
        found = self._users.get(token_hash)
        if found is None:
            generation = self._generations["users"]
            found = lookup()
            with self._cache_lock:
                # a token revoked while it was looked up must not stay cached as valid
                if self._generations["users"] == generation:
                    if len(self._users) >= self.CACHE_SIZE:
                        self._users.clear()
                    self._users[token_hash] = found
        return found

    def known_user(self, token_hash: str) -> auth.Credential | None:
        """The credential of a token looked up before, without touching the store."""
        return self._users.get(token_hash)

    def current_observations_if_built(self) -> CurrentObservations | None:
        """The in-memory current figures when built, without waiting for a build."""
        return self._current

    def current_observations(self) -> CurrentObservations:
        """Every current figure, indexed in memory; built on first use after a write that
        may have changed observations (one build even when many requests ask at once)."""
        from indmon.web.api.current import CurrentObservations

        with self._current_lock:
            current = self._current
            if current is None:
                # built and kept under a read lease: no write can come in between
                with self.reading() as view:
                    current = CurrentObservations(view.observations())
                    self._current = current
            return current

    # -- reading and writing -----------------------------------------------------------
    @contextmanager
    def reading(self) -> Iterator[Store]:
        """A view of the store on its own cursor for one read; a write waits for it."""
        if self._writing is not None and self._writing[0] == threading.get_ident():
            view = self._writing[1].cursor()  # a read inside this thread's own write
            try:
                yield view
            finally:
                view.close()
            return
        with self.lock.shared():
            view = self._serving_store().cursor()
            try:
                yield view
            finally:
                view.close()

    def reader(self) -> Store:
        """A read view the caller closes; prefer ``reading()``, which cannot leak it.

        The view holds a read lease until it is closed, as ``reading()`` does."""
        lease = self.reading()
        view = lease.__enter__()

        def release() -> None:
            lease.__exit__(None, None, None)

        return _LeasedView.of(view, release)

    @contextmanager
    def writer(self, *, observations: bool = True, users: bool = True,
               alerts: bool = True) -> Iterator[Store]:
        """The store for one write, after the reads in flight (see the class doc).

        ``observations=False`` promises the write records no observation,
        ``users=False`` that it changes no user or token (report submissions, alerts)
        and ``alerts=False`` that it changes no alert or monitoring run (report
        submissions): what was computed from those is kept (the in-memory current
        figures, the token lookups, the dashboard's home page) instead of being rebuilt
        after every submission."""
        with self.lock.exclusive():
            store = self._open_for_writing()
            self._writing = (threading.get_ident(), store)
            try:
                yield store
            finally:
                self._writing = None
                try:
                    self._finish_write(store)
                finally:
                    self.forget(observations, users, alerts)

    def _open_for_writing(self) -> Store:
        if self.memory:
            return self._serving_store().cursor()
        with self._open_lock:
            if self._store is not None:
                self._store.close()
                self._store = None
        try:
            return Store.open(self.path, wait=self.WRITE_WAIT_SECONDS)
        except e.StoreError as exc:
            raise e.StoreError(
                f"the store {self.path} cannot be written now: other indmon commands have "
                f"held it for {self.WRITE_WAIT_SECONDS:.0f} s; try again when they are "
                f"done ({exc})"
            ) from exc

    def _finish_write(self, store: Store) -> None:
        """Checkpoint and close the write connection, then reopen for reading (a failure
        to reopen is retried by the next read)."""
        if self.memory:
            store.close()
            return
        try:
            store.checkpoint()
        finally:
            store.close()
        with suppress(e.StoreError), self._open_lock:
            self._store = self._open_for_reading()


class _Flight:
    """One computation of a cached result under way, and its outcome for those waiting."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.result: Any = None
        self.failed: BaseException | None = None


class _LeasedView(Store):
    """A read view that ends its read lease when it is closed (``Backend.reader``)."""

    _release: Callable[[], None]

    @classmethod
    def of(cls, view: Store, release: Callable[[], None]) -> _LeasedView:
        leased = cls.__new__(cls)
        leased.__dict__.update(vars(view))  # the very view: same cursor, path and mode
        leased._release = release
        return leased

    def close(self) -> None:
        release, self._release = self._release, _nothing
        release()  # ending the lease closes the view


def _nothing() -> None:
    return None


def backend(request: Request) -> Backend:
    found: Backend = request.app.state.backend
    return found


@contextmanager
def reading(request: Request) -> Iterator[Store]:
    """A read view of the store for code that is not a FastAPI dependency."""
    with backend(request).reading() as view:
        yield view


def reader(request: Request) -> Iterator[Store]:
    """Dependency: a read-only view of the store for one request."""
    with reading(request) as view:
        yield view


async def current_user(request: Request) -> auth.User | None:
    """The caller named by the bearer token (or the dashboard cookie), None when anonymous.

    Async on purpose: a known token is a dictionary lookup, cheaper than the hop to a
    worker thread a plain function dependency costs on every request. An unknown one is
    looked up off the event loop: the lookup may wait for a write to finish."""
    token = _token(request)
    if token is None:
        return None
    app = backend(request)
    token_hash = auth.hash_token(token)
    known = app.known_user(token_hash)
    if known is not None:
        return known.valid_user()  # an expired token stops working, cached or not

    def lookup() -> auth.Credential:
        with reading(request) as view:
            return auth.credential(view, token)

    # a revoked token stops working at once: revoking a token or removing a user is a
    # write that empties the lookups
    found: auth.Credential = await run_in_threadpool(app.user, token_hash, lookup)
    return found.valid_user()


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
    """The API and dashboard on the store at ``db_path``.

    The store's schema is brought up to date now, with one read-write open; the app
    then serves from a read-only connection and opens the file for writing only while
    it writes (see :class:`Backend`), so CLI commands can read the store meanwhile.
    """
    from indmon.web.api import ROUTERS
    from indmon.web.dashboard import pages

    config = config or WebConfig.from_env()
    served = Backend(db_path, config)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # index the current figures while the server starts taking requests, so the
        # first queries need not wait for it (they would wait on the same lock)
        threading.Thread(target=_warm, args=(app.state.backend,), daemon=True).start()
        yield
        served.close()

    app = FastAPI(
        lifespan=lifespan,
        title="indmon API",
        version="1",
        description="Industrial and ICT development indicators with provenance, "
        "enterprise report intake and early-warning alerts. Errors have one shape: "
        '`{"error": {"type", "message", "detail"}}`.',
        docs_url=None,
        redoc_url=None,
    )
    app.state.backend = served
    web_errors.install(app)
    for router in ROUTERS:
        app.include_router(router, prefix="/api")
    pages.install(app)
    app.add_middleware(BodyLimit, limit=config.max_body_bytes)
    app.add_middleware(security.SecurityHeaders)  # outermost: every answer gets the headers

    return app


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8000,
          *, config: WebConfig | None = None) -> None:
    """Run the app with uvicorn until interrupted (the ``indmon serve`` command)."""
    import uvicorn

    uvicorn.run(create_app(db_path, config=config), host=host, port=port, log_level="info")
