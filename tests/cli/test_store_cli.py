"""The store's commands, run as a user runs them: the installed `indmon` entry point."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from indmon.store import NewObservation, Source, Store


def indmon(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["indmon", "--db", str(db), *args], capture_output=True, text=True,
                          check=False, timeout=120)


def make_store(path: Path) -> None:
    with Store.open(path) as store:
        source = Source("r1", kind="release", publisher="Test Ministry", title="Test release",
                        published="2024-01-19")
        store.record([NewObservation("va_ytd_yoy", "2023", 4.6, "percent", mention="4.6%",
                                     span=(3, 7))], source)


def test_query_prints_csv_and_json(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    make_store(db)
    csv_out = indmon("query", "va_ytd_yoy", "-o", "csv", db=db)
    assert csv_out.returncode == 0, csv_out.stderr
    assert "va_ytd_yoy,2023,ALL,ALL,4.6" in csv_out.stdout
    rows = json.loads(indmon("query", "--period", "2023", "-o", "json", db=db).stdout)
    assert rows[0]["value"] == 4.6 and rows[0]["sources"] == "r1"


def test_query_as_of_before_publication_finds_nothing(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    make_store(db)
    assert json.loads(indmon("query", "--as-of", "2024-01-18", "-o", "json", db=db).stdout) == []


def test_provenance_names_the_source(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    make_store(db)
    out = indmon("provenance", "1", db=db)
    assert out.returncode == 0, out.stderr
    assert "Test release" in out.stdout and "4.6%" in out.stdout


def test_a_bad_as_of_date_is_a_clean_error(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    make_store(db)
    out = indmon("query", "--as-of", "yesterday", db=db)
    assert out.returncode == 1
    assert "as-of date 'yesterday' is not a date" in out.stderr
    assert "Traceback" not in out.stderr


def test_catalogue_lists_41_industries_and_31_provinces(tmp_path: Path) -> None:
    db = tmp_path / "x.duckdb"
    industries = json.loads(indmon("catalogue", "industries", "-o", "json", db=db).stdout)
    provinces = json.loads(indmon("catalogue", "provinces", "-o", "json", db=db).stdout)
    assert len(industries) == 41 and len(provinces) == 31


def test_csv_output_is_never_cut_but_the_table_says_when_it_is(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with Store.open(db) as store:
        source = Source("r1", kind="release", publisher="Test Ministry", title="Test release",
                        published="2024-01-19")
        store.record([NewObservation("x", f"{year}", float(year), "count")
                      for year in range(1800, 2050)], source)
    csv_lines = indmon("query", "x", "-o", "csv", db=db).stdout.strip().splitlines()
    assert len(csv_lines) == 251
    table = indmon("query", "x", db=db)
    assert "showing 200 of 250 rows" in table.stderr
