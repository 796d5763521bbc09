"""``indmon extract``: facts from release texts into JSON Lines, one file per release."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from indmon.cli.common import console, handle_errors


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command("extract")(extract)


@handle_errors
def extract(
    paths: Annotated[list[Path], typer.Argument(help="release files (.txt) or folders of them")],
    out: Annotated[Path, typer.Option("--out", help="folder for the <doc>.jsonl files")],
    workers: Annotated[
        int | None, typer.Option("--workers", help="processes or Spark cores (default: all)")
    ] = None,
    engine: Annotated[str, typer.Option("--engine", help="local or spark")] = "local",
    published: Annotated[
        str | None,
        typer.Option("--published", help="release date YYYY-MM-DD, for texts that do not state it"),
    ] = None,
) -> None:
    """Extract the facts of releases (English or Chinese) into JSON Lines files.

    Each fact is one number with its unit, measure, subject, period and region; see
    docs/extract.md for the fields. A text that does not say when it was published reads
    its periods ("in March") against --published.

    Example: indmon extract releases/ --out facts/ --workers 2 --published 2024-01-19
    """
    from indmon.extract.parallel import extract_many

    summary = extract_many(paths, out, workers=workers, progress=True, engine=engine,
                           published=published)
    console.print(
        f"{summary.facts} facts from {summary.documents} documents "
        f"({summary.chars / 1000:,.0f} KB) written to {out} ({summary.engine}, "
        f"{summary.workers} workers)"
    )
