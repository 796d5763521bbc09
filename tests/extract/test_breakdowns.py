"""Breakdowns of a headline figure into the right cells (issue 10): sectors, divisions and
ownership types named alone, month-on-month wording, the first half, and the sizes of the
groups a count is stated among (sentences written here, figures invented)."""

from __future__ import annotations

import pytest

from indmon.catalogue import Catalogue
from indmon.extract import extract_facts
from indmon.extract.mapping import map_facts


def cells(text: str, cat: Catalogue, published: str = "2026-07-16"
          ) -> dict[str, tuple[str | None, str, str]]:
    """Each fact's mention and its cell (indicator, industry, period)."""
    facts = map_facts(extract_facts(text, "t", published=published), cat)
    return {f.mention: (f.indicator, f.industry, f.period) for f in facts}


def test_a_sector_named_alone_takes_the_head_of_the_figures_before_it(cat: Catalogue) -> None:
    text = ("Industry in June 2026 (simulated)\n\n"
            "In June, the value added of industrial enterprises above designated size grew 5.1% "
            "year on year.\n\n"
            "By industry, the manufacture of automobiles expanded 8.8% in June, whereas the "
            "smelting and pressing of ferrous metals shrank 1.2%.")
    found = cells(text, cat)
    assert found["8.8%"] == ("va_yoy", "36", "2026-06")
    assert found["1.2%"] == ("va_yoy", "31", "2026-06")


def test_a_sector_named_alone_in_chinese_after_a_sentence_end(cat: Catalogue) -> None:
    text = ("2026年6月份工业生产（模拟）\n\n"
            "6月份，规模以上工业增加值同比增长5.1%。分门类看，制造业增长5.6%，"
            "汽车制造业增长8.8%，计算机、通信和其他电子设备制造业增长9.9%。")
    found = cells(text, cat)
    assert found["5.6%"] == ("va_yoy", "C", "2026-06")
    assert found["8.8%"] == ("va_yoy", "36", "2026-06")
    assert found["9.9%"] == ("va_yoy", "39", "2026-06")


def test_a_breakdown_of_profits_stays_profits(cat: Catalogue) -> None:
    text = ("Profits in 2026 (simulated)\n\n"
            "In the first five months, total profits of industrial enterprises above designated "
            "size rose 3.3% year on year. Mining fell 9.0%, while manufacturing grew 6.2%.")
    found = cells(text, cat)
    assert found["6.2%"][0] != "va_ytd_yoy"
    assert found["9.0%"][0] != "va_ytd_yoy"


def test_a_sector_with_no_head_before_it_stays_unmapped(cat: Catalogue) -> None:
    found = cells("Notes (simulated)\n\nIn June, manufacturing grew 4.0%.", cat)
    assert found["4.0%"][0] is None


def test_a_chinese_list_whose_names_hold_joining_words(cat: Catalogue) -> None:
    text = ("2026年6月份工业生产（模拟）\n\n"
            "分三大门类看，6月份，采矿业、制造业、电力热力燃气及水生产和供应业增加值同比分别"
            "增长3.0%、6.1%和2.5%。外商及港澳台投资企业、私营企业增加值分别增长3.4%、4.4%。")
    found = cells(text, cat)
    assert [found[m][1] for m in ("3.0%", "6.1%", "2.5%")] == ["B", "C", "D"]
    assert found["3.4%"][0] == "va_yoy_foreign"
    assert found["4.4%"][0] == "va_yoy_private"


@pytest.mark.parametrize("sentence", [
    "Month on month, industrial value added rose 0.44% in June.",
    "Seasonally adjusted, industrial value added increased 0.44% over the previous month.",
])
def test_month_on_month_wording(cat: Catalogue, sentence: str) -> None:
    text = f"Industry in June 2026 (simulated)\n\nIn June, value added grew 5.1%. {sentence}"
    assert cells(text, cat)["0.44%"] == ("va_mom", "ALL", "2026-06")


def test_a_later_figure_after_an_opening_basis_is_not_month_on_month(cat: Catalogue) -> None:
    text = ("Industry in June 2026 (simulated)\n\n"
            "Month on month, value added rose 0.44% in June. In June, value added grew 5.1% "
            "year on year.")
    assert cells(text, cat)["5.1%"][0] == "va_yoy"


def test_the_first_half_is_kept_as_the_half(cat: Catalogue) -> None:
    text = ("Industry in 2026 (simulated)\n\n"
            "In the first half, industrial value added grew 5.6% year on year.")
    assert cells(text, cat)["5.6%"] == ("va_ytd_yoy", "ALL", "2026-H1")


@pytest.mark.parametrize("text", [
    "Industry in June 2026 (simulated)\n\nFrom January to June, 33 of the 41 industrial "
    "divisions recorded growth in value added.",
    "2026年6月份工业生产（模拟）\n\n1—6月份，41个工业大类行业中有33个行业增加值保持同比增长。",
])
def test_the_size_of_the_group_is_no_fact_and_the_count_is_of_divisions(
        cat: Catalogue, text: str) -> None:
    found = cells(text, cat)
    assert "41" not in found and "41个" not in found
    ((mention, cell),) = found.items()
    assert mention.startswith("33")
    assert cell == ("industries_growing_ytd", "ALL", "2026-H1")


def test_a_months_count_of_growing_divisions_is_no_year_to_date(cat: Catalogue) -> None:
    text = "2026年5月份工业生产（模拟）\n\n5月份，41个大类行业中有32个行业增加值同比增长。"
    found = cells(text, cat)
    assert found["32"][0] is None  # the catalogue holds the year to date's count only


@pytest.mark.parametrize("words", ["产销分别完成", "产销量分别为"])
def test_chan_xiao_is_production_then_sales_and_the_next_run_keeps_them(
        cat: Catalogue, words: str) -> None:
    text = ("2026年上半年汽车工业（模拟）\n\n"
            f"上半年，新能源汽车{words}612万辆和600万辆，同比分别增长30.5%和29.9%。")
    found = cells(text, cat)
    assert [found[m][0] for m in ("612万", "600万", "30.5%", "29.9%")] == [
        "nev_production", "nev_sales", "nev_production_yoy", "nev_sales_yoy"]
    assert found["612万"][2] == "2026-H1"


def test_a_growth_stated_as_more_or_less_than_a_year_earlier(cat: Catalogue) -> None:
    text = ("Products in June 2026 (simulated)\n\n"
            "Crude steel output in June was 80.1 million tonnes, 2.2% less than a year earlier. "
            "From January to May, industrial enterprises above designated size made total "
            "profits of 2.70 trillion yuan, 1.1% more than a year before; their operating "
            "revenue grew 2.0%. In 2025, industrial enterprises earned total profits of 7.1 "
            "trillion yuan, a year-on-year gain of 0.7%.")
    facts = {f.mention: f for f in map_facts(extract_facts(text, "t"), cat)}
    assert (facts["2.2%"].value, facts["2.2%"].indicator) == (-2.2, "crude_steel_output_yoy")
    assert facts["1.1%"].indicator == "profit_ytd_yoy"
    assert facts["2.0%"].indicator == "revenue_ytd_yoy"
    assert facts["0.7%"].indicator == "profit_ytd_yoy"


def test_loss_making_enterprises_in_chinese(cat: Catalogue) -> None:
    found = cells("2026年利润（模拟）\n\n1—5月份，亏损企业13.9万家。", cat)
    assert found["13.9万"] == ("loss_making_ytd", "ALL", "2026-01/2026-05")


def test_an_elliptical_member_in_full_and_a_division_with_and_in_its_name(cat: Catalogue) -> None:
    text = ("Industry in June 2026 (simulated)\n\n"
            "In June, the value added of industrial enterprises above designated size grew 5.9% "
            "year on year. Equipment manufacturing advanced 8.0%, of which the manufacture of "
            "automobiles climbed 10.1% and computer, communication and other electronic "
            "equipment manufacturing 11.9%. Among raw-material industries, ferrous metal "
            "smelting and rolling processing declined 2.0%.")
    found = cells(text, cat)
    assert found["8.0%"] == ("va_equipment_yoy", "ALL", "2026-06")
    assert found["10.1%"] == ("va_yoy", "36", "2026-06")
    assert found["11.9%"] == ("va_yoy", "39", "2026-06")
    assert found["2.0%"] == ("va_yoy", "31", "2026-06")


def test_a_sub_index_named_after_the_first_figure(cat: Catalogue) -> None:
    text = ("PMI in June 2026 (simulated)\n\n"
            "In June, the manufacturing PMI stood at 50.1 percent. Of the sub-indices, the "
            "production index came in at 51.0 percent and the new orders index at 50.4 percent.")
    found = cells(text, cat)
    assert found["51.0 percent"][0] == "pmi_production"
    assert found["50.4 percent"][0] == "pmi_new_orders"


@pytest.mark.parametrize("sentence", [
    "By type of ownership, in June the value added of state-holding enterprises rose 4.1%, "
    "while that of enterprises funded from abroad or from Hong Kong, Macao and Taiwan and that "
    "of private enterprises grew 3.1% and 5.1% respectively.",
    "In June, the value added of state-holding enterprises increased by 4.1%, that of "
    "enterprises funded from abroad or from Hong Kong, Macao and Taiwan by 3.1%, and that of "
    "private enterprises by 5.1%.",
])
def test_ownership_members_keep_their_own_cells(cat: Catalogue, sentence: str) -> None:
    found = cells(f"Industry in June 2026 (simulated)\n\n{sentence}", cat)
    assert [found[m][0] for m in ("4.1%", "3.1%", "5.1%")] == [
        "va_yoy_state_holding", "va_yoy_foreign", "va_yoy_private"]


def test_counted_things_that_were_produced_are_output(cat: Catalogue) -> None:
    text = ("Products in December 2025 (simulated)\n\n"
            "Among major products, 1.50 million new energy vehicles were produced in December, "
            "an increase of 17.0% over a year earlier.")
    found = cells(text, cat)
    assert found["1.50 million"][0] == "nev_production"
    assert found["17.0%"][0] == "nev_production_yoy"


def test_the_change_of_the_pmi_in_points(cat: Catalogue) -> None:
    text = ("PMI in December 2025 (simulated)\n\n"
            "The manufacturing purchasing managers' index (PMI) was 49.7 percent in December, "
            "0.2 percentage points higher than in November.")
    assert cells(text, cat)["0.2 percentage points"][0] == "pmi_manufacturing_change"


def test_a_that_of_member_with_units_and_a_respectively_list_before(cat: Catalogue) -> None:
    text = ("Products in 2026 (simulated)\n\n"
            "In the first quarter, production and sales of new energy vehicles reached 3.0 "
            "million and 2.9 million units, up 40.1% and 38.2% respectively. Output of "
            "industrial robots was 170,000 sets, an increase of 25.0%, and that of integrated "
            "circuits 110.0 billion units, up 14.0%.")
    found = cells(text, cat)
    assert [found[m][0] for m in ("40.1%", "38.2%", "25.0%", "14.0%")] == [
        "nev_production_yoy", "nev_sales_yoy", "industrial_robot_output_yoy", "ic_output_yoy"]


def test_the_volume_of_telecom_business_keeps_its_own_head(cat: Catalogue) -> None:
    text = ("2026年上半年通信业（模拟）\n\n"
            "上半年，电信业务收入累计完成9000亿元，同比增长1.5%；按照上年价格计算的电信业务总量"
            "同比增长9.0%。")
    assert cells(text, cat)["9.0%"][0] == "telecom_volume_yoy"


def test_a_chinese_growth_rate_that_reached_a_rate_stays_growth(cat: Catalogue) -> None:
    text = "2026年6月份工业生产（模拟）\n\n6月份，高技术制造业增加值增速达到9.0%。"
    assert cells(text, cat)["9.0%"] == ("va_hightech_yoy", "ALL", "2026-06")


def test_an_estimate_put_at_a_rate_is_what_is_put(cat: Catalogue) -> None:
    text = ("The economy in 2025 (simulated)\n\n"
            "Preliminary accounting puts the growth of gross domestic product in 2025 at 4.9% "
            "at constant prices.")
    assert cells(text, cat)["4.9%"] == ("gdp_yoy", "ALL", "2025")


def test_they_made_up_a_share_at_the_stock_date_not_the_base(cat: Catalogue) -> None:
    text = ("Telecom in June 2026 (simulated)\n\n"
            "By the end of June, 5G base stations had reached 4.90 million, a net increase of "
            "300,000 over the end of last year; they made up 37.5% of all mobile base stations.")
    found = cells(text, cat)
    assert found["37.5%"] == ("g5_base_stations_share", "ALL", "2026-06-30")
    assert found["300,000"][2] == "2026-01/2026-06"  # a flow since the base, not at it


def test_a_streak_of_it_is_the_streak_of_its_antecedent(cat: Catalogue) -> None:
    text = ("PMI in June 2026 (simulated)\n\n"
            "In June, the manufacturing PMI stood at 50.2 percent, and it has remained in the "
            "expansion range for 3 consecutive months.")
    assert cells(text, cat)["3 consecutive months"][0] == "pmi_expansion_streak"


def test_gigabit_users_named_after_5g_users_are_their_own(cat: Catalogue) -> None:
    text = ("Telecom in June 2026 (simulated)\n\n"
            "By the end of June, 5G mobile phone users of the three basic telecom operators "
            "numbered 1.20 billion, gigabit broadband users 230 million, and ports capable of "
            "gigabit network service came to 33.0 million.")
    found = cells(text, cat)
    assert found["1.20 billion"][0] == "g5_mobile_users"
    assert found["230 million"][0] == "gigabit_users"
    assert found["33.0 million"][0] == "gigabit_ports"


def test_a_name_with_commas_is_the_whole_subject(cat: Catalogue) -> None:
    text = ("Industry in 2026 (simulated)\n\n"
            "In the first quarter, the value added of industrial enterprises above designated "
            "size increased by 6.0%. By sector, manufacturing grew 6.5%, while the production "
            "and supply of electricity, heat, gas and water fell 0.7%.")
    found = cells(text, cat)
    assert found["6.5%"] == ("va_ytd_yoy", "C", "2026-Q1")
    assert found["0.7%"] == ("va_ytd_yoy", "D", "2026-Q1")


def test_the_figure_of_a_chinese_comparison_base_is_the_bases(cat: Catalogue) -> None:
    text = ("2026年3月份工业生产（模拟）\n\n"
            "3月份，规模以上工业增加值同比实际增长6.2%[1]，比1—2月份的5.6%有所加快。")
    found = cells(text, cat)
    assert found["6.2%"] == ("va_yoy", "ALL", "2026-03")
    assert found["5.6%"] == ("va_ytd_yoy", "ALL", "2026-01/2026-02")


def test_each_province_of_a_chinese_sentence_keeps_its_clause(cat: Catalogue) -> None:
    facts = map_facts(extract_facts("2026年一季度（模拟）\n\n工业大省中，江苏规模以上工业增加值"
                                    "增长7.1%，广东增长4.6%。", "t", published="2026-04-16"), cat)
    assert [(f.value, f.province) for f in facts] == [(7.1, "320000"), (4.6, "440000")]


@pytest.mark.parametrize(("text", "mention"), [
    ("PMI in May 2026 (simulated)\n\nIn May, the manufacturing PMI rose to 50.3 percent from "
     "the previous month's 49.8 percent.", "49.8 percent"),
    ("2026年5月份（模拟）\n\n5月份，制造业采购经理指数为50.3%，高于上月的49.8%。", "49.8%"),
])
def test_the_previous_months_figure_is_of_the_previous_month(
        cat: Catalogue, text: str, mention: str) -> None:
    assert cells(text, cat)[mention] == ("pmi_manufacturing", "ALL", "2026-04")


def test_chinese_pmi_by_size_of_enterprise(cat: Catalogue) -> None:
    text = ("2026年5月份（模拟）\n\n5月份，大型企业PMI为51.0%，比上月上升0.5个百分点；中型企业PMI"
            "为49.7%；小型企业PMI为48.6%。")
    found = cells(text, cat)
    assert [found[m][0] for m in ("51.0%", "49.7%", "48.6%")] == [
        "pmi_large", "pmi_medium", "pmi_small"]
    assert found["0.5个百分点"][0] != "pmi_manufacturing_change"


def test_chinese_products_take_the_head_of_the_first(cat: Catalogue) -> None:
    text = ("2026年5月份（模拟）\n\n分产品看，5月份，粗钢产量8600万吨，同比下降1.5%；水泥1.80亿吨，"
            "下降4.0%；汽车250万辆，增长9.0%。")
    found = cells(text, cat)
    assert [found[m][0] for m in ("1.80亿吨", "4.0%", "250万", "9.0%")] == [
        "cement_output", "cement_output_yoy", "auto_production", "auto_production_yoy"]


def test_a_chinese_share_of_a_whole_after_a_net_increase(cat: Catalogue) -> None:
    text = ("2026年5月份（模拟）\n\n截至5月末，5G基站总数达480万个，比上年末净增21万个，占移动基站"
            "总数的37.4%；固定互联网宽带接入用户6.7亿户。")
    found = cells(text, cat)
    assert found["37.4%"] == ("g5_base_stations_share", "ALL", "2026-05-31")
    assert found["6.7亿"][0] == "fixed_broadband_users"


def test_users_added_are_a_change_and_a_part_named_by_its_feature(cat: Catalogue) -> None:
    text = ("Telecom in May 2026 (simulated)\n\nBy the end of May, fixed broadband users "
            "numbered 670 million, of whom 210 million had gigabit access. In the first five "
            "months, the three basic telecom enterprises added 12.0 million mobile phone users.")
    found = cells(text, cat)
    assert found["210 million"][0] == "gigabit_users"
    assert found["12.0 million"][0] != "mobile_phone_users"


def test_month_on_month_basis_with_it_and_a_year_on_year_figure_before(cat: Catalogue) -> None:
    text = ("Industry in May 2026 (simulated)\n\nIn May, the value added of industrial "
            "enterprises above designated size rose 5.3% year on year; on a month-on-month "
            "basis it grew 0.36%. From January to May, it increased 5.8%.")
    found = cells(text, cat)
    assert found["5.3%"][0] == "va_yoy"
    assert found["0.36%"][0] == "va_mom"
    assert found["5.8%"] == ("va_ytd_yoy", "ALL", "2026-01/2026-05")


def test_gdp_alone_and_a_double_digit_bound(cat: Catalogue) -> None:
    text = ("The economy in 2026 (simulated)\n\nGDP grew 5.1% in the first quarter, and output "
            "of automobiles kept double-digit growth.")
    found = cells(text, cat)
    assert found["5.1%"] == ("gdp_yoy", "ALL", "2026-Q1")
    assert found["double-digit"][0] is None


def test_a_quarter_after_the_first_is_the_quarters_own_growth(cat: Catalogue) -> None:
    text = ("Industry in 2025 (simulated)\n\n"
            "At a press conference on October 20, the ministry said that from January to "
            "September the value added of industrial enterprises above designated size grew "
            "6.0% year on year, and 5.7% in the third quarter. The value added of high-tech "
            "manufacturing grew 9.3%.")
    found = cells(text, cat)
    assert found["6.0%"] == ("va_ytd_yoy", "ALL", "2025-01/2025-09")
    assert found["5.7%"] == ("va_quarter_yoy", "ALL", "2025-Q3")  # the quarter's own
    # the opening's period holds for the paragraph: the date before it is no figure
    assert found["9.3%"] == ("va_hightech_ytd_yoy", "ALL", "2025-01/2025-09")


@pytest.mark.parametrize(("text", "added", "total"), [
    ("SMEs in 2025 (simulated)\n\nBy the end of September, another 3,000 specialized and "
     "sophisticated 'little giant' enterprises were cultivated, bringing the total to 17,500.",
     "3,000", "17,500"),
    ("2025年中小企业（模拟）\n\n截至9月末，新培育专精特新“小巨人”企业3000家，累计达到17500家。",
     "3000", "17500"),
])
def test_enterprises_added_and_the_total_they_bring(
        cat: Catalogue, text: str, added: str, total: str) -> None:
    found = cells(text, cat)
    assert found[added][0] is None  # a number added is no count of the stock
    assert found[total] == ("little_giants", "ALL", "2025-09-30")


def test_a_count_before_and_the_next_member_keeps_its_own_subject(cat: Catalogue) -> None:
    text = ("Telecom in 2025 (simulated)\n\nBy the end of September, 5G base stations totalled "
            "4.60 million and ports capable of gigabit network service 29.0 million.")
    found = cells(text, cat)
    assert found["4.60 million"][0] == "g5_base_stations"
    assert found["29.0 million"][0] == "gigabit_ports"


def test_chinese_exports_and_new_orders_keep_their_heads(cat: Catalogue) -> None:
    text = ("2025年前三季度（模拟）\n\n1—9月份，新能源汽车产销分别完成1100万辆和1090万辆；"
            "汽车出口480万辆。我国造船完工量、新接订单量和手持订单量分别占世界总量的52.0%、64.0%和60.0%。")
    found = cells(text, cat)
    assert found["480万"][0] == "auto_exports"
    assert [found[m][0] for m in ("52.0%", "64.0%", "60.0%")] == [
        "ship_completions_world_share", "ship_new_orders_world_share",
        "ship_orderbook_world_share"]


def test_a_respectively_list_whose_figures_state_their_own_directions(cat: Catalogue) -> None:
    text = ("Industry in April 2026 (simulated)\n\nBy sector, the value added of mining, "
            "manufacturing and utilities was down 1.0%, up 6.1% and up 2.2% respectively in April.")
    found = {f.mention: (f.value, f.industry) for f in map_facts(
        extract_facts(text, "t", published="2026-05-16"), cat)}
    assert [found[m] for m in ("1.0%", "6.1%", "2.2%")] == [(-1.0, "B"), (6.1, "C"), (2.2, "D")]


def test_ownership_types_and_divisions_named_alone_after_a_caption(cat: Catalogue) -> None:
    text = ("Industry in April 2026 (simulated)\n\n"
            "In April, the value added of industrial enterprises above designated size grew "
            "5.5%. By ownership, state-holding enterprises recorded growth of 4.0%, joint-stock "
            "enterprises 5.7% and private enterprises 5.0%.\n\n"
            "Chart 1: Growth of industrial value added\n\n"
            "Of the 41 major industrial divisions, 33 kept growing. The smelting and pressing of "
            "non-ferrous metals grew 7.5%, the manufacture of electrical machinery and apparatus "
            "9.5%, and the manufacture of railway, ship, aerospace and other transport equipment "
            "12.0%.")
    found = cells(text, cat)
    assert [found[m][0] for m in ("4.0%", "5.7%", "5.0%")] == [
        "va_yoy_state_holding", "va_yoy_shareholding", "va_yoy_private"]
    assert found["33"][0] is None  # April alone: the catalogue holds the year to date's
    assert [found[m][:2] for m in ("7.5%", "9.5%", "12.0%")] == [
        ("va_yoy", "32"), ("va_yoy", "38"), ("va_yoy", "37")]


@pytest.mark.parametrize("text", [
    "Notes (simulated)\n\nNotes: 1. Figures for the latest month are preliminary. 2. Totals may "
    "differ from the sum of their parts.",
    "说明（模拟）\n\n说明：1.最新月份数据为初步数据。2.因四舍五入，部分合计数与分项之和略有差异。",
])
def test_numbered_notes_in_one_paragraph_hold_no_fact(cat: Catalogue, text: str) -> None:
    assert cells(text, cat) == {}


def test_a_chinese_streak_worded_with_chixu(cat: Catalogue) -> None:
    text = "2026年9月（模拟）\n\n9月份，制造业PMI为50.1%，已持续5个月位于扩张区间。"
    assert cells(text, cat)["5个月"][0] == "pmi_expansion_streak"


@pytest.mark.parametrize("text", [
    "Ships in 2026 (simulated)\n\nFrom January to September, shipbuilding completions were 37.0 "
    "million deadweight tons and new orders 70.0 million deadweight tons, taking 68.0% and "
    "71.0% of the world market respectively.",
    "2026年前三季度（模拟）\n\n1—9月份，造船完工量3700万载重吨，新接订单量7000万载重吨，国际市场份额"
    "分别为68.0%和71.0%。",
])
def test_shares_of_the_amounts_named_before_them(cat: Catalogue, text: str) -> None:
    found = cells(text, cat)
    assert found["68.0%"][0] == "ship_completions_world_share"
    assert found["71.0%"][0] != "ship_completions_world_share"


def test_a_share_after_a_net_increase_is_of_the_stock(cat: Catalogue) -> None:
    text = ("Telecom in 2026 (simulated)\n\nAt the end of April, there were 4.70 million 5G base "
            "stations, a net increase of 170,000 over the end of last year, making up 37.0% of "
            "all mobile base stations.")
    assert cells(text, cat)["37.0%"] == ("g5_base_stations_share", "ALL", "2026-04-30")


def test_a_verb_alone_takes_the_nearest_clause_that_names_a_thing(cat: Catalogue) -> None:
    text = ("Telecom in 2026 (simulated)\n\nFrom January to April, telecom business revenue "
            "totalled 590.0 billion yuan, up 1.5% year on year, and the total volume of telecom "
            "business, at the previous year's prices, grew 8.5%.")
    assert cells(text, cat)["8.5%"][0] == "telecom_volume_yoy"


def test_month_words_around_a_subject_and_the_abroad_funded_group(cat: Catalogue) -> None:
    text = ("Industry in April 2026 (simulated)\n\nIn April, the value added of industrial "
            "enterprises above designated size grew 5.5%. By type of ownership, in April "
            "state-holding enterprises grew 4.4%, and enterprises funded from abroad or from "
            "Hong Kong, Macao and Taiwan grew 2.9%. Power generation in April was 720.0 billion "
            "kWh, up 2.7%. In March alone, profits rose 7.0%.")
    found = cells(text, cat)
    assert found["4.4%"][0] == "va_yoy_state_holding"
    assert found["2.9%"][0] == "va_yoy_foreign"
    assert found["720.0 billion kWh"][0] == "power_generation_output"
    assert found["7.0%"] == ("profit_month_yoy", "ALL", "2026-03")


def test_a_quarter_without_its_own_indicator_stays_unmapped(cat: Catalogue) -> None:
    text = ("Profits in 2025 (simulated)\n\nIn the third quarter, total profits of industrial "
            "enterprises above designated size rose 4.0%.")
    assert cells(text, cat)["4.0%"][0] is None  # profits have no quarter's indicator


def test_a_news_agency_report_of_industrial_output(cat: Catalogue) -> None:
    text = ("China's industrial output in July 2026 (simulated)\n\n"
            "BEIJING, Aug. 15 (Newswire) -- China's value-added industrial output, a key economic "
            "indicator, rose 5.5 percent year on year in July. The manufacturing sector saw "
            "output rise 6.0 percent in July, while the mining sector grew 3.9 percent. Output of "
            "the high-tech manufacturing sector jumped 9.5 percent. Private enterprises posted "
            "output growth of 5.0 percent, and foreign-funded firms 3.0 percent.")
    found = cells(text, cat)
    assert found["5.5 percent"] == ("va_yoy", "ALL", "2026-07")
    assert found["6.0 percent"] == ("va_yoy", "C", "2026-07")
    assert found["9.5 percent"] == ("va_hightech_yoy", "ALL", "2026-07")
    assert found["5.0 percent"][0] == "va_yoy_private"
    assert found["3.0 percent"][0] == "va_yoy_foreign"


def test_news_agency_profits_with_a_conversion_and_hyphenated_rates(cat: Catalogue) -> None:
    text = ("China's industrial profits in 2026 (simulated)\n\n"
            "China's industrial profits, meanwhile, dropped 1.4 percent year on year to 3.90 "
            "trillion yuan (about 545 billion U.S. dollars) in the first five months. State-owned "
            "enterprises saw profits fall 4.0 percent, while private firms reported a "
            "2.0-percent gain. The PMI stayed below the 50-point mark.")
    found = cells(text, cat)
    assert "545 billion U.S. dollars" not in found and "50" not in found
    assert found["1.4 percent"] == ("profit_ytd_yoy", "ALL", "2026-01/2026-05")
    assert found["3.90 trillion yuan"][0] == "profit_ytd"
    assert found["4.0 percent"][0] == "profit_ytd_yoy_state_holding"
    assert found["2.0-percent"][0] == "profit_ytd_yoy_private"


def test_a_news_report_of_may_output_and_profits(cat: Catalogue) -> None:
    text = ("Output and profits in May 2026 (simulated)\n\n"
            "Posted 2026-06-16 11:42 | Read 1,500 times\n\n"
            "Compared with April, industrial value added edged up 0.35 percent on a seasonally "
            "adjusted basis. In terms of ownership, the value added of state-holding enterprises, "
            "enterprises funded by foreign, Hong Kong, Macao and Taiwan investors and private "
            "enterprises went up 4.0 percent, 3.0 percent and 4.5 percent respectively. "
            "High-tech manufacturing climbed 10.0 percent and equipment manufacturing gained 8.5 "
            "percent in May. China produced 85.0 million tonnes of crude steel last month, down "
            "2.5 percent, and 1.30 million new energy vehicles rolled off production lines, 24.0 "
            "percent more than a year ago.\n\n"
            "PROFITS\n\n"
            "Industrial profits for the first four months totaled 2.10 trillion yuan, up 1.8 "
            "percent. Costs per 100 yuan of operating revenue stood at 85.00 yuan.\n\n"
            "State-holding firms saw profits decline 2.0 percent. There were 140,000 "
            "loss-making enterprises, whose losses amounted to 380.0 billion yuan.")
    found = cells(text, cat)
    assert "1,500 times" not in found and "100 yuan" not in found
    assert found["0.35 percent"][0] == "va_mom"
    assert [found[m][0] for m in ("4.0 percent", "3.0 percent", "4.5 percent")] == [
        "va_yoy_state_holding", "va_yoy_foreign", "va_yoy_private"]
    assert found["8.5 percent"][0] == "va_equipment_yoy"
    assert found["85.0 million tonnes"][0] == "crude_steel_output"
    assert found["2.5 percent"][0] == "crude_steel_output_yoy"
    assert found["24.0 percent"][0] == "nev_production_yoy"
    assert found["2.10 trillion yuan"] == ("profit_ytd", "ALL", "2026-01/2026-04")
    assert found["85.00 yuan"][0] is None  # a cost per 100 yuan: no catalogue indicator
    # the section opened with the first four months: its later paragraphs keep them
    assert found["2.0 percent"] == ("profit_ytd_yoy_state_holding", "ALL", "2026-01/2026-04")
    assert found["140,000"] == ("loss_making_ytd", "ALL", "2026-01/2026-04")
    assert found["380.0 billion yuan"][0] == "loss_ytd"


def test_chinese_month_on_month_opening_and_gdp_industries_in_a_list(cat: Catalogue) -> None:
    found = cells("2026年5月份（模拟）\n\n环比看，5月份规模以上工业增加值增长0.35%。", cat)
    assert found["0.35%"] == ("va_mom", "ALL", "2026-05")
    text = ("The economy in 2026 (simulated)\n\nIn 2026, the value added of the primary, "
            "secondary and tertiary industries increased 3.5 percent, 5.0 percent and 5.1 "
            "percent respectively.")
    found = cells(text, cat)
    assert [found[m][0] for m in ("3.5 percent", "5.0 percent", "5.1 percent")] == [
        "gdp_primary_yoy", "gdp_secondary_yoy", "gdp_tertiary_yoy"]


def test_a_numbered_label_is_no_opening_and_fewer_is_a_decrease(cat: Catalogue) -> None:
    text = ("Industry and communications in 2026 (simulated)\n\n"
            "1. Industry grew steadily. For the whole of 2026, the value added of industrial "
            "enterprises above designated size rose 5.6 percent, and in the fourth quarter it "
            "grew 5.4 percent year on year. Manufacturing value added came to 34.0 trillion "
            "yuan, ranking first in the world for 16 years in a row.\n\n"
            "2. Communications. At the end of December, 4G base stations were 6.00 million, "
            "180,000 fewer than at the end of 2025. In May, mining added 2.5 percent.")
    found = cells(text, cat)
    assert found["16 years in a row"] == ("mfg_world_rank_streak", "ALL", "2026")
    facts = {f.mention: f for f in extract_facts(text, "t")}
    assert (facts["180,000"].value, facts["180,000"].measure) == (-180000, "change")
    assert found["2.5 percent"][:2] == ("va_yoy", "B")  # "added" as the verb of mining


def test_a_wire_report_of_august_output_and_profits(cat: Catalogue) -> None:
    text = ("Output and profits in August 2026 (simulated)\n\n"
            "BEIJING, Sept. 15 (Staff reporter) -- The value added of industrial enterprises "
            "above designated size rose 5.2% from a year earlier in August, and edged up 0.40% "
            "from July after seasonal adjustment. Over January to August, output grew 5.7%.\n\n"
            "By sector, mining added 3.6%, manufacturing 5.5% and the power, heat, gas and water "
            "supply industry 2.1%. State-holding enterprises expanded 4.0% and foreign-funded "
            "firms (including those from Hong Kong, Macao and Taiwan) 2.7%. Plants turned out "
            "1.20 million new-energy vehicles, 24.0% more than a year ago.\n\n"
            "Separate figures showed that industrial firms earned 3.90 trillion yuan in total "
            "profit in January-July, 1.5% more than a year earlier. Mining profits slid 11.0%, "
            "while those of manufacturing gained 5.0%. Some 138,000 enterprises ran at a loss.")
    found = cells(text, cat, published="2026-09-15")
    assert found["0.40%"][0] == "va_mom"
    assert found["5.7%"] == ("va_ytd_yoy", "ALL", "2026-01/2026-08")
    assert [found[m][:2] for m in ("3.6%", "5.5%", "2.1%")] == [
        ("va_yoy", "B"), ("va_yoy", "C"), ("va_yoy", "D")]
    assert found["2.7%"][0] == "va_yoy_foreign"
    assert found["1.20 million"][0] == "nev_production"
    assert found["24.0%"][0] == "nev_production_yoy"
    assert found["3.90 trillion yuan"] == ("profit_ytd", "ALL", "2026-01/2026-07")
    assert found["1.5%"][0] == "profit_ytd_yoy"
    facts = {f.mention: f for f in extract_facts(text, "t")}
    assert facts["5.0%"].value == 5.0  # "gained": the member's own direction
    assert found["138,000"][0] == "loss_making_ytd"


def test_a_newspaper_article_of_october(cat: Catalogue) -> None:
    text = ("Output in October 2026 (simulated)\n\n"
            "Value added of industrial enterprises above designated size climbed 5.2% from a "
            "year earlier in October. Equipment manufacturing grew 8.0% in October, and "
            "high-tech manufacturing rose by 9.0%. For January to October the two groups were "
            "up 8.4% and 8.9%, respectively.\n\n"
            "The manufacturing PMI came in at 49.5 in October.\n\n"
            "Ownership made a difference too. State-holding enterprises grew 4.0%, and private "
            "firms 5.0%, in that order.")
    found = {f.mention: (f.indicator, f.period) for f in map_facts(
        extract_facts(text, "t", published="2026-11-16"), cat)}
    assert found["8.4%"] == ("va_equipment_ytd_yoy", "2026-01/2026-10")
    assert found["8.9%"] == ("va_hightech_ytd_yoy", "2026-01/2026-10")
    assert found["4.0%"][0] == "va_yoy_state_holding"  # the head three paragraphs up


def test_a_stock_after_a_change_from_the_end_of_last_year_keeps_its_date(cat: Catalogue) -> None:
    text = ("Communications in the first quarter of 2027 (simulated)\n\n"
            "By the end of March, 5G mobile phone users reached 1.16 billion, while 4G users "
            "fell by 21.0 million from the end of 2026.")
    found = {f.mention: (f.indicator, f.period) for f in map_facts(
        extract_facts(text, "t", published="2027-04-20"), cat)}
    assert found["1.16 billion"] == ("g5_mobile_users", "2027-03-31")
