"""``indmon ingest``, ``indmon load-published``, ``indmon conflicts``, ``indmon check``:
releases against the store."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from indmon.cli.common import console, handle_errors, open_for_reading, open_store, print_frame
from indmon.errors import ConfigError

#: what a terminal table of conflicts shows; csv and json give every column
CONFLICT_COLUMNS = ("indicator", "period", "industry", "province", "value", "publisher",
                    "published", "note")
Output = Annotated[str, typer.Option("--output", "-o", help="table, csv or json")]


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.command("load-published")(load_published_figures)
    app.command("conflicts")(conflicts)
    app.command("check")(check)


@handle_errors
def ingest(
    files: Annotated[list[Path], typer.Argument(help="release texts (UTF-8)")],
    source_title: Annotated[str | None, typer.Option(
        "--source-title", help="title of the release (default: its first line)")] = None,
    publisher: Annotated[str | None, typer.Option(
        help="who published it: a later release by the same publisher revises its "
             "figures, another publisher's differing figure is a conflict")] = None,
    published: Annotated[str | None, typer.Option(
        help="publication date YYYY-MM-DD, the vintage (default: the date line of the "
             "text; a text without one is refused)")] = None,
    url: Annotated[str | None, typer.Option(help="where it was published (http or https)")
                   ] = None,
    release_type: Annotated[str | None, typer.Option(
        "--release-type", help="preliminary or final: a final release revises the "
                               "figures it restates")] = None,
    output: Output = "table",
) -> None:
    """Extract the facts of release texts and record them in the store, with provenance.

    Each text is a source known by its content (not its file name): another
    file of the same name is a source of its own, the same text again
    changes nothing. A figure several releases state alike becomes one
    observation with several sources; a later release by the same publisher
    stating another value is a revision (a new vintage); two publishers that
    differ are flagged (see 'indmon conflicts'). Facts with no catalogue
    indicator are kept in the table 'facts'. A text whose date cannot be
    read needs --published; the files before it stay ingested.

    Example: indmon ingest release.txt --publisher "MIIT" --published 2024-01-19
    """
    from indmon.reconcile.ingest import IngestError, check_date, check_options, ingest_documents

    if published is not None:
        check_date(published, "--published")
    check_options(url=url, release_type=release_type)
    with open_store() as store:
        try:
            summary = ingest_documents(store, files, source_title=source_title,
                                       publisher=publisher, published=published, url=url,
                                       release_type=release_type)
        except IngestError as exc:
            if exc.ingested.documents:
                print_frame(exc.ingested.frame(), output, title="Ingested before the error")
            raise
    print_frame(summary.frame(), output, title="Ingested")


@handle_errors
def load_published_figures(
    output: Output = "table",
    history: Annotated[bool, typer.Option(
        "--history/--no-history",
        help="also load the bundled history of monthly releases (2014 onwards, "
             "confirmed figures only)")] = True,
) -> None:
    """Load the figures of the bundled releases (MIIT/SCIO, 2022 to 2023), with citations,
    and the history of monthly headline releases (statistics bureau, automobile
    association) confirmed by an official page or two copies.

    Each release is one source; figures several releases state alike are one
    observation with several sources, differing ones are flagged as
    conflicts with the note that explains them. Loading again changes
    nothing.

    Example: indmon load-published --no-history
    """
    import pandas as pd

    from indmon.reconcile.published import load_published

    with open_store() as store:
        result = load_published(store, history=history)
    print_frame(pd.DataFrame([dataclasses.asdict(result)]), output,
                title="Published figures loaded")


@handle_errors
def conflicts(output: Output = "table") -> None:
    """List figures that sources state differently: every stated value with its source.

    Example: indmon conflicts -o csv
    """
    import pandas as pd

    with open_for_reading() as store:
        frame = store.conflicts()
    if output == "table":
        if frame.empty:
            console.print("No conflicting figures.")
            return
        frame = frame[list(CONFLICT_COLUMNS)].assign(
            published=pd.to_datetime(frame["published"]).dt.strftime("%Y-%m-%d"))
    print_frame(frame, output, title="Conflicting figures")


@handle_errors
def check(
    file: Annotated[Path, typer.Argument(help="the text whose figures to check (UTF-8)")],
    published: Annotated[str | None, typer.Option(
        help="when the text was written, YYYY-MM-DD: it is checked against the store as "
             "of that day (default: the date in the text, else today)")] = None,
    against: Annotated[str, typer.Option(
        "--against", help="the figures to judge by: published (official statistics, the "
                          "default), computed, simulated or any")] = "published",
    output: Annotated[str, typer.Option("--output", "-o", help="table or json")] = "table",
) -> None:
    """Check the figures a text states against the store as it stood when it was written.

    Claims are judged against published figures only, unless --against says
    otherwise; a verdict resting on a computed or simulated figure says so.
    Each figure is 'agrees' (equal after rounding to the decimals stated),
    'disagrees' (the stored value and its source are shown), 'disputed'
    (sources in the store differ on it: all their values are shown) or
    'unknown' (nothing stored). Changes ("1 percentage point higher than in
    2022"), streaks ("the fifth consecutive month") and extremes ("the
    fastest since June 2021", "为2021年6月以来最高") are checked against the
    stored series. Exit code: 0 when nothing disagrees or is disputed, 1
    otherwise.

    Example: indmon check draft.txt --published 2024-01-20 -o json
    """
    from indmon.extract.documents import read_document
    from indmon.reconcile.check import (
        AGAINST,
        DISAGREES,
        DISPUTED,
        check_text,
        verdict_frame,
    )
    from indmon.reconcile.ingest import check_date

    if published is not None:
        check_date(published, "--published")
    if against not in AGAINST:
        raise ConfigError(f"--against {against!r} is not one of {', '.join(AGAINST)}")
    if output not in ("table", "json"):
        raise ConfigError(f"--output {output!r} is not one of table, json")
    document = read_document(file)
    with open_for_reading() as store:
        verdicts = check_text(store, document.text, doc=document.doc, published=published,
                              against=against)
    frame = verdict_frame(verdicts)
    if output == "json":
        sys.stdout.write(json.dumps([v.to_record() for v in verdicts], ensure_ascii=False,
                                    indent=2, default=str) + "\n")
    else:
        print_frame(frame.drop(columns=["start", "end"]), "table", title=f"Check of {file.name}")
    if any(v.status in (DISAGREES, DISPUTED) for v in verdicts):
        raise typer.Exit(1)
