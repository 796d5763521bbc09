"""``indmon demo``: build the demo store, write the report cards, serve the dashboard."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from indmon.cli.common import console, handle_errors, state


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)


@handle_errors
def demo(
    out: Annotated[Path, typer.Option(help="where report cards and the panel go")] = Path(
        "indmon-demo"
    ),
    enterprises: Annotated[
        int, typer.Option(help="size of the simulated panel (enterprises)")
    ] = 6000,
    serve: Annotated[bool, typer.Option(help="serve the dashboard when done")] = True,
    host: Annotated[str, typer.Option(help="address to serve on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to serve on")] = 8000,
) -> None:
    """Run every part end to end on the embedded DuckDB store with bundled data.

    Loads the figures of the bundled releases (with citations), generates and imports a
    SIMULATED panel of enterprise reports, computes the indicators, runs monitoring,
    writes the 2023 report card in English and Chinese (Markdown, HTML, PDF) and serves
    the dashboard (public read access) until interrupted.

    Example: indmon demo --no-serve --out /tmp/indmon-demo
    """
    from indmon.demo.run import run_demo
    from indmon.store import Store, default_path

    db_path = Path(state.db) if state.db else default_path()
    console.print(f"indmon demo: store [bold]{db_path}[/], output [bold]{out}[/]")
    console.print("[yellow]Enterprise reports in this demo are SIMULATED; published figures "
                  "come from the bundled releases, with citations.[/]")
    with Store.open(db_path) as store:
        result = run_demo(store, out, enterprises=enterprises, say=console.print)
    console.print(f"\nDemo built in {result.total_seconds:.1f} s. Report cards:")
    for path in result.reports:
        console.print(f"  {path}")
    if serve:
        from indmon.web.app import WebConfig
        from indmon.web.app import serve as serve_dashboard

        console.print(f"\nDashboard: [bold]http://{host}:{port}/[/] (Ctrl-C stops it)")
        serve_dashboard(db_path, host=host, port=port, config=WebConfig.from_env(public=True))
