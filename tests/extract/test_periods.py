"""Period wording resolved against the document's own date and topic."""

from __future__ import annotations

import datetime as dt

import pytest

from indmon.extract.periods import (
    DocumentTime,
    document_time,
    find_dates,
    find_periods_en,
    find_periods_zh,
)

TIME = DocumentTime(published=dt.date(2024, 1, 19), topic="2023")
Q1 = DocumentTime(published=dt.date(2023, 4, 20), topic="2023-Q1")


def periods_en(text: str, time: DocumentTime = TIME) -> list[tuple[str, str, bool]]:
    return [(text[p.start:p.end], p.period, p.is_base) for p in find_periods_en(text, time)]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("in 2023, output grew", "2023"),
        ("in the first quarter, output grew", "2023-Q1"),
        ("in the first quarter of 2022, output grew", "2022-Q1"),
        ("in the first 11 months of 2023, output grew", "2023-01/2023-11"),
        ("in the first three quarters, output grew", "2023-01/2023-09"),
        ("in the first half of this year, output grew", "2024-01/2024-06"),
        ("from January to February, output grew", "2023-01/2023-02"),
        ("January-February output grew", "2023-01/2023-02"),
        ("as of the end of March, there were", "as of 2023-03-31"),
        ("at the end of last year, there were", "as of 2023-12-31"),
        ("in March, output grew", "2023-03"),
        ("last year output grew", "2023"),
        ("since 2022, output grew", "2022-01/2023-12"),
    ],
)
def test_english_period_wording(text: str, period: str) -> None:
    found = [p for p in periods_en(text) if not p[2]]
    assert found[0][1] == period


@pytest.mark.parametrize(
    "text",
    [
        "1 percentage point higher than in 2022",
        "compared with the same period last year",
        "0.3 points higher than that in the fourth quarter of last year",
    ],
)
def test_comparison_bases_are_marked(text: str) -> None:
    assert all(base for _, _, base in periods_en(text))


def test_years_used_as_names_are_not_periods() -> None:
    assert periods_en("The 2023 work conference and the plan (2021-2023) were held.") == []


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2023年，工业增加值增长", "2023"),
        ("一季度，工业增加值增长", "2023-Q1"),
        ("1—2月，工业增加值增长", "2023-01/2023-02"),
        ("1-11月，利润总额下降", "2023-01/2023-11"),
        ("前三季度，工业增加值增长", "2023-01/2023-09"),
        ("上半年，工业增加值增长", "2023-01/2023-06"),
        ("截至3月末，累计建成", "as of 2023-03-31"),
        ("3月份，汽车产量增长", "2023-03"),
        ("去年，汽车产量增长", "2022"),
    ],
)
def test_chinese_period_wording(text: str, period: str) -> None:
    found = [p for p in find_periods_zh(text, DocumentTime(topic="2023")) if not p.is_base]
    assert found[0].period == period


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("in December, output grew", "2023-12"),  # said in January 2024: last December
        ("in January, output grew", "2024-01"),
        ("in the fourth quarter, output grew", "2023-Q4"),
    ],
)
def test_months_without_a_year_are_the_latest_before_publication(text: str, period: str) -> None:
    assert periods_en(text)[0][1] == period


def test_chinese_base_year_is_marked() -> None:
    (found,) = find_periods_zh("比上年加快0.4个百分点", Q1)
    assert found.is_base


@pytest.mark.parametrize(
    ("text", "published", "topic"),
    [
        ("News Agency, January 19. A conference on industry in 2023 was held.",
         dt.date(2024, 1, 19), "2023"),
        ("Conference on industry in the first quarter of 2023\nApril 20, 2023\n",
         dt.date(2023, 4, 20), "2023-Q1"),
        ("No date here, no year either.", None, ""),
    ],
)
def test_document_time(text: str, published: dt.date | None, topic: str) -> None:
    time = document_time(text, "en")
    assert (time.published, time.topic) == (published, topic)


def test_document_time_in_chinese() -> None:
    time = document_time("2025年工业和信息化发展情况\n2026年1月20日\n", "zh")
    assert (time.published, time.topic) == (dt.date(2026, 1, 20), "2025")


def test_published_argument_wins() -> None:
    time = document_time("Industry in 2023.", "en", published="2024-02-01")
    assert time.published == dt.date(2024, 2, 1)


def test_dates_are_found() -> None:
    text = "On January 19, on the 19th, on Jan. 19, 2024 and 2024年1月19日"
    assert len(find_dates(text, "en")) == 3
    assert len(find_dates(text, "zh")) == 1
