"""Period wording resolved against the document's own date and topic."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from indmon.extract.fastre import lowered
from indmon.extract.periods import (
    EN_DATES,
    EN_PERIODS,
    ZH_DATES,
    ZH_PERIODS,
    Anchors,
    DocumentTime,
    Stems,
    anchored_matches,
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
        "growth picked up 0.4 percentage points from the whole of 2025",
        "it slowed by 0.2 points from the whole of last year",
    ],
)
def test_comparison_bases_are_marked(text: str) -> None:
    assert all(base for _, _, base in periods_en(text))


@pytest.mark.parametrize("text", ["The ministry briefed the press on the third quarter.",
                                  "Briefing on the third quarter"])
def test_on_after_words_names_the_subject_not_a_base(text: str) -> None:
    assert periods_en(text) == [("the third quarter", "2023-Q3", False)]


def test_on_after_a_figure_is_a_base() -> None:
    assert all(base for _, _, base in periods_en("up 5.2% on the third quarter"))


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


@pytest.mark.parametrize(("text", "year"), [("上半年增速较上年全年回落0.2个百分点", "2022"),
                                            ("增速比2025年全年加快0.5个百分点", "2025")])
def test_the_whole_of_a_base_year_is_a_base_too(text: str, year: str) -> None:
    found = [p for p in find_periods_zh(text, Q1) if text[p.start:p.end].endswith("全年")]
    # the year and its whole are one phrase (全年 alone is the release's year)
    assert [(p.period, p.is_base) for p in found] == [(year, True)]


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


# -- grammars run only around their anchors ------------------------------------------------

_ANCHOR_TEXTS = sorted((Path(__file__).parent / "data").glob("**/*.txt"))


def _whole_and_windowed(
    pattern: re.Pattern[str], words: tuple[str | re.Pattern[str] | Stems, ...], text: str,
    lang: str,
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    anchors = Anchors(lowered(text), word_start=lang != "zh")
    whole = [m.span() for m in pattern.finditer(anchors.lower)]
    return whole, [m.span() for m in anchored_matches(pattern, words, anchors)]


SENTENCES_EN = (
    "In the first 11 months of 2023, output grew. By the end of June, Q3 2023 and the second "
    "half of last year; from January to March 2024, since 2022, in May, for 2023, 2024, "
    "this year, throughout the year, on the 19th, Jan. 5, 2024, 5 March and 2024-03-05."
)
SENTENCES_ZH = ("2023年前三季度，一季度，上半年，截至9月末，3月底，1—11月份，前7个月，2022年以来，"
                "6月份，2023年末，2023年，去年，年底，全年，2024年1月19日。")


@pytest.mark.parametrize("path", _ANCHOR_TEXTS, ids=lambda p: p.stem)
def test_each_grammar_finds_around_its_anchors_what_a_whole_scan_finds(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lang = "zh" if path.stem.startswith("zh") else "en"
    grammars = ([(g.pattern, g.anchors) for g in ZH_PERIODS] + ZH_DATES if lang == "zh"
                else [(g.pattern, g.anchors) for g in EN_PERIODS] + EN_DATES)
    for pattern, words in grammars:
        for sample in (text, SENTENCES_ZH if lang == "zh" else SENTENCES_EN):
            whole, windowed = _whole_and_windowed(pattern, words, sample, lang)
            assert windowed == whole, pattern.pattern


def test_a_month_name_is_a_whole_word() -> None:
    assert periods_en("in marketing, spending grew") == []
    assert periods_en("investment in decoration rose") == []
    assert [p for _, p, _ in periods_en("in March, in Dec. and in sept, output rose")] == [
        "2023-03", "2023-12", "2023-09"]
