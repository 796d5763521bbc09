"""The bundled published figures: consistent with the catalogue and the release texts,
and loaded into a real store with merged duplicates, flagged conflicts and vintages."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from indmon.catalogue import Catalogue
from indmon.catalogue.published import (
    PublishedFigure,
    check_published,
    load_published,
    published_figures,
    published_sources,
    read_figures,
)
from indmon.errors import CatalogueError
from indmon.periods import Period
from indmon.store import Source, Store

#: in a checkout the shared reference material sits beside the repository
SHARED = Path(__file__).resolve().parents[2].parent / "shared"
NO_SHARED = pytest.mark.skipif(
    not (SHARED / "releases").is_dir(),
    reason=f"the release texts are not at {SHARED / 'releases'} (shared/ beside the repository)",
)


@pytest.fixture(scope="module")
def figures() -> list[PublishedFigure]:
    return published_figures()


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with Store.open(tmp_path_factory.mktemp("published") / "store.duckdb") as store:
        load_published(store)
        yield store


def test_figures_agree_with_catalogue_and_sources(figures: list[PublishedFigure]) -> None:
    check_published(figures, published_sources(), Catalogue.load())


def test_periods_match_indicator_frequency(figures: list[PublishedFigure]) -> None:
    cat = Catalogue.load()
    for fig in figures:
        kind = Period.parse(fig.period).kind
        is_stock = cat.indicator(fig.indicator).frequency == "stock"
        assert (kind == "date") == is_stock, (fig.indicator, fig.period)


def test_headline_figures_are_bundled(figures: list[PublishedFigure]) -> None:
    cells = {(f.indicator, f.period, f.industry): f.value for f in figures}
    assert cells[("va_ytd_yoy", "2023", "ALL")] == 4.6
    assert cells[("va_ytd_yoy", "2023", "C")] == 5.0
    assert cells[("va_ytd_yoy", "2022", "ALL")] == 3.6
    assert cells[("va_ytd_yoy", "2023-Q1", "ALL")] == 3.0
    assert cells[("va_hightech_ytd_yoy", "2022", "ALL")] == 7.4
    assert cells[("g5_base_stations", "2023-03-31", "ALL")] == 2_640_000
    assert cells[("tax_fee_relief", "2023-01/2023-11", "ALL")] == 1.8e12


def test_sources_carry_publisher_title_and_date() -> None:
    sources = {s.source_id: s for s in published_sources()}
    assert len(sources) == 4
    assert all(s.publisher and s.title and s.published for s in sources.values())
    assert sources["001_9544d068414588cc"].published == "2024-02-01"
    assert "scio.gov.cn" in sources["001_9544d068414588cc"].url


@NO_SHARED
def test_spans_point_at_the_mentions_in_the_releases(figures: list[PublishedFigure]) -> None:
    texts = {p.stem: p.read_text("utf-8") for p in (SHARED / "releases").glob("*.txt")}
    for fig in figures:
        assert texts[fig.doc][fig.start:fig.end] == fig.mention, (fig.doc, fig.start)


@NO_SHARED
def test_values_agree_with_the_hand_annotated_facts(figures: list[PublishedFigure]) -> None:
    gold = {}
    for path in (SHARED / "gold").glob("*.jsonl"):
        for line in path.read_text("utf-8").splitlines():
            fact = json.loads(line)
            gold[(fact["doc"], fact["start"])] = fact
    for fig in figures:
        fact = gold[(fig.doc, fig.start)]
        assert (fact["value"], fact["unit"]) == (fig.value, fig.unit), (fig.doc, fig.start)


def test_a_figure_stated_by_two_releases_is_one_observation(loaded: Store) -> None:
    rows = loaded.observations("va_ytd_yoy", period="2023", industry="C")
    assert rows["value"].tolist() == [5.0]
    cited = loaded.provenance(int(rows["obs_id"].iloc[0]))["sources"]
    assert {c["source_id"] for c in cited} == {"000_b304aa5af5c1748a", "001_9544d068414588cc"}
    assert {c["mention"] for c in cited} == {"5.0%", "5%"}


def test_differing_statements_are_kept_and_flagged(loaded: Store) -> None:
    conflicts = loaded.conflicts()
    nev = conflicts[conflicts["indicator"] == "nev_production_yoy"]
    assert sorted(nev["value"]) == [22.5, 27.7]
    assert set(nev["period"]) == {"2023-Q1"}


def test_loading_twice_changes_nothing(loaded: Store) -> None:
    tables = ("sources", "observations", "provenance")
    before = {t: loaded.query(f"SELECT * EXCLUDE (added_at) FROM {t}")
              if t == "sources" else loaded.query(f"SELECT * FROM {t}") for t in tables}
    result = load_published(loaded)
    assert (result.added, result.revised, result.conflicts) == (0, 0, 0)
    for table in tables:
        after = (loaded.query(f"SELECT * EXCLUDE (added_at) FROM {table}") if table == "sources"
                 else loaded.query(f"SELECT * FROM {table}"))
        assert after.equals(before[table]), table


def test_figures_are_unknown_before_their_release(loaded: Store) -> None:
    assert loaded.value("va_ytd_yoy", "2023", as_of="2024-01-18") is None
    assert loaded.value("va_ytd_yoy", "2023", as_of="2024-01-19") == 4.6
    assert loaded.value("va_ytd_yoy", "2022", as_of="2024-01-18") == 3.6
    assert loaded.value("three_new_exports_usd", "2023", as_of="2024-01-31") is None


def test_two_releases_that_disagree_are_flagged(tmp_path: Path) -> None:
    first = PublishedFigure("g5_base_stations", "2023-12-31", "ALL", "ALL", 3_377_000, "count",
                            "note-a", 0, 5, "3.377 million")
    second = replace(first, value=3_380_000, doc="note-b", mention="3.38 million")
    sources = [Source("note-b", publisher="B", title="Second", published="2024-01-20"),
               Source("note-a", publisher="A", title="First", published="2024-01-19")]
    with Store.open(tmp_path / "store.duckdb") as store:
        result = load_published(store, [first, second], sources)
        assert (result.added, result.conflicts) == (1, 1)
        flagged = store.conflicts()
        assert sorted(zip(flagged["source_id"], flagged["value"], strict=True)) == [
            ("note-a", 3_377_000), ("note-b", 3_380_000)]


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


def test_a_malformed_row_names_row_and_field() -> None:
    header = "indicator,period,industry,province,value,unit,doc,start,end,mention\n"
    good = "g5_base_stations,2023-03-31,ALL,ALL,2640000,count,004,1,2,x\n"
    with pytest.raises(CatalogueError, match=r"row 3, field 'value': '2.64 million'"):
        read_figures(header + good + good.replace("2640000", '"2.64 million"'))
    with pytest.raises(CatalogueError, match=r"row 2, field 'period'"):
        read_figures(header + good.replace("2023-03-31", "March 2023"))
    with pytest.raises(CatalogueError, match=r"lacks the columns \['mention'\]"):
        read_figures(header.replace(",mention", "") + "")
