import pytest

from indmon.report import phrasing
from indmon.report.words import WORDS


@pytest.mark.parametrize(("value", "unit", "lang", "expected"), [
    (1.8e12, "cny", "en", "1.8 trillion yuan"),
    (1.8e12, "cny", "zh", "1.8万亿元"),
    (3377000, "count", "en", "3.377 million"),
    (3377000, "count", "zh", "337.7万个"),
    (5e11, "cny", "zh", "5000亿元"),
    (62, "count", "en", "62"),
    (4.6, "percent", "en", "4.6%"),
    (5.0, "percent", "zh", "5.0%"),
    (5.2345, "percent", "en", "5.2%"),
    (0.25, "percent", "en", "0.25%"),
    (1.0, "percentage_point", "en", "1.0 percentage point"),
    (2.0, "percentage_point", "en", "2.0 percentage points"),
    (1.0, "percentage_point", "zh", "1.0个百分点"),
    (14, "year", "zh", "14年"),
])
def test_format_value(value: float, unit: str, lang: str, expected: str) -> None:
    assert phrasing.format_value(value, unit, lang) == expected


def test_rank_is_written_as_a_place() -> None:
    assert phrasing.format_value(1, "count", "en", "rank") == "No. 1"
    assert phrasing.format_value(1, "count", "zh", "rank") == "第1位"


@pytest.mark.parametrize(("period", "en", "zh"), [
    ("2023", "2023", "2023年"),
    ("2023-Q1", "Q1 2023", "2023年一季度"),
    ("2023-06", "June 2023", "2023年6月"),
    ("2023-01/2023-11", "January–November 2023", "2023年1—11月"),
    ("2023-12-31", "end of 2023", "2023年末"),
    ("2023-03-31", "as of 31 March 2023", "截至2023年3月31日"),
])
def test_period_words(period: str, en: str, zh: str) -> None:
    assert phrasing.period_words(period, "en") == en
    assert phrasing.period_words(period, "zh") == zh


def test_growth_subject_strips_the_rate_from_an_indicator_name() -> None:
    en = "Value added of industrial enterprises above designated size, growth year on year (x)"
    assert phrasing.growth_subject(en, "en") == (
        "Value added of industrial enterprises above designated size")
    zh = "规模以上工业增加值同比增速（累计）"
    assert phrasing.growth_subject(zh, "zh") == "规模以上工业增加值"
    assert phrasing.growth_subject("Fixed broadband users", "en") is None


def test_comparison_words_say_above_or_below() -> None:
    assert phrasing.compared(1.0, "2022", "en") == ("", " above 2022")
    assert phrasing.compared(-0.4, "2022年", "zh") == ("比2022年回落", "")
    assert phrasing.compared(0.0, "2022", "en") is None


def test_every_word_exists_in_both_languages() -> None:
    missing = [key for key, texts in WORDS.items() if set(texts) != set(phrasing.LANGS)]
    assert missing == []


def test_unknown_language_is_refused_with_the_fix() -> None:
    from indmon.errors import ConfigError

    with pytest.raises(ConfigError, match="--lang en or --lang zh"):
        phrasing.check_lang("fr")
