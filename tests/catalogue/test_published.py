"""The bundled published figures as catalogue data: consistent with the catalogue and
with the release texts (loading them into a store: tests/reconcile/test_published.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from indmon.catalogue import Catalogue
from indmon.catalogue.published import (
    PublishedFigure,
    published_figures,
    published_sources,
    read_figures,
)
from indmon.errors import CatalogueError
from indmon.extract.documents import read_document
from indmon.periods import Period
from indmon.reconcile.published import check_published

#: in a checkout the shared reference material sits beside the repository
SHARED = Path(__file__).resolve().parents[2].parent / "shared"
NO_SHARED = pytest.mark.skipif(
    not (SHARED / "releases").is_dir(),
    reason=f"the release texts are not at {SHARED / 'releases'} (shared/ beside the repository)",
)


@pytest.fixture(scope="module")
def figures() -> list[PublishedFigure]:
    return published_figures()


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


def test_sources_are_known_by_their_content() -> None:
    sources = published_sources()
    assert all(len(s.content_hash) == 64 for s in sources)
    assert len({s.content_hash for s in sources}) == len(sources)
    assert {s.file for s in sources} == {f"{s.source_id}.txt" for s in sources}


@NO_SHARED
def test_content_hashes_are_those_of_the_release_texts() -> None:
    for source in published_sources():
        document = read_document(SHARED / "releases" / source.file)
        assert document.content_hash == source.content_hash, source.source_id


def test_the_figures_that_differ_say_why(figures: list[PublishedFigure]) -> None:
    nev = [f for f in figures if (f.indicator, f.period) == ("nev_production_yoy", "2023-Q1")]
    assert sorted(f.value for f in nev) == [22.5, 27.7]
    assert all("differs from" in f.note for f in nev)


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


def test_a_malformed_row_names_row_and_field() -> None:
    header = "indicator,period,industry,province,value,unit,doc,start,end,mention\n"
    good = "g5_base_stations,2023-03-31,ALL,ALL,2640000,count,004,1,2,x\n"
    with pytest.raises(CatalogueError, match=r"row 3, field 'value': '2.64 million'"):
        read_figures(header + good + good.replace("2640000", '"2.64 million"'))
    with pytest.raises(CatalogueError, match=r"row 2, field 'period'"):
        read_figures(header + good.replace("2023-03-31", "March 2023"))
    with pytest.raises(CatalogueError, match=r"lacks the columns \['mention'\]"):
        read_figures(header.replace(",mention", "") + "")
