"""The console script ends its process as soon as a command is done (``indmon.cli.main``
skips Python's teardown): what a command prints and its exit code stay as they were."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

MAIN = "import sys; from indmon.cli import main; sys.argv[0] = 'indmon'; main()"
#: the Typer app run as usual, with Python's teardown
APP = "import sys; from indmon.cli import app; sys.argv[0] = 'indmon'; app()"


def run_main(*argv: str, script: str = MAIN) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", script, *argv], capture_output=True,
                          text=True, timeout=120, check=False)


def test_a_command_prints_all_it_has_and_exits_0() -> None:
    done = run_main("--help")
    assert done.returncode == 0, done.stderr
    assert done.stdout == run_main("--help", script=APP).stdout
    assert done.stdout.startswith("Usage: indmon") and done.stdout.endswith("\n")


def test_a_failing_command_keeps_its_message_and_exit_code(tmp_path: Path) -> None:
    done = run_main("--db", str(tmp_path / "missing.duckdb"), "query", "va_yoy")
    assert done.returncode == 1
    assert "no store at" in done.stderr


def test_a_usage_error_exits_2() -> None:
    done = run_main("no-such-command")
    assert done.returncode == 2
    assert "No such command" in done.stderr
