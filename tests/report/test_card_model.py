"""The report-card model: which figure stands for a period, what it is compared with, and
which section (by origin) it belongs to."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from indmon.errors import ConfigError, NotFound
from indmon.report.card import (
    ReportCard,
    build_card,
    card_periods,
    default_period,
    entry_period_words,
    trends,
)
from indmon.store import NewObservation, Origin, Source, Store

RELEASE = Source("card-release", publisher="Test office", title="Test release",
                 published="2024-01-19")
OTHER = Source("card-other", publisher="Other office", title="Other release",
               published="2024-01-25")
REAL = Source("card-compute", kind="computation", publisher="indmon", title="Computed",
              published="2024-02-01")
SIMULATED = Source("card-simulated", kind="computation", publisher="indmon",
                   title="Computed (simulated)", published="2024-02-01", simulated=True)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "card.duckdb") as opened:
        yield opened


def record(store: Store, source: Source, *rows: tuple[str, str, float]) -> None:
    store.record([NewObservation(ind, period, value, "percent") for ind, period, value in rows],
                 source)


def entry_of(card: ReportCard, indicator: str, origin: Origin = Origin.PUBLISHED):
    section = card.section(origin)
    assert section is not None, f"no {origin} section"
    entry = section.get(indicator)
    assert entry is not None, f"no {indicator} in the {origin} section"
    return entry


# -- the period's own figure ---------------------------------------------------------------
@pytest.mark.parametrize("period", ["2023", "2023-01/2023-12"])
def test_the_year_and_its_full_cumulative_are_the_years_own(store: Store, period: str) -> None:
    record(store, RELEASE, ("va_ytd_yoy", period, 4.6), ("va_ytd_yoy", "2023-01/2023-11", 4.3),
           ("va_ytd_yoy", "2023-Q3", 4.0), ("va_ytd_yoy", "2022", 3.6))
    entry = entry_of(build_card(store, "2023"), "va_ytd_yoy")
    assert (entry.figure.period.text, entry.value, entry.latest_known) == (period, 4.6, False)
    # compared with the previous year's own figure, whichever form it was stated in
    assert entry.previous is not None and entry.previous.period.text == "2022"
    assert entry_period_words(entry, "en") == "2023"


def test_the_stock_at_the_years_end_is_the_years_own(store: Store) -> None:
    store.record([NewObservation("g5_base_stations", "2023-12-31", 3.377e6, "count"),
                  NewObservation("g5_base_stations", "2023-09-30", 3.2e6, "count"),
                  NewObservation("g5_base_stations", "2022-12-31", 2.312e6, "count")], RELEASE)
    entry = entry_of(build_card(store, "2023"), "g5_base_stations")
    assert (entry.figure.period.text, entry.latest_known) == ("2023-12-31", False)
    assert entry.previous is not None and entry.previous.period.text == "2022-12-31"


# -- latest known ------------------------------------------------------------------------------
def test_a_shorter_period_is_only_the_latest_known(store: Store) -> None:
    record(store, RELEASE, ("va_ytd_yoy", "2023-01/2023-11", 4.3), ("va_ytd_yoy", "2023-Q3", 4.0),
           ("va_ytd_yoy", "2022", 3.6), ("va_ytd_yoy", "2022-01/2022-11", 3.8))
    entry = entry_of(build_card(store, "2023"), "va_ytd_yoy")
    assert (entry.figure.period.text, entry.latest_known) == ("2023-01/2023-11", True)
    assert entry_period_words(entry, "en") == "latest known: January–November 2023"
    assert entry_period_words(entry, "zh") == "最新可得：2023年1—11月"
    # the comparison is the same kind of period a year earlier, never the whole of 2022
    assert entry.previous is not None and entry.previous.period.text == "2022-01/2022-11"


def test_an_earlier_stock_date_is_only_the_latest_known(store: Store) -> None:
    store.record([NewObservation("g5_base_stations", "2023-09-30", 3.2e6, "count")], RELEASE)
    entry = entry_of(build_card(store, "2023"), "g5_base_stations")
    assert entry.latest_known
    assert entry_period_words(entry, "en") == "latest known: as of 30 September 2023"


def test_a_quarter_is_the_latest_known_of_its_year_and_the_own_of_its_quarter(
        store: Store) -> None:
    record(store, RELEASE, ("va_ytd_yoy", "2023-Q1", 3.0), ("va_ytd_yoy", "2022-Q1", 2.5))
    year = entry_of(build_card(store, "2023"), "va_ytd_yoy")
    quarter = entry_of(build_card(store, "2023-Q1"), "va_ytd_yoy")
    assert year.latest_known and not quarter.latest_known
    assert quarter.previous is not None and quarter.previous.value == 2.5


def test_a_month_uses_that_months_figures(store: Store) -> None:
    record(store, RELEASE, ("va_yoy", "2023-06", 4.4), ("va_yoy", "2023-05", 3.5),
           ("va_ytd_yoy", "2023-01/2023-06", 3.8), ("va_ytd_yoy", "2023-Q2", 4.5),
           ("va_ytd_yoy", "2023", 4.6))
    card = build_card(store, "2023-06")
    assert entry_of(card, "va_yoy").value == 4.4
    ytd = entry_of(card, "va_ytd_yoy")
    assert (ytd.figure.period.text, ytd.latest_known) == ("2023-01/2023-06", False)
    # May, a quarter and the year are not June's figures
    assert [e.figure.period.text for e in card.sections[0].entries] == ["2023-06",
                                                                        "2023-01/2023-06"]


def test_a_computed_year_to_date_december_is_the_year_a_monthly_rate_is_not(
        store: Store) -> None:
    record(store, SIMULATED, ("va_ytd_yoy", "2023-12", 5.2), ("va_ytd_yoy", "2022-12", 4.0),
           ("va_yoy", "2023-12", 6.0), ("va_ytd_yoy", "2023-11", 5.0))
    card = build_card(store, "2023")
    ytd = entry_of(card, "va_ytd_yoy", Origin.SIMULATED)
    assert (ytd.figure.period.text, ytd.latest_known) == ("2023-12", False)
    assert ytd.covers.text == "2023-01/2023-12" and entry_period_words(ytd, "en") == "2023"
    assert ytd.previous is not None and ytd.previous.period.text == "2022-12"
    month = entry_of(card, "va_yoy", Origin.SIMULATED)
    assert entry_period_words(month, "en") == "latest known: December 2023"


# -- sections by origin --------------------------------------------------------------------------
def test_each_origin_has_its_own_section_never_mixed(store: Store) -> None:
    record(store, RELEASE, ("va_ytd_yoy", "2023", 4.6))
    record(store, REAL, ("va_ytd_yoy", "2023-12", 4.4))
    record(store, SIMULATED, ("va_ytd_yoy", "2023-12", 5.2))
    card = build_card(store, "2023")
    assert [s.origin for s in card.sections] == [Origin.PUBLISHED, Origin.COMPUTED,
                                                 Origin.SIMULATED]
    assert [entry_of(card, "va_ytd_yoy", o).value for o in (
        Origin.PUBLISHED, Origin.COMPUTED, Origin.SIMULATED)] == [4.6, 4.4, 5.2]
    for section in card.sections:
        assert {e.figure.origin for e in section.entries} == {section.origin}
    assert card.published is card.sections[0] and len(card.computed) == 2


def test_conflicting_sources_keep_every_stated_value(store: Store) -> None:
    record(store, RELEASE, ("va_ytd_yoy", "2023", 4.6))
    record(store, OTHER, ("va_ytd_yoy", "2023", 4.7))
    entry = entry_of(build_card(store, "2023"), "va_ytd_yoy")
    assert entry.conflict and sorted(f.value for f in entry.stated) == [4.6, 4.7]
    assert entry.figure.value == 4.7  # the latest stated stands, the others are shown beside


def test_cells_are_ordered_whole_sectors_divisions_provinces(store: Store) -> None:
    rows = [("va_ytd_yoy", "2023-12", "36", "ALL"), ("va_ytd_yoy", "2023-12", "ALL", "440000"),
            ("va_ytd_yoy", "2023-12", "C", "ALL"), ("va_ytd_yoy", "2023-12", "ALL", "ALL"),
            ("va_ytd_yoy", "2023-12", "13", "ALL"), ("va_ytd_yoy", "2023-12", "36", "440000")]
    frame = pd.DataFrame([(*r, 1.0, "percent") for r in rows],
                         columns=["indicator", "period", "industry", "province", "value", "unit"])
    store.record_frame(frame, SIMULATED)
    section = build_card(store, "2023").section(Origin.SIMULATED)
    assert section is not None
    # a cell of both an industry and a province is not on a card
    assert [(e.industry, e.province) for e in section.entries] == [
        ("ALL", "ALL"), ("C", "ALL"), ("13", "ALL"), ("36", "ALL"), ("ALL", "440000")]
    assert [e.industry for e in section.cells("va_ytd_yoy", "industry")] == ["C", "13", "36"]


def test_trends_follow_one_line_up_to_the_period(store: Store) -> None:
    record(store, SIMULATED, *[("va_ytd_yoy", f"2023-{m:02d}", m / 10) for m in range(2, 13)])
    record(store, SIMULATED, ("va_ytd_yoy", "2024-03", 9.0))
    card = build_card(store, "2023-06")
    entry = entry_of(card, "va_ytd_yoy", Origin.SIMULATED)
    line = trends(store, [entry])[entry.obs_id]
    assert [p.period.text for p in line] == [f"2023-{m:02d}" for m in range(2, 7)]


# -- which periods have figures -------------------------------------------------------------------
def test_periods_with_figures_and_the_default(store: Store) -> None:
    record(store, RELEASE, ("va_ytd_yoy", "2022", 3.6), ("va_ytd_yoy", "2023-Q1", 3.0))
    record(store, SIMULATED, ("va_ytd_yoy", "2023-02", 2.0), ("va_ytd_yoy", "2024-03", 1.0))
    assert [p.text for p in card_periods(store)] == ["2024", "2024-03", "2023", "2023-Q1",
                                                     "2023-02", "2022"]
    # the latest year with a figure of its own, not 2024 with only its March
    assert default_period(store) is not None and default_period(store).text == "2022"


def test_a_period_without_figures_names_the_periods_with_some(store: Store) -> None:
    record(store, RELEASE, ("va_ytd_yoy", "2023", 4.6), ("va_ytd_yoy", "2023-Q1", 3.0))
    with pytest.raises(NotFound) as raised:
        build_card(store, "2019")
    assert str(raised.value).endswith("periods with figures: years 2023; quarters 2023-Q1")
    assert "'2019'" in str(raised.value)


def test_a_card_is_for_a_year_half_quarter_or_month(store: Store) -> None:
    with pytest.raises(ConfigError, match=r"not for '2023-01/2023-11'.*ask for its last month "
                                          r"\(2023-11\)"):
        build_card(store, "2023-01/2023-11")
    with pytest.raises(ConfigError, match="2023-13"):
        build_card(store, "2023-13")


# -- reading only what a card can choose from --------------------------------------------------
def test_a_cell_whose_latest_figure_lies_outside_the_period_is_read_whole(store: Store) -> None:
    """A span from mid-2022 to the end of 2023 ends in the card's last month but is not
    the year's figure: the latest known figure inside the year still stands for it."""
    record(store, RELEASE, ("va_yoy", "2023-Q2", 3.5), ("va_yoy", "2023-Q3", 4.0),
           ("va_yoy", "2022-07/2023-12", 3.0))
    entry = entry_of(build_card(store, "2023"), "va_yoy")
    assert (entry.figure.period.text, entry.value, entry.latest_known) == ("2023-Q3", 4.0, True)


def test_the_store_gives_the_latest_figures_of_each_cell_and_origin(store: Store) -> None:
    record(store, RELEASE, ("va_yoy", "2023-10", 4.1), ("va_yoy", "2023-11", 4.2),
           ("va_ytd_yoy", "2023-01/2023-11", 4.3), ("va_ytd_yoy", "2023-11", 4.3),
           ("va_ytd_yoy", "2023-Q3", 4.0))
    record(store, SIMULATED, ("va_yoy", "2023-09", 5.0))
    found = store.latest_figures(start="2023-01", end="2023-12", province="ALL")
    assert [(f.indicator, f.period.text, f.origin.value) for f in found] == [
        ("va_yoy", "2023-11", "published"), ("va_yoy", "2023-09", "simulated"),
        ("va_ytd_yoy", "2023-01/2023-11", "published"),
        ("va_ytd_yoy", "2023-11", "published")]
