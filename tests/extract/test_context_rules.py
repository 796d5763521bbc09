"""Context rules: datelines, how far a period reaches, flows versus stocks, growth wording,
ranking scope, fractions and the region of a provincial report (sentences written here)."""

from __future__ import annotations

from indmon.extract import Fact, extract_facts


def _by_mention(text: str, published: str | None = None) -> dict[str, Fact]:
    return {f.mention: f for f in extract_facts(text, "t", published=published)}


def test_a_dateline_is_where_the_news_was_filed_not_the_region() -> None:
    facts = _by_mention("Steel output up in April (simulated)\n"
                        "Wuhan, May 20, 2025 -- In April, Hubei's output rose 6.1%. "
                        "Output of steel grew 2.2%.")
    assert facts["6.1%"].region == "Hubei"
    assert facts["2.2%"].region == "CN"
    facts = _by_mention("Hubei, May 20, 2025 -- In April, output of steel grew 2.2%.")
    assert facts["2.2%"].region == "CN"


def test_the_period_of_a_paragraph_opening_holds_for_its_sentences() -> None:
    text = ("Notes of 2025 (simulated)\n"
            "In the first four months, exports rose 3.3%. Imports grew 1.1%. "
            "In April alone, exports rose 0.9%. Steel output grew 4.4%.\n"
            "Cement output fell 5.5%.")
    facts = _by_mention(text)
    assert facts["1.1%"].period == "2025-01/2025-04"
    assert facts["0.9%"].period == "2025-04"
    assert facts["4.4%"].period == "2025-01/2025-04"
    assert facts["5.5%"].period == "2025"


def test_a_span_stated_mid_paragraph_reaches_only_its_sentence() -> None:
    text = ("Industry in 2025 (simulated)\n"
            "Output rose 5.1%. In the first ten months, steel grew 1.5%. Platforms raised "
            "300 billion yuan.")
    assert _by_mention(text)["300 billion yuan"].period == "2025"
    # a first sentence stating no figure ("Output is steady.") is no opening: the first
    # sentence with a period is, and its span holds for the paragraph
    steady = text.replace("Output rose 5.1%.", "Output is steady.")
    assert _by_mention(steady)["300 billion yuan"].period == "2025-01/2025-10"


def test_flows_at_a_stock_date_cover_the_year_to_date() -> None:
    text = ("By the end of September 2025, there were 5.1 million 5G base stations. "
            "Software revenue reached 9.8 trillion yuan, and gigabit users numbered 0.2 billion.")
    facts = _by_mention(text)
    assert facts["5.1 million"].period == "as of 2025-09-30"
    assert facts["9.8 trillion yuan"].period == "2025-01/2025-09"
    assert facts["0.2 billion"].period == "as of 2025-09-30"


def test_growth_nouns_after_the_figure_and_declines_are_negative() -> None:
    facts = _by_mention("In 2025, exports were 3.2 million units, a 9.9% increase. Imports "
                        "saw a decrease of 2.5%. Sales posted a 1.5% year-on-year decline.")
    assert (facts["9.9%"].measure, facts["9.9%"].value) == ("growth_yoy", 9.9)
    assert (facts["2.5%"].measure, facts["2.5%"].value) == ("growth_yoy", -2.5)
    assert (facts["1.5%"].measure, facts["1.5%"].value) == ("growth_yoy", -1.5)


def test_points_lower_than_are_a_negative_change() -> None:
    facts = _by_mention("In 2025, the utilization rate was 73.0%, 0.6 percentage points lower "
                        "than a year earlier, and growth was 0.2 percentage points higher than "
                        "in 2024.")
    assert (facts["0.6 percentage points"].measure,
            facts["0.6 percentage points"].value) == ("change", -0.6)
    assert facts["0.2 percentage points"].value == 0.2


def test_month_on_month_basis_stated_before_the_figure() -> None:
    facts = _by_mention("In May 2025, on a month-on-month basis, industrial output rose 0.3%.")
    assert facts["0.3%"].measure == "growth_qoq"


def test_a_ranking_is_world_only_when_the_text_says_so() -> None:
    facts = _by_mention("In 2025, Anhui's output grew 9.0%, ranking third among provinces. "
                        "China's robot output ranked first in the world.")
    assert not facts["third"].subject.startswith("world")
    assert facts["third"].region == "Anhui"
    assert facts["first"].subject.startswith("world ranking of")


def test_fractions_are_shares() -> None:
    facts = _by_mention("In 2025, private firms made up two thirds of output and a quarter of "
                        "exports.")
    assert facts["two thirds"].value == 100 * 2 / 3
    assert (facts["a quarter"].unit, facts["a quarter"].measure) == ("percent", "share")
    zh = {f.mention: f for f in extract_facts("2025年，民营企业约占全部出口的五分之二。", "z")}
    assert zh["五分之二"].value == 40.0


def test_a_provincial_report_speaks_for_its_province() -> None:
    text = ("浙江省2025年工业运行情况（模拟）\n"
            "全年，全省规模以上工业增加值增长7.0%，高于全国1.2个百分点；"
            "全国规模以上工业增加值增长5.8%。\n")
    facts = _by_mention(text)
    assert facts["7.0%"].region == "Zhejiang"
    assert facts["1.2个百分点"].region == "Zhejiang"
    assert facts["5.8%"].region == "CN"


def test_chinese_points_that_fall_back_are_negative() -> None:
    (fact,) = extract_facts("2025年，产能利用率比上年回落0.4个百分点。", "z")
    assert (fact.measure, fact.value) == ("change", -0.4)


def test_a_word_that_begins_like_a_month_names_no_month() -> None:
    facts = _by_mention("Notes of 2025 (simulated)\n"
                        "In 2025, spending in marketing grew 5.5%, and we set up 15 marine parks.")
    assert facts["5.5%"].period == "2025"
    assert facts["15"].value == 15  # not read as the date "15 Mar"


def test_a_notes_section_ends_at_a_chart_caption() -> None:
    text = ("Investment, January-October 2027 (simulated)\n\n"
            "Investment rose 2.6 percent.\n\n"
            "Notes:\n1. Coverage: projects of 5 million yuan or more.\n"
            "2. Some totals may not add up.\n\n"
            "Figure 1: Growth of investment (percent)\n\n"
            "Value added of industry grew 5.7 percent year on year in October.")
    facts = _by_mention(text)
    assert "5.7 percent" in facts and "5 million yuan" not in facts
    zh = ("2027年1—9月份通信业运行情况（模拟）\n\n电信业务收入增长2.1%。\n\n"
          "注：1. 东部地区包括10个省（市）；西部地区包括12个省（区、市）。\n"
          "2. 部分数据因四舍五入。")
    mentions = set(_by_mention(zh))
    assert "2.1%" in mentions and "10" not in mentions and "12" not in mentions


def test_a_speed_and_above_is_a_threshold() -> None:
    facts = _by_mention("Telecom in 2027 (simulated)\n\nUsers on plans of 1000Mbps and above "
                        "numbered 271 million at the end of September.")
    assert "271 million" in facts and "1000Mbps" not in facts


def test_in_the_month_is_the_release_month() -> None:
    text = ("Industry, January-October 2027 (simulated)\n\n"
            "High-tech manufacturing grew 9.5 percent in the month, bringing its "
            "January-October growth to 9.2 percent.")
    facts = _by_mention(text)
    assert facts["9.5 percent"].period == "2027-10"
    assert facts["9.2 percent"].period == "2027-01/2027-10"
    zh = "2027年1—10月份工业运行情况（模拟）\n\n高技术制造业当月增长9.5%，1—10月份累计增长9.2%。"
    by = _by_mention(zh)
    assert by["9.5%"].period == "2027-10"
    assert by["9.2%"].period == "2027-01/2027-10"


def test_growth_against_a_month_end_or_a_year_before_in_other_words() -> None:
    text = ("Shipbuilding, January-September 2027 (simulated)\n\n"
            "At the end of September, orders on hand stood at 241.70 million deadweight tons, "
            "9.6% above the level of a year before and 2.4% higher than at the end of June. "
            "New orders rose 12.2%, though growth was 6.8 percentage points weaker than over "
            "January-June.")
    facts = _by_mention(text)
    assert facts["9.6%"].measure == "growth_yoy"
    assert facts["2.4%"].measure == "growth_qoq"  # since June, never a year before
    assert facts["6.8 percentage points"].value == -6.8
    assert facts["6.8 percentage points"].period == "2027-01/2027-09"
    zh = ("2027年1—9月船舶工业运行情况（模拟）\n\n截至9月底，手持船舶订单24170万载重吨，"
          "同比增长9.6%，比6月底增长2.4%。")
    by = _by_mention(zh)
    assert by["9.6%"].measure == "growth_yoy" and by["2.4%"].measure == "growth_qoq"


def test_net_growth_of_a_stock_is_a_change() -> None:
    facts = _by_mention("Telecom in 2027 (simulated)\n\nCellular IoT terminal users reached "
                        "3.12 billion, having grown by a net 408 million in the year to date.")
    assert facts["408 million"].measure == "change"


def test_a_month_named_alone_and_a_decline_that_fell_back() -> None:
    text = ("Profits, January-October 2027 (simulated)\n\n"
            "Over January-October, profits rose 3.1% year on year, with October alone showing "
            "a 2.4% decline. In June, profits of mining enterprises fell back by 7.5 percent.")
    facts = _by_mention(text)
    assert facts["2.4%"].period == "2027-10"
    assert facts["3.1%"].period == "2027-01/2027-10"
    assert facts["7.5 percent"].value == -7.5


def test_the_sub_indices_a_pmi_is_made_of_are_no_fact() -> None:
    zh = ("2027年8月采购经理指数（模拟）\n\n8月份，制造业PMI为50.6%。"
          "在构成制造业PMI的5个分类指数中，生产指数为52.1%。")
    mentions = set(_by_mention(zh))
    assert "5" not in mentions and "52.1%" in mentions


def test_a_title_about_the_province_takes_its_name_from_the_source_line() -> None:
    zh = ("2027年1—10月全省工业经济运行情况（模拟）\n\n"
          "发布时间：2027-11-26　信息来源：浙江省统计局\n\n"
          "1—10月，全省规模以上工业增加值同比增长6.4%，比前三季度（6.2%）有所加快。\n\n"
          "分设区市看，11个设区市中，嘉兴规模以上工业增加值增长9.2%；杭州、宁波分别增长7.6%和6.9%。")
    by = _by_mention(zh)
    assert by["6.4%"].region == "Zhejiang"
    # the base in brackets after its period is the base's
    assert by["6.2%"].period == "2027-01/2027-09"
    # the cities' figures are never the province's
    assert {by[m].region for m in ("9.2%", "7.6%", "6.9%")} == {"a city"}
    en = ("Industry of the province, January-October 2027 (simulated)\n\n"
          "Source: Zhejiang Provincial Bureau of Statistics | Views: 12\n\n"
          "Value added of industry grew 6.4% in January-October. Among the 11 cities, Jiaxing "
          "led with growth of 9.2%.")
    facts = _by_mention(en)
    assert facts["6.4%"].region == "Zhejiang"
    assert facts["9.2%"].region == "a city"


def test_a_month_owning_the_subject_is_its_period_not_a_place() -> None:
    facts = _by_mention("Industry in the third quarter of 2027 (simulated)\n\n"
                        "September's industrial value added grew 6.1 percent from a year "
                        "earlier.")
    assert facts["6.1 percent"].period == "2027-09"
    assert facts["6.1 percent"].region == "CN"


def test_a_period_opening_the_clause_after_a_semicolon_is_that_clauses() -> None:
    text = ("Industry in the first half of 2027 (simulated)\n\n"
            "In the first half, manufacturing rose 6.5%. High-tech manufacturing advanced 9.4% "
            "and equipment manufacturing 8.6%; in June, high-tech manufacturing sped up to "
            "10.1%.")
    facts = _by_mention(text)
    assert facts["9.4%"].period == "2027-01/2027-06"
    assert facts["10.1%"].period == "2027-06"
    zh = ("2027年上半年工业（模拟）\n\n高技术制造业6月份增长10.1%，上半年累计为9.4%。")
    by = _by_mention(zh, "2027-07-15")
    assert by["9.4%"].measure == "growth_yoy" and by["9.4%"].period == "2027-01/2027-06"


def test_the_industry_a_title_names_owns_the_industry_named_by_reference() -> None:
    from indmon.catalogue import Catalogue
    from indmon.extract.mapping import map_facts

    text = ("China electronics output, January-October 2027 (simulated)\n\n"
            "In January-October, operating revenue of the industry rose 7.9% to 13.27 "
            "trillion yuan.")
    facts = {f.mention: f for f in map_facts(extract_facts(text, "t", published="2027-11-28"),
                                             Catalogue.load())}
    assert (facts["7.9%"].indicator, facts["7.9%"].industry) == ("revenue_ytd_yoy", "39")


def test_a_paragraph_opening_with_a_month_alone_is_about_that_month() -> None:
    text = ("Raw materials, January-September 2027 (simulated)\n\n"
            "In the first nine months, ferrous smelting grew 7.4%.\n\n"
            "September alone looked better: the industry grew 5.0%. Non-ferrous smelting "
            "expanded 6.9%.\n\n"
            "Cement output fell 4.4%.")
    facts = _by_mention(text)
    assert facts["6.9%"].period == "2027-09"
    assert facts["7.4%"].period == "2027-01/2027-09"


def test_an_expectation_with_words_between_its_holder_and_its_figure_is_no_fact() -> None:
    text = ("Electronics, January-October 2027 (simulated)\n\n"
            "Handset output rose 6.2%. Analysts at a brokerage expect handset output to grow "
            "by around 5% next year, and she expects full-year industrial growth of around "
            "5.5%.")
    mentions = set(_by_mention(text))
    assert "6.2%" in mentions and "5%" not in mentions and "5.5%" not in mentions


def map_facts_of(text: str) -> list[Fact]:
    """The mapped facts of a text that dates itself (no publication date given)."""
    from indmon.extract.mapping import map_facts

    return map_facts(extract_facts(text, "t"))


def _mapped(text: str, published: str = "2031-11-20") -> dict[str, Fact]:
    from indmon.extract.mapping import map_facts

    return {f.mention: f for f in map_facts(extract_facts(text, "t", published=published))}


def test_counters_after_a_number_and_telephone_numbers_are_page_furniture() -> None:
    text = ("Cement output slips (simulated)\n"
            "Home | 20 November 2031 | 4,318 views | 2 min read\n"
            "Cement output fell 3.1% in October.\n"
            "Newsroom: +44 1234 5678 | Tel: 010-6820 1234\n")
    assert [f.mention for f in extract_facts(text, "t")] == ["3.1%"]


def test_declines_in_other_words_carry_their_sign() -> None:
    text = ("Index readings (simulated)\n"
            "In October 2031 the new orders index lost 0.7 point, the production index was "
            "shedding 0.9 point and construction eased by 1.0 point. Steel output in the ten "
            "months was 2.1% lower than in the first ten months of 2030; sales revenue of "
            "members, off 3.4%, and their output, a dip of 1.8%. Output increased by 6.5%.")
    facts = _by_mention(text)
    assert facts["0.7"].value == -0.7 and facts["1.0"].value == -1.0
    assert facts["2.1%"].value == -2.1 and facts["2.1%"].measure == "growth_yoy"
    assert facts["3.4%"].value == -3.4 and facts["1.8%"].value == -1.8
    assert facts["6.5%"].value == 6.5  # "increased" holds "eased": no decline


def test_daily_rates_ratios_to_population_and_members_figures_land_on_no_total() -> None:
    text = ("Steel in October 2031 (simulated)\n"
            "Crude steel output was 70.1 million tonnes in October, or 2.26 million tonnes a "
            "day. Key member mills made 50.2 million tonnes of crude steel.\n"
            "Every 10,000 residents were served by 31.5 5G base stations.\n")
    facts = _mapped(text)
    assert facts["70.1 million tonnes"].indicator == "crude_steel_output"
    for mention in ("2.26 million tonnes", "50.2 million tonnes", "31.5"):
        assert facts[mention].indicator is None, mention
    assert "10,000" not in facts  # the base of the ratio is no figure
    zh = ("2031年10月钢铁生产情况\n"
          "10月份，全国粗钢产量7010万吨，日均产量226万吨。会员企业生产粗钢5020万吨。"
          "每万人拥有5G基站31.5个。")
    facts = _mapped(zh)
    assert facts["7010万吨"].indicator == "crude_steel_output"
    for mention in ("226万吨", "5020万吨", "31.5"):
        assert facts[mention].indicator is None, mention


def test_a_division_named_by_reference_takes_the_one_named_before() -> None:
    text = ("Steel industry review, October 2031 (simulated)\n"
            "The review cites figures for the smelting and pressing of ferrous metals. Value "
            "added of that division grew 2.1% in October, behind the 5.4% growth of all "
            "industry over the same period.\n")
    facts = _mapped(text)
    assert (facts["2.1%"].indicator, facts["2.1%"].industry) == ("va_yoy", "31")
    assert facts["5.4%"].subject == "all industry"
    zh = ("2031年10月钢铁行业运行情况\n"
          "10月份黑色金属冶炼和压延加工业增加值同比增长2.1%；1-10月，该行业实现利润总额624亿元。")
    facts = _mapped(zh)
    assert (facts["624亿元"].indicator, facts["624亿元"].industry) == ("profit_ytd", "31")


def test_a_stock_counted_this_year_stands_at_the_releases_last_month() -> None:
    text = ("Telecoms in January-October 2031 (simulated)\n"
            "In the first ten months of 2031, 5G base stations reached 286,000, with 34,000 "
            "built this year. The province aims to have more than 300,000 5G base stations by "
            "the end of the year.\n")
    facts = _mapped(text)
    assert facts["286,000"].period == "2031-10-31"
    assert facts["300,000"].indicator is None
    zh = ("2031年1-10月全省通信业运行情况\n"
          "截至10月末，5G基站28.6万个。到年底全省5G基站总数将超过30万个。")
    facts = _mapped(zh)
    assert facts["28.6万"].indicator == "g5_base_stations" and facts["30万"].indicator is None


def test_periods_listed_before_respectively_go_to_the_figures_in_order() -> None:
    text = ("Iron and steel, January-October 2031 (simulated)\n"
            "Pig iron output in October and in the ten months stood at 62.18 million tonnes "
            "and 718.4 million tonnes respectively.\n")
    facts = _by_mention(text)
    assert facts["62.18 million tonnes"].period == "2031-10"
    assert facts["718.4 million tonnes"].period == "2031-01/2031-10"
    assert "october" not in facts["718.4 million tonnes"].subject.lower()
    zh = ("2031年1-10月钢铁行业运行情况\n"
          "生铁方面，10月份和1-10月产量分别为6218万吨和7.184亿吨。\n")
    facts = _by_mention(zh)
    assert facts["6218万吨"].period == "2031-10"
    assert facts["7.184亿吨"].period == "2031-01/2031-10"
    assert facts["6218万吨"].subject == "pig iron output"


def test_over_the_ten_months_is_the_year_to_date_of_a_release_ending_in_october() -> None:
    text = ("Industry, January-October 2031 (simulated)\n"
            "Cement output fell 3.1% in October. Over the ten months, cement output fell "
            "4.2%.\n")
    facts = _by_mention(text)
    assert facts["3.1%"].period == "2031-10"
    assert facts["4.2%"].period == "2031-01/2031-10"
    facts = _by_mention(text.replace("January-October", "January-November"))
    assert facts["4.2%"].period != "2031-01/2031-10"  # ten months of an eleven-month text


def test_a_chinese_output_that_names_no_product_is_never_value_added() -> None:
    zh = ("2031年1-10月机器人行业运行情况\n"
          "1-10月，工业机器人产量62.8万套，同比增长28.1%，其中10月份产量6.85万套。\n"
          "10月份，产量同比增长4.1%。\n")
    facts = _mapped(zh)
    assert facts["6.85万"].subject == facts["62.8万"].subject
    assert facts["6.85万"].indicator == "industrial_robot_output"
    assert facts["6.85万"].period == "2031-10"
    assert facts["4.1%"].indicator is None  # some product's output, not the industry's


def test_non_ferrous_metal_smelting_and_mining_are_their_own_divisions() -> None:
    text = ("Metals, October 2031 (simulated)\n"
            "Value added of non-ferrous metal smelting grew 6.3% in October, "
            "that of non-ferrous metal ore mining 2.4%, and that of ferrous metal smelting "
            "1.2%.\n")
    facts = _mapped(text)
    assert facts["6.3%"].industry == "32"
    assert facts["2.4%"].industry == "09"
    assert facts["1.2%"].industry == "31"


def test_its_value_added_is_the_division_named_before() -> None:
    text = ("Chemicals, October 2031 (simulated)\n"
            "The bureau lists chemical raw materials and chemical products among growing "
            "divisions. Its value added grew 7.7% in October.\n")
    facts = _mapped(text)
    assert (facts["7.7%"].indicator, facts["7.7%"].industry) == ("va_yoy", "26")


def test_the_items_of_a_labelled_list_take_their_label_and_the_lists_quantity() -> None:
    text = ("Statistical communique on 2031 (simulated)\n"
            "Output of major industrial products in 2031:\n"
            "- Crude steel: 1,002.6 million tons; down 1.3 percent\n"
            "- of which new energy vehicles: 17.92 million units; up 15.8 percent\n")
    facts = _mapped(text)
    assert facts["1,002.6 million tons"].indicator == "crude_steel_output"
    assert facts["1.3 percent"].indicator == "crude_steel_output_yoy"
    assert facts["17.92 million"].indicator == "nev_production"
    zh = ("2031年统计公报（模拟）\n"
          "2031年主要工业产品产量：\n"
          "- 水泥：17.12亿吨，下降4.6%\n")
    facts = _mapped(zh)
    assert facts["17.12亿吨"].indicator == "cement_output"
    assert facts["4.6%"].indicator == "cement_output_yoy"


def test_a_gain_or_jump_of_after_a_level_is_its_growth() -> None:
    text = ("Robots, January-October 2031 (simulated)\n"
            "Makers turned out 11.26 million service robots, a gain of 14.7%. Profits rose to "
            "5 billion yuan, a jump of 26.3%.\n")
    facts = _mapped(text)
    assert facts["14.7%"].measure == "growth_yoy"
    assert facts["14.7%"].indicator == "service_robot_output_yoy"
    assert facts["26.3%"].indicator == "profit_ytd_yoy"


def test_a_citys_figures_never_land_on_its_province() -> None:
    text = ("Sichuan telecoms, January-October 2031 (simulated)\n"
            "CHENGDU - Sichuan's telecom revenue reached 86.24 billion yuan in the first ten "
            "months of 2031, up 4.3 percent.\n"
            "Chengdu, the provincial capital, generated 37.26 billion yuan of telecom revenue. "
            "It hosted 91,000 5G base stations. Mianyang counted 4.02 million 5G users. The "
            "province had 286,000 5G base stations.\n")
    facts = _mapped(text)
    assert (facts["86.24 billion yuan"].indicator, facts["86.24 billion yuan"].province) == (
        "telecom_revenue", "510000")
    assert facts["4.3 percent"].indicator == "telecom_revenue_yoy"
    for mention in ("37.26 billion yuan", "91,000", "4.02 million"):
        assert facts[mention].indicator is None, mention
    assert facts["286,000"].indicator == "g5_base_stations"
    zh = ("2031年1-10月四川省通信业运行情况（模拟）\n"
          "新华社成都11月24日电 1-10月，全省电信业务收入862.4亿元。\n"
          "成都市实现电信业务收入372.6亿元；该市5G基站9.1万个。全省5G基站28.6万个。\n")
    facts = _mapped(zh)
    assert facts["862.4亿元"].indicator == "telecom_revenue"
    assert facts["372.6亿元"].indicator is None and facts["9.1万"].indicator is None
    assert facts["28.6万"].indicator == "g5_base_stations"


def test_a_grouping_of_divisions_never_lands_on_all_industrys_figure() -> None:
    text = ("Equipment, January-October 2031 (simulated)\n"
            "In January to September, enterprises in the equipment industry earned a total "
            "profit of 2.68 trillion yuan, up 9.7%. Value added of general equipment "
            "manufacturing rose 6.1% in October, and value added of equipment manufacturing "
            "grew 8.0% in October.\n")
    facts = _mapped(text)
    assert facts["2.68 trillion yuan"].indicator is None and facts["9.7%"].indicator is None
    assert (facts["6.1%"].indicator, facts["6.1%"].industry) == ("va_yoy", "34")
    assert facts["8.0%"].indicator == "va_equipment_yoy"


def test_parts_of_the_country_listed_before_respectively_go_to_the_figures_in_order() -> None:
    text = ("Regions, January-November 2031 (simulated)\n"
            "Year to date, value added in the eastern, central and western regions increased "
            "6.0%, 6.6% and 6.9% respectively, while the northeast managed only 3.2%.\n")
    facts = _mapped(text)
    assert [facts[m].indicator for m in ("6.0%", "6.6%", "6.9%")] == [
        "va_ytd_yoy_east", "va_ytd_yoy_central", "va_ytd_yoy_west"]
    zh = ("2031年1—11月分地区工业生产情况（模拟）\n"
          "1—11月，东部、中部、西部地区规模以上工业增加值分别增长6.0%、6.6%、6.9%，"
          "东北地区增长3.2%。\n")
    facts = _mapped(zh)
    assert [facts[m].indicator for m in ("6.0%", "6.6%", "6.9%", "3.2%")] == [
        "va_ytd_yoy_east", "va_ytd_yoy_central", "va_ytd_yoy_west", "va_ytd_yoy_northeast"]


def test_a_month_in_a_later_clause_of_its_own_figure_is_that_clauses_alone() -> None:
    text = ("Equipment, January-October 2031 (simulated)\n"
            "All seven divisions posted growth over the ten months. Automobile manufacturing "
            "grew 10.7%, and in October the division accelerated to 12.3%. Electrical "
            "machinery and apparatus advanced 9.6%.\n")
    facts = _by_mention(text)
    assert facts["10.7%"].period == "2031-01/2031-10"
    assert facts["12.3%"].period == "2031-10"
    assert facts["9.6%"].period == "2031-01/2031-10"
    zh = ("2031年1—10月装备制造业运行情况（模拟）\n"
          "前10个月，装备制造业七个行业增加值全部实现增长。其中，通用设备、专用设备制造业"
          "增加值分别增长6.1%、5.4%；汽车制造业增长10.7%，10月份受年末订货带动加快至12.3%；"
          "电气机械制造业增长9.6%。\n")
    facts = _mapped(zh)
    assert [facts[m].period for m in ("6.1%", "10.7%", "12.3%", "9.6%")] == [
        "2031-01/2031-10", "2031-01/2031-10", "2031-10", "2031-01/2031-10"]
    # members sharing the last one's 制造业, and a division by its short name
    assert [facts[m].industry for m in ("6.1%", "5.4%", "9.6%")] == ["34", "35", "38"]


def test_index_point_changes_keep_their_sign_across_a_list_and_after_a_reading() -> None:
    text = ("PMI in November 2031 (simulated)\n"
            "The production index eased to 50.4, shedding 0.9 point. The new export orders "
            "and imports indexes came in at 46.3 and 46.9, down 1.1 and 0.6 points "
            "respectively.\n")
    facts = _by_mention(text)
    assert (facts["0.9"].value, facts["0.9"].measure) == (-0.9, "change")
    assert facts["1.1"].value == -1.1 and facts["0.6"].value == -0.6
    zh = ("2031年11月采购经理指数（模拟）\n"
          "新出口订单指数和进口指数分别为46.3%和46.9%，分别比上月下降1.1和0.6个百分点。"
          "10月份，现货铝均价同比下跌1.5%。\n")
    facts = _by_mention(zh)
    assert facts["1.1"].value == -1.1 and facts["0.6个百分点"].value == -0.6
    assert facts["1.5%"].value == -1.5


def test_new_users_are_additions_and_a_growth_keeps_the_region_of_its_amount() -> None:
    text = ("Telecoms and profits, January-October 2031 (simulated)\n"
            "At the end of October, 5G users in Sichuan totaled 64.12 million; the province "
            "signed up 7.12 million new 5G users over the ten months. Industrial enterprises "
            "in Jiangsu earned total profits of 763.52 billion yuan, while Guangdong's firms "
            "made 691.28 billion yuan, 2.3% less than a year before.\n")
    facts = _mapped(text)
    assert facts["64.12 million"].indicator == "g5_mobile_users"
    assert facts["7.12 million"].indicator is None
    assert (facts["2.3%"].indicator, facts["2.3%"].province) == ("profit_ytd_yoy", "440000")
    zh = ("2031年1-10月通信业运行情况（模拟）\n"
          "1-10月，新增5G用户712万户。10月份，中国钢材价格指数平均为98.62点，同比下降4.8%。\n")
    facts = _mapped(zh)
    assert facts["712万"].indicator is None
    assert facts["4.8%"].indicator is None  # a price index, no output


def test_a_province_named_alone_takes_what_the_figures_before_measure() -> None:
    text = ("Provinces, January-November 2031 (simulated)\n"
            "Industrial value added rose 5.8% nationwide in January-November.\n"
            "Among the larger bases, Jiangsu expanded 7.3% and Shandong 7.1%; Anhui led with "
            "growth of 9.1%.\n")
    facts = _mapped(text)
    assert [(facts[m].indicator, facts[m].province) for m in ("7.3%", "7.1%", "9.1%")] == [
        ("va_ytd_yoy", "320000"), ("va_ytd_yoy", "370000"), ("va_ytd_yoy", "340000")]
    zh = ("2031年1—11月分地区工业生产情况（模拟）\n"
          "1—11月，全国规模以上工业增加值同比增长5.8%。\n"
          "工业大省中，江苏增长7.3%，山东增长7.1%；黑龙江同比下降1.4%。\n")
    facts = _mapped(zh)
    assert [(facts[m].indicator, facts[m].province) for m in ("7.3%", "7.1%", "1.4%")] == [
        ("va_ytd_yoy", "320000"), ("va_ytd_yoy", "370000"), ("va_ytd_yoy", "230000")]
    # a provincial release's own figures, which name no place, are left as they are
    own = ("Guangdong's industry, January-September 2031 (simulated)\n"
           "Value added of industry grew 5.6%. Cement rose 3.8%.\n")
    assert _mapped(own)["3.8%"].indicator != "va_ytd_yoy"


def test_a_newswires_gauge_and_sub_index_are_the_pmis_indices() -> None:
    text = ("PMI in November 2031 (simulated)\n"
            "The new orders gauge stood at 49.0 in November, and the employment sub-index "
            "was 48.1.\n")
    facts = _mapped(text)
    assert facts["49.0"].indicator == "pmi_new_orders"
    assert facts["48.1"].indicator == "pmi_employment"


def test_a_division_release_goes_on_about_its_division_and_smartphones_are_some_phones() -> None:
    text = ("China electronics output, January-October 2031 (simulated)\n"
            "- Integrated circuits: output reached 386.2 billion pieces, climbing 16.4%.\n"
            "Operating revenue of the industry reached 13.27 trillion yuan. Total profit "
            "amounted to 558.4 billion yuan. Looking at October on its own, profits came to "
            "71.3 billion yuan.\n"
            "Handset output was 152 million units in October, of which smartphones made up "
            "118 million.\n")
    facts = _mapped(text)
    assert facts["386.2 billion"].indicator == "ic_output"
    assert facts["16.4%"].indicator == "ic_output_yoy"
    assert (facts["558.4 billion yuan"].indicator, facts["558.4 billion yuan"].industry) == (
        "profit_ytd", "39")
    assert (facts["71.3 billion yuan"].indicator, facts["71.3 billion yuan"].period) == (
        "profit_month", "2031-10")
    assert facts["152 million"].indicator == "mobile_phone_output"
    assert facts["118 million"].indicator is None
    zh = ("2031年10月电子信息制造业运行情况（模拟）\n"
          "10月份手机产量1.52亿台，同比增长6.2%，其中智能手机产量1.18亿台，增长8.5%。\n")
    facts = _mapped(zh)
    assert facts["1.52亿"].indicator == "mobile_phone_output"
    assert facts["1.18亿"].indicator is None and facts["8.5%"].indicator is None


def test_a_chinese_sentence_keeps_its_industry_and_two_opening_periods_set_none() -> None:
    zh = ("2031年1—10月有色金属行业运行情况（模拟）\n"
          "二、经济效益\n\n"
          "10月份，有色金属冶炼和压延加工业增加值同比增长7.8%；1—10月增长7.1%。\n\n"
          "有色金属矿采选业增加值同比增长2.9%；实现营业收入4025亿元，同比增长1.8%；"
          "利润总额483亿元，同比下降4.6%。\n")
    facts = _mapped(zh)
    assert [(facts[m].indicator, facts[m].industry, facts[m].period)
            for m in ("4025亿元", "483亿元")] == [
        ("revenue_ytd", "09", "2031-01/2031-10"), ("profit_ytd", "09", "2031-01/2031-10")]


def test_a_stock_of_the_year_before_and_a_change_after_a_stock() -> None:
    text = ("Communique on 2031 (simulated)\n"
            "By the end of 2031, there were 13.42 million mobile communication base stations, "
            "of which 5G base stations reached 5.86 million, 710,000 more than the end of the "
            "previous year.\n")
    facts = _mapped(text)
    assert facts["5.86 million"].indicator == "g5_base_stations"
    assert (facts["710,000"].measure, facts["710,000"].indicator) == ("change", None)
    zh = ("2031年通信业统计公报（模拟）\n"
          "截至12月末，全国移动通信基站总数达1318万个。其中，5G基站为489万个，占移动基站总数的"
          "37.1%，上年末为445万个。\n")
    facts = _mapped(zh, published="2032-01-20")
    assert (facts["445万"].indicator, facts["445万"].period) == ("g5_base_stations", "2030-12-31")


def test_bases_of_growth_comparisons_are_growths_of_their_own_periods() -> None:
    text = ("Telecoms, January-November 2031 (simulated)\n"
            "Telecom business revenue for the first eleven months came to 1.6947 trillion yuan, "
            "a gain of 2.4% on the same period of 2030 and 0.1 percentage points above the 2.3% "
            "recorded for January-October.\n"
            "Value added of industry in the province rose 6.5% in the first eleven months, "
            "edging up from 6.4% for January-October. That was faster than the country as a "
            "whole, where industrial value added increased 5.7% over the same period.\n"
            "In November, value added climbed 7.3%. The pace was slower than October's 7.9%.\n"
            "Gigabit subscribers totalled 282 million, 4.4 percentage points higher than at the "
            "close of last year. The ministry wants more than 5.5 million 5G base stations by "
            "the end of December.\n")
    facts = _mapped(text)
    cell = {m: (facts[m].indicator, facts[m].period) for m in facts}
    assert cell["2.4%"] == ("telecom_revenue_yoy", "2031-01/2031-11")
    assert cell["2.3%"] == ("telecom_revenue_yoy", "2031-01/2031-10")
    assert cell["6.4%"] == ("va_ytd_yoy", "2031-01/2031-10")
    assert facts["5.7%"].province == "ALL"
    assert cell["7.3%"] == ("va_yoy", "2031-11") and cell["7.9%"] == ("va_yoy", "2031-10")
    assert cell["282 million"] == ("gigabit_users", "2031-11-30")
    assert facts["5.5 million"].indicator is None


def test_a_role_appositive_and_short_division_names() -> None:
    text = ("Zhejiang industry, January-November 2031 (simulated)\n"
            "Value added of industry rose 6.5%. Computers, communication and other electronic "
            "equipment, the province's strongest growth engine, expanded 14.9%; chemical "
            "fibres grew 4.3%, and textiles shrank 1.2%. Electronics makers saw profits jump "
            "26.1%.\n")
    facts = _mapped(text)
    assert [facts[m].industry for m in ("14.9%", "4.3%", "1.2%", "26.1%")] == [
        "39", "28", "17", "39"]
    zh = ("2031年1—11月通信业运行情况（模拟）\n"
          "1—11月份，移动业务收入完成10963亿元，同比微降0.1%。截至11月末，1000Mbps及以上接入"
          "速率的固定互联网宽带接入用户达2.82亿户。\n")
    facts = _mapped(zh)
    assert facts["0.1%"].value == -0.1
    assert facts["2.82亿"].indicator == "gigabit_users"


def test_a_labelled_item_counts_its_labels_users() -> None:
    text = ("Telecoms, January-November 2031 (simulated)\n"
            "Users at the end of November:\n"
            "- 5G: 1.365 billion users after 101.6 million net additions this year\n"
            "- Fixed broadband: 712 million access users\n")
    facts = _mapped(text)
    assert (facts["1.365 billion"].indicator, facts["1.365 billion"].period) == (
        "g5_mobile_users", "2031-11-30")
    assert facts["712 million"].indicator == "fixed_broadband_users"


def test_producers_output_after_a_topic_and_the_year_to_date_total_it_brings() -> None:
    text = ("Steel, January-October 2031 (simulated)\n"
            "Rolled steel products bucked the trend: mills turned out 109.5 million tonnes in "
            "October (+0.8%), bringing the year-to-date total to 1,152 million tonnes, an "
            "increase of 1.2%.\n")
    facts = _mapped(text)
    cell = {m: (facts[m].indicator, facts[m].period) for m in facts}
    assert cell["109.5 million tonnes"] == ("steel_products_output", "2031-10")
    assert cell["0.8%"] == ("steel_products_output_yoy", "2031-10")
    assert cell["1,152 million tonnes"] == ("steel_products_output", "2031-01/2031-10")
    assert cell["1.2%"] == ("steel_products_output_yoy", "2031-01/2031-10")


def test_last_months_reading_construction_and_all_industry_are_other_cells() -> None:
    zh = ("2031年统计公报（模拟）\n"
          "11月份，制造业PMI为49.6%，比上月下降0.5个百分点，上月为50.1%。\n"
          "全年全部工业增加值412873亿元，比上年增长5.6%。规模以上工业增加值增长5.9%。"
          "全年全国建筑业增加值121194亿元，比上年下降1.9%。\n")
    facts = _mapped(zh, published="2032-02-28")
    assert (facts["50.1%"].indicator, facts["50.1%"].period) == ("pmi_manufacturing", "2031-10")
    assert facts["5.6%"].indicator is None and facts["1.9%"].indicator is None
    assert facts["5.9%"].indicator == "va_ytd_yoy"
    text = ("Communique on 2031 (simulated)\n"
            "The value added of the share-holding enterprises increased by 6.1 percent. The "
            "value added of construction was 12,119.4 billion yuan, a drop of 1.9 percent.\n")
    facts = _mapped(text, published="2032-02-28")
    assert facts["6.1 percent"].indicator == "va_ytd_yoy_shareholding"
    assert facts["1.9 percent"].indicator is None


def test_a_second_verb_after_a_figure_has_its_own_subject() -> None:
    text = ("Metals, January-October 2031 (simulated)\n"
            "Nonferrous metal ore mining and processing was weaker: its profits slid 4.6% to "
            "48.3 billion yuan even as revenue edged up 1.8% to 402.5 billion yuan.\n")
    facts = _by_mention(text)
    assert facts["1.8%"].subject == "revenue"


def test_a_monitored_samples_figures_and_a_parts_shares_land_on_no_total() -> None:
    zh = ("2031年1-9月船舶工业运行情况（模拟）\n"
          "1—9月，全国新接订单8012万载重吨。重点监测造船企业造船完工3671万载重吨；承接新船订单"
          "7540万载重吨。出口船舶分别占全国造船完工量、新接订单量、手持订单量的85.9%、90.3%和"
          "91.1%。\n")
    facts = _mapped(zh)
    assert facts["8012万载重吨"].indicator == "ship_new_orders"
    for mention in ("7540万载重吨", "85.9%", "90.3%", "91.1%"):
        assert facts[mention].indicator is None, mention


def test_an_absolute_phrase_with_its_own_index_reading() -> None:
    text = ("PMI in December 2031 (simulated)\n"
            "The official non-manufacturing business activity index reached 50.8, with the "
            "services index at 50.5. Large enterprises still reported growth, with their PMI "
            "at 50.8.\n")
    facts = _mapped(text)
    assert facts["50.5"].indicator == "pmi_services"
    assert [f.subject for f in extract_facts(text, "t")][-1].lower().startswith("large")


def test_a_rankings_leaders_and_a_class_of_vehicles_are_no_vehicles_total() -> None:
    zh = ("2031年1—4月汽车工业运行情况（模拟）\n"
          "1—4月，汽车产销分别完成1012万辆和1025万辆。销量排名前十位的汽车企业集团共销售汽车"
          "871万辆。乘用车销售860万辆。\n")
    facts = _mapped(zh)
    assert facts["1025万"].indicator == "auto_sales"
    assert facts["871万"].indicator is None and facts["860万"].indicator is None
    text = ("Autos, January-November 2031 (simulated)\n"
            "Cumulative sales came to 31.65 million. Passenger car sales over the period "
            "totalled 27.48 million, while the top ten groups sold 27.05 million vehicles.\n")
    facts = _mapped(text)
    assert facts["27.48 million"].indicator is None and facts["27.05 million"].indicator is None


def test_a_factbox_with_units_in_brackets_and_the_year_to_date_in_words() -> None:
    text = ("Industry in November 2031 (simulated)\n\n"
            "Value added of industry grew 5.0% in November. Non-metallic mineral products - "
            "the division that includes cement and glass - contracted 4.2%. For the year to "
            "date, export deliveries were 2.6% higher than in the same period of 2030.\n\n"
            "KEY PRODUCTS (November; January-November; change in brackets)\n\n"
            "Crude steel (10,000 tonnes)    November: 7,215.4 (-4.1%)   Jan-Nov: 91,431.0 (-2.2%)\n"
            "Motor vehicles (10,000 units)  November: 302.6 (+5.9%)     Jan-Nov: 2,815.4 (+8.4%)\n"
            "  of which new-energy vehicles  November: 168.3 (+21.4%)  Jan-Nov: 1,465.8 (+26.3%)\n")
    facts = _mapped(text)
    assert (facts["4.2%"].indicator, facts["4.2%"].industry) == ("va_yoy", "30")
    assert (facts["2.6%"].indicator, facts["2.6%"].period) == (
        "export_delivery_value_ytd_yoy", "2031-01/2031-11")
    steel = facts["91,431.0"]
    assert (steel.indicator, steel.value, steel.period) == (
        "crude_steel_output", 914310000.0, "2031-01/2031-11")
    assert facts["-4.1%"].indicator == "crude_steel_output_yoy"
    assert (facts["168.3"].indicator, facts["168.3"].value) == ("nev_production", 1683000.0)
    assert "10,000 tonnes" not in facts


def test_provinces_listed_before_respectively_and_a_month_that_was_stronger() -> None:
    zh = ("2031年1—10月电子信息制造业运行情况（模拟）\n"
          "分地区看，江苏、广东两省电子信息制造业增加值累计分别增长12.5%、9.8%。"
          "先进制造业增加值增长6.9%。\n")
    facts = _mapped(zh)
    assert [(facts[m].industry, facts[m].province) for m in ("12.5%", "9.8%")] == [
        ("39", "320000"), ("39", "440000")]
    assert facts["6.9%"].indicator is None  # a grouping, not manufacturing
    text = ("Guangdong, January-September 2031 (simulated)\n"
            "Value added in Jiangsu and Shandong grew 7.1% and 7.6% respectively. September "
            "was stronger still: value added climbed 6.2% on a year earlier.\n")
    facts = _mapped(text)
    assert [facts[m].province for m in ("7.1%", "7.6%")] == ["320000", "370000"]
    assert (facts["6.2%"].indicator, facts["6.2%"].period) == ("va_yoy", "2031-09")


def test_a_month_before_what_it_measures_and_a_chinese_bare_output_after_its_product() -> None:
    text = ("Raw materials, January-September 2031 (simulated)\n"
            "Cement production fell 5.6% to 1.318 billion tonnes in January-September. "
            "September cement output was 162 million tonnes, a decline of 4.4%. Flat glass "
            "dropped 4.2%. Value added grew 5.5% over the same nine months.\n")
    facts = _mapped(text)
    cell = {m: (facts[m].indicator, facts[m].period) for m in facts}
    assert cell["162 million tonnes"] == ("cement_output", "2031-09")
    assert facts["4.2%"].period == "2031-01/2031-09"  # the adjective month does not carry
    assert cell["5.5%"] == ("va_ytd_yoy", "2031-01/2031-09")
    zh = ("2031年1—9月原材料工业运行情况（模拟）\n"
          "1—9月份，原材料工业增加值同比增长4.6%。1—9月份，全国粗钢产量7.62亿吨；钢材产量"
          "10.35亿吨。其中9月份，粗钢日均产量有所回落，当月产量7905万吨，同比下降3.0%。\n")
    facts = _mapped(zh)
    assert facts["4.6%"].indicator is None  # the raw materials industry: a grouping
    assert (facts["7905万吨"].indicator, facts["7905万吨"].period) == (
        "crude_steel_output", "2031-09")


def test_a_chinese_sentences_province_holds_for_its_later_clauses() -> None:
    zh = ("2031年1-9月船舶工业运行情况（模拟）\n"
          "1—9月，全国新接订单8012万载重吨，同比增长12.2%。分地区看，江苏省造船完工1462万"
          "载重吨，占全国的38.0%；新接订单同比增长15.7%。1—9月，装备工业企业实现利润总额"
          "2.68万亿元。\n")
    facts = _by_mention(zh)
    assert facts["15.7%"].region == "Jiangsu" and facts["12.2%"].region == "CN"
    assert _mapped(zh)["2.68万亿元"].indicator is None  # the equipment industry's


def test_a_noun_then_at_and_its_figure() -> None:
    text = ("Telecoms, January-July 2031 (simulated)\n"
            "5G sites numbered 5.21 million after 338,000 net additions; 4G sites, at 6.27 "
            "million, still made up 46.9% of it.\n")
    facts = _mapped(text)
    assert facts["5.21 million"].indicator == "g5_base_stations"
    assert facts["6.27 million"].indicator == "g4_base_stations"


def test_its_growth_and_a_base_a_year_earlier() -> None:
    text = ("Telecoms in 2031 (simulated)\n"
            "Telecom business revenue rose 2.6% in 2031. Total business volume reached 2.07 "
            "trillion yuan, and its growth reached 9.4%.\n"
            "Gigabit users: 261 million at the end of 2031, against 226 million a year earlier\n"
            "The country counts 300 clusters of SMEs, up from 200 at the end of last year.\n")
    facts = _mapped(text, published="2032-01-20")
    assert facts["9.4%"].indicator == "telecom_volume_yoy"
    assert (facts["226 million"].indicator, facts["226 million"].period) == (
        "gigabit_users", "2030-12-31")
    assert facts["200"].period == "2030-12-31"


def test_a_bare_head_is_of_the_division_its_sentence_opens_with() -> None:
    text = ("Zhejiang, January-October 2031 (simulated)\n"
            "Value added of industry rose 6.4%. Textiles, a traditional pillar, stayed weak, "
            "with value added down 1.4%.\n")
    facts = _mapped(text)
    assert (facts["1.4%"].industry, facts["1.4%"].value) == ("17", -1.4)
    zh = ("2031年1—10月浙江省工业（模拟）\n"
          "1—10月，全省规模以上工业增加值增长6.4%。其中，汽车制造业增长9.8%；传统优势行业纺织业"
          "仍显疲弱，增加值下降1.4%。\n")
    facts = _mapped(zh)
    assert (facts["1.4%"].industry, facts["1.4%"].province) == ("17", "330000")


def test_a_bare_profit_or_revenue_takes_the_owner_the_sentence_opens_with() -> None:
    text = ("Industry profits, January-October 2031 (simulated)\n"
            "Smelting and pressing of non-ferrous metals earned total profits of 214.6 billion "
            "yuan in January-October, up 26.3%. The division earned it on operating revenue of "
            "6.318 trillion yuan. Non-metallic mineral "
            "products fared worst: profits of 108.27 billion yuan, a drop of 12.6%. Industrial "
            "firms earned 6.31 trillion yuan, on operating revenue of 113.5 trillion yuan.\n"
            "Communication equipment makers generated revenue of 4.12 trillion yuan, up 6.3%, "
            "and profit of 168.5 billion yuan. Computer makers had a harder time, with revenue "
            "slipping 1.3% even as profit edged up 3.4%.\n")
    facts = _mapped(text)
    assert (facts["6.318 trillion yuan"].indicator, facts["6.318 trillion yuan"].industry) == (
        "revenue_ytd", "32")
    assert (facts["108.27 billion yuan"].indicator, facts["108.27 billion yuan"].industry) == (
        "profit_ytd", "30")
    assert (facts["12.6%"].indicator, facts["12.6%"].industry) == ("profit_ytd_yoy", "30")
    # all industry's owner: the total, as before
    assert (facts["113.5 trillion yuan"].indicator, facts["113.5 trillion yuan"].industry) == (
        "revenue_ytd", "ALL")
    # a part of a division, or makers of a product: no cell, never all industry's
    assert facts["168.5 billion yuan"].indicator is None
    assert facts["3.4%"].indicator is None


def test_a_release_on_a_grouping_of_divisions_keeps_its_totals_off_all_industry() -> None:
    en = ("China petrochemicals, January-October 2031 (simulated)\n"
          "The 29,870 enterprises above designated size in the sector booked operating revenue "
          "of 13.26 trillion yuan. Their total profits, however, shrank 6.7% to 652.4 billion "
          "yuan. Value added of chemical raw materials and chemical products manufacturing "
          "rose 7.6%, ahead of industry as a whole.\n")
    facts = _mapped(en)
    assert "29,870" not in facts  # the group the totals are stated for
    assert facts["652.4 billion yuan"].indicator is None
    assert facts["6.7%"].indicator is None
    assert (facts["7.6%"].indicator, facts["7.6%"].industry) == ("va_ytd_yoy", "26")
    zh = ("2031年1—10月石油和化学工业经济运行简况（模拟）\n"
          "1—10月，全行业29870家规模以上企业实现营业收入13.26万亿元，同比增长1.8%；"
          "实现利润总额6524亿元，同比下降6.7%。\n")
    facts = _mapped(zh)
    assert "29870" not in facts
    assert facts["6524亿元"].indicator is None and facts["13.26万亿元"].indicator is None
    # the same sentences in a release on all industry are all industry's
    plain = _mapped(zh.replace("石油和化学工业", "工业").replace("全行业29870家规模以上企业",
                                                                 "规模以上工业企业"))
    assert plain["6524亿元"].indicator == "profit_ytd"


def test_a_price_is_its_own_figure_and_lower_than_a_base_is_a_decline() -> None:
    zh = ("2031年10月化工行业简况（模拟）\n"
          "1—10月，化学原料和化学制品制造业实现利润总额3527亿元，下降3.9%。10月份，化学原料和"
          "化学制品制造业出厂价格同比下降3.6%；1—10月平均，出厂价格比上年同期低4.1%。\n")
    facts = _mapped(zh)
    assert facts["3.6%"].indicator is None and "profit" not in facts["3.6%"].subject
    assert facts["4.1%"].value == -4.1
    en = ("Chemical prices, October 2031 (simulated)\n"
          "Ex-factory prices of chemicals were 3.6% lower than in October 2030. Over the ten "
          "months they averaged 4.1% below the year-earlier level.\n")
    facts = _by_mention(en)
    assert (facts["3.6%"].value, facts["3.6%"].measure) == (-3.6, "growth_yoy")
    assert (facts["4.1%"].value, facts["4.1%"].measure) == (-4.1, "growth_yoy")


def test_a_base_figure_takes_the_period_after_it_and_its_owner_recorded_by() -> None:
    text = ("Chemicals, January-October 2031 (simulated)\n"
            "Value added of chemical raw materials and chemical products manufacturing rose "
            "7.6% in January-October, a touch faster than the 7.3% it managed over the first "
            "nine months and well ahead of the 5.6% recorded by industry as a whole.\n")
    facts = _mapped(text)
    assert (facts["7.3%"].indicator, facts["7.3%"].period, facts["7.3%"].industry) == (
        "va_ytd_yoy", "2031-01/2031-09", "26")
    assert (facts["5.6%"].indicator, facts["5.6%"].period, facts["5.6%"].industry) == (
        "va_ytd_yoy", "2031-01/2031-10", "ALL")


def test_a_titled_reading_after_the_notes_states_facts_again() -> None:
    text = ("2031年1—11月份全国固定资产投资（模拟）\n\n"
            "1—11月份，制造业投资增长9.1%。\n\n附注\n\n"
            "　　1．指标解释：固定资产投资统计起点为计划总投资500万元及以上的项目。\n\n"
            "　　2．部分数据因四舍五入，存在总计与分项合计不等的情况。\n\n"
            "国家统计局统计师解读：制造业投资保持较快增长\n\n"
            "1—11月份，制造业技改投资增长11.5%，设备工器具购置投资增长16.3%。\n")
    found = [f.mention for f in extract_facts(text, "t")]
    assert found == ["9.1%", "11.5%", "16.3%"]  # the notes' 500万元 stays out


def test_an_industry_of_three_in_a_sentence_on_investment_is_its_investment() -> None:
    text = ("Investment, January-November 2031 (simulated)\n"
            "Spending in the secondary industry rose 10.6%, while the tertiary industry saw a "
            "1.7% contraction. Manufacturing investment grew 9.1%, a touch slower than the "
            "9.3% logged in the first ten months.\n")
    facts = _mapped(text)
    assert facts["10.6%"].indicator is None and facts["1.7%"].indicator is None
    assert (facts["9.3%"].indicator, facts["9.3%"].period) == (
        "investment_mfg_ytd_yoy", "2031-01/2031-10")
    gdp = _mapped("GDP in 2031 (simulated)\nThe tertiary industry grew 5.2%.\n")
    assert gdp["5.2%"].indicator == "gdp_tertiary_yoy"


def test_a_province_figure_beside_the_nation_and_sectors_in_news_words() -> None:
    text = ("Guangdong's industry in January-October 2031 (simulated)\n"
            "Value added of industrial enterprises above designated size in the province rose "
            "5.1 percent in January-October. The province still trailed the national pace of "
            "5.8 percent by 0.7 percentage points.\n"
            "October on its own was stronger. Industrial value added jumped 6.3 percent from a "
            "year earlier, above the nationwide figure of 5.9 percent for the month.\n"
            "Among the three sectors, manufacturing grew 5.4 percent over the ten months and "
            "6.9 percent in October. Electricity, heat, gas and water supply went up 3.7 "
            "percent, while mining output shrank by 2.4 percent.\n")
    facts = _mapped(text, published="2031-11-19")
    assert facts["0.7 percentage points"].value == -0.7
    five_nine = facts["5.9 percent"]
    assert (five_nine.indicator, five_nine.period, five_nine.province) == (
        "va_yoy", "2031-10", "ALL")
    assert (facts["6.9 percent"].indicator, facts["6.9 percent"].industry) == ("va_yoy", "C")
    # the opening states two periods: neither holds for the next sentence, the topic does
    assert (facts["3.7 percent"].period, facts["3.7 percent"].industry) == (
        "2031-01/2031-10", "D")
    assert (facts["2.4 percent"].indicator, facts["2.4 percent"].industry,
            facts["2.4 percent"].value) == ("va_ytd_yoy", "B", -2.4)


def test_a_pmi_release_on_the_last_day_of_its_month() -> None:
    en = ("Factories return to growth in December (simulated)\n\n"
          "BEIJING, Dec 31 (Wire) - The official manufacturing PMI rose to 50.2 in December, "
          "up from 49.6 a month earlier. For 2031 as a whole, the index averaged 49.9. The "
          "services firms' business expectations index was 57.3.\n")
    facts = {f.mention: f for f in map_facts_of(en)}
    assert (facts["50.2"].indicator, facts["50.2"].period) == ("pmi_manufacturing", "2031-12")
    assert (facts["49.6"].indicator, facts["49.6"].period) == ("pmi_manufacturing", "2031-11")
    assert facts["49.9"].indicator is None  # a year's average is no month's reading
    assert facts["57.3"].indicator is None  # another survey's sub-index
    zh = ("2031年12月中国采购经理指数运行情况（模拟）\n"
          "12月份，制造业PMI为50.2%，比上月上升0.6个百分点，结束了上月49.6%的收缩态势。"
          "从业人员指数为48.0%，比上月微降0.1个百分点。\n")
    facts = _mapped(zh, published="2031-12-31")
    assert (facts["49.6%"].indicator, facts["49.6%"].period) == ("pmi_manufacturing", "2031-11")
    assert facts["0.1个百分点"].value == -0.1


def test_a_province_release_on_software_liquor_and_the_nation_beside_it() -> None:
    text = ("Sichuan industry, January-November 2031 (simulated)\n"
            "Industrial enterprises above designated size in Sichuan earned total profits of "
            "398.27 billion yuan, up 7.9 percent and faster than the 7.2 percent logged for "
            "January-October, while the liquor makers' profits edged up 2.3 percent. The "
            "province's telecom business revenue grew 4.2 percent, against 3.0 percent "
            "nationwide.\n")
    facts = _mapped(text, published="2031-12-15")
    assert (facts["7.9 percent"].indicator, facts["7.9 percent"].province) == (
        "profit_ytd_yoy", "510000")
    seven_two = facts["7.2 percent"]
    assert (seven_two.indicator, seven_two.period) == ("profit_ytd_yoy", "2031-01/2031-10")
    assert (facts["2.3 percent"].indicator, facts["2.3 percent"].industry) == (
        "profit_ytd_yoy", "15")
    assert (facts["3.0 percent"].indicator, facts["3.0 percent"].province) == (
        "telecom_revenue_yoy", "ALL")
    software = _mapped("China's software industry through November 2031 (simulated)\n"
                       "Profits across the industry rose 8.4% to 1.541 trillion yuan.\n")
    assert software["8.4%"].indicator is None  # the software industry is no industry cell


def test_a_growth_averaged_over_years_and_all_industry_take_no_cell_of_theirs() -> None:
    text = ("GDP, first three quarters of 2031 (simulated)\n"
            "GDP grew 5.0% in the first three quarters. Averaged over two years, compared with "
            "the same period of 2029, growth in the first three quarters was 5.4%. The total "
            "value added of industry reached 41,287.3 billion yuan, up by 5.6 percent.\n")
    facts = _mapped(text)
    assert facts["5.0%"].indicator == "gdp_yoy"
    assert facts["5.4%"].indicator is None
    assert facts["5.6 percent"].indicator is None  # all industry, not above designated size


def test_a_forecast_is_no_fact_and_news_ellipses_keep_their_subjects() -> None:
    text = ("Car market in 2031 (simulated)\n\n"
            "Published: 12 January 2032\n\n"
            "NEV production for the year amounted to 18.20 million and NEV sales to 18.41 "
            "million, expansions of 28.1% and 27.6% on 2030. Industrial enterprises earned "
            "combined profits of 6.84 trillion yuan, up 4.7 percent; manufacturers did better, "
            "with profits growing 7.2 percent. The association expects the market to grow by "
            "about 3% in 2032 to roughly 36.2 million vehicles, with NEV sales of some 21 "
            "million.\n")
    facts = _mapped(text, published="2032-01-12")
    assert [facts[m].indicator for m in ("18.20 million", "18.41 million", "28.1%", "27.6%")] == [
        "nev_production", "nev_sales", "nev_production_yoy", "nev_sales_yoy"]
    assert (facts["7.2 percent"].indicator, facts["7.2 percent"].industry) == (
        "profit_ytd_yoy", "C")
    # the association's forecast, stated beside the figures: no fact of the release
    assert not {"3%", "36.2 million", "21 million"} & set(facts)
    zh = ("2031年汽车工业经济运行情况（模拟）\n发布时间：2032-01-12\n"
          "2031年，新能源汽车销量1841万辆，同比增长27.6%。协会预计2032年汽车销量3620万辆左右，"
          "增长3%左右，其中新能源汽车销量2100万辆。\n")
    assert set(_mapped(zh, published="2032-01-12")) == {"1841万", "27.6%"}


def test_the_year_ahead_a_speaker_plans_is_planned_across_its_semicolons() -> None:
    zh = ("2031年工业和信息化发展情况新闻发布会（模拟）\n发布时间：2032-01-15\n"
          "严华：2031年，5G基站达到563万个。\n\n"
          "严华：2032年，我们将着力推动工业经济平稳增长，力争规模以上工业增加值增长5.5%左右；"
          "适度超前建设信息基础设施，新建5G基站60万个以上。\n")
    facts = _mapped(zh, published="2032-01-15")
    assert facts["563万"].indicator == "g5_base_stations"
    assert facts["60万"].indicator is None and "planned" in facts["60万"].subject
    en = ("Ministry briefing (simulated)\nFor 2032, the ministry aims for growth of industrial "
          "value added of around 5.5 percent.\n")
    assert _mapped(en, published="2032-01-15")["5.5 percent"].indicator is None


def test_growths_after_a_respectively_list_of_amounts_and_a_nationwide_opening() -> None:
    text = ("Profits, January-November 2031 (simulated)\n"
            "Profits of shareholding enterprises, foreign-funded enterprises and private "
            "enterprises stood at 5,012.38 billion yuan, 1,598.22 billion yuan and 1,904.71 "
            "billion yuan respectively, rising 2.0 percent, 4.1 percent and 3.5 percent.\n"
            "Jiangsu's industrial value added rose 7.1% in January-November. Nationwide, "
            "industrial value added grew 5.9% in the same period.\n")
    facts = _mapped(text, published="2031-12-27")
    assert [facts[m].indicator for m in ("2.0 percent", "4.1 percent", "3.5 percent")] == [
        "profit_ytd_yoy_shareholding", "profit_ytd_yoy_foreign", "profit_ytd_yoy_private"]
    assert (facts["5.9%"].indicator, facts["5.9%"].province) == ("va_ytd_yoy", "ALL")
    zh = _mapped("2031年1—11月江苏工业（模拟）\n1—11月，江苏省电子行业利润增长18.6%。\n",
                 published="2031-12-27")
    assert (zh["18.6%"].industry, zh["18.6%"].province) == ("39", "320000")


def test_the_year_after_a_december_figure_and_equipment_makers() -> None:
    text = ("Industry in December 2031 (simulated)\n"
            "High-tech manufacturing grew 9.8% in December and 9.3% for the full year. "
            "Equipment makers' value added increased 8.9% in the month. Over the year, "
            "manufacturing advanced 6.3%, mining 4.2% and utilities 3.4%.\n")
    facts = _mapped(text, published="2032-01-17")
    assert (facts["9.8%"].period, facts["9.3%"].indicator, facts["9.3%"].period) == (
        "2031-12", "va_hightech_ytd_yoy", "2031")
    assert facts["8.9%"].indicator == "va_equipment_yoy"
    assert [(facts[m].indicator, facts[m].industry) for m in ("6.3%", "4.2%", "3.4%")] == [
        ("va_ytd_yoy", "C"), ("va_ytd_yoy", "B"), ("va_ytd_yoy", "D")]


def test_enterprises_counted_in_the_clusters_are_the_clusters() -> None:
    text = ("SMEs at the end of 2031 (simulated)\n"
            "The country had 201,800 specialised and sophisticated SMEs at the end of 2031. The "
            "400 national SME clusters kept growing. They are home to about 126,000 SMEs, among "
            "them 18,900 specialised and sophisticated SMEs and 2,760 little giants.\n")
    facts = _mapped(text, published="2032-01-20")
    assert facts["201,800"].indicator == "specialised_smes"
    assert facts["18,900"].indicator == "sme_cluster_specialised_smes"
    assert facts["2,760"].indicator == "sme_cluster_little_giants"


def test_a_named_company_figure_is_no_country_figure() -> None:
    text = ("Robots, January-November 2031 (simulated)\n"
            "Industrial robot output reached 743,200 units in the eleven months. Qiansheng "
            "Automation shipped 41,500 industrial robots in the eleven months.\n")
    facts = _mapped(text, published="2031-12-20")
    assert facts["743,200"].indicator == "industrial_robot_output"
    assert facts["41,500"].indicator is None
    zh = _mapped("2031年1—11月中小企业（模拟）\n"
                 "集群内共有中小企业约12.6万家，其中制造业单项冠军企业241家。\n",
                 published="2031-12-20")
    assert zh["241"].indicator == "sme_cluster_single_champions"


def test_figures_under_a_heading_on_member_companies_are_the_companies() -> None:
    zh = ("2031年1—11月机器人产业运行情况（模拟）\n\n"
          "1—11月，全国工业机器人产量74.32万套。\n\n七、部分会员企业情况\n\n"
          "——千晟自动化前11个月出货工业机器人4.15万台。\n")
    facts = _mapped(zh, published="2031-12-20")
    assert facts["74.32万"].indicator == "industrial_robot_output"
    assert facts["4.15万"].indicator is None
    clusters = _mapped("2031年中小企业（模拟）\n年末，全国中小企业特色产业集群达到400个。\n",
                       published="2032-01-20")
    assert clusters["400"].indicator == "sme_clusters"


def test_an_aside_between_commas_leaves_the_subject_before_it() -> None:
    text = ("Industry, January-September 2031 (simulated)\n"
            "In January-September, automobile manufacturing, still the province's biggest "
            "division, grew 6.2 percent. Equipment manufacturing, which includes the car plants, "
            "rose 9.4 percent. Manufacturing, the bulk of industry, expanded 6.9%. In the same "
            "months, the total volume of telecom business, measured at the previous year's "
            "prices, was 318.7 billion yuan.\n")
    facts = _by_mention(text, published="2031-10-20")
    assert facts["6.2 percent"].subject == "automobile manufacturing"
    assert facts["9.4 percent"].subject == "equipment manufacturing"
    assert facts["6.9%"].subject == "manufacturing"
    assert facts["318.7 billion yuan"].subject == "volume of telecom business"


def test_last_years_tariffs_are_a_price_base_not_the_period() -> None:
    text = ("Telecoms, January-July 2031 (simulated)\n"
            "Telecom business revenue came to 1.07 trillion yuan for January-July. Business "
            "volume, which the ministry prices at last year's tariffs, rose to 1.15 trillion yuan, "
            "a gain of 8.4%.\n")
    facts = _by_mention(text, published="2031-08-20")
    assert facts["1.15 trillion yuan"].period == facts["8.4%"].period == "2031-01/2031-07"


def test_the_final_month_of_a_year_and_a_base_pace_in_it() -> None:
    text = ("Output, January-February 2032 (simulated)\n"
            "Value added rose 6.3% year on year in January-February combined. Manufacturing "
            "expanded 6.9%, up from a 6.7% pace in the final month of 2031. Mining output gained "
            "4.1%.\n")
    facts = _by_mention(text, published="2032-03-16")
    assert facts["6.9%"].period == facts["4.1%"].period == "2032-01/2032-02"
    assert facts["6.7%"].period == "2031-12"
    assert facts["6.7%"].subject == facts["6.9%"].subject


def test_a_base_month_then_when_states_its_own_figure() -> None:
    text = ("Output, January-February 2032 (simulated)\n"
            "Value added rose 6.3% year on year in January-February combined. That was 0.2 "
            "percentage points quicker than December, when output had grown 6.1%.\n")
    facts = _by_mention(text, published="2032-03-16")
    assert facts["6.1%"].period == "2031-12"
    assert facts["0.2 percentage points"].period == "2032-01/2032-02"
    assert facts["6.1%"].subject == "output"


def test_growth_after_an_amount_in_more_news_wordings() -> None:
    text = ("Industry, January-February 2032 (simulated)\n"
            "In January-February, telecom business volume came to 318.7 billion yuan, an "
            "expansion of 7.9%. Export delivery value reached 2.48 trillion yuan, a nominal gain "
            "of only 1.9%. Cement output was 196.4 million tonnes, 8.7% less.\n")
    facts = _by_mention(text, published="2032-03-16")
    assert facts["7.9%"].measure == facts["1.9%"].measure == "growth_yoy"
    assert facts["7.9%"].subject == facts["318.7 billion yuan"].subject
    assert facts["1.9%"].subject == facts["2.48 trillion yuan"].subject
    assert (facts["8.7%"].measure, facts["8.7%"].value) == ("growth_yoy", -8.7)


def test_that_compares_with_figures_of_other_periods() -> None:
    text = ("Hubei, January-September 2031 (simulated)\n"
            "In the first nine months, value added of industry rose 7.6 percent from a year "
            "earlier. That compares with 7.4 percent for January-August and 7.2 percent for the "
            "first half.\n"
            "Value added of electronics expanded 11.8% in September. That compares with 5.6% for "
            "industry as a whole.\n")
    facts = _by_mention(text, published="2031-10-22")
    for mention, period in (("7.4 percent", "2031-01/2031-08"), ("7.2 percent", "2031-01/2031-06")):
        assert facts[mention].measure == "growth_yoy"
        assert facts[mention].subject == facts["7.6 percent"].subject
        assert facts[mention].period == period
    assert facts["5.6%"].subject != facts["11.8%"].subject  # another subject's figure


def test_a_thing_named_before_its_examples_is_the_subject() -> None:
    text = ("Telecoms, 2031 (simulated)\n"
            "In 2031, new businesses such as IPTV, cloud computing and big data grew 8.4%.\n")
    assert _by_mention(text, published="2032-01-20")["8.4%"].subject == "new businesses"


def test_a_related_block_and_a_site_footer_are_furniture() -> None:
    text = ("Hubei industry (simulated)\n"
            "Industry in Hubei grew 7.6% in January-September 2031.\n\n"
            "Related:\n- Optics Valley signs 12 new display projects\n\n"
            "Related coverage: Retail sales rise 4.1% | PMI at 50.2\n")
    assert [f.mention for f in extract_facts(text, "t")] == ["7.6%"]
    zh = ("2031年前三季度全省工业（模拟）\n1—9月，全省规上工业增加值增长7.6%。\n"
          "主办单位：某省统计局 | 鄂ICP备05003306号 | 网站标识码：4200000014\n")
    assert [f.mention for f in extract_facts(zh, "t")] == ["7.6%"]


def test_the_5g_base_is_users_and_net_additions_are_changes() -> None:
    text = ("Telecoms, February 2032 (simulated)\n"
            "At the end of February, the 5G base reached 1.41 billion, or 75.9% of all mobile "
            "subscriptions, and operators signed up 17.6 million 5G users net since the end of "
            "2031. Fixed broadband connections rose to 721 million.\n")
    facts = _mapped(text, published="2032-03-21")
    assert facts["1.41 billion"].indicator == "g5_mobile_users"
    assert facts["75.9%"].indicator == "g5_users_share"
    assert facts["17.6 million"].measure == "change"
    assert facts["17.6 million"].indicator is None
    assert facts["721 million"].indicator == "fixed_broadband_users"
    zh = _mapped("2032年1—2月份通信业（模拟）\n截至2月末，5G移动电话用户14.12亿户；两个月累计净增"
                 "5G用户1760万户。\n", published="2032-03-21")
    assert zh["14.12亿"].indicator == "g5_mobile_users"
    assert (zh["1760万"].measure, zh["1760万"].indicator) == ("change", None)


def test_their_output_is_of_what_the_sentence_opens_with() -> None:
    text = ("Vehicles, January-September 2031 (simulated)\n"
            "Factories turned out 1.61 million motor vehicles in January-September. New-energy "
            "vehicles bucked the trend: their output reached 624,500 units, up 41.2 percent.\n")
    facts = _mapped(text, published="2031-10-22")
    assert facts["624,500"].indicator == "nev_production"
    assert facts["41.2 percent"].indicator == "nev_production_yoy"


def test_a_decline_after_a_comma_and_by_is_negative() -> None:
    text = ("Regions, 2031 (simulated)\n"
            "In 2031 the centre grew fastest at 2.4%; the northeast was the only region to "
            "shrink, by 0.6%.\n")
    assert _by_mention(text, published="2032-01-20")["0.6%"].value == -0.6


def test_points_an_industry_contributed_are_its_contribution_to_industrial_growth() -> None:
    text = ("Hubei, January-September 2031 (simulated)\n"
            "WUHAN -- In January-September, automobile manufacturing grew 6.2 percent and "
            "contributed 0.9 percentage points to overall growth. Industrial value added rose "
            "7.6 percent, 1.8 percentage points above the national average.\n")
    facts = _mapped(text, published="2031-10-22")
    assert (facts["0.9 percentage points"].indicator,
            facts["0.9 percentage points"].industry) == ("va_contribution_pp", "36")
    assert facts["1.8 percentage points"].indicator != "va_contribution_pp"
    zh = _mapped("2031年前三季度全省工业（模拟）\n1—9月，汽车制造业增长6.2%，拉动全省规上工业增长"
                 "0.9个百分点。\n", published="2031-10-22")
    assert (zh["0.9个百分点"].indicator, zh["0.9个百分点"].industry) == ("va_contribution_pp", "36")


def test_pmi_readings_in_news_wording_land_on_their_sub_indices() -> None:
    text = ("Factory activity, March 2032 (simulated)\n"
            "BEIJING, March 31, 2032 -- The official manufacturing purchasing managers' index "
            "climbed to 50.6 in March.\n\n"
            "The production sub-index advanced 1.3 points to 52.1, and total new orders rose to "
            "51.0. Companies kept payrolls lean, with the employment reading slipping 0.2 point "
            "to 48.3.\n\n"
            "Large companies fared best, their PMI rising 0.8 point to 51.7. The services gauge "
            "ticked up 0.3 point to 50.5. Construction was the star performer, its index soaring "
            "3.4 points to 55.9.\n")
    facts = _mapped(text, published="2032-03-31")
    assert facts["50.6"].indicator == "pmi_manufacturing"
    expected = {"51.0": "pmi_new_orders", "48.3": "pmi_employment", "51.7": "pmi_large",
                "50.5": "pmi_services", "55.9": "pmi_construction"}
    assert {m: facts[m].indicator for m in expected} == expected


def test_a_year_a_title_says_is_beaten_is_no_topic() -> None:
    text = ("Factories outpace last year's growth in Q1 (simulated)\n"
            "April 17, 2032\n"
            "Value added rose 6.3% in the first quarter.\n\n"
            "Industrial robots: 196,000 sets, up 22.5%.\n")
    facts = _by_mention(text)
    assert facts["196,000"].period == facts["22.5%"].period == "2032-Q1"


def test_a_single_last_month_inside_a_quarter_paragraph_is_an_aside_zh() -> None:
    text = ("2032年一季度工业（模拟）\n2032年4月17日\n"
            "一季度，规模以上工业增加值同比增长6.3%。3月份，规模以上工业增加值同比增长6.8%。"
            "分门类看，制造业增长6.9%，采矿业增长2.8%。\n")
    facts = _mapped(text, published="2032-04-17")
    assert (facts["6.8%"].indicator, facts["6.8%"].period) == ("va_yoy", "2032-03")
    assert (facts["6.9%"].indicator, facts["6.9%"].period, facts["6.9%"].industry) == (
        "va_ytd_yoy", "2032-Q1", "C")


def test_profit_wordings_of_a_business_daily() -> None:
    text = ("Industrial profits, January-April 2032 (simulated)\n"
            "Industrial companies earned combined profits of 2,186.47 billion yuan in the first "
            "four months of 2032, up 4.3 percent. State-holding enterprises saw profits slip 1.6 "
            "percent. Manufacturing earned 1,652.74 billion yuan, up 8.1 percent. Non-ferrous "
            "metals led, followed by makers of computers, communication and other electronic "
            "equipment, whose profits surged 23.6 percent.\n")
    facts = _mapped(text, published="2032-05-27")
    assert facts["4.3 percent"].indicator == "profit_ytd_yoy"
    assert (facts["1.6 percent"].value, facts["1.6 percent"].indicator) == (
        -1.6, "profit_ytd_yoy_state_holding")
    assert (facts["1,652.74 billion yuan"].indicator,
            facts["1,652.74 billion yuan"].industry) == ("profit_ytd", "C")
    assert (facts["23.6 percent"].indicator, facts["23.6 percent"].industry) == (
        "profit_ytd_yoy", "39")


def test_a_number_in_words_that_counts_part_of_a_group() -> None:
    text = ("Industry, first quarter of 2032 (simulated)\n"
            "In the first quarter, value added grew 6.3%. Thirty-seven of the 41 industrial "
            "divisions reported higher value added. All seven divisions of the equipment sector "
            "grew.\n")
    facts = _mapped(text, published="2032-04-17")
    assert (facts["Thirty-seven"].value, facts["Thirty-seven"].indicator) == (
        37.0, "industries_growing_ytd")
    assert "seven" not in facts  # the size of the group, no fact


def test_a_size_floor_and_a_forecast_someone_said_are_no_facts() -> None:
    text = ("Industry, first quarter of 2032 (simulated)\n"
            "Value added grew 6.3% in the first quarter. An economist said he expected "
            "second-quarter growth of around 6%. The PMI, said another, who sees it near 50.5 "
            "next month, was 50.6. The data cover enterprises with annual main business revenue "
            "of at least 20 million yuan.\n")
    assert [f.mention for f in extract_facts(text, "t", published="2032-04-17")] == [
        "6.3%", "50.6"]


def test_growths_respectively_take_the_periods_of_their_amounts_zh() -> None:
    text = ("2032年一季度钢铁（模拟）\n2032年4月20日\n"
            "一季度生铁产量21405万吨，3月份7492万吨，同比分别下降2.4%和0.6%。\n")
    facts = _mapped(text, published="2032-04-20")
    assert (facts["2.4%"].period, facts["2.4%"].value) == ("2032-Q1", -2.4)
    assert (facts["0.6%"].period, facts["0.6%"].indicator) == ("2032-03", "pig_iron_output_yoy")


def test_a_chinese_base_figure_is_of_what_the_figure_before_measures() -> None:
    text = ("2032年一季度钢铁（模拟）\n2032年4月20日\n"
            "3月份粗钢日产284.7万吨，较1—2月的272.3万吨明显提高。黑色金属冶炼和压延加工业利润"
            "增长46.3%。一季度该行业增加值同比增长1.8%，低于全部规模以上工业6.1%的增速。\n")
    facts = _mapped(text, published="2032-04-20")
    assert facts["272.3万吨"].subject == facts["284.7万吨"].subject
    assert facts["272.3万吨"].indicator is None  # a daily average, no month's output
    assert (facts["6.1%"].indicator, facts["6.1%"].industry) == ("va_ytd_yoy", "ALL")


def test_kinds_of_new_energy_vehicle_and_parts_of_a_whole() -> None:
    text = ("Car market, March 2032 (simulated)\n"
            "11 Apr 2032 -- Sales of new-energy vehicles reached 1.76 million in March. "
            "Battery-electric models accounted for 1.07 million of the month's NEV sales. "
            "Overseas buyers took 590,000 Chinese vehicles in March. New-energy models "
            "contributed 238,000 of those shipments.\n")
    facts = _mapped(text, published="2032-04-11")
    assert facts["1.76 million"].indicator == "nev_sales"
    assert facts["1.07 million"].indicator is None
    assert facts["238,000"].indicator == "nev_exports"
    zh = _mapped("2032年3月汽车（模拟）\n2032年4月11日\n"
                 "3月纯电动汽车销量107万辆，同比增长31.5%。\n", published="2032-04-11")
    assert zh["107万"].indicator is None and zh["31.5%"].indicator is None


def test_bare_heads_of_a_car_market_release_are_the_vehicles() -> None:
    text = ("Car market: March sales rebound (simulated)\n"
            "11 Apr 2032 -- Sales climbed to 3.12 million units in March. New-energy vehicle "
            "production reached 1.71 million, while sales amounted to 1.76 million. For "
            "January-March, output totalled 7.96 million and deliveries 8.08 million, increases "
            "of 6.9% and 7.7%.\n")
    facts = _mapped(text, published="2032-04-11")
    assert facts["3.12 million"].indicator == "auto_sales"
    assert facts["1.76 million"].indicator != "auto_sales"  # the NEVs' sales
    assert [facts[m].indicator for m in ("7.96 million", "8.08 million", "6.9%", "7.7%")] == [
        "auto_production", "auto_sales", "auto_production_yoy", "auto_sales_yoy"]
    industry = _mapped("Industrial output in March (simulated)\n11 Apr 2032 -- Output grew 6.9% "
                       "in March.\n", published="2032-04-11")
    assert industry["6.9%"].indicator == "va_yoy"


def test_a_month_alone_is_of_the_figure_before_and_the_quarter_is_the_topic() -> None:
    text = ("Steel in the first quarter of 2032 (simulated)\n"
            "April 24, 2032 -- Crude steel output in the first quarter came to 251.64 million "
            "tonnes. March alone accounted for 88.27 million tonnes, edging up 0.9%. Blast "
            "furnaces turned out 214.05 million tonnes of hot metal over the quarter, decreases "
            "of 2.4%.\n")
    facts = _mapped(text, published="2032-04-24")
    assert (facts["88.27 million tonnes"].indicator, facts["88.27 million tonnes"].period) == (
        "crude_steel_output", "2032-03")
    assert facts["0.9%"].indicator == "crude_steel_output_yoy"
    assert (facts["214.05 million tonnes"].indicator,
            facts["214.05 million tonnes"].period) == ("pig_iron_output", "2032-Q1")
    assert facts["2.4%"].value == -2.4


def test_an_industry_opening_a_clause_owns_the_bare_head_after_it_zh() -> None:
    text = ("2031年1—9月装备工业（模拟）\n2031年10月28日\n"
            "1—9月，汽车制造业利润增长4.2%，电气机械和器材制造业受光伏设备价格走低影响，利润下降3.6%。\n")
    facts = _mapped(text, published="2031-10-28")
    assert (facts["4.2%"].industry, facts["3.6%"].industry) == ("36", "38")


def test_what_an_industry_saw_and_the_amount_after_a_later_verb() -> None:
    text = ("Industry, January-October 2031 (simulated)\n"
            "In January-October, computers, communication and other electronic equipment saw "
            "export delivery value edge up 3.1%. Non-ferrous metal ore mining was weaker: profits "
            "slid 4.6% to 48.3 billion yuan even as revenue edged up 1.8% to 402.5 billion "
            "yuan.\n")
    facts = _by_mention(text, published="2031-11-20")
    assert facts["3.1%"].subject.startswith("export delivery value of")
    assert facts["402.5 billion yuan"].subject.startswith("revenue")
    assert facts["48.3 billion yuan"].subject.startswith("profits")


def test_a_chinese_list_of_products_in_several_units() -> None:
    text = ("2032年5月份工业生产（模拟）\n2032年6月16日\n"
            "5月份，粗钢、水泥、发电量、汽车、集成电路产量分别为8630万吨、17260万吨、7689亿千瓦时、"
            "261万辆、497亿块，同比分别增长-2.4%、-7.1%、3.7%、9.8%、16.2%。规模以上工业企业产品"
            "销售率为96.7%。\n")
    facts = _mapped(text, published="2032-06-16")
    assert [facts[m].indicator for m in ("8630万吨", "7689亿千瓦时", "261万", "497亿")] == [
        "crude_steel_output", "power_generation_output", "auto_production", "ic_output"]
    assert [facts[m].indicator for m in ("-2.4%", "16.2%")] == [
        "crude_steel_output_yoy", "ic_output_yoy"]
    assert facts["96.7%"].indicator == "va_sales_ratio"


def test_more_news_wordings_of_parts_scopes_and_ratios() -> None:
    text = ("Zhejiang, January-May 2032 (simulated)\n"
            "HANGZHOU, June 20, 2032 -- In January-May, fixed broadband users totalled 711 "
            "million; of them, 268 million were on gigabit plans. Mining output gained 4.4% in "
            "May and 3.8% year to date, and non-metallic mineral products - which include cement "
            "- sank 4.2%. Profits in the province rose 11.4%, far ahead of the country's: "
            "nationwide, profits of industrial firms rose just 4.6%. Revenue rose 5.3%, compared "
            "with a national gain of 2.9%. Each 100 yuan of revenue yielded 6.10 yuan of "
            "profit. Electronics remained the standout, with value added up 15.6%.\n")
    facts = _mapped(text, published="2032-06-20")
    assert facts["268 million"].indicator == "gigabit_users"
    assert (facts["3.8%"].indicator, facts["3.8%"].period) == ("va_ytd_yoy", "2032-01/2032-05")
    assert facts["4.2%"].industry == "30"
    assert facts["4.6%"].region == facts["2.9%"].region == "CN"
    assert facts["6.10 yuan"].indicator is None
    assert facts["15.6%"].industry == "39"


def test_an_owner_after_a_long_reporting_clause_owns_the_later_bare_head() -> None:
    text = ("Steel, first quarter of 2032 (simulated)\n"
            "April 24, 2032\n\nStatistics bureau figures quoted in the release show that the "
            "smelting and pressing of ferrous metals earned total profits of 14.82 billion yuan "
            "in the first quarter, a jump of 46.3%, while operating revenue slipped 2.9% to 1.872 "
            "trillion yuan.\n")
    facts = _mapped(text, published="2032-04-24")
    assert [(facts[m].indicator, facts[m].industry) for m in ("46.3%", "2.9%")] == [
        ("profit_ytd_yoy", "31"), ("revenue_ytd_yoy", "31")]


def test_figures_of_a_year_earlier_and_since_a_year_end_zh() -> None:
    text = ("2032年一季度工业（模拟）\n2032年4月21日\n"
            "一季度，全市规模以上工业增加值同比增长7.6%，明显快于上年同期的4.3%。与上年同期相比，"
            "造船完工量份额由53.9%有所提高。截至3月底，手持船舶订单25140万载重吨，同比增长5.7%，"
            "比2031年底增长1.0%。\n")
    facts = _mapped(text, published="2032-04-21")
    assert (facts["4.3%"].indicator, facts["4.3%"].period) == ("va_ytd_yoy", "2031-Q1")
    assert facts["53.9%"].period == "2031-Q1"
    assert facts["1.0%"].measure == "growth_qoq" and facts["1.0%"].indicator is None


def test_a_strongest_month_and_export_deliveries_of_ships() -> None:
    text = ("Beijing industry, first quarter of 2032 (simulated)\n"
            "April 21, 2032 -- In the first quarter, value added grew 7.6 percent. March was the "
            "strongest month: value added jumped 9.8 percent.\n")
    facts = _mapped(text, published="2032-04-21")
    assert (facts["9.8 percent"].indicator, facts["9.8 percent"].period) == ("va_yoy", "2032-03")
    ships = _mapped("Yards deliver more in the first quarter (simulated)\nApril 27, 2032 -- In "
                    "the first quarter, export deliveries rose 5.1%.\n", published="2032-04-27")
    assert ships["5.1%"].indicator is None
    industry = _mapped("Industrial output, October 2031 (simulated)\nNovember 15, 2031 -- In "
                       "January-October, export deliveries rose 2.6%.\n", published="2031-11-15")
    assert industry["2.6%"].indicator == "export_delivery_value_ytd_yoy"


def test_shipbuilding_in_the_trade_press_words() -> None:
    text = ("Chinese yards deliver more in the first quarter (simulated)\n"
            "April 27, 2032\n\n"
            "Chinese shipbuilders handed over 11.86 million deadweight tonnes in the first three "
            "months of 2032. Owners booked 27.35 million dwt at Chinese yards between January and "
            "March, a fall of 12.1% on a year earlier, with March contracting at 11.04 million "
            "dwt. At the end of March the orderbook stood at 251.40 million dwt, up 5.7% year on "
            "year. China took 54.8% of world deliveries and 68.3% of global contracting. The key "
            "monitored yards booked 25.71 million dwt. Their orderbook was 236.40 million dwt. "
            "Deliveries in the final month alone came to 4.12 million dwt.\n")
    facts = _mapped(text, published="2032-04-27")
    expected = {"11.86 million deadweight tonnes": ("ship_completions", "2032-Q1"),
                "27.35 million dwt": ("ship_new_orders", "2032-Q1"),
                "12.1%": ("ship_new_orders_yoy", "2032-Q1"),
                "11.04 million dwt": ("ship_new_orders", "2032-03"),
                "251.40 million dwt": ("ship_orderbook", "2032-03-31"),
                "5.7%": ("ship_orderbook_yoy", "2032-03-31"),
                "54.8%": ("ship_completions_world_share", "2032-Q1"),
                "68.3%": ("ship_new_orders_world_share", "2032-Q1"),
                "4.12 million dwt": ("ship_completions", "2032-03")}
    assert {m: (facts[m].indicator, facts[m].period) for m in expected} == expected
    assert facts["25.71 million dwt"].indicator is None  # the key yards' part
    assert facts["236.40 million dwt"].indicator is None


def test_pmi_wordings_of_round_nineteen() -> None:
    zh = _by_mention("2032年4月PMI（模拟）\n2032年4月30日\n"
                     "主要原材料购进价格指数和出厂价格指数分别为51.6%和48.1%，"
                     "比上月下降1.8个和1.1个百分点。\n", published="2032-04-30")
    assert (zh["1.8"].unit, zh["1.8"].value) == ("percentage_point", -1.8)
    text = ("Factory activity, April 2032 (simulated)\n"
            "BEIJING, April 30, 2032 -- The official manufacturing PMI fell to 49.8 in April. New "
            "export orders retreated to 46.6, a loss of 1.2 points. Small firms were the only "
            "group to improve, edging up 0.2 point to 48.7.\n")
    facts = _mapped(text, published="2032-04-30")
    assert facts["1.2"].value == -1.2
    assert facts["48.7"].indicator == "pmi_small"


def test_a_national_figure_after_against_and_the_half_year() -> None:
    text = ("Henan's industry in the first half of 2032 (simulated)\n"
            "ZHENGZHOU, July 24, 2032 -- In the first half, value added in the province grew 7.1 "
            "percent. Manufacturing expanded 7.8 percent in the half year. High-tech "
            "manufacturing grew 12.3 percent, against 9.0 percent nationwide.\n")
    facts = _mapped(text, published="2032-07-24")
    assert (facts["7.8 percent"].indicator, facts["7.8 percent"].period) == (
        "va_ytd_yoy", "2032-H1")
    assert (facts["9.0 percent"].indicator, facts["9.0 percent"].province) == (
        "va_hightech_ytd_yoy", "ALL")


def _cells(facts: dict[str, Fact], *mentions: str) -> dict[str, tuple[object, ...]]:
    return {m: (facts[m].indicator, facts[m].period, facts[m].industry) for m in mentions}


def test_newswire_furniture_size_floors_and_forecasts_are_no_facts() -> None:
    text = ("Factory output, August 2033 (simulated)\n"
            "ECONOMY | September 15, 2033 10:34 AM GMT+8 | 7,412 views | Comments (12)\n"
            "BEIJING, Sept 15, 2033 - Value added at industrial firms with annual revenue above "
            "20 million yuan climbed 5.4% from a year earlier, 0.3 percentage point faster than "
            "in July. \"I would pencil in something closer to 5% for September,\" one analyst "
            "said. Another, who reckons growth for the year could drift toward 3%, was calmer.\n")
    facts = _mapped(text, published="2033-09-15")
    assert sorted(facts) == ["0.3 percentage point", "5.4%"]
    assert _cells(facts, "5.4%", "0.3 percentage point") == {
        "5.4%": ("va_yoy", "2033-08", "ALL"),
        "0.3 percentage point": ("va_growth_change_pp", "2033-08", "ALL")}


def test_ownership_and_divisions_in_newswire_words() -> None:
    text = ("Factory output, August 2033 (simulated)\n"
            "BEIJING, Sept 15, 2033 - Output at state-holding companies rose 4.1% in August. "
            "Joint-stock firms, companies funded from abroad or from Hong Kong, Macao and Taiwan, "
            "and private enterprises posted gains of 5.7%, 2.9% and 5.2% respectively. "
            "Automobile manufacturing surged 10.6% and the computer, communications and "
            "electronics division advanced 12.4%.\n")
    facts = _mapped(text, published="2033-09-15")
    assert {m: facts[m].indicator for m in ("4.1%", "5.7%", "2.9%", "5.2%")} == {
        "4.1%": "va_yoy_state_holding", "5.7%": "va_yoy_shareholding",
        "2.9%": "va_yoy_foreign", "5.2%": "va_yoy_private"}
    assert _cells(facts, "12.4%") == {"12.4%": ("va_yoy", "2033-08", "39")}


def test_its_span_growth_and_a_span_over_a_figure() -> None:
    text = ("Factory output, August 2033 (simulated)\n"
            "BEIJING, Sept 15, 2033 - Manufacturing output grew 5.9% in August, and its "
            "January-August growth stood at 6.3%. High-tech manufacturing jumped 9.2% in August "
            "and was up 9.7% over January-August. Vehicle output was 6.9% higher over the first "
            "half of 2032.\n")
    facts = _mapped(text, published="2033-09-15")
    assert _cells(facts, "6.3%", "9.7%") == {
        "6.3%": ("va_ytd_yoy", "2033-01/2033-08", "C"),
        "9.7%": ("va_hightech_ytd_yoy", "2033-01/2033-08", "ALL")}
    assert facts["6.9%"].period != "2033-01/2033-08"  # a span with its own year is a base


def test_a_lead_over_all_industry_in_chinese_is_no_change_of_all_industry() -> None:
    text = ("2033年8月份工业生产（模拟）\n2033年9月15日\n"
            "8月份，规模以上工业增加值同比增长5.4%，增速比7月份加快0.3个百分点。"
            "高技术制造业增加值同比增长9.2%，快于全部规模以上工业增加值增速3.8个百分点。\n")
    facts = _mapped(text, published="2033-09-15")
    assert facts["0.3个百分点"].indicator == "va_growth_change_pp"
    assert facts["3.8个百分点"].indicator is None
    assert "lead over all industry" in facts["3.8个百分点"].subject


def test_product_items_in_trade_words() -> None:
    text = ("Factory output, August 2033 (simulated)\n"
            "BEIJING, Sept 15, 2033 - Factories were busy in August.\n\n"
            "WHAT THE FACTORIES TURNED OUT IN AUGUST\n\n"
            "- Cement: 158.7 million tonnes, off 6.4%\n"
            "- Motor vehicles: 2.53 million, +8.2%; new energy vehicles among them 1.64 million, "
            "+22.7%\n"
            "- Mobile phones: 134.2 million handsets, a 4.6% increase\n")
    facts = _mapped(text, published="2033-09-15")
    assert {m: (facts[m].indicator, facts[m].value) for m in
            ("158.7 million tonnes", "6.4%", "8.2%", "1.64 million", "22.7%",
             "134.2 million")} == {
        "158.7 million tonnes": ("cement_output", 158.7e6), "6.4%": ("cement_output_yoy", -6.4),
        "8.2%": ("auto_production_yoy", 8.2), "1.64 million": ("nev_production", 1.64e6),
        "22.7%": ("nev_production_yoy", 22.7), "134.2 million": ("mobile_phone_output", 134.2e6)}


def test_asides_of_which_dashes_and_including_leave_the_subject() -> None:
    text = ("Factory output, August 2033 (simulated)\n"
            "BEIJING, Sept 15, 2033 - The product sales ratio, which shows how much of what "
            "factories make is actually sold, was 96.4% in August. Export delivery value - goods "
            "produced for shipment abroad - reached 1.41 trillion yuan, a nominal gain of 2.8%. "
            "Private firms managed 6.0%, while foreign-funded businesses, including those from "
            "Hong Kong, Macao and Taiwan, lagged with growth of just 2.4%.\n")
    facts = _mapped(text, published="2033-09-15")
    assert {m: facts[m].indicator for m in ("96.4%", "1.41 trillion yuan", "2.8%", "2.4%")} == {
        "96.4%": "va_sales_ratio", "1.41 trillion yuan": "export_delivery_value",
        "2.8%": "export_delivery_value_yoy", "2.4%": None}
    assert facts["2.4%"].subject == "foreign-funded businesses"


def test_months_and_bases_in_a_regional_page() -> None:
    text = ("Shandong's industry in January-September 2033 (simulated)\n"
            "JINAN, Oct 24, 2033 -- Value added of the province's industrial enterprises above "
            "designated size grew 7.4 percent in the first three quarters, nudging up from 7.2 "
            "percent in January-August and a 7.0 percent pace at the half-year mark.\n\n"
            "September was the brightest month of the year. Output measured by value added rose "
            "8.1 percent on September 2032, a pick-up from August's 6.9 percent.\n")
    facts = _mapped(text, published="2033-10-24")
    assert {m: (facts[m].indicator, facts[m].period, facts[m].province) for m in
            ("7.2 percent", "7.0 percent", "8.1 percent", "6.9 percent")} == {
        "7.2 percent": ("va_ytd_yoy", "2033-01/2033-08", "370000"),
        "7.0 percent": ("va_ytd_yoy", "2033-H1", "370000"),
        "8.1 percent": ("va_yoy", "2033-09", "370000"),
        "6.9 percent": ("va_yoy", "2033-08", "370000")}


def test_subjects_of_a_regional_page_s_clauses() -> None:
    text = ("Shandong's industry in January-September 2033 (simulated)\n"
            "JINAN, Oct 24, 2033 -- Value added of the province's industrial enterprises above "
            "designated size grew 7.4 percent in the first three quarters. Nationally, industry "
            "expanded 5.9 percent over the same nine months.\n\n"
            "Manufacturing did the heavy lifting, adding 8.3 percent in the nine months and 9.0 "
            "percent in September alone. Mining, weighed down by the closure of older coal pits "
            "in the west of the province, crept up 2.8 percent, while the electricity, heat, gas "
            "and water utilities managed 4.1 percent. General-purpose machinery climbed 11.6 "
            "percent. Fastest of all was electrical machinery and apparatus, up 17.3 percent.\n")
    facts = _mapped(text, published="2033-10-24")
    assert {m: (facts[m].indicator, facts[m].period, facts[m].industry, facts[m].province)
            for m in ("5.9 percent", "8.3 percent", "9.0 percent", "2.8 percent", "4.1 percent",
                      "11.6 percent", "17.3 percent")} == {
        "5.9 percent": ("va_ytd_yoy", "2033-01/2033-09", "ALL", "ALL"),
        "8.3 percent": ("va_ytd_yoy", "2033-01/2033-09", "C", "370000"),
        "9.0 percent": ("va_yoy", "2033-09", "C", "370000"),
        "2.8 percent": ("va_ytd_yoy", "2033-01/2033-09", "B", "370000"),
        "4.1 percent": ("va_ytd_yoy", "2033-01/2033-09", "D", "370000"),
        "11.6 percent": ("va_ytd_yoy", "2033-01/2033-09", "34", "370000"),
        "17.3 percent": ("va_ytd_yoy", "2033-01/2033-09", "38", "370000")}


def test_profits_in_a_magazine_s_words() -> None:
    text = ("Industrial profits, January-May 2033 (simulated)\n"
            "BEIJING, June 28, 2033 - Industrial enterprises above designated size booked "
            "combined profits of 2,781.95 billion yuan in January-May, the National Bureau of "
            "Statistics (NBS) reported on Tuesday, a gain of 3.9 percent on the same months of "
            "2032. Profits for the month came to 595.48 billion yuan, only 2.5% more than a year "
            "earlier, after April's brisk 7.6% advance.\n\nShareholding companies pocketed "
            "2,032.14 billion yuan (+3.3%). Some 161,700 companies were in the red, with "
            "combined losses of 634.85 billion yuan.\n\n"
            "Across the three broad sectors, the split was stark:\n\n"
            "- Mining: 405.37 billion yuan, a drop of 9.1%\n"
            "- Manufacturing: 2,112.46 billion yuan, an increase of 7.4%\n\n"
            "Profits in smelting and pressing of non-ferrous metals soared 28.4%, while coal "
            "mining and washing saw profits collapse by 27.9%.\n")
    facts = _mapped(text, published="2033-06-28")
    assert {m: (facts[m].indicator, facts[m].period, facts[m].industry) for m in
            ("2,781.95 billion yuan", "3.9 percent", "7.6%", "2,032.14 billion yuan", "3.3%",
             "634.85 billion yuan", "405.37 billion yuan", "2,112.46 billion yuan")} == {
        "2,781.95 billion yuan": ("profit_ytd", "2033-01/2033-05", "ALL"),
        "3.9 percent": ("profit_ytd_yoy", "2033-01/2033-05", "ALL"),
        "7.6%": ("profit_month_yoy", "2033-04", "ALL"),
        "2,032.14 billion yuan": ("profit_ytd_shareholding", "2033-01/2033-05", "ALL"),
        "3.3%": ("profit_ytd_yoy_shareholding", "2033-01/2033-05", "ALL"),
        "634.85 billion yuan": ("loss_ytd", "2033-01/2033-05", "ALL"),
        "405.37 billion yuan": ("profit_ytd", "2033-01/2033-05", "B"),
        "2,112.46 billion yuan": ("profit_ytd", "2033-01/2033-05", "C")}
    assert (facts["28.4%"].indicator, facts["28.4%"].industry) == ("profit_ytd_yoy", "32")
    assert (facts["27.9%"].value, facts["27.9%"].industry) == (-27.9, "06")


def test_bases_and_month_adjectives_of_flash_headlines() -> None:
    text = ("Industrial profits, January-November 2033 (simulated)\n"
            "BEIJING, Dec 27, 2033 - November industrial profits rose 9.2% year on year, and "
            "profits for January-November rose 3.7%, an improvement on the 2.9 percent gain "
            "recorded for January-October.\n"
            "*CHINA NOV INDUSTRIAL PROFITS +8.1% Y/Y VS -2.4% IN OCT\n"
            "Industrial robot production rose 28.9 percent to 71,400 sets in November, 1.3 "
            "times the level of "
            "November 2031.\n")
    facts = _mapped(text, published="2033-12-27")
    assert {m: (facts[m].indicator, facts[m].period) for m in
            ("9.2%", "3.7%", "8.1%", "28.9 percent")} == {
        "9.2%": ("profit_month_yoy", "2033-11"), "3.7%": ("profit_ytd_yoy", "2033-01/2033-11"),
        "8.1%": ("profit_month_yoy", "2033-11"),
        "28.9 percent": ("industrial_robot_output_yoy", "2033-11")}
    assert facts["2.9 percent"].period == "2033-01/2033-10"


def test_the_head_a_sentence_names_after_a_semicolon_and_its_profits() -> None:
    text = ("Zhejiang's profits, January-May 2033 (simulated)\n"
            "HANGZHOU, June 28, 2033 -- Operating revenue of the province's industrial firms grew "
            "4.0%. The province's computer, communication and electronic equipment makers posted "
            "a 38.5% surge; profits in electrical machinery and apparatus went up 21.7%. The "
            "chemical raw materials division booked operating revenue of 652 billion yuan "
            "(+2.0%), but its profits of 32.15 billion yuan were 4.3% lower than last year.\n")
    facts = _mapped(text, published="2033-06-28")
    assert {m: (facts[m].indicator, facts[m].industry) for m in
            ("38.5%", "21.7%", "2.0%", "32.15 billion yuan")} == {
        "38.5%": ("profit_ytd_yoy", "39"), "21.7%": ("profit_ytd_yoy", "38"),
        "2.0%": ("revenue_ytd_yoy", "26"), "32.15 billion yuan": ("profit_ytd", "26")}


def test_parts_of_high_tech_manufacturing_set_apart_by_commas_are_no_manufacturing() -> None:
    text = ("2033年1—9月份全国固定资产投资（模拟）\n2033年10月18日\n"
            "1—9月份，高技术制造业投资增长11.3%。其中，航空、航天器及设备制造业，计算机及办公设备"
            "制造业，电子及通信设备制造业投资分别增长31.5%、18.2%、9.4%。\n")
    facts = _mapped(text, published="2033-10-18")
    assert facts["11.3%"].indicator == "investment_hightech_mfg_ytd_yoy"
    assert [facts[m].indicator for m in ("31.5%", "18.2%", "9.4%")] == [None, None, None]


def test_investment_a_sector_attracted_and_a_base_posted_in_a_span() -> None:
    text = ("Fixed-asset investment, January-September 2033 (simulated)\n"
            "BEIJING, Oct 18, 2033 - The secondary industry attracted 12,958.1 billion yuan, a "
            "jump of 11.6%. Industrial investment expanded 11.9%, cooling from the 12.3% posted "
            "in the first eight months. Investment in mining, manufacturing and the utilities "
            "rose 13.4%, 9.8% and 22.6% respectively.\n")
    facts = _mapped(text, published="2033-10-18")
    assert facts["11.6%"].indicator is None  # never the secondary industry's GDP
    assert (facts["12.3%"].indicator, facts["12.3%"].period) == (
        "investment_industrial_ytd_yoy", "2033-01/2033-08")
    assert (facts["9.8%"].indicator, facts["9.8%"].period) == (
        "investment_mfg_ytd_yoy", "2033-01/2033-09")


def test_a_car_trade_magazine_s_heads_and_sequential_growth() -> None:
    text = ("June car shipments edge higher (simulated)\n"
            "Motor Trade | 13 Jul 2033 | Reading time 4 min | Comments: 37\n\n"
            "Production in June came to 3.18 million units, 4.3% above May. Wholesale shipments "
            "rose to 3.21 million units, a sequential gain of 3.5% and a year-on-year increase of "
            "5.2%. Shipments abroad amounted to 630,000 units in June, 9.4% more than a year "
            "before.\n\n"
            "January-June production reached 17.42 million units and sales 17.58 million, up 5.6% "
            "and 6.0% respectively on the first half of 2032.\n\n"
            "Gallery: the motor show (18 photos)\n")
    facts = _mapped(text, published="2033-07-13")
    assert "4" not in facts and "18" not in facts and "37" not in facts
    assert {m: (facts[m].indicator, facts[m].measure) for m in
            ("3.18 million", "4.3%", "3.5%", "5.2%", "630,000", "17.58 million", "6.0%")} == {
        "3.18 million": ("auto_production", "level"), "4.3%": (None, "growth_qoq"),
        "3.5%": (None, "growth_qoq"), "5.2%": ("auto_sales_yoy", "growth_yoy"),
        "630,000": ("auto_exports", "level"), "17.58 million": ("auto_sales", "level"),
        "6.0%": ("auto_sales_yoy", "growth_yoy")}


def test_a_part_of_the_users_named_after_its_figure() -> None:
    text = ("Telecoms, first quarter of 2033 (simulated)\n"
            "BEIJING, April 23, 2033 - Fixed broadband users totalled 725 million at the end of "
            "March. Some 297 million of them are on gigabit (1000Mbps and above) connections.\n")
    facts = _mapped(text, published="2033-04-23")
    assert facts["297 million"].indicator == "gigabit_users"


def test_chinese_product_verbs_and_heads_left_alone_take_the_product() -> None:
    text = ("2033年6月汽车产销（模拟）\n2033年7月11日\n"
            "6月，汽车生产318万辆，销售321万辆，同比分别增长6.1%和5.2%。新能源汽车当月产量186万辆、"
            "销量189万辆，较上年同期分别增长24.8%和23.5%。全国水泥产量1.62亿吨，同比下降5.6%，"
            "平板玻璃产量7.45亿重量箱，下降4.2%。\n")
    facts = _mapped(text, published="2033-07-11")
    mentions = ("318万", "321万", "5.2%", "189万", "23.5%", "4.2%")
    assert {m: facts[m].indicator for m in mentions} == {
        "318万": "auto_production", "321万": "auto_sales", "5.2%": "auto_sales_yoy",
        "189万": "nev_sales", "23.5%": "nev_sales_yoy", "4.2%": None}


def test_a_quarter_s_profits_and_the_country_s_firms() -> None:
    text = ("Industrial profits, January-September 2033 (simulated)\n"
            "BEIJING, Oct 27, 2033 - For the third quarter as a whole, profits climbed 6.2% to "
            "1,952.30 billion yuan.\n\nMining profits sank 8.9% to 792.14 billion yuan, while "
            "manufacturers pocketed 4,068.50 billion yuan, an increase of 7.5%.\n")
    facts = _mapped(text, published="2033-10-27")
    assert facts["1,952.30 billion yuan"].indicator is None  # no quarter's own profits
    assert _cells(facts, "4,068.50 billion yuan", "7.5%") == {
        "4,068.50 billion yuan": ("profit_ytd", "2033-01/2033-09", "C"),
        "7.5%": ("profit_ytd_yoy", "2033-01/2033-09", "C")}
    anhui = _mapped("Anhui's industry, January-October 2033 (simulated)\n"
                    "HEFEI, Nov 20, 2033 -- Industrial enterprises above designated size earned "
                    "total profits of 236.84 billion yuan in the first three quarters, up 9.6 "
                    "percent, while profits of the country's industrial firms rose only 2.1 "
                    "percent.\n", published="2033-11-20")
    assert (anhui["9.6 percent"].province, anhui["2.1 percent"].province) == ("340000", "ALL")


def test_chinese_national_figures_beside_a_province_s() -> None:
    text = ("2033年1—10月安徽省工业经济运行情况（模拟）\n2033年11月20日\n"
            "1—10月，全省规模以上工业增加值同比增长7.3%，高于全国平均水平（5.6%）。10月份规上工业增加值"
            "增长8.0%，较9月份（6.9%）有所加快；全国同期增长5.2%。1—9月，全省规模以上工业企业实现"
            "利润总额2368.4亿元，同比增长9.6%，全国同期仅增长2.1%；实现营业收入同比增长6.3%。\n")
    facts = _mapped(text, published="2033-11-20")
    assert {m: (facts[m].indicator, facts[m].period, facts[m].province) for m in
            ("5.6%", "6.9%", "5.2%", "2.1%", "6.3%")} == {
        "5.6%": ("va_ytd_yoy", "2033-01/2033-10", "ALL"),
        "6.9%": ("va_yoy", "2033-09", "340000"), "5.2%": ("va_yoy", "2033-10", "ALL"),
        "2.1%": ("profit_ytd_yoy", "2033-01/2033-09", "ALL"),
        "6.3%": ("revenue_ytd_yoy", "2033-01/2033-09", "340000")}


def test_pmi_readings_in_a_broadcaster_s_words() -> None:
    text = ("China's factories edge back into growth in June (simulated)\n"
            "Published 30 June 2033\n\n"
            "The official manufacturing PMI rose to 50.3 this month. That is up 0.7 point on May, "
            "when it stood at 49.6, and just over the 50 mark that divides growth from "
            "contraction. Imports came in at 48.2, and finished goods stocks were at 47.5. The "
            "input prices index went up 2.4 points to 53.1, its highest this year.\n\n"
            "Large companies had a PMI of 51.2. Small businesses stayed in the red at 48.9, "
            "against 48.5 the month before. "
            "\"High-tech manufacturing is still running ahead,\" said the statistician. Its PMI "
            "was 52.3, he said. The non-manufacturing business activity index came in at 50.9, "
            "compared with 50.5 in May.\n")
    facts = _mapped(text, published="2033-06-30")
    assert "50" not in facts
    assert {m: (facts[m].indicator, facts[m].period) for m in
            ("49.6", "48.2", "47.5", "53.1", "48.9", "48.5", "52.3", "50.9", "50.5")} == {
        "49.6": ("pmi_manufacturing", "2033-05"), "48.2": ("pmi_imports", "2033-06"),
        "47.5": ("pmi_finished_inventory", "2033-06"), "53.1": ("pmi_input_prices", "2033-06"),
        "48.9": ("pmi_small", "2033-06"), "48.5": ("pmi_small", "2033-05"),
        "52.3": (None, "2033-06"), "50.9": ("pmi_non_manufacturing", "2033-06"),
        "50.5": ("pmi_non_manufacturing", "2033-05")}


def test_a_chinese_list_of_months_is_no_number() -> None:
    text = ("2033年6月PMI（模拟）\n2033年6月30日\n"
            "6月份，制造业PMI为50.3%，在4、5月份位于收缩区间后重返扩张区间。\n")
    assert [f.mention for f in extract_facts(text, "t", published="2033-06-30")] == ["50.3%"]


def test_a_market_note_s_abbreviations_and_signed_figures() -> None:
    text = ("China IP: March VA +6.1% y/y (simulated)\n"
            "MARKET NOTE | 16-Apr-2033 10:07 HKT | Views: 2,318\n\n"
            "SECTORS\nMfg +6.5% y/y in Mar, mining +4.2%. Q1 mfg +6.2% y/y.\n\n"
            "BREADTH\n34 of 41 divisions posted Q1 y/y growth. Mar standouts: electrical machinery "
            "+8.7%. Laggards: non-metallic minerals -2.6%.\n\n"
            "DEMAND SIDE\nExport delivery value CNY 1.36 tn, +3.2% y/y nominal.\n")
    facts = _mapped(text, published="2033-04-16")
    assert "41" not in facts  # the group the 34 are counted of
    assert {m: (facts[m].indicator, facts[m].period, facts[m].industry) for m in
            ("6.1%", "6.5%", "4.2%", "6.2%", "8.7%", "CNY 1.36 tn")} == {
        "6.1%": ("va_yoy", "2033-03", "ALL"), "6.5%": ("va_yoy", "2033-03", "C"),
        "4.2%": ("va_yoy", "2033-03", "B"), "6.2%": ("va_ytd_yoy", "2033-Q1", "C"),
        "8.7%": ("va_yoy", "2033-03", "38"),
        "CNY 1.36 tn": ("export_delivery_value", "2033-03", "ALL")}
    assert (facts["-2.6%"].measure, facts["CNY 1.36 tn"].value) == ("growth_yoy", 1.36e12)
    flash = _mapped("Industrial profits, January-November 2033 (simulated)\n"
                    "09:30:01 *CHINA NOV INDUSTRIAL PROFITS +9.2% Y/Y VS -2.4% IN OCT\n"
                    "09:30:04 *CHINA JAN-NOV STATE-HOLDING FIRMS' PROFITS -1.2% Y/Y\n",
                    published="2033-12-27")
    assert flash["-2.4%"].period == "2033-10"


def test_a_provincial_feature_s_sector_bases_and_national_figures() -> None:
    text = ("Jiangxi's industry, January-November 2033 (simulated)\n"
            "NANCHANG, Dec 16, 2033 -- Industrial enterprises above designated size in the "
            "province lifted their value added by 7.9 percent in the first 11 months. That was a "
            "touch faster than the 7.8 percent logged through October.\n\n"
            "Manufacturing did most of the lifting. The sector's value added advanced 8.6 percent "
            "over the 11 months, and by 9.2 percent in November alone. Manufacturing investment "
            "was up 11.9 percent, well above the 8.7 percent seen across China. From January to "
            "October, industrial enterprises in Jiangxi earned total profits of 198.73 billion "
            "yuan, up 6.8 percent, compared with national profit growth of 3.2 percent.\n")
    facts = _mapped(text, published="2033-12-16")
    assert {m: (facts[m].indicator, facts[m].period, facts[m].industry, facts[m].province)
            for m in ("7.8 percent", "8.6 percent", "9.2 percent", "8.7 percent",
                      "3.2 percent")} == {
        "7.8 percent": ("va_ytd_yoy", "2033-01/2033-10", "ALL", "360000"),
        "8.6 percent": ("va_ytd_yoy", "2033-01/2033-11", "C", "360000"),
        "9.2 percent": ("va_yoy", "2033-11", "C", "360000"),
        "8.7 percent": ("investment_mfg_ytd_yoy", "2033-01/2033-11", "ALL", "ALL"),
        "3.2 percent": ("profit_ytd_yoy", "2033-01/2033-10", "ALL", "ALL")}


def test_a_press_conference_s_owners_members_groups_and_targets() -> None:
    text = ("Press conference on the first half of 2033 (simulated)\n"
            "BEIJING, July 16, 2033\n\nManufacturing remained the mainstay: its value added rose "
            "6.6% over January-June. By the end of June, gigabit broadband users numbered 231 "
            "million, and 5G mobile phone users 1.02 billion. In the first half the value added "
            "of the little giants grew 8.9%, outpacing that of industrial SMEs as a whole, which "
            "was up 6.4%.\n")
    facts = _mapped(text, published="2033-07-16")
    assert {m: (facts[m].indicator, facts[m].industry) for m in
            ("6.6%", "231 million", "1.02 billion", "8.9%", "6.4%")} == {
        "6.6%": ("va_ytd_yoy", "C"), "231 million": ("gigabit_users", "ALL"),
        "1.02 billion": ("g5_mobile_users", "ALL"), "8.9%": (None, "ALL"), "6.4%": (None, "ALL")}
    zh = _mapped("2033年上半年工业和信息化发展情况新闻发布会（模拟）\n2033年7月16日\n"
                 "新闻发言人：全年工业增加值增长5.5%左右的目标，我们将努力实现。\n",
                 published="2033-07-16")
    assert zh["5.5%"].indicator is None


def test_a_production_release_s_sectors_and_divisions_are_value_added() -> None:
    # the sections after the headline name only sectors and divisions, in the press's
    # words, and no paragraph near them names value added
    text = ("Factory output, May 2033 (simulated)\n"
            "BEIJING, June 15, 2033\n\nIndustrial value added rose 6.1% in May.\n\n"
            "Retail trade is covered elsewhere.\n\nSome context on the weather.\n\n"
            "SECTORS\n\nManufacturing, the bulk of the index, advanced 6.9% in May. Automaking "
            "surged 11.4%, car making in the north 10.9%. Refining crept up 3.2%, and ferrous "
            "smelting & pressing slipped 0.9%. Railway, shipbuilding, aerospace and other "
            "transport equipment led all divisions with 12.9%.\n")
    facts = _mapped(text, published="2033-06-15")
    assert _cells(facts, "6.9%", "11.4%", "3.2%", "0.9%", "12.9%") == {
        "6.9%": ("va_yoy", "2033-05", "C"), "11.4%": ("va_yoy", "2033-05", "36"),
        "3.2%": ("va_yoy", "2033-05", "25"), "0.9%": ("va_yoy", "2033-05", "31"),
        "12.9%": ("va_yoy", "2033-05", "37")}
    assert facts["0.9%"].value == -0.9


def test_no_release_head_when_profits_came_first_or_a_product_row_is_read() -> None:
    text = ("Industry, May 2033 (simulated)\nBEIJING, June 27, 2033\n\nProfits of industrial "
            "firms rose 4.1% in January-May.\n\nRetail trade is covered elsewhere.\n\n"
            "Some context on the weather.\n\nMining grew 2.8%.\n\n"
            "Refiners processed 60.3 million tonnes of crude oil, up 2.4%.\n")
    facts = _mapped(text, published="2033-06-27")
    assert facts["2.8%"].indicator is None
    assert facts["2.4%"].indicator != "va_ytd_yoy"


def test_paces_set_against_others_and_a_pace_slowed_from_are_growth() -> None:
    text = ("Industrial production in October 2033 (simulated)\nBEIJING, November 15, 2033\n\n"
            "Value added of industrial enterprises grew 5.6%. Automobile manufacturing was the "
            "standout with a rise of 12.4%, while makers of railway, ship, aerospace and other "
            "transport equipment did even better at 14.2%. Private companies did better than the "
            "state sector at 6.2%. High-tech manufacturing grew 14.2 percent, outpacing the "
            "national 8.9 percent.\n")
    facts = _mapped(text, published="2033-11-15")
    assert _cells(facts, "14.2%", "6.2%", "8.9 percent") == {
        "14.2%": ("va_yoy", "2033-10", "37"), "6.2%": ("va_yoy_private", "2033-10", "ALL"),
        "8.9 percent": ("va_hightech_yoy", "2033-10", "ALL")}
    investment = _mapped("Investment, January-October 2033 (simulated)\nBEIJING, November 15, "
                         "2033\n\nManufacturing investment rose 10.4 percent in the first ten "
                         "months and investment in high-tech manufacturing 18.7 percent. "
                         "Manufacturing investment slowed from 10.1% in January-September.\n",
                         published="2033-11-15")
    assert _cells(investment, "18.7 percent", "10.1%") == {
        "18.7 percent": ("investment_hightech_mfg_ytd_yoy", "2033-01/2033-10", "ALL"),
        "10.1%": ("investment_mfg_ytd_yoy", "2033-01/2033-09", "ALL")}
    share = _mapped("Market shares in 2033 (simulated)\n\nIts share of the market rose to "
                    "31.2%, eased from 32.1% a year earlier.\n")
    assert share["32.1%"].measure == "share"


def test_a_province_s_figure_beside_the_national_one() -> None:
    text = ("Anhui industry, January-October 2033 (simulated)\nHEFEI, November 20, 2033\n\n"
            "In Anhui, investment in manufacturing rose 13.5 percent in the ten months, "
            "against 8.9 percent for manufacturing investment nationally. High-tech "
            "manufacturing in the province grew 14.2 percent, outpacing the national 9.1 "
            "percent.\n")
    facts = _mapped(text, published="2033-11-20")
    assert {m: facts[m].province for m in ("13.5 percent", "8.9 percent", "14.2 percent",
                                           "9.1 percent")} == {
        "13.5 percent": "340000", "8.9 percent": "ALL", "14.2 percent": "340000",
        "9.1 percent": "ALL"}


def test_counts_of_divisions_that_grew_worded_around_the_count() -> None:
    text = ("Industry in January-October 2033 (simulated)\nHEFEI, November 18, 2033\n\n"
            "In the first ten months, value added increased in 31 of Anhui's 40 industrial "
            "divisions. Of the 38 industrial divisions the bureau tracks, 30 expanded. "
            "Thirty-two of the 41 industrial divisions tracked by the bureau reported higher "
            "value added than a year before. Profits rose in 27 of the 41 industrial "
            "divisions. Of the 41 divisions, 12 saw profits fall.\n")
    facts = _mapped(text, published="2033-11-18")
    assert {m: (facts[m].indicator, facts[m].period) for m in
            ("31", "30", "Thirty-two", "27", "12")} == {
        "31": ("industries_growing_ytd", "2033-01/2033-10"),
        "30": ("industries_growing_ytd", "2033-01/2033-10"),
        "Thirty-two": ("industries_growing_ytd", "2033-01/2033-10"),
        "27": (None, "2033-01/2033-10"), "12": (None, "2033-01/2033-10")}


def test_where_figures_were_told_is_not_their_region() -> None:
    text = ("Car market, March 2033 (simulated)\nMarch 2033\n\nThe association told a press "
            "conference in Beijing on Tuesday that factories turned out 3.05 million vehicles "
            "during the month.\n")
    facts = _mapped(text, published="2033-04-12")
    assert (facts["3.05 million"].indicator, facts["3.05 million"].province) == (
        "auto_production", "ALL")


def test_a_month_in_a_clause_giving_a_cause_dates_the_cause_not_the_figure() -> None:
    text = ("2033年1—8月全省工业经济运行情况（模拟数据）\n发布时间：2033-09-15\n\n"
            "1—8月，全省规模以上工业增加值同比增长7.0%。\n\n"
            "分三大门类看，采矿业、制造业增加值分别增长2.5%和7.6%；电力、热力、燃气及水生产"
            "和供应业下降1.1%，主要受7月来水偏枯影响。\n")
    facts = _mapped(text, published="2033-09-15")
    assert _cells(facts, "2.5%", "7.6%", "1.1%") == {
        "2.5%": ("va_ytd_yoy", "2033-01/2033-08", "B"),
        "7.6%": ("va_ytd_yoy", "2033-01/2033-08", "C"),
        "1.1%": ("va_ytd_yoy", "2033-01/2033-08", "D")}
    english = _mapped("Industry, January-August 2033 (simulated)\nAugust 2033\n\nFrom January "
                      "to August, industrial value added grew 7.0 percent. Power and water "
                      "supply slipped 1.1 percent, reflecting a dry July.\n",
                      published="2033-09-15")
    assert english["1.1 percent"].period == "2033-01/2033-08"


def test_a_clause_stating_only_its_month_takes_the_subject_of_the_sentence_before() -> None:
    text = ("2033年1—8月全省工业经济运行情况（模拟数据）\n发布时间：2033-09-15\n\n"
            "1—8月，全省规模以上工业增加值同比增长7.0%，比全国（5.8%）高1.2个百分点。"
            "其中，8月当月增长7.5%，较7月（6.4%）有所回升。\n")
    facts = _mapped(text, published="2033-09-15")
    assert _cells(facts, "7.5%", "6.4%") == {"7.5%": ("va_yoy", "2033-08", "ALL"),
                                            "6.4%": ("va_yoy", "2033-07", "ALL")}
    # a clause naming a subject of its own keeps it
    other = _mapped("2033年8月工业生产（模拟数据）\n发布时间：2033-09-15\n\n"
                    "8月份，规模以上工业增加值同比增长5.8%。8月份，水泥产量下降4.1%。\n",
                    published="2033-09-15")
    assert other["4.1%"].indicator != "va_yoy"


def test_a_heading_stressing_the_last_month_of_the_span_keeps_the_span() -> None:
    text = ("Chongqing industry, January-October 2033 (simulated)\nNovember 16, 2033\n\n"
            "Steady gains\n\nThe index held up.\n\nFaster in October\n\n"
            "Value added of industrial enterprises in the city expanded 7.1 percent in the "
            "first ten months, picking up from 6.9 percent in January-September.\n\n"
            "October on its own saw value added climb 8.0 percent, quicker than September's "
            "7.2 percent.\n\n"
            "Looking at the sectors, manufacturing rose 7.7 percent and mining 3.1 percent.\n")
    facts = _mapped(text, published="2033-11-16")
    assert _cells(facts, "8.0 percent", "7.2 percent", "7.7 percent", "3.1 percent") == {
        "8.0 percent": ("va_yoy", "2033-10", "ALL"), "7.2 percent": ("va_yoy", "2033-09", "ALL"),
        "7.7 percent": ("va_ytd_yoy", "2033-01/2033-10", "C"),
        "3.1 percent": ("va_ytd_yoy", "2033-01/2033-10", "B")}


def test_a_month_said_alone_takes_the_growth_of_the_paragraph_before() -> None:
    text = ("Hunan industry, January-August 2033 (simulated)\nAugust 2033\n\n"
            "From January to August, value added of industrial enterprises in the province grew "
            "7.0 percent year on year.\n\nAugust alone brought a rise of 7.6 percent, compared "
            "with a gain of 6.4 percent in July.\n")
    facts = _mapped(text, published="2033-09-15")
    assert _cells(facts, "7.6 percent", "6.4 percent") == {
        "7.6 percent": ("va_yoy", "2033-08", "ALL"), "6.4 percent": ("va_yoy", "2033-07", "ALL")}


def test_a_product_amount_s_growth_and_a_pace_outrun_and_a_comparative_after_an_amount() -> None:
    text = ("Chongqing industry, January-October 2033 (simulated)\nNovember 16, 2033\n\n"
            "In the first ten months, value added of industry grew 7.1 percent. High-tech "
            "manufacturing increased 11.0 percent, comfortably outpacing the 9.0 percent "
            "logged nationwide.\n\n- Automobiles: 2.1 million vehicles, up 9.5 percent.\n"
            "- Cement: 58.9 million tonnes, 6.1 percent lower.\n\nOf the firms polled, 31% "
            "reported higher output and 22% lower.\n")
    facts = _mapped(text, published="2033-11-16")
    assert facts["9.0 percent"].indicator == "va_hightech_ytd_yoy"
    assert facts["9.0 percent"].province == "ALL"
    assert facts["9.5 percent"].indicator is None  # the vehicles', no value added
    assert facts["6.1 percent"].value == -6.1
    assert facts["22%"].value == 22.0


def test_profits_lists_with_a_repeated_of_ranked_owners_and_losses_which_totalled() -> None:
    text = ("Industrial profits in 2033 (simulated)\nJanuary 27, 2034\n\n"
            "In 2033, industrial enterprises made total profits of 7,500.0 billion yuan, up by "
            "3.5 percent. In December, industrial enterprises earned 840.0 billion yuan, 14.0 "
            "percent more than a year earlier, a clear acceleration from the 6.5 percent "
            "recorded in November.\n\nProfits of joint-stock enterprises, of enterprises "
            "funded by foreign investors and investors from Hong Kong, Macao and Taiwan, and "
            "of private enterprises went up by 3.0 percent, 5.1 percent and 4.0 percent "
            "respectively.\n\nManufacture of railway, ships, aerospace and other transport "
            "equipment was among the fastest, with profits rising 23.0 percent, followed by "
            "computers, communication and other electronic equipment (17.5 percent).\n\n"
            "For the year as a whole, 130,000 enterprises reported losses, which totalled "
            "1,020.0 billion yuan.\n")
    facts = _mapped(text, published="2034-01-27")
    assert _cells(facts, "6.5 percent", "3.0 percent", "5.1 percent", "4.0 percent",
                  "23.0 percent", "17.5 percent", "130,000", "1,020.0 billion yuan") == {
        "6.5 percent": ("profit_month_yoy", "2033-11", "ALL"),
        "3.0 percent": ("profit_ytd_yoy_shareholding", "2033", "ALL"),
        "5.1 percent": ("profit_ytd_yoy_foreign", "2033", "ALL"),
        "4.0 percent": ("profit_ytd_yoy_private", "2033", "ALL"),
        "23.0 percent": ("profit_ytd_yoy", "2033", "37"),
        "17.5 percent": ("profit_ytd_yoy", "2033", "39"),
        "130,000": ("loss_making_ytd", "2033", "ALL"),
        "1,020.0 billion yuan": ("loss_ytd", "2033", "ALL")}
    sectors = _mapped("Industry in December 2033 (simulated)\nJanuary 17, 2034\n\nBy sector, "
                      "in December the value added of mining, of manufacturing and of the "
                      "production and supply of electricity, heat, gas and water grew 4.0%, "
                      "5.2% and 2.5% year on year respectively.\n", published="2034-01-17")
    assert [sectors[m].industry for m in ("4.0%", "5.2%", "2.5%")] == ["B", "C", "D"]


def test_new_businesses_gigabit_ports_and_a_second_quantity_of_the_same_owner() -> None:
    text = ("Telecom industry, January-April 2033 (simulated)\nMay 22, 2033\n\n"
            "The so-called new businesses, which include IPTV, internet data centers (IDC), big "
            "data and cloud computing, generated revenue of 150.0 billion yuan, expanding 9.0 "
            "percent year on year. Ports able to deliver gigabit services, known as 10G PON "
            "ports, reached 35.0 million.\n")
    facts = _mapped(text, published="2033-05-22")
    assert facts["9.0 percent"].indicator == "telecom_emerging_revenue_yoy"
    assert facts["35.0 million"].indicator == "gigabit_ports"
    makers = _mapped("Electronics in 2033 (simulated)\nNovember 28, 2033\n\nIn the first ten "
                     "months, communication equipment makers generated revenue of 4.0 trillion "
                     "yuan, up 6.0%, and profit of 160.0 billion yuan, up 12.0%.\n",
                     published="2033-11-28")
    assert makers["12.0%"].indicator is None  # a part of division 39, not all industry
    assert "communication equipment makers" in makers["12.0%"].subject


def test_chinese_industries_the_glossary_does_not_know_and_national_paces_after_a_growth() -> None:
    text = ("2033年1—10月全市工业经济运行情况（模拟数据）\n发布时间：2033-11-16\n\n"
            "1—10月，全市规模以上工业增加值同比增长7.1%。汽车产业增加值同比增长12.0%。"
            "电子产业增长8.0%。装备产业增长6.5%；材料产业增长4.0%。专用设备制造业增加值增长"
            "11.0%，其中工程机械行业增长18.0%。分行业看，重点行业增长较快。全市高技术制造业"
            "增加值同比增长11.0%，增速高于全国同期9.0%的水平。汽车及零部件出口保持较快增长。"
            "黑色金属冶炼和压延加工业实现利润总额35.0亿元，上年为亏损。\n")
    facts = _mapped(text, published="2033-11-16")
    assert _cells(facts, "8.0%", "6.5%", "4.0%", "18.0%", "9.0%", "35.0亿元") == {
        "8.0%": ("va_ytd_yoy", "2033-01/2033-10", "39"),
        "6.5%": (None, "2033-01/2033-10", "ALL"), "4.0%": (None, "2033-01/2033-10", "ALL"),
        "18.0%": (None, "2033-01/2033-10", "ALL"),
        "9.0%": ("va_hightech_ytd_yoy", "2033-01/2033-10", "ALL"),
        "35.0亿元": ("profit_ytd", "2033-01/2033-10", "31")}
    assert facts["9.0%"].province == "ALL"
    assert "零" not in facts  # 零部件 states no figure


def test_the_whole_country_where_and_the_press_s_names_of_equipment_and_food_divisions() -> None:
    text = ("Hunan industry, January-August 2033 (simulated)\nAugust 2033\n\n"
            "From January to August, value added of industrial enterprises in the province grew "
            "7.0 percent. The province stayed ahead of the whole country, where industry "
            "expanded by 5.7 percent over the same stretch. Special-purpose equipment makers "
            "led the way with an increase of 11.0 percent, and agricultural and sideline food "
            "processing advanced 4.5 percent.\n")
    facts = _mapped(text, published="2033-09-15")
    assert facts["5.7 percent"].province == "ALL"
    assert _cells(facts, "11.0 percent", "4.5 percent") == {
        "11.0 percent": ("va_ytd_yoy", "2033-01/2033-08", "35"),
        "4.5 percent": ("va_ytd_yoy", "2033-01/2033-08", "13")}


def test_chinese_outlooks_national_profits_in_brackets_and_places_of_another_clause() -> None:
    text = ("2033年1—9月全省工业经济运行情况（模拟数据）\n发布时间：2033-10-20\n\n"
            "1—9月，全省规模以上工业增加值同比增长5.5%。\n\n"
            "分三大门类看，采矿业增加值增长2.0%；制造业增长6.5%，其中沈阳、大连两市制造业企业生产"
            "保持活跃；电力、热力、燃气及水生产和供应业增长3.5%。\n\n"
            "专用设备制造业增长12.0%，部分企业订单已排至明年上半年。\n\n"
            "1—8月，全省规模以上工业企业实现利润总额1200.0亿元，同比增长7.0%，高于全国规模以上"
            "工业企业利润增速（2.5%）。\n")
    facts = _mapped(text, published="2033-10-20")
    assert _cells(facts, "3.5%", "12.0%", "2.5%") == {
        "3.5%": ("va_ytd_yoy", "2033-01/2033-09", "D"),
        "12.0%": ("va_ytd_yoy", "2033-01/2033-09", "35"),
        "2.5%": ("profit_ytd_yoy", "2033-01/2033-08", "ALL")}
    assert facts["2.5%"].province == "ALL"


def test_a_province_beside_the_nation_in_news_words_and_owners_running_at_a_loss() -> None:
    text = ("Liaoning industry, January-September 2033 (simulated)\nOctober 25, 2033\n\n"
            "From January to September, value added of industrial enterprises in the province "
            "grew 5.5 percent. September alone saw value added rise 7.5 percent, comfortably "
            "above the national reading of 5.6 percent for the month. General-purpose "
            "equipment, home to Liaoning's bearings and machine tools, was up 10.5 percent.\n\n"
            "Over January to August, industrial enterprises in Liaoning made total profits of "
            "120.0 billion yuan, up 7.0 percent, far outpacing the 2.5 percent growth of "
            "industrial profits across China. Some 2,100 enterprises were running at a loss.\n")
    facts = _mapped(text, published="2033-10-25")
    assert (facts["5.6 percent"].indicator, facts["5.6 percent"].province) == ("va_yoy", "ALL")
    assert facts["10.5 percent"].industry == "34"
    assert (facts["2.5 percent"].indicator, facts["2.5 percent"].province) == (
        "profit_ytd_yoy", "ALL")
    assert facts["2,100"].indicator == "loss_making_ytd"


def test_a_car_trade_story_s_flows_kinds_and_parts() -> None:
    text = ("Car market, October 2033 (simulated)\nNov 10, 2033\n\n"
            "Data released by the association show 3.3 million vehicles rolled off assembly "
            "lines during the month, 2.5% up on September and a year-on-year increase of 6.0%.\n\n"
            "Wholesale deliveries were 3.4 million.\n\n"
            "Output of new-energy vehicles reached 2.0 million in October, up 27.0% on the year. "
            "Sales rose to 2.1 million, which works out to growth of 26.0%.\n\n"
            "Chinese makers exported 650,000 vehicles in October, 13.0% more than a year before."
            "\n\nOver January-October, the industry produced 29.5 million vehicles and sold 30.0 "
            "million, for year-on-year gains of 7.0% and 7.2% respectively. Cumulative NEV "
            "production stood at 16.5 million, rising 31.0% on the same ten months of 2032. "
            "Year-to-date exports amounted to 6.5 million vehicles. New-energy vehicles made up "
            "2.4 million of that figure.\n")
    facts = _mapped(text, published="2033-11-10")
    assert {m: (facts[m].indicator, facts[m].period) for m in (
        "6.0%", "3.4 million", "2.1 million", "26.0%", "650,000", "29.5 million",
        "30.0 million", "7.2%", "16.5 million", "31.0%", "2.4 million")} == {
        "6.0%": ("auto_production_yoy", "2033-10"), "3.4 million": ("auto_sales", "2033-10"),
        "2.1 million": ("nev_sales", "2033-10"), "26.0%": ("nev_sales_yoy", "2033-10"),
        "650,000": ("auto_exports", "2033-10"),
        "29.5 million": ("auto_production", "2033-01/2033-10"),
        "30.0 million": ("auto_sales", "2033-01/2033-10"),
        "7.2%": ("auto_sales_yoy", "2033-01/2033-10"),
        "16.5 million": ("nev_production", "2033-01/2033-10"),
        "31.0%": ("nev_production_yoy", "2033-01/2033-10"),
        "2.4 million": ("nev_exports", "2033-01/2033-10")}
    chinese = _mapped("2033年10月汽车工业产销情况（模拟数据）\n发布时间：2033-11-10\n\n"
                      "1—10月，汽车产销累计完成2950万辆和3000万辆，同比分别增长7.0%和7.2%。\n",
                      published="2033-11-10")
    assert [chinese[m].indicator for m in ("2950万", "3000万", "7.0%", "7.2%")] == [
        "auto_production", "auto_sales", "auto_production_yoy", "auto_sales_yoy"]


def test_a_newswire_s_forecasts_quarters_paces_and_elliptical_groups() -> None:
    text = ("Industrial output, September 2033 (simulated)\nBEIJING, Oct 16, 2033\n\n"
            "Value added at industrial firms rose 5.7% from a year earlier in September, "
            "comfortably above the 5.4% median estimate of economists in a newswire poll.\n\n"
            "Month on month, seasonally adjusted output expanded 0.45%.\n\n"
            "For the July-September quarter as a whole, growth came to 5.3%, a slowdown of 0.3 "
            "percentage point from the second quarter.\n\n"
            "Companies funded by foreign, Hong Kong, Macao and Taiwan investors lagged behind "
            "with growth of 3.1%. The computer, communication and other electronic equipment "
            "division was 13.0% higher.\n\n"
            "High-tech manufacturing expanded 9.5% in the month and equipment manufacturing "
            "8.6%. Over January-September, the two groups grew 9.6% and 8.4%, respectively.\n\n"
            "Automobile output climbed 7.3%, with new-energy vehicles surging 21.0% to 1.7 "
            "million units.\n\n\"We expect industrial growth to ease to around 5.1% in the fourth "
            "quarter and see the full year at about 5.5%,\" said an economist.\n")
    facts = _mapped(text, published="2033-10-16")
    assert not {"5.4%", "5.1%", "5.5%"} & set(facts)  # forecasts and estimates of others
    assert {m: (facts[m].indicator, facts[m].period, facts[m].value) for m in (
        "0.45%", "5.3%", "0.3 percentage point", "3.1%", "13.0%", "8.6%", "9.6%", "8.4%",
        "21.0%", "1.7 million")} == {
        "0.45%": ("va_mom", "2033-09", 0.45), "5.3%": ("va_quarter_yoy", "2033-Q3", 5.3),
        "0.3 percentage point": ("va_growth_change_pp", "2033-Q3", -0.3),
        "3.1%": ("va_yoy_foreign", "2033-09", 3.1), "13.0%": ("va_yoy", "2033-09", 13.0),
        "8.6%": ("va_equipment_yoy", "2033-09", 8.6),
        "9.6%": ("va_hightech_ytd_yoy", "2033-01/2033-09", 9.6),
        "8.4%": ("va_equipment_ytd_yoy", "2033-01/2033-09", 8.4),
        "21.0%": ("nev_production_yoy", "2033-09", 21.0),
        "1.7 million": ("nev_production", "2033-09", 1700000.0)}


def test_a_headline_on_a_province_s_industrial_growth() -> None:
    text = ("Liaoning industry in the first three quarters of 2033 (simulated)\n\n"
            "Home > Regions | Updated: 2033-10-25\n\n"
            "Car plants lift Liaoning's industry to 5.5% growth\n\n"
            "SHENYANG -- The province's factories kept their pace, data showed on Wednesday.\n\n"
            "From January to September, value added of industrial enterprises above designated "
            "size in Liaoning grew 5.5 percent.\n")
    facts = _mapped(text, published="2033-10-25")
    assert (facts["5.5%"].indicator, facts["5.5%"].period, facts["5.5%"].province) == (
        "va_ytd_yoy", "2033-01/2033-09", "210000")


def test_a_news_agency_s_profit_words() -> None:
    text = ("Industrial profits, January-February 2034 (simulated)\nBEIJING, March 27, 2034\n\n"
            "Earnings at China's larger industrial companies rose 5.0 percent in the first two "
            "months of 2034. Industrial enterprises above designated size earned 1,100.0 billion "
            "yuan in January and February combined.\n\n"
            "State-holding enterprises made 390.0 billion yuan, only 1.0% more than a year "
            "before. Mining profits dropped 11.0%, dragged down by coal mining and washing, "
            "where earnings plunged 30.0%. Manufacturers took home 820.0 billion yuan, up 10.0%."
            "\n\nElectrical machinery producers, whose ranks include battery makers, added 18.0%. "
            "Automakers, caught in a bruising price war, saw profits shrink 3.0%. Ferrous metal "
            "smelting and rolling, however, swung to a profit of 6.0 billion yuan.\n\n"
            "The ranks of loss-makers swelled to 190,000 companies over the two months.\n")
    facts = _mapped(text, published="2034-03-27")
    assert _cells(facts, "5.0 percent", "1,100.0 billion yuan", "1.0%", "30.0%",
                  "820.0 billion yuan", "18.0%", "3.0%", "6.0 billion yuan", "190,000") == {
        "5.0 percent": ("profit_ytd_yoy", "2034-01/2034-02", "ALL"),
        "1,100.0 billion yuan": ("profit_ytd", "2034-01/2034-02", "ALL"),
        "1.0%": ("profit_ytd_yoy_state_holding", "2034-01/2034-02", "ALL"),
        "30.0%": ("profit_ytd_yoy", "2034-01/2034-02", "06"),
        "820.0 billion yuan": ("profit_ytd", "2034-01/2034-02", "C"),
        "18.0%": ("profit_ytd_yoy", "2034-01/2034-02", "38"),
        "3.0%": ("profit_ytd_yoy", "2034-01/2034-02", "36"),
        "6.0 billion yuan": ("profit_ytd", "2034-01/2034-02", "31"),
        "190,000": ("loss_making_ytd", "2034-01/2034-02", "ALL")}


def test_a_broadcaster_s_pmi_words_and_its_related_links() -> None:
    text = ("PMI, October 2033 (simulated)\nTuesday, 31 October 2033\n\n"
            "The official purchasing managers' index, the first big read on the economy each "
            "month, came in at 50.3, up from 50.0 in September. The production sub-index jumped "
            "0.6 point to 51.5, while new orders improved to 50.7, 0.5 point higher than a month "
            "ago. The high-tech manufacturing PMI, he said, was 52.5.\n\n"
            "Add it all up and the composite PMI output index, the bureau's broadest gauge of "
            "activity, was 51.4. Another house is looking for the PMI to ease back toward 50 by "
            "December.\n\nRELATED\n- China's September factory gauge creeps back above 51\n")
    facts = _mapped(text, published="2033-10-31")
    assert {m: (facts[m].indicator, facts[m].period) for m in ("50.0", "50.7", "52.5", "51.4")} == {
        "50.0": ("pmi_manufacturing", "2033-09"), "50.7": ("pmi_new_orders", "2033-10"),
        "52.5": (None, "2033-10"), "51.4": ("pmi_composite", "2033-10")}
    assert "50" not in facts and "51" not in facts  # a forecast and a related link


def test_energy_industries_and_products_without_a_cell_and_a_pace_after_the_nation_s() -> None:
    chinese = _mapped("2033年1—11月全省工业经济运行情况（模拟数据）\n发布时间：2033-12-15\n\n"
                      "1—11月，全省规模以上工业增加值同比增长6.5%。全省能源工业增加值增长4.0%；非能源"
                      "工业增长9.5%。全省规上工业原煤产量70000万吨，同比增长2.5%。\n",
                      published="2033-12-15")
    assert [chinese[m].indicator for m in ("4.0%", "9.5%", "2.5%")] == [None, None, None]
    text = ("Shaanxi industry, January-November 2033 (simulated)\nDecember 15, 2033\n\n"
            "Value added of industrial enterprises in Shaanxi grew 6.5 percent year on year in "
            "January-November, picking up from 6.3 percent in the first ten months. That left "
            "the province ahead of the national average of 5.8 percent for the same period.\n\n"
            "Growth in November alone quickened to 7.2 percent, after a 6.0 percent rise in "
            "October.\n")
    facts = _mapped(text, published="2033-12-15")
    assert {m: (facts[m].indicator, facts[m].period, facts[m].province) for m in (
        "6.3 percent", "5.8 percent", "7.2 percent", "6.0 percent")} == {
        "6.3 percent": ("va_ytd_yoy", "2033-01/2033-10", "610000"),
        "5.8 percent": ("va_ytd_yoy", "2033-01/2033-11", "ALL"),
        "7.2 percent": ("va_yoy", "2033-11", "610000"),
        "6.0 percent": ("va_yoy", "2033-10", "610000")}


def test_a_wire_story_s_quarter_half_sectors_and_groupings() -> None:
    text = ("Industrial output, June 2033 (simulated)\nBEIJING, July 17, 2033\n\n"
            "Value added of industrial firms above designated size rose 6.1% from a year "
            "earlier, only a touch below May's pace: growth eased by 0.1 percentage point.\n\n"
            "Second-quarter industrial growth came in at 6.0%, and first-half output was up "
            "5.9% on the same period of 2032.\n\n"
            "* Manufacturing jumped 6.7% in June; mining was 4.0% higher and utilities added "
            "2.9%\n\n"
            "The main driver was the equipment sector, whose value added expanded 8.4% in the "
            "month and has gained 8.0% since January. The division making computers, telecoms "
            "gear and other electronics posted a 13.3% rise. Makers of non-metallic mineral "
            "products shrank 3.7%, and cement output itself fell 6.2%. Vehicle factories turned "
            "out 2.7 million units, 8.5% more than in June last year, and 1.8 million of them "
            "were new energy vehicles. Joint-stock companies and foreign-invested firms "
            "(including Hong Kong, Macao and Taiwan capital) grew 6.5% and 3.5% respectively."
            "\n")
    facts = _mapped(text, published="2033-07-17")
    assert {m: (facts[m].indicator, facts[m].period, facts[m].industry) for m in (
        "0.1 percentage point", "6.0%", "5.9%", "4.0%", "2.9%", "8.4%", "8.0%", "13.3%",
        "6.2%", "8.5%", "1.8 million", "3.5%")} == {
        "0.1 percentage point": ("va_growth_change_pp", "2033-06", "ALL"),
        "6.0%": ("va_quarter_yoy", "2033-Q2", "ALL"), "5.9%": ("va_ytd_yoy", "2033-H1", "ALL"),
        "4.0%": ("va_yoy", "2033-06", "B"), "2.9%": ("va_yoy", "2033-06", "D"),
        "8.4%": ("va_equipment_yoy", "2033-06", "ALL"),
        "8.0%": ("va_equipment_ytd_yoy", "2033-H1", "ALL"),
        "13.3%": ("va_yoy", "2033-06", "39"), "6.2%": ("cement_output_yoy", "2033-06", "ALL"),
        "8.5%": ("auto_production_yoy", "2033-06", "ALL"),
        "1.8 million": ("nev_production", "2033-06", "ALL"),
        "3.5%": ("va_yoy_foreign", "2033-06", "ALL")}


def test_a_province_s_month_after_another_figure_parts_within_a_division_and_the_mainland() -> None:
    text = ("Fujian industry, January-July 2033 (simulated)\nAugust 16, 2033\n\n"
            "Value added of industrial enterprises above designated size rose 6.7 percent in the "
            "first seven months. That was a touch better than the 6.4 percent logged for the "
            "first half and put the province ahead of the mainland as a whole, where industrial "
            "value added grew by 5.6 percent over the same period.\n\n"
            "Taken on its own, July was stronger still. Factory value added jumped 7.3 percent "
            "from a year earlier, after a 6.8 percent increase in June.\n\n"
            "Electrical machinery and equipment was again the star, its value added climbing "
            "15.5 percent. Within that, lithium-ion battery manufacturing alone surged 21.0 "
            "percent. Ferrous metal smelting and pressing put on 5.0 percent, and the leather, "
            "fur, feather and footwear industry shrank 3.3 percent.\n")
    facts = _mapped(text, published="2033-08-16")
    assert {m: (facts[m].indicator, facts[m].period, facts[m].industry, facts[m].province)
            for m in ("6.4 percent", "5.6 percent", "7.3 percent", "21.0 percent",
                      "5.0 percent", "3.3 percent")} == {
        "6.4 percent": ("va_ytd_yoy", "2033-H1", "ALL", "350000"),
        "5.6 percent": ("va_ytd_yoy", "2033-01/2033-07", "ALL", "ALL"),
        "7.3 percent": ("va_yoy", "2033-07", "ALL", "350000"),
        "21.0 percent": (None, "2033-01/2033-07", "ALL", "ALL"),
        "5.0 percent": ("va_ytd_yoy", "2033-01/2033-07", "31", "350000"),
        "3.3 percent": ("va_ytd_yoy", "2033-01/2033-07", "19", "350000")}


def test_sme_batches_plans_after_the_half_and_a_part_of_the_amount_before() -> None:
    chinese = _mapped("工业和信息化部新闻发布会（模拟数据）\n发布时间：2033-07-27\n\n"
                      "截至6月底，全国累计培育专精特新中小企业21.0万家。5月份，我们认定了第七批专精特新"
                      "“小巨人”企业共1050家。\n\n郭敏：下半年，我们将重点做好以下工作：一是力争到年底专精"
                      "特新中小企业达到22.0万家；二是推动中小企业特色产业集群总数扩大到480个。\n",
                      published="2033-07-27")
    assert [chinese[m].indicator for m in ("1050", "22.0万", "480")] == [None, None, None]
    text = ("SME press conference, first half of 2033 (simulated)\nJuly 27, 2033\n\n"
            "Value added of industrial enterprises above designated size grew 5.8 percent in "
            "January-June, and manufacturing did a little better at 6.3 percent. By end-June "
            "the national industry-finance cooperation platform had helped enterprises raise a "
            "cumulative 5.40 trillion yuan, 620 billion yuan of it in the past six months.\n")
    facts = _mapped(text, published="2033-07-27")
    assert _cells(facts, "6.3 percent", "620 billion yuan") == {
        "6.3 percent": ("va_ytd_yoy", "2033-H1", "C"),
        "620 billion yuan": (None, "2033-01/2033-06", "ALL")}


def test_a_trade_weekly_s_telecom_words() -> None:
    text = ("Telecom, January-August 2033 (simulated)\nSeptember 22, 2033\n\n"
            "The total volume of telecom services, which the ministry measures at the previous "
            "year's prices, came in at 1.30 trillion yuan, expanding 9.0%. Gigabit users - those "
            "on 1,000 Mbps plans and above - reached 300 million. The 5G build-out added 370,000 "
            "sites in net terms this year, taking the tally to 5.80 million, so that 5G now "
            "makes up 42.0% of all mobile base stations.\n")
    facts = _mapped(text, published="2033-09-22")
    assert {m: facts[m].indicator for m in ("1.30 trillion yuan", "9.0%", "300 million",
                                            "5.80 million", "42.0%")} == {
        "1.30 trillion yuan": "telecom_volume", "9.0%": "telecom_volume_yoy",
        "300 million": "gigabit_users", "5.80 million": "g5_base_stations",
        "42.0%": "g5_base_stations_share"}
    assert "1,000 Mbps" not in facts  # a threshold
    chinese = _mapped("2033年1—8月通信业经济运行情况（模拟数据）\n发布时间：2033-09-22\n\n"
                      "截至8月末，固定互联网宽带接入用户总数达7.20亿户。其中，100Mbps及以上接入速率的"
                      "固定互联网宽带接入用户达6.90亿户。\n", published="2033-09-22")
    assert (chinese["7.20亿"].indicator, chinese["6.90亿"].indicator) == (
        "fixed_broadband_users", None)


def test_a_commodities_note_s_respectively_index_base_and_the_whole_industry_s_pace() -> None:
    text = ("Steel, July 2033 (simulated)\nAugust 15, 2033\n\n"
            "Pig iron output was 72.0 million tonnes in July and 510.0 million tonnes in "
            "January-July, falling 2.5% and 1.8% year on year respectively. (The index is set at "
            "100 for April 1994.)\n\nValue added in the smelting and pressing of ferrous metals "
            "rose 1.5% year on year in July. Growth for January-July stood at 2.2%, well short of "
            "the 5.8% posted by all industrial enterprises above designated size.\n")
    facts = _mapped(text, published="2033-08-15")
    assert {m: (facts[m].indicator, facts[m].period, facts[m].industry) for m in (
        "2.5%", "1.8%", "2.2%", "5.8%")} == {
        "2.5%": ("pig_iron_output_yoy", "2033-07", "ALL"),
        "1.8%": ("pig_iron_output_yoy", "2033-01/2033-07", "ALL"),
        "2.2%": ("va_ytd_yoy", "2033-01/2033-07", "31"),
        "5.8%": ("va_ytd_yoy", "2033-01/2033-07", "ALL")}
    assert "100" not in facts


def test_a_provincial_supplement_s_months_asides_and_products() -> None:
    text = ("Guizhou industry, January-September 2033 (simulated)\nOctober 25, 2033\n\n"
            "From January to September, value added of industrial enterprises in Guizhou grew "
            "7.2 percent.\n\nSeptember was particularly strong. Provincial industrial value "
            "added jumped 8.4 percent from a year earlier that month, compared with a national "
            "reading of 6.0 percent.\n\nThe electric power and heat industry climbed 9.3 percent. "
            "The manufacture of liquor, beverages and refined tea, anchored by the Moutai town "
            "distilleries, grew 4.1 percent. Output of baijiu, however, eased 2.5 percent. "
            "Electrical machinery and equipment, the category that covers the battery makers "
            "around Guiyang and Anshun, surged 31.0 percent.\n\nProfits of industrial firms "
            "across China rose 2.8 percent in January-August.\n")
    facts = _mapped(text, published="2033-10-25")
    assert {m: (facts[m].indicator, facts[m].period, facts[m].industry, facts[m].province)
            for m in ("8.4 percent", "6.0 percent", "9.3 percent", "4.1 percent", "2.5 percent",
                      "31.0 percent", "2.8 percent")} == {
        "8.4 percent": ("va_yoy", "2033-09", "ALL", "520000"),
        "6.0 percent": ("va_yoy", "2033-09", "ALL", "ALL"),
        "9.3 percent": ("va_ytd_yoy", "2033-01/2033-09", "44", "520000"),
        "4.1 percent": ("va_ytd_yoy", "2033-01/2033-09", "15", "520000"),
        "2.5 percent": (None, "2033-01/2033-09", "ALL", "ALL"),
        "31.0 percent": ("va_ytd_yoy", "2033-01/2033-09", "38", "520000"),
        "2.8 percent": ("profit_ytd_yoy", "2033-01/2033-08", "ALL", "ALL")}
    chinese = _mapped("2033年前三季度全省工业经济运行情况（模拟数据）\n发布时间：2033-10-25\n\n"
                      "前三季度，全省规模以上工业增加值同比增长7.2%。化学原料和化学制品制造业增长6.0%，"
                      "其中磷化工增长8.5%。全省规模以上工业发电量1800.0亿千瓦时，同比增长9.0%，增速高于"
                      "全国（3.2%）。\n", published="2033-10-25")
    assert _cells(chinese, "8.5%", "3.2%") == {
        "8.5%": (None, "2033-01/2033-09", "ALL"),
        "3.2%": ("power_generation_output_yoy", "2033-01/2033-09", "ALL")}


def test_a_month_posting_an_expansion_and_a_rise_on_the_month_before() -> None:
    text = ("Industry in September 2033 (simulated)\nOctober 20, 2033\n\n"
            "Value added of industrial enterprises went up 5.8 percent year on year in the "
            "January-September period. Growth in the third quarter alone came in at 5.6 percent, "
            "and September posted an expansion of 6.0 percent from a year earlier.\n\n"
            "September was stronger still: value added climbed 6.2% on a year earlier and 0.70% "
            "on August.\n")
    facts = _mapped(text, published="2033-10-20")
    assert {m: (facts[m].indicator, facts[m].period) for m in ("5.6 percent", "6.0 percent",
                                                              "0.70%")} == {
        "5.6 percent": ("va_quarter_yoy", "2033-Q3"), "6.0 percent": ("va_yoy", "2033-09"),
        "0.70%": ("va_mom", "2033-09")}


def test_a_regional_daily_s_telecom_figures_and_the_province_named_before() -> None:
    text = ("Telecom, January-May 2033 (simulated)\nJune 22, 2033\n\n"
            "Operators took in 740.0 billion yuan of telecom business revenue from January to "
            "May, up 2.1 percent from a year earlier.\n\n"
            "Carriers ran 13.90 million mobile base stations nationwide at the end of May. Some "
            "5.70 million of them were 5G sites, and 5G now accounts for 41.0 percent of all base "
            "stations. Ports capable of delivering gigabit service, 10G-PON and above, reached "
            "37.0 million.\n\n"
            "Zhejiang's operators booked 53.0 billion yuan of telecom revenue in the five months. "
            "The province had 320,000 5G base stations at the end of May.\n")
    facts = _mapped(text, published="2033-06-22")
    assert {m: (facts[m].indicator, facts[m].province) for m in (
        "2.1 percent", "5.70 million", "41.0 percent", "37.0 million", "320,000")} == {
        "2.1 percent": ("telecom_revenue_yoy", "ALL"),
        "5.70 million": ("g5_base_stations", "ALL"),
        "41.0 percent": ("g5_base_stations_share", "ALL"),
        "37.0 million": ("gigabit_ports", "ALL"), "320,000": ("g5_base_stations", "330000")}


def test_an_ev_site_s_deliveries_and_a_month_on_the_month_before() -> None:
    text = ("NEV sales rise in September 2033 (simulated)\nOct 14, 2033\n\n"
            "China's new-energy vehicle makers delivered 2.10 million cars and commercial "
            "vehicles last month, the automobile manufacturers' association said on Tuesday, a "
            "rise of 20.0% over September 2032, while output reached 2.05 million units, 21.0% "
            "above the same month a year earlier.\n\n"
            "Factories turned out 3.00 million vehicles during the month, an increase of 40.0% "
            "over a short, holiday-hit February and of 5.5% against March 2032.\n")
    facts = _mapped(text, published="2033-10-14")
    assert {m: facts[m].indicator for m in ("2.10 million", "20.0%", "2.05 million", "21.0%",
                                            "40.0%")} == {
        "2.10 million": "nev_sales", "20.0%": "nev_sales_yoy", "2.05 million": "nev_production",
        "21.0%": "nev_production_yoy", "40.0%": None}


def test_a_title_naming_the_month_s_shipments_first_and_national_high_tech_paces() -> None:
    text = ("June shipments edge higher as NEV sales hit a record; first half closes ahead "
            "(simulated)\n"
            "Published 13 Jul 2033\n\nNew-energy vehicles\n\n"
            "NEV output and deliveries reached 1.80 million and 1.85 million units respectively, "
            "growing 24.0% and 23.0% from a year earlier.\n")
    facts = _mapped(text, published="2033-07-13")
    assert (facts["1.85 million"].indicator, facts["1.85 million"].period) == (
        "nev_sales", "2033-06")
    english = _mapped("Hebei industry, January-October 2033 (simulated)\nNovember 15, 2033\n\n"
                      "In the first ten months, high-tech manufacturing in Hebei rose 10.5 "
                      "percent, compared with 9.0 percent for high-tech manufacturing "
                      "nationwide.\n",
                      published="2033-11-15")
    assert (english["9.0 percent"].indicator, english["9.0 percent"].province) == (
        "va_hightech_ytd_yoy", "ALL")
    chinese = _mapped("2033年1—10月全省工业经济运行情况（模拟数据）\n发布时间：2033-11-15\n\n"
                      "1—10月份，全省装备制造业增加值同比增长11.0%；高技术制造业增加值增长10.5%，高于"
                      "全国高技术制造业（9.0%）增速。其中，10月份全省规模以上工业增加值同比增长7.0%，"
                      "全国同期为增长5.5%。\n", published="2033-11-15")
    assert _cells(chinese, "9.0%", "5.5%") == {
        "9.0%": ("va_hightech_ytd_yoy", "2033-01/2033-10", "ALL"),
        "5.5%": ("va_yoy", "2033-10", "ALL")}


def test_a_markets_page_s_profit_words() -> None:
    text = ("Industrial profits, January-October 2033 (simulated)\nNov 27, 2033\n\n"
            "Industrial enterprises above designated size - those with annual main-business "
            "revenue of at least 20 million yuan - earned 6,100.00 billion yuan in combined "
            "profits from January through October. That was 4.2% more than a year earlier and a "
            "shade better than the 3.9% pace logged for January-September.\n\n"
            "Joint-stock firms did better, lifting earnings by 3.8%. Foreign-funded enterprises, "
            "a category that includes investors from Hong Kong, Macao and Taiwan, and private "
            "companies grew 7.1% and 5.3% respectively. Manufacturers, by contrast, pulled in "
            "4,590.00 billion yuan, 7.8% more than a year ago.\n\n"
            "The October snapshot told a similar story: manufacturing profits climbed 9.3% from "
            "the same month of 2032, whereas mining earnings dipped 3.0%.\n\nWINNERS\n\n"
            "Over January-October, non-ferrous smelters and rolling mills stood out, their "
            "profits soaring 24.0%, and carmakers chalked up 10.1%.\n")
    facts = _mapped(text, published="2033-11-27")
    assert "20 million yuan" not in facts
    assert _cells(facts, "6,100.00 billion yuan", "3.9%", "3.8%", "7.1%",
                  "4,590.00 billion yuan", "9.3%", "3.0%", "24.0%", "10.1%") == {
        "6,100.00 billion yuan": ("profit_ytd", "2033-01/2033-10", "ALL"),
        "3.9%": ("profit_ytd_yoy", "2033-01/2033-09", "ALL"),
        "3.8%": ("profit_ytd_yoy_shareholding", "2033-01/2033-10", "ALL"),
        "7.1%": ("profit_ytd_yoy_foreign", "2033-01/2033-10", "ALL"),
        "4,590.00 billion yuan": ("profit_ytd", "2033-01/2033-10", "C"),
        "9.3%": ("profit_month_yoy", "2033-10", "C"),
        "3.0%": ("profit_month_yoy", "2033-10", "B"),
        "24.0%": ("profit_ytd_yoy", "2033-01/2033-10", "32"),
        "10.1%": ("profit_ytd_yoy", "2033-01/2033-10", "36")}


def test_a_technology_site_s_totals_net_additions_and_a_nationwide_clause() -> None:
    text = ("Telecom, January-October 2033 (simulated)\nNovember 24, 2033\n\n"
            "Across the first ten months, telecom business revenue added up to 1.50 trillion "
            "yuan. That is 2.5% more than in the same stretch of 2032. The operators signed up a "
            "net 76.0 million 5G users over the ten months. Ports capable of delivering gigabit "
            "service, meaning 10G-PON and above, totalled 36.0 million.\n\n"
            "Crude steel output came to 59.0 million tons, falling 3.0 percent; nationwide, crude "
            "steel production stood at 920.0 million tons, a decrease of 2.3 percent.\n")
    facts = _mapped(text, published="2033-11-24")
    assert {m: (facts[m].indicator, facts[m].period) for m in (
        "1.50 trillion yuan", "2.5%", "76.0 million", "36.0 million")} == {
        "1.50 trillion yuan": ("telecom_revenue", "2033-01/2033-10"),
        "2.5%": ("telecom_revenue_yoy", "2033-01/2033-10"),
        "76.0 million": (None, "2033-01/2033-10"),
        "36.0 million": ("gigabit_ports", "2033-10-31")}
    assert facts["920.0 million tons"].region == "CN"
    chinese = _mapped("2033年1—11月全省工业经济运行情况（模拟数据）\n发布时间：2033-12-15\n\n"
                      "分产业看，煤炭工业增加值增长2.0%；非煤工业增长9.3%。\n",
                      published="2033-12-15")
    assert [chinese[m].indicator for m in ("2.0%", "9.3%")] == [None, None]
