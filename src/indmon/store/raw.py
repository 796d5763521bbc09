"""Raw enterprise reports and price indices, as received: the tables of ``sql/0002_raw.sql``.

This module is the one owner of ``import_batches``, ``reports``, ``rejections`` and
``prices`` (and of the views ``current_reports`` and ``current_prices``). Intake writes
batches through :func:`write_batch`; compute, monitoring and the web API read through
the functions below; no other module writes SQL against these tables.

Two rules live here and nowhere else:

- **A batch is all or nothing.** One imported file (or API submission) is one batch,
  written in one transaction: its ``import_batches`` row, its accepted rows, its
  rejections and finally ``completed_at``. A process killed half-way leaves nothing (the
  open transaction is rolled back when the store is next opened); a batch with
  ``completed_at`` set was stored whole.
- **The current vintage** of an enterprise's report for a month is its row with the
  highest ``seq`` (a later row for the same enterprise and month is a revision); for a
  price index, the same per industry and month. The views state the same rule for
  users' SQL (``indmon query --sql``); the functions here select it on the columns asked
  for, which at national scale is seconds faster than sorting whole rows.

>>> import pandas as pd
>>> from indmon.store import Store
>>> store = Store.open(":memory:")
>>> rows = pd.DataFrame({"row_number": [1], "enterprise_id": ["E1"], "period": ["2023-06"],
...     "industry": ["36"], "province": ["320000"], "output_value": [1000.0],
...     "value_added": [300.0], "revenue": [1100.0], "profit": [50.0], "employees": [12]})
>>> write_batch(store, NewBatch("reports", "june.csv", "ab" * 32), rows).accepted
1
>>> current_reports(store, columns=["enterprise_id", "value_added"]).values.tolist()
[['E1', 300.0]]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import duckdb

from indmon.errors import ConfigError, StoreError
from indmon.store import Format, Store

if TYPE_CHECKING:
    import ibis.expr.types as ir
    from ibis.backends import BaseBackend

Kind = Literal["reports", "prices"]
#: a relation on the store's connection (a temporary table's name), or a pandas, polars
#: or Arrow table
Rows = str | Any
#: called with the number of rows just stored
Advance = Callable[[int], None]
#: accepted rows are stored in slices of this many, so a progress bar can move
CHUNK_ROWS = 100_000


@dataclass(frozen=True)
class RawTable:
    """One kind of raw row: its table, the key of its vintages and the columns a batch
    may supply (``seq`` and ``batch_id`` are set by the store)."""

    kind: Kind
    #: a later row with the same key is a revision of the earlier one
    key: tuple[str, ...]
    columns: tuple[str, ...]

    @property
    def table(self) -> str:
        return self.kind

    @property
    def view(self) -> str:
        return f"current_{self.kind}"


REPORTS = RawTable(
    "reports", ("enterprise_id", "period"),
    ("row_number", "received_at", "enterprise_id", "period", "industry", "province",
     "output_value", "value_added", "revenue", "profit", "employees", "electricity_kwh",
     "export_value", "extra", "simulated"),
)
PRICES = RawTable(
    "prices", ("industry", "period"),
    ("row_number", "received_at", "industry", "period", "ppi_yoy", "extra", "simulated"),
)
TABLES: dict[str, RawTable] = {t.kind: t for t in (REPORTS, PRICES)}


def raw_table(kind: str) -> RawTable:
    try:
        return TABLES[kind]
    except KeyError:
        raise ConfigError(f"raw kind {kind!r} is not one of {', '.join(TABLES)}") from None


# -- batches ------------------------------------------------------------------------------
def batch_id_for(kind: str, sha256: str) -> str:
    """A batch's id: its kind and 16 hex digits of its content's SHA-256."""
    return f"{kind}-{sha256[:16]}"


@dataclass(frozen=True)
class NewBatch:
    """A batch about to be stored: what it is and where it came from."""

    kind: Kind
    #: the file (or API source name) it was read from, for display
    file: str
    #: SHA-256 of the content: re-importing the same content is recognised by it
    sha256: str
    #: rows in the file, rejected ones included (default: accepted + rejected rows)
    rows: int | None = None
    submitted_by: str | None = None
    #: every row of the batch is simulated (the demo panel)
    simulated: bool = False
    #: default: :func:`batch_id_for` of kind and sha256
    batch_id: str = ""

    def __post_init__(self) -> None:
        raw_table(self.kind)
        if not self.batch_id:
            object.__setattr__(self, "batch_id", batch_id_for(self.kind, self.sha256))


@dataclass(frozen=True)
class Batch:
    """A stored batch (a row of ``import_batches``)."""

    batch_id: str
    kind: str
    file: str
    sha256: str
    rows: int
    accepted: int
    rejected: int
    #: accepted rows that restate an enterprise-month (or industry-month) stored earlier
    revisions: int
    submitted_by: str | None
    started_at: dt.datetime
    completed_at: dt.datetime | None

    @property
    def complete(self) -> bool:
        return self.completed_at is not None


@dataclass(frozen=True)
class Rejection:
    """Why one row (or one cell of it) was not taken in (a row of ``rejections``)."""

    file: str
    #: data row number, 1-based (the header is row 0)
    row: int
    field: str
    reason: str
    #: the cell as written, or None when it was empty
    value: str | None = None

    def message(self) -> str:
        return f"{self.file} row {self.row}, field {self.field!r}: {self.reason}"


_BATCH_COLUMNS = ("batch_id, kind, file, sha256, rows, accepted, rejected, revisions, "
                  "submitted_by, started_at, completed_at")


def batch(store: Store, batch_id: str) -> Batch | None:
    """The batch with this id, complete or not, or None."""
    rows = store._con.execute(
        f"SELECT {_BATCH_COLUMNS} FROM import_batches WHERE batch_id = ?", [batch_id]
    ).fetchall()
    return _batch(rows[0]) if rows else None


def completed_batch(store: Store, kind: str, sha256: str) -> Batch | None:
    """The latest completed batch of the same kind and content (SHA-256), if any: the
    content was stored whole before, whatever its file was called. (The same content is
    stored again as a correction when a later batch changed its rows, see
    :func:`batch_is_current`.)"""
    rows = store._con.execute(
        f"""SELECT {_BATCH_COLUMNS} FROM import_batches
            WHERE kind = ? AND sha256 = ? AND completed_at IS NOT NULL
            ORDER BY completed_at DESC, batch_id DESC LIMIT 1""",
        [kind, sha256],
    ).fetchall()
    return _batch(rows[0]) if rows else None


def next_batch_id(store: Store, kind: str, sha256: str) -> str:
    """The id for a new batch of this content: :func:`batch_id_for` the first time, then
    ``<that>-2``, ``-3`` ... when the same content comes again as a correction (a
    completed batch is never overwritten; an incomplete one is started over)."""
    base = batch_id_for(kind, sha256)
    done = {str(r[0]) for r in store._con.execute(
        """SELECT batch_id FROM import_batches
           WHERE completed_at IS NOT NULL AND (batch_id = ? OR batch_id LIKE ?)""",
        [base, base + "-%"],
    ).fetchall()}
    if base not in done:
        return base
    n = 2
    while f"{base}-{n}" in done:
        n += 1
    return f"{base}-{n}"


def batch_is_current(store: Store, batch_id: str, *, replayed: Sequence[str] = ()) -> bool:
    """Whether every stored row of the batch equals the current version of its key (the
    row with the highest ``seq``) on the data columns: then storing the same content
    again would change nothing. A batch without stored rows is current.

    ``replayed`` are SHA-256s of content about to be imported after this one (the rest of
    the same command): a row whose current version came from such content counts as
    current, since replaying them in order restores it (``indmon import`` run again
    after a crash, or twice, changes nothing)."""
    found = batch(store, batch_id)
    if found is None:
        return False
    table = raw_table(found.kind)
    key = ", ".join(table.key)
    data = [c for c in table.columns if c not in (*table.key, "row_number", "received_at",
                                                  "simulated")]
    same = " AND ".join(
        f"CAST(m.{c} AS VARCHAR) IS NOT DISTINCT FROM CAST(l.{c} AS VARCHAR)" if c == "extra"
        else f"m.{c} IS NOT DISTINCT FROM l.{c}" for c in data
    )
    marks = ", ".join("?" for _ in replayed) or "NULL"
    rows = store._con.execute(
        f"""WITH mine AS (SELECT * FROM {table.table} WHERE batch_id = ?),
                 latest AS (SELECT * FROM {table.table} SEMI JOIN mine USING ({key})
                            QUALIFY row_number() OVER (PARTITION BY {key}
                                                       ORDER BY seq DESC) = 1)
            SELECT count(*) FROM mine m JOIN latest l USING ({key})
            WHERE NOT ({same})
              AND l.batch_id NOT IN (SELECT batch_id FROM import_batches
                                     WHERE kind = ? AND sha256 IN ({marks}))""",
        [batch_id, found.kind, *replayed],
    ).fetchall()
    return int(rows[0][0]) == 0


def write_batch(store: Store, new: NewBatch, accepted: Rows, rejected: Rows | None = None,
                *, advance: Advance | None = None) -> Batch:
    """Store one batch in one transaction: its row, its accepted rows, its rejections,
    then ``completed_at``; a failure (or a kill) anywhere leaves the store as it was.

    ``accepted`` has columns of the raw table (:attr:`RawTable.columns`; a missing
    ``row_number`` numbers the rows in order, a missing ``received_at`` is now).
    ``rejected`` has ``row_number, field, reason, value`` and optionally ``raw`` (the
    row as JSON). Both are relations on the store's connection or frames. A batch of
    the same id left incomplete by an older indmon is started over; a completed one is
    never overwritten.
    """
    table = raw_table(new.kind)
    try:
        with _relation(store, accepted, "raw_incoming_rows") as rows, \
                _relation(store, rejected, "raw_incoming_rejections") as refused, \
                store.transaction() as con:
            _write(con, table, new, rows, refused, advance)
    except duckdb.Error as exc:
        raise StoreError(f"batch {new.batch_id} ({new.file}) was not stored, and nothing of "
                         f"it was kept: {exc}") from exc
    stored = batch(store, new.batch_id)
    assert stored is not None
    return stored


def _write(con: duckdb.DuckDBPyConnection, table: RawTable, new: NewBatch, rows: str | None,
           refused: str | None, advance: Advance | None) -> None:
    _start(con, table, new)
    supplied = _supplied_columns(con, table, rows)
    count, revisions = _accepted_and_revisions(con, table, rows)
    _append(con, table, new, rows, supplied, advance)
    refused_rows = _keep_rejections(con, new, refused) if refused else 0
    total = new.rows if new.rows is not None else count + refused_rows
    con.execute(
        """UPDATE import_batches SET rows = ?, accepted = ?, rejected = ?, revisions = ?,
                  completed_at = current_timestamp WHERE batch_id = ?""",
        [total, count, total - count, revisions, new.batch_id],
    )


def batch_rejections(store: Store, batch_id: str) -> list[Rejection]:
    """The rejections of one batch, by row and field."""
    rows = store._con.execute(
        """SELECT file, row_number, field, reason, value FROM rejections
           WHERE batch_id = ? ORDER BY row_number, field""",
        [batch_id],
    ).fetchall()
    return [Rejection(str(f), int(r), str(fd), str(rs), v) for f, r, fd, rs, v in rows]


def rejections(store: Store, batch_id: str | None = None, *, limit: int | None = None,
               format: Format = "pandas") -> Any:
    """Kept rejections (of one batch, or all), with columns ``batch_id, file, row, field,
    reason, value``, by batch, row and field; at most ``limit`` rows."""
    where = "WHERE batch_id = ?" if batch_id is not None else ""
    bound = f"LIMIT {int(limit)}" if limit else ""
    return store._result(
        f"""SELECT batch_id, file, row_number AS row, field, reason, value FROM rejections
            {where} ORDER BY batch_id, row_number, field {bound}""",
        [batch_id] if batch_id is not None else [], format,
    )


def _batch(row: tuple[Any, ...]) -> Batch:
    (batch_id, kind, file, sha256, rows, accepted, rejected, revisions, submitted_by,
     started_at, completed_at) = row
    return Batch(str(batch_id), str(kind), str(file), str(sha256), int(rows or 0),
                 int(accepted or 0), int(rejected or 0), int(revisions or 0), submitted_by,
                 started_at, completed_at)


@contextmanager
def _relation(store: Store, rows: Rows | None, name: str) -> Iterator[str | None]:
    """The name to read ``rows`` by: a relation's own name, or a frame registered."""
    if rows is None or isinstance(rows, str):
        yield None if rows is None else _ident(rows)
        return
    with store.registered(name, rows):
        yield name


def _start(con: duckdb.DuckDBPyConnection, table: RawTable, new: NewBatch) -> None:
    found = con.execute("SELECT completed_at FROM import_batches WHERE batch_id = ?",
                        [new.batch_id]).fetchall()
    if found and found[0][0] is not None:
        raise StoreError(
            f"batch {new.batch_id} is already stored whole (completed {found[0][0]}); a batch "
            "is written once: send a correction as a new file"
        )
    # a batch left open by an older indmon can only be a crashed one: start it over
    # (its rows are only ever written with its batch row, so without one there are none)
    if found:
        for name in (table.table, "rejections"):
            con.execute(f"DELETE FROM {name} WHERE batch_id = ?", [new.batch_id])
        con.execute("DELETE FROM import_batches WHERE batch_id = ?", [new.batch_id])
    con.execute(
        """INSERT INTO import_batches (batch_id, kind, file, sha256, submitted_by)
           VALUES (?, ?, ?, ?, ?)""",
        [new.batch_id, new.kind, new.file, new.sha256, new.submitted_by],
    )


def _supplied_columns(con: duckdb.DuckDBPyConnection, table: RawTable, rows: str | None
                      ) -> list[str]:
    names = [d[0] for d in con.execute(f"SELECT * FROM {rows} LIMIT 0").description]
    unknown = [n for n in names if n not in table.columns]
    if unknown:
        raise StoreError(
            f"columns {', '.join(unknown)} are not columns of {table.table}; a batch of "
            f"{table.kind} may have {', '.join(table.columns)}"
        )
    missing = [k for k in table.key if k not in names]
    if missing:
        raise StoreError(f"a batch of {table.kind} needs the column(s) {', '.join(missing)}")
    return names


def _accepted_and_revisions(con: duckdb.DuckDBPyConnection, table: RawTable,
                            rows: str | None) -> tuple[int, int]:
    """How many rows come in, and how many of them restate a stored key."""
    key = ", ".join(table.key)
    found = con.execute(
        f"""SELECT (SELECT count(*) FROM {rows}),
                   (SELECT count(*) FROM {rows} SEMI JOIN {table.table} USING ({key}))"""
    ).fetchall()
    return int(found[0][0]), int(found[0][1])


def _append(con: duckdb.DuckDBPyConnection, table: RawTable, new: NewBatch, rows: str | None,
            supplied: list[str], advance: Advance | None) -> None:
    received = dt.datetime.now().replace(microsecond=0)
    data = [c for c in supplied if c not in ("row_number", "received_at", "simulated")]
    names = ["batch_id", "row_number", "received_at", "simulated", *data]
    values = [
        "?",
        "row_number" if "row_number" in supplied else "row_number() OVER ()",
        "coalesce(received_at, ?)" if "received_at" in supplied else "?",
        "(? OR coalesce(simulated, false))" if "simulated" in supplied else "?",
        *data,
    ]
    insert = (f"INSERT INTO {table.table} ({', '.join(names)}) "
              f"SELECT {', '.join(values)} FROM {rows}")
    params: list[Any] = [new.batch_id, received, new.simulated]
    if "row_number" not in supplied:
        _advanced(con.execute(insert, params).fetchall(), advance)
        return
    bounds = con.execute(f"SELECT min(row_number), max(row_number) FROM {rows}").fetchall()
    first, last = (int(b) if b is not None else 0 for b in bounds[0])
    for start in range(first, last + 1, CHUNK_ROWS):
        stop = start + CHUNK_ROWS - 1
        done = con.execute(f"{insert} WHERE row_number BETWEEN ? AND ? ORDER BY row_number",
                           [*params, start, stop]).fetchall()
        _advanced(done, advance)


def _advanced(done: list[tuple[Any, ...]], advance: Advance | None) -> None:
    if advance is not None and done:
        advance(int(done[0][0]))


def _keep_rejections(con: duckdb.DuckDBPyConnection, new: NewBatch, refused: str) -> int:
    names = {d[0] for d in con.execute(f"SELECT * FROM {refused} LIMIT 0").description}
    raw = "raw::JSON" if "raw" in names else "NULL::JSON"
    con.execute(
        f"""INSERT INTO rejections (batch_id, file, row_number, field, reason, value, raw)
            SELECT ?, ?, row_number, field, reason, value::VARCHAR, {raw} FROM {refused}
            ORDER BY row_number, field""",
        [new.batch_id, new.file],
    )
    found = con.execute(f"SELECT count(DISTINCT row_number) FROM {refused}").fetchall()
    return int(found[0][0])


# -- current vintages ---------------------------------------------------------------------
def current_reports(
    store: Store,
    *,
    first: str | None = None,
    last: str | None = None,
    months: Sequence[str] | None = None,
    enterprise: str | Sequence[str] | None = None,
    industry: str | Sequence[str] | None = None,
    province: str | Sequence[str] | None = None,
    columns: Sequence[str] | None = None,
    ordered: bool = True,
    format: Format = "pandas",
) -> Any:
    """The current vintage of each enterprise's report for each month (all columns, or
    ``columns``), for months ``first..last`` and/or in ``months``, of some enterprises,
    industries or provinces; by period and enterprise unless not ``ordered``.

    An enterprise whose revision moved it to another province or industry is in the
    cell of its current report only.
    """
    where = _Where(REPORTS)
    where.between("period", first, last)
    where.any_of("period", months)
    where.any_of("enterprise_id", enterprise)
    where.any_of("industry", industry)
    where.any_of("province", province)
    sql, params = where.current_sql(columns, ["period", "enterprise_id"] if ordered else [])
    return store._result(sql, params, format)


def current_prices(
    store: Store,
    *,
    first: str | None = None,
    last: str | None = None,
    industry: str | Sequence[str] | None = None,
    columns: Sequence[str] | None = None,
    ordered: bool = True,
    format: Format = "pandas",
) -> Any:
    """The current producer price index of each industry and month (same month last year
    = 100), for months ``first..last``; by industry and period unless not ``ordered``."""
    where = _Where(PRICES)
    where.between("period", first, last)
    where.any_of("industry", industry)
    sql, params = where.current_sql(columns, ["industry", "period"] if ordered else [])
    return store._result(sql, params, format)


def copy_current_reports(store: Store, into: str, *, months: Sequence[str],
                         columns: Sequence[str]) -> int:
    """Keep the current reports of ``months`` (on ``columns``) in the temporary table
    ``into`` of the store's connection, for a caller's repeated aggregate queries over
    one window of months (monitoring); returns its rows. ``into`` is the caller's own."""
    where = _Where(REPORTS)
    where.any_of("period", list(months))
    sql, params = where.current_sql(columns, [])
    try:
        store._con.execute(f"CREATE OR REPLACE TEMP TABLE {_ident(into)} AS {sql}", params)
        found = store._con.execute(f"SELECT count(*) FROM {_ident(into)}").fetchall()
    except duckdb.Error as exc:
        raise StoreError(f"cannot keep current reports in {into} on {store.path}: {exc}"
                         ) from exc
    return int(found[0][0])


def current_reports_table(backend: BaseBackend, first: str, last: str,
                          columns: Sequence[str]) -> ir.Table:
    """The current reports of months ``first..last`` on ``columns``, as an Ibis table of
    ``backend``: an Ibis DuckDB backend on the store (``store.ibis()``), so that the
    engine reads the reports where they are."""
    reports = backend.table(REPORTS.table)
    return _latest(reports.filter(reports.period.between(first, last)), REPORTS, columns)


def current_prices_table(backend: BaseBackend, columns: Sequence[str]) -> ir.Table:
    """Every current price index on ``columns``, as an Ibis table of ``backend`` (see
    :func:`current_reports_table`)."""
    return _latest(backend.table(PRICES.table), PRICES, columns)


def _latest(rows: ir.Table, table: RawTable, columns: Sequence[str]) -> ir.Table:
    """The current-vintage rule as an Ibis expression: the row with the highest ``seq``
    of each key. ``tests/store/test_raw.py`` keeps it in step with the SQL below."""
    import ibis

    narrow = rows.select(*dict.fromkeys([*columns, *table.key, "seq"]))
    latest = ibis.window(group_by=list(table.key), order_by=ibis.desc("seq"))
    # filtering on the window itself compiles to QUALIFY, which DuckDB runs as a grouped
    # arg_max; keeping the row number as a column first made it sort every report
    # (benchmarks/README.md, National)
    return narrow.filter(ibis.row_number().over(latest) == 0).select(*columns)


class _Where:
    """Filters on a raw table, split by whether they may apply before the current
    vintage is chosen: a filter on the key (enterprise, month) may, a filter on another
    column (province) must wait, or an older vintage would be taken for current."""

    def __init__(self, table: RawTable) -> None:
        self.table = table
        self.before: list[str] = []
        self.after: list[str] = []
        self.params_before: list[Any] = []
        self.params_after: list[Any] = []
        #: the columns the later filters read, selected before they apply
        self.after_columns: list[str] = []

    def between(self, column: str, first: str | None, last: str | None) -> None:
        if first is not None:
            self._add(column, f"{column} >= ?", [first])
        if last is not None:
            self._add(column, f"{column} <= ?", [last])

    def any_of(self, column: str, values: str | Sequence[str] | None) -> None:
        if values is None:
            return
        listed = [values] if isinstance(values, str) else list(values)
        marks = ", ".join("?" for _ in listed) or "NULL"
        self._add(column, f"{column} IN ({marks})", listed)

    def _add(self, column: str, condition: str, params: list[Any]) -> None:
        if column in self.table.key:
            self.before.append(condition)
            self.params_before.extend(params)
        else:
            self.after.append(condition)
            self.params_after.extend(params)
            self.after_columns.append(column)

    def current_sql(self, columns: Sequence[str] | None, order: Sequence[str]
                    ) -> tuple[str, list[Any]]:
        shown = _column_list(self.table, columns)
        needed = "*" if columns is None else ", ".join(
            dict.fromkeys([*shown.split(", "), *self.after_columns, *order]))
        key = ", ".join(self.table.key)
        inner = (f"SELECT {needed} FROM {self.table.table} {_where(self.before)} "
                 f"QUALIFY row_number() OVER (PARTITION BY {key} ORDER BY seq DESC) = 1")
        order_by = f"ORDER BY {', '.join(order)}" if order else ""
        sql = f"SELECT {shown} FROM ({inner}) {_where(self.after)} {order_by}"
        return sql, [*self.params_before, *self.params_after]


def _column_list(table: RawTable, columns: Sequence[str] | None) -> str:
    if columns is None:
        return "*"
    known = ("seq", "batch_id", *table.columns)
    unknown = [c for c in columns if c not in known]
    if unknown or not columns:
        raise ConfigError(
            f"column(s) {', '.join(unknown) or '(none)'} of {table.table} asked for; choose "
            f"from {', '.join(known)}"
        )
    return ", ".join(dict.fromkeys(columns))


def _where(conditions: list[str]) -> str:
    return "WHERE " + " AND ".join(conditions) if conditions else ""


# -- what the reports are -----------------------------------------------------------------
@dataclass(frozen=True)
class ReportStats:
    """The stored reports of some months: how many rows (revisions included), the
    latest ``seq`` (the input vintage of a computation over them), whether any is
    simulated, and their first and last months."""

    reports: int
    latest_seq: int | None
    simulated: bool
    first: str | None
    last: str | None


def report_stats(store: Store, first: str | None = None, last: str | None = None
                 ) -> ReportStats:
    """Read from every stored row: a revision changes neither which months have reports
    nor the latest ``seq``, so no current vintages need working out."""
    where = _Where(REPORTS)
    where.between("period", first, last)
    rows = store._con.execute(
        f"""SELECT count(*), max(seq), coalesce(bool_or(simulated), false), min(period),
                   max(period)
            FROM reports {_where(where.before)}""",
        where.params_before,
    ).fetchall()
    count, seq, simulated, lowest, highest = rows[0]
    return ReportStats(int(count), None if seq is None else int(seq), bool(simulated),
                       lowest, highest)


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


__all__ = [
    "CHUNK_ROWS",
    "PRICES",
    "REPORTS",
    "TABLES",
    "Advance",
    "Batch",
    "Kind",
    "NewBatch",
    "RawTable",
    "Rejection",
    "ReportStats",
    "Rows",
    "batch",
    "batch_id_for",
    "batch_is_current",
    "batch_rejections",
    "completed_batch",
    "copy_current_reports",
    "current_prices",
    "current_prices_table",
    "current_reports",
    "current_reports_table",
    "next_batch_id",
    "raw_table",
    "rejections",
    "report_stats",
    "write_batch",
]
