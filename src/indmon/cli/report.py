"""`indmon report`: write a report card (briefing) for a period."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from indmon.cli.common import console, handle_errors, open_store


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command("report")(report)


@handle_errors
def report(
    period: Annotated[str, typer.Option("--period", help="A year (2023) or a month (2023-06).")],
    out: Annotated[Path, typer.Option("--out", help="The file to write; Markdown charts go "
                                      "to <name>_charts/ beside it.")],
    lang: Annotated[str, typer.Option("--lang", help="en or zh.")] = "en",
    fmt: Annotated[str, typer.Option("--format", help="md, html or pdf.")] = "html",
    link_base: Annotated[str, typer.Option(
        "--link-base", help="Link every number to <link-base><observation id>, e.g. "
        "http://localhost:8000/provenance/ ; default: numbers cite endnotes.")] = "",
) -> None:
    """Write the report card for a period: headline figures, one section per theme,
    sections computed from enterprise reports, the risk list, and the sources of every
    number.

    Example: indmon report --period 2023 --lang zh --format pdf --out briefing-2023-zh.pdf
    """
    from indmon.report import write_report

    with open_store(read_only=True) as store:
        written = write_report(store, period, lang, fmt, out, link_base=link_base)
    console.print(f"wrote {written}")
