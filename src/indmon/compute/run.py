"""Run the computations and keep their results in the store, with provenance.

>>> summary = run_compute(store, start="2023-01", end="2023-12")   # doctest: +SKIP
>>> export_indicators(store, Path("indicators.csv"))                # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import time
import uuid
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ibis
import ibis.expr.types as ir
import numpy as np
import pandas as pd
from ibis.backends import BaseBackend

from indmon.catalogue import Catalogue
from indmon.compute.aggregate import cell_sums, rollup, side_sums
from indmon.compute.contributions import va_contribution_pp
from indmon.compute.counts import industries_growing_ytd, provinces_faster_ytd, va_yoy_streak
from indmon.compute.engines import connect, materialized, memory_budget
from indmon.compute.growth import CELL_INDICATORS, va_yoy, va_ytd_yoy
from indmon.compute.inputs import InputStats, input_stats, input_tables
from indmon.compute.sample import (
    enterprise_years,
    month_text,
    monthly_reports,
    price_indices,
    report_sides,
    year_pairs,
)
from indmon.errors import ComputeError, ConfigError
from indmon.periods import check_month, month_from_index, month_index, months_between
from indmon.store import Origin, RecordResult, Source, Store

#: bump when a definition changes, so stored figures say which method made them
METHOD_VERSION = "1"
RESULT_COLUMNS = ["indicator", "period", "industry", "province", "value", "unit", "n"]
Step = Callable[[str], None]


@dataclass(frozen=True)
class ComputeSummary:
    """What one compute run did."""

    run_id: str
    source_id: str
    engine: str
    start: str
    end: str
    months: tuple[str, ...]
    rows: int
    recorded: RecordResult
    input_vintage: int | None
    simulated: bool
    seconds: float


def month_range(store: Store, start: str | None, end: str | None) -> tuple[str, str]:
    """``start..end`` checked, with the months of the reports as the default."""
    stats = input_stats(store)
    if stats.reports == 0:
        raise ComputeError(
            f"there are no enterprise reports in the store {store.path}; import some with "
            "'indmon import reports FILE' (or generate a demo panel) before computing"
        )
    first = check_month(start) if start else str(stats.first)
    last = check_month(end) if end else str(stats.last)
    if first > last:
        raise ConfigError(f"--from {first} is after --to {last}; give the earlier month first")
    return first, last


def indicator_table(cells: ir.Table, only: Collection[str] | None = None) -> ir.Table:
    """Every indicator (or those in ``only``) of every cell, as long rows (``idx`` still
    a month number)."""
    growth_ytd = va_ytd_yoy(cells)
    monthly = va_yoy(cells)
    parts = {f.__name__: f(cells) for f in CELL_INDICATORS}
    parts.update(va_contribution_pp=va_contribution_pp(cells),
                 industries_growing_ytd=industries_growing_ytd(growth_ytd),
                 provinces_faster_ytd=provinces_faster_ytd(growth_ytd),
                 va_yoy_streak=va_yoy_streak(monthly))
    unknown = set(only or ()) - set(parts)
    if unknown:
        raise ConfigError(f"no computed indicator {sorted(unknown)}; choose from {sorted(parts)}")
    return ibis.union(*(part for name, part in parts.items() if only is None or name in only))


def with_periods(rows: ir.Table) -> ir.Table:
    return rows.select(
        "indicator", period=month_text(rows.idx), industry=rows.industry,
        province=rows.province, value=rows.value, unit=rows.unit, n=rows.n,
    )


def _compute(
    backend: BaseBackend, store: Store, first: str, last: str, step: Step,
    only: Collection[str] | None = None,
) -> pd.DataFrame:
    base = month_index(first) - month_index(first) % 12 - 12  # January of the year before
    step("reading enterprise reports")
    reports, prices = input_tables(backend, store, month_from_index(base), last)
    with memory_budget(backend), \
            materialized(backend, monthly_reports(reports, base, month_index(last))) as monthly:
        step("placing enterprises in comparable samples")
        with materialized(backend, year_pairs(enterprise_years(monthly))) as pairs:
            step("summing comparable samples per cell")
            sums = side_sums(report_sides(monthly, pairs), price_indices(prices))
            with materialized(backend, sums) as summed:
                fine = cell_sums(summed, pairs, month_index(first), month_index(last))
                frame = _indicators(backend, fine, step, only)
    return _tidy(frame)



def _indicators(
    backend: BaseBackend, sums: ir.Table, step: Step, only: Collection[str] | None
) -> pd.DataFrame:
    step("rolling up to sectors, provinces and the country")
    with materialized(backend, sums) as fine, \
            materialized(backend, rollup(fine)) as cells:
        step("computing indicators")
        return with_periods(indicator_table(cells, only)).to_pandas()


def _tidy(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame[RESULT_COLUMNS].astype(
        {"indicator": str, "period": str, "industry": str, "province": str,
         "value": "float64", "unit": str, "n": "int64"}
    )
    return frame.sort_values(RESULT_COLUMNS[:4], ignore_index=True)


def compute_indicators(
    store: Store, *, engine: str = "duckdb", start: str | None = None, end: str | None = None,
    indicators: Collection[str] | None = None, step: Step | None = None,
) -> pd.DataFrame:
    """Every computed indicator (or only ``indicators``) for months ``start..end``,
    without storing anything.

    Columns: indicator, period, industry, province, value, unit, n (the format of
    shared/formats/indicator-results.md). ``step`` is told what is being done.
    """
    first, last = month_range(store, start, end)
    return _compute(connect(engine, store), store, first, last, step or (lambda _: None),
                    indicators)


def _source(run_id: str, engine: str, first: str, last: str, stats: InputStats) -> Source:
    return Source(
        source_id=f"compute:{run_id}", kind="computation", publisher="indmon",
        title="Computed from enterprise reports", published=dt.datetime.now(),
        simulated=stats.simulated,
        details={"method_version": METHOD_VERSION, "engine": engine,
                 "input_vintage": stats.input_vintage, "from": first, "to": last},
    )


def run_compute(
    store: Store, *, engine: str = "duckdb", start: str | None = None, end: str | None = None,
    progress: bool = False,
) -> ComputeSummary:
    """Compute every indicator for months ``start..end`` (default: every month with
    reports) and record them in the store as one computation source."""
    began = time.perf_counter()
    first, last = month_range(store, start, end)
    base = month_from_index(month_index(first) - month_index(first) % 12 - 12)
    stats = input_stats(store, base, last)
    run_id = dt.datetime.now().strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
    with _progress(progress) as step:
        frame = _compute(connect(engine, store), store, first, last, step)
        _refuse_non_finite(frame, first, last)
        step(f"recording {len(frame):,} figures")
        recorded = store.record_frame(frame, _source(run_id, engine, first, last, stats))
    return ComputeSummary(
        run_id=run_id, source_id=f"compute:{run_id}", engine=engine, start=first, end=last,
        months=tuple(months_between(first, last)), rows=len(frame), recorded=recorded,
        input_vintage=stats.input_vintage, simulated=stats.simulated,
        seconds=time.perf_counter() - began,
    )


def _refuse_non_finite(frame: pd.DataFrame, first: str, last: str) -> None:
    """A figure that is not a finite number (a sum that overflowed) cannot be stored, and
    storing the others would leave the old figure of its cell current without a word:
    the run records nothing and says which figures, so the inputs can be corrected."""
    bad = frame[~np.isfinite(frame["value"].to_numpy(dtype="float64"))]
    if bad.empty:
        return
    shown = "; ".join(
        f"{r.indicator} {r.period} industry {r.industry} province {r.province} = {r.value}"
        for r in bad.head(5).itertuples()
    )
    more = f" and {len(bad) - 5:,} more" if len(bad) > 5 else ""
    raise ComputeError(
        f"the computation for {first}..{last} gave {len(bad):,} non-finite figure(s): "
        f"{shown}{more}; nothing was recorded, so the stored figures stay as they were. "
        "Some enterprise reports of those cells hold implausible values (stored before "
        "intake checked plausible bounds): find them with indmon query --sql on "
        "current_reports and send corrections"
    )


@contextmanager
def _progress(show: bool) -> Iterator[Step]:
    """A rich spinner naming the current step, or nothing."""
    if not show:
        yield lambda _: None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, transient=False) as bar:
        task = bar.add_task("starting", total=None)
        yield lambda text: bar.update(task, description=text)
        bar.update(task, description="done")


def computed_indicator_ids(catalogue: Catalogue | None = None) -> list[str]:
    cat = catalogue or Catalogue.load()
    return sorted(i.id for i in cat.indicators.values() if i.derivation == "computed")


def export_indicators(store: Store, out: Path) -> int:
    """Write the current computed figures to ``out`` (``.csv`` or ``.parquet``) in the
    format of indicator-results.md, with their ``origin`` (``computed``, or
    ``simulated`` when computed from simulated reports); returns the rows written."""
    suffix = out.suffix.lower()
    if suffix not in (".csv", ".parquet"):
        raise ConfigError(f"{out}: the export format follows the file name; end it in .csv "
                          "or .parquet")
    frame = _current_computed(store)
    out.parent.mkdir(parents=True, exist_ok=True)
    writer: Any = frame.to_csv if suffix == ".csv" else frame.to_parquet
    writer(out, index=False)
    return len(frame)


#: the columns of an export: indicator-results.md's, then where each figure comes from
EXPORT_COLUMNS = [*RESULT_COLUMNS, "origin"]


def _current_computed(store: Store) -> pd.DataFrame:
    """Current figures of the computed indicators for single months (the periods a
    computation produces), whatever computation made them."""
    frame = store.observations(computed_indicator_ids(),
                               origin=[Origin.COMPUTED, Origin.SIMULATED])
    monthly = frame[frame["period"].astype(str).str.fullmatch(r"\d{4}-\d{2}")]
    out = monthly[EXPORT_COLUMNS].astype({"n": "Int64"})
    return out.sort_values([*EXPORT_COLUMNS[:4], "origin"], ignore_index=True)


__all__ = ["METHOD_VERSION", "ComputeSummary", "compute_indicators", "export_indicators",
           "run_compute"]
