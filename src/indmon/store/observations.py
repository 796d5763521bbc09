"""The one place that writes SQL against ``sources``, ``observations`` and ``provenance``.

The rules that give a number its meaning live here and nowhere else:

- **current**: an observation is current as of D when its vintage is at most D and no
  revision with a vintage at most D supersedes it;
- **figure**: one indicator, period, cell *and origin*; published, computed and
  simulated figures of the same cell are different figures and never merge;
- **revision**: a computation, a release marked as revising, or a later release by the
  same publisher replaces the current figure (a new vintage);
- **conflict**: two sources that disagree about the same figure at the same time are
  both kept, flagged, each with the note that explains it;
- **rounding**: where two sources would conflict, a figure stated with fewer digits
  ("1.42 trillion") is the same figure as a finer statement it rounds ("14237亿元"): the
  finer value stays current and both sources cite it; a figure whose source notes why
  it may differ (another definition) is never merely rounded.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import re
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import duckdb

from indmon.errors import ConfigError, NotFound
from indmon.store.model import (
    ALL,
    Clearance,
    NewObservation,
    Observation,
    Origin,
    Provenance,
    ProvenanceRecord,
    RecordResult,
    Source,
)
from indmon.store.periods import Period

if TYPE_CHECKING:
    import pandas as pd

#: two figures closer than this (relative) are the same figure stated twice
SAME_VALUE_TOLERANCE = 1e-9
CELL = ("indicator", "period", "industry", "province", "origin")
OBSERVATION_COLUMNS = (
    "obs_id, indicator, period, industry, province, value, unit, vintage, origin, n, "
    "simulated, conflict, supersedes"
)


def same_value(a: float, b: float) -> bool:
    return abs(a - b) <= SAME_VALUE_TOLERANCE * max(1.0, abs(a), abs(b))


_WRITTEN_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")


def stated_step(value: float, mention: str) -> float:
    """What the last digit of ``mention`` is worth in ``value``'s base units: the step
    to which a text states the figure ("1.42 trillion" is 1e10; "14237亿元" 1e8; "4.6%"
    0.1). A mention in words or Chinese numerals is as precise as the value is written;
    0.0 (exact) when the mention's number is not the value times a power of ten.
    """
    m = _WRITTEN_NUMBER.search(mention)
    if not m:
        text = repr(float(value))
        decimals = 0 if text.endswith(".0") or "e" in text else len(text.split(".")[1])
        return 10.0 ** -decimals
    written = float(m.group(0).replace(",", ""))
    if not written or not value:
        return 10.0 ** -len(m.group(1) or "")
    scale = abs(value / written)
    # "5G base stations: 4.2 million" reads 5, not the figure: its precision is unknown
    if abs(math.log10(scale) - round(math.log10(scale))) > 1e-6:
        return 0.0
    return 10.0 ** round(math.log10(scale)) * 10.0 ** -len(m.group(1) or "")


def rounds_to(a: float, a_step: float, b: float, b_step: float) -> bool:
    """Whether two statements are one figure, the coarser rounding the finer ("25.8
    million" and "25.769 million"; not "25.712" and "25.721"). Unknown steps (0.0) on
    both sides leave only exact equality."""
    step = max(a_step, b_step)
    return step > 0 and abs(a - b) <= step / 2 + SAME_VALUE_TOLERANCE * max(1.0, abs(a), abs(b))


def current_sql(as_of: dt.datetime | None = None) -> str:
    """Observations current as of a moment (default: now).

    ``as_of`` is a parsed datetime, never user text, so writing it into the query as a
    literal is safe.
    """
    limit = f"TIMESTAMP '{as_of.isoformat(sep=' ')}'" if as_of else "TIMESTAMP '9999-12-31'"
    return f"""
        SELECT o.* FROM observations o
        WHERE o.vintage <= {limit}
          AND NOT EXISTS (SELECT 1 FROM observations r
                          WHERE r.supersedes = o.obs_id AND r.vintage <= {limit})"""


def first_row(result: duckdb.DuckDBPyConnection) -> Any:
    """The first row of a result, draining the rest (DuckDB refuses new work otherwise)."""
    rows = result.fetchall()
    return rows[0] if rows else None


def records(result: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """The rows of an executed query as dictionaries, without a data frame (typed
    objects need no pandas, whose import alone costs a command a third of a second)."""
    names = [column[0] for column in result.description or ()]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def marks(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


# -- sources -------------------------------------------------------------------------------
def add_source(con: duckdb.DuckDBPyConnection, source: Source) -> None:
    """Register a source; registering the same id again keeps the first record."""
    add_sources(con, [source])


def add_sources(con: duckdb.DuckDBPyConnection, sources: Sequence[Source]) -> dict[str, str]:
    """Register sources in one statement, each id once: a registered id keeps its first
    record, in the store or earlier in ``sources``. Returns the publisher registered
    under each id (the one the store cites the id's figures with)."""
    ids = list(dict.fromkeys(source.source_id for source in sources))
    registered: dict[str, str] = {
        str(source_id): _text(publisher) for source_id, publisher in con.execute(
            "SELECT source_id, publisher FROM sources WHERE source_id IN "
            "(SELECT unnest(CAST(? AS VARCHAR[])))", [ids]).fetchall()}
    fresh: dict[str, Source] = {}
    for source in sources:
        if source.source_id not in registered and source.source_id not in fresh:
            fresh[source.source_id] = source
    if fresh:
        _insert_sources(con, list(fresh.values()))
    return {**registered, **{sid: source.publisher for sid, source in fresh.items()}}


def _insert_sources(con: duckdb.DuckDBPyConnection, sources: Sequence[Source]) -> None:
    columns: list[list[Any]] = [
        [s.source_id for s in sources], [s.kind for s in sources],
        [s.publisher for s in sources], [s.title for s in sources],
        [s.published_date for s in sources], [s.url for s in sources],
        [s.lang for s in sources], [s.simulated for s in sources],
        [json.dumps(s.details) for s in sources], [s.content_hash or None for s in sources],
        [s.file or None for s in sources], [s.release_type or None for s in sources],
    ]
    con.execute(
        """INSERT INTO sources (source_id, kind, publisher, title, published, url, lang,
                                simulated, details, content_hash, file, release_type)
           SELECT unnest(CAST(? AS VARCHAR[])), unnest(CAST(? AS VARCHAR[])),
                  unnest(CAST(? AS VARCHAR[])), unnest(CAST(? AS VARCHAR[])),
                  unnest(CAST(? AS DATE[])), unnest(CAST(? AS VARCHAR[])),
                  unnest(CAST(? AS VARCHAR[])), unnest(CAST(? AS BOOLEAN[])),
                  unnest(CAST(? AS VARCHAR[])), unnest(CAST(? AS VARCHAR[])),
                  unnest(CAST(? AS VARCHAR[])), unnest(CAST(? AS VARCHAR[]))""",
        columns,
    )


def source_from_row(row: dict[str, Any]) -> Source:
    details = row.get("details")
    if isinstance(details, str):
        details = json.loads(details) if details else {}
    published: Any = row.get("published")
    if hasattr(published, "to_pydatetime"):  # a pandas Timestamp, without importing pandas
        published = published.date()
    return Source(
        source_id=str(row["source_id"]), kind=str(row.get("kind") or "release"),
        publisher=_text(row.get("publisher")), title=_text(row.get("title")),
        published=published if isinstance(published, dt.date) else (
            _text(published) or None),
        url=_text(row.get("url")), lang=_text(row.get("lang")),
        simulated=bool(row.get("simulated") or False), details=details or {},
        content_hash=_text(row.get("content_hash")), file=_text(row.get("file")),
        release_type=_text(row.get("release_type")),
    )


def sources_frame(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return con.execute("SELECT * FROM sources ORDER BY published, source_id").df()


def source_by_id(con: duckdb.DuckDBPyConnection, source_id: str) -> Source | None:
    frame = con.execute("SELECT * FROM sources WHERE source_id = ?", [source_id]).df()
    return None if frame.empty else source_from_row(frame.iloc[0].to_dict())


def sources_with_hash(con: duckdb.DuckDBPyConnection, digest: str) -> list[Source]:
    frame = con.execute(
        "SELECT * FROM sources WHERE content_hash = ? ORDER BY added_at, source_id", [digest]
    ).df()
    return [source_from_row(r) for r in frame.to_dict("records")]


# -- recording ----------------------------------------------------------------------------
Release = tuple[Iterable[NewObservation], Source]


def record(
    con: duckdb.DuckDBPyConnection, observations: Iterable[NewObservation], source: Source
) -> RecordResult:
    """Record figures stated by ``source`` (inside the caller's transaction)."""
    return record_releases(con, [(observations, source)])


def record_releases(con: duckdb.DuckDBPyConnection, releases: Iterable[Release]
                    ) -> RecordResult:
    """Record the figures of several releases in their order (inside the caller's
    transaction), deciding each exactly as recording the releases one at a time would.

    Set-wise: the sources are registered in one statement and the current figures of
    every cell the releases touch read in one query; then each figure is judged in order
    against them (and against what the releases before it, and the figures before it in
    its own release, recorded), and the new rows and citations are written in one
    statement per table. One statement per figure cost a release's 500 figures 2.5 s;
    one round of queries per release cost the bundled history's 362 releases 3 s."""
    batch = [(list(observations), source) for observations, source in releases]
    if not batch:
        return RecordResult()
    publishers = add_sources(con, [source for _, source in batch])
    book = _Book(con, batch, publishers)
    total = RecordResult()
    for observations, source in batch:
        total = total + book.judge_release(observations, source)
    book.write(con)
    return total


@dataclasses.dataclass(slots=True)
class _Current:
    """A current figure of a cell while a batch is judged; new ones get ids < 0 until
    they are written."""

    obs_id: int
    value: float
    vintage: dt.datetime
    #: the publishers the store cites it with (before the release being judged)
    publishers: set[str]
    #: the finest step its statements give it (0.0: exact, its precision unknown)
    step: float = 0.0
    #: a source says why it may differ from others' (a definition): never merely rounded
    noted: bool = False

    def order(self) -> tuple[dt.datetime, bool, int]:
        """Latest first, as the store orders them: a new figure is the newest of its
        vintage (its id will be the largest)."""
        return self.vintage, self.obs_id < 0, abs(self.obs_id)


#: origin, indicator, period, industry, province
CellKey = tuple[str, str, str, str, str]


@dataclasses.dataclass
class _Row:
    """A new observation, decided but not yet written."""

    placeholder: int
    obs: NewObservation
    vintage: dt.datetime
    origin: Origin
    supersedes: int | None
    conflict: bool
    #: a rounder statement of the same figure it replaces: its sources cite this one too
    refines: bool = False


class _Book:
    """What recording a batch of releases does, decided figure by figure before anything
    is written."""

    def __init__(self, con: duckdb.DuckDBPyConnection,
                 batch: Sequence[tuple[Sequence[NewObservation], Source]],
                 publishers: dict[str, str]) -> None:
        self.registered_publisher = publishers
        self.current = _current_of_cells(con, [
            (Origin.of(source).value, o.indicator, o.period, o.industry, o.province)
            for observations, source in batch for o in observations])
        known = [fig.obs_id for figs in self.current.values() for fig in figs]
        self.cited = _cited_spans(con, sorted(publishers), known)  # every source's id
        self.rows: list[_Row] = []
        self.provenance: list[tuple[str, int, NewObservation]] = []
        self.conflicted: set[int] = set()
        # the release being judged, and the figures it has stated so far
        self.source = Source("")
        self.origin = Origin.PUBLISHED
        self.vintage = dt.datetime.min
        self.touched: dict[int, _Current] = {}

    def judge_release(self, observations: Sequence[NewObservation], source: Source
                      ) -> RecordResult:
        self.source, self.origin, self.vintage = source, Origin.of(source), source.vintage()
        self.touched = {}
        total = RecordResult()
        for obs in observations:
            total = total + self.judge(obs)
        # from now on the store cites them with the publisher registered under the id
        publisher = self.registered_publisher[source.source_id]
        if publisher:
            for fig in self.touched.values():
                fig.publishers.add(publisher)
        return total

    def judge(self, obs: NewObservation) -> RecordResult:
        cell = (self.origin.value, obs.indicator, obs.period, obs.industry, obs.province)
        current = self.current.setdefault(cell, [])
        for fig in current:
            if same_value(fig.value, obs.value):
                self._cite(fig, obs)
                return RecordResult(merged=1)
        replaced = self._revised(current)
        if replaced is not None or not current:
            self._add(obs, current, replaced, conflict=False)
            return RecordResult(revised=1) if replaced is not None else RecordResult(added=1)
        # what would be a conflict may be one figure rounded by one of its sources
        step = stated_step(obs.value, obs.mention) if obs.mention and not obs.note else 0.0
        for fig in current:
            if not fig.noted and rounds_to(fig.value, fig.step, obs.value, step):
                self._same_rounded(fig, obs, step, current)
                return RecordResult(merged=1)
        self.conflicted.update(fig.obs_id for fig in current)
        self._add(obs, current, None, conflict=True)
        return RecordResult(conflicts=1)

    def _same_rounded(self, fig: _Current, obs: NewObservation, step: float,
                      current: list[_Current]) -> None:
        """``obs`` and ``fig`` are one figure stated to different steps: the finer value
        is kept (a newswire's "1.42 trillion" does not replace the bureau's 14237亿元)."""
        if fig.step == 0.0 or step >= fig.step:
            self._cite(fig, obs)
            return
        # still at odds with any other figure the cell holds, as the rounder one was
        others = any(other is not fig for other in current)
        finer = self._add(obs, current, fig.obs_id, conflict=others, refines=True)
        finer.publishers |= fig.publishers

    def _states(self, fig: _Current) -> bool:
        """Whether the publisher of the release being judged states ``fig``: the store
        says so, or the release has stated it already."""
        publisher = self.source.publisher
        return bool(publisher) and (publisher in fig.publishers or fig.obs_id in self.touched)

    def _revised(self, current: list[_Current]) -> int | None:
        """The current figure a differing new one replaces, or None when they conflict.

        A computation or a revising release replaces the latest current figure; a release
        replaces an earlier figure its own publisher stated (a revision, not a conflict).
        """
        if not current:
            return None
        if self.origin is not Origin.PUBLISHED or self.source.revises:
            return current[0].obs_id
        for fig in current:
            if self._states(fig) and fig.vintage < self.vintage:
                return fig.obs_id
        return None

    def _cite(self, fig: _Current, obs: NewObservation) -> None:
        self.touched[fig.obs_id] = fig
        key = (self.source.source_id, fig.obs_id, obs.span[0] if obs.span else None)
        if key not in self.cited:
            self.cited.add(key)
            self.provenance.append((self.source.source_id, fig.obs_id, obs))

    def _add(self, obs: NewObservation, current: list[_Current], replaced: int | None, *,
             conflict: bool, refines: bool = False) -> _Current:
        placeholder = -(len(self.rows) + 1)
        self.rows.append(_Row(placeholder, obs, self.vintage, self.origin, replaced, conflict,
                              refines))
        if replaced is not None:
            current[:] = [fig for fig in current if fig.obs_id != replaced]
        step = stated_step(obs.value, obs.mention) if obs.mention else 0.0
        fig = _Current(placeholder, float(obs.value), self.vintage, set(), step,
                       bool(obs.note))
        current.append(fig)
        current.sort(key=_Current.order, reverse=True)
        self._cite(fig, obs)
        return fig

    def write(self, con: duckdb.DuckDBPyConnection) -> None:
        ids = _new_ids(con, len(self.rows))

        def real(obs_id: int) -> int:
            return ids[-obs_id - 1] if obs_id < 0 else obs_id

        conflicted = {real(i) for i in self.conflicted}
        _insert_rows(con, [
            [real(row.placeholder), obs.indicator, obs.period, obs.industry, obs.province,
             float(obs.value), obs.unit, row.vintage, obs.n,
             row.origin is Origin.SIMULATED,
             row.conflict or real(row.placeholder) in conflicted,
             None if row.supersedes is None else real(row.supersedes), row.origin.value]
            for row in self.rows for obs in (row.obs,)])
        written = set(ids)
        earlier = sorted(i for i in conflicted if i not in written)
        if earlier:
            con.execute(f"UPDATE observations SET conflict = true WHERE obs_id IN "
                        f"({marks(earlier)})", earlier)
        _insert_provenance(con, [(source_id, real(obs_id), obs)
                                 for source_id, obs_id, obs in self.provenance])
        for row in self.rows:  # in order: a refinement of a refinement cites all three
            if row.refines and row.supersedes is not None:
                _carry_citations(con, real(row.supersedes), real(row.placeholder))


def _carry_citations(con: duckdb.DuckDBPyConnection, rounder: int, finer: int) -> None:
    """The sources of a rounder statement of a figure cite the finer one that replaced
    it: what they state is still current."""
    con.execute(
        """INSERT INTO provenance (obs_id, source_id, span_start, span_end, mention,
                                   subject, note)
           SELECT ?, source_id, span_start, span_end, mention, subject, note
           FROM provenance p WHERE obs_id = ?
             AND NOT EXISTS (SELECT 1 FROM provenance q WHERE q.obs_id = ?
                             AND q.source_id = p.source_id
                             AND q.span_start IS NOT DISTINCT FROM p.span_start)""",
        [finer, rounder, finer])


def _current_of_cells(con: duckdb.DuckDBPyConnection, wanted: Iterable[CellKey]
                      ) -> dict[CellKey, list[_Current]]:
    """The current figures of each (origin, cell) wanted, latest first, with the
    publishers that state each."""
    cells = sorted(set(wanted))
    if not cells:
        return {}
    # a figure is only ever superseded by one of its own cell (a revision of it), so the
    # cells' own rows say which are current
    rows = con.execute(
        """WITH wanted AS (SELECT unnest(?) AS origin, unnest(?) AS indicator,
                                  unnest(?) AS period, unnest(?) AS industry,
                                  unnest(?) AS province),
                cell AS (SELECT o.* FROM observations o
                         JOIN wanted USING (origin, indicator, period, industry, province))
           SELECT o.origin, o.indicator, o.period, o.industry, o.province, o.obs_id,
                  o.value, o.vintage,
                  list(DISTINCT s.publisher) FILTER (s.publisher IS NOT NULL
                                                     AND s.publisher <> ''),
                  list(DISTINCT p.mention) FILTER (p.mention IS NOT NULL),
                  coalesce(bool_or(coalesce(p.note, '') <> ''), false)
           FROM cell o
           LEFT JOIN provenance p USING (obs_id) LEFT JOIN sources s USING (source_id)
           WHERE o.obs_id NOT IN (SELECT supersedes FROM cell WHERE supersedes IS NOT NULL)
           GROUP BY ALL ORDER BY o.vintage DESC, o.obs_id DESC""",
        [[c[i] for c in cells] for i in range(5)],
    ).fetchall()
    found: dict[CellKey, list[_Current]] = {}
    for origin, indicator, period, industry, province, obs_id, value, vintage, publishers, \
            mentions, noted in rows:
        found.setdefault((origin, indicator, period, industry, province), []).append(
            _Current(int(obs_id), float(value), vintage, set(publishers or []),
                     _finest_step(float(value), mentions or []), bool(noted)))
    return found


def _finest_step(value: float, mentions: Sequence[str]) -> float:
    """The step of a stored figure's finest statement; 0.0 (exact) when a statement's
    precision is unknown or none gave one (a computed or imported figure is exact)."""
    steps = [stated_step(value, m) for m in mentions]
    return min(steps) if steps else 0.0


def _cited_spans(con: duckdb.DuckDBPyConnection, source_ids: Sequence[str],
                 obs_ids: Sequence[int]) -> set[tuple[str, int, int | None]]:
    """(source_id, obs_id, span start) of what these sources already state of these
    figures."""
    if not obs_ids:
        return set()
    rows = con.execute(
        """SELECT source_id, obs_id, span_start FROM provenance
           WHERE source_id IN (SELECT unnest(CAST(? AS VARCHAR[])))
             AND obs_id IN (SELECT unnest(CAST(? AS BIGINT[])))""",
        [list(source_ids), list(obs_ids)]).fetchall()
    return {(str(source_id), int(obs_id), None if start is None else int(start))
            for source_id, obs_id, start in rows}


def _new_ids(con: duckdb.DuckDBPyConnection, count: int) -> list[int]:
    if not count:
        return []
    rows = con.execute("SELECT nextval('obs_id_seq') FROM range(?)", [count]).fetchall()
    return [int(r[0]) for r in rows]


def _columns(rows: Sequence[Sequence[Any]], width: int) -> list[list[Any]]:
    return [[row[i] for row in rows] for i in range(width)]


def _insert_rows(con: duckdb.DuckDBPyConnection, rows: Sequence[list[Any]]) -> None:
    """Write new observations in one statement (a column of parameters each)."""
    if not rows:
        return
    con.execute(
        """INSERT INTO observations (obs_id, indicator, period, industry, province,
               value, unit, vintage, n, simulated, conflict, supersedes, origin)
           SELECT unnest(CAST(? AS BIGINT[])), unnest(CAST(? AS VARCHAR[])),
                  unnest(CAST(? AS VARCHAR[])), unnest(CAST(? AS VARCHAR[])),
                  unnest(CAST(? AS VARCHAR[])), unnest(CAST(? AS DOUBLE[])),
                  unnest(CAST(? AS VARCHAR[])), unnest(CAST(? AS TIMESTAMP[])),
                  unnest(CAST(? AS BIGINT[])), unnest(CAST(? AS BOOLEAN[])),
                  unnest(CAST(? AS BOOLEAN[])), unnest(CAST(? AS BIGINT[])),
                  unnest(CAST(? AS VARCHAR[]))""",
        _columns(rows, 13))


def _insert_provenance(con: duckdb.DuckDBPyConnection,
                       cited: Sequence[tuple[str, int, NewObservation]]) -> None:
    """Write citations in one statement (a column of parameters each)."""
    if not cited:
        return
    rows = [[obs_id, source_id, *(obs.span if obs.span else (None, None)),
             obs.mention or None, obs.subject or None, obs.note or None]
            for source_id, obs_id, obs in cited]
    con.execute(
        """INSERT INTO provenance (obs_id, source_id, span_start, span_end, mention,
                                   subject, note)
           SELECT unnest(CAST(? AS BIGINT[])), unnest(CAST(? AS VARCHAR[])),
                  unnest(CAST(? AS INTEGER[])), unnest(CAST(? AS INTEGER[])),
                  unnest(CAST(? AS VARCHAR[])), unnest(CAST(? AS VARCHAR[])),
                  unnest(CAST(? AS VARCHAR[]))""",
        _columns(rows, 7))


def record_frame(con: duckdb.DuckDBPyConnection, source: Source) -> RecordResult:
    """Record the registered table ``incoming`` (many computed figures) set-wise.

    A figure that differs from the current one of its origin revises it; an equal one
    only gains this source as provenance. Non-finite values are refused by the caller.
    """
    vintage = source.vintage()
    origin = Origin.of(source)
    add_source(con, source)
    has_n = "n" in con.execute("SELECT * FROM incoming LIMIT 0").df().columns
    n_expr = "i.n" if has_n else "NULL"
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE staged AS
            SELECT i.indicator, i.period, CAST(i.industry AS VARCHAR) AS industry,
                   CAST(i.province AS VARCHAR) AS province, CAST(i.value AS DOUBLE) AS value,
                   i.unit, CAST({n_expr} AS BIGINT) AS n, c.obs_id AS current_id,
                   c.value AS current_value
            FROM incoming i LEFT JOIN (SELECT * FROM ({current_sql()}) WHERE origin = ?) c
              ON c.indicator = i.indicator AND c.period = i.period
             AND c.industry = CAST(i.industry AS VARCHAR)
             AND c.province = CAST(i.province AS VARCHAR)
            WHERE i.value IS NOT NULL AND isfinite(CAST(i.value AS DOUBLE))""",
        [origin.value],
    )
    same = f"abs(value - current_value) <= {SAME_VALUE_TOLERANCE} * greatest(1, abs(value))"
    merged = first_row(con.execute(
        f"""INSERT INTO provenance (obs_id, source_id)
            SELECT current_id, ? FROM staged
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
               unit, vintage, n, simulated, conflict, supersedes, origin)
           SELECT obs_id, indicator, period, industry, province, value, unit, ?, n, ?,
                  false, current_id, ? FROM fresh""",
        [vintage, origin is Origin.SIMULATED, origin.value],
    )
    con.execute("INSERT INTO provenance (obs_id, source_id) SELECT obs_id, ? FROM fresh",
                [source.source_id])
    counts = first_row(con.execute(
        "SELECT count(*) FILTER (current_id IS NULL), count(*) FILTER (current_id IS NOT NULL)"
        " FROM fresh"
    ))
    assert counts is not None and merged is not None
    con.execute("DROP TABLE fresh")
    con.execute("DROP TABLE staged")
    return RecordResult(added=counts[0], revised=counts[1], merged=merged[0])


# -- reading ------------------------------------------------------------------------------
def parse_as_of(as_of: str | dt.date | None) -> dt.datetime | None:
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


def _values(wanted: str | Sequence[str] | None) -> list[str] | None:
    if wanted is None:
        return None
    return [wanted] if isinstance(wanted, str) else [str(w) for w in wanted]


def filters(
    *, indicator: str | Sequence[str] | None = None, period: str | Sequence[str] | None = None,
    start: str | None = None, end: str | None = None,
    industry: str | Sequence[str] | None = None, province: str | Sequence[str] | None = None,
    origin: str | Origin | Sequence[str | Origin] | None = None,
    conflict: bool | None = None,
) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    origins = None if origin is None else [
        Origin.parse(o).value for o in ([origin] if isinstance(origin, str) else origin)]
    for column, values in (("indicator", _values(indicator)), ("period", _values(period)),
                           ("industry", _values(industry)), ("province", _values(province)),
                           ("origin", origins)):
        if values is None:
            continue
        where.append(f"{column} IN ({marks(values)})" if values else "false")
        params.extend(values)
    if start is not None:
        where.append("period_end_month(period) >= ?")
        params.append(start)
    if end is not None:
        where.append("period_end_month(period) <= ?")
        params.append(end)
    if conflict is not None:
        where.append("conflict" if conflict else "NOT conflict")
    return where, params


def observations_sql(
    where: list[str], *, as_of: dt.datetime | None, history: bool, with_sources: bool,
    clearance: Clearance | None = None,
) -> str:
    """The observations matching ``where``, each with the disclosure decision on its
    cell (``suppressed``: the reason, or null) and, for a reader whose ``clearance``
    does not cover a suppressed cell, its value and enterprise count withheld (null,
    ``withheld`` true). ``clearance`` None reads everything (the store's owner)."""
    base = "SELECT * FROM observations" if history else current_sql(as_of)
    if history and as_of is not None:
        where = [*where, f"vintage <= TIMESTAMP '{as_of.isoformat(sep=' ')}'"]
    sources = (""", (SELECT string_agg(source_id, ';' ORDER BY source_id)
                    FROM provenance p WHERE p.obs_id = o.obs_id) AS sources"""
               if with_sources else "")
    hidden = f"(d.reason IS NOT NULL AND NOT {cleared_sql(clearance)})"
    columns = [f"CASE WHEN {hidden} THEN NULL ELSE o.{c} END AS {c}" if c in ("value", "n")
               else "o." + c for c in (c.strip() for c in OBSERVATION_COLUMNS.split(","))]
    return f"""SELECT {", ".join(columns)}, d.reason AS suppressed, {hidden} AS withheld
                      {sources}
               FROM (SELECT * FROM ({base}) {"WHERE " + " AND ".join(where) if where else ""}) o
               LEFT JOIN disclosure d ON o.origin <> 'published' AND d.period = o.period
                    AND d.industry = o.industry AND d.province = o.province
               ORDER BY o.indicator, o.period, o.industry, o.province, o.origin, o.vintage"""


_CODE = re.compile(r"^[0-9A-Za-z_-]{1,32}$")


def cleared_sql(clearance: Clearance | None) -> str:
    """A SQL condition on ``o.province``: the reader may see a suppressed cell's value.

    Province codes come from a user's scope; anything but a plain code is refused, so
    writing them into the query is safe."""
    if clearance is None or clearance.full:
        return "true"
    codes = sorted(clearance.provinces - {ALL})
    if not codes:
        return "false"
    for code in codes:
        if not _CODE.match(code):
            raise ConfigError(f"province code {code!r} in a clearance is not a plain code")
    return "o.province IN (" + ", ".join(f"'{c}'" for c in codes) + ")"


def observation_from_row(row: dict[str, Any]) -> Observation:
    """An observation from a row of a data frame or of ``fetchall`` (a pandas Timestamp
    or a datetime; NaN, NA or None where missing)."""
    vintage = row["vintage"]
    if hasattr(vintage, "to_pydatetime"):  # a pandas Timestamp, without importing pandas
        vintage = vintage.to_pydatetime()
    n = row.get("n")
    supersedes = row.get("supersedes")
    return Observation(
        obs_id=int(row["obs_id"]), indicator=str(row["indicator"]),
        period=Period.parse(str(row["period"])), industry=str(row["industry"]),
        province=str(row["province"]),
        value=math.nan if _missing(row["value"]) else float(row["value"]),
        unit=str(row["unit"]),
        vintage=vintage, origin=Origin(str(row["origin"])),
        n=_optional_int(n), conflict=bool(row.get("conflict") or False),
        supersedes=_optional_int(supersedes),
        suppressed=_text(row.get("suppressed")) or None,
        withheld=bool(row.get("withheld") or False),
    )



def provenance_record(con: duckdb.DuckDBPyConnection, obs_id: int, path: str
                      ) -> ProvenanceRecord:
    frame = con.execute(
        f"SELECT {OBSERVATION_COLUMNS} FROM observations WHERE obs_id = ?", [obs_id]).df()
    if frame.empty:
        raise NotFound(f"no observation {obs_id} in the store {path}")
    obs = observation_from_row(frame.iloc[0].to_dict())
    cited = cited_by(con, [obs_id]).get(obs_id, [])
    history = con.execute(
        f"""SELECT {OBSERVATION_COLUMNS} FROM observations
            WHERE indicator = ? AND period = ? AND industry = ? AND province = ?
              AND origin = ? ORDER BY vintage, obs_id""",
        [obs.indicator, obs.period.text, obs.industry, obs.province, obs.origin.value],
    ).df()
    vintages = [observation_from_row(r) for r in history.to_dict("records")]
    disagreeing: list[Observation] = []
    if obs.conflict:
        others = con.execute(
            f"""SELECT {OBSERVATION_COLUMNS} FROM ({current_sql()})
                WHERE indicator = ? AND period = ? AND industry = ? AND province = ?
                  AND origin = ? AND conflict AND obs_id <> ? ORDER BY vintage, obs_id""",
            [obs.indicator, obs.period.text, obs.industry, obs.province, obs.origin.value,
             obs_id],
        ).df()
        disagreeing = [observation_from_row(r) for r in others.to_dict("records")]
    return ProvenanceRecord(obs, tuple(cited), tuple(vintages), tuple(disagreeing))


def cited_by(con: duckdb.DuckDBPyConnection, obs_ids: Sequence[int]
             ) -> dict[int, list[Provenance]]:
    """Every source behind each observation, oldest publication first."""
    if not obs_ids:
        return {}
    frame = con.execute(
        """SELECT p.obs_id, p.span_start, p.span_end, p.mention, p.subject, p.note, s.*
           FROM provenance p JOIN sources s USING (source_id)
           WHERE p.obs_id IN (SELECT unnest(CAST(? AS BIGINT[])))
           ORDER BY s.published NULLS LAST, s.source_id, p.span_start""",
        [list(obs_ids)],
    )
    out: dict[int, list[Provenance]] = {}
    for row in records(frame):
        start, end = row["span_start"], row["span_end"]
        span = None if _missing(start) else (int(start), int(end))
        out.setdefault(int(row["obs_id"]), []).append(Provenance(
            source_from_row(row), span, _text(row.get("mention")), _text(row.get("subject")),
            _text(row.get("note")),
        ))
    return out


def conflicts_sql() -> str:
    return f"""SELECT o.indicator, o.period, o.industry, o.province, o.origin, o.value, o.unit,
                      o.obs_id, p.source_id, s.title, s.publisher, s.published, p.mention,
                      p.note
               FROM ({current_sql()}) o JOIN provenance p USING (obs_id)
               JOIN sources s USING (source_id)
               WHERE o.conflict ORDER BY o.indicator, o.period, o.value"""


def indicators_with(con: duckdb.DuckDBPyConnection, dimension: str,
                    origin: Sequence[str] | None = None) -> set[str]:
    """Indicators that have any figure broken down by ``industry`` or ``province``."""
    column = _dimension(dimension)
    where, params = filters(origin=origin)
    extra = (" AND " + " AND ".join(where)) if where else ""
    rows = con.execute(
        f"SELECT DISTINCT indicator FROM observations WHERE {column} <> 'ALL'{extra}", params
    ).fetchall()
    return {str(r[0]) for r in rows}


def periods_with(con: duckdb.DuckDBPyConnection, indicator: str, dimension: str,
                 origin: Sequence[str] | None = None) -> list[str]:
    """Periods for which ``indicator`` is broken down by the dimension, in time order."""
    column = _dimension(dimension)
    where, params = filters(origin=origin)
    extra = (" AND " + " AND ".join(where)) if where else ""
    rows = con.execute(
        f"""SELECT DISTINCT period FROM observations
            WHERE indicator = ? AND {column} <> 'ALL'{extra}""", [indicator, *params]
    ).fetchall()
    return sorted((str(r[0]) for r in rows), key=lambda t: Period.parse(t).sort_key())


def _dimension(dimension: str) -> str:
    if dimension not in ("industry", "province"):
        raise ConfigError(f"dimension {dimension!r} is not one of industry, province")
    return dimension


def _missing(value: object) -> bool:
    if value is None or (isinstance(value, float) and value != value):
        return True
    # pandas' NA and NaT, checked only where pandas was imported (a frame's row)
    pd = sys.modules.get("pandas")
    return pd is not None and (value is pd.NA or value is pd.NaT)


def _optional_int(value: Any) -> int | None:
    return None if _missing(value) else int(value)


def _text(value: object) -> str:
    return "" if _missing(value) else str(value)


# -- added for the report card --
def periods_of(con: duckdb.DuckDBPyConnection, origin: Sequence[str] | None = None
               ) -> list[str]:
    """Every period with a current figure (of these origins), in time order."""
    where, params = filters(origin=origin)
    rows = con.execute(
        f"SELECT DISTINCT period FROM ({current_sql()}) o"
        + (" WHERE " + " AND ".join(where) if where else ""), params
    ).fetchall()
    return sorted((str(r[0]) for r in rows), key=lambda t: Period.parse(t).sort_key())
