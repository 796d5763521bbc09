"""Words of the dashboard in English and Chinese; numbers and units are written by the
catalogue's one formatter (:mod:`indmon.catalogue.units`)."""

from __future__ import annotations

import math

from indmon.catalogue import units
from indmon.errors import ConfigError
from indmon.periods import Period

LANGS = ("en", "zh")
LANG_COOKIE = "indmon_lang"

LABELS: dict[str, tuple[str, str]] = {
    "app": ("Industrial and ICT monitor", "工业和信息化运行监测"),
    "report_card": ("Report card", "运行概览"),
    "indicators": ("Indicators", "指标"),
    "provinces": ("Provinces", "地区"),
    "industries": ("Industries", "行业"),
    "alerts": ("Alerts", "预警"),
    "api": ("API", "接口"),
    "search": ("Search indicators, industries, provinces", "搜索指标、行业、地区"),
    "search_button": ("Search", "搜索"),
    "search_results": ("Search results", "搜索结果"),
    "no_results": ("Nothing matches", "没有匹配的结果"),
    "latest_period": ("Latest period", "最新期"),
    "previous": ("previous period", "上期"),
    "change": ("change", "变动"),
    "simulated": ("Simulated data", "模拟数据"),
    "simulated_banner": (
        "Figures marked 'Simulated data' come from a simulated enterprise panel, not from "
        "official statistics.",
        "标注“模拟数据”的数字来自模拟企业样本，并非官方统计数据。",
    ),
    "no_data": ("The store holds no figures yet.", "数据库中还没有数据。"),
    "source": ("Source", "来源"),
    "sources": ("Sources", "来源"),
    "unit": ("Unit", "单位"),
    "period": ("Period", "时期"),
    "value": ("Value", "数值"),
    "industry": ("Industry", "行业"),
    "province": ("Province", "地区"),
    "region": ("Region", "区域"),
    "sector": ("Sector", "门类"),
    "rank": ("Rank", "排名"),
    "enterprises": ("Enterprises", "企业数"),
    "time_series": ("Time series", "时间序列"),
    "by_industry": ("By industry", "分行业"),
    "by_province": ("By province", "分地区"),
    "table": ("Table", "数据表"),
    "notes": ("Notes", "说明"),
    "jan_feb_note": (
        "January and February are reported together: there is no January figure, and the "
        "February figure covers January-February combined.",
        "1-2月数据合并发布：没有1月单月数据，2月数据为1-2月合计。",
    ),
    "origin_published": ("Published", "公开发布"),
    "origin_computed": ("Computed", "计算"),
    "origin_simulated": ("Simulated data", "模拟数据"),
    "origin": ("Origin", "数据类型"),
    "note": ("Note", "说明"),
    "not_a_web_address": ("not an http(s) address: shown, not linked",
                          "非http(s)地址：仅显示，不作链接"),
    "disagreeing": ("Other sources state", "其他来源的数值"),
    "series": ("Series", "序列"),
    "freq_year": ("annual", "年度"),
    "freq_half": ("half-yearly", "半年度"),
    "freq_quarter": ("quarterly", "季度"),
    "freq_month": ("monthly", "月度"),
    "freq_span": ("multi-month", "多月"),
    "freq_stock": ("at dates", "时点"),
    "kind_month": ("single months", "当月"),
    "kind_ytd": ("year to date", "累计"),
    "simulated_note": (
        "Computed from a simulated enterprise panel: the figures illustrate the method and "
        "are not official statistics.",
        "根据模拟企业样本计算，仅用于演示方法，并非官方统计数据。",
    ),
    "tile_map": ("Map", "地图"),
    "ranking": ("Ranking", "排名"),
    "legend": ("Legend", "图例"),
    "no_value": ("no figure", "无数据"),
    "suppressed": ("suppressed", "不公布"),
    "suppressed_title": ("Confidential cell (statistical disclosure control)",
                         "涉及个别企业，依统计法不公布"),
    "confidential": ("confidential", "保密"),
    "confidential_title": ("A confidential cell you are cleared to see: not for publication",
                           "您有权查看的保密数据，不得公开"),
    "indicator": ("Indicator", "指标"),
    "show": ("Show", "显示"),
    "growth": ("Growth", "增速"),
    "contribution": ("Contribution (pp)", "拉动（百分点）"),
    "severity": ("Severity", "级别"),
    "status": ("Status", "状态"),
    "all": ("All", "全部"),
    "filter": ("Filter", "筛选"),
    "title": ("Title", "标题"),
    "cell": ("Where", "对象"),
    "acknowledge": ("Acknowledge", "确认"),
    "resolve": ("Resolve", "解除"),
    "high": ("high", "高"),
    "medium": ("medium", "中"),
    "low": ("low", "低"),
    "new": ("new", "新"),
    "acknowledged": ("acknowledged", "已确认"),
    "resolved": ("resolved", "已解除"),
    "no_alerts": ("No alerts match.", "没有符合条件的预警。"),
    "provenance": ("Provenance", "数据来源"),
    "observation": ("Observation", "观测值"),
    "vintages": ("Vintages", "版本"),
    "vintage": ("Vintage", "版本时间"),
    "published": ("Published", "发布日期"),
    "publisher": ("Publisher", "发布机构"),
    "mention": ("Stated as", "原文表述"),
    "computation": ("Computation", "计算"),
    "conflict": ("conflicting sources", "来源不一致"),
    "current": ("current", "当前"),
    "superseded": ("superseded", "已修订"),
    "login": ("Sign in", "登录"),
    "logout": ("Sign out", "退出"),
    "token": ("Access token", "访问令牌"),
    "signed_in_as": ("Signed in as", "当前用户"),
    "login_needed": ("Sign in with an access token to see this page.",
                     "请使用访问令牌登录后查看此页面。"),
    "error": ("Something went wrong", "出错了"),
    "api_docs": ("API reference", "接口文档"),
    "try_it": ("Try it", "试用"),
    "parameters": ("Parameters", "参数"),
    "response": ("Response", "响应"),
    "theme_other": ("Other", "其他"),
    "first": ("Earliest", "最早"),
    "figures": ("figures", "项数据"),
    "published_card": ("Published figures", "公开发布数据"),
    "published_card_note": (
        "Figures stated in official releases, each compared with the same period a year "
        "earlier.",
        "官方发布的数据，与上年同期比较。",
    ),
    "computed_card": ("Computed from enterprise reports (simulated)",
                      "根据企业报表计算（模拟数据）"),
    "computed_card_note": (
        "Computed by indmon from a simulated enterprise panel, each compared with the same "
        "period a year earlier; never compare these with the published figures above. Value "
        "added growth is shown at comparable prices.",
        "由 indmon 根据模拟企业样本计算，均与上年同期比较；不可与上方公开发布数据对比。工业增加值"
        "增速按可比价格计算。",
    ),
    "compared_with": ("compared with", "对比"),
    "other_periods": ("Other periods", "其他时期"),
    "computed_months": ("Computed months", "计算月份"),
    "not_found": ("Page not found", "页面不存在"),
    "not_found_text": ("There is no page at this address.", "此地址没有页面。"),
    "home_link": ("Go to the report card", "返回运行概览"),
    # search (indmon.web.dashboard.search)
    "search_hint": ("Type a name, an alias or a common word, such as industrial production, "
                    "profits or 5G.", "输入名称、别名或常用词，如工业增加值、利润、5G。"),
    "no_data_badge": ("no data", "暂无数据"),
    "latest": ("Latest", "最新"),
    "coverage": ("Coverage", "覆盖"),
    "only_breakdowns": ("No whole-country figures; figures", "无全国数据；有数据"),
    "no_data_yet": ("The store holds no figures of this indicator.", "库中还没有该指标的数据。"),
    # alerts (indmon.web.dashboard.wording)
    "what_happened": ("What happened", "预警内容"),
    "alert_count": ("alerts", "条预警"),
    "earlier": ("earlier months", "更早月份"),
    # the indicator page's view (indmon.web.dashboard.views)
    "view": ("View", "口径"),
    "view_level": ("Level", "总量"),
    "view_ytd": ("Year to date", "累计"),
    "view_yoy": ("Year on year", "同比"),
    "view_ytd_yoy": ("Year to date, year on year", "累计同比"),
    "from": ("From", "起始月"),
    "to": ("To", "截止月"),
    "as_of": ("As of", "截至日期"),
    "as_of_note": ("Figures as they were known on", "显示以下日期当时已知的数据："),
    "as_of_latest": ("show the latest figures", "显示最新数据"),
    "comparison": ("Comparison", "对比"),
    "compare_with": ("Compare with", "添加对比"),
    "add_to_comparison": ("Add", "添加"),
    "remove": ("remove", "移除"),
    "no_figures_view": ("No figures for this cell, range or date.",
                        "该地区、行业、时间范围或日期没有数据。"),
    "simulated_short": ("includes simulated data, not official statistics",
                        "含模拟数据，并非官方统计"),
    "trends": ("Trends", "走势"),
    "cell_trends_note": ("Every indicator with figures for this cell; each chart opens the "
                         "indicator page of the cell.",
                         "列出该对象有数据的全部指标；点击图表打开该对象的指标页面。"),
    "no_cell_figures": ("The store holds no figures for this cell.", "库中还没有该对象的数据。"),
    "all_provinces_link": ("All provinces", "全部地区"),
    "all_industries_link": ("All industries", "全部行业"),
    # downloads and sharing
    "downloads": ("Download", "下载"),
    "download_csv": ("CSV", "CSV"),
    "download_xlsx": ("Excel", "Excel"),
    "download_svg": ("SVG chart", "SVG 图"),
    "download_png": ("PNG chart", "PNG 图"),
    "download_meta": ("Metadata (JSON)", "元数据（JSON）"),
    "permalink": ("Permalink", "永久链接"),
    "embed": ("Embed", "嵌入"),
    "embed_note": ("Paste this into a web page to show the chart:",
                   "将下列代码粘贴到网页中即可显示此图："),
    "open_in_dashboard": ("Open in the dashboard", "在监测平台中打开"),
    "generated": ("Downloaded", "下载时间"),
    "address": ("Address", "地址"),
    "col_indicator": ("indicator", "指标代码"),
    "col_indicator_name": ("indicator name", "指标名称"),
    "col_province": ("province", "地区代码"),
    "col_province_name": ("province name", "地区名称"),
    "col_industry": ("industry", "行业代码"),
    "col_industry_name": ("industry name", "行业名称"),
    "col_period": ("period", "时期"),
    "col_period_name": ("period name", "时期名称"),
    "col_value": ("value", "数值"),
    "col_unit": ("unit", "单位"),
    "col_origin": ("origin", "数据类型"),
    "col_simulated": ("simulated", "模拟数据"),
    "col_vintage": ("vintage", "版本时间"),
    "col_sources": ("sources", "来源"),
    "col_obs_id": ("obs_id", "观测值编号"),
    "col_rank": ("rank", "排名"),
    "col_suppressed": ("suppressed", "不公布原因"),
    "col_change": ("change", "变动"),
    "yes": ("yes", "是"),
    "no": ("no", "否"),
    # vintages (provenance page)
    "vintages_note": ("Every value this figure has had, with the release that stated it, "
                      "oldest first (as ALFRED lists vintages).",
                      "该数据历次发布的数值及其来源，按时间先后排列。"),
    "this_vintage": ("this vintage", "本版本"),
    "view_as_of": ("the indicator as of then", "查看当时的指标"),
    "revised": ("revised", "修订"),
}


def pick(lang: str | None) -> str:
    return lang if lang in LANGS else "en"


def t(key: str, lang: str) -> str:
    en, zh = LABELS[key]
    return zh if lang == "zh" else en


def number(value: float | None, unit: str, lang: str, measure: str = "level") -> str:
    """A figure as a reader expects it, written by the catalogue's one formatter
    (:mod:`indmon.catalogue.units`) in its table form: 4.6%, +0.52 pp, 1.8 trillion yuan /
    1.8万亿元, 3,051, 3 months / 3个月; a dash where there is no figure."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return units.format_value(value, unit, pick(lang), measure, short=True)


def difference(diff: float | None, unit: str, lang: str, measure: str = "level") -> str:
    """A change between two figures: +1.0 pp (rates differ in points), −3, unchanged."""
    if diff is None or (isinstance(diff, float) and math.isnan(diff)):
        return "–"
    return units.format_difference(diff, unit, pick(lang), measure)


MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")


def period_label(text: str, lang: str) -> str:
    """A period as a reader says it: 2023, Q1 2023 / 2023年一季度, December 2023 /
    2023年12月, Jan-Nov 2023 / 2023年1-11月, end of 2023 / 2023年末."""
    try:
        period = Period.parse(text)
    except ConfigError:
        return text
    year, month = period.end[:4], int(period.end[5:])
    if period.kind == "year":
        return f"{year}年" if lang == "zh" else year
    if period.kind == "quarter":
        q = text[-1]
        return f"{year}年{'一二三四'[int(q) - 1]}季度" if lang == "zh" else f"Q{q} {year}"
    if period.kind == "month":
        return f"{year}年{month}月" if lang == "zh" else f"{MONTHS_EN[month - 1]} {year}"
    if period.kind == "date":
        return _date_label(text, lang)
    return _span_label(period.start, period.end, lang)


def period_short(text: str, lang: str) -> str:
    """A period on a chart's time axis: Mar 2023 / 2023年3月 for a month, otherwise as
    :func:`period_label` says it."""
    try:
        period = Period.parse(text)
    except ConfigError:
        return text
    if period.kind == "month":
        month = int(period.end[5:])
        return f"{period.end[:4]}年{month}月" if lang == "zh" else (
            f"{MONTHS_EN[month - 1][:3]} {period.end[:4]}")
    return period_label(text, lang)


def _date_label(text: str, lang: str) -> str:
    year, month, day = text[:4], int(text[5:7]), int(text[8:10])
    if lang == "zh":
        return f"{year}年末" if (month, day) == (12, 31) else f"{year}年{month}月{day}日"
    return f"end of {year}" if (month, day) == (12, 31) else (
        f"{day} {MONTHS_EN[month - 1][:3]} {year}")


def _span_label(start: str, end: str, lang: str) -> str:
    first, last = int(start[5:]), int(end[5:])
    if start[:4] == end[:4]:
        if lang == "zh":
            return f"{end[:4]}年{first}-{last}月"
        return f"{MONTHS_EN[first - 1][:3]}–{MONTHS_EN[last - 1][:3]} {end[:4]}"
    if lang == "zh":
        return f"{start[:4]}年{first}月至{end[:4]}年{last}月"
    return f"{MONTHS_EN[first - 1][:3]} {start[:4]} – {MONTHS_EN[last - 1][:3]} {end[:4]}"


def unit_label(unit: str, lang: str) -> str:
    """The unit as a heading or axis caption, from ``units.toml``: %, yuan / 元."""
    return units.unit_label(unit, pick(lang))
