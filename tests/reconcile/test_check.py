"""Claim checking: verdicts as of the claim's date, rounding, changes and streaks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from indmon.errors import ConfigError
from indmon.extract.facts import Fact
from indmon.periods import month_add
from indmon.reconcile.check import (
    AGREES,
    DISAGREES,
    DISPUTED,
    UNKNOWN,
    agrees,
    check_facts,
    compared_period,
    equivalent_periods,
    verdict_frame,
)
from indmon.store import NewObservation, Source, Store

VA = "value added of industrial enterprises above designated size"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "store.duckdb") as s:
        release = Source("bulletin", kind="release", publisher="Test Bureau",
                         title="Test bulletin on industry", published="2024-01-17")
        s.record([NewObservation("va_ytd_yoy", "2023", 4.63, "percent"),
                  NewObservation("va_ytd_yoy", "2022", 3.6, "percent"),
                  NewObservation("va_ytd_yoy", "2023", 5.04, "percent", industry="C"),
                  NewObservation("tax_fee_relief", "2023-01/2023-11", 1.76e12, "cny")],
                 release)
        yield s


def claim(subject: str, mention: str, value: float, *, period: str = "2023", start: int = 0,
          measure: str = "growth_yoy", unit: str = "percent") -> Fact:
    return Fact("claim", start, start + len(mention), mention, value, unit, measure, subject,
                period, "CN")


def test_a_figure_that_rounds_to_the_stated_value_agrees(store: Store) -> None:
    (verdict,) = check_facts(store, [claim(VA, "4.6%", 4.6)], as_of="2024-01-20")
    assert (verdict.status, verdict.stored, verdict.indicator) == (AGREES, 4.63, "va_ytd_yoy")
    assert verdict.evidence[0].title == "Test bulletin on industry"


def test_a_different_figure_disagrees_and_names_the_source(store: Store) -> None:
    (verdict,) = check_facts(store, [claim(VA, "4.8%", 4.8)], as_of="2024-01-20")
    assert (verdict.status, verdict.stored) == (DISAGREES, 4.63)
    record = verdict.to_record()
    assert (record["source"], record["publisher"], record["published"]) == (
        "Test bulletin on industry", "Test Bureau", "2024-01-17")


def test_a_claim_before_the_figure_was_published_is_unknown(store: Store) -> None:
    (verdict,) = check_facts(store, [claim(VA, "4.6%", 4.6)], as_of="2024-01-16")
    assert (verdict.status, verdict.stored) == (UNKNOWN, None)


def test_a_figure_the_store_lacks_is_unknown(store: Store) -> None:
    (verdict,) = check_facts(store, [claim(VA, "3.0%", 3.0, period="2023-Q1")],
                             as_of="2024-01-20")
    assert verdict.status == UNKNOWN


def test_industry_cells_are_checked_in_their_cell(store: Store) -> None:
    (verdict,) = check_facts(store, [claim("value added of manufacturing", "5%", 5.0)],
                             as_of="2024-01-20")
    assert (verdict.status, verdict.industry) == (AGREES, "C")


def test_scale_words_set_the_rounding(store: Store) -> None:
    relief = claim("new tax cuts, fee reductions, tax rebates and fee deferrals",
                   "1.8 trillion yuan", 1.8e12, period="2023-01/2023-11", measure="level",
                   unit="cny")
    (verdict,) = check_facts(store, [relief], as_of="2024-01-20")
    assert verdict.status == AGREES


def test_unmappable_facts_get_no_verdict(store: Store) -> None:
    other = claim("passengers carried by a regional jet", "6.55 million", 6.55e6,
                  measure="level", unit="count")
    assert check_facts(store, [other], as_of="2024-01-20") == []


@pytest.mark.parametrize(
    ("stated", "mention", "stored", "expected"),
    [(4.6, "4.6%", 4.63, True), (4.6, "4.6%", 4.66, False), (5.0, "5%", 5.04, True),
     (5.0, "5.0%", 5.04, True), (5.0, "5.00%", 5.04, False), (1.8e12, "1.8 trillion", 1.76e12,
     True), (1.8e12, "1.8 trillion", 1.7e12, False), (1, "first", 1, True),
     (4.6, "百分之四点六", 4.62, True), (24188, "24,188", 24188, True)],
)
def test_rounding_tolerance(stated: float, mention: str, stored: float, expected: bool) -> None:
    assert agrees(stated, mention, stored) is expected


# -- changes ---------------------------------------------------------------------------
TEXT = "Value added rose 4.6% in 2023, 1 percentage point higher than in 2022, as planned."


def change_claim(value: float, subject_tail: str = ", compared with 2022",
                 mention: str = "1 percentage point") -> Fact:
    start = TEXT.index("1 percentage point")
    return claim("growth of " + VA + subject_tail, mention, value, start=start,
                 measure="change", unit="percentage_point")


def test_a_change_is_checked_against_both_stored_periods(store: Store) -> None:
    (verdict,) = check_facts(store, [change_claim(1.0)], as_of="2024-01-20", text=TEXT)
    assert (verdict.kind, verdict.status) == ("change", AGREES)
    assert verdict.stored == pytest.approx(1.03)
    assert [e.period for e in verdict.evidence] == ["2023", "2022"]


def test_a_change_in_the_wrong_direction_disagrees(store: Store) -> None:
    text = TEXT.replace("higher", "lower")
    (verdict,) = check_facts(store, [change_claim(1.0)], as_of="2024-01-20", text=text)
    assert verdict.status == DISAGREES


def test_a_change_of_the_wrong_size_disagrees(store: Store) -> None:
    text = TEXT.replace("1 percentage point", "2 percentage point")
    fact = change_claim(2.0, mention="2 percentage point")
    (verdict,) = check_facts(store, [fact], as_of="2024-01-20", text=text)
    assert verdict.status == DISAGREES


def test_a_change_without_the_earlier_figure_is_unknown(store: Store) -> None:
    fact = change_claim(1.0, ", compared with 2021")
    (verdict,) = check_facts(store, [fact], as_of="2024-01-20", text=TEXT)
    assert verdict.status == UNKNOWN


def test_the_compared_period_is_named_or_a_year_earlier() -> None:
    assert compared_period("growth of x, compared with 2022-Q4", "2023-Q1") == "2022-Q4"
    assert compared_period("growth of x", "2023-Q1") == "2022-Q1"


# -- streaks ---------------------------------------------------------------------------
def monthly_growth(store: Store, values: dict[str, float]) -> None:
    computed = Source("compute-1", kind="computation", title="Computed from reports",
                      publisher="indmon", published="2023-05-20", simulated=True)
    frame = pd.DataFrame({
        "indicator": "va_yoy", "period": list(values), "industry": "ALL", "province": "ALL",
        "value": list(values.values()), "unit": "percent",
    })
    store.record_frame(frame, computed)


def streak_claim(value: int, period: str = "2023-04") -> Fact:
    return claim("consecutive months of growth of " + VA, f"{value} consecutive months", value,
                 period=period, measure="streak", unit="month")


def test_a_streak_is_counted_on_the_stored_monthly_series(store: Store) -> None:
    months = [month_add("2022-10", i) for i in range(7)]  # 2022-10 .. 2023-04
    values = [0.5, -1.0, 1.0, 2.0, 2.5, 3.1, 3.5]
    monthly_growth(store, dict(zip(months, values, strict=True)))
    (right,) = check_facts(store, [streak_claim(5)], as_of="2023-06-01", against="simulated")
    (wrong,) = check_facts(store, [streak_claim(3)], as_of="2023-06-01", against="simulated")
    assert (right.kind, right.status, right.stored) == ("streak", AGREES, 5.0)
    assert "SIMULATED" in right.note
    assert (wrong.status, wrong.stored) == (DISAGREES, 5.0)


def test_a_streak_on_a_simulated_series_is_not_official(store: Store) -> None:
    months = [month_add("2022-10", i) for i in range(7)]
    monthly_growth(store, dict(zip(months, [0.5, -1.0, 1.0, 2.0, 2.5, 3.1, 3.5], strict=True)))
    (verdict,) = check_facts(store, [streak_claim(5)], as_of="2023-06-01")
    assert verdict.status == UNKNOWN


def test_january_is_skipped_when_only_january_february_is_released(store: Store) -> None:
    monthly_growth(store, {"2022-11": -0.5, "2022-12": 1.0, "2023-02": 2.0, "2023-03": 3.0})
    (verdict,) = check_facts(store, [streak_claim(3, "2023-03")], as_of="2023-06-01",
                             against="any")
    assert verdict.status == AGREES


def test_a_series_too_short_to_see_the_start_of_the_run_is_unknown(store: Store) -> None:
    monthly_growth(store, {"2023-03": 1.0, "2023-04": 2.0})
    (verdict,) = check_facts(store, [streak_claim(5)], as_of="2023-06-01", against="any")
    assert verdict.status == UNKNOWN


def test_equivalent_period_texts() -> None:
    assert equivalent_periods("2023", "va_ytd_yoy") == ["2023", "2023-01/2023-12", "2023-12"]
    assert equivalent_periods("2023-Q1", "va_ytd_yoy") == [
        "2023-Q1", "2023-01/2023-03", "2023-03"]
    assert equivalent_periods("2023-H1", "va_ytd_yoy") == [
        "2023-H1", "2023-01/2023-06", "2023-06"]
    assert equivalent_periods("2023-Q2", "va_ytd_yoy") == ["2023-Q2"]
    assert equivalent_periods("2023-03-31", "g5_base_stations") == ["2023-03-31"]


def test_verdicts_print_as_one_row_each(store: Store) -> None:
    verdicts = check_facts(store, [claim(VA, "4.6%", 4.6)], as_of="2024-01-20")
    frame = verdict_frame(verdicts)
    assert frame[["status", "indicator", "stored"]].values.tolist() == [
        ["agrees", "va_ytd_yoy", 4.63]]


# -- conflicts ---------------------------------------------------------------------------
def wire_report(store: Store, value: float = 4.8, note: str = "") -> None:
    other = Source("wire", kind="release", publisher="Wire", title="Wire report",
                   published="2024-01-18")
    store.record([NewObservation("va_ytd_yoy", "2023", value, "percent", note=note)], other)


def test_a_claim_matching_one_of_two_conflicting_figures_is_disputed(store: Store) -> None:
    wire_report(store, note="the wire rounds a preliminary figure")
    (verdict,) = check_facts(store, [claim(VA, "4.8%", 4.8)], as_of="2024-01-20")
    assert (verdict.status, verdict.stored) == (DISPUTED, 4.8)
    assert verdict.evidence[0].title == "Wire report"
    assert {e.value for e in verdict.evidence} == {4.63, 4.8}
    assert "4.63 (Test bulletin on industry, 2024-01-17)" in verdict.note
    assert "the wire rounds a preliminary figure" in verdict.note
    assert "matches Wire report, 2024-01-18 only" in verdict.note


def test_a_claim_matching_neither_conflicting_figure_is_disputed(store: Store) -> None:
    wire_report(store)
    (verdict,) = check_facts(store, [claim(VA, "5.1%", 5.1)], as_of="2024-01-20")
    assert verdict.status == DISPUTED
    assert "matches none of them" in verdict.note


def test_sources_that_differ_beyond_the_stated_decimals_agree_with_a_note(
    store: Store,
) -> None:
    wire_report(store, value=4.6)
    (verdict,) = check_facts(store, [claim(VA, "4.6%", 4.6)], as_of="2024-01-20")
    assert verdict.status == AGREES
    assert "differ only beyond the decimals stated" in verdict.note


def test_a_conflict_not_yet_known_on_the_claims_date_is_no_dispute(store: Store) -> None:
    wire_report(store)
    (verdict,) = check_facts(store, [claim(VA, "4.8%", 4.8)], as_of="2024-01-17",
                             against="published")
    assert (verdict.status, verdict.stored) == (DISAGREES, 4.63)


def test_a_change_resting_on_a_conflicted_figure_is_disputed(store: Store) -> None:
    wire_report(store)
    (verdict,) = check_facts(store, [change_claim(1.0)], as_of="2024-01-20", text=TEXT)
    assert (verdict.kind, verdict.status) == ("change", DISPUTED)


# -- origins -----------------------------------------------------------------------------
def simulated_figure(store: Store, value: float, indicator: str = "va_ytd_yoy",
                     period: str = "2023", simulated: bool = True) -> None:
    run = Source("compute-9", kind="computation", title="Computed from reports",
                 publisher="indmon", published="2024-01-10", simulated=simulated)
    store.record([NewObservation(indicator, period, value, "percent")], run)


def test_a_true_official_claim_is_not_judged_against_simulated_data(store: Store) -> None:
    simulated_figure(store, 7.9)
    (verdict,) = check_facts(store, [claim(VA, "4.6%", 4.6)], as_of="2024-01-20")
    assert (verdict.status, verdict.stored) == (AGREES, 4.63)
    assert verdict.to_record()["origin"] == "published"
    assert "SIMULATED" not in verdict.note


def test_simulated_figures_are_used_only_when_asked_and_say_so(store: Store) -> None:
    simulated_figure(store, 7.9)
    (verdict,) = check_facts(store, [claim(VA, "4.6%", 4.6)], as_of="2024-01-20",
                             against="simulated")
    assert (verdict.status, verdict.stored) == (DISAGREES, 7.9)
    assert verdict.to_record()["origin"] == "simulated"
    assert "SIMULATED" in verdict.note and "not an official statistic" in verdict.note


def test_any_prefers_published_figures(store: Store) -> None:
    simulated_figure(store, 7.9)
    (verdict,) = check_facts(store, [claim(VA, "4.6%", 4.6)], as_of="2024-01-20",
                             against="any")
    assert (verdict.status, verdict.stored) == (AGREES, 4.63)


def test_an_official_claim_with_only_a_simulated_figure_is_unknown(store: Store) -> None:
    simulated_figure(store, 3.0, period="2023-Q1")
    (verdict,) = check_facts(store, [claim(VA, "3.0%", 3.0, period="2023-Q1")],
                             as_of="2024-01-20")
    assert (verdict.status, verdict.stored) == (UNKNOWN, None)
    assert "the store has a simulated figure" in verdict.note
    (asked,) = check_facts(store, [claim(VA, "3.0%", 3.0, period="2023-Q1")],
                           as_of="2024-01-20", against="simulated")
    assert asked.status == AGREES and "SIMULATED" in asked.note


def test_a_computed_figure_says_it_is_not_published(store: Store) -> None:
    simulated_figure(store, 3.0, period="2023-Q1", simulated=False)
    (verdict,) = check_facts(store, [claim(VA, "3.0%", 3.0, period="2023-Q1")],
                             as_of="2024-01-20", against="computed")
    assert verdict.status == AGREES
    assert "computed by indmon" in verdict.note and "not a published statistic" in verdict.note


def test_an_unknown_choice_of_figures_is_refused(store: Store) -> None:
    with pytest.raises(ConfigError, match="'official' is not one of published, computed"):
        check_facts(store, [claim(VA, "4.6%", 4.6)], as_of="2024-01-20", against="official")
