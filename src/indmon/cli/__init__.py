"""The ``indmon`` command line: thin commands over the library, one module per concept.

Each module registers its commands on ``app``; every command turns an ``IndmonError``
into a one-line message and exit code 1 (see ``indmon.cli.common.handle_errors``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

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
    app()
