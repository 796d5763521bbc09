"""Units as catalogue data: every unit written in both languages, scaled, signed, never
``-0.0``; an unknown unit is an error at catalogue load and when formatting."""

from __future__ import annotations

import dataclasses
import re
from importlib import resources

import pytest

from indmon.catalogue import Catalogue, check, units
from indmon.errors import CatalogueError, UnknownCode

HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def cat() -> Catalogue:
    return Catalogue.load()


def test_every_indicator_unit_is_a_catalogue_unit(cat: Catalogue) -> None:
    used = {ind.unit for ind in cat.indicators.values()}
    assert used <= set(cat.units.units)
    assert {"percent", "percentage_point", "cny", "count", "deadweight_ton"} <= used


@pytest.mark.parametrize("unit_id", sorted(units.shipped().units))
def test_each_unit_is_written_in_both_languages(unit_id: str) -> None:
    unit = units.shipped().unit(unit_id)
    assert unit.label("en") and unit.label("zh")
    en = units.format_value(12.5, unit_id, "en")
    zh = units.format_value(12.5, unit_id, "zh")
    assert en.startswith("12.5") and zh.startswith("12.5")
    if unit.word_en:
        assert unit.word_en in en
    if unit.word_zh:
        assert zh.endswith(unit.word_zh)
    assert not HAN.search(en), en


@pytest.mark.parametrize(("value", "unit", "lang", "expected"), [
    (1.8e12, "cny", "en", "1.8 trillion yuan"),
    (1.8e12, "cny", "zh", "1.8万亿元"),
    (7.12e11, "cny", "en", "712 billion yuan"),
    (7.12e11, "cny", "zh", "7120亿元"),
    (3377000, "count", "en", "3.377 million"),
    (3377000, "count", "zh", "337.7万个"),
    (12000, "count", "en", "12,000"),
    (12000, "count", "zh", "1.2万个"),
    (62, "count", "zh", "62个"),
    (1.39e11, "usd", "en", "139 billion US dollars"),
    (1, "usd", "en", "1 US dollar"),
    (2.2e9, "ton", "en", "2.2 billion tons"),
    (2.2e9, "ton", "zh", "22亿吨"),
    (4.28e7, "deadweight_ton", "en", "42.8 million deadweight tons"),
    (4.28e7, "deadweight_ton", "zh", "4280万载重吨"),
    (5.4e8, "kilowatt", "zh", "5.4亿千瓦"),
    (999_999_999, "cny", "en", "1 billion yuan"),
    (14, "year", "zh", "14年"),
    (1, "year", "en", "1 year"),
    (3, "month", "en", "3 months"),
    (3, "month", "zh", "3个月"),
    (49.0, "index", "en", "49.0"),
    (230, "eflops", "en", "230 EFLOPS"),
    (4.6, "percent", "en", "4.6%"),
    (5.0, "percent", "zh", "5.0%"),
    (5.2345, "percent", "en", "5.2%"),
    (0.25, "percent", "en", "0.25%"),
    (1.0, "percentage_point", "en", "1.0 percentage point"),
    (2.0, "percentage_point", "en", "2.0 percentage points"),
    (1.0, "percentage_point", "zh", "1.0个百分点"),
])
def test_values_read_as_people_write_them(value: float, unit: str, lang: str,
                                          expected: str) -> None:
    assert units.format_value(value, unit, lang) == expected


def test_table_form_signs_points_and_shortens_them() -> None:
    assert units.format_value(0.9, "percentage_point", "en", short=True) == "+0.9 pp"
    assert units.format_value(-0.52, "percentage_point", "zh", short=True) == "−0.52个百分点"
    assert units.format_value(0.0, "percentage_point", "en", short=True) == "0.0 pp"
    assert units.format_value(4.6, "percent", "en", short=True) == "4.6%"


def test_counter_words_and_ranks() -> None:
    assert units.format_value(45, "count", "zh", counter="家") == "45家"
    assert units.format_value(45, "count", "en", counter="家") == "45"
    assert units.format_value(2, "count", "en", "rank") == "No. 2"
    assert units.format_value(2, "count", "zh", "rank") == "第2位"


@pytest.mark.parametrize(("diff", "unit", "lang", "expected"), [
    (1.0, "percent", "en", "+1.0 pp"),            # rates differ in points
    (-6.5, "percent", "zh", "−6.5个百分点"),
    (0.25, "percentage_point", "en", "+0.25 pp"),
    (-7e11, "cny", "en", "−700 billion yuan"),
    (-7e11, "cny", "zh", "−7000亿元"),
    (3, "count", "en", "+3"),
    (3, "count", "zh", "+3个"),
    (1.065e6, "count", "en", "+1.065 million"),
])
def test_differences_are_signed(diff: float, unit: str, lang: str, expected: str) -> None:
    assert units.format_difference(diff, unit, lang) == expected


def test_a_prose_difference_keeps_the_long_words() -> None:
    assert units.format_difference(2.0, "percent", "en", short=False) == (
        "+2.0 percentage points")


@pytest.mark.parametrize("unit", ["percent", "percentage_point", "cny", "count", "index",
                                  "year", "ton"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_minus_zero_anywhere(unit: str, lang: str) -> None:
    for tiny in (-0.0, -0.004, -1e-12):
        for short in (False, True):
            text = units.format_value(tiny, unit, lang, short=short)
            assert units.MINUS not in text and "-" not in text, text
            number = units.format_number(tiny, unit, lang, short=short)
            assert units.MINUS not in number and "-" not in number, number
    assert units.plain_number(-0.0001) == "0"
    assert units.axis([-0.0, 1.0], unit, lang).labels[0] in ("0", "0.0")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_zero_change_reads_as_unchanged(lang: str) -> None:
    word = "unchanged" if lang == "en" else "持平"
    assert units.format_difference(-0.004, "percent", lang) == word
    assert units.format_difference(0.0, "cny", lang) == word
    assert units.format_difference(-1e-9, "count", lang) == word
    assert units.format_percent_change(0.004, lang) == word


def test_negative_values_use_the_minus_sign() -> None:
    assert units.format_value(-2.4, "percent", "en") == "−2.4%"
    assert units.format_value(-7e11, "cny", "zh") == "−7000亿元"


@pytest.mark.parametrize(("ticks", "labels"), [
    ([5.0, 5.25, 5.5, 5.75, 6.0], ("5.00", "5.25", "5.50", "5.75", "6.00")),
    ([5.0, 5.5, 6.0, 6.5], ("5.0", "5.5", "6.0", "6.5")),
    ([0, 2.5, 5, 7.5], ("0.0", "2.5", "5.0", "7.5")),
    ([0, 1, 2, 3], ("0", "1", "2", "3")),
    ([-2, -1, 0, 1], ("−2", "−1", "0", "1")),
])
def test_axis_tick_labels_are_distinct_and_exact(ticks: list[float],
                                                 labels: tuple[str, ...]) -> None:
    axis = units.axis(ticks, "percent", "en")
    assert axis.labels == labels
    assert len(set(axis.labels)) == len(axis.labels)


def test_axis_moves_the_scale_into_the_caption() -> None:
    axis = units.axis([6.0e12, 6.25e12, 6.5e12], "cny", "en")
    assert axis.caption == "trillion yuan" and axis.labels == ("6.00", "6.25", "6.50")
    zh = units.axis([6.0e12, 6.5e12], "cny", "zh")
    assert zh.caption == "万亿元" and zh.labels == ("6.0", "6.5")
    assert units.axis([4.8e5, 4.81e5], "count", "zh").caption == "万个"


def test_nice_ticks_cover_the_range_and_format_distinctly() -> None:
    for low, high in ((5.0, 6.0), (3.4, 5.2), (4.8e5, 4.82e5), (-1.2, 0.3), (5.0, 5.0)):
        ticks = units.nice_ticks(low, high)
        assert ticks[0] <= low and ticks[-1] >= high
        labels = units.axis(ticks, "percent", "en").labels
        assert len(set(labels)) == len(labels), labels


def test_unknown_unit_is_a_catalogue_error_when_formatting() -> None:
    with pytest.raises(UnknownCode, match=r"unknown unit 'furlong'.*cny"):
        units.format_value(1.0, "furlong", "en")
    with pytest.raises(CatalogueError):
        units.unit_label("furlong", "zh")


def test_unknown_unit_is_a_catalogue_error_at_load(cat: Catalogue) -> None:
    wrong = dataclasses.replace(cat.indicator("va_ytd_yoy"), unit="furlong")
    broken = dataclasses.replace(cat, indicators={**cat.indicators, "va_ytd_yoy": wrong})
    with pytest.raises(CatalogueError, match=r"va_ytd_yoy.*unit 'furlong'.*units.toml"):
        check(broken)


def _shipped_text() -> str:
    return resources.files("indmon.catalogue").joinpath("data", "units.toml").read_text("utf-8")


def test_malformed_units_are_refused_with_the_unit_named() -> None:
    text = _shipped_text()
    with pytest.raises(CatalogueError, match=r"'cny'.*kind 'cash'"):
        units.load_units(text.replace('kind = "money"', 'kind = "cash"', 1))
    with pytest.raises(CatalogueError, match=r"unknown keys.*colour"):
        units.load_units(text.replace('id = "cny"', 'id = "cny"\ncolour = "red"', 1))
    with pytest.raises(CatalogueError, match="defined twice"):
        units.load_units(text + '\n[[unit]]\nid = "cny"\nkind = "money"\nlabel_en = "y"\n'
                         'label_zh = "元"\nword_en = "y"\nword_zh = "元"\ndecimals = 1\n')
    with pytest.raises(CatalogueError, match="largest"):
        units.load_units(text.replace("factor = 1e12, word = \"trillion\"",
                                      "factor = 1e3, word = \"thousand\"", 1))


def test_january_combined_is_an_attribute_of_monthly_indicators(cat: Catalogue) -> None:
    combined = {i.id for i in cat.indicators.values() if i.january_combined}
    assert {"va_yoy", "va_ytd_yoy", "va_real_yoy", "profit_ytd", "loss_ytd"} <= combined
    assert not {"pmi_manufacturing", "enterprises", "g5_base_stations"} & combined
    assert all(cat.indicator(i).frequency == "month" for i in combined)
    yearly = dataclasses.replace(cat.indicator("va_ytd_yoy"), frequency="year")
    with pytest.raises(CatalogueError, match="january_combined applies to monthly"):
        check(dataclasses.replace(cat, indicators={**cat.indicators, "va_ytd_yoy": yearly}))


def test_the_module_examples_run() -> None:
    import doctest

    result = doctest.testmod(units)
    assert result.attempted > 0 and result.failed == 0
