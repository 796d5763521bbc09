import io
import re
from pathlib import Path

import pytest
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


def test_a_period_without_figures_exits_1_naming_the_periods_with_some(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with Store.open(db) as store:
        add_published(store)
    out = tmp_path / "card.md"
    result = CliRunner().invoke(app, ["--db", str(db), "report", "--period", "2019",
                                      "--format", "md", "--out", str(out)])
    assert result.exit_code == 1
    message = " ".join(result.output.split())
    assert "no figures for period '2019'" in message
    assert "periods with figures: years 2023, 2022; months 2023-11" in message
    assert not out.exists()


def test_a_store_that_does_not_exist_is_not_created(tmp_path: Path) -> None:
    db = tmp_path / "missing.duckdb"
    result = CliRunner().invoke(app, ["--db", str(db), "report", "--period", "2023",
                                      "--out", str(tmp_path / "card.html")])
    assert result.exit_code == 1 and "no store at" in result.output
    assert not db.exists()


def test_a_period_a_card_cannot_be_made_for_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with Store.open(db) as store:
        add_published(store)
    result = CliRunner().invoke(app, ["--db", str(db), "report", "--period", "2023-01/2023-11",
                                      "--out", str(tmp_path / "card.html")])
    assert result.exit_code == 1
    assert "ask for its last month (2023-11)" in " ".join(result.output.split())


def terminal(monkeypatch: pytest.MonkeyPatch) -> io.StringIO:
    """Make the command's stderr a terminal writing into the returned buffer."""
    from rich.console import Console

    import indmon.cli.report as command

    buffer = io.StringIO()
    monkeypatch.setattr(command, "err_console", Console(file=buffer, force_terminal=True,
                                                        width=100))
    return buffer


def test_report_command_shows_its_steps_on_a_terminal(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "s.duckdb"
    with Store.open(db) as store:
        add_published(store)
    shown = terminal(monkeypatch)
    result = CliRunner().invoke(app, ["--db", str(db), "report", "--period", "2023",
                                      "--format", "md", "--out", str(tmp_path / "card.md")])
    assert result.exit_code == 0, result.output
    # the line is redrawn as steps go; the last one is drawn before the line goes away
    assert "drawing charts and writing the Markdown (en)" in shown.getvalue()
    # the steps go to stderr; stdout says only what was written
    assert "drawing" not in result.stdout and "wrote" in result.stdout


def test_quiet_or_no_terminal_shows_no_steps(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "s.duckdb"
    with Store.open(db) as store:
        add_published(store)
    args = ["--db", str(db), "report", "--period", "2023", "--format", "html", "--out",
            str(tmp_path / "card.html")]
    plain = CliRunner().invoke(app, args)
    assert plain.exit_code == 0 and "building" not in plain.output
    shown = terminal(monkeypatch)
    quiet = CliRunner().invoke(app, [*args, "--quiet"])
    assert quiet.exit_code == 0, quiet.output
    assert shown.getvalue() == ""
