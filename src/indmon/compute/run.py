"""Run the computations and keep their results in the store, with provenance.

>>> summary = run_compute(store, start="2023-01", end="2023-12")   # doctest: +SKIP
>>> export_indicators(store, Path("indicators.csv"))                # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import json
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
from indmon.compute.aggregate import Needs, cell_sums, group_sums, rollup
from indmon.compute.contributions import va_contribution_pp
from indmon.compute.counts import industries_growing_ytd, provinces_faster_ytd, va_yoy_streak
from indmon.compute.disclosure import DEFAULT_RULE, DisclosureRule, disclosure_decisions
from indmon.compute.engines import connect, materialized, memory_budget
from indmon.compute.growth import (
    enterprises,
    loss_making_ytd,
    loss_ytd,
    output_ytd_yoy,
    profit_ytd,
    profit_ytd_yoy,
    revenue_ytd_yoy,
    va_real_yoy,
    va_real_ytd_yoy,
    va_yoy,
    va_ytd_yoy,
)
from indmon.compute.inputs import InputStats, input_stats, input_tables
from indmon.compute.sample import (
    FIGURES,
    enterprise_years,
    month_text,
    placed_reports,
    price_indices,
    year_pairs,
)
from indmon.errors import ComputeError, ConfigError
from indmon.periods import check_month, month_from_index, month_index, months_between
from indmon.store import Clearance, Origin, RecordResult, Source, Store

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


@dataclass(frozen=True)
class Indicator:
    """How one indicator is made from the cell table, and which parts of the cell
    sums (:data:`indmon.compute.aggregate.PART_SUMS`) it reads."""

    build: Callable[[ir.Table], ir.Table]
    parts: tuple[str, ...]


#: every computed indicator, in the catalogue's order
INDICATORS: dict[str, Indicator] = {
    "va_yoy": Indicator(va_yoy, ("monthly", "ytd")),
    "va_ytd_yoy": Indicator(va_ytd_yoy, ("ytd",)),
    "va_real_yoy": Indicator(va_real_yoy, ("monthly", "ytd", "real")),
    "va_real_ytd_yoy": Indicator(va_real_ytd_yoy, ("ytd", "real")),
    "output_ytd_yoy": Indicator(output_ytd_yoy, ("ytd", "output")),
    "revenue_ytd_yoy": Indicator(revenue_ytd_yoy, ("ytd", "revenue")),
    "profit_ytd": Indicator(profit_ytd, ("year",)),
    "profit_ytd_yoy": Indicator(profit_ytd_yoy, ("ytd", "profit_s")),
    "loss_making_ytd": Indicator(loss_making_ytd, ("year",)),
    "loss_ytd": Indicator(loss_ytd, ("year",)),
    "enterprises": Indicator(enterprises, ("reported",)),
    "va_contribution_pp": Indicator(va_contribution_pp, ("ytd",)),
    "industries_growing_ytd": Indicator(
        lambda cells: industries_growing_ytd(va_ytd_yoy(cells)), ("ytd",)),
    "provinces_faster_ytd": Indicator(
        lambda cells: provinces_faster_ytd(va_ytd_yoy(cells)), ("ytd",)),
    "va_yoy_streak": Indicator(lambda cells: va_yoy_streak(va_yoy(cells)),
                               ("monthly", "ytd")),
}


def chosen_indicators(only: Collection[str] | None) -> list[str]:
    """The indicators of a run: ``only`` (checked), or every one."""
    if only is None:
        return list(INDICATORS)
    unknown = set(only) - set(INDICATORS)
    if unknown:
        raise ConfigError(f"no computed indicator {sorted(unknown)}; "
                          f"choose from {sorted(INDICATORS)}")
    return [name for name in INDICATORS if name in only]


def needs_of(names: Collection[str]) -> Needs:
    """What computing ``names`` reads and sums."""
    return Needs.of(part for name in names for part in INDICATORS[name].parts)


def indicator_table(cells: ir.Table, names: Collection[str]) -> ir.Table:
    """The indicators ``names`` of every cell, as long rows (``idx`` still a month
    number)."""
    return ibis.union(*(INDICATORS[name].build(cells) for name in names))


def with_periods(rows: ir.Table) -> ir.Table:
    return rows.select(
        "indicator", period=month_text(rows.idx), industry=rows.industry,
        province=rows.province, value=rows.value, unit=rows.unit, n=rows.n,
    )


def _compute(
    backend: BaseBackend, store: Store, first: str, last: str, step: Step,
    only: Collection[str] | None = None,
) -> pd.DataFrame:
    """The indicators of months ``first..last`` on ``backend``.

    Kept while the run lasts, as later steps read them more than once: the current
    reports when they are joined to their enterprise-years (read for those and for the
    join), the enterprise-years (read for this year, last year, next year and the
    classification) and the rolled-up cells (read by every indicator).
    """
    names = chosen_indicators(only)
    needs = needs_of(names)
    start, end = month_index(first), month_index(last)
    base = start - start % 12 - 12  # January of the year before
    step("reading enterprise reports")
    columns = ["enterprise_id", "period", "industry", "province",
               *(FIGURES[f] for f in needs.figures)]
    reports, prices = input_tables(backend, store, month_from_index(base), last, columns)
    with memory_budget(backend), kept(backend, reports, needs.joined) as current, \
            materialized(backend, enterprise_years(current, needs.pivoted)) as years:
        step("summing comparable samples per cell")
        pairs = year_pairs(years, needs.pivoted, needs.last_pivoted, following=needs.joined)
        placed = placed_reports(current, pairs, needs.figures) if needs.joined else None
        groups = group_sums(pairs.filter(pairs.y >= start // 12), needs, placed)
        fine = cell_sums(groups, price_indices(prices) if needs.prices else None, needs,
                         start, end)
        with materialized(backend, rollup(fine, needs.sums)) as cells:
            step("computing indicators")
            frame = with_periods(indicator_table(cells, names)).to_pandas()
    return _tidy(frame)


@contextmanager
def kept(backend: BaseBackend, table: ir.Table, keep: bool) -> Iterator[ir.Table]:
    """``table`` materialized when ``keep``, else as it is."""
    if not keep:
        yield table
        return
    with materialized(backend, table) as done:
        yield done


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
    progress: bool = False, disclosure: DisclosureRule = DEFAULT_RULE,
) -> ComputeSummary:
    """Compute every indicator for months ``start..end`` (default: every month with
    reports) and record them in the store as one computation source, with the cells
    that ``disclosure`` makes confidential (:mod:`indmon.compute.disclosure`)."""
    began = time.perf_counter()
    first, last = month_range(store, start, end)
    base = month_from_index(month_index(first) - month_index(first) % 12 - 12)
    stats = input_stats(store, base, last)
    run_id = dt.datetime.now().strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
    with _progress(progress) as step:
        backend = connect(engine, store)
        frame = _compute(backend, store, first, last, step)
        _refuse_non_finite(frame, first, last)
        step("deciding which cells are confidential")
        decisions = confidential_cells(backend, store, first, last, frame, disclosure)
        step(f"recording {len(frame):,} figures")
        source = _source(run_id, engine, first, last, stats)
        source.details["disclosure"] = disclosure.as_dict()
        recorded = store.record_frame(frame, source, disclosure=decisions,
                                      disclosure_periods=months_between(first, last))
    return ComputeSummary(
        run_id=run_id, source_id=f"compute:{run_id}", engine=engine, start=first, end=last,
        months=tuple(months_between(first, last)), rows=len(frame), recorded=recorded,
        input_vintage=stats.input_vintage, simulated=stats.simulated,
        seconds=time.perf_counter() - began,
    )


def confidential_cells(backend: BaseBackend, store: Store, first: str, last: str,
                       frame: pd.DataFrame, rule: DisclosureRule) -> pd.DataFrame:
    """The suppressed cells of months ``first..last`` (year-to-date magnitudes need the
    reports from January of ``first``'s year)."""
    january = first[:4] + "-01"
    reports, _ = input_tables(backend, store, january, last)
    return disclosure_decisions(reports, first, frame, rule)


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


#: who an export is for by default: the public (suppressed cells left empty)
PUBLIC = Clearance.public()


def export_indicators(store: Store, out: Path,
                      clearance: Clearance | None = PUBLIC) -> int:
    """Write the current computed figures to ``out`` (``.csv`` or ``.parquet``) in the
    format of indicator-results.md, with their ``origin`` (``computed``, or
    ``simulated`` when computed from simulated reports), a ``simulated`` flag and, for a
    confidential cell, why it is ``suppressed``; returns the rows written. Beside it,
    ``<out>.meta.json`` (:func:`export_metadata`) describes each indicator: names in
    English and Chinese, unit, period kind, sources and whether it is simulated.

    An export is for publication by default: a suppressed cell's value and n are left
    empty. ``clearance=None`` (``--confidential``) writes them, still marked."""
    suffix = out.suffix.lower()
    if suffix not in (".csv", ".parquet"):
        raise ConfigError(f"{out}: the export format follows the file name; end it in .csv "
                          "or .parquet")
    frame = _current_computed(store, clearance)
    out.parent.mkdir(parents=True, exist_ok=True)
    written = frame[EXPORT_COLUMNS]
    writer: Any = written.to_csv if suffix == ".csv" else written.to_parquet
    writer(out, index=False)
    meta = export_metadata(store, frame, out, confidential=clearance is None)
    metadata_path(out).write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n",
                                  encoding="utf-8")
    return len(frame)


def metadata_path(out: Path) -> Path:
    """Where an export's metadata goes: ``indicators.csv.meta.json`` beside the file."""
    return out.with_name(out.name + ".meta.json")


#: the columns of an export: indicator-results.md's, then where each figure comes from
EXPORT_COLUMNS = [*RESULT_COLUMNS, "origin", "simulated", "suppressed"]
#: what each column of an export holds, for its metadata file
COLUMN_NOTES = {
    "indicator": "indicator id (see 'indicators' below)",
    "period": "YYYY-MM; for a year-to-date indicator, the last month of the span",
    "industry": "GB/T 4754-2017 division code, or ALL",
    "province": "GB/T 2260 province code, or ALL",
    "value": "the figure in the indicator's unit; empty for a suppressed cell",
    "unit": "unit id of the catalogue (see each indicator's unit names)",
    "n": "enterprises the figure rests on; empty for a suppressed cell",
    "origin": "computed (from real reports) or simulated (from simulated reports)",
    "simulated": "true when computed from simulated reports: not official statistics",
    "suppressed": "why a confidential cell is suppressed, else empty",
}


def export_metadata(store: Store, frame: pd.DataFrame, out: Path, *,
                    confidential: bool = False) -> dict[str, Any]:
    """An export's sidecar: the file, its columns, and per indicator its names (EN/ZH),
    unit, period kind, origins, simulated flag, row count and the sources of its
    figures (publisher, title, date)."""
    from indmon.catalogue import units

    catalogue = Catalogue.load()
    indicators = []
    for ident, rows in frame.groupby("indicator", sort=True):
        indicator = catalogue.indicator(str(ident))
        source_ids = sorted({sid for text in rows["sources"].dropna()
                             for sid in str(text).split(";") if sid})
        sources = [store.source(sid) for sid in source_ids]
        indicators.append({
            "id": indicator.id, "name_en": indicator.name_en, "name_zh": indicator.name_zh,
            "unit": indicator.unit, "unit_en": units.unit_label(indicator.unit, "en"),
            "unit_zh": units.unit_label(indicator.unit, "zh"),
            "measure": indicator.measure, "frequency": indicator.frequency,
            # a computation's periods are months: single months, or years to date
            # named by their last month
            "period_kind": "ytd" if "ytd" in indicator.id.split("_") else "month",
            "rows": len(rows), "origins": sorted(set(rows["origin"])),
            "simulated": bool(rows["simulated"].any()),
            "sources": [{"source_id": s.source_id, "kind": s.kind, "publisher": s.publisher,
                         "title": s.title, "published": s.published_date.isoformat()
                         if s.published_date else None, "simulated": s.simulated}
                        for s in sources],
        })
    return {
        "file": out.name, "rows": len(frame),
        "written": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "confidential": confidential,
        "note": ("confidential cells included: not for publication" if confidential else
                 "suppressed cells are left empty; the 'suppressed' column says why"),
        "simulated": bool(frame["simulated"].any()) if len(frame) else False,
        "columns": {c: COLUMN_NOTES[c] for c in EXPORT_COLUMNS},
        "indicators": indicators,
    }


def _current_computed(store: Store, clearance: Clearance | None) -> pd.DataFrame:
    """Current figures of the computed indicators for single months (the periods a
    computation produces), whatever computation made them, with their sources."""
    frame = store.observations(computed_indicator_ids(),
                               origin=[Origin.COMPUTED, Origin.SIMULATED],
                               clearance=clearance)
    monthly = frame[frame["period"].astype(str).str.fullmatch(r"\d{4}-\d{2}")]
    out = monthly[[*EXPORT_COLUMNS, "sources"]].astype({"n": "Int64", "simulated": bool})
    return out.sort_values([*EXPORT_COLUMNS[:4], "origin"], ignore_index=True)


__all__ = ["METHOD_VERSION", "ComputeSummary", "compute_indicators", "export_indicators",
           "run_compute"]
