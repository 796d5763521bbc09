"""Bad input to the read commands: one line naming the value and the choices, exit 1.

And a read command given a --db path with no store says so, and creates nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from indmon.cli import app
from indmon.store import NewObservation, Source, Store

runner = CliRunner()
RELEASE = Source("r1", kind="release", publisher="Test Ministry", title="Test release",
                 published="2024-01-19")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("inputs") / "s.duckdb"
    with Store.open(path) as store:
        store.record([NewObservation("va_ytd_yoy", period, value, "percent")
                      for period, value in (("2022", 3.6), ("2023-H1", 3.8), ("2023-12", 4.6),
                                            ("2023", 4.6), ("2024-01/2024-02", 7.0))],
                     RELEASE)
    return path


def fails(db: Path, *args: str) -> str:
    """The one error line of a command that must fail with exit code 1."""
    result = runner.invoke(app, ["--db", str(db), *args])
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    return lines[0]


BAD = [
    (("query", "nope"), ["'nope'", "indmon catalogue indicators"]),
    (("query", "va_yoyy"), ["'va_yoyy'", "did you mean", "va_yoy"]),
    (("query", "va_yoy", "nope"), ["'nope'"]),
    (("query", "--period", "2023-13"), ["--period", "'2023-13'", "2023-Q1", "2023-H1"]),
    (("query", "--period", "Q1-2023"), ["'Q1-2023'", "2023-01/2023-11"]),
    (("query", "--from", "2023-13"), ["--from", "'2023-13'"]),
    (("query", "--to", "2023-Q5"), ["--to", "'2023-Q5'"]),
    (("query", "--from", "2024-01", "--to", "2023-12"), ["--from 2024-01", "--to 2023-12"]),
    (("query", "--industry", "99"), ["--industry", "'99'", "ALL", "36"]),
    (("query", "--province", "999999"), ["--province", "'999999'", "110000"]),
    (("query", "--origin", "official"), ["'official'", "published, computed, simulated"]),
    (("query", "-o", "xml"), ["--output 'xml'", "table, csv, json"]),
    (("query", "--as-of", "2024-13-01"), ["'2024-13-01'", "2024-01-19"]),
    (("query", "--limit", "-1"), ["--limit -1"]),
    (("sources", "-o", "yaml"), ["'yaml'", "table, csv, json"]),
    (("provenance", "999"), ["no observation 999"]),
    (("export", "indicators", "--out", "x.xlsx"), ["'.xlsx'", ".csv, .parquet"]),
    (("export", "indicators", "--out", "x"), ["no ending", ".csv"]),
    (("catalogue", "indicators", "--theme", "nope"), ["--theme 'nope'", "ict"]),
]


@pytest.mark.parametrize("args,said", BAD, ids=[" ".join(a) for a, _ in BAD])
def test_bad_input_is_one_line_naming_the_value_and_the_choices(
        db: Path, args: tuple[str, ...], said: list[str]) -> None:
    line = fails(db, *args)
    for text in said:
        assert text in line, line


def test_a_bad_output_format_writes_nothing(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "indicators.xlsx"
    fails(db, "export", "indicators", "--out", str(out))
    assert not out.exists()


READS = [("query",), ("query", "va_yoy"), ("provenance", "1"), ("sources",),
         ("export", "indicators", "--out", "out.csv"), ("users", "list"), ("users", "tokens"),
         ("users", "audit")]


@pytest.mark.parametrize("args", READS, ids=[" ".join(a) for a in READS])
def test_a_read_command_on_a_missing_store_says_so_and_creates_nothing(
        tmp_path: Path, args: tuple[str, ...]) -> None:
    missing = tmp_path / "nowhere" / "none.duckdb"
    line = fails(missing, *args)
    assert f"no store at {missing}" in line
    assert not missing.exists() and not missing.parent.exists()


def test_from_and_to_take_periods_and_bound_the_last_month(db: Path) -> None:
    result = runner.invoke(app, ["--db", str(db), "query", "va_ytd_yoy", "--from", "2023",
                                 "--to", "2023", "-o", "json"])
    assert result.exit_code == 0, result.output
    assert sorted(r["period"] for r in json.loads(result.output)) == [
        "2023", "2023-12", "2023-H1"]


def test_query_filters_by_origin(db: Path) -> None:
    result = runner.invoke(app, ["--db", str(db), "query", "--origin", "computed", "-o",
                                 "json"])
    assert result.exit_code == 0 and json.loads(result.output) == []
    result = runner.invoke(app, ["--db", str(db), "query", "--origin", "published", "-o",
                                 "json"])
    assert {r["origin"] for r in json.loads(result.output)} == {"published"}


def test_provenance_prints_the_typed_record(db: Path) -> None:
    result = runner.invoke(app, ["--db", str(db), "provenance", "1"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["origin"] == "published" and record["period_kind"] == "year"
    assert record["sources"][0]["publisher"] == "Test Ministry"
