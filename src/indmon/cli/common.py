"""What every command shares: the selected store, error handling and output formats."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import pandas as pd
import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from indmon.errors import IndmonError
from indmon.store import Store

P = ParamSpec("P")
R = TypeVar("R")
console = Console()
err_console = Console(stderr=True)


@dataclass
class State:
    db: Path | None = None


state = State()


def open_store(read_only: bool = False) -> Store:
    return Store.open(state.db, read_only=read_only)


def handle_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn an ``IndmonError`` into ``error: <message>`` on stderr and exit code 1."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except IndmonError as exc:
            # the message is plain text: brackets in it are not rich markup
            message = Text.assemble(("error: ", "bold red"), str(exc))
            err_console.print(message, highlight=False, soft_wrap=True)
            raise typer.Exit(1) from None

    return wrapper


def print_frame(frame: pd.DataFrame, output: str = "table", title: str | None = None) -> None:
    """Print a result as a rich table, CSV or JSON (records)."""
    if output == "csv":
        frame.to_csv(sys.stdout, index=False)
    elif output == "json":
        records = json.loads(frame.to_json(orient="records", date_format="iso", force_ascii=False))
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    else:
        table = Table(title=title, show_lines=False)
        for column in frame.columns:
            table.add_column(str(column), overflow="fold")
        for row in frame.itertuples(index=False):
            table.add_row(*(_cell(v) for v in row))
        console.print(table)


def _cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float):
        return f"{value:,.4g}" if abs(value) < 1e6 else f"{value:,.0f}"
    return str(value)
