"""Rules for styles of writing the earlier rules had not met (issue 10): a bank's research
note, a trade magazine, a broadcaster's summary, a chief statistician's reading of a
January-February release, a telecom bulletin and a press-conference transcript (sentences
written here, figures invented)."""

from __future__ import annotations

import pytest

from indmon.catalogue import Catalogue
from indmon.extract import extract_facts
from indmon.extract.mapping import map_facts


def cells(text: str, cat: Catalogue, published: str = "2027-03-18"
          ) -> dict[str, tuple[str | None, str, str]]:
    """Each fact's mention and its cell (indicator, industry, period)."""
    facts = map_facts(extract_facts(text, "t", published=published), cat)
    return {f.mention: (f.indicator, f.industry, f.period) for f in facts}


# ---------------------------------------------------------------- periods
def test_a_month_named_for_month_on_month_growth_only_does_not_carry(cat: Catalogue) -> None:
    text = ("1—2月份，规模以上工业增加值同比增长6.4%。从环比看，2月份规模以上工业增加值比上月增长"
            "0.31%。分三大门类看，采矿业增长3.3%，制造业增长7.1%。")
    found = cells(text, cat)
    assert found["0.31%"] == ("va_mom", "ALL", "2027-02")
    assert found["3.3%"] == ("va_ytd_yoy", "B", "2027-01/2027-02")
    assert found["7.1%"] == ("va_ytd_yoy", "C", "2027-01/2027-02")


def test_a_quarter_of_the_opening_span_is_an_aside_after_a_greeting(cat: Catalogue) -> None:
    text = ("Spokesperson: Good afternoon. Preliminary estimates[1] put gross domestic product "
            "for the first three quarters at 98.10 trillion yuan, up 4.9%. Growth in the third "
            "quarter was 4.6%. The secondary industry contributed 36.02 trillion yuan, rising "
            "5.1%.")
    found = cells(text, cat, published="2027-10-19")
    assert found["98.10 trillion yuan"] == ("gdp", "ALL", "2027-01/2027-09")
    assert found["4.6%"][2] == "2027-Q3"
    assert found["36.02 trillion yuan"] == ("gdp_secondary", "ALL", "2027-01/2027-09")
    assert found["5.1%"] == ("gdp_secondary_yoy", "ALL", "2027-01/2027-09")
    zh = ("新闻发言人：上午好。初步核算[1]，前三季度国内生产总值98.10万亿元，同比增长4.9%。其中，"
          "三季度增长4.6%。分产业看，第二产业增加值36.02万亿元，增长5.1%。")
    found = cells(zh, cat, published="2027-10-19")
    assert found["36.02万亿元"] == ("gdp_secondary", "ALL", "2027-01/2027-09")
    assert found["4.6%"][2] == "2027-Q3"


def test_gdp_said_as_its_acronym_alone_is_gdp(cat: Catalogue) -> None:
    found = cells("GDP for the first half was 61.2 trillion yuan, up 5.1%. The medium-sized PMI "
                  "was 49.3 in June.", cat, published="2027-07-15")
    assert found["61.2 trillion yuan"] == ("gdp", "ALL", "2027-H1")
    assert found["49.3"][0] == "pmi_medium"  # an acronym beside other words is no name


def test_a_month_within_the_opening_span_goes_on_holding(cat: Catalogue) -> None:
    # only a quarter is an aside: a month after a span opens what follows
    text = ("In the first half, value added grew 6.0%. In June, it grew 6.4%. Mining grew 3.1%.")
    found = cells(text, cat, published="2027-07-15")
    assert found["3.1%"] == ("va_yoy", "B", "2027-06")


def test_a_month_stated_with_both_bases_goes_on_holding(cat: Catalogue) -> None:
    text = ("In February, value added grew 6.1% year on year and 0.28% month on month. The "
            "capacity utilization rate of industry was 74.6%.")
    facts = extract_facts(text, "t", published="2027-03-18")
    assert [f.period for f in facts] == ["2027-02"] * 3


def test_a_year_and_its_whole_are_one_base_of_the_figure_after_it(cat: Catalogue) -> None:
    text = "1—2月份，规模以上工业增加值同比增长6.4%，比2026年全年的5.9%加快0.5个百分点。"
    found = cells(text, cat)
    assert found["6.4%"] == ("va_ytd_yoy", "ALL", "2027-01/2027-02")
    assert found["5.9%"] == ("va_ytd_yoy", "ALL", "2026")
    assert found["0.5个百分点"][2] == "2027-01/2027-02"


def test_an_english_base_figure_takes_the_base_period_which_does_not_carry(
        cat: Catalogue) -> None:
    text = ("In January-February, value added grew 6.4%.\n\n"
            "The pace was 0.5 percentage points faster than the 5.9% recorded for the whole of "
            "2026. State-holding enterprises grew 4.1%.")
    facts = {f.mention: f.period for f in extract_facts(text, "t", published="2027-03-18")}
    assert facts["5.9%"] == "2026"
    assert facts["0.5 percentage points"] == "2027-01/2027-02"
    assert cells(text, cat)["4.1%"] == ("va_ytd_yoy_state_holding", "ALL", "2027-01/2027-02")


def test_an_index_is_read_for_the_last_month_of_a_span(cat: Catalogue) -> None:
    text = ("1—2月份工业经济运行情况\n\n1—2月份，规模以上工业增加值同比增长6.4%。"
            "制造业采购经理指数（PMI）为50.6%，比上月上升0.3个百分点。")
    found = cells(text, cat)
    assert found["50.6%"] == ("pmi_manufacturing", "ALL", "2027-02")
    assert found["0.3个百分点"] == ("pmi_manufacturing_change", "ALL", "2027-02")


# ---------------------------------------------------------------- page furniture
@pytest.mark.parametrize("text", [
    "附注：1. 本文数据均为初步统计数。2. 部分数据因四舍五入存在总计与分项不等的情况。",
    "Important disclosures: 1. This note is for clients only. 2. Forecasts are ours.",
    "Macro Flash | 12 March 2027 | Page 2 of 4",
])
def test_numbered_disclosures_and_page_numbers_are_no_facts(text: str) -> None:
    assert extract_facts(text, "t", published="2027-03-18") == []


def test_a_verb_read_before_a_reading_is_no_page_counter(cat: Catalogue) -> None:
    text = ("The manufacturing PMI stood at 50.6 in February. Large enterprises read 51.2 and "
            "small ones 48.9.\nRead 2,317 times")
    found = cells(text, cat)
    assert found["51.2"] == ("pmi_large", "ALL", "2027-02")
    assert found["48.9"] == ("pmi_small", "ALL", "2027-02")
    assert "2,317" not in found


# ---------------------------------------------------------------- forecasts
def test_forecasts_and_consensus_beside_the_figures_are_no_facts() -> None:
    text = ("Value added grew 6.4% year on year in January-February, ahead of consensus (5.6%) "
            "and of our own forecast (5.9%). We raise our first-quarter forecast to 6.1% from "
            "5.7%, expect the March PMI at 50.8, and economists polled put 2027 growth at 4.8%.")
    facts = extract_facts(text, "t", published="2027-03-18")
    assert [f.mention for f in facts] == ["6.4%"]


def test_a_publishers_own_expectation_stays_a_fact() -> None:
    text = "The scale of the industry is expected to reach 1.4 trillion yuan in 2027."
    assert [f.mention for f in extract_facts(text, "t", published="2027-03-18")] == [
        "1.4 trillion yuan"]


# ---------------------------------------------------------------- measures and subjects
def test_a_share_raised_to_a_figure_is_the_share(cat: Catalogue) -> None:
    text = ("High-tech manufacturing grew 9.1% in January-February, lifting its share of "
            "industrial value added to 16.8%.")
    facts = extract_facts(text, "t", published="2027-03-18")
    assert [(f.mention, f.measure) for f in facts] == [("9.1%", "growth_yoy"),
                                                      ("16.8%", "share")]


def test_plain_points_are_an_index_change_below_the_base_a_fall(cat: Catalogue) -> None:
    text = ("The manufacturing PMI came in at 49.7 in October, 0.4 points below September. "
            "In November the PMI was up 0.6 points on October.")
    facts = map_facts(extract_facts(text, "t", published="2026-12-01"), cat)
    changes = [(f.value, f.indicator) for f in facts if f.measure == "change"]
    assert changes == [(-0.4, "pmi_manufacturing_change"), (0.6, "pmi_manufacturing_change")]


def test_index_readings_of_a_list_of_size_classes(cat: Catalogue) -> None:
    text = ("The bureau's purchasing managers' index was 49.8 in October. Large enterprises "
            "stood at 50.9; medium-sized and small firms were at 49.2 and 47.6, in that order. "
            "The non-manufacturing business activity index printed 50.3, while new export "
            "orders sank to 46.1.")
    found = cells(text, cat, published="2026-11-01")
    assert found["50.9"][0] == "pmi_large"
    assert found["49.2"][0] == "pmi_medium"
    assert found["47.6"][0] == "pmi_small"
    assert found["50.3"][0] == "pmi_non_manufacturing"
    assert found["46.1"][0] != "pmi_non_manufacturing"


def test_output_of_a_sector_or_a_division_is_its_value_added(cat: Catalogue) -> None:
    text = ("In January-February, output of mining rose 3.3%, output of manufacturing 7.1% and "
            "output of non-metallic mineral products fell 2.2%. Output of cement fell 8.4%. "
            "Output in February alone rose 0.31% from January after seasonal adjustment.")
    found = cells(text, cat)
    assert found["3.3%"] == ("va_ytd_yoy", "B", "2027-01/2027-02")
    assert found["7.1%"] == ("va_ytd_yoy", "C", "2027-01/2027-02")
    assert found["2.2%"] == ("va_ytd_yoy", "30", "2027-01/2027-02")
    assert found["8.4%"][0] == "cement_output_yoy"
    assert found["0.31%"] == ("va_mom", "ALL", "2027-02")


def test_vehicles_built_are_output_factories_built_are_a_count(cat: Catalogue) -> None:
    text = ("In January-February, plants built 1.62 million new-energy vehicles, 24.1% more "
            "than a year earlier. Firms have built 58 lighthouse factories.")
    found = cells(text, cat)
    assert found["1.62 million"][0] == "nev_production"
    assert found["24.1%"][0] == "nev_production_yoy"
    assert found["58"][0] != "nev_production"


# ---------------------------------------------------------------- Chinese subjects
def test_the_emerging_businesses_revenue_is_a_part_never_the_total(cat: Catalogue) -> None:
    text = ("1—7月份，电信业务收入累计完成10120亿元，同比增长3.1%。语音业务收入590亿元，同比下降"
            "4.4%。三家基础电信企业积极发展云计算、大数据等新兴业务，共完成业务收入2650亿元，增速达到"
            "8.7%，拉动电信业务收入增长2.2个百分点。新兴业务收入增长8.7%。")
    found = cells(text, cat, published="2027-08-20")
    assert found["10120亿元"][0] == "telecom_revenue"
    assert found["590亿元"][0] is None  # the voice line: no indicator, never the total
    assert found["2650亿元"][0] != "telecom_revenue"
    assert found["8.7%"][0] == "telecom_emerging_revenue_yoy"
    assert found["2.2个百分点"][0] == "telecom_emerging_contribution_pp"


@pytest.mark.parametrize(("text", "months"), [
    ("2月份，制造业PMI为50.6%，3个月来持续位于扩张区间。", 3),
    ("6月份，工业增加值同比增长6.0%。工业增加值同比增长已持续19个月。", 19),
])
def test_chinese_streaks_worded_without_consecutive(text: str, months: int) -> None:
    streaks = [f for f in extract_facts(text, "t", published="2027-07-15")
               if f.measure == "streak"]
    assert [(f.value, f.unit) for f in streaks] == [(months, "month")]


# ---------------------------------------------------------------- news and trade-press English
def test_a_key_figures_box_labels_its_figures(cat: Catalogue) -> None:
    text = ("Key figures\nIndustrial value added: +5.8%\nProfits: -2.1%\n"
            "5G base stations: 4.61 million\n")
    facts = extract_facts(text, "t", published="2027-07-20")
    assert [(f.subject, f.measure) for f in facts] == [
        ("industrial value added", "growth_yoy"), ("profits", "growth_yoy"),
        ("5G base stations", "count")]


def test_trade_press_words_for_users_and_sites(cat: Catalogue) -> None:
    text = ("At the end of July, the mobile base stood at 1.82 billion. 5G subscriptions climbed "
            "to 1.30 billion, while 4G users dwindled to 480 million after a net loss of 51.0 "
            "million. 5G sites numbered 5.14 million.")
    facts = map_facts(extract_facts(text, "t", published="2027-08-20"), cat)
    found = {f.mention: (f.indicator, f.value) for f in facts}
    assert found["1.82 billion"][0] == "mobile_phone_users"
    assert found["1.30 billion"][0] == "g5_mobile_users"
    assert found["480 million"][0] == "g4_users"
    assert found["51.0 million"] == (None, -51_000_000)
    assert found["5.14 million"][0] == "g5_base_stations"


def test_an_amount_of_a_named_thing_and_its_growth(cat: Catalogue) -> None:
    text = ("In the first half, the three basic telecom operators booked 921.7 billion yuan of "
            "telecom business revenue, up 2.6%. The country shipped 3.11 million vehicles "
            "abroad. The value added of enterprises funded from abroad grew 3.0%.")
    found = cells(text, cat, published="2027-07-20")
    assert found["921.7 billion yuan"][0] == "telecom_revenue"
    assert found["2.6%"][0] == "telecom_revenue_yoy"
    assert found["3.11 million"][0] == "auto_exports"
    assert found["3.0%"][0] == "va_ytd_yoy_foreign"


def test_the_wider_economy_and_its_industries_adding_are_gdp(cat: Catalogue) -> None:
    text = ("In the first half, the wider economy grew 5.0%, with the primary, secondary and "
            "tertiary industries adding 3.5%, 5.3% and 4.9% respectively.")
    found = cells(text, cat, published="2027-07-20")
    assert [found[m][0] for m in ("5.0%", "3.5%", "5.3%", "4.9%")] == [
        "gdp_yoy", "gdp_primary_yoy", "gdp_secondary_yoy", "gdp_tertiary_yoy"]


def test_photo_captions_and_footnote_marks_name_nothing() -> None:
    text = ("Photo 1 of 6: a 5G mast in Guizhou.\nPorts capable of gigabit service hit 32.1 "
            "million [1].")
    facts = extract_facts(text, "t", published="2027-07-20")
    assert [(f.mention, f.subject) for f in facts] == [
        ("32.1 million", "ports capable of gigabit service")]


def test_a_possessor_named_alone_takes_the_first_figures_noun(cat: Catalogue) -> None:
    text = ("In October, makers' profits climbed 8.8% while miners' slid 12.1%. Profits of "
            "chemical firms rose 3.0% and those of automakers by 6.6%.")
    found = cells(text, cat, published="2027-11-27")
    assert found["8.8%"] == ("profit_month_yoy", "ALL", "2027-10")
    assert found["12.1%"] == ("profit_month_yoy", "B", "2027-10")
    assert found["6.6%"][:2] == ("profit_month_yoy", "36")


def test_a_list_keeps_names_that_hold_and_whole(cat: Catalogue) -> None:
    text = ("Coal miners, oil and gas producers and non-metallic mineral product makers saw "
            "profits fall 21.5%, 6.2% and 9.9% respectively in the first ten months.")
    found = cells(text, cat, published="2027-11-27")
    assert [found[m][1] for m in ("21.5%", "6.2%", "9.9%")] == ["06", "07", "30"]


# ---------------------------------------------------------------- a province's release
def test_a_provinces_release_keeps_cities_and_groupings_out_of_its_cells(cat: Catalogue) -> None:
    text = ("Guangdong's industry in the first three quarters of 2026\n\n"
            "The value added of industrial enterprises above designated size in Guangdong grew "
            "4.7 percent year on year in the first three quarters, 0.5 percentage points lower "
            "than the national rate of 5.2 percent. Advanced manufacturing grew 6.1 percent. "
            "Shenzhen's industrial value added rose 6.8 percent. Jiangsu's value added grew "
            "7.1 percent in the same period.")
    facts = {f.mention: f for f in map_facts(extract_facts(text, "t", published="2026-10-22"),
                                             cat)}
    assert (facts["4.7 percent"].indicator, facts["4.7 percent"].province) == (
        "va_ytd_yoy", "440000")
    assert (facts["5.2 percent"].indicator, facts["5.2 percent"].province) == ("va_ytd_yoy", "ALL")
    assert facts["6.1 percent"].indicator is None  # a grouping, not manufacturing (C)
    assert facts["6.8 percent"].indicator is None  # a city's figure
    assert (facts["7.1 percent"].indicator, facts["7.1 percent"].province) == (
        "va_ytd_yoy", "320000")


def test_a_sector_that_reached_a_rate_grew_by_it(cat: Catalogue) -> None:
    text = ("In the first quarter, value added grew 6.0%, and high-tech manufacturing and "
            "equipment manufacturing reached 9.5% and 8.4% respectively. The capacity "
            "utilization rate reached 74.9%.")
    found = cells(text, cat, published="2027-04-16")
    assert found["9.5%"][0] == "va_hightech_ytd_yoy"
    assert found["8.4%"][0] == "va_equipment_ytd_yoy"
    facts = extract_facts(text, "t", published="2027-04-16")
    assert facts[-1].measure == "share"  # a rate stays a rate


def test_divisions_that_expanded_are_counted(cat: Catalogue) -> None:
    text = "In January-February, 34 of the 41 major industries expanded."
    assert cells(text, cat)["34"][0] == "industries_growing_ytd"


def test_vehicles_that_rolled_off_lines_are_output(cat: Catalogue) -> None:
    text = ("In October, new-energy vehicles rolled off lines at a pace of 1.31 million units, "
            "20.4% more than a year earlier.")
    found = cells(text, cat, published="2026-11-16")
    assert (found["1.31 million"][0], found["20.4%"][0]) == ("nev_production", "nev_production_yoy")


# ---------------------------------------------------------------- the PMI release, a news terminal
def test_industry_group_and_non_manufacturing_indices_are_not_the_headline(
        cat: Catalogue) -> None:
    text = ("In March, the manufacturing PMI was 50.6 percent, up from 50.2 percent in "
            "February. The PMI of high-tech manufacturing was 52.4 percent and the consumer "
            "goods industry PMI 50.1 percent.\n\n"
            "Demand in non-manufacturing stayed soft. The new orders index was 46.9 percent.")
    found = cells(text, cat, published="2027-03-31")
    assert found["50.6 percent"] == ("pmi_manufacturing", "ALL", "2027-03")
    assert found["50.2 percent"] == ("pmi_manufacturing", "ALL", "2027-02")
    assert found["52.4 percent"][0] is None
    assert found["50.1 percent"][0] is None
    assert found["46.9 percent"][0] is None  # no catalogue indicator, never manufacturing's


def test_chinese_rise_from_a_months_figure(cat: Catalogue) -> None:
    text = ("3月份，制造业采购经理指数（PMI）由2月份的50.2%升至50.6%，上升0.4个百分点。"
            "消费品行业PMI为50.1%。")
    found = cells(text, cat, published="2027-03-31")
    assert found["50.6%"] == ("pmi_manufacturing", "ALL", "2027-03")
    assert found["50.2%"] == ("pmi_manufacturing", "ALL", "2027-02")
    assert found["50.1%"][0] is None


@pytest.mark.parametrize("text", [
    "[1] A PMI above 50 percent indicates that the economy expanded on the month before.",
    "[1] PMI高于50%时，反映经济总体较上月扩张；低于50%，则反映经济总体收缩。",
    "The gain kept the index above the critical point of 50 percent.",
    "1. The survey was conducted from March 22 to 25.",
    "在调查的21个行业中，有15个位于扩张区间。",
])
def test_reading_rules_date_ranges_and_surveyed_groups_are_no_facts(text: str) -> None:
    facts = extract_facts(text, "t", published="2027-03-31")
    assert [f.mention for f in facts if f.mention in ("50 percent", "50%", "25", "21")] == []


@pytest.mark.parametrize(("text", "values"), [
    ("The consumer goods PMI and the raw materials PMI fell 0.4 and 0.2 percentage points "
     "respectively.", [-0.4, -0.2]),
    ("生产指数和新订单指数分别比上月上升0.5和0.6个百分点。", [0.5, 0.6]),
])
def test_a_bare_number_joined_to_the_next_takes_its_unit_and_sign(
        text: str, values: list[float]) -> None:
    facts = extract_facts(text, "t", published="2027-03-31")
    assert [(f.value, f.unit) for f in facts] == [(v, "percentage_point") for v in values]


def test_a_headline_period_does_not_hold_for_the_story_below(cat: Catalogue) -> None:
    text = ("Guangdong's industry in the first three quarters of 2027 (a note on the source)\n\n"
            "Guangdong factories gather pace in third quarter\n\n"
            "From January to September, the province's value added rose 5.4%.\n\n"
            "By sector, manufacturing added 6.0%.")
    found = cells(text, cat, published="2027-10-22")
    assert found["5.4%"] == ("va_ytd_yoy", "ALL", "2027-01/2027-09")
    assert found["6.0%"] == ("va_ytd_yoy", "C", "2027-01/2027-09")
    facts = map_facts(extract_facts(text, "t", published="2027-10-22"), cat)
    assert {f.province for f in facts} == {"440000"}  # the title names the province


def test_a_news_terminals_dateline_is_the_release_date() -> None:
    from indmon.extract.periods import document_time
    text = "Profits, January-November 2027\n\nMARKET NEWS | 27-Dec-2027 09:30 HKT | 642 views\n"
    assert str(document_time(text, "en").published) == "2027-12-27"


def test_sector_profits_and_a_chinese_span_listing_on(cat: Catalogue) -> None:
    text = ("1—7月份，全国规模以上工业企业实现利润总额39100亿元，同比增长1.9%。7月份，"
            "规模以上工业企业实现利润5200亿元，同比增长4.1%。1—7月份，国有控股企业实现利润总额"
            "12500亿元，同比下降2.1%。采矿业利润下降11.2%，制造业增长5.4%。高技术制造业利润增长12.0%。")
    found = cells(text, cat, published="2026-08-27")
    assert found["11.2%"] == ("profit_ytd_yoy", "B", "2026-01/2026-07")
    assert found["5.4%"] == ("profit_ytd_yoy", "C", "2026-01/2026-07")
    assert found["4.1%"] == ("profit_month_yoy", "ALL", "2026-07")
    assert found["12.0%"][0] is None  # a grouping, not manufacturing (C)


def test_sector_profit_levels(cat: Catalogue) -> None:
    text = "In January-November, mining profits were 1,021.4 billion yuan."
    assert cells(text, cat, published="2027-12-27")["1,021.4 billion yuan"] == (
        "profit_ytd", "B", "2027-01/2027-11")


def test_a_month_said_alone_in_a_later_clause_is_that_clauses(cat: Catalogue) -> None:
    text = ("From January to September, value added grew 5.5%.\n\n"
            "High-tech manufacturing grew 8.0% and equipment manufacturing 7.5%; in September "
            "alone high-tech manufacturing sped up to 9.2%.")
    found = cells(text, cat, published="2027-10-22")
    assert found["8.0%"] == ("va_hightech_ytd_yoy", "ALL", "2027-01/2027-09")
    assert found["9.2%"] == ("va_hightech_yoy", "ALL", "2027-09")


def test_a_chart_caption_heads_no_section(cat: Catalogue) -> None:
    text = ("2027年前三季度工业经济运行情况\n\n前三季度，规模以上工业增加值同比增长5.5%。\n\n"
            "图1　2026年9月—2027年9月规模以上工业增加值月度增速（%）\n\n"
            "三、新动能持续壮大。先进制造业增加值增长6.9%，高技术制造业增长8.0%。")
    assert cells(text, cat, published="2027-10-22")["8.0%"] == (
        "va_hightech_ytd_yoy", "ALL", "2027-01/2027-09")


def test_a_notes_section_states_no_figure_but_a_table_after_it_does(cat: Catalogue) -> None:
    text = ("PMI for May 2027 (simulated)\n\nIn May, the manufacturing PMI was 50.2 percent.\n\n"
            "Notes\n\n1. Weights. New orders count for 30 percent and production for 25 percent."
            "\n\n2. Scope. The survey covers 3,100 enterprises in 31 divisions.\n\n"
            "Annex table: PMI\n\nItem\tMay\nManufacturing PMI\t50.2\n")
    facts = extract_facts(text, "t", lang="en", published="2027-05-31")
    assert [f.mention for f in facts][:1] == ["50.2 percent"]
    assert not {"30 percent", "25 percent", "3,100", "31"} & {f.mention for f in facts}
    zh = ("2027年5月份采购经理指数（模拟）\n\n5月份，制造业采购经理指数为50.2%。\n\n附注\n\n"
          "1. 权数：新订单指数权数为30%，生产指数权数为25%。\n\n2. 调查范围：3100家企业。\n")
    facts = extract_facts(zh, "t", lang="zh", published="2027-05-31")
    assert [f.mention for f in facts] == ["50.2%"]


def test_a_non_manufacturing_section_owns_its_sub_indices(cat: Catalogue) -> None:
    text = ("I. Manufacturing PMI\n\nIn May, the manufacturing PMI was 50.2 percent. The PMIs "
            "of high-tech manufacturing and equipment manufacturing reached 51.9 and 50.8 "
            "percent.\n\nII. Non-manufacturing PMI\n\nIn May, the non-manufacturing business "
            "activity index was 50.6 percent.\n\nThe construction business activity index was "
            "54.0 percent. The new orders index was 46.5 percent.")
    found = cells(text, cat, published="2027-05-31")
    assert found["50.2 percent"][0] == "pmi_manufacturing"
    assert found["51.9"][0] is None and found["50.8 percent"][0] is None  # no growth rates
    assert found["54.0 percent"][0] == "pmi_construction"
    assert found["46.5 percent"][0] is None  # not the manufacturing new orders index
    zh = ("二、非制造业采购经理指数\n\n5月份，非制造业商务活动指数为50.6%。\n\n"
          "非制造业新订单指数为46.5%。")
    assert cells(zh, cat, published="2027-05-31")["46.5%"][0] is None


def test_what_enterprises_realized_or_earned_in_a_list_is_their_profits(cat: Catalogue) -> None:
    text = ("From January to May, industrial enterprises above designated size realized total "
            "profits of 2,810.50 billion yuan, up 2.2 percent. State-holding enterprises realized "
            "total profits of 901.20 billion yuan, down 2.9 percent; joint-stock enterprises "
            "earned 2,050.10 billion yuan, up 1.4 percent; and private enterprises realized "
            "760.30 billion yuan, a rise of 3.8 percent.")
    found = cells(text, cat, published="2027-06-27")
    assert found["2,810.50 billion yuan"][0] == "profit_ytd"
    assert found["2.2 percent"][0] == "profit_ytd_yoy"
    assert found["2,050.10 billion yuan"][0] == "profit_ytd_shareholding"
    assert found["760.30 billion yuan"][0] == "profit_ytd_private"
    assert found["3.8 percent"][0] == "profit_ytd_yoy_private"


def test_bare_numbers_of_a_list_share_the_last_ones_unit(cat: Catalogue) -> None:
    text = ("In May, value added of state-holding enterprises grew 4.1 percent; joint-stock "
            "enterprises, foreign-funded enterprises and private enterprises grew 5.6, 2.4 and "
            "4.9 percent respectively. The PMI of large enterprises read 51.2, 0.3 percentage "
            "points higher than in April.")
    found = cells(text, cat, published="2027-06-15")
    assert found["5.6"][0] == "va_yoy_shareholding"
    assert found["2.4"][0] == "va_yoy_foreign"
    assert found["51.2"][0] == "pmi_large"  # a comma before a figure with a unit joins none


def test_a_month_set_apart_by_qizhong_is_its_own_clauses(cat: Catalogue) -> None:
    text = ("1—6月份，规模以上工业企业利润同比增长2.2%。\n\n"
            "汽车制造业利润同比增长4.1%；其中6月份该行业利润同比增长9.0%。电气机械和器材制造业利润增长"
            "7.7%。")
    found = cells(text, cat, published="2027-07-27")
    assert found["4.1%"] == ("profit_ytd_yoy", "36", "2027-H1")
    assert found["9.0%"] == ("profit_month_yoy", "36", "2027-06")
    assert found["7.7%"] == ("profit_ytd_yoy", "38", "2027-H1")


def test_loss_makers_and_streaks_worded_without_lianxu(cat: Catalogue) -> None:
    text = ("1—8月份，规模以上工业企业中亏损企业14.02万家，比上年同期减少0.31万家。"
            "8月份，规模以上工业增加值同比增长5.9%，同比已保持正增长18个月。"
            "全省规模以上工业增加值已有12个月保持同比增长。")
    found = cells(text, cat, published="2027-09-27")
    assert found["14.02万"][0] == "loss_making_ytd"
    assert found["18个月"][0] == "va_yoy_streak"
    assert found["12个月"][0] == "va_yoy_streak"


# ---------------------------------------------------------------- an annual bulletin, autos
def test_the_year_of_a_posting_date_is_no_period(cat: Catalogue) -> None:
    text = ("Note on this summary.\nResearch | Year in review: the communications industry in "
            "2026\nPosted 28 January 2027, 09:15\n\n"
            "Revenue mix. Emerging businesses grew 11.0% and contributed 2.3 percentage points "
            "to overall revenue growth.")
    facts = extract_facts(text, "t")
    assert [f.period for f in facts] == ["2026", "2026"]


def test_a_business_line_and_bare_output_are_no_totals(cat: Catalogue) -> None:
    zh = "2026年，固定通信业务收入7000亿元，增长5.0%；移动通信业务收入9700亿元，下降0.7%。"
    assert {m: c[0] for m, c in cells(zh, cat, published="2027-01-26").items()} == {
        "7000亿元": None, "5.0%": None, "9700亿元": None, "0.7%": None}
    en = "In January-April, output was 10.10 million and sales 10.20 million."
    assert cells(en, cat, published="2027-05-15")["10.10 million"][0] != "industrial_robot_output"


def test_nevs_assembled_are_output(cat: Catalogue) -> None:
    text = "In April, factories assembled 1.36 million NEVs, up 31.0%."
    found = cells(text, cat, published="2027-05-15")
    assert (found["1.36 million"][0], found["31.0%"][0]) == ("nev_production",
                                                            "nev_production_yoy")


# ---------------------------------------------------------------- another compiler's survey
def test_another_compilers_pmi_never_lands_on_the_official_cells(cat: Catalogue) -> None:
    text = ("Factory surveys in December 2027\n\n"
            "The official manufacturing purchasing managers' index slipped to 49.7 from 50.0 "
            "in November, the National Bureau of Statistics said.\n\n"
            "The privately compiled Qingshan-Arbor China General Manufacturing PMI climbed to "
            "51.1. Its new orders index rose to 51.6.")
    found = cells(text, cat, published="2028-01-03")
    assert found["49.7"] == ("pmi_manufacturing", "ALL", "2027-12")
    assert found["50.0"] == ("pmi_manufacturing", "ALL", "2027-11")
    assert found["51.1"][0] is None
    assert found["51.6"][0] is None


def test_a_compilers_own_chinese_release_is_its_survey_throughout(cat: Catalogue) -> None:
    text = ("2027年12月青山中国制造业采购经理指数（PMI）发布\n\n"
            "2027年12月，青山中国制造业PMI为51.1%，较11月上升0.4个百分点。新订单指数为51.6%。"
            "同期国家统计局制造业PMI为49.7%。")
    found = cells(text, cat, published="2028-01-03")
    assert found["51.1%"][0] is None and found["51.6%"][0] is None
    assert found["49.7%"][0] == "pmi_manufacturing"


def test_a_refused_name_says_why_it_is_unmapped(cat: Catalogue) -> None:
    from indmon.extract.mapping import unmapped_reason
    text = "In December, the Qingshan-Arbor China General Manufacturing PMI climbed to 51.1."
    (fact,) = extract_facts(text, "t", published="2028-01-03")
    reason = unmapped_reason(fact, cat)
    assert reason is not None and "another survey" in reason
