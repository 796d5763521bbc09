"""What every command shares: the selected store, error handling, output formats and the
checks of what a user types (indicator ids, periods, industry and province codes).

A read command opens the store with :func:`open_for_reading`: beside a running
``indmon serve`` and other readers, without creating a store that is not there. A
command's input is checked before it runs, so a typo is one line naming the value and
the choices, and exit code 1, instead of an empty result.

Start-up: every command module is imported for ``indmon --help``, so none imports the
store, pandas or the engine at its top; a command imports what it uses when it runs
(``tests/cli/test_startup.py`` keeps it so).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, ParamSpec, TypeVar

import typer
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from indmon.errors import CatalogueError, ConfigError, IndmonError, PeriodError

if TYPE_CHECKING:
    import pandas as pd

    from indmon.store import Period, Store

P = ParamSpec("P")
R = TypeVar("R")
console = Console()
err_console = Console(stderr=True)


@dataclass
class State:
    db: Path | None = None


state = State()


def open_store() -> Store:
    """The store for a command that writes it (created when it does not exist yet)."""
    from indmon.store import Store

    return Store.open(state.db)


def open_for_reading() -> Store:
    """The store for a command that only reads it (query, report, export, check...).

    Opened read-only, so it works while ``indmon serve`` or other readers have the same
    file open; waits up to ``DEFAULT_WAIT_SECONDS`` while a writing command holds it. A
    ``--db`` path with no store is an error (``NotFound``: exit 1, nothing created), not
    a new empty store. A ``:memory:`` store is opened read-write (there is nothing to
    share)."""
    from indmon.store import DEFAULT_WAIT_SECONDS, Store

    return Store.open(state.db, read_only=True, must_exist=True, wait=DEFAULT_WAIT_SECONDS)


def fail(exc: IndmonError) -> NoReturn:
    """Print ``error: <message>`` on stderr and exit with code 1."""
    # the message is plain text: brackets in it are not rich markup
    message = Text.assemble(("error: ", "bold red"), str(exc))
    err_console.print(message, highlight=False, soft_wrap=True)
    raise typer.Exit(1)


def handle_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn an ``IndmonError`` into ``error: <message>`` on stderr and exit code 1."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except IndmonError as exc:
            fail(exc)

    return wrapper


# -- output formats -------------------------------------------------------------------
#: what ``--output``/``-o`` may be for a command printing a table
OUTPUTS = ("table", "csv", "json")


def check_output(value: str, choices: Sequence[str] = OUTPUTS) -> str:
    """``value`` if it is one of ``choices``, else a ``ConfigError`` listing them."""
    if value not in choices:
        raise ConfigError(f"--output {value!r} is not one of {', '.join(choices)}")
    return value


def _output_option(value: str) -> str:
    # a parameter callback runs before the command: failing here writes nothing
    try:
        return check_output(value)
    except ConfigError as exc:
        fail(exc)


#: the ``--output``/``-o`` option of a command printing a table: table, csv or json;
#: anything else is one error line and exit 1 before the command runs
Output = Annotated[str, typer.Option("--output", "-o", help="table, csv or json",
                                     callback=_output_option)]


def print_frame(frame: pd.DataFrame, output: str = "table", title: str | None = None) -> None:
    """Print a result as a rich table, CSV or JSON (records)."""
    check_output(output)
    if output == "csv":
        frame.to_csv(sys.stdout, index=False)
    elif output == "json":
        records = json.loads(frame.to_json(orient="records", date_format="iso", force_ascii=False))
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    else:
        print_table([str(c) for c in frame.columns], frame.itertuples(index=False), title)


def print_table(columns: Sequence[str], rows: Iterable[Sequence[Any]],
                title: str | None = None) -> None:
    """Print rows as a boxed text table (what :func:`print_frame` prints for ``table``),
    also for rows read without pandas: as wide as the terminal (80 columns to a pipe,
    ``COLUMNS`` when set), long cells folded onto more lines.

    Drawn here rather than by rich's ``Table``, which measured every cell several times
    and took 0.4 s of ``indmon query``'s 0.7 s for 200 rows (issue 12)."""
    header = [str(c) for c in columns]
    body = [[_cell(v) for v in row] for row in rows]
    lines = table_lines(header, body, console.width)
    if title:
        lines.insert(0, _centred(title, _cells(lines[0])))
    sys.stdout.write("\n".join(lines) + "\n")


def table_lines(header: Sequence[str], body: Sequence[Sequence[str]], width: int) -> list[str]:
    """The lines of a table of strings at most ``width`` cells wide (CJK characters count
    two), in rich's default look: a heavy rule under the header, light rules around."""
    widths = _fitted_widths(header, body, width)

    def rule(left: str, mid: str, right: str, fill: str) -> str:
        return left + mid.join(fill * (w + 2) for w in widths) + right

    lines = [rule("┏", "┳", "┓", "━")]
    lines += _row_lines(header, widths, "┃")
    lines.append(rule("┡", "╇", "┩", "━"))
    for row in body:
        lines += _row_lines(row, widths, "│")
    lines.append(rule("└", "┴", "┘", "─"))
    return lines


def _fitted_widths(header: Sequence[str], body: Sequence[Sequence[str]], width: int) -> list[int]:
    natural = [max([_cells(h), *(_cells(r[i]) for r in body)]) for i, h in enumerate(header)]
    widths = [max(w, 1) for w in natural]
    room = max(width - (3 * len(widths) + 1), len(widths))
    # take a cell at a time from the widest column until the table fits
    while sum(widths) > room and max(widths) > 1:
        widest = widths.index(max(widths))
        widths[widest] -= 1
    return widths


def _row_lines(cells: Sequence[str], widths: Sequence[int], bar: str) -> list[str]:
    folded = [_fold(text, w) for text, w in zip(cells, widths, strict=True)]
    height = max(len(f) for f in folded)
    lines = []
    for i in range(height):
        parts = [_pad(f[i] if i < len(f) else "", w) for f, w in zip(folded, widths, strict=True)]
        lines.append(f"{bar} " + f" {bar} ".join(parts) + f" {bar}")
    return lines


def _fold(text: str, width: int) -> list[str]:
    """``text`` cut into pieces of at most ``width`` cells (at spaces where it can)."""
    pieces: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if _cells(candidate) <= width:
                line = candidate
                continue
            if line:
                pieces.append(line)
            line = ""
            for char in word:
                if _cells(line + char) > width:
                    pieces.append(line)
                    line = ""
                line += char
        pieces.append(line)
    return pieces


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _cells(text))


def _centred(text: str, width: int) -> str:
    gap = max(width - _cells(text), 0)
    return " " * (gap // 2) + text


def _cells(text: str) -> int:
    return cell_len(text)


def _cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float):
        return f"{value:,.4g}" if abs(value) < 1e6 else f"{value:,.0f}"
    return str(value)


# -- what a user types ------------------------------------------------------------------
def check_indicators(ids: Sequence[str], store: Store | None = None) -> list[str]:
    """Indicator ids of the catalogue; with ``store``, an id the catalogue lacks passes
    when the store holds figures of it (a user's own indicator)."""
    from indmon.catalogue import Catalogue, did_you_mean

    known = Catalogue.load().indicators
    for value in ids:
        if value in known:
            continue
        if store is not None and store.figures(value):
            continue
        raise CatalogueError(
            f"unknown indicator {value!r}{did_you_mean(value, list(known))}; "
            f"'indmon catalogue indicators' lists all {len(known)}")
    return list(ids)


def check_industry(code: str | None) -> str | None:
    """ALL, a sector letter (B, C, D) or a division code of GB/T 4754-2017."""
    if code is None:
        return None
    from indmon.catalogue import ALL, Catalogue, did_you_mean

    cat = Catalogue.load()
    choices = [ALL, *sorted(cat.sectors), *sorted(cat.industries)]
    if code not in choices:
        raise ConfigError(f"--industry {code!r} is not known{did_you_mean(code, choices)}; use "
                          f"{', '.join(choices)} ('indmon catalogue industries' names them)")
    return code


def check_province(code: str | None) -> str | None:
    """ALL or a GB/T 2260 province code."""
    if code is None:
        return None
    from indmon.catalogue import ALL, Catalogue, did_you_mean

    choices = [ALL, *sorted(Catalogue.load().provinces)]
    if code not in choices:
        raise ConfigError(f"--province {code!r} is not known{did_you_mean(code, choices)}; use "
                          f"{', '.join(choices)} ('indmon catalogue provinces' names them)")
    return code


def check_origin(text: str | None) -> str | None:
    """published, computed or simulated."""
    if text is None:
        return None
    from indmon.store import Origin

    try:
        return Origin.parse(text).value
    except ConfigError as exc:
        raise ConfigError(f"--{exc}") from None


def check_period(text: str | None, option: str = "--period") -> str | None:
    """The period as the store writes it; an impossible one names the accepted forms."""
    if text is None:
        return None
    return _parsed(text, option).text


def month_bounds(start: str | None, end: str | None, *, options: tuple[str, str] = (
        "--from", "--to")) -> tuple[str | None, str | None]:
    """``--from``/``--to`` as the months that bound a period's last month: a period may
    be given for either (``--from 2023 --to 2023`` is every figure within 2023)."""
    first = _parsed(start, options[0]).start if start is not None else None
    last = _parsed(end, options[1]).end if end is not None else None
    if first is not None and last is not None and first > last:
        raise ConfigError(f"{options[0]} {start} comes after {options[1]} {end}: no period "
                          "lies between them")
    return first, last


def check_date(text: str | None, option: str = "--as-of") -> str | None:
    """A date like 2024-01-19 (or a moment like 2024-01-19T12:00)."""
    if text is None:
        return None
    try:
        dt.datetime.fromisoformat(text)
    except ValueError:
        raise ConfigError(f"{option} date {text!r} is not a date like 2024-01-19") from None
    return text


def _parsed(text: str, option: str) -> Period:
    from indmon.store.periods import Period

    try:
        return Period.parse(text)
    except PeriodError as exc:
        raise ConfigError(f"{option}: {exc}") from None

