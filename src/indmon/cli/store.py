"""``indmon query``, ``indmon provenance``, ``indmon sources``: read the store."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from indmon.cli.common import (
    Output,
    check_date,
    check_indicators,
    check_industry,
    check_origin,
    check_period,
    check_province,
    console,
    err_console,
    handle_errors,
    month_bounds,
    open_for_reading,
    print_frame,
    print_table,
)
from indmon.errors import ConfigError


def register(app: typer.Typer) -> None:
    app.command("query")(query)
    app.command("provenance")(provenance)
    app.command("sources")(sources)


#: columns a terminal table leaves out (csv and json have them)
TABLE_HIDDEN = ["simulated", "supersedes", "n", "withheld"]


@handle_errors
def query(
    indicator: Annotated[list[str] | None, typer.Argument(help="indicator ids")] = None,
    period: Annotated[str | None, typer.Option(
        help="exactly this period: 2023, 2023-H1, 2023-Q1, 2023-03, 2023-01/2023-11 or "
             "2023-03-31")] = None,
    start: Annotated[str | None, typer.Option(
        "--from", help="figures ending in this period's first month or later, e.g. "
                       "2023-01")] = None,
    end: Annotated[str | None, typer.Option(
        "--to", help="figures ending in this period's last month or earlier, e.g. "
                     "2023-12")] = None,
    industry: Annotated[
        str | None, typer.Option(help="industry code, sector letter or ALL")
    ] = None,
    province: Annotated[str | None, typer.Option(help="province code or ALL")] = None,
    origin: Annotated[str | None, typer.Option(
        help="only published, computed or simulated figures")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="as known on this date")] = None,
    history: Annotated[bool, typer.Option(help="every vintage, not only the current")] = False,
    sql: Annotated[str | None, typer.Option(help="run this SQL instead")] = None,
    output: Output = "table",
    limit: Annotated[
        int | None,
        typer.Option(help="at most this many rows (0: all); default 200 in a table, all in "
                     "csv and json"),
    ] = None,
) -> None:
    """Print observations, or the result of any SQL, from the store.

    Works while 'indmon serve' runs on the same store. An unknown indicator, industry or
    province, or a period that is not one, is an error naming the value and the choices.

    Example: indmon query va_ytd_yoy --period 2023 --as-of 2024-01-31 -o csv
    """
    period = check_period(period)
    first, last = month_bounds(start, end)
    check_industry(industry)
    check_province(province)
    check_origin(origin)
    check_date(as_of)
    if limit is not None and limit < 0:
        raise ConfigError(f"--limit {limit} must be 0 (every row) or more")
    if limit is None:
        limit = 200 if output == "table" else 0
    if output == "table" and not sql:
        # rows straight from DuckDB, only those shown: a terminal table needs no pandas,
        # which takes longer to load than the query takes to run
        with open_for_reading() as store:
            check_indicators(indicator or [], store)
            found = store.observation_rows(
                indicator or None, period=period, start=first, end=last, industry=industry,
                province=province, origin=origin, as_of=as_of, history=history,
                limit=limit or None,
            )
        _shown(found.matched, limit)
        keep = _terminal_columns(found.columns, found.suppressed)
        print_table([found.columns[i] for i in keep],
                    ([row[i] for i in keep] for row in found.rows))
        return
    with open_for_reading() as store:
        if sql:
            frame = store.query(sql)
        else:
            check_indicators(indicator or [], store)
            frame = store.observations(
                indicator or None, period=period, start=first, end=last, industry=industry,
                province=province, origin=origin, as_of=as_of, history=history,
            )
            frame = frame.drop(columns=["recorded_at"], errors="ignore")
    print_frame(frame.head(_shown(len(frame), limit)), output)


def _terminal_columns(columns: list[str], suppressed: int) -> list[int]:
    """Which columns a terminal table shows: what a reader needs (origin says simulated;
    csv and json keep every column), and ``suppressed`` only when some of the rows
    found (``suppressed`` of them) are in a suppressed cell."""
    hidden = {"recorded_at", *TABLE_HIDDEN}
    if not suppressed:
        hidden.add("suppressed")
    return [i for i, column in enumerate(columns) if column not in hidden]


def _shown(rows: int, limit: int) -> int:
    """How many of ``rows`` to print (``limit`` 0: all), saying so on stderr when that is
    not all of them."""
    if not limit or rows <= limit:
        return rows
    err_console.print(f"showing {limit} of {rows} rows; --limit 0 shows all",
                      highlight=False)
    return limit


@handle_errors
def provenance(obs_id: Annotated[int, typer.Argument(help="an observation id")]) -> None:
    """Show where one observation comes from: its sources, spans and vintages.

    Example: indmon provenance 42
    """
    with open_for_reading() as store:
        record = store.provenance(obs_id)
    console.print_json(json.dumps(record.as_dict(), ensure_ascii=False, default=str))


@handle_errors
def sources(output: Output = "table") -> None:
    """List the documents, datasets and computations the store's numbers come from.

    Example: indmon sources -o csv
    """
    with open_for_reading() as store:
        frame = store.sources().drop(columns=["details", "added_at"], errors="ignore")
    print_frame(frame, output, title="Sources")
