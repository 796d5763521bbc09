"""`indmon ingest`, `indmon conflicts` and `indmon check`, end to end on small texts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from indmon.cli import app
from indmon.store import NewObservation, Source, Store

runner = CliRunner()

# Texts written for these tests: three reports of one briefing, one of them misquoting.
BRIEFING = """Ministry of Industry briefing, 2024-01-19

In 2023, the value added of industrial enterprises above designated size grew by 4.6% year \
on year, 1 percentage point higher than in 2022. The value added of manufacturing grew by \
5.0%. By the end of 2023, China had 3.377 million 5G base stations.
"""
DIGEST = """News digest, 2024-01-20

Officials said that in 2023 the value added of industrial enterprises above designated size \
grew by 4.6% year on year.
"""
WIRE = """Regional wire, 2024-01-21

A wire report said that in 2023 the value added of industrial enterprises above designated \
size grew by 4.8% year on year.
"""
EARLIER = """Ministry of Industry briefing, 2023-01-18

In 2022, the value added of industrial enterprises above designated size grew by 3.6% year \
on year.
"""
CHINESE = """工业运行简报 2024年1月25日

2023年，全国规模以上工业增加值同比增长4.6%，比上年加快1个百分点。制造业增加值增长5.0%。
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def run(db: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["--db", str(db), *args])
    return result.exit_code, result.output


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "store.duckdb"
    files = [write(tmp_path, name, text) for name, text in
             (("earlier.txt", EARLIER), ("briefing.txt", BRIEFING), ("digest.txt", DIGEST))]
    code, output = run(path, "ingest", *map(str, files), "--publisher", "Test Ministry",
                       "-o", "json")
    assert code == 0, output
    return path


def test_ingest_merges_the_same_figure_from_several_texts(db: Path) -> None:
    with Store.open(db, read_only=True) as store:
        frame = store.observations("va_ytd_yoy", period="2023", industry="ALL")
        assert frame[["value", "sources"]].values.tolist() == [[4.6, "briefing;digest"]]
        assert store.source("briefing")["published"].startswith("2024-01-19")
        assert store.source("digest")["publisher"] == "Test Ministry"


def test_ingest_again_changes_nothing(db: Path, tmp_path: Path) -> None:
    with Store.open(db, read_only=True) as store:
        before = store.counts()
    code, output = run(db, "ingest", str(tmp_path / "briefing.txt"), "-o", "json")
    assert code == 0, output
    assert json.loads(output)[0]["added"] == 0
    with Store.open(db, read_only=True) as store:
        assert store.counts() == before


def test_conflicts_lists_every_stated_value_with_its_source(db: Path, tmp_path: Path) -> None:
    assert run(db, "conflicts")[1].strip() == "No conflicting figures."
    run(db, "ingest", str(write(tmp_path, "wire.txt", WIRE)))
    code, output = run(db, "conflicts", "-o", "json")
    assert code == 0, output
    rows = json.loads(output)
    assert sorted((r["value"], r["source_id"]) for r in rows) == [
        (4.6, "briefing"), (4.6, "digest"), (4.8, "wire")]


def test_check_agrees_and_exits_zero(db: Path, tmp_path: Path) -> None:
    claim = write(tmp_path, "claim.txt", CHINESE)
    code, output = run(db, "check", str(claim), "-o", "json")
    assert code == 0, output
    verdicts = {(v["kind"], v["mention"]): v["status"] for v in json.loads(output)}
    assert verdicts == {("figure", "4.6%"): "agrees", ("change", "1个百分点"): "agrees",
                        ("figure", "5.0%"): "agrees"}


def test_check_disagrees_names_the_source_and_exits_one(db: Path, tmp_path: Path) -> None:
    claim = write(tmp_path, "claim.txt", WIRE.replace("2024-01-21", "2024-02-01"))
    code, output = run(db, "check", str(claim), "-o", "json")
    assert code == 1
    (verdict,) = json.loads(output)
    assert (verdict["status"], verdict["stored"], verdict["published"]) == (
        "disagrees", 4.6, "2024-01-19")


def test_check_before_publication_is_unknown(db: Path, tmp_path: Path) -> None:
    claim = write(tmp_path, "claim.txt", DIGEST)
    code, output = run(db, "check", str(claim), "--published", "2024-01-10", "-o", "json")
    assert code == 0, output
    assert [v["status"] for v in json.loads(output)] == ["unknown"]


def test_bad_dates_and_files_are_reported(db: Path, tmp_path: Path) -> None:
    code, output = run(db, "check", str(tmp_path / "missing.txt"))
    assert code == 1 and "missing.txt" in output
    code, output = run(db, "ingest", str(tmp_path / "briefing.txt"), "--published", "19/01/2024")
    assert code == 1 and "not a date like 2024-01-19" in output


def test_check_counts_a_streak_on_the_stored_monthly_series(tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    months = ["2022-09", "2022-10", "2022-11", "2022-12", "2023-02", "2023-03"]
    with Store.open(db) as store:
        computed = Source("compute-1", kind="computation", title="Computed from reports",
                          publisher="indmon", published="2023-04-15", simulated=True)
        store.record([NewObservation("va_yoy", m, v, "percent") for m, v in
                      zip(months, [-0.5, 0.4, 1.1, 1.3, 2.4, 3.9], strict=True)], computed)
    monthly = ("工业月报 2023年4月18日\n\n"
               "2023年3月份，规模以上工业增加值同比增长3.9%，连续{n}个月保持增长。\n")
    right = write(tmp_path, "right.txt", monthly.format(n=5))
    wrong = write(tmp_path, "wrong.txt", monthly.format(n=6))
    code, output = run(db, "check", str(right), "-o", "json")
    assert code == 0, output
    assert [(v["kind"], v["status"]) for v in json.loads(output)] == [
        ("figure", "agrees"), ("streak", "agrees")]
    code, output = run(db, "check", str(wrong), "-o", "json")
    assert code == 1
    assert json.loads(output)[1]["stored"] == 5
