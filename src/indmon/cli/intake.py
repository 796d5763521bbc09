"""``indmon import reports|prices``, ``indmon rejections``: take in enterprise reports.

``indmon simulate`` lives here too: it writes files in the same exchange format, for
``indmon import`` to read.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from indmon.cli.common import console, handle_errors, open_for_reading, open_store, print_frame
from indmon.errors import ConfigError

if TYPE_CHECKING:
    from indmon.intake import ImportSummary

#: panel sizes the help of ``indmon simulate`` names, as in indmon.demo.panel (which
#: imports numpy and polars; tests/cli/test_startup.py checks they agree)
NATIONAL_ENTERPRISES = 483_000
DEMO_ENTERPRISES = 6_000

Files = Annotated[list[Path], typer.Argument(help="CSV, Parquet or XLSX files", exists=False)]
SubmittedBy = Annotated[str | None, typer.Option("--submitted-by", help="who sent the files")]
Simulated = Annotated[bool, typer.Option(help="mark every row as simulated (demo data)")]
Output = Annotated[str, typer.Option("--output", "-o", help="table, csv or json")]

import_app = typer.Typer(help="Import enterprise reports or price indices (one transaction "
                              "per file; a file imported before is skipped).",
                         no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(import_app, name="import")
    import_app.command("reports")(reports)
    import_app.command("prices")(prices)
    app.command("rejections")(rejections)
    app.command("simulate")(simulate)


@handle_errors
def reports(files: Files, submitted_by: SubmittedBy = None, simulated: Simulated = False,
            output: Output = "table") -> None:
    """Validate and store enterprise monthly reports; bad rows are kept as rejections.

    Example: indmon import reports reports_2023-05.csv reports_2023-06.parquet
    """
    from indmon.intake import import_reports

    with open_store() as store:
        summary = import_reports(store, files, submitted_by=submitted_by, simulated=simulated,
                                 progress=output == "table")
    _print_summary(summary, output)


@handle_errors
def prices(files: Files, submitted_by: SubmittedBy = None, simulated: Simulated = False,
           output: Output = "table") -> None:
    """Validate and store producer price indices (industry, period, ppi_yoy).

    Example: indmon import prices prices.csv
    """
    from indmon.intake import import_prices

    with open_store() as store:
        summary = import_prices(store, files, submitted_by=submitted_by, simulated=simulated,
                                progress=output == "table")
    _print_summary(summary, output)


@handle_errors
def rejections(
    batch: Annotated[str | None, typer.Option("--batch", help="only this batch id")] = None,
    output: Output = "table",
    limit: Annotated[int, typer.Option(help="at most this many rows (0: all)")] = 200,
) -> None:
    """List rejected rows with file, row (1-based data row), field, reason and value.

    Example: indmon rejections --batch reports-0cc3b517575c454e -o csv
    """
    from indmon.store import raw

    with open_for_reading() as store:
        frame = raw.rejections(store, batch, limit=limit or None)
    print_frame(frame, output, title="Rejected rows")


@handle_errors
def simulate(
    out: Annotated[Path, typer.Option("--out", help="folder to write the panel to")],
    enterprises: Annotated[str, typer.Option(
        "--enterprises", help=f"how many enterprises, or 'national' ({NATIONAL_ENTERPRISES:,})"
    )] = str(DEMO_ENTERPRISES),
    fmt: Annotated[str, typer.Option("--format", help="parquet or csv")] = "parquet",
    start: Annotated[str, typer.Option("--from", help="first month")] = "2021-01",
    end: Annotated[str, typer.Option("--to", help="last month")] = "2023-12",
    seed: Annotated[int, typer.Option(help="random seed: same seed, same files")] = 2024,
) -> None:
    """Write a SIMULATED panel of enterprise monthly reports and producer prices.

    Example: indmon simulate --enterprises 6000 --out panel --format csv
    """
    from indmon.demo.panel import FORMATS, generate_panel

    files = generate_panel(out, enterprises=_enterprise_count(enterprises), start=start,
                           end=end, seed=seed, fmt=fmt if fmt in FORMATS else _bad_format(fmt))
    console.print(f"wrote {len(files.reports)} report files ({files.rows:,} rows, simulated), "
                  f"{files.prices.name} and {files.readme.name} to {files.directory}",
                  highlight=False)


def _enterprise_count(text: str) -> int:
    if text.strip().lower() == "national":
        return NATIONAL_ENTERPRISES
    try:
        return int(text.replace(",", "").replace("_", ""))
    except ValueError:
        raise ConfigError(f"--enterprises {text!r} is not a whole number or 'national'") from None


def _bad_format(fmt: str) -> str:
    from indmon.demo.panel import FORMATS

    raise ConfigError(f"--format {fmt!r} is not one of {', '.join(FORMATS)}")


def _print_summary(summary: ImportSummary, output: str) -> None:
    import pandas as pd

    frame = pd.DataFrame([
        {"file": f.file, "batch_id": f.batch_id, "rows": f.rows, "accepted": f.accepted,
         "rejected": f.rejected, "revisions": f.revisions,
         "status": "already imported" if f.skipped_as_duplicate_file else "imported"}
        for f in summary.files
    ])
    print_frame(frame, output, title=f"Imported {summary.kind}")
    if output == "table" and summary.rejected:
        shown = summary.rejections[:10]
        for rejection in shown:
            console.print(rejection.message(), highlight=False, markup=False)
        more = len(summary.rejections) - len(shown)
        hidden = f" ({more} more reasons not shown)" if more else ""
        console.print(f"{summary.rejected} row(s) rejected{hidden}; list them with: "
                      "indmon rejections", highlight=False)
