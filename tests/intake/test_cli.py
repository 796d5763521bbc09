"""``indmon import``, ``indmon rejections`` and ``indmon simulate`` on the command line."""

from __future__ import annotations

from pathlib import Path

from tests.intake.conftest import GOOD, WriteCsv
from typer.testing import CliRunner

from indmon.cli import app

runner = CliRunner()


def test_import_twice_then_list_the_rejections(tmp_path: Path, write_csv: WriteCsv) -> None:
    db = str(tmp_path / "cli.duckdb")
    path = write_csv(GOOD.format(n=1), "E2,2023-06,36,320000,1000,300,1100,50,many")

    first = runner.invoke(app, ["--db", db, "import", "reports", str(path), "-o", "csv"])
    again = runner.invoke(app, ["--db", db, "import", "reports", str(path), "-o", "csv"])
    listed = runner.invoke(app, ["--db", db, "rejections", "-o", "csv"])

    assert first.exit_code == 0 and ",2,1,1,0,imported" in first.stdout
    assert again.exit_code == 0 and "already imported" in again.stdout
    assert f"{path},2,employees,'many' is not a number" in listed.stdout


def test_an_unreadable_file_is_a_clean_error(tmp_path: Path) -> None:
    path = tmp_path / "reports.txt"
    path.write_text("x")

    result = runner.invoke(app, ["--db", str(tmp_path / "cli.duckdb"), "import", "reports",
                                 str(path)])

    assert result.exit_code == 1
    assert "no reader handles this file" in result.stderr


def test_simulate_writes_a_marked_panel(tmp_path: Path) -> None:
    out = tmp_path / "panel"

    result = runner.invoke(app, ["simulate", "--enterprises", "50", "--out", str(out),
                                 "--from", "2023-01", "--to", "2023-02", "--format", "csv"])

    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "README.txt", "prices.csv", "reports_2023-01.csv", "reports_2023-02.csv"]
