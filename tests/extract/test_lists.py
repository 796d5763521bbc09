"""Members of list sentences get their own subjects (issue 10 point 2), so that the mapper
puts a sub-aggregate on its own indicator, never on the total or the list's neighbour."""

from __future__ import annotations

import pytest

from indmon.catalogue import Catalogue
from indmon.extract import extract_facts
from indmon.extract.mapping import map_facts


def subjects(text: str) -> list[tuple[float, str, str]]:
    return [(f.value, f.measure, f.subject)
            for f in extract_facts(text, "t", published="2024-07-20")]


def indicators(text: str, cat: Catalogue) -> list[str | None]:
    return [f.indicator for f in map_facts(extract_facts(text, "t", published="2024-07-20"), cat)]


def test_respectively_gives_the_nth_figure_the_nth_member(cat: Catalogue) -> None:
    text = ("In the first quarter, the output of crude steel, generator sets, and household "
            "refrigerators grew by 1.2%, 3.4% and 5.6% respectively.")
    assert [s for _, _, s in subjects(text)] == [
        "output of crude steel", "output of generator sets", "output of household refrigerators"]
    assert indicators(text, cat) == [
        "crude_steel_output_yoy", "generator_set_output_yoy", "refrigerator_output_yoy"]


def test_respectively_with_the_head_after_the_members() -> None:
    text = ("From January to March, the production and sales of new energy vehicles were 1.65 "
            "million and 1.59 million respectively, up 27.7% and 26.2% respectively.")
    assert [s for _, _, s in subjects(text)] == [
        "production of new energy vehicles", "sales of new energy vehicles"] * 2


def test_ownership_members_never_land_on_the_total(cat: Catalogue) -> None:
    text = ("In 2023, the value added of state-holding enterprises, joint-stock enterprises "
            "and private enterprises grew by 5.0%, 5.3% and 3.1% respectively.")
    assert indicators(text, cat) == [
        "va_ytd_yoy_state_holding", "va_ytd_yoy_shareholding", "va_ytd_yoy_private"]


def test_that_of_repeats_the_head_measure_and_sign(cat: Catalogue) -> None:
    text = ("In 2023, value added of mining grew 2.3%, that of manufacturing by 5.0%, and that "
            "of electricity, heat, gas and water by 4.3%.")
    assert subjects(text) == [
        (2.3, "growth_yoy", "value added of mining"),
        (5.0, "growth_yoy", "value added of manufacturing"),
        (4.3, "growth_yoy", "value added of electricity, heat, gas and water")]
    assert [(f.indicator, f.industry) for f in map_facts(
        extract_facts(text, "t"), cat)] == [("va_ytd_yoy", "B"), ("va_ytd_yoy", "C"),
                                           ("va_ytd_yoy", "D")]


def test_a_decline_carries_across_the_list() -> None:
    text = "In March, the output of cement fell 3.0%, steel products 1.2% and crude steel 4.0%."
    assert subjects(text) == [
        (-3.0, "growth_yoy", "output of cement"),
        (-1.2, "growth_yoy", "output of steel products"),
        (-4.0, "growth_yoy", "output of crude steel")]


def test_gdp_industries_are_their_own_indicators(cat: Catalogue) -> None:
    text = ("In 2023, the value added of the primary industry grew 4.1%, that of the secondary "
            "industry 4.7% and that of the tertiary industry 5.8%.")
    assert indicators(text, cat) == ["gdp_primary_yoy", "gdp_secondary_yoy", "gdp_tertiary_yoy"]


def test_chinese_respectively(cat: Catalogue) -> None:
    text = "2023年，国有控股企业、股份制企业、私营企业增加值分别增长5.0%、5.3%、3.1%。"
    assert indicators(text, cat) == [
        "va_ytd_yoy_state_holding", "va_ytd_yoy_shareholding", "va_ytd_yoy_private"]


def test_chinese_clause_naming_only_the_member_takes_the_head(cat: Catalogue) -> None:
    text = ("2023年，采矿业增加值增长2.3%，制造业增长5.0%，"
            "电力、热力、燃气及水生产和供应业增长4.3%。")
    assert [(f.indicator, f.industry) for f in map_facts(extract_facts(text, "t"), cat)] == [
        ("va_ytd_yoy", "B"), ("va_ytd_yoy", "C"), ("va_ytd_yoy", "D")]


def test_a_comparison_with_the_country_is_no_member() -> None:
    text = ("前三季度，江苏省规模以上工业增加值同比增长8.1%，增速比上半年提高0.3个百分点，"
            "高于全国2.3个百分点。")
    assert "value added of national" not in [s for _, _, s in subjects(text)]


@pytest.mark.parametrize("text", [
    "In December, the manufacturing purchasing managers' index stood at 50.3.",
    "12月份，制造业采购经理指数（PMI）为50.3%。",
    "The manufacturing PMI was 50.3 percent in December.",
])
def test_an_index_is_a_level_in_points(cat: Catalogue, text: str) -> None:
    (fact,) = map_facts(extract_facts(text, "t", published="2026-01-20"), cat)
    assert (fact.unit, fact.measure, fact.indicator) == ("index", "level", "pmi_manufacturing")


def test_an_elliptical_member_after_a_verb_phrase_takes_its_verb(cat: Catalogue) -> None:
    text = ("From January to October, state-holding enterprises made profits of 1.80 trillion "
            "yuan, down 0.6%; private enterprises 1.58 trillion yuan, up 3.2%.")
    assert [f.indicator for f in map_facts(extract_facts(text, "t", published="2025-11-21"),
                                           cat)] == [
        "profit_ytd_state_holding", "profit_ytd_yoy_state_holding", "profit_ytd_private",
        "profit_ytd_yoy_private"]


def test_that_of_after_a_semicolon_with_its_own_verb() -> None:
    text = ("Of which, the value added of state-holding enterprises went up by 4.2 percent; "
            "that of private enterprises, up by 5.1 percent.")
    assert [s for _, _, s in subjects(text)] == [
        "value added of state-holding enterprises", "value added of private enterprises"]


def test_a_streak_is_no_member_of_a_list() -> None:
    text = ("Shipbuilding ranked first in the world for fifteen consecutive years, and the 16th "
            "consecutive year is in sight.")
    assert "consecutive years of the" not in [s for _, _, s in subjects(text)]


def test_each_chinese_region_of_a_list_is_its_own(cat: Catalogue) -> None:
    text = ("2023年，分地区看，东部地区规模以上工业增加值增长5.1%，中部地区增长4.8%，"
            "西部地区增长5.4%，东北地区增长3.2%。")
    assert indicators(text, cat) == [
        "va_ytd_yoy_east", "va_ytd_yoy_central", "va_ytd_yoy_west", "va_ytd_yoy_northeast"]


def test_a_member_whose_name_holds_commas_is_one_member(cat: Catalogue) -> None:
    text = ("In June, the value added of mining, manufacturing, and electricity, heat, gas and "
            "water production and supply grew by 3.1%, 6.5% and 2.2% respectively.")
    assert [(f.indicator, f.industry) for f in map_facts(
        extract_facts(text, "t", published="2025-07-18"), cat)] == [
        ("va_yoy", "B"), ("va_yoy", "C"), ("va_yoy", "D")]


def test_a_chinese_member_whose_name_holds_list_marks_is_one_member(cat: Catalogue) -> None:
    text = ("2024年，采矿业、制造业、电力、热力、燃气及水生产和供应业增加值"
            "分别增长3.1%、6.5%、2.2%。")
    assert [(f.indicator, f.industry) for f in map_facts(extract_facts(text, "t"), cat)] == [
        ("va_ytd_yoy", "B"), ("va_ytd_yoy", "C"), ("va_ytd_yoy", "D")]


def test_and_other_closes_a_list_without_being_a_member(cat: Catalogue) -> None:
    text = ("In the first half, the output of industrial robots, integrated circuits and other "
            "smart products grew by 35.6% and 8.7% respectively.")
    assert indicators(text, cat) == ["industrial_robot_output_yoy", "ic_output_yoy"]


def test_an_elliptical_member_after_the_first_figures_period(cat: Catalogue) -> None:
    text = ("The output of cement fell 6.2% year on year in June, crude steel 2.1% and "
            "steel products 0.5%.")
    assert subjects(text) == [
        (-6.2, "growth_yoy", "output of cement"),
        (-2.1, "growth_yoy", "output of crude steel"),
        (-0.5, "growth_yoy", "output of steel products")]
    assert indicators(text, cat) == [
        "cement_output_yoy", "crude_steel_output_yoy", "steel_products_output_yoy"]


def test_an_elliptical_period_repeats_the_subject_and_measure(cat: Catalogue) -> None:
    text = "The value added of mining fell 1.3% in June; in the first half of the year, 0.4%."
    facts = map_facts(extract_facts(text, "t", published="2025-07-18"), cat)
    assert [(f.value, f.measure, f.indicator, f.industry) for f in facts] == [
        (-1.3, "growth_yoy", "va_yoy", "B"), (-0.4, "growth_yoy", "va_ytd_yoy", "B")]


def test_a_subject_that_is_a_comma_list_is_kept_whole(cat: Catalogue) -> None:
    text = ("In the first half of 2025, new tax cuts, fee reductions, tax rebates and fee "
            "deferrals exceeded 1.3 trillion yuan.")
    (fact,) = map_facts(extract_facts(text, "t", published="2025-07-18"), cat)
    assert fact.subject == "new tax cuts, fee reductions, tax rebates and fee deferrals"
    assert fact.indicator == "tax_fee_relief"


@pytest.mark.parametrize("text", [
    "Meanwhile, exports and imports grew 5.0%.",
    "In 2024, exports and imports grew 5.0%.",
])
def test_a_clause_that_opens_a_sentence_is_no_member(text: str) -> None:
    assert subjects(text)[0][2] == "exports and imports"


@pytest.mark.parametrize("text", [
    "In June, steel, cement and glass output fell 2.0%.",
    "In June, exports and imports of automobiles grew 5.0%.",
])
def test_a_list_is_not_mapped_to_one_of_its_members(cat: Catalogue, text: str) -> None:
    # the figure may be of the whole list: cement output and automobile exports are parts
    assert indicators(text, cat) == [None]


def test_a_list_whose_members_the_indicator_names_maps(cat: Catalogue) -> None:
    text = "In 2024, the value added of electricity, heat, gas and water grew 4.3%."
    facts = map_facts(extract_facts(text, "t"), cat)
    assert [(f.indicator, f.industry) for f in facts] == [("va_ytd_yoy", "D")]


def test_as_many_members_as_figures_without_respectively(cat: Catalogue) -> None:
    text = ("In the first half of 2025, the output of cement, crude steel and steel products "
            "was down 4.3%, 3.0% and 1.2%.")
    assert indicators(text, cat) == [
        "cement_output_yoy", "crude_steel_output_yoy", "steel_products_output_yoy"]


def test_without_respectively_the_members_must_be_as_many_as_the_figures() -> None:
    text = "In 2024, the output of cement, crude steel and steel products fell 4.3% and 3.0%."
    assert [s for _, _, s in subjects(text)] == [
        "output of cement, crude steel and steel products"] * 2


def test_chinese_members_set_apart_by_a_comma_when_one_holds_commas() -> None:
    text = ("2027年1—9月工业运行（模拟）\n\n制造业增加值增长6.1%；"
            "采矿业，电力、热力、燃气及水生产和供应业分别下降2.7%和0.6%。")
    by = {f.mention: f.subject for f in extract_facts(text, "t")}
    assert "mining" in by["2.7%"]
    assert "electricity" in by["0.6%"]


def test_a_bare_head_takes_the_owner_of_its_sentence_or_its_paragraph_heading(
        cat: Catalogue) -> None:
    text = ("2027年1—10月份电子信息制造业运行情况（模拟）\n\n"
            "1—10月份，规模以上电子信息制造业实现营业收入13.27万亿元，同比增长7.9%；"
            "实现利润总额5584亿元，同比增长14.2%。\n\n"
            "通信设备制造业。1—10月份，实现营业收入41200亿元，同比增长6.3%。\n")
    facts = {f.mention: f for f in map_facts(extract_facts(text, "t", published="2027-11-28"),
                                             cat)}
    assert (facts["5584亿元"].indicator, facts["5584亿元"].industry) == ("profit_ytd", "39")
    assert (facts["13.27万亿元"].indicator, facts["13.27万亿元"].industry) == ("revenue_ytd", "39")
    # a part of the division the catalogue has no code for lands on no cell
    assert facts["41200亿元"].indicator is None


def test_elliptical_members_after_a_comma_and_declines_in_other_words() -> None:
    text = ("Profits, January-October 2027 (simulated)\n\n"
            "Profits of the manufacture of computers, communication and other electronic "
            "equipment went up by 17.6 percent; electrical machinery and apparatus, 9.1 "
            "percent; and automobiles, 6.5 percent. Coal mining and washing saw profits tumble "
            "29.4 percent, non-metallic mineral products 16.8 percent. In October, "
            "manufacturing profits edged up 1.3 percent, while those of mining slumped 16.7 "
            "percent.")
    by = {f.mention: f for f in extract_facts(text, "t")}
    assert by["9.1 percent"].measure == "growth_yoy" and by["9.1 percent"].value == 9.1
    assert "electrical machinery" in by["9.1 percent"].subject
    assert by["29.4 percent"].value == -29.4
    assert by["16.8 percent"].value == -16.8
    assert by["16.7 percent"].value == -16.7


def test_growths_pair_with_the_amounts_before_them_without_respectively(
        cat: Catalogue) -> None:
    text = ("From January to June, NEV production stood at 5.04 million and NEV sales at "
            "5.11 million, growing 33.6% and 32.9%.")
    assert indicators(text, cat) == ["nev_production", "nev_sales", "nev_production_yoy",
                                     "nev_sales_yoy"]
    # one subject's two growths stay its own
    assert indicators("NEV sales reached 5.11 million in June, growing 32.9% and 3.1%.",
                      cat)[1] == "nev_sales_yoy"
