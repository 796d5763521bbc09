"""The indicator store: one DuckDB file holding every number with provenance and vintage.

>>> store = Store.open(":memory:")
>>> src = Source("demo-note", kind="dataset", publisher="indmon", title="Example",
...              published="2024-01-19")
>>> store.record([NewObservation("va_ytd_yoy", "2023", 4.6, "percent")], src)
RecordResult(added=1, merged=0, revised=0, conflicts=0)
>>> store.observations(indicator="va_ytd_yoy")["value"].tolist()
[4.6]
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import duckdb
import pandas as pd
import platformdirs

from indmon.errors import ConfigError, NotFound, StoreError

Format = Literal["pandas", "polars", "arrow"]
SCHEMA_VERSION = "1"
#: packages that keep their own tables in a schema.sql of their own, applied in this order
DOMAIN_SCHEMAS = ("intake", "extract", "monitor", "web")
#: two figures closer than this (relative) are the same figure stated twice
SAME_VALUE_TOLERANCE = 1e-9


def default_path() -> Path:
    """``$INDMON_DB`` if set, else ``indmon.duckdb`` in the user's data directory."""
    env = os.environ.get("INDMON_DB")
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir("indmon")) / "indmon.duckdb"


@dataclass(frozen=True)
class Source:
    """A document, a bundled dataset or a computation that numbers come from."""

    source_id: str
    kind: str = "release"  #: release | dataset | computation
    publisher: str = ""
    title: str = ""
    published: str | dt.date | None = None  #: publication date, the vintage of its figures
    url: str = ""
    lang: str = ""
    simulated: bool = False
    details: dict[str, Any] = field(default_factory=dict)
    #: a release that corrects earlier figures: differing values revise instead of conflict
    revises: bool = False

    def vintage(self) -> dt.datetime:
        if self.published is None:
            return dt.datetime.now().replace(microsecond=0)
        if isinstance(self.published, str):
            return dt.datetime.fromisoformat(self.published)
        if isinstance(self.published, dt.datetime):
            return self.published
        return dt.datetime.combine(self.published, dt.time())


@dataclass(frozen=True)
class NewObservation:
    """A figure about to be recorded, with where in the source it was stated."""

    indicator: str
    period: str
    value: float
    unit: str
    industry: str = "ALL"
    province: str = "ALL"
    n: int | None = None
    span: tuple[int, int] | None = None
    mention: str = ""
    subject: str = ""


@dataclass(frozen=True)
class RecordResult:
    added: int = 0
    merged: int = 0
    revised: int = 0
    conflicts: int = 0

    def __add__(self, other: RecordResult) -> RecordResult:
        return RecordResult(
            self.added + other.added, self.merged + other.merged,
            self.revised + other.revised, self.conflicts + other.conflicts,
        )


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= SAME_VALUE_TOLERANCE * max(1.0, abs(a), abs(b))


class Store:
    """A DuckDB-backed store. Open with ``Store.open(path)`` or ``indmon.open(path)``."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str) -> None:
        self.con = con
        self.path = path

    # -- opening -----------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path | None = None, *, read_only: bool = False) -> Store:
        """Open (creating if needed) the store at ``path`` and bring its schema up to date."""
        target = str(path) if path is not None else str(default_path())
        if target != ":memory:":
            Path(target).parent.mkdir(parents=True, exist_ok=True)
            # a store that does not exist yet is created, even for reading
            read_only = read_only and Path(target).exists()
        try:
            con = duckdb.connect(target, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(
                f"cannot open the store {target}: {exc}. If another indmon process (a running "
                "'indmon serve') holds it, stop that process or use another --db path"
            ) from exc
        store = cls(con, target)
        if not read_only:
            store._apply_schemas()
        return store

    def _apply_schemas(self) -> None:
        for package in ("indmon.store", *(f"indmon.{d}" for d in DOMAIN_SCHEMAS)):
            text = _schema_text(package)
            if not text:
                continue
            try:
                self.con.execute(text)
            except duckdb.Error as exc:
                raise StoreError(
                    f"{package}/schema.sql does not apply to {self.path}: {exc}"
                ) from exc
        self.con.execute(
            "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION]
        )

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """All or nothing: a failure (or a kill) inside leaves the store as it was."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self.con
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    # -- sources -----------------------------------------------------------------------
    def add_source(self, source: Source) -> None:
        """Register a source; registering the same id again keeps the first record."""
        published = source.vintage().date() if source.published is not None else None
        self.con.execute(
            """INSERT INTO sources (source_id, kind, publisher, title, published, url, lang,
                                    simulated, details)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
            [source.source_id, source.kind, source.publisher, source.title, published,
             source.url, source.lang, source.simulated, json.dumps(source.details)],
        )

    def sources(self) -> pd.DataFrame:
        return self.con.execute("SELECT * FROM sources ORDER BY published, source_id").df()

    def source(self, source_id: str) -> dict[str, Any]:
        rows = self.con.execute("SELECT * FROM sources WHERE source_id = ?", [source_id]).df()
        if rows.empty:
            raise NotFound(f"no source {source_id!r} in the store {self.path}")
        return _record(rows.iloc[0])

    # -- recording ---------------------------------------------------------------------
    def record(self, observations: Iterable[NewObservation], source: Source) -> RecordResult:
        """Record figures stated by ``source``, in one transaction.

        A figure equal to one already current for the same indicator, period and cell
        gains this source as one more provenance (merged). A differing figure from a
        computation or a revising release supersedes the current one (revised); from any
        other source both are kept and flagged as a conflict.
        """
        vintage = source.vintage()
        revising = source.kind == "computation" or source.revises
        total = RecordResult()
        with self.transaction():
            self.add_source(source)
            for obs in observations:
                total = total + self._record_one(obs, source, vintage, revising)
        return total

    def _record_one(
        self, obs: NewObservation, source: Source, vintage: dt.datetime, revising: bool
    ) -> RecordResult:
        current = self.con.execute(
            f"""SELECT obs_id, value FROM ({_current_sql()})
                WHERE indicator = ? AND period = ? AND industry = ? AND province = ?""",
            [obs.indicator, obs.period, obs.industry, obs.province],
        ).fetchall()
        for obs_id, value in current:
            if _same(value, obs.value):
                self._add_provenance(obs_id, source.source_id, obs)
                return RecordResult(merged=1)
        supersedes = current[0][0] if (current and revising) else None
        conflict = bool(current) and not revising
        self._insert(obs, source, vintage, supersedes, conflict)
        if conflict:
            ids = [row[0] for row in current]
            self.con.execute(
                f"UPDATE observations SET conflict = true WHERE obs_id IN ({_marks(ids)})", ids
            )
            return RecordResult(conflicts=1)
        return RecordResult(revised=1) if supersedes else RecordResult(added=1)

    def _insert(
        self, obs: NewObservation, source: Source, vintage: dt.datetime,
        supersedes: int | None, conflict: bool,
    ) -> int:
        row = _first(self.con.execute(
            """INSERT INTO observations (indicator, period, industry, province, value, unit,
                   vintage, n, simulated, conflict, supersedes)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING obs_id""",
            [obs.indicator, obs.period, obs.industry, obs.province, float(obs.value), obs.unit,
             vintage, obs.n, source.simulated, conflict, supersedes],
        ))
        assert row is not None
        self._add_provenance(row[0], source.source_id, obs)
        return int(row[0])

    def _add_provenance(self, obs_id: int, source_id: str, obs: NewObservation) -> None:
        start, end = obs.span if obs.span else (None, None)
        exists = _first(self.con.execute(
            """SELECT 1 FROM provenance WHERE obs_id = ? AND source_id = ?
               AND span_start IS NOT DISTINCT FROM ?""",
            [obs_id, source_id, start],
        ))
        if not exists:
            self.con.execute(
                "INSERT INTO provenance VALUES (?, ?, ?, ?, ?, ?)",
                [obs_id, source_id, start, end, obs.mention or None, obs.subject or None],
            )

    def record_frame(self, frame: Any, source: Source) -> RecordResult:
        """Record many computed figures at once (a pandas/polars/Arrow table).

        Columns: indicator, period, industry, province, value, unit, and optionally n.
        Meant for computations: a figure that differs from the current one revises it,
        an equal one only gains this source as provenance.
        """
        vintage = source.vintage()
        with self.transaction() as con:
            self.add_source(source)
            con.register("incoming", frame)
            try:
                result = self._merge_frame(con, source, vintage)
            finally:
                con.unregister("incoming")
        return result

    def _merge_frame(
        self, con: duckdb.DuckDBPyConnection, source: Source, vintage: dt.datetime
    ) -> RecordResult:
        has_n = "n" in con.execute("SELECT * FROM incoming LIMIT 0").df().columns
        n_expr = "i.n" if has_n else "NULL"
        con.execute(
            f"""CREATE OR REPLACE TEMP TABLE staged AS
                SELECT i.indicator, i.period, CAST(i.industry AS VARCHAR) AS industry,
                       CAST(i.province AS VARCHAR) AS province, CAST(i.value AS DOUBLE) AS value,
                       i.unit, CAST({n_expr} AS BIGINT) AS n, c.obs_id AS current_id,
                       c.value AS current_value
                FROM incoming i LEFT JOIN ({_current_sql()}) c
                  ON c.indicator = i.indicator AND c.period = i.period
                 AND c.industry = CAST(i.industry AS VARCHAR)
                 AND c.province = CAST(i.province AS VARCHAR)
                WHERE i.value IS NOT NULL AND isfinite(CAST(i.value AS DOUBLE))"""
        )
        same = f"abs(value - current_value) <= {SAME_VALUE_TOLERANCE} * greatest(1, abs(value))"
        merged = _first(con.execute(
            f"""INSERT INTO provenance
                SELECT current_id, ?, NULL, NULL, NULL, NULL FROM staged
                WHERE current_id IS NOT NULL AND {same}
                  AND NOT EXISTS (SELECT 1 FROM provenance p
                                  WHERE p.obs_id = current_id AND p.source_id = ?)""",
            [source.source_id, source.source_id],
        ))
        con.execute(
            f"""CREATE OR REPLACE TEMP TABLE fresh AS
                SELECT nextval('obs_id_seq') AS obs_id, * FROM staged
                WHERE current_id IS NULL OR NOT ({same})"""
        )
        con.execute(
            """INSERT INTO observations (obs_id, indicator, period, industry, province, value,
                   unit, vintage, n, simulated, conflict, supersedes)
               SELECT obs_id, indicator, period, industry, province, value, unit, ?, n, ?,
                      false, current_id FROM fresh""",
            [vintage, source.simulated],
        )
        con.execute(
            "INSERT INTO provenance SELECT obs_id, ?, NULL, NULL, NULL, NULL FROM fresh",
            [source.source_id],
        )
        counts = _first(con.execute(
            "SELECT count(*) FILTER (current_id IS NULL), count(*) FILTER (current_id IS NOT NULL)"
            " FROM fresh"
        ))
        assert counts is not None and merged is not None
        con.execute("DROP TABLE fresh")
        con.execute("DROP TABLE staged")
        return RecordResult(added=counts[0], revised=counts[1], merged=merged[0])

    # -- reading -----------------------------------------------------------------------
    def observations(
        self,
        indicator: str | Sequence[str] | None = None,
        *,
        period: str | None = None,
        start: str | None = None,
        end: str | None = None,
        industry: str | Sequence[str] | None = None,
        province: str | Sequence[str] | None = None,
        as_of: str | dt.date | None = None,
        history: bool = False,
        format: Format = "pandas",
    ) -> Any:
        """Observations current as of ``as_of`` (default: now), or every vintage with
        ``history=True``. ``start``/``end`` are months that bound the last month of each
        period: ``2023-01`` to ``2023-12`` includes ``2023``, ``2023-Q1``, ``2023-06`` and
        ``2023-01/2023-11``."""
        where, params = _filters(indicator, period, start, end, industry, province)
        base = "SELECT * FROM observations" if history else _current_sql(_as_of(as_of))
        if history and as_of is not None:
            where.append("vintage <= ?")
            params.append(_as_of(as_of))
        sql = f"""SELECT o.*, (SELECT string_agg(source_id, ';' ORDER BY source_id)
                              FROM provenance p WHERE p.obs_id = o.obs_id) AS sources
                  FROM ({base}) o {"WHERE " + " AND ".join(where) if where else ""}
                  ORDER BY indicator, period, industry, province, vintage"""
        return self._result(sql, params, format)

    def value(
        self, indicator: str, period: str, industry: str = "ALL", province: str = "ALL",
        as_of: str | dt.date | None = None,
    ) -> float | None:
        """The current value of one figure, or None when the store does not have it."""
        row = _first(self.con.execute(
            f"""SELECT value FROM ({_current_sql(_as_of(as_of))}) WHERE indicator = ?
                AND period = ? AND industry = ? AND province = ?
                ORDER BY conflict, vintage DESC LIMIT 1""",
            [indicator, period, industry, province],
        ))
        return None if row is None else float(row[0])

    def provenance(self, obs_id: int) -> dict[str, Any]:
        """An observation with every source that states or produced it."""
        rows = self.con.execute("SELECT * FROM observations WHERE obs_id = ?", [obs_id]).df()
        if rows.empty:
            raise NotFound(f"no observation {obs_id} in the store {self.path}")
        obs = _record(rows.iloc[0])
        cited = self.con.execute(
            """SELECT s.*, p.span_start, p.span_end, p.mention, p.subject
               FROM provenance p JOIN sources s USING (source_id)
               WHERE p.obs_id = ? ORDER BY s.published, s.source_id""",
            [obs_id],
        ).df()
        obs["sources"] = [_record(r) for _, r in cited.iterrows()]
        history = self.con.execute(
            """SELECT obs_id, value, vintage, conflict FROM observations
               WHERE indicator = ? AND period = ? AND industry = ? AND province = ?
               ORDER BY vintage, obs_id""",
            [obs["indicator"], obs["period"], obs["industry"], obs["province"]],
        ).df()
        obs["vintages"] = [_record(r) for _, r in history.iterrows()]
        return obs

    def conflicts(self, format: Format = "pandas") -> Any:
        """Current figures that sources state differently, one row per stated value."""
        sql = f"""SELECT o.indicator, o.period, o.industry, o.province, o.value, o.unit,
                         o.obs_id, p.source_id, s.title, s.publisher, s.published, p.mention
                  FROM ({_current_sql()}) o JOIN provenance p USING (obs_id)
                  JOIN sources s USING (source_id)
                  WHERE o.conflict ORDER BY o.indicator, o.period, o.value"""
        return self._result(sql, [], format)

    def query(
        self, sql: str, params: Sequence[Any] | None = None, format: Format = "pandas"
    ) -> Any:
        """Run any read query on the store."""
        return self._result(sql, list(params or []), format)

    def _result(self, sql: str, params: list[Any], format: Format) -> Any:
        if format not in ("pandas", "polars", "arrow"):
            raise ConfigError(f"format {format!r} is not one of pandas, polars, arrow")
        try:
            rel = self.con.sql(sql, params=params)
            if format == "arrow":
                return rel.to_arrow_table()
            if format == "polars":
                return rel.pl()
            return rel.df()
        except duckdb.Error as exc:
            raise StoreError(f"query failed on {self.path}: {exc}") from exc

    def counts(self) -> dict[str, int]:
        """How many rows each core table holds, for a quick look at a store."""
        return {
            table: int(_first(self.con.execute(f"SELECT count(*) FROM {table}"))[0])
            for table in ("sources", "observations", "provenance")
        }


def _current_sql(as_of: dt.datetime | None = None) -> str:
    """Observations current as of a moment (default: now).

    An observation is current as of D when its vintage is at most D and no revision with
    a vintage at most D supersedes it. ``as_of`` is a parsed datetime, never user text,
    so writing it into the query as a literal is safe.
    """
    limit = f"TIMESTAMP '{as_of.isoformat(sep=' ')}'" if as_of else "TIMESTAMP '9999-12-31'"
    return f"""
        SELECT o.* FROM observations o
        WHERE o.vintage <= {limit}
          AND NOT EXISTS (SELECT 1 FROM observations r
                          WHERE r.supersedes = o.obs_id AND r.vintage <= {limit})"""


def _first(result: duckdb.DuckDBPyConnection) -> Any:
    """The first row of a result, draining the rest (DuckDB refuses new work otherwise)."""
    rows = result.fetchall()
    return rows[0] if rows else None


def _schema_text(package: str) -> str:
    try:
        return resources.files(package).joinpath("schema.sql").read_text("utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return ""


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


def _as_of(as_of: str | dt.date | None) -> dt.datetime | None:
    if as_of is None:
        return None
    if isinstance(as_of, dt.datetime):
        return as_of
    if isinstance(as_of, dt.date):
        return dt.datetime.combine(as_of, dt.time.max)
    try:
        parsed = dt.datetime.fromisoformat(as_of)
    except ValueError:
        raise ConfigError(f"as-of date {as_of!r} is not a date like 2024-01-19") from None
    # a bare date means the end of that day: figures published that day are known
    return dt.datetime.combine(parsed.date(), dt.time.max) if len(as_of) <= 10 else parsed


def _filters(
    indicator: str | Sequence[str] | None, period: str | None, start: str | None,
    end: str | None, industry: str | Sequence[str] | None, province: str | Sequence[str] | None,
) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    for column, wanted in (("indicator", indicator), ("industry", industry),
                           ("province", province)):
        if wanted is None:
            continue
        values = [wanted] if isinstance(wanted, str) else list(wanted)
        where.append(f"{column} IN ({_marks(values)})")
        params.extend(values)
    if period is not None:
        where.append("period = ?")
        params.append(period)
    if start is not None:
        where.append("period_end_month(period) >= ?")
        params.append(start)
    if end is not None:
        where.append("period_end_month(period) <= ?")
        params.append(end)
    return where, params


def _record(row: pd.Series) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in row.items():
        if isinstance(value, pd.Timestamp | dt.date):
            value = value.isoformat()
        elif value is pd.NA or (isinstance(value, float) and value != value):
            value = None
        elif hasattr(value, "item"):
            value = value.item()
        out[str(key)] = value
    return out


__all__ = ["NewObservation", "RecordResult", "Source", "Store", "default_path"]
