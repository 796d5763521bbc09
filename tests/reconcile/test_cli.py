"""`indmon ingest`, `indmon conflicts` and `indmon check`, end to end on small texts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from indmon.catalogue.published import PublishedFigure
from indmon.cli import app
from indmon.reconcile.facts import search_facts
from indmon.reconcile.published import load_published
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
UNDATED = """Ministry of Industry note

In 2023 China had 3.377 million 5G base stations.
"""
CHINESE = """工业运行简报 2024年1月25日

2023年，全国规模以上工业增加值同比增长4.6%，比上年加快1个百分点。制造业增加值增长5.0%。
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def run(db: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["--db", str(db), *args])
    return result.exit_code, result.output


def ids(db: Path) -> dict[str, list[str]]:
    """Source ids by the name of the file each was read from."""
    with Store.open(db, read_only=True) as store:
        frame = store.sources()
    out: dict[str, list[str]] = {}
    for file, source_id in zip(frame["file"], frame["source_id"], strict=True):
        out.setdefault(str(file), []).append(str(source_id))
    return out


def cited(db: Path, indicator: str, period: str) -> list[tuple[float, set[str]]]:
    """(value, files of the sources) of each current figure of the country."""
    with Store.open(db, read_only=True) as store:
        figures = store.figures(indicator, period=period, industry="ALL", province="ALL")
        sources = store.cited([f.obs_id for f in figures])
    return sorted((f.value, {p.source.file for p in sources[f.obs_id]}) for f in figures)


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
    assert cited(db, "va_ytd_yoy", "2023") == [(4.6, {"briefing.txt", "digest.txt"})]
    (briefing,), (digest,) = ids(db)["briefing.txt"], ids(db)["digest.txt"]
    assert briefing.startswith("briefing@") and digest.startswith("digest@")
    with Store.open(db, read_only=True) as store:
        assert str(store.source(briefing).published_date) == "2024-01-19"
        assert store.source(digest).publisher == "Test Ministry"
        assert set(search_facts(store)["doc"]) == {i for found in ids(db).values() for i in found}


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
    run(db, "ingest", str(write(tmp_path, "wire.txt", WIRE)), "--publisher", "A wire service")
    code, output = run(db, "conflicts", "-o", "json")
    assert code == 0, output
    rows = json.loads(output)
    files = {i: f for f, found in ids(db).items() for i in found}
    assert sorted((r["value"], files[r["source_id"]], r["publisher"]) for r in rows) == [
        (4.6, "briefing.txt", "Test Ministry"), (4.6, "digest.txt", "Test Ministry"),
        (4.8, "wire.txt", "A wire service")]


def test_a_revision_by_the_same_publisher_adds_a_vintage_and_no_conflict(
    db: Path, tmp_path: Path,
) -> None:
    revised = WIRE.replace("Regional wire, 2024-01-21", "Ministry of Industry, 2024-02-28")
    code, output = run(db, "ingest", str(write(tmp_path, "revised.txt", revised)),
                       "--publisher", "Test Ministry", "--release-type", "final", "-o", "json")
    assert code == 0, output
    assert [(r["revised"], r["conflicts"]) for r in json.loads(output)] == [(1, 0)]
    assert run(db, "conflicts")[1].strip() == "No conflicting figures."
    assert cited(db, "va_ytd_yoy", "2023") == [(4.8, {"revised.txt"})]
    with Store.open(db, read_only=True) as store:
        assert store.value("va_ytd_yoy", "2023", as_of="2024-02-27") == 4.6
        (current,) = store.figures("va_ytd_yoy", period="2023", industry="ALL")
        assert [v.value for v in store.provenance(current.obs_id).vintages] == [4.6, 4.8]
        (source,) = [store.source(i) for i in ids(db)["revised.txt"]]
        assert source.release_type == "final"


def test_conflicts_show_the_note_of_each_side(tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    sources = [Source("count-a", publisher="Ministry", title="A", published="2024-01-19"),
               Source("count-b", publisher="Association", title="B", published="2024-01-19")]
    stations = PublishedFigure("g5_base_stations", "2023-12-31", "ALL", "ALL", 3_377_000,
                               "count", "count-a", 0, 5, "3.377 million",
                               note="stations in service")
    with Store.open(db) as store:
        load_published(store, [stations, PublishedFigure(
            **{**stations.__dict__, "doc": "count-b", "value": 3_400_000,
               "note": "stations built, in service or not"})], sources)
    code, output = run(db, "conflicts", "-o", "json")
    assert code == 0, output
    assert sorted((r["publisher"], r["note"]) for r in json.loads(output)) == [
        ("Association", "stations built, in service or not"),
        ("Ministry", "stations in service")]
    code, output = run(db, "conflicts")
    assert code == 0 and "note" in output and "service" in output and "00:00" not in output


def test_two_files_of_one_name_keep_their_own_citations(db: Path, tmp_path: Path) -> None:
    text = ("Ministry of Industry note, 2024-01-23\n\n"
            "In 2023 China had 3.38 million 5G base stations.\n")
    path = write(tmp_path / "elsewhere", "briefing.txt", text)
    code, output = run(db, "ingest", str(path), "--publisher", "Test Ministry", "-o", "json")
    assert code == 0, output
    (row,) = json.loads(output)
    first, second = ids(db)["briefing.txt"]
    assert first != second and row["doc"] == second and row["revised"] == 1
    assert cited(db, "va_ytd_yoy", "2023") == [(4.6, {"briefing.txt", "digest.txt"})]
    with Store.open(db, read_only=True) as store:
        (stations,) = store.figures("g5_base_stations", period="2023-12-31")
        (latest,) = store.cited([stations.obs_id])[stations.obs_id]
        assert (stations.value, latest.source.source_id) == (3_380_000, second)
        earlier = store.provenance(stations.obs_id).vintages[0]
        (stated,) = store.cited([earlier.obs_id])[earlier.obs_id]
        assert (earlier.value, stated.source.source_id) == (3_377_000, first)


def test_the_same_text_under_another_name_changes_nothing(db: Path, tmp_path: Path) -> None:
    with Store.open(db, read_only=True) as store:
        before = (store.counts(), len(search_facts(store)))
    copy = write(tmp_path / "copies", "renamed.txt", BRIEFING)
    code, output = run(db, "ingest", str(copy), "-o", "json")
    assert code == 0, output
    (row,) = json.loads(output)
    assert row["doc"] in ids(db)["briefing.txt"] and row["added"] == 0
    with Store.open(db, read_only=True) as store:
        assert (store.counts(), len(search_facts(store))) == before


def test_a_text_without_a_date_is_refused_and_the_files_before_it_stay(
    tmp_path: Path,
) -> None:
    db = tmp_path / "fresh.duckdb"
    dated = write(tmp_path, "dated.txt", EARLIER)
    undated = write(tmp_path, "undated.txt", UNDATED)
    result = runner.invoke(app, ["--db", str(db), "ingest", str(dated), str(undated)])
    assert result.exit_code == 1
    assert "undated.txt" in result.output and "--published" in result.output
    assert "dated.txt" in result.output  # the summary of what went in before the error
    assert list(ids(db)) == ["dated.txt"]
    code, output = run(db, "ingest", str(undated), "--published", "2024-01-22", "-o", "json")
    assert code == 0, output
    assert json.loads(output)[0]["published"] == "2024-01-22"


def test_an_address_that_is_not_http_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "fresh.duckdb"
    path = write(tmp_path, "dated.txt", EARLIER)
    for url in ("file:///etc/passwd", "ftp://example.org/a.txt"):
        code, output = run(db, "ingest", str(path), "--url", url)
        assert code == 1 and "not an http(s) address" in output
    code, output = run(db, "ingest", str(path), "--release-type", "draft")
    assert code == 1 and "preliminary, final" in output


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
    code, output = run(db, "check", str(right), "--against", "simulated", "-o", "json")
    assert code == 0, output
    verdicts = json.loads(output)
    assert [(v["kind"], v["status"], v["origin"]) for v in verdicts] == [
        ("figure", "agrees", "simulated"), ("streak", "agrees", "simulated")]
    assert all("SIMULATED" in v["note"] for v in verdicts)
    code, output = run(db, "check", str(wrong), "--against", "any", "-o", "json")
    assert code == 1
    assert json.loads(output)[1]["stored"] == 5


def test_check_judges_official_claims_against_published_figures_only(tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    with Store.open(db) as store:
        simulated = Source("compute-1", kind="computation", title="Computed from reports",
                           publisher="indmon", published="2024-01-10", simulated=True)
        store.record([NewObservation("va_ytd_yoy", "2023", 4.6, "percent")], simulated)
    claim = write(tmp_path, "claim.txt", DIGEST)
    code, output = run(db, "check", str(claim), "-o", "json")
    assert code == 0, output
    (verdict,) = json.loads(output)
    assert (verdict["status"], verdict["stored"]) == ("unknown", None)
    assert "no stored published figure" in verdict["note"]
    assert "--against simulated" in verdict["note"]
    code, output = run(db, "check", str(claim), "--against", "everything")
    assert code == 1 and "published, computed, simulated, any" in output


def test_check_of_a_conflicted_figure_is_disputed(db: Path, tmp_path: Path) -> None:
    run(db, "ingest", str(write(tmp_path, "wire.txt", WIRE)), "--publisher", "A wire service")
    claim = write(tmp_path, "claim.txt", DIGEST.replace("2024-01-20", "2024-02-01"))
    code, output = run(db, "check", str(claim), "-o", "json")
    assert code == 1
    (verdict,) = json.loads(output)
    assert verdict["status"] == "disputed"
    assert "4.6" in verdict["note"] and "4.8" in verdict["note"]


def test_read_commands_refuse_a_store_that_does_not_exist(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.duckdb"
    claim = write(tmp_path, "claim.txt", DIGEST)
    for args in (("check", str(claim)), ("conflicts",)):
        code, output = run(missing, *args)
        assert code == 1 and "no store at" in output
    assert not missing.exists()


def test_check_reads_beside_another_reader(db: Path, tmp_path: Path) -> None:
    claim = write(tmp_path, "claim.txt", CHINESE)
    with Store.open(db, read_only=True):  # as a running indmon serve would hold it
        code, output = run(db, "check", str(claim), "-o", "json")
    assert code == 0, output
