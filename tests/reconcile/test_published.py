"""Loading published figures into a real store: merged duplicates, flagged conflicts that
keep their notes, revisions by the same publisher, vintages, idempotence and the checks
against the catalogue."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from indmon.catalogue import Catalogue
from indmon.catalogue.published import PublishedFigure, published_sources
from indmon.cli import app
from indmon.errors import CatalogueError
from indmon.reconcile.published import check_published, load_published
from indmon.store import Source, Store


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with Store.open(tmp_path_factory.mktemp("published") / "store.duckdb") as store:
        load_published(store)
        yield store


def stations(doc: str, value: float, note: str = "") -> PublishedFigure:
    return PublishedFigure("g5_base_stations", "2023-12-31", "ALL", "ALL", value, "count",
                           doc, 0, 5, f"{value / 1e6:g} million", note=note)


def test_a_figure_stated_by_two_releases_is_one_observation(loaded: Store) -> None:
    (figure,) = loaded.figures("va_ytd_yoy", period="2023", industry="C")
    assert figure.value == 5.0 and figure.published
    cited = loaded.provenance(figure.obs_id).sources
    assert {c.source.source_id for c in cited} == {"000_b304aa5af5c1748a",
                                                    "001_9544d068414588cc"}
    assert {c.mention for c in cited} == {"5.0%", "5%"}


def test_bundled_sources_are_stored_with_their_content_hash(loaded: Store) -> None:
    for source in published_sources():
        (stored,) = loaded.sources_with_hash(source.content_hash)
        assert (stored.source_id, stored.file) == (source.source_id, source.file)


def test_differing_statements_are_kept_and_flagged_with_their_notes(loaded: Store) -> None:
    conflicts = loaded.conflicts()
    nev = conflicts[conflicts["indicator"] == "nev_production_yoy"]
    assert sorted(nev["value"]) == [22.5, 27.7]
    assert set(nev["period"]) == {"2023-Q1"}
    notes = dict(zip(nev["value"], nev["note"], strict=True))
    assert "statistics bureau" in notes[22.5] and "CAAM" in notes[27.7]


def test_loading_twice_changes_nothing(loaded: Store) -> None:
    before = (loaded.counts(), loaded.sources().drop(columns="added_at"),
              loaded.observations(history=True))
    result = load_published(loaded)
    assert (result.added, result.revised, result.conflicts) == (0, 0, 0)
    after = (loaded.counts(), loaded.sources().drop(columns="added_at"),
             loaded.observations(history=True))
    assert after[0] == before[0]
    assert after[1].equals(before[1]) and after[2].equals(before[2])


def test_figures_are_unknown_before_their_release(loaded: Store) -> None:
    assert loaded.value("va_ytd_yoy", "2023", as_of="2024-01-18") is None
    assert loaded.value("va_ytd_yoy", "2023", as_of="2024-01-19") == 4.6
    assert loaded.value("va_ytd_yoy", "2022", as_of="2024-01-18") == 3.6
    assert loaded.value("three_new_exports_usd", "2023", as_of="2024-01-31") is None


def test_two_publishers_that_disagree_are_a_conflict_with_both_notes(tmp_path: Path) -> None:
    sources = [Source("note-b", publisher="B", title="Second", published="2024-01-20"),
               Source("note-a", publisher="A", title="First", published="2024-01-19")]
    figures = [stations("note-a", 3_377_000, "A counts base stations in service"),
               stations("note-b", 3_380_000, "B counts those built, in service or not")]
    with Store.open(tmp_path / "store.duckdb") as store:
        result = load_published(store, figures, sources)
        assert (result.added, result.conflicts) == (1, 1)
        flagged = store.conflicts()
        assert sorted(zip(flagged["source_id"], flagged["value"], flagged["note"],
                          strict=True)) == [
            ("note-a", 3_377_000, "A counts base stations in service"),
            ("note-b", 3_380_000, "B counts those built, in service or not")]


def test_a_later_release_by_the_same_publisher_is_a_revision(tmp_path: Path) -> None:
    sources = [Source("early", publisher="A", title="Preliminary", published="2024-01-19"),
               Source("late", publisher="A", title="Final", published="2024-02-20")]
    with Store.open(tmp_path / "store.duckdb") as store:
        result = load_published(store, [stations("early", 3_377_000),
                                        stations("late", 3_380_000)], sources)
        assert (result.added, result.revised, result.conflicts) == (1, 1, 0)
        assert store.conflicts().empty
        assert store.value("g5_base_stations", "2023-12-31", as_of="2024-02-01") == 3_377_000
        assert store.value("g5_base_stations", "2023-12-31") == 3_380_000
        (current,) = store.figures("g5_base_stations")
        assert [v.value for v in store.provenance(current.obs_id).vintages] == [
            3_377_000, 3_380_000]


def test_a_figure_in_the_wrong_unit_is_refused() -> None:
    fig = PublishedFigure("g5_base_stations", "2023-03-31", "ALL", "ALL", 2.64, "million",
                          "004_cad97cdaa49d5dd5", 10, 14, "2.64")
    with pytest.raises(CatalogueError, match=r"row 2, field 'unit'.*'count'"):
        check_published([fig], published_sources(), Catalogue.load())


def test_an_unknown_indicator_is_refused() -> None:
    fig = PublishedFigure("no_such_thing", "2023", "ALL", "ALL", 1, "count",
                          "004_cad97cdaa49d5dd5", 10, 14, "1")
    with pytest.raises(CatalogueError, match="no_such_thing"):
        check_published([fig], published_sources(), Catalogue.load())


def test_a_figure_of_an_unlisted_release_is_refused(tmp_path: Path) -> None:
    with Store.open(tmp_path / "store.duckdb") as store, pytest.raises(
            CatalogueError, match=r"field 'doc': 'nowhere' is not in sources\.csv"):
        load_published(store, [stations("nowhere", 1)], published_sources())
    with Store.open(tmp_path / "store.duckdb") as store:
        assert store.counts()["observations"] == 0


def test_load_published_command(tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    result = CliRunner().invoke(app, ["--db", str(db), "load-published", "-o", "json"])
    assert result.exit_code == 0, result.output
    assert '"conflicts": 1' in result.output
    again = CliRunner().invoke(app, ["--db", str(db), "load-published", "-o", "json"])
    assert '"added": 0' in again.output and '"conflicts": 0' in again.output
