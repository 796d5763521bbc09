"""The mapper's guards (issue 10): qualifiers kept, lists refused, unsure facts unmapped."""

from __future__ import annotations

import pytest

from indmon.catalogue import Catalogue
from indmon.extract.facts import Fact
from indmon.extract.mapping import map_fact, unmapped_reason


def fact(subject: str, value: float = 4.6, *, measure: str = "growth_yoy",
         unit: str = "percent", period: str = "2023", region: str = "CN") -> Fact:
    return Fact("doc", 0, 4, f"{value}", value, unit, measure, subject, period, region)


def users(subject: str) -> Fact:
    return fact(subject, 1.2e9, measure="count", unit="count", period="as of 2024-06-30")


@pytest.mark.parametrize(
    ("subject", "period", "indicator"),
    [
        # a sub-aggregate by ownership never lands on all of industry
        ("value added of state-holding enterprises", "2023", "va_ytd_yoy_state_holding"),
        ("value added of state-holding enterprises", "2023-03", "va_yoy_state_holding"),
        ("value added of private enterprises", "2023", "va_ytd_yoy_private"),
        ("value added of joint-stock enterprises", "2023", "va_ytd_yoy_shareholding"),
        ("operating revenue of foreign-funded enterprises", "2023-01/2023-11",
         "revenue_ytd_yoy_foreign"),
        # GDP's industries are not industrial value added
        ("value added of the secondary industry", "2023", "gdp_secondary_yoy"),
        ("value added of the tertiary industry", "2023", "gdp_tertiary_yoy"),
        # the bureau's "industrial output" is value added, by the period's kind
        ("industrial output", "2024-10", "va_yoy"),
        ("industrial output", "2024-01/2024-10", "va_ytd_yoy"),
        # a profit over the months of the year is not the month's profit
        ("profits of industrial enterprises above designated size", "2025-01/2025-11",
         "profit_ytd_yoy"),
    ],
)
def test_qualified_growth_maps_to_its_own_indicator(
    cat: Catalogue, subject: str, period: str, indicator: str
) -> None:
    assert map_fact(fact(subject, period=period), cat).indicator == indicator


@pytest.mark.parametrize("subject", [
    "value added of state-holding enterprises", "value added of the secondary industry",
    "GDP", "value added of the primary industry",
])
def test_never_industrial_value_added(cat: Catalogue, subject: str) -> None:
    assert map_fact(fact(subject), cat).indicator not in ("va_ytd_yoy", "va_yoy")


@pytest.mark.parametrize(("subject", "indicator"), [
    ("number of 4G users", "g4_users"),
    ("mobile phone users", "mobile_phone_users"),
    ("5G mobile phone users", "g5_mobile_users"),
    ("4G base stations", "g4_base_stations"),
    ("fixed broadband users", "fixed_broadband_users"),
])
def test_generations_of_network_stay_apart(cat: Catalogue, subject: str, indicator: str) -> None:
    assert map_fact(users(subject), cat).indicator == indicator


def test_a_short_subject_a_qualified_indicator_fits_as_well_stays_unmapped(
    cat: Catalogue,
) -> None:
    # "key industries" could be 5G's or the industrial internet's: the qualifier may
    # have been stated before the words the extractor kept
    counted = fact("major categories of the national economy", 97, measure="count",
                   unit="count", period="as of 2023-03-31")
    assert map_fact(counted, cat).indicator is None


def test_a_list_naming_two_indicators_is_left_unmapped_and_listed(cat: Catalogue) -> None:
    listed = fact("output of generator sets and household refrigerators", 3.4, period="2023-Q1")
    assert map_fact(listed, cat).indicator is None
    assert unmapped_reason(listed, cat) == "the subject is a list naming several indicators"


def test_a_name_with_and_in_it_is_no_list(cat: Catalogue) -> None:
    joint = fact("national and local joint manufacturing innovation centres", 23,
                 measure="count", unit="count", period="as of 2023-12-31")
    assert map_fact(joint, cat).indicator == "mfg_innovation_centres_joint"


def test_a_qualified_subject_without_its_indicator_says_so(cat: Catalogue) -> None:
    exports = fact("new energy vehicles exports", 12.0)
    assert map_fact(exports, cat).indicator is None  # never all automobile exports
    assert "new energy vehicles" in (unmapped_reason(exports, cat) or "")


def test_a_mapped_fact_has_no_reason(cat: Catalogue) -> None:
    assert unmapped_reason(fact("value added of state-holding enterprises"), cat) is None


@pytest.mark.parametrize(("region", "period", "indicator"), [
    ("eastern region", "2023", "va_ytd_yoy_east"),
    ("central region", "2023-03", "va_yoy_central"),
    ("northeastern region", "2023-01/2023-06", "va_ytd_yoy_northeast"),
])
def test_an_economic_region_is_its_own_indicator(
    cat: Catalogue, region: str, period: str, indicator: str
) -> None:
    mapped = map_fact(fact("value added of industrial enterprises above designated size",
                           period=period, region=region), cat)
    assert (mapped.indicator, mapped.industry, mapped.province) == (indicator, "ALL", "ALL")


def test_a_region_without_such_an_indicator_stays_unmapped(cat: Catalogue) -> None:
    division = fact("value added of manufacturing", region="western region")
    assert map_fact(division, cat).indicator is None  # never the whole region's figure
    assert "western region" in (unmapped_reason(division, cat) or "")


def count(subject: str) -> Fact:
    return fact(subject, 421, measure="count", unit="count", period="as of 2023-12-31")


def test_the_national_list_takes_only_counts_that_name_the_level(cat: Catalogue) -> None:
    assert map_fact(count("national-level smart manufacturing demonstration factories"),
                    cat).indicator == "im_demo_factories_national"
    # a count of factories that names no level is not the national list's
    assert map_fact(count("smart manufacturing demonstration factories"), cat).indicator is None


def test_a_level_named_by_the_subject_alone_does_not_bind(cat: Catalogue) -> None:
    # all the 'little giants' are national-level: the indicator need not say so
    assert map_fact(count("national-level specialized and sophisticated 'little giant' "
                          "enterprises"), cat).indicator == "little_giants"


def test_a_share_after_a_quoted_count_is_of_what_it_counts(cat: Catalogue) -> None:
    from indmon.extract import extract_facts
    from indmon.extract.mapping import map_facts

    text = ('By the end of 2023, China had 62 "lighthouse factories," accounting for 40% of '
            "the global total.")
    facts = map_facts(extract_facts(text, "t", published="2024-01-19"), cat)
    assert [(f.value, f.indicator) for f in facts] == [
        (62, "lighthouse_factories"), (40, "lighthouse_factories_world_share")]


def test_a_possessive_in_a_name_needs_no_possessive_in_the_subject(cat: Catalogue) -> None:
    # "World rank of China's total computing power": the "s" of "China's" says nothing
    rank = fact("world ranking of our total computing power", 2, measure="rank", unit="count",
                period="as of 2024-12-31")
    assert map_fact(rank, cat).indicator == "computing_power_world_rank"


def test_investment_is_never_gdp_nor_a_part_of_it_the_whole(cat: Catalogue) -> None:
    span = "2027-01/2027-10"
    # investment in the primary industry is no growth of the primary industry's GDP
    assert map_fact(fact("investment in the primary industry", period=span), cat).indicator \
        is None
    # technical transformation is a part of manufacturing investment, never all of it
    assert map_fact(fact("investment in the technical transformation of manufacturing",
                         period=span), cat).indicator is None
    assert map_fact(fact("manufacturing technological transformation investment",
                         period=span), cat).indicator is None
    # a division's investment: the investment indicators have no industry breakdown
    assert map_fact(fact("manufacture of automobiles investment", period=span), cat).indicator \
        is None
    assert map_fact(fact("investment in manufacturing", period=span), cat).indicator \
        == "investment_mfg_ytd_yoy"


def test_net_additions_never_land_on_the_stock(cat: Catalogue) -> None:
    added = fact("net additions of 5G users over the nine months", 73.6e6, measure="count",
                 unit="count", period="as of 2027-09-30")
    assert map_fact(added, cat).indicator is None
    assert "net addition" in (unmapped_reason(added, cat) or "")
    assert map_fact(users("5G users"), cat).indicator == "g5_mobile_users"


def test_a_single_month_is_no_year_to_date(cat: Catalogue) -> None:
    # "In September alone, revenue of 152.6 billion yuan": not January-September's cell
    month = fact("telecom business revenue", 152.6e9, measure="level", unit="cny",
                 period="2027-09")
    assert map_fact(month, cat).indicator is None
    ytd = fact("telecom business revenue", 1385.2e9, measure="level", unit="cny",
               period="2027-01/2027-09")
    assert map_fact(ytd, cat).indicator == "telecom_revenue"
    # a month's figure goes to the month's own indicator where the catalogue has one
    assert map_fact(fact("export delivery value", 3.4, period="2027-07"), cat).indicator \
        == "export_delivery_value_yoy"


def test_key_enterprises_and_export_ships_are_not_all_shipbuilding(cat: Catalogue) -> None:
    def tons(subject: str) -> Fact:
        return fact(subject, 36.71e6, measure="level", unit="deadweight_ton",
                    period="2027-01/2027-09")

    assert map_fact(tons("country's shipyards completed"), cat).indicator == "ship_completions"
    assert map_fact(tons("new orders taken"), cat).indicator == "ship_new_orders"
    assert map_fact(tons("key monitored shipbuilding enterprises completed"), cat).indicator \
        is None
    assert map_fact(tons("new export orders"), cat).indicator is None


def test_gigabit_plans_written_as_a_speed_are_gigabit_users(cat: Catalogue) -> None:
    assert map_fact(users("users on plans of 1000Mbps and above"), cat).indicator \
        == "gigabit_users"
    assert map_fact(users("cellular IoT terminal users"), cat).indicator == "mobile_iot_users"


def test_a_slowdown_of_all_investment_is_no_lead_of_manufacturing(cat: Catalogue) -> None:
    def points(subject: str, value: float) -> Fact:
        return fact(subject, value, measure="change", unit="percentage_point",
                    period="2027-01/2027-10")

    # "增速比1—9月份回落0.3个百分点" of all fixed-asset investment
    assert map_fact(points("national fixed asset investment", -0.3), cat).indicator is None
    # "增速高于全部固定资产投资4.3个百分点": the lead, whose subject is the same words
    assert map_fact(points("fixed asset investment", 4.3), cat).indicator \
        == "investment_mfg_vs_fai_pp"


def test_costs_and_business_lines_are_not_the_revenue_beside_them(cat: Catalogue) -> None:
    costs = fact("operating revenue of operating costs", 56.04e12, measure="level",
                 unit="cny", period="2027-01/2027-06")
    assert map_fact(costs, cat).indicator is None
    lines = fact("cloud computing", 13.6, period="2027-01/2027-09")
    assert map_fact(lines, cat).indicator is None
    assert map_fact(fact("revenue of emerging businesses", 9.3, period="2027-01/2027-09"),
                    cat).indicator == "telecom_emerging_revenue_yoy"


def test_a_grouping_without_an_indicator_is_no_value_added(cat: Catalogue) -> None:
    assert map_fact(fact("value added of strategic emerging industries",
                         period="2027-01/2027-10"), cat).indicator is None


def test_the_revenue_of_little_giants_is_not_industry_revenue(cat: Catalogue) -> None:
    assert map_fact(fact("little giants' operating revenue", 8.7, period="2027-01/2027-09"),
                    cat).indicator is None
    assert map_fact(fact("operating revenue", 5.2, period="2027-01/2027-09"), cat).indicator \
        == "revenue_ytd_yoy"


def test_non_metallic_minerals_are_no_mining_and_raw_materials_no_industry(
        cat: Catalogue) -> None:
    assert map_fact(fact("value added of non-metallic minerals", period="2027-09"),
                    cat).industry == "30"
    assert map_fact(fact("value added of China's raw materials industry",
                         period="2027-01/2027-09"), cat).indicator is None


@pytest.mark.parametrize(("subject", "value", "unit", "period", "whole"), [
    ("export delivery value of the electronics industry", 6.12e11, "cny", "2027-10",
     "export delivery value"),
    ("profits of state-holding enterprises in automobile manufacturing", 1.2e11, "cny",
     "2027-01/2027-10", "profits of state-holding enterprises"),
    ("investment in automobile manufacturing", 8.1, "percent", "2027-01/2027-10",
     "manufacturing investment"),
])
def test_a_division_figure_never_lands_on_an_all_industry_indicator(
        cat: Catalogue, subject: str, value: float, unit: str, period: str, whole: str
) -> None:
    # the indicator of all industry's figure has no industry breakdown: unmapped, listed
    measure = "growth_yoy" if unit == "percent" else "level"
    division = fact(subject, value, measure=measure, unit=unit, period=period)
    assert map_fact(division, cat).indicator is None
    assert unmapped_reason(division, cat) is not None
    total = fact(whole, value, measure=measure, unit=unit, period=period)
    assert map_fact(total, cat).indicator is not None


def test_one_emerging_business_line_is_no_emerging_revenue(cat: Catalogue) -> None:
    line = fact("data-centre revenue", 9.8, period="2027")
    assert map_fact(line, cat).indicator is None
    whole = fact("revenue from emerging businesses", 13.6, period="2027")
    assert map_fact(whole, cat).indicator == "telecom_emerging_revenue_yoy"
