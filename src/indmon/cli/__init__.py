"""The ``indmon`` command line: thin commands over the library, one module per concept.

Each module registers its commands on ``app``; every command turns an ``IndmonError``
into a one-line message and exit code 1 (see ``indmon.cli.common.handle_errors``).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
import threading
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from indmon.cli import (
    catalogue,
    compute,
    demo,
    extract,
    intake,
    monitor,
    reconcile,
    report,
    store,
    web,
)
from indmon.cli.common import state

app = typer.Typer(
    name="indmon",
    help="Monitor industrial and ICT development: store, compute, extract, monitor, report, serve.",
    no_args_is_help=True,
    # click's plain help, as git and sqlite-utils print it: rich's help renderer (and the
    # markdown parser it imports) cost every --help a tenth of a second (issue 12)
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.callback()
def _global_options(
    db: Annotated[
        Path | None,
        typer.Option("--db", envvar="INDMON_DB", help="The store (a DuckDB file). Default: "
                     "indmon.duckdb in the user's data directory."),
    ] = None,
) -> None:
    state.db = db


#: command modules, one per concept, in the order of ``indmon --help``; each defines
#: ``register(app)``
COMMAND_MODULES = (catalogue, store, intake, compute, extract, reconcile, monitor, report,
                   web, demo)

for _module in COMMAND_MODULES:
    _module.register(app)


def main() -> None:
    """The console script: run the command, then end the process at once.

    Python's teardown of what a command loaded (the demo loads 1,400 modules) takes up
    to half a second after the work is done. When no other thread is left running, the
    exit handlers run, the output is flushed and the process ends without it."""
    try:
        app()
    except SystemExit as done:
        code = done.code
    else:
        code = 0
    if threading.active_count() > 1:
        sys.exit(code)
    _leave_now(code)


def _leave_now(code: object) -> NoReturn:
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)  # what sys.exit does with a message
        code = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        # a reader that left early (indmon query | head), or a stream already closed
        with contextlib.suppress(BrokenPipeError, ValueError):
            stream.flush()
    os._exit(code or 0)
