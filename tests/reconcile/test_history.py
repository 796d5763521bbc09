"""The history builder: cleaning copies, mapping their numbers, confirming figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from indmon.reconcile.history import (
    Copy,
    CopyFigure,
    Shipped,
    agree,
    build_history,
    clean,
    confirm,
    independent_copies,
    is_official,
    map_copy,
    read_lookup,
    site_of,
)


def mapped(text: str, period: str = "2019-03",
           url: str = "https://a.example.com/1") -> set[tuple[str, str, str, float]]:
    copy = Copy("c", url, period, "", text)
    return {(f.indicator, f.period, f.industry, f.value) for f in map_copy(copy)}


def test_a_monthly_release_gives_its_headline_sectors_and_ownership_types() -> None:
    figures = mapped(
        "2019年3月份,规模以上工业增加值同比实际增长8.5%,比1-2月份加快3.2个百分点。从环比看,"
        "3月份,规模以上工业增加值比上月增长1%。一季度,规模以上工业增加值同比增长6.5%。\n"
        "分三大门类看,3月份,采矿业增加值同比增长4.6%,增速较1-2月份加快4.3个百分点;"
        "制造业增长9.0%,加快3.4个百分点;电力、热力、燃气及水生产和供应业下降0.7%。\n"
        "分经济类型看,3月份,国有控股企业增加值同比增长4.7%;股份制企业增长10.0%,"
        "外商及港澳台商投资企业增长4.2%;私营企业增长14.2%。")
    assert figures == {
        ("va_yoy", "2019-03", "ALL", 8.5), ("va_mom", "2019-03", "ALL", 1.0),
        ("va_ytd_yoy", "2019-03", "ALL", 6.5), ("va_yoy", "2019-03", "B", 4.6),
        ("va_yoy", "2019-03", "C", 9.0), ("va_yoy", "2019-03", "D", -0.7),
        ("va_yoy_state_holding", "2019-03", "ALL", 4.7),
        ("va_yoy_shareholding", "2019-03", "ALL", 10.0),
        ("va_yoy_foreign", "2019-03", "ALL", 4.2), ("va_yoy_private", "2019-03", "ALL", 14.2),
    }


def test_january_february_is_the_february_point_and_a_base_is_not_a_period() -> None:
    figures = mapped("3月份,采矿业增加值同比增长4.2%,1—2月份为下降6.5%。"
                     "从环比看,12月,规模以上工业增加值比11月增长0.42%。", period="2020-03")
    assert ("va_yoy", "2020-02", "B", -6.5) in figures
    assert ("va_mom", "2019-12", "ALL", 0.42) in figures  # December, not November


def test_a_number_broken_by_injected_text_gives_no_figure() -> None:
    text = "分三大门类看,3月份,采矿业增加值同比增长9.3%,制造业增长7《天空体育下注》.9%。"
    assert "《" not in clean(text)
    figures = mapped(text)
    assert not [f for f in figures if f[2] == "C"]


def test_mirror_garbage_is_cleaned_before_extraction() -> None:
    text = ("國家統(tǒng)計局:規(guī)模以上工業(yè)企業(yè)實現(xiàn)"
            "利潤總額12972.0億元,同比下降3.3%。")
    assert "(tǒng)" not in clean(text) and "亿元" in clean(text)
    assert ("profit_month", "2019-03", "ALL", 1_297_200_000_000.0) in mapped(text)


def test_pmi_lists_and_the_wrong_series() -> None:
    figures = mapped("3月份,制造业采购经理指数(PMI)为50.5%。从企业规模看,大、中、小型企业PMI"
                     "分别为51.1%、49.9%和49.3%,比上月上升0.7、1.5和3.9个百分点。\n"
                     "3月财新中国制造业采购经理指数(PMI)录得48.1。\n"
                     "3月份,非制造业商务活动指数为54.8%。")
    assert figures == {("pmi_manufacturing", "2019-03", "ALL", 50.5),
                       ("pmi_large", "2019-03", "ALL", 51.1),
                       ("pmi_medium", "2019-03", "ALL", 49.9),
                       ("pmi_small", "2019-03", "ALL", 49.3)}


def test_english_wire_copy_of_the_automobile_association() -> None:
    figures = mapped(
        "In 2019, vehicle production dropped 7.5 percent from a year ago. The production and "
        "sales figures at 25.721 million units and 25.769 million units. Automobile sales fell "
        "a modest 0.1 percent in December.", period="2019-12")
    assert figures == {("auto_production_ytd_yoy", "2019-12", "ALL", -7.5),
                       ("auto_production_ytd", "2019-12", "ALL", 25_721_000.0),
                       ("auto_sales_ytd", "2019-12", "ALL", 25_769_000.0),
                       ("auto_sales_yoy", "2019-12", "ALL", -0.1)}


def figure(value: float, url: str, mention: str = "", copy_id: str = "") -> CopyFigure:
    return CopyFigure("va_yoy", "2019-03", "ALL", value, "percent", copy_id or url, url,
                      mention or f"{value}%", 1, "nbs-ip")


def copies_of(*figs: CopyFigure) -> dict[str, Copy]:
    return {f.copy_id: Copy(f.copy_id, f.url, "2019-03", "", "") for f in figs}


def test_two_sites_confirm_one_site_twice_does_not() -> None:
    a, b = figure(8.5, "https://one.com/a"), figure(8.5, "https://www.two.com.cn/b")
    history = confirm([a, b], copies_of(a, b))
    assert [f.status for f in history.figures] == ["confirmed_two_copies"]
    c, d = figure(8.5, "https://one.com/a"), figure(8.5, "https://m.one.com/c", copy_id="x")
    history = confirm([c, d], copies_of(c, d))
    assert history.figures == [] and [f.status for f in history.unconfirmed] == ["unconfirmed"]


def test_an_official_page_confirms_alone_and_wins_a_disagreement() -> None:
    official = figure(50.1, "http://big5.www.gov.cn/gate/big5/www.gov.cn/xinwen/x.htm")
    wrong = figure(50.7, "http://copy.example.com/y")
    history = confirm([official, wrong], copies_of(official, wrong))
    assert [(f.value, f.status) for f in history.figures] == [(50.1, "confirmed_official")]
    assert [(c.stated, c.accepted) for c in history.conflicts] == [(50.7, 50.1)]


def test_disagreeing_copies_are_named_with_a_reason() -> None:
    good = [figure(3903.81, f"https://s{i}.com/p", "3,903.81 billion") for i in range(2)]
    bad = figure(390.83, "https://mt.example.org/p", "390.83 billion")
    history = confirm([*good, bad], copies_of(*good, bad))
    assert history.conflicts[0].reason.startswith("wrong magnitude")


@pytest.mark.parametrize(("a", "b", "same"), [
    ((25_769_000.0, "25.769 million", 3), (25_800_000.0, "25.8 million", 1), True),
    ((25_712_000.0, "25.712 million", 3), (25_721_000.0, "25.721 million", 3), False),
    ((6.0, "6.0%", 1), (6.0, "6%", 0), True),
    ((3.1e12, "3.1万亿元", 1), (3.10229e12, "31022.9亿元", 1), True),
    ((3.1e12, "3.1万亿元", 1), (3.16e12, "31600亿元", 0), False),
])
def test_agreement_allows_for_rounding_only(a: tuple[float, str, int], b: tuple[float, str, int],
                                            same: bool) -> None:
    def fig(v: float, mention: str, d: int) -> CopyFigure:
        return CopyFigure("x", "2019-12", "ALL", v, "count", "c", "u", mention, d)

    assert agree(fig(*a), fig(*b)) is same


def test_a_mirror_on_another_domain_is_not_a_second_copy() -> None:
    path = "/data/13/2017-01-20/6228055547149881770.html"
    assert independent_copies([f"http://one.com{path}", f"http://two.net{path}"]) == 1
    assert independent_copies(["http://one.com/a/1.html", "http://two.net/b/2.html"]) == 2


def test_sites_and_official_pages() -> None:
    assert site_of("http://m.578011.com/n/x.html") == "578011.com"
    assert site_of("http://www.cssc.org.cn/page") == "cssc.org.cn"
    assert site_of("http://1.62.100.15/wab.php") == "1.62.100.15"
    assert is_official("https://www.stats.gov.cn/sj/zxfb/x.html")
    assert not is_official("http://commerce.suzhou.gov.cn/x.shtml")  # a city's repost


def test_a_copy_without_a_year_is_never_read(tmp_path: Path) -> None:
    page = tmp_path / "001.txt"
    page.write_text("Q: query\n=== https://a.com/1\n@ period=unknown year=none\n"
                    "3月份,规模以上工业增加值同比实际增长7.7%。\n"
                    "=== https://b.com/2\n@ period=2019-03 year=text published=2019-04-17\n"
                    "2019年3月份,规模以上工业增加值同比实际增长8.5%。\n", encoding="utf-8")
    assert [c.url for c in read_lookup(page)] == ["https://b.com/2"]
    history = build_history(tmp_path)
    assert [f.value for f in history.unconfirmed] == [8.5]
    assert history.discarded["no_year"] == 1
    release = history.releases["nbs-ip-2019-03"]
    assert (release.published, release.date_basis) == ("2019-04-17", "stated")


def test_a_breakdown_after_a_profit_sentence_is_not_a_profit_figure() -> None:
    figures = mapped("1—4月份,全国规模以上工业企业实现利润总额20000亿元,同比增长4.0%。"
                     "分门类看,5月份,制造业增长6.0%。", period="2024-05")
    assert ("profit_ytd_yoy", "2024-04", "ALL", 4.0) in figures
    assert not [f for f in figures if f[2] == "C"]


def test_a_span_without_its_measure_word_and_the_publishers_name() -> None:
    figures = mapped("前10月工业企业利润增长20.0%。10月份利润同比增长25.0%。", period="2017-10")
    assert figures == {("profit_ytd_yoy", "2017-10", "ALL", 20.0),
                       ("profit_month_yoy", "2017-10", "ALL", 25.0)}
    figures = mapped("国家统计局服务业调查中心发布的2021年3月份中国制造业采购经理指数(PMI)为"
                     "51.0%。", period="2021-03")
    assert figures == {("pmi_manufacturing", "2021-03", "ALL", 51.0)}


def test_a_threshold_crossed_is_no_figure() -> None:
    figures = mapped("2023年,我国汽车产销量首次双双突破3000万辆。2023年,汽车产销分别完成"
                     "3100.0万辆和3000.0万辆。", period="2023-12")
    assert ("auto_production_ytd", "2023-12", "ALL", 31_000_000.0) in figures
    assert not [f for f in figures if f[3] == 30_000_000.0 and f[0] == "auto_production_ytd"]


def test_a_span_whose_dash_was_read_as_a_character() -> None:
    figures = mapped("1一5月份,全国规模以上工业企业实现利润总额20000.0亿元,同比增长3.0%。",
                     period="2023-05")
    assert figures == {("profit_ytd", "2023-05", "ALL", 2.0e12),
                       ("profit_ytd_yoy", "2023-05", "ALL", 3.0)}


def test_the_value_of_a_comparison_base_is_no_figure() -> None:
    figures = mapped("5月份采购经理人指数(PMI)为50.0,与4月份持平,略低于3月份的50.5。",
                     period="2016-05")
    assert figures == {("pmi_manufacturing", "2016-05", "ALL", 50.0)}


def test_telecom_figures_and_what_only_looks_like_them() -> None:
    figures = mapped("2023年前6個月,電信業務收入增長6.0%,業務總量同比增長17.0%,累計建成開通5G基站"
                     "290.0萬個,5G移動電話用戶達6.70億戶。平均每萬人擁有5G基站30.4個。"
                     "新興業務收入比重已升至25.0%,固定互聯網寬帶接入業務收入增長7.0%。",
                     period="2023-06")
    assert figures == {("telecom_revenue_yoy", "2023-06", "ALL", 6.0),
                       ("telecom_volume_yoy", "2023-06", "ALL", 17.0),
                       ("g5_base_stations", "2023-06-30", "ALL", 2_900_000.0),
                       ("g5_mobile_users", "2023-06-30", "ALL", 670_000_000.0)}


def test_a_bound_is_no_figure() -> None:
    figures = mapped("2月份,制造业PMI为51.0%,已连续5个月保持在50.0%以上,连续8个月位于50%的"
                     "临界点以上。", period="2017-02")
    assert figures == {("pmi_manufacturing", "2017-02", "ALL", 51.0)}


def test_a_span_written_with_both_months_and_a_base_after_yu() -> None:
    figures = mapped("10月,规模以上工业增加值同比增长5.0%。1月至10月,规模以上工业增加值同比增长"
                     "4.0%,比1月至9月加快0.1个百分点。", period="2022-10")
    assert figures == {("va_yoy", "2022-10", "ALL", 5.0), ("va_ytd_yoy", "2022-10", "ALL", 4.0)}
    figures = mapped("7月份,全国规模以上工业增加值同比增长4.8%,增速与6月份持平;环比增长0.98%。",
                     period="2020-07")
    assert figures == {("va_yoy", "2020-07", "ALL", 4.8), ("va_mom", "2020-07", "ALL", 0.98)}


def test_a_later_quarter_and_double_digits_are_no_figures() -> None:
    figures = mapped("今年上半年,二季度工业企业利润同比增长4.0%。6月全国规模以上工业企业"
                     "实现利润总额6000.0亿元,同比增长11.0%,实现两位数增长。", period="2020-06")
    assert figures == {("profit_month", "2020-06", "ALL", 600_000_000_000.0),
                       ("profit_month_yoy", "2020-06", "ALL", 11.0)}
    assert mapped("前三季度规模以上工业增加值同比增长5.0%。", period="2024-09") == {
        ("va_ytd_yoy", "2024-09", "ALL", 5.0)}


def test_inserted_commas_and_a_month_phrase_of_another_paragraph() -> None:
    figures = mapped("1月份,,大,、中,、小型企業PMI分別為52.0%、48.0%和47.0%,,高於上月。",
                     period="2023-01")
    assert figures == {("pmi_large", "2023-01", "ALL", 52.0),
                       ("pmi_medium", "2023-01", "ALL", 48.0),
                       ("pmi_small", "2023-01", "ALL", 47.0)}
    figures = mapped("1月份製造業PMI降至49.0。12月製造業PMI則為50.0。\n大型企業PMI為50.5。",
                     period="2026-01")
    assert ("pmi_large", "2026-01", "ALL", 50.5) in figures
    assert ("pmi_manufacturing", "2025-12", "ALL", 50.0) in figures


def test_growth_against_another_base_year_is_no_figure() -> None:
    figures = mapped("今年首9個月利潤總額6.00萬億元,按年增長44.0%,較2019年同期增長41.0%。",
                     period="2021-09")
    assert figures == {("profit_ytd", "2021-09", "ALL", 6_000_000_000_000.0),
                       ("profit_ytd_yoy", "2021-09", "ALL", 44.0)}


def test_the_most_precise_copy_states_an_accepted_figure() -> None:
    coarse = CopyFigure("profit_ytd", "2020-07", "ALL", 3.1e12, "cny", "a", "https://a.com/1",
                        "3.1万亿元", 1, "nbs-profit")
    fine = CopyFigure("profit_ytd", "2020-07", "ALL", 3.10229e12, "cny", "b", "https://b.org/2",
                      "31022.9亿元", 1, "nbs-profit")
    history = confirm([coarse, fine], copies_of(coarse, fine))
    assert [(f.value, f.status) for f in history.figures] == [(3.10229e12, "confirmed_two_copies")]


def test_other_economies_pmis_are_the_wrong_series() -> None:
    figures = mapped("7月份,美国和欧元区制造业PMI初值分别为49.0%和42.7%。虽然本月我国制造业PMI"
                     "回升至49.3%,但需求不足。", period="2023-07")
    assert figures == {("pmi_manufacturing", "2023-07", "ALL", 49.3)}


def test_a_variant_spelling_of_new_orders() -> None:
    figures = mapped("生产指数为50，较上月升0.3个百分点；新定单指数为49.2，较上月升0.4个百分点。",
                     period="2025-11")
    assert figures == {("pmi_production", "2025-11", "ALL", 50.0),
                       ("pmi_new_orders", "2025-11", "ALL", 49.2)}


def test_a_breakdown_paragraph_keeps_the_span_of_the_one_before() -> None:
    figures = mapped("1至9月,全国规模以上工业企业实现利润总额53000.0亿元,同比增长3.0%。\n"
                     "从三大门类看,制造业增长9.0%,较1至8月加快2.5个百分点。", period="2025-09")
    assert ("profit_ytd_yoy", "2025-09", "C", 9.0) in figures


def test_an_industry_division_is_neither_a_sector_nor_the_whole() -> None:
    figures = mapped("4月份,规模以上工业增加值同比增长6.0%。其中,专用设备制造业增长9.1%,"
                     "汽车制造业下降3.0%,电力、热力生产和供应业增长2.2%。\n"
                     "1-4月份,主要行业利润情况如下:通用设备制造业增长4.4%,纺织业下降1.5%。"
                     "1-4月份,黑色金属冶炼和压延加工业利润总额-50.0亿元。", period="2019-04")
    assert figures == {("va_yoy", "2019-04", "ALL", 6.0)}


def test_a_day_of_the_month_dates_the_release_and_is_no_period() -> None:
    figures = mapped("8月底,统计局发布数据,2016年1-7月份,规模以上工业企业实现利润总额"
                     "30000.0亿元,同比增长6.0%。", period="2016-07")
    assert figures == {("profit_ytd", "2016-07", "ALL", 3e12),
                       ("profit_ytd_yoy", "2016-07", "ALL", 6.0)}
    stock = mapped("截至6月底,5G基站总数为250万个。", period="2023-06")
    assert ("g5_base_stations", "2023-06-30", "ALL", 2_500_000.0) in stock


def test_a_forecast_quoted_beside_the_figure_is_no_figure() -> None:
    figures = mapped("5月份规模以上工业增加值同比增长6.3%,略高于市场预估的6.0%。",
                     period="2019-05")
    assert figures == {("va_yoy", "2019-05", "ALL", 6.3)}


def test_a_list_after_a_later_quarter_and_a_share_are_no_figures() -> None:
    figures = mapped("上半年,规模以上工业增加值同比增长5.0%,其中一、二季度分别增长4.0%、6.0%。"
                     "高技术制造业占规模以上工业增加值比重为15.5%。", period="2020-06")
    assert figures == {("va_ytd_yoy", "2020-06", "ALL", 5.0)}


def test_listed_months_give_their_values_in_order() -> None:
    figures = mapped("而先前的4月和5月,规模以上工业企业利润分别增长10.0%和12.0%。",
                     period="2021-06")
    assert figures == {("profit_month_yoy", "2021-04", "ALL", 10.0),
                       ("profit_month_yoy", "2021-05", "ALL", 12.0)}


def test_trillions_written_zhao() -> None:
    figures = mapped("1-11月工業企業利潤人民幣6兆5,432億元,營業收入人民幣120.5兆元。",
                     period="2021-11")
    assert ("profit_ytd", "2021-11", "ALL", 6.5432e12) in figures
    assert ("revenue_ytd", "2021-11", "ALL", 1.205e14) in figures


def test_an_english_wire_copy_of_industrial_production() -> None:
    figures = mapped(
        "BEIJING, May 15 (Xinhua) -- China's value-added industrial output expanded 5.5 percent "
        "year on year in April, 0.1 percent more than in March, the statistics bureau said. "
        "On a monthly basis, industrial output rose 0.40 percent. In the first four months, "
        "industrial output climbed 6.0 percent, down from 6.2 percent in the first quarter. "
        "Output of state-holding enterprises went up 4.0 percent in April. East China reported "
        "growth of 3.0 percent. High-tech manufacturing grew 9.0 percent.", period="2019-04")
    assert figures == {
        ("va_yoy", "2019-04", "ALL", 5.5), ("va_mom", "2019-04", "ALL", 0.4),
        ("va_ytd_yoy", "2019-04", "ALL", 6.0), ("va_ytd_yoy", "2019-03", "ALL", 6.2),
        ("va_yoy_state_holding", "2019-04", "ALL", 4.0)}


def test_an_english_copy_of_industrial_profits_and_its_bases() -> None:
    figures = mapped(
        "BEIJING, March 27 (Reuters) - Industrial profits rose 10.0 percent to 900.0 billion yuan "
        "in the first two months, slowing from a 20.0 percent jump in the same period of 2018. "
        "Profits at state-owned firms rose 8.0 percent, private companies 5.0 percent and "
        "foreign companies 3.0 percent. Profits rose 4.0 percent in December, reversing a "
        "1.0 percent decline registered in the previous month. Firms with revenue of at least "
        "20 million yuan are covered.", period="2019-02")
    assert figures == {
        ("profit_ytd_yoy", "2019-02", "ALL", 10.0), ("profit_ytd", "2019-02", "ALL", 9e11),
        ("profit_ytd_yoy_state_holding", "2019-02", "ALL", 8.0),
        ("profit_ytd_yoy_private", "2019-02", "ALL", 5.0),
        ("profit_ytd_yoy_foreign", "2019-02", "ALL", 3.0),
        ("profit_month_yoy", "2018-12", "ALL", 4.0)}


def test_english_spans_shares_forecasts_and_other_years() -> None:
    figures = mapped(
        "Profits for the four months ended April were up 7.0 percent. Profits of private "
        "enterprises rose 5.5 percent, compared with a 4.5 percent rise for the three months "
        "ended March. Collective enterprises profits rose 1.0 percent in the January - April "
        "period. Profits in the mining sector declined sharply by 20.0 percent. Profits will "
        "likely rise by between 5% and 6% this year.", period="2016-04")
    assert figures == {
        ("profit_ytd_yoy", "2016-04", "ALL", 7.0),
        ("profit_ytd_yoy_private", "2016-04", "ALL", 5.5),
        ("profit_ytd_yoy_private", "2016-03", "ALL", 4.5),
        ("profit_ytd_yoy_collective", "2016-04", "ALL", 1.0),
        ("profit_ytd_yoy", "2016-04", "B", -20.0)}
    output = mapped(
        "Industrial output rose 6.0 percent in March, the fastest since it increased 7.0 "
        "percent in December 2014. Analysts polled by Reuters had predicted it would grow "
        "5.0 percent. Growth was seen at 5.5 percent. On a month-to-month basis, industrial "
        "output rose 0.5 percent. Industry accounted for 40.0 percent of GDP. In March "
        "alone, industrial output rose 6.0 percent year on year and 12.0 percent from the "
        "2019 level. Manufacturing output expanded 6.5 percent, up from 6 percent in the "
        "first two months.",
        period="2021-03")
    assert output == {
        ("va_yoy", "2021-03", "ALL", 6.0), ("va_mom", "2021-03", "ALL", 0.5),
        ("va_yoy", "2021-03", "C", 6.5), ("va_yoy", "2021-02", "C", 6.0)}


def test_a_shipped_page_read_again_is_mapped_again(tmp_path: Path) -> None:
    url = "https://a.example.com/p"
    old = CopyFigure("profit_ytd", "2021-11", "ALL", 6.5e11, "cny", f"shipped:{url}", url,
                     "6,500亿元", 0, "nbs-profit")
    shipped = Shipped([old], {old.copy_id: Copy(old.copy_id, url, "2021-11", "", "", "shipped")},
                      {})
    (tmp_path / "001.txt").write_text(
        f"Q: q\n=== {url}\n@ period=2021-11 year=text\n"
        "1-11月份,规模以上工业企业实现利润总额65000亿元。\n", encoding="utf-8")
    history = build_history(tmp_path, shipped)
    assert [(f.indicator, f.value) for f in history.unconfirmed] == [("profit_ytd", 6.5e12)]
    assert not history.conflicts


def test_a_base_of_another_year_named_after_it_is_no_figure() -> None:
    figures = mapped("Industrial profits rose 16.0 percent in the first two months, less than "
                     "the 30.0 percent increase in the first two months of 2017.",
                     period="2018-02")
    assert figures == {("profit_ytd_yoy", "2018-02", "ALL", 16.0)}


def test_english_declines_named_after_and_figures_of_another_year() -> None:
    figures = mapped(
        "For the full-yr of 2018, industrial profits rose 10.0 per cent, easing from 2017's "
        "pace of 20 per cent, compared with the 2.0 percent dip in the January-November "
        "period. State-owned enterprises recorded a 5% on-year decline in profits. It was the "
        "first decline since 2015 when profits fell 2.5 percent. In December alone, profits "
        "dipped 1.5 percent after recording 4.0% on-year growth in November.",
        period="2018-12")
    assert figures == {
        ("profit_ytd_yoy", "2018-12", "ALL", 10.0), ("profit_ytd_yoy", "2018-11", "ALL", -2.0),
        ("profit_ytd_yoy_state_holding", "2018-12", "ALL", -5.0),
        ("profit_month_yoy", "2018-12", "ALL", -1.5), ("profit_month_yoy", "2018-11", "ALL", 4.0)}


def test_a_clause_names_its_own_month() -> None:
    figures = mapped("二季度,规模以上工业增加值同比增长1.0%。其中,4月份规模以上工业增加值"
                     "同比下降2.0%;6月份增长4.0%,比上月加快3.0个百分点,环比增长0.80%。",
                     period="2022-06")
    assert ("va_mom", "2022-06", "ALL", 0.8) in figures
    assert ("va_yoy", "2022-04", "ALL", -2.0) in figures


def test_telecom_shares_and_parts_of_revenue_are_no_figures() -> None:
    figures = mapped("1-10月,电信业务收入累计完成10000亿元,同比增长1.0%。实现固定通信业务收入"
                     "3000亿元,同比增长9.0%,在电信业务收入中占30.0%。", period="2019-10")
    assert figures == {("telecom_revenue", "2019-10", "ALL", 1e12),
                       ("telecom_revenue_yoy", "2019-10", "ALL", 1.0)}


def test_english_hyphenated_percents_and_bases_of_another_year() -> None:
    figures = mapped("Industrial output grew 6.0 percent in May, up from the 5.5-percent growth in "
                     "April. Mining output growth decelerated to 2.0 percent from 4.0 percent in "
                     "2014. Companies funded with overseas investment saw profits rise 3.0 percent "
                     "in the first five months.", period="2015-05")
    assert figures == {("va_yoy", "2015-05", "ALL", 6.0), ("va_yoy", "2015-04", "ALL", 5.5),
                       ("va_yoy", "2015-05", "B", 2.0), ("va_ytd_yoy", "2014-12", "B", 4.0),
                       ("profit_ytd_yoy_foreign", "2015-05", "ALL", 3.0)}
    # the same base in a December copy is of another year than the copy's: no figure
    december = mapped("Industrial output grew 6.0 percent in 2015. Mining output grew 2.0 "
                      "percent in 2015, down from 4.0 percent in 2014.", period="2015-12")
    assert december == {("va_ytd_yoy", "2015-12", "ALL", 6.0),
                        ("va_ytd_yoy", "2015-12", "B", 2.0)}


def test_a_level_reached_is_unsigned_and_other_pmis_are_skipped() -> None:
    figures = mapped("China's official manufacturing purchasing managers' index (PMI) fell to "
                     "49.0 in May from 49.5 in April. The non-manufacturing purchasing managers' "
                     "index fell to 54.0 in May. The official composite PMI edged down to 52.0.",
                     period="2023-05")
    assert figures == {("pmi_manufacturing", "2023-05", "ALL", 49.0),
                       ("pmi_manufacturing", "2023-04", "ALL", 49.5)}
    output = mapped("China's industrial output rose by a less-than-expected 7.0 percent in "
                    "November. In August, industrial output growth tumbled to 6.0 percent.",
                    period="2014-11")
    assert output == {("va_yoy", "2014-11", "ALL", 7.0), ("va_yoy", "2014-08", "ALL", 6.0)}


def test_the_same_month_last_year_is_no_figure() -> None:
    figures = mapped("In October, industrial output rose 6.0% year on year, up from 5.5% in "
                     "October last year.", period="2016-10")
    assert figures == {("va_yoy", "2016-10", "ALL", 6.0)}


def test_english_singular_profit_and_ownership_words() -> None:
    figures = mapped("China's industrial profit rose 20% in August. In June, profits slipped by a "
                     "smaller 0.5%. Profits at state-controlled enterprises dropped 10.0% in the "
                     "first eight months, while profits of foreign and private companies declined "
                     "5.0% and 2.0%. Total first-quarter profits were 1.2 trillion yuan.",
                     period="2019-08")
    assert figures == {
        ("profit_month_yoy", "2019-08", "ALL", 20.0), ("profit_month_yoy", "2019-06", "ALL", -0.5),
        ("profit_ytd_yoy_state_holding", "2019-08", "ALL", -10.0),
        ("profit_ytd_yoy_foreign", "2019-08", "ALL", -5.0),
        ("profit_ytd_yoy_private", "2019-08", "ALL", -2.0),
        ("profit_ytd", "2019-03", "ALL", 1.2e12)}


def test_english_names_of_value_added() -> None:
    figures = mapped("On a month-on-month basis, industrial value added rose 0.20%. In September "
                     "alone, output by major industrial firms jumped 6.0 percent.",
                     period="2020-09")
    assert figures == {("va_mom", "2020-09", "ALL", 0.2), ("va_yoy", "2020-09", "ALL", 6.0)}


def test_sector_and_ownership_names_written_with_commas_or_cut_short() -> None:
    figures = mapped("6月份,采矿业增加值同比增长1.0%,制造业增长3.0%,电力,热力,燃气及水生产和"
                     "供应业增长2.0%。"
                     "股份制企业增长4.0%,港澳台商投资企业增长3.5%。", period="2022-06")
    assert figures == {("va_yoy", "2022-06", "B", 1.0),
                       ("va_yoy", "2022-06", "C", 3.0), ("va_yoy", "2022-06", "D", 2.0),
                       ("va_yoy_shareholding", "2022-06", "ALL", 4.0),
                       ("va_yoy_foreign", "2022-06", "ALL", 3.5)}


def test_english_copies_that_lost_spaces_list_bases_and_abbreviate_spans() -> None:
    figures = mapped(
        "Profits hit 3.0 trillion yuan in the first half of 2023, down 10.0 percent.In June, "
        "profits were 700.0 billion yuan, a year-on-year decrease of 5.0 percent, narrowing "
        "further from the 12.0% and 15.0% on-year drops recorded in May and April. Profits "
        "plunged 20.0 percent in Jan-Nov. For the whole of 2022, profits declined by 4.0 "
        "percent.", period="2023-06")
    assert figures == {
        ("profit_ytd", "2023-06", "ALL", 3e12), ("profit_ytd_yoy", "2023-06", "ALL", -10.0),
        ("profit_month", "2023-06", "ALL", 7e11), ("profit_month_yoy", "2023-06", "ALL", -5.0),
        ("profit_ytd_yoy", "2022-11", "ALL", -20.0), ("profit_ytd_yoy", "2022-12", "ALL", -4.0)}


def test_an_english_date_with_its_day_first_is_no_period() -> None:
    figures = mapped("BEIJING, 19th January, 2026 (WAM) -- China's value-added industrial output "
                     "expanded 5.0 percent year on year in 2025.\n\nMining recorded growth of "
                     "4.0 percent.", period="2025-12")
    assert figures == {("va_ytd_yoy", "2025-12", "ALL", 5.0), ("va_ytd_yoy", "2025-12", "B", 4.0)}


def test_joint_stock_without_a_hyphen_and_output_that_lost() -> None:
    figures = mapped("Industrial output of state-owned enterprises saw 2.0 percent growth in "
                     "February, while that of joint stock companies expanded by 7.0 percent. "
                     "The output of the electricity, heating, gas and water sectors lost 0.3 "
                     "percent in February.", period="2015-02")
    assert figures == {("va_yoy_state_holding", "2015-02", "ALL", 2.0),
                       ("va_yoy_shareholding", "2015-02", "ALL", 7.0),
                       ("va_yoy", "2015-02", "D", -0.3)}


def test_bounds_and_average_annual_growth_in_english_are_no_figures() -> None:
    figures = mapped("Profits rose 30.0 percent in 2021, putting the average annual growth for "
                     "2020 and 2021 at 18.0 percent, up from the less than 10-percent increase "
                     "recorded in the first 11 months.", period="2021-12")
    assert figures == {("profit_ytd_yoy", "2021-12", "ALL", 30.0)}


def test_english_figures_against_a_pre_pandemic_year_are_no_figures() -> None:
    figures = mapped("Profits rose 60.0 percent in the first half. Compared with the 2019 level, "
                     "profits rose by 40.0 percent in H1. Profits increased 40.0% from the same "
                     "period in 2019. Profits plummeted almost 40 per cent.", period="2021-06")
    assert figures == {("profit_ytd_yoy", "2021-06", "ALL", 60.0)}


def test_a_later_quarter_written_q4_is_no_figure() -> None:
    figures = mapped("Industrial output went up 3.0 percent in 2020. In Q4, the industrial output "
                     "grew 7.0 percent year on year.", period="2020-12")
    assert figures == {("va_ytd_yoy", "2020-12", "ALL", 3.0)}


def test_initial_months_a_possessive_base_and_the_utilities_sector() -> None:
    figures = mapped("China's industrial output in May increased by 5.0% year on year, slowing "
                     "from April’s 6.0% growth. The utilities sector registered an expansion of "
                     "4.0%. For the initial five months of the year, industrial output rose 6.2%.",
                     period="2024-05")
    assert figures == {("va_yoy", "2024-05", "ALL", 5.0), ("va_yoy", "2024-05", "D", 4.0),
                       ("va_ytd_yoy", "2024-05", "ALL", 6.2)}


def test_an_english_period_after_a_number_is_not_the_next_numbers() -> None:
    output = mapped("Industrial output rose 5.6% in May. Mining output posted a growth of 3.6% "
                    "in May from 2.0% in April, while the utilities sector registered an "
                    "expansion of 4.3%.", period="2024-05")
    assert ("va_yoy", "2024-05", "D", 4.3) in output
    assert ("va_yoy", "2024-04", "B", 2.0) in output


def test_a_release_date_without_its_day_is_left_unstated(tmp_path: Path) -> None:
    page = tmp_path / "001.txt"
    page.write_text("Q: query\n=== https://b.com/2\n@ period=2019-09 year=text published=2019-10\n"
                    "2019年9月份,规模以上工业增加值同比实际增长5.8%。\n", encoding="utf-8")
    (copy,) = read_lookup(page)
    assert copy.published == ""
    assert [f.value for f in build_history(tmp_path).unconfirmed] == [5.8]


def test_revenue_of_a_business_line_is_not_the_telecom_total() -> None:
    figures = mapped("1-12月,电信业务收入累计完成16000亿元,同比增长2.0%。其中,互联网宽带业务收入"
                     "完成2000亿元,同比增长10.0%;移动数据流量业务收入完成6000亿元,同比下降1.0%;"
                     "新兴业务共完成业务收入1500亿元,同比增长20.0%;语音业务收入800亿元。",
                     period="2024-12")
    assert figures == {("telecom_revenue", "2024-12", "ALL", 1.6e12),
                       ("telecom_revenue_yoy", "2024-12", "ALL", 2.0)}


def test_a_page_giving_one_cell_two_values_vouches_for_the_first(tmp_path: Path) -> None:
    block = "=== {url}\n@ period=2020-07 year=text published=2020-07-31\n{text}\n"
    # the headline, then a size class's index read as the headline too
    torn = "2020年7月份,制造业采购经理指数(PMI)为51.0%。7月份,制造业PMI为52.5%。"
    (tmp_path / "001.txt").write_text("Q: q\n" + block.format(url="https://a.com/1", text=torn)
                                      + block.format(url="https://b.com/2", text=torn),
                                      encoding="utf-8")
    history = build_history(tmp_path)
    assert [(f.indicator, f.value, f.status) for f in history.figures] == [
        ("pmi_manufacturing", 51.0, "confirmed_two_copies")]
    assert {c.stated for c in history.conflicts} == {52.5}
