"""Extreme claims: "the fastest growth since June 2022" / "为2022年6月以来最高" are checked
on the stored published series of the figure's cell, as of the claim's date."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from indmon.periods import month_add
from indmon.reconcile.check import AGREES, DISAGREES, UNKNOWN, check_text, extreme_claim
from indmon.store import NewObservation, Source, Store

#: monthly growth, published: 2022-06 is 6.9, every month after it lower until 2023-04
GROWTH = {"2022-03": 5.0, "2022-04": -2.9, "2022-05": 0.7, "2022-06": 6.9, "2022-07": 3.8,
          "2022-08": 4.2, "2022-09": 6.3, "2022-10": 5.0, "2022-11": 2.2, "2022-12": 1.3,
          "2023-02": 2.4, "2023-03": 3.9, "2023-04": 5.6, "2023-05": 3.5}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "extremes.duckdb") as s:
        for period, value in GROWTH.items():
            release = Source(f"bureau-{period}", kind="release", publisher="Test Bureau",
                             title=f"Industrial production, {period}",
                             published=f"{month_add(period, 1)}-15")
            s.record([NewObservation("va_yoy", period, value, "percent")], release)
        yield s


def _extreme(store: Store, text: str, published: str = "2023-06-01"):  # type: ignore[no-untyped-def]
    verdicts = check_text(store, text, published=published)
    found = [v for v in verdicts if v.kind == "extreme"]
    assert len(found) == 1, verdicts
    return found[0]


@pytest.mark.parametrize("text", [
    "In April 2023 the value added of industrial enterprises above designated size grew "
    "5.6% year on year, the fastest growth since September 2022.",
    "2023年4月，规模以上工业增加值同比增长5.6%，为2022年9月以来最高。",
])
def test_a_true_extreme_agrees(store: Store, text: str) -> None:
    verdict = _extreme(store, text)
    assert (verdict.status, verdict.period, verdict.stored) == (AGREES, "2023-04", 6.3)
    assert "since 2022-09" in verdict.note


@pytest.mark.parametrize("text", [
    "In April 2023 the value added of industrial enterprises above designated size grew "
    "5.6% year on year, the fastest since June 2022.",
    "2023年4月，规模以上工业增加值同比增长5.6%，创2022年6月以来新高。",
])
def test_an_extreme_that_a_later_month_beat_disagrees_naming_it(store: Store,
                                                               text: str) -> None:
    verdict = _extreme(store, text)
    assert (verdict.status, verdict.stored) == (DISAGREES, 6.3)
    assert "2022-09" in verdict.note


def test_a_claim_reaching_too_far_back_disagrees(store: Store) -> None:
    text = ("In June 2022 the value added of industrial enterprises above designated size "
            "grew 6.9% year on year, the fastest since April 2022.")
    verdict = _extreme(store, text, published="2022-07-20")
    assert verdict.status == DISAGREES and "2022-04 was not as high" in verdict.note


def test_a_lowest_since_is_checked_the_other_way(store: Store) -> None:
    text = ("In December 2022 the value added of industrial enterprises above designated "
            "size grew 1.3% year on year, the slowest since May 2022.")
    verdict = _extreme(store, text, published="2023-01-20")
    assert (verdict.status, verdict.period) == (AGREES, "2022-12")


def test_an_extreme_before_the_store_begins_is_unknown(store: Store) -> None:
    text = ("In June 2022 the value added of industrial enterprises above designated size "
            "grew 6.9% year on year, the fastest since 2019.")
    verdict = _extreme(store, text, published="2022-07-20")
    assert verdict.status == UNKNOWN and "no stored figure for 2019" in verdict.note


def test_a_figure_published_after_the_claim_does_not_spoil_it(store: Store) -> None:
    # "the fastest since June 2022", written for September: true as of its day, and
    # the later months never count (they come after the claimed period)
    text = ("In September 2022 the value added of industrial enterprises above designated "
            "size grew 6.3% year on year, the fastest since June 2022.")
    assert _extreme(store, text, published="2022-10-20").status == AGREES
    # checked before the September figure was out, the figure itself is unknown
    early = check_text(store, text, published="2022-10-01")
    assert [v.status for v in early if v.kind == "figure"] == [UNKNOWN]


def test_extreme_wording_is_read_in_both_languages() -> None:
    from indmon.extract.facts import Fact

    def fact(text: str, mention: str) -> Fact:
        start = text.index(mention)
        return Fact("t", start, start + len(mention), mention, 1.0, "percent", "growth_yoy",
                    "x", "2023-04", "CN")

    en = "output grew 5.6%, its highest level since Feb. 2021; exports fell"
    assert extreme_claim(en, fact(en, "5.6%")) == (True, "2021-02")
    zh = "增长5.6%，为2019年以来最低水平"
    assert extreme_claim(zh, fact(zh, "5.6%")) == (False, "2019")
    zh = "增长5.6%，增速为2021年3月份以来最快"
    assert extreme_claim(zh, fact(zh, "5.6%")) == (True, "2021-03")
    zh = "增长5.6%。2019年以来最低的是2020年2月"
    assert extreme_claim(zh, fact(zh, "5.6%")) is None  # another sentence
    plain = "output grew 5.6%. It was the fastest since 2021."
    assert extreme_claim(plain, fact(plain, "5.6%")) is None  # another sentence
