"""The indicator store: one DuckDB file holding every number with provenance and vintage.

The store owns the tables ``sources``, ``observations`` and ``provenance`` and the rules
that give a number its meaning (see :mod:`indmon.store.observations`); other packages
read and write them only through the methods of :class:`Store`, which return the typed
:class:`Observation`, :class:`Provenance`, :class:`Source` and :class:`Series`.

>>> store = Store.open(":memory:")
>>> src = Source("demo-note", kind="dataset", publisher="indmon", title="Example",
...              published="2024-01-19")
>>> store.record([NewObservation("va_ytd_yoy", "2023", 4.6, "percent")], src)
RecordResult(added=1, merged=0, revised=0, conflicts=0)
>>> [(o.value, o.origin.value, o.period.kind) for o in store.figures("va_ytd_yoy")]
[(4.6, 'published', 'year')]
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

import duckdb
import platformdirs

from indmon.errors import ConfigError, NotFound, StoreError
from indmon.store import disclosure as _disclosure
from indmon.store import observations as _obs
from indmon.store.migrations import SCHEMA_VERSION, migrate
from indmon.store.model import (
    ALL,
    Clearance,
    NewObservation,
    Observation,
    Origin,
    Provenance,
    ProvenanceRecord,
    RecordResult,
    Series,
    Source,
    content_hash,
    document_id,
)
from indmon.store.observations import SAME_VALUE_TOLERANCE, rounds_to, same_value, stated_step
from indmon.store.periods import Period

if TYPE_CHECKING:
    # only in annotations: opening a store and reading rows loads no pandas
    import pandas as pd

Format = Literal["pandas", "polars", "arrow", "records"]
#: how long a reader waits for a writer (another process) to let go of the store file
DEFAULT_WAIT_SECONDS = 10.0
_LOCKED = ("Could not set lock", "Conflicting lock", "lock on file")


def default_path() -> Path:
    """``$INDMON_DB`` if set, else ``indmon.duckdb`` in the user's data directory."""
    env = os.environ.get("INDMON_DB")
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir("indmon")) / "indmon.duckdb"


class Store:
    """A DuckDB-backed store. Open with ``Store.open(path)`` or ``indmon.open(path)``."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, *,
                 read_only: bool = False) -> None:
        self._con = con
        self.path = path
        self.read_only = read_only

    # -- opening -----------------------------------------------------------------------
    @classmethod
    def open(
        cls, path: str | Path | None = None, *, read_only: bool = False,
        must_exist: bool = False, wait: float = 0.0,
    ) -> Store:
        """Open the store at ``path`` and bring its schema up to date.

        A store that does not exist yet is created, unless ``must_exist`` (read commands
        say so instead of creating an empty store). ``read_only`` opens it beside other
        readers, such as a running ``indmon serve``; ``wait`` seconds are spent retrying
        while another process holds it for writing.
        """
        target = str(path) if path is not None else str(default_path())
        memory = target == ":memory:"
        if not memory and not Path(target).exists():
            if must_exist:
                raise NotFound(
                    f"no store at {target}: give the --db path of an existing store, or "
                    "build one first (indmon demo, indmon load-published, indmon import)"
                )
            Path(target).parent.mkdir(parents=True, exist_ok=True)
            read_only = False  # a new store is created, even for reading
        con = _connect(target, read_only and not memory, wait)
        store = cls(con, target, read_only=read_only and not memory)
        if not store.read_only:
            migrate(con, target)
        return store

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def cursor(self) -> Store:
        """A view of the store on its own cursor, for use from another thread."""
        return Store(self._con.cursor(), self.path, read_only=self.read_only)

    @property
    def schema_version(self) -> str:
        row = _obs.first_row(self._con.execute(
            "SELECT value FROM meta WHERE key = 'schema_version'"))
        return str(row[0]) if row else ""

    def checkpoint(self) -> None:
        """Write the write-ahead log into the file, so other processes see a whole store."""
        if not self.read_only and self.path != ":memory:":
            self._con.execute("CHECKPOINT")

    # -- SQL for the tables other packages own -------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """All or nothing: a failure (or a kill) inside leaves the store as it was.

        Yields the connection for SQL against the caller's own tables (see
        :mod:`indmon.store.migrations` for who owns which).
        """
        self._con.execute("BEGIN TRANSACTION")
        try:
            yield self._con
        except BaseException:
            self._con.execute("ROLLBACK")
            raise
        self._con.execute("COMMIT")

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> list[tuple[Any, ...]]:
        """Run one statement on the caller's own tables; returns its rows."""
        try:
            return self._con.execute(sql, list(params or [])).fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"statement failed on {self.path}: {exc}") from exc

    @contextmanager
    def registered(self, name: str, frame: Any) -> Iterator[None]:
        """Make a pandas/polars/Arrow table readable as ``name`` for the block's SQL."""
        self._con.register(name, frame)
        try:
            yield
        finally:
            self._con.unregister(name)

    def ibis(self) -> Any:
        """An Ibis backend on this store's connection (for the compute engine)."""
        import ibis

        return ibis.duckdb.from_connection(self._con)

    def query(
        self, sql: str, params: Sequence[Any] | None = None, format: Format = "pandas"
    ) -> Any:
        """Run any read query on the store (for users: notebooks, ``indmon query --sql``):
        a pandas or polars frame, an Arrow table, or ``records`` (a list of dictionaries,
        which needs no data-frame library)."""
        return self._result(sql, list(params or []), format)

    # -- sources -----------------------------------------------------------------------
    def add_source(self, source: Source) -> None:
        """Register a source; registering the same id again keeps the first record."""
        _obs.add_source(self._con, source)

    def sources(self) -> pd.DataFrame:
        return _obs.sources_frame(self._con)

    def source(self, source_id: str) -> Source:
        found = _obs.source_by_id(self._con, source_id)
        if found is None:
            raise NotFound(f"no source {source_id!r} in the store {self.path}")
        return found

    def sources_with_hash(self, digest: str) -> list[Source]:
        """Sources whose document has this content (SHA-256): the same text, however
        its file was named."""
        return _obs.sources_with_hash(self._con, digest)

    # -- recording ---------------------------------------------------------------------
    def record(self, observations: Iterable[NewObservation], source: Source) -> RecordResult:
        """Record figures stated by ``source``, in one transaction.

        A figure equal to one already current for the same indicator, period, cell and
        origin gains this source as one more provenance (merged). A differing figure
        from a computation, a revising release or a later release of the same publisher
        supersedes the current one (revised); from any other source both are kept and
        flagged as a conflict, each with its note.
        """
        with self.transaction() as con:
            return _obs.record(con, observations, source)

    def record_releases(
        self, releases: Iterable[tuple[Iterable[NewObservation], Source]]
    ) -> RecordResult:
        """Record several releases' figures in their order, as :meth:`record` would one
        by one, but in one transaction: all of them or, on any failure, none.

        Loading a history of hundreds of releases this way pays for one commit and one
        round of queries instead of one per release (see
        :func:`indmon.store.observations.record_releases`).
        """
        with self.transaction() as con:
            return _obs.record_releases(con, releases)

    def record_frame(self, frame: Any, source: Source, *, disclosure: Any | None = None,
                     disclosure_periods: Sequence[str] = ()) -> RecordResult:
        """Record many computed figures at once (a pandas/polars/Arrow table).

        Columns: indicator, period, industry, province, value, unit, and optionally n.
        Meant for computations: a figure that differs from the current one revises it,
        an equal one only gains this source as provenance. ``disclosure`` (the
        suppressed cells of ``disclosure_periods``, see :meth:`replace_disclosure`) is
        recorded in the same transaction, so no reader sees new figures under old
        decisions.
        """
        with self.transaction() as con, self.registered("incoming", frame):
            result = _obs.record_frame(con, source)
            if disclosure is not None:
                with self.registered("incoming_disclosure", disclosure):
                    _disclosure.replace(con, disclosure_periods, source.source_id)
            return result

    # -- reading -----------------------------------------------------------------------
    def observations(
        self,
        indicator: str | Sequence[str] | None = None,
        *,
        period: str | Sequence[str] | None = None,
        start: str | None = None,
        end: str | None = None,
        industry: str | Sequence[str] | None = None,
        province: str | Sequence[str] | None = None,
        origin: str | Origin | Sequence[str | Origin] | None = None,
        as_of: str | dt.date | None = None,
        history: bool = False,
        format: Format = "pandas",
        clearance: Clearance | None = None,
        sources: bool = True,
    ) -> Any:
        """Observations current as of ``as_of`` (default: now), or every vintage with
        ``history=True``, as a table with an ``origin`` and a ``sources`` column (left
        out with ``sources=False``: gathering every figure's citations takes half the
        time of reading a few hundred thousand figures).
        ``start``/``end`` are months that bound the last month of each period: ``2023-01``
        to ``2023-12`` includes ``2023``, ``2023-Q1``, ``2023-06`` and ``2023-01/2023-11``.

        ``suppressed`` says why a confidential cell is suppressed; a reader whose
        ``clearance`` does not reach it gets its value and n withheld (null, ``withheld``
        true). Without a clearance (the store's owner) every value is given."""
        where, params = _obs.filters(indicator=indicator, period=period, start=start,
                                     end=end, industry=industry, province=province,
                                     origin=origin)
        sql = _obs.observations_sql(where, as_of=_obs.parse_as_of(as_of), history=history,
                                    with_sources=sources, clearance=clearance)
        return self._result(sql, params, format)

    def figures(
        self,
        indicator: str | Sequence[str] | None = None,
        *,
        period: str | Sequence[str] | None = None,
        start: str | None = None,
        end: str | None = None,
        industry: str | Sequence[str] | None = None,
        province: str | Sequence[str] | None = None,
        origin: str | Origin | Sequence[str | Origin] | None = None,
        as_of: str | dt.date | None = None,
        conflict: bool | None = None,
        clearance: Clearance | None = None,
    ) -> list[Observation]:
        """Current figures as typed observations, in time order within each cell
        (``clearance`` as for :meth:`observations`: a withheld value is NaN)."""
        where, params = _obs.filters(indicator=indicator, period=period, start=start,
                                     end=end, industry=industry, province=province,
                                     origin=origin, conflict=conflict)
        sql = _obs.observations_sql(where, as_of=_obs.parse_as_of(as_of), history=False,
                                    with_sources=False, clearance=clearance)
        found = [_obs.observation_from_row(r) for r in self._records(sql, params)]
        return sorted(found, key=lambda o: (o.indicator, o.industry, o.province,
                                            o.origin.value, o.period.sort_key(), o.obs_id))

    def series(
        self,
        indicator: str,
        *,
        industry: str = ALL,
        province: str = ALL,
        origin: str | Origin | Sequence[str | Origin] | None = None,
        start: str | None = None,
        end: str | None = None,
        as_of: str | dt.date | None = None,
        january_combined: bool = False,
        clearance: Clearance | None = None,
    ) -> list[Series]:
        """The figures of one cell split into lines a chart may draw: each of one origin,
        one frequency and one kind of period, in time order.

        Where sources conflict, the latest stated figure stands for the period (the
        provenance lists the others). ``january_combined`` drops January month figures:
        where January and February are released combined, there is no January point.
        """
        figures = self.figures(indicator, industry=industry, province=province,
                               origin=origin, start=start, end=end, as_of=as_of,
                               clearance=clearance)
        return split_series(figures, january_combined=january_combined)

    def value(
        self, indicator: str, period: str, industry: str = ALL, province: str = ALL,
        as_of: str | dt.date | None = None,
        origin: str | Origin | Sequence[str | Origin] | None = None,
        clearance: Clearance | None = None,
    ) -> float | None:
        """The current value of one figure, or None when the store does not have it (or
        withholds it from this ``clearance``). Published figures stand before computed
        ones, and those before simulated ones."""
        found = [o for o in self.figures(indicator, period=period, industry=industry,
                                         province=province, as_of=as_of, origin=origin,
                                         clearance=clearance) if not o.withheld]
        if not found:
            return None
        rank = {Origin.PUBLISHED: 0, Origin.COMPUTED: 1, Origin.SIMULATED: 2}
        best = min(found, key=lambda o: (rank[o.origin], o.conflict, -o.vintage.timestamp()))
        return best.value

    def provenance(self, obs_id: int, clearance: Clearance | None = None
                   ) -> ProvenanceRecord:
        """An observation with every source that states or produced it, every vintage of
        its figure and, for a conflict, the figures that disagree with it; the values of
        a suppressed cell are withheld from a reader without ``clearance`` for it."""
        record = _obs.provenance_record(self._con, int(obs_id), self.path)
        obs = record.observation
        if obs.origin is Origin.PUBLISHED:
            return record
        reason = _disclosure.reason(self._con, obs.period.text, obs.industry, obs.province)
        return _disclosure.marked(record, reason,
                                  _disclosure.withheld_from(clearance, obs.province, reason))

    def cited(self, obs_ids: Sequence[int]) -> dict[int, list[Provenance]]:
        """The sources behind each of many observations, oldest publication first."""
        return _obs.cited_by(self._con, [int(i) for i in obs_ids])

    def conflicts(self, format: Format = "pandas") -> Any:
        """Current figures that sources state differently, one row per stated value,
        with the note that explains each."""
        return self._result(_obs.conflicts_sql(), [], format)

    def indicators_with(self, dimension: str,
                        origin: Sequence[str] | None = None) -> set[str]:
        """Indicators with any figure broken down by ``industry`` or ``province``."""
        return _obs.indicators_with(self._con, dimension, origin)

    def periods_with(self, indicator: str, dimension: str,
                     origin: Sequence[str] | None = None) -> list[str]:
        """Periods of ``indicator`` broken down by the dimension, in time order."""
        return _obs.periods_with(self._con, indicator, dimension, origin)

    def counts(self) -> dict[str, int]:
        """How many rows each core table holds, for a quick look at a store."""
        return {
            table: int(_obs.first_row(self._con.execute(f"SELECT count(*) FROM {table}"))[0])
            for table in ("sources", "observations", "provenance")
        }

    def _records(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        """Rows as dictionaries, without a data frame: typed observations need no pandas
        (importing it costs a command such as ``indmon report`` 0.35 s)."""
        try:
            rel = self._con.sql(sql, params=params)
            names = rel.columns
            return [dict(zip(names, row, strict=True)) for row in rel.fetchall()]
        except duckdb.Error as exc:
            raise StoreError(f"query failed on {self.path}: {exc}") from exc

    def _result(self, sql: str, params: list[Any], format: Format) -> Any:
        if format not in ("pandas", "polars", "arrow", "records"):
            raise ConfigError(f"format {format!r} is not one of pandas, polars, arrow, "
                              "records")
        if format == "records":
            return self._records(sql, params)
        try:
            rel = self._con.sql(sql, params=params)
            if format == "arrow":
                return rel.to_arrow_table()
            if format == "polars":
                return rel.pl()
            return rel.df()
        except duckdb.Error as exc:
            raise StoreError(f"query failed on {self.path}: {exc}") from exc

    # -- disclosure control (the table ``disclosure``) --
    def replace_disclosure(self, decisions: Any, periods: Sequence[str], source_id: str
                           ) -> int:
        """Make the suppressed cells of ``periods`` exactly ``decisions`` (a table with
        the columns of :data:`indmon.store.disclosure.COLUMNS`), in one transaction."""
        with self.transaction() as con, self.registered("incoming_disclosure", decisions):
            return _disclosure.replace(con, periods, source_id)

    def suppressed_cells(self, periods: Sequence[str]) -> set[tuple[str, str, str]]:
        """The (period, industry, province) cells of ``periods`` that are suppressed."""
        return _disclosure.suppressed_cells(self._con, periods)

    def disclosure(self, period: str | Sequence[str] | None = None) -> pd.DataFrame:
        """The suppressed cells (of ``period``) with status, reason, enterprises and the
        shares of the largest one and two enterprises."""
        return _disclosure.decisions(self._con, period)

    # -- added for the report card --
    def periods(self, origin: str | Origin | Sequence[str | Origin] | None = None
                ) -> list[str]:
        """Every period with a current figure (of ``origin``), in time order: what a
        report card can be asked for."""
        origins = None if origin is None else [
            str(o) for o in ([origin] if isinstance(origin, str) else origin)]
        return _obs.periods_of(self._con, origins)

    def latest_figures(self, *, start: str, end: str, industry: str | None = None,
                       province: str | None = None) -> list[Observation]:
        """Current figures ending in ``start..end`` (months), keeping of each indicator,
        cell and origin only those that end in its latest month: what a report card
        chooses from, a tenth of :meth:`figures` over a year of monthly figures. Same
        order as :meth:`figures`."""
        where, params = _obs.filters(start=start, end=end, industry=industry,
                                     province=province)
        sql = _obs.observations_sql(where, as_of=None, history=False, with_sources=False)
        latest = f"""SELECT * FROM ({sql}) QUALIFY period_end_month(period) = max(
                         period_end_month(period)) OVER (
                         PARTITION BY indicator, industry, province, origin)"""
        found = [_obs.observation_from_row(r) for r in self._records(latest, params)]
        return sorted(found, key=lambda o: (o.indicator, o.industry, o.province,
                                            o.origin.value, o.period.sort_key(), o.obs_id))

    # -- added for the command line --
    def observation_rows(
        self,
        indicator: str | Sequence[str] | None = None,
        *,
        period: str | Sequence[str] | None = None,
        start: str | None = None,
        end: str | None = None,
        industry: str | Sequence[str] | None = None,
        province: str | Sequence[str] | None = None,
        origin: str | Origin | Sequence[str | Origin] | None = None,
        as_of: str | dt.date | None = None,
        history: bool = False,
        limit: int | None = None,
    ) -> ObservationRows:
        """What :meth:`observations` gives (the first ``limit`` rows), as column names
        and rows of Python values, with how many rows match: no pandas is loaded, and a
        terminal's few rows are all that is read, so that ``indmon query`` answers at
        once."""
        where, params = _obs.filters(indicator=indicator, period=period, start=start,
                                     end=end, industry=industry, province=province,
                                     origin=origin)
        sql = _obs.observations_sql(where, as_of=_obs.parse_as_of(as_of), history=history,
                                    with_sources=True)
        # the counts ride along as two more columns: one pass (a second query for them
        # would read the tables again); DuckDB keeps the rows in the query's order
        counted = (f"SELECT *, count(*) OVER () AS matched__, count(suppressed) OVER () "
                   f"AS suppressed__ FROM ({sql})"
                   + (f" LIMIT {int(limit)}" if limit is not None else ""))
        try:
            result = self._con.execute(counted, params)
            columns = [str(d[0]) for d in result.description or ()][:-2]
            rows = result.fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"query failed on {self.path}: {exc}") from exc
        matched, suppressed = rows[0][-2:] if rows else (0, 0)
        return ObservationRows(columns, [row[:-2] for row in rows], int(matched),
                               int(suppressed))


# -- added for the command line --
class ObservationRows(NamedTuple):
    """Rows of :meth:`Store.observation_rows`."""

    columns: list[str]
    rows: list[tuple[Any, ...]]
    #: how many rows match (``rows`` holds the first of them)
    matched: int
    #: how many of the matching rows are in a suppressed cell
    suppressed: int


def split_series(figures: Sequence[Observation], *, january_combined: bool = False
                 ) -> list[Series]:
    """Group figures into lines of one cell, origin and frequency, in time order, with
    one figure per period (the latest vintage where sources conflict).

    A January-February combined figure belongs to the monthly line it starts (the
    February point of a monthly rate, the first point of a year-to-date one).
    """
    groups: dict[tuple[str, str, str, Origin, str], dict[str, Observation]] = {}
    for fig in figures:
        if january_combined and fig.period.kind == "month" and fig.period.end[5:] == "01":
            continue
        key = (fig.indicator, fig.industry, fig.province, fig.origin, fig.period.frequency)
        points = groups.setdefault(key, {})
        held = points.get(fig.period.text)
        if held is None or (held.conflict, -held.vintage.timestamp()) > (
                fig.conflict, -fig.vintage.timestamp()):
            points[fig.period.text] = fig
    out = []
    for (indicator, industry, province, origin, frequency), points in groups.items():
        ordered = tuple(sorted(points.values(), key=lambda o: o.period.sort_key()))
        kinds = Counter(o.period.kind for o in ordered if o.period.kind != "janfeb")
        kind = kinds.most_common(1)[0][0] if kinds else ordered[0].period.kind
        out.append(Series(indicator, industry, province, origin, frequency, kind, ordered))
    return sorted(out, key=lambda s: (s.origin.value, s.frequency))


def _connect(target: str, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + max(wait, 0.0)
    delay = 0.05
    while True:
        try:
            return duckdb.connect(target, read_only=read_only)
        except duckdb.Error as exc:
            locked = any(text in str(exc) for text in _LOCKED)
            if locked and time.monotonic() < deadline:
                time.sleep(delay)
                delay = min(delay * 2, 0.5)
                continue
            hint = (" Another indmon process holds it: a command writing it (try again when "
                    "it is done) or, for a write, a running 'indmon serve' (write through its "
                    "API, or stop it); or use another --db path" if locked else "")
            raise StoreError(f"cannot open the store {target}: {exc}.{hint}") from exc


__all__ = [
    "ALL",
    "DEFAULT_WAIT_SECONDS",
    "SAME_VALUE_TOLERANCE",
    "SCHEMA_VERSION",
    "Clearance",
    "Format",
    "NewObservation",
    "Observation",
    "Origin",
    "Period",
    "Provenance",
    "ProvenanceRecord",
    "RecordResult",
    "Series",
    "Source",
    "Store",
    "content_hash",
    "default_path",
    "document_id",
    "rounds_to",
    "same_value",
    "split_series",
    "stated_step",
]
