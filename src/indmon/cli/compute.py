"""``indmon compute`` and ``indmon export indicators``: statistics from enterprise reports."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from indmon.cli.common import console, handle_errors, open_store
from indmon.compute import ENGINES, ComputeSummary, export_indicators, run_compute
from indmon.errors import ConfigError
from indmon.store import Store


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command("compute")(compute)
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
) -> None:
    """Compute every indicator from the current enterprise reports and store the figures,
    each with this computation as its provenance.

    Example: indmon compute --from 2023-01 --to 2023-12 --monitor
    """
    if engine not in ENGINES:
        raise ConfigError(f"--engine {engine!r} is not one of {', '.join(ENGINES)}")
    with open_store() as store:
        summary = run_compute(store, engine=engine, start=start, end=end, progress=True)
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
) -> None:
    """Write every current computed figure in the indicator-results format (indicator,
    period, industry, province, value, unit, n).

    Example: indmon export indicators --out indicators.parquet
    """
    with open_store(read_only=True) as store:
        rows = export_indicators(store, out)
    console.print(f"{rows:,} figures written to {out}")
