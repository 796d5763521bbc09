"""``indmon compute`` and ``indmon export indicators``: statistics from enterprise reports."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from indmon.cli.common import (
    Output,
    console,
    handle_errors,
    open_for_reading,
    open_store,
    print_frame,
)
from indmon.errors import ConfigError

if TYPE_CHECKING:
    from indmon.compute import ComputeSummary
    from indmon.store import Store

#: the engines of ``--engine``: indmon.compute.engines.ENGINES, which imports Ibis, so
#: written here for ``indmon --help`` (tests/cli/test_startup.py checks they agree)
ENGINES = ("duckdb", "spark")
#: the file formats ``indmon export indicators`` writes, by file name ending
EXPORT_SUFFIXES = (".csv", ".parquet")


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command("compute")(compute)
    app.command("suppressed")(suppressed)
    export = typer.Typer(help="Write figures from the store to files.", no_args_is_help=True)
    export.command("indicators")(indicators)
    app.add_typer(export, name="export")


@handle_errors
def compute(
    engine: Annotated[str, typer.Option(help=f"the engine: {' or '.join(ENGINES)}")] = "duckdb",
    start: Annotated[str | None, typer.Option("--from", help="first month, YYYY-MM; default: "
                                              "the first month with reports")] = None,
    end: Annotated[str | None, typer.Option("--to", help="last month, YYYY-MM; default: the "
                                            "last month with reports")] = None,
    monitor: Annotated[bool, typer.Option("--monitor", help="then run monitoring for each "
                                          "computed month")] = False,
    min_enterprises: Annotated[int, typer.Option(
        "--min-enterprises", help="suppress cells with fewer enterprises than this (0: "
        "none)")] = 3,
    max_share_one: Annotated[float, typer.Option(
        "--max-share-one", help="suppress cells where one enterprise holds more than this "
        "share of revenue or value added (1: never)")] = 0.5,
    max_share_two: Annotated[float, typer.Option(
        "--max-share-two", help="suppress cells where two enterprises hold more than this "
        "share (1: never)")] = 0.75,
) -> None:
    """Compute every indicator from the current enterprise reports and store the figures,
    each with this computation as its provenance, and decide which cells are
    confidential (statistical disclosure control: docs/disclosure.md).

    Example: indmon compute --from 2023-01 --to 2023-12 --monitor
    """
    from indmon.compute import run_compute
    from indmon.compute.disclosure import DisclosureRule

    rule = DisclosureRule(min_enterprises, max_share_one, max_share_two)
    if engine not in ENGINES:
        raise ConfigError(f"--engine {engine!r} is not one of {', '.join(ENGINES)}")
    for option, month in (("--from", start), ("--to", end)):
        if month is not None:
            _month(month, option)
    with open_store() as store:
        summary = run_compute(store, engine=engine, start=start, end=end, progress=True,
                              disclosure=rule)
        console.print(_describe(summary))
        if monitor:
            _monitor(store, summary)


def _describe(summary: ComputeSummary) -> str:
    recorded = summary.recorded
    flag = " [bold yellow](SIMULATED input data)[/]" if summary.simulated else ""
    return (
        f"{summary.rows:,} figures for {summary.start}..{summary.end} on {summary.engine} in "
        f"{summary.seconds:.1f} s{flag}: {recorded.added:,} new, {recorded.revised:,} revised, "
        f"{recorded.merged:,} unchanged. Source {summary.source_id}"
    )


def _monitor(store: Store, summary: ComputeSummary) -> None:
    # imported here: monitoring is optional for a compute run and loads its rule files
    from indmon.monitor import run_monitoring

    for month in summary.months:
        result = run_monitoring(store, period=month)
        console.print(f"monitoring {month}: {result.raised} alerts, {result.new} new")


@handle_errors
def indicators(
    out: Annotated[Path, typer.Option("--out", help="the file to write: .csv or .parquet")],
    confidential: Annotated[bool, typer.Option(
        "--confidential", help="also write the values of suppressed cells (still marked); "
        "not for publication")] = False,
) -> None:
    """Write every current computed figure in the indicator-results format (indicator,
    period, industry, province, value, unit, n), then origin, simulated and suppressed,
    and beside it FILE.meta.json: each indicator's names (EN/ZH), unit, period kind,
    sources and simulated flag.

    The format follows the file name: .csv or .parquet. Works while 'indmon serve' runs
    on the same store.

    Example: indmon export indicators --out indicators.parquet
    """
    if out.suffix.lower() not in EXPORT_SUFFIXES:
        raise ConfigError(f"--out {str(out)!r}: the format follows the file name, and "
                          f"{out.suffix or 'no ending'!r} is not one of "
                          f"{', '.join(EXPORT_SUFFIXES)}")
    from indmon.compute import export_indicators
    from indmon.store import Clearance

    with open_for_reading() as store:
        rows = export_indicators(store, out,
                                 clearance=None if confidential else Clearance.public())
    note = (" (confidential cells included: not for publication)" if confidential
            else "; suppressed cells are left empty, see the 'suppressed' column")
    from indmon.compute.run import metadata_path

    console.print(f"{rows:,} figures written to {out}{note}; metadata in "
                  f"{metadata_path(out)}")


@handle_errors
def suppressed(
    period: Annotated[str | None, typer.Option(help="only this month, YYYY-MM")] = None,
    output: Output = "table",
) -> None:
    """List the confidential cells: why each is suppressed (fewer than 3 enterprises,
    dominated by one or two, or complementary), with its enterprises and the largest
    enterprises' shares (for the bureau's eyes only).

    Example: indmon suppressed --period 2023-12
    """
    if period is not None:
        _month(period, "--period")
    with open_for_reading() as store:
        frame = store.disclosure(period)
    print_frame(frame.drop(columns=["decided_at"], errors="ignore"), output,
                title="Suppressed cells")


def _month(text: str, option: str) -> None:
    from indmon.store.periods import check_month

    try:
        check_month(text)
    except ConfigError as exc:
        raise ConfigError(f"{option}: {exc}") from None
