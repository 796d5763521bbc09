"""Facts to catalogue indicators: conventions, industries, provinces, periods, refusals."""

from __future__ import annotations

import pytest

from indmon.catalogue import Catalogue
from indmon.errors import ConfigError
from indmon.extract.facts import Fact
from indmon.extract.mapping import (
    industry_code,
    map_fact,
    map_facts,
    parse_rules,
    province_code,
    store_period,
)

VA = "value added of industrial enterprises above designated size"


def fact(subject: str, value: float = 4.6, *, measure: str = "growth_yoy",
         unit: str = "percent", period: str = "2023", region: str = "CN") -> Fact:
    return Fact("doc", 0, 4, f"{value}%", value, unit, measure, subject, period, region)


@pytest.mark.parametrize(
    ("subject", "period", "indicator", "industry"),
    [
        (VA, "2023", "va_ytd_yoy", "ALL"),
        (VA, "2023-Q1", "va_ytd_yoy", "ALL"),
        (VA, "2023-03", "va_yoy", "ALL"),
        ("value added of manufacturing enterprises above designated size", "2023",
         "va_ytd_yoy", "C"),
        ("value added of the automobile manufacturing industry", "2023", "va_ytd_yoy", "36"),
        ("value added of computer, communication and other electronic equipment",
         "2023-Q1", "va_ytd_yoy", "39"),
        ("value added of mining", "2023", "va_ytd_yoy", "B"),
        ("value added of high-tech manufacturing", "2022", "va_hightech_ytd_yoy", "ALL"),
        ("value added of equipment manufacturing", "2023", "va_equipment_ytd_yoy", "ALL"),
    ],
)
def test_value_added_growth_follows_the_conventions(
    cat: Catalogue, subject: str, period: str, indicator: str, industry: str
) -> None:
    mapped = map_fact(fact(subject, period=period), cat)
    assert (mapped.indicator, mapped.industry, mapped.province, mapped.period) == (
        indicator, industry, "ALL", period)


@pytest.mark.parametrize(
    ("subject", "indicator", "industry"),
    [
        ("规模以上工业增加值", "va_ytd_yoy", "ALL"),
        ("制造业增加值", "va_ytd_yoy", "C"),
        ("汽车制造业增加值", "va_ytd_yoy", "36"),
        ("高技术制造业增加值", "va_hightech_ytd_yoy", "ALL"),
        ("装备制造业增加值", "va_equipment_ytd_yoy", "ALL"),
    ],
)
def test_chinese_subjects_map_as_their_english_counterparts(
    cat: Catalogue, subject: str, indicator: str, industry: str
) -> None:
    mapped = map_fact(fact(subject), cat)
    assert (mapped.indicator, mapped.industry) == (indicator, industry)


def test_a_province_region_becomes_its_gbt2260_code(cat: Catalogue) -> None:
    assert map_fact(fact(VA, region="Jiangsu"), cat).province == "320000"
    assert map_fact(fact(VA, region="广东省"), cat).province == "440000"
    assert province_code("Shaanxi", cat) == "610000"
    assert province_code("Shanxi", cat) == "140000"
    assert province_code("CN", cat) == "ALL"


def test_a_world_figure_maps_to_nothing(cat: Catalogue) -> None:
    assert map_fact(fact(VA, region="world"), cat).indicator is None


def test_the_measure_must_suit_the_indicator(cat: Catalogue) -> None:
    level = fact(VA, 3.2e13, measure="level", unit="cny")
    assert map_fact(level, cat).indicator is None
    change = fact("growth of " + VA + ", compared with 2022", 1.0, measure="change",
                  unit="percentage_point")
    assert map_fact(change, cat).indicator != "va_ytd_yoy"


def test_investment_is_not_value_added(cat: Catalogue) -> None:
    mapped = map_fact(fact("investment in the manufacturing sector", 9.1, period="2022"), cat)
    assert mapped.indicator not in {"va_ytd_yoy", "va_yoy"}


def test_stock_periods_drop_their_as_of(cat: Catalogue) -> None:
    base_stations = fact("5G base stations (cumulative)", 2_640_000, measure="count",
                         unit="count", period="as of 2023-03-31")
    mapped = map_fact(base_stations, cat)
    assert mapped.period == "2023-03-31"
    assert store_period("as of 2023-03-31") == "2023-03-31"
    assert store_period("") is None
    assert store_period("sometime") is None


def test_a_fact_without_a_period_maps_to_nothing(cat: Catalogue) -> None:
    assert map_fact(fact(VA, period=""), cat).indicator is None


def test_an_unknown_subject_keeps_the_fact_unchanged(cat: Catalogue) -> None:
    original = fact("passengers carried by a regional jet", 6.55e6, measure="level",
                    unit="count")
    mapped = map_fact(original, cat)
    assert mapped.indicator is None
    assert (mapped.subject, mapped.value, mapped.period) == (
        original.subject, original.value, original.period)


def test_aliases_map_other_indicators(cat: Catalogue) -> None:
    users = fact("5G mobile phone users", 6.2e8, measure="count", unit="count",
                 period="as of 2023-03-31")
    assert map_fact(users, cat).indicator == "g5_mobile_users"


def test_industry_detection_prefers_divisions_to_sectors(cat: Catalogue) -> None:
    assert industry_code("Manufacture of automobiles", cat) == "36"
    assert industry_code("electrical machinery and equipment manufacturing", cat) == "38"
    assert industry_code("manufacturing", cat) == "C"
    assert industry_code("industry as a whole", cat) == "ALL"


def test_map_facts_keeps_order(cat: Catalogue) -> None:
    facts = [fact(VA), fact("unrelated thing", measure="level", unit="ton")]
    assert [f.indicator for f in map_facts(facts, cat)] == ["va_ytd_yoy", None]


def test_rule_files_that_lack_fields_are_named() -> None:
    with pytest.raises(ConfigError, match=r"rule 1 .*lacks measure"):
        parse_rules('[[rule]]\nindicator = "x"\nperiods = ["year"]\nall = [["a"]]\n')
    with pytest.raises(ConfigError, match="list of phrase lists"):
        parse_rules('[[rule]]\nindicator = "x"\nmeasure = "level"\nperiods = []\nall = ["a"]\n')


def test_stocks_are_kept_at_the_last_day_of_the_period_named(cat: Catalogue) -> None:
    stations = fact("5G base stations", 3_377_000, measure="count", unit="count",
                    period="2023")
    assert map_fact(stations, cat).period == "2023-12-31"
    quarter = fact("5G base stations", 2_640_000, measure="count", unit="count",
                   period="2023-Q1")
    assert map_fact(quarter, cat).period == "2023-03-31"


def test_spans_from_january_are_the_first_quarter_half_or_the_year(cat: Catalogue) -> None:
    level = fact("new energy vehicle production", 1.65e6, measure="level", unit="count",
                 period="2023-01/2023-03")
    assert map_fact(level, cat).period == "2023-Q1"
    half = fact("new energy vehicle production", 3.79e6, measure="level", unit="count",
                period="2023-01/2023-06")
    assert map_fact(half, cat).period == "2023-H1"
    relief = fact("new tax cuts, fee reductions, tax rebates and fee deferrals", 1.8e12,
                  measure="level", unit="cny", period="2023-01/2023-11")
    assert map_fact(relief, cat).period == "2023-01/2023-11"


def test_a_growth_rate_of_a_level_maps_to_its_growth_indicator(cat: Catalogue) -> None:
    revenue = fact("telecommunications business revenue", 7.7, period="2023-Q1")
    assert map_fact(revenue, cat).indicator == "telecom_revenue_yoy"


def test_a_subject_that_names_two_indicators_maps_to_neither(cat: Catalogue) -> None:
    both = fact("production and sales of new energy vehicles", 27.7, period="2023-Q1")
    assert map_fact(both, cat).indicator is None


def test_a_province_figure_never_lands_on_a_national_only_indicator(cat: Catalogue) -> None:
    pmi = fact("manufacturing purchasing managers' index", 51.9, measure="level",
               unit="index", period="2023-03", region="Jiangsu")
    assert map_fact(pmi, cat).indicator is None


def test_a_short_subject_inside_one_indicator_name_maps_to_it(cat: Catalogue) -> None:
    scale = fact("industrial Internet industry", 1.2e12, measure="level", unit="cny",
                 period="2022")
    assert map_fact(scale, cat).indicator == "iiot_industry_scale"
