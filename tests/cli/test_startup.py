"""Start-up: ``indmon --help`` and each command's help load none of the heavy libraries,
and ``indmon query`` prints its terminal table without pandas, exactly as before.

The times are measured by ``benchmarks/startup.py``; these tests guard the structure that
makes them short, each in a fresh interpreter (this one has long imported everything).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import typer.main
from typer.testing import CliRunner

from indmon.cli import app
from indmon.cli.common import print_frame
from indmon.cli.store import TABLE_HIDDEN
from indmon.store import NewObservation, Source, Store

#: libraries that take from a tenth of a second to seconds to import; a command imports
#: them when it runs, never to show its help
HEAVY = ("ibis", "pyspark", "matplotlib", "weasyprint", "pandas", "duckdb", "pyarrow",
         "fastapi", "uvicorn", "polars", "numpy", "pydantic")
#: what reading the store needs, and no more
QUERY_LOADS_NOT = ("ibis", "pyspark", "matplotlib", "weasyprint", "pandas", "pyarrow",
                   "fastapi", "uvicorn", "polars", "numpy", "pydantic")


def loaded_after(code: str, *argv: str, columns: int = 80
                 ) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """Run ``code`` in a fresh interpreter (``sys.argv`` set to ``argv``); the top-level
    packages loaded when it ends, whether it ends normally or by ``SystemExit``."""
    script = (
        "import atexit, json, sys\n"
        f"sys.argv = {['indmon', *argv]!r}\n"
        "atexit.register(lambda: sys.stderr.write('\\nMODULES ' + json.dumps(sorted("
        "{m.split('.')[0] for m in sys.modules})) + '\\n'))\n"
        f"{code}\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=False, timeout=120, env={**os.environ, "COLUMNS": str(columns)})
    marker = done.stderr.rsplit("\nMODULES ", 1)
    assert len(marker) == 2, done.stderr
    return done, set(json.loads(marker[1]))


def command_paths() -> list[tuple[str, ...]]:
    """Every command and group of the app, as the words that name it."""
    def walk(command: object, path: tuple[str, ...]) -> list[tuple[str, ...]]:
        subcommands = getattr(command, "commands", None) or {}
        found = [path] if path else []
        for name in sorted(subcommands):
            found += walk(subcommands[name], (*path, name))
        return found

    return walk(typer.main.get_command(app), ())


@pytest.mark.parametrize("module", ["indmon", "indmon.cli"])
def test_importing_the_cli_loads_no_heavy_library(module: str) -> None:
    done, loaded = loaded_after(f"import {module}")
    assert done.returncode == 0, done.stderr
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))


def test_help_lists_every_command_and_loads_no_heavy_library() -> None:
    done, loaded = loaded_after("from indmon.cli import main\nmain()", "--help")
    assert done.returncode == 0, done.stderr
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))
    top = {path[0] for path in command_paths()}
    assert len(top) > 15
    assert [name for name in sorted(top) if name not in done.stdout] == []


@pytest.mark.parametrize("path", [("query",), ("users",), ("catalogue",), ("compute",),
                                  ("import", "reports"), ("simulate",), ("report",),
                                  ("serve",)])
def test_a_command_help_names_its_options_and_loads_no_heavy_library(
        path: tuple[str, ...]) -> None:
    done, loaded = loaded_after("from indmon.cli import main\nmain()", *path, "--help")
    assert done.returncode == 0, done.stderr
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))
    command = typer.main.get_command(app)
    for word in path:
        command = command.commands[word]  # type: ignore[attr-defined]
    subcommands = getattr(command, "commands", None) or {}
    options = [opt for param in command.params for opt in param.opts if opt.startswith("--")]
    expected = [*subcommands, *options]
    assert expected, path
    assert [word for word in expected if word not in done.stdout] == []


def test_every_help_page_works() -> None:
    runner = CliRunner()
    failed = [path for path in command_paths()
              if runner.invoke(app, [*path, "--help"]).exit_code != 0]
    assert failed == []


def test_help_texts_name_the_library_values() -> None:
    # the command modules write these values out so that their help needs no import of
    # the modules defining them; they must stay the same values
    from indmon.cli import compute as cli_compute
    from indmon.cli import intake as cli_intake
    from indmon.compute.engines import ENGINES
    from indmon.demo.panel import DEMO_ENTERPRISES, NATIONAL_ENTERPRISES

    assert cli_compute.ENGINES == ENGINES
    assert (cli_intake.NATIONAL_ENTERPRISES, cli_intake.DEMO_ENTERPRISES) == (
        NATIONAL_ENTERPRISES, DEMO_ENTERPRISES)


def test_indmon_compute_stays_the_function_when_the_subpackage_is_imported() -> None:
    done, _ = loaded_after(
        "import indmon\nimport indmon.compute.engines\nfrom indmon.compute import run_compute\n"
        "assert indmon.compute is run_compute, indmon.compute\n"
        "from indmon import Store, compute\nassert compute is run_compute\n"
        "assert 'Store' in dir(indmon)")
    assert done.returncode == 0, done.stderr


# -- indmon query: the terminal table ----------------------------------------------------
RELEASE = Source("r1", kind="release", publisher="Test Ministry", title="Test release",
                 published="2024-01-19")
LATER = Source("r2", kind="release", publisher="Test Ministry", title="Final release",
               published="2024-03-01", release_type="final")
RUN = Source("compute:1", kind="computation", published="2024-02-01T10:30:15")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Published figures (one stated by two releases, one revised), computed figures
    with enterprise counts and a time of day, and a suppressed cell."""
    path = tmp_path_factory.mktemp("startup") / "s.duckdb"
    with Store.open(path) as store:
        store.record([NewObservation("va_ytd_yoy", "2023", 4.6, "percent"),
                      NewObservation("va_ytd_yoy", "2023-06", 3.8, "percent")], RELEASE)
        store.record([NewObservation("va_ytd_yoy", "2023", 4.6, "percent"),
                      NewObservation("va_ytd_yoy", "2023-06", 3.9, "percent")], LATER)
        store.record_frame(pd.DataFrame({
            "indicator": ["va_ytd_yoy"] * 3, "period": ["2023-11", "2023-12", "2023-12"],
            "industry": ["ALL", "ALL", "36"], "province": ["ALL", "110000", "ALL"],
            "value": [4.3, 1234567.891, -0.05], "unit": ["percent"] * 3, "n": [4800, 2, 310],
        }), RUN)
        store.replace_disclosure(pd.DataFrame([
            {"period": "2023-12", "industry": "ALL", "province": "110000",
             "status": "primary", "reason": "fewer than 3 enterprises", "enterprises": 2,
             "top1_share": 0.7, "top2_share": 1.0}]), ["2023-12"], RUN.source_id)
    return path


def table_as_before(db: Path, selection: dict[str, Any], limit: int = 200) -> str:
    """The terminal table as ``indmon query`` printed it from a pandas frame."""
    with Store.open(db, read_only=True) as store:
        frame = store.observations(**selection)
    frame = frame.drop(columns=["recorded_at", *TABLE_HIDDEN], errors="ignore")
    if frame["suppressed"].isna().all():
        frame = frame.drop(columns=["suppressed"])
    result = CliRunner().invoke(typer_printing(frame.head(limit)), [])
    assert result.exit_code == 0, result.output
    return result.output


def typer_printing(frame: pd.DataFrame) -> typer.Typer:
    # printed through a one-command app, so that the runner captures the same console
    printer = typer.Typer()
    printer.command()(lambda: print_frame(frame, "table"))
    return printer


@pytest.mark.parametrize(("args", "selection"), [
    ((), {}),
    (("va_ytd_yoy",), {"indicator": "va_ytd_yoy"}),
    (("--origin", "published"), {"origin": "published"}),
    (("--history",), {"history": True}),
    (("--period", "2023-12"), {"period": "2023-12"}),
])
def test_the_table_is_the_one_printed_from_pandas(
        db: Path, args: tuple[str, ...], selection: dict[str, Any]) -> None:
    result = CliRunner().invoke(app, ["--db", str(db), "query", *args])
    assert result.exit_code == 0, result.output
    assert result.output == table_as_before(db, selection)


def test_a_cut_table_says_how_many_rows_match(db: Path) -> None:
    result = CliRunner().invoke(app, ["--db", str(db), "query", "--limit", "2"])
    assert result.exit_code == 0, result.output
    assert "showing 2 of 5 rows; --limit 0 shows all" in result.output
    assert result.output.endswith(table_as_before(db, {}, limit=2))


def test_no_suppressed_column_when_no_row_found_is_suppressed(db: Path) -> None:
    wide = CliRunner(env={"COLUMNS": "200"})
    published = wide.invoke(app, ["--db", str(db), "query", "--origin", "published"])
    computed = wide.invoke(app, ["--db", str(db), "query", "--origin", "computed"])
    assert "suppress" not in published.output
    assert "suppress" in computed.output and "fewer" in computed.output


def test_query_prints_its_table_without_pandas(db: Path) -> None:
    done, loaded = loaded_after("from indmon.cli import main\nmain()",
                                "--db", str(db), "query", "va_ytd_yoy", columns=200)
    assert done.returncode == 0, done.stderr
    assert "1,234,568" in done.stdout and "r1;r2" in done.stdout
    assert loaded.isdisjoint(QUERY_LOADS_NOT), sorted(loaded & set(QUERY_LOADS_NOT))


def test_rows_and_counts_match_the_observations(db: Path) -> None:
    with Store.open(db, read_only=True) as store:
        frame = store.observations(history=True)
        found = store.observation_rows(history=True, limit=3)
        everything = store.observation_rows(history=True)
    assert found.columns == list(frame.columns)
    assert (found.matched, found.suppressed) == (len(frame), frame["suppressed"].notna().sum())
    assert [row[0] for row in everything.rows] == frame["obs_id"].tolist()
    assert [row[0] for row in found.rows] == frame["obs_id"].tolist()[:3]
