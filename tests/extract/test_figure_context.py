"""Rules of issue 10 point 3 (and the subjects they need), one small text each."""

from __future__ import annotations

import pytest

from indmon.catalogue import Catalogue
from indmon.extract import extract_facts
from indmon.extract.mapping import map_facts


def facts(text: str, published: str = "2025-11-21") -> list[tuple[str, float, str, str, str]]:
    return [(f.mention, f.value, f.measure, f.subject, f.period)
            for f in extract_facts(text, "t", published=published)]


def cells(text: str, cat: Catalogue) -> list[tuple[str | None, str]]:
    mapped = map_facts(extract_facts(text, "t", published="2025-11-21"), cat)
    return [(f.indicator, f.period) for f in mapped]


def test_a_price_base_is_never_the_period() -> None:
    (en,) = facts("In the first ten months of 2025, the total volume of telecom business, "
                  "calculated at the previous year's prices, grew 8.7%.")
    assert en[4] == "2025-01/2025-10"
    (zh,) = facts("2025年1—10月，按照上年价格计算的电信业务总量同比增长8.7%。")
    assert zh[4] == "2025-01/2025-10"


def test_the_subject_of_a_verb_alone_is_the_clause_that_names_a_thing() -> None:
    (fact,) = facts("The total volume of telecom business, calculated at the previous year's "
                    "prices, grew 8.7%.")
    assert fact[3] == "volume of telecom business"  # "the", "total" are dropped as leads


def test_a_reference_group_is_no_fact() -> None:
    assert [m for m, *_ in facts("三家基础电信企业的移动电话用户总数达18.0亿户。")] == ["18.0亿"]


def test_of_which_were_names_the_counted_thing(cat: Catalogue) -> None:
    text = ("By the end of October, the number of mobile base stations reached 12.65 million, "
            "of which 4.55 million were 5G base stations, accounting for 36.0% of all mobile "
            "base stations.")
    assert cells(text, cat) == [("mobile_base_stations", "2025-10-31"),
                                ("g5_base_stations", "2025-10-31"),
                                ("g5_base_stations_share", "2025-10-31")]


def test_a_share_after_a_count_in_chinese_is_its_share(cat: Catalogue) -> None:
    text = "截至10月末，其中5G基站455万个，占移动基站总数的36.0%。"
    assert [i for i, _ in cells(text, cat)] == ["g5_base_stations", "g5_base_stations_share"]


def test_numbered_is_a_verb_so_5g_users_are_not_all_users(cat: Catalogue) -> None:
    text = ("By the end of October, the number of mobile phone users reached 1.80 billion, of "
            "which 5G users numbered 1.16 billion.")
    assert [i for i, _ in cells(text, cat)] == ["mobile_phone_users", "g5_mobile_users"]


def test_growth_after_a_level_is_the_growth_of_that_level(cat: Catalogue) -> None:
    text = ("From January to October, industrial enterprises above designated size made total "
            "profits of 5.95 trillion yuan, up 1.9% year on year.")
    assert cells(text, cat) == [("profit_ytd", "2025-01/2025-10"),
                                ("profit_ytd_yoy", "2025-01/2025-10")]


def test_what_a_chinese_subject_achieves_is_named_after_the_verb(cat: Catalogue) -> None:
    text = "1—10月份，全国规模以上工业企业实现利润总额5.95万亿元，同比增长1.9%。"
    assert [i for i, _ in cells(text, cat)] == ["profit_ytd", "profit_ytd_yoy"]


def test_points_of_an_index_are_its_change(cat: Catalogue) -> None:
    text = "10月份，制造业采购经理指数（PMI）为49.6%，比上月上升0.4个百分点；新订单指数为49.2%。"
    assert [i for i, _ in cells(text, cat)] == [
        "pmi_manufacturing", "pmi_manufacturing_change", "pmi_new_orders"]


@pytest.mark.parametrize(("head", "lang"), [
    ("Title\n2025/11/21\nIn March", "en"),
    ("Title\nDate: 2025.11.21\nIn March", "en"),
    ("Title\nReleased on November 21, 2025\nIn March", "en"),
    ("标题\n发布时间：2025-11-21 10:00\n3月份", "zh"),
    ("标题\n【发布时间：2025.11.21】\n3月份", "zh"),
    ("标题\n2025-11-21 09:30 来源：国家统计局\n3月份", "zh"),
])
def test_datelines_in_figures_date_the_release(head: str, lang: str) -> None:
    from indmon.extract.periods import document_time

    assert str(document_time(head, lang).published) == "2025-11-21"


def test_a_page_timestamp_is_no_fact() -> None:
    assert facts("发布时间：2025.11.21\n1—10月，工业增加值增长5.8%。") == [
        ("5.8%", 5.8, "growth_yoy", "industrial value added", "2025-01/2025-10")]


@pytest.mark.parametrize("text", [
    "[1] Figures for the latest month are preliminary.",
    "Page views: 1024",
    "Figure 2: Growth of value added of industry",
    "1. The figures of this release are preliminary.",
    "浏览次数：1024",
    "图2 规模以上工业增加值增速",
    "注：[1]本表数据为初步数据。",
    "1、本网站刊登的数据仅供参考。",
    "Among 50 major cities, Shenzhen ranked first.",
    "Growth was broad, with expansion across 10 major industrial provinces.",
    "The stabilisers of the ten major industrial provinces held firm.",
    "The three basic telecom companies reported strong demand.",
])
def test_page_furniture_holds_no_fact(text: str) -> None:
    assert [m for m, *_ in facts(text) if m not in ("first",)] == []


def test_a_decrease_keeps_its_sign_in_chinese_and_english() -> None:
    zh = facts("截至9月末，4G用户比上年末净减2100万户，固定电话用户减少120万户。")
    assert [(v, m) for _, v, m, _, _ in zh] == [(-21e6, "change"), (-1.2e6, "change")]
    (en,) = facts("By the end of September, the number of 4G users fell by 21 million since "
                  "the end of last year.")
    assert (en[1], en[2], en[4]) == (-21e6, "change", "2025-01/2025-09")


def test_a_growth_subject_that_reached_a_rate_stays_growth() -> None:
    (fact,) = facts("In the first half, the growth rate of value added of high-tech "
                    "manufacturing reached 9.1%.")
    assert fact[2] == "growth_yoy"


def test_bi_shang_yue_is_month_on_month() -> None:
    (fact,) = facts("9月份，规模以上工业增加值比上月增长0.64%。")
    assert fact[2] == "growth_qoq"


def test_a_chinese_share_of_stocks_keeps_the_stock_date() -> None:
    (fact,) = facts("截至9月末，5G移动电话用户占移动电话用户的比重为65.0%。")
    assert fact[4] == "as of 2025-09-30"


def test_a_streak_worded_without_lianxu() -> None:
    (fact,) = facts("制造业PMI已经5个月保持在扩张区间。")
    assert (fact[0], fact[1], fact[2]) == ("5个月", 5.0, "streak")


@pytest.mark.parametrize("text", [
    "工业增加值增长5.8%。\n相关链接：\n2025年1—8月份全国规模以上工业企业利润下降1.7%\n"
    "2025年8月份规模以上工业增加值增长5.2%\n",
    "Value added grew 5.8% in 2025.\nRelated links:\nIndustrial production grew 5.2% in "
    "August\nProfits fell 1.7% in the first eight months\n",
])
def test_a_block_of_related_links_holds_no_fact(text: str) -> None:
    assert [m for m, *_ in facts(text)] == ["5.8%"]


def test_the_time_of_a_page_timestamp_is_no_fact() -> None:
    text = "发布时间：2025-10-24 10:00　来源：工业和信息化部\n9月份，工业增加值增长6.5%。"
    assert [m for m, *_ in facts(text)] == ["6.5%"]


def test_month_on_month_after_the_next_figure_is_that_figures() -> None:
    text = ("In September alone, industrial value added grew 6.5% year on year and 0.64% "
            "month on month.")
    assert [m for _, _, m, _, _ in facts(text)] == ["growth_yoy", "growth_qoq"]


def test_a_paragraph_keeps_the_period_it_opens_with() -> None:
    text = ("In October, output of crude steel rose 3.1% year on year, slower than the 4.0% "
            "seen in January-September. It grew 0.4% month on month.")
    assert [f[4] for f in facts(text)] == ["2025-10", "2025-01/2025-09", "2025-10"]
    zh = "10月份，粗钢产量同比增长3.1%，比1—9月份的4.0%有所放缓。环比增长0.4%。"
    first, _, last = facts(zh)
    assert first[4] == last[4] == "2025-10"


def test_a_section_heading_gives_its_period_to_paragraphs_that_state_none() -> None:
    text = ("Industrial output in October 2025\n\nIndustrial value added grew 5.1% in October.\n\n"
            "Briefing on the third quarter\n\nThe ministry met the press on Monday. "
            "Shipbuilding completions were 11.2 million deadweight tons.\n")
    assert [f[4] for f in facts(text)] == ["2025-10", "2025-Q3"]
    zh = ("2025年10月份工业生产情况\n\n10月份，规模以上工业增加值增长5.1%。\n\n"
          "三季度工业和信息化发展情况新闻发布会\n\n工业和信息化部周一举行发布会。造船完工量1120万载重吨。\n")
    assert [f[4] for f in facts(zh)] == ["2025-10", "2025-Q3"]


def test_a_sentence_ending_in_a_full_stop_is_no_heading() -> None:
    text = ("Industrial output in October 2025\n\n"
            "In the third quarter the ministry met the press.\n\n"
            "Shipbuilding completions were 11.2 million deadweight tons.\n")
    assert [f[4] for f in facts(text)] == ["2025-10"]


@pytest.mark.parametrize("text", [
    "Enterprises above designated size are those with annual revenue from their main business "
    "of 20 million yuan or more.",
    "The PMI was 49.6 percent (a reading above 50 percent indicates expansion).",
    "规模以上工业企业是指年主营业务收入2000万元及以上的工业企业。",
    "制造业PMI为49.6%（高于50%表示扩张）。",
    "PMI低于50%荣枯线。",
])
def test_a_threshold_of_a_definition_or_a_reading_is_no_fact(text: str) -> None:
    assert [m for m, *_ in facts(text)] in ([], ["49.6 percent"], ["49.6%"])


def test_a_figure_of_more_than_a_threshold_is_still_a_fact() -> None:
    assert [m for m, *_ in facts("Output rose 12% and exports were above 50 percent of sales.")
            ] == ["12%", "50 percent"]
