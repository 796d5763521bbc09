import re
from pathlib import Path

from typer.testing import CliRunner

from indmon.cli import app
from indmon.store import Store

from .conftest import add_published


def test_report_command_writes_the_file(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with Store.open(db) as store:
        add_published(store)
    out = tmp_path / "card.html"
    result = CliRunner().invoke(app, ["--db", str(db), "report", "--period", "2023",
                                      "--lang", "zh", "--format", "html", "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = re.sub(r"<[^>]+>", "", out.read_text("utf-8"))
    assert "比2022年加快1.0个百分点" in text


def test_report_command_turns_bad_options_into_a_message(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["--db", str(tmp_path / "s.duckdb"), "report", "--period",
                                      "2023", "--lang", "fr", "--out", str(tmp_path / "x")])
    assert result.exit_code == 1
    assert "use --lang en or --lang zh" in result.output
