"""`indmon report`: write a report card (briefing) for a period."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from indmon.cli.common import check_period, console, err_console, handle_errors, open_for_reading


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command("report")(report)


@handle_errors
def report(
    period: Annotated[str, typer.Option(
        "--period", help="A year (2023), a half (2023-H1), a quarter (2023-Q1) or a month "
        "(2023-06).")],
    out: Annotated[Path, typer.Option("--out", help="The file to write; Markdown charts go "
                                      "to <name>_charts/ beside it.")],
    lang: Annotated[str, typer.Option("--lang", help="en or zh.")] = "en",
    fmt: Annotated[str, typer.Option("--format", help="md, html or pdf.")] = "html",
    link_base: Annotated[str, typer.Option(
        "--link-base", help="Link every number to <link-base><observation id>, e.g. "
        "http://localhost:8000/provenance/ ; default: numbers cite endnotes.")] = "",
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="Show no progress (shown on stderr when it is a "
        "terminal).")] = False,
    confidential: Annotated[bool, typer.Option(
        "--confidential", help="Print the values of suppressed cells (marked "
        "confidential) instead of withholding them: a card not for publication.")] = False,
) -> None:
    """Write the report card for a period: headline figures, one section per theme,
    sections computed from enterprise reports, the risk list, and the sources of every
    number. A period without figures is an error naming the periods that have some.
    Cells suppressed by disclosure control are withheld and marked, as for publication,
    unless --confidential is given.

    Example: indmon report --period 2023 --lang zh --format pdf --out briefing-2023-zh.pdf
    """
    from indmon.report import check_format, write_report
    from indmon.report.card import card_period
    from indmon.report.phrasing import check_lang
    from indmon.report.write import PUBLIC

    wanted = card_period(check_period(period) or period)
    check_lang(lang)
    check_format(fmt)
    with open_for_reading() as store, _progress(quiet) as step:
        written = write_report(store, wanted.text, lang, fmt, out, link_base=link_base,
                               progress=step, clearance=None if confidential else PUBLIC)
    console.print(f"wrote {written}")


@contextmanager
def _progress(quiet: bool) -> Iterator[Callable[[str], None]]:
    """A spinner on stderr naming the step under way and its time, gone when done;
    nothing with ``--quiet`` or when stderr is not a terminal."""
    if quiet or not err_console.is_terminal:
        yield lambda _: None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=err_console, transient=True) as bar:
        task = bar.add_task("starting", total=None)
        yield lambda text: bar.update(task, description=text)
