"""``indmon ingest``, ``indmon conflicts``, ``indmon check``: releases against the store."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from indmon.cli.common import console, handle_errors, open_store, print_frame
from indmon.errors import ConfigError
from indmon.extract.documents import read_document
from indmon.reconcile.check import DISAGREES, check_text, verdict_frame
from indmon.reconcile.ingest import ingest_documents

#: what a terminal table of conflicts shows; csv and json give every column
CONFLICT_COLUMNS = ("indicator", "period", "industry", "province", "value", "source_id",
                    "published", "mention")
Output = Annotated[str, typer.Option("--output", "-o", help="table, csv or json")]


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.command("conflicts")(conflicts)
    app.command("check")(check)


@handle_errors
def ingest(
    files: Annotated[list[Path], typer.Argument(help="release texts (UTF-8)")],
    source_title: Annotated[str | None, typer.Option(
        "--source-title", help="title of the release (default: its first line)")] = None,
    publisher: Annotated[str | None, typer.Option(help="who published it")] = None,
    published: Annotated[str | None, typer.Option(
        help="publication date YYYY-MM-DD, the vintage (default: the date in the text)")] = None,
    url: Annotated[str | None, typer.Option(help="where it was published")] = None,
    output: Output = "table",
) -> None:
    """Extract the facts of release texts and record them in the store, with provenance.

    A figure several releases state alike becomes one observation with several sources;
    differing figures are flagged (see 'indmon conflicts'). Ingesting a file again
    changes nothing. Facts with no catalogue indicator are kept in the table 'facts'.

    Example: indmon ingest release.txt --publisher "MIIT" --published 2024-01-19
    """
    _check_date(published)
    with open_store() as store:
        summary = ingest_documents(store, files, source_title=source_title,
                                   publisher=publisher, published=published, url=url)
    print_frame(summary.frame(), output, title="Ingested")


@handle_errors
def conflicts(output: Output = "table") -> None:
    """List figures that sources state differently: every stated value with its source.

    Example: indmon conflicts -o csv
    """
    with open_store(read_only=True) as store:
        frame = store.conflicts()
    if output == "table":
        if frame.empty:
            console.print("No conflicting figures.")
            return
        frame = frame[list(CONFLICT_COLUMNS)]
    print_frame(frame, output, title="Conflicting figures")


@handle_errors
def check(
    file: Annotated[Path, typer.Argument(help="the text whose figures to check (UTF-8)")],
    published: Annotated[str | None, typer.Option(
        help="when the text was written, YYYY-MM-DD: it is checked against the store as "
             "of that day (default: the date in the text, else today)")] = None,
    output: Annotated[str, typer.Option("--output", "-o", help="table or json")] = "table",
) -> None:
    """Check the figures a text states against the store as it stood when it was written.

    Each figure is 'agrees' (equal after rounding to the decimals stated), 'disagrees'
    (the stored value and its source are shown) or 'unknown' (nothing stored). Changes
    ("1 percentage point higher than in 2022") and streaks ("the fifth consecutive
    month") are checked against the stored series. Exit code: 0 when nothing disagrees,
    1 otherwise.

    Example: indmon check draft.txt --published 2024-01-20 -o json
    """
    _check_date(published)
    if output not in ("table", "json"):
        raise ConfigError(f"--output {output!r} is not one of table, json")
    document = read_document(file)
    with open_store(read_only=True) as store:
        verdicts = check_text(store, document.text, doc=document.doc, published=published)
    frame = verdict_frame(verdicts)
    if output == "json":
        sys.stdout.write(json.dumps([v.to_record() for v in verdicts], ensure_ascii=False,
                                    indent=2, default=str) + "\n")
    else:
        print_frame(frame.drop(columns=["start", "end"]), "table", title=f"Check of {file.name}")
    if any(v.status == DISAGREES for v in verdicts):
        raise typer.Exit(1)


def _check_date(text: str | None) -> None:
    if text is None:
        return
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        raise ConfigError(f"--published {text!r} is not a date like 2024-01-19") from None
