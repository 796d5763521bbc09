"""The fixed words of a report card (headings, column names, labels) in English and
Chinese, for the briefing and the dashboard's report card alike.

Kept apart from the code so that a translator can check one table; ``tests/report``
asserts that both languages have every key.
"""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "title": {"en": "Industry and ICT report card", "zh": "工业和信息化运行监测简报"},
    "publisher_line": {
        "en": "Industrial and ICT operation monitoring (indmon)",
        "zh": "工业和信息化运行监测（indmon）",
    },
    "generated": {"en": "Generated", "zh": "生成时间"},
    "period": {"en": "Period", "zh": "报告期"},
    "contents": {"en": "Contents", "zh": "目录"},
    "headline": {"en": "Headline figures", "zh": "主要指标"},
    "simulated": {"en": "Simulated data", "zh": "模拟数据"},
    "simulated_banner": {
        "en": "Part of this report is computed from simulated enterprise reports. "
              "Simulated figures are marked and are not official statistics.",
        "zh": "本简报部分数据由模拟企业月报计算得出，已逐项标注，不是官方统计数据。",
    },
    "indicator": {"en": "Indicator", "zh": "指标"},
    "value": {"en": "Value", "zh": "数值"},
    "refers_to": {"en": "Period", "zh": "时期"},
    "previous": {"en": "A year earlier", "zh": "上年同期"},
    "change": {"en": "Change", "zh": "变化"},
    "industry": {"en": "Industry", "zh": "行业"},
    "sector": {"en": "Sector", "zh": "门类"},
    "province": {"en": "Province", "zh": "地区"},
    "region": {"en": "Region", "zh": "区域"},
    "rank": {"en": "Rank", "zh": "位次"},
    "growth": {"en": "Growth, year to date (%)", "zh": "累计增速（%）"},
    "contribution": {"en": "Contribution (pp)", "zh": "拉动（百分点）"},
    "vs_national": {"en": "Against national rate (pp)", "zh": "与全国相比（百分点）"},
    "profit": {"en": "Total profit", "zh": "利润总额"},
    "profit_growth": {"en": "Profit growth (%)", "zh": "利润增速（%）"},
    "loss_making": {"en": "Loss-making enterprises", "zh": "亏损企业数"},
    "losses": {"en": "Losses", "zh": "亏损额"},
    "enterprises": {"en": "Enterprises reporting", "zh": "报送企业数"},
    "computed_overview": {"en": "Industrial production", "zh": "工业生产"},
    "computed": {"en": "Computed from enterprise reports", "zh": "企业月报计算"},
    "by_industry": {"en": "Value added by industry", "zh": "分行业增加值"},
    "by_province": {"en": "Value added by province", "zh": "分地区增加值"},
    "profits": {"en": "Profits and loss-making enterprises", "zh": "利润与亏损企业"},
    "risks": {"en": "Risks and alerts", "zh": "风险预警"},
    "no_alerts": {
        "en": "Monitoring ran and raised no alerts for this period.",
        "zh": "本期监测未发现预警。",
    },
    "severity": {"en": "Severity", "zh": "级别"},
    "alert": {"en": "Alert", "zh": "预警"},
    "month": {"en": "Month", "zh": "月份"},
    "status": {"en": "Status", "zh": "状态"},
    "high": {"en": "High", "zh": "高"},
    "medium": {"en": "Medium", "zh": "中"},
    "low": {"en": "Low", "zh": "低"},
    "notes": {"en": "Notes", "zh": "注释"},
    "sources": {"en": "Sources", "zh": "资料来源"},
    "source": {"en": "Source", "zh": "来源"},
    "computed_lead": {
        "en": "Computed by indmon from enterprise monthly reports on a comparable sample, "
              "year to date: {period}.",
        "zh": "由indmon根据企业月报按可比口径计算，累计期间：{period}。",
    },
    "published_lead": {
        "en": "Figures as published; each number cites its release.",
        "zh": "数据为公开发布数据，每个数字均注明出处。",
    },
    "monthly_growth": {"en": "Month, year on year", "zh": "当月同比"},
    "ytd_growth": {"en": "Year to date, year on year", "zh": "累计同比"},
    "monthly_chart": {
        "en": "Growth of industrial value added, {year}",
        "zh": "{year}年规模以上工业增加值增速",
    },
    "industry_chart": {
        "en": "Value added growth by industry, {period}",
        "zh": "{period}分行业增加值增速",
    },
    "province_chart": {
        "en": "Value added growth by province, {period}",
        "zh": "{period}分地区增加值增速",
    },
    "profit_chart": {
        "en": "Profit growth by industry, {period}",
        "zh": "{period}分行业利润增速",
    },
    "national": {"en": "National", "zh": "全国"},
    "percent_axis": {"en": "%", "zh": "%"},
    "chart_source": {"en": "Source: {sources}", "zh": "资料来源：{sources}"},
    "computation": {"en": "indmon computation", "zh": "indmon计算"},
    "industries_grew": {
        "en": "{grew} of the {total} industries grew year on year.",
        "zh": "{total}个行业中有{grew}个行业增加值同比增长。",
    },
    "provinces_faster": {
        "en": "{faster} of the {total} provinces grew faster than the national rate of ",
        "zh": "{total}个地区中有{faster}个地区增速高于全国水平",
    },
    "latest_known": {"en": "latest known: {period}", "zh": "最新可得：{period}"},
    "suppressed": {"en": "suppressed", "zh": "不公布"},
    "confidential": {"en": "confidential", "zh": "保密"},
    "confidential_lead": {
        "en": "This card is confidential: values marked confidential are of cells "
              "suppressed for publication (too few enterprises, or dominated by one or two).",
        "zh": "本简报含保密数据：标注“保密”的数值所在单元涉及企业过少或由一两家企业"
              "主导，不得对外公布。",
    },
    "suppressed_lead": {
        "en": "Cells marked suppressed rest on too few enterprises or are dominated by one "
              "or two of them, or would reveal such a cell; their values are not published.",
        "zh": "标注“不公布”的单元涉及企业过少或由一两家企业主导，或可据以推算此类单元，"
              "依统计法不公布其数值。",
    },
    "latest_known_lead": {
        "en": "Figures marked latest known are the latest the store has within {period}, "
              "not figures for the whole of it.",
        "zh": "标注“最新可得”的数据为{period}内库中最新的数据，并非全期数据。",
    },
    "simulated_lead": {
        "en": "The reports are simulated: these figures illustrate the method and are not "
              "official statistics.",
        "zh": "所用企业月报为模拟数据：以下数字仅演示计算方法，不是官方统计数据。",
    },
    "note_figures": {"en": "Figures", "zh": "所涉数据"},
    "end_sentence": {"en": ".", "zh": "。"},
    "colon": {"en": ": ", "zh": "："},
    "comma": {"en": ", ", "zh": "，"},
    "link_title": {"en": "Provenance of this number", "zh": "查看数据来源"},
    "basis_real": {
        "en": "Growth rates are at comparable prices (value added deflated by producer price "
              "indices), the basis of the statistics bureau's published growth; contributions "
              "are shares of growth at current prices.",
        "zh": "增速按可比价格计算（增加值按工业生产者出厂价格指数缩减），与国家统计局发布口径一致；"
              "拉动按现价计算。",
    },
    "basis_nominal": {
        "en": "Growth rates are at current prices: the store has no comparable-price figures "
              "for this period, so they are not directly comparable with the statistics "
              "bureau's published growth, which is at comparable prices.",
        "zh": "增速按现价计算：库中没有本期的可比价数据，因此与国家统计局按可比价格发布的增速"
              "不可直接比较。",
    },
    "comparable_prices": {"en": "comparable prices", "zh": "可比价"},
    "current_prices": {"en": "current prices", "zh": "现价"},
    "comparable_prices_lead": {"en": "At comparable prices, ", "zh": "按可比价格计算，"},
    "current_prices_lead": {"en": "At current prices, ", "zh": "按现价计算，"},
    "at_current_prices": {"en": " (current prices)", "zh": "（现价）"},
    "versus_published": {"en": "Against the published figure: ", "zh": "与公开发布数据对照："},
    "computed_simulated": {"en": "computed from simulated reports ", "zh": "模拟数据计算值"},
    "computed_label": {"en": "computed ", "zh": "计算值"},
    "published_label": {"en": " vs published ", "zh": "，公开发布值"},
    "sources_differ": {"en": "sources differ", "zh": "来源不一致"},
    # -- the dashboard's report card (the same card, on the home page) --
    "section_published": {"en": "Published figures", "zh": "公开发布数据"},
    "section_computed": {"en": "Computed from enterprise reports", "zh": "根据企业月报计算"},
    "section_simulated": {"en": "Computed from simulated enterprise reports",
                          "zh": "根据模拟企业月报计算"},
    "section_published_note": {
        "en": "Figures stated in official releases, each compared with the same period a "
              "year earlier.",
        "zh": "官方发布的数据，均与上年同期比较。",
    },
    "section_computed_note": {
        "en": "Computed by indmon from enterprise monthly reports, each compared with the "
              "same period a year earlier. These are not published statistics.",
        "zh": "由indmon根据企业月报计算，均与上年同期比较；不是公开发布的统计数据。",
    },
    "section_simulated_note": {
        "en": "Computed by indmon from a simulated enterprise panel, each compared with the "
              "same period a year earlier: the figures illustrate the method, are not "
              "official statistics and must not be compared with the published figures.",
        "zh": "由indmon根据模拟企业样本计算，均与上年同期比较：仅演示计算方法，不是官方统计数据，"
              "不可与公开发布数据对比。",
    },
    "compared_with": {"en": "compared with", "zh": "对比"},
    "years": {"en": "Years", "zh": "年度"},
    "halves": {"en": "Half years", "zh": "半年"},
    "quarters": {"en": "Quarters", "zh": "季度"},
    "months": {"en": "Months", "zh": "月度"},
    "no_figures": {"en": "The store has no figures for {period}.",
                   "zh": "库中没有{period}的数据。"},
    "empty_store": {
        "en": "The store holds no figures yet: load published figures or import and compute "
              "enterprise reports.",
        "zh": "库中还没有数据：请导入发布数据，或导入企业月报并完成计算。",
    },
    "periods_with_figures": {"en": "Periods with figures", "zh": "有数据的时期"},
    "industries_count": {"en": "{count} industries", "zh": "{count}个行业"},
    "provinces_count": {"en": "{count} provinces", "zh": "{count}个地区"},
    "all_alerts": {"en": "All alerts of these months", "zh": "查看这些月份的全部预警"},
}


def words_for(lang: str) -> dict[str, str]:
    """Every fixed word in one language."""
    return {key: texts[lang] for key, texts in WORDS.items()}
