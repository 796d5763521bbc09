"""The report card's wording: price basis of computed growth, conflicting sources, changes
of counts and levels, level indicators as sentences, and a Markdown snapshot."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from indmon.report import build_briefing, render_briefing
from indmon.report.model import Briefing, Number
from indmon.store import NewObservation, Source, Store

from .conftest import COMPUTATION, add_published
from .test_briefing import all_text, text_of

GOLDEN = Path(__file__).parent / "golden"
FROZEN = dt.datetime(2024, 1, 22, 9, 30)
LEVELS_2023 = Source("test-levels-2023", kind="release", publisher="Test ministry",
                     title="Test bulletin on networks in 2023", published="2024-01-25")
LEVELS_2022 = Source("test-levels-2022", kind="release", publisher="Test ministry",
                     title="Test bulletin on networks in 2022", published="2023-01-20")
OTHER = Source("test-other-2023", kind="release", publisher="Other agency",
               title="Other account of 2023", published="2024-02-01")


def real_rows() -> pd.DataFrame:
    """Computed growth at both price bases, as the simulated demo panel is calibrated."""
    rows = [("va_real_ytd_yoy", "2023-12", "ALL", "ALL", 4.6),
            ("va_real_ytd_yoy", "2022-12", "ALL", "ALL", 3.6),
            ("va_ytd_yoy", "2023-12", "ALL", "ALL", 1.1),
            ("va_ytd_yoy", "2022-12", "ALL", "ALL", 7.6)]
    for code, real, nominal in (("13", 2.0, -1.0), ("26", 6.0, 3.0), ("36", 9.0, 5.0)):
        rows += [("va_real_ytd_yoy", "2023-12", code, "ALL", real),
                 ("va_ytd_yoy", "2023-12", code, "ALL", nominal)]
    for code, real in (("320000", 7.0), ("440000", 4.9), ("510000", 3.0)):
        rows += [("va_real_ytd_yoy", "2023-12", "ALL", code, real),
                 ("va_ytd_yoy", "2023-12", "ALL", code, real - 3.5)]
    frame = pd.DataFrame(rows, columns=["indicator", "period", "industry", "province", "value"])
    return frame.assign(unit="percent")


def add_levels(store: Store) -> None:
    store.record([
        NewObservation("g5_base_stations", "2023-12-31", 3.377e6, "count"),
        NewObservation("gigabit_users", "2023-12-31", 1.63e8, "count"),
        NewObservation("advanced_mfg_clusters_national", "2023", 45, "count"),
        NewObservation("mfg_innovation_centres_national", "2023", 30, "count"),
    ], LEVELS_2023)
    store.record([
        NewObservation("g5_base_stations", "2022-12-31", 2.312e6, "count"),
        NewObservation("advanced_mfg_clusters_national", "2022", 45, "count"),
        NewObservation("mfg_innovation_centres_national", "2022", 27, "count"),
    ], LEVELS_2022)


@pytest.fixture
def card_store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "card.duckdb") as store:
        add_published(store)
        add_levels(store)
        store.record_frame(real_rows(), COMPUTATION)
        yield store


def section(briefing: Briefing, key: str) -> str:
    found = next(s for s in briefing.sections if s.key == key)
    cells = [c.text if isinstance(c, Number) else c or ""
             for t in found.tables for row in t.rows for c in row]
    return "\n".join([found.lead, *map(text_of, found.paragraphs), *cells,
                      *(c.title for c in found.charts)])


# -- 1. price basis ------------------------------------------------------------------------
def test_computed_growth_is_at_comparable_prices_in_english(card_store: Store) -> None:
    briefing = build_briefing(card_store, "2023", "en")
    overview = section(briefing, "simulated-overview")
    assert ("At comparable prices, value added of industrial enterprises above designated size"
            " grew 4.6% year on year, 1.0 percentage point above 2022.") in overview
    assert "computed from simulated reports 4.6% vs published 4.6%" in overview
    assert "Growth rates are at comparable prices" in overview
    industry = section(briefing, "simulated-industry")
    assert "9.0%" in industry and "5.0%" not in industry  # division 36 at comparable prices
    assert "comparable prices" in industry
    province = section(briefing, "simulated-province")
    assert "2 of the 3" not in province and "7.0%" in province and "3.5%" not in province


def test_computed_growth_is_at_comparable_prices_in_chinese(card_store: Store) -> None:
    overview = section(build_briefing(card_store, "2023", "zh"), "simulated-overview")
    assert "按可比价格计算，规模以上工业增加值同比增长4.6%，比2022年加快1.0个百分点。" in overview
    assert "模拟数据计算值4.6%，公开发布值4.6%" in overview
    assert "增速按可比价格计算" in overview


@pytest.mark.parametrize(("lang", "said"), [("en", "Growth rates are at current prices"),
                                             ("zh", "增速按现价计算")])
def test_without_comparable_prices_current_prices_are_shown_and_said(
        computed_store: Store, lang: str, said: str) -> None:
    briefing = build_briefing(computed_store, "2023", lang)
    overview = section(briefing, "simulated-overview")
    assert said in overview and "5.2%" in overview


# -- 2. conflicts ---------------------------------------------------------------------------
@pytest.mark.parametrize(("lang", "marker"), [("en", "sources differ"), ("zh", "来源不一致")])
def test_conflicting_sources_show_both_values(card_store: Store, lang: str,
                                              marker: str) -> None:
    card_store.record([NewObservation("mfg_innovation_centres_national", "2023", 31, "count")],
                      OTHER)
    briefing = build_briefing(card_store, "2023", lang)
    number = next(c for s in briefing.sections for t in s.tables for row in t.rows for c in row
                  if isinstance(c, Number) and c.differs)
    assert sorted(s.number.text for s in number.differs) == (
        ["30", "31"] if lang == "en" else ["30个", "31个"])
    sources = " ".join(s.source for s in number.differs)
    assert "Other account of 2023" in sources and "Test bulletin on networks in 2023" in sources
    markdown = render_briefing(briefing, "md")
    html = render_briefing(briefing, "html")
    assert f"⚠ {marker}" in markdown and marker in html and "Other account of 2023" in html


# -- 3. changes of counts and levels ------------------------------------------------------------
@pytest.mark.parametrize(("lang", "same", "plus", "money"), [
    ("en", "unchanged", "+3", "−700 billion yuan (−8.3%)"),
    ("zh", "持平", "+3个", "−7000亿元（−8.3%）"),
])
def test_changes_are_differences_in_units(card_store: Store, lang: str, same: str, plus: str,
                                          money: str) -> None:
    briefing = build_briefing(card_store, "2023", lang)
    text = render_briefing(briefing, "md")
    assert isinstance(text, str)
    rows = {line.split(" | ")[0]: line for line in text.splitlines() if line.startswith("| ")}
    clusters = next(v for k, v in rows.items() if "45" in v and ("cluster" in k or "集群" in k))
    assert f"| {same}[^" in clusters and "%" not in clusters
    centres = next(v for k, v in rows.items() if "30" in v and ("centre" in k or "中心" in k))
    assert f"| {plus}[^" in centres and "%" not in centres.split(" | ")[-1]
    assert money in text and "±" not in text


def test_counts_never_show_a_zero_percent_change() -> None:
    from indmon.report import phrasing

    change = phrasing.level_change(45, 45, "count", "count")
    assert phrasing.change_cell_text(change, "count", "en") == "unchanged"
    big = phrasing.level_change(3.377e6, 2.312e6, "count", "count")
    assert phrasing.change_cell_text(big, "count", "en") == "+1.065 million (+46.1%)"
    assert phrasing.change_cell_text(big, "count", "zh") == "+106.5万个（+46.1%）"
    rank = phrasing.level_change(1, 2, "count", "rank")
    assert phrasing.change_cell_text(rank, "count", "zh") == "上升1位"


# -- 4. level indicators as sentences ------------------------------------------------------------
def test_levels_read_as_sentences_in_english(card_store: Store) -> None:
    headline = all_text(build_briefing(card_store, "2023", "en"))
    assert ("China had 3.377 million 5G base stations at the end of 2023, 1.065 million more "
            "than at the end of 2022 (up 46.1%).") in headline
    assert "China had 163 million gigabit broadband users at the end of 2023." in headline
    assert ": 3.377 million" not in headline


def test_levels_read_as_sentences_in_chinese(card_store: Store) -> None:
    headline = all_text(build_briefing(card_store, "2023", "zh"))
    assert "截至2023年底，5G基站总数达337.7万个，比2022年末增加106.5万个，增长46.1%。" in headline
    assert "截至2023年底，千兆宽带用户总数达1.63亿户。" in headline


# -- 5. snapshot ---------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_markdown_matches_the_golden_file(card_store: Store, lang: str) -> None:
    """The whole Markdown of a small store. After an intended change of wording, rewrite
    the golden files with ``INDMON_UPDATE_GOLDEN=1 pytest tests/report/test_card.py``."""
    text = render_briefing(build_briefing(card_store, "2023", lang, generated=FROZEN), "md")
    golden = GOLDEN / f"card-2023-{lang}.md"
    if os.environ.get("INDMON_UPDATE_GOLDEN"):
        golden.write_text(str(text), "utf-8")
    assert text == golden.read_text("utf-8")
