"""Words of the dashboard in English and Chinese, and how numbers are written in each."""

from __future__ import annotations

import math

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
    "download_csv": ("Download CSV", "下载 CSV"),
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
    "simulated_note": (
        "Computed from a simulated enterprise panel: the figures illustrate the method and "
        "are not official statistics.",
        "根据模拟企业样本计算，仅用于演示方法，并非官方统计数据。",
    ),
    "tile_map": ("Map", "地图"),
    "ranking": ("Ranking", "排名"),
    "legend": ("Legend", "图例"),
    "no_value": ("no figure", "无数据"),
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
}


def pick(lang: str | None) -> str:
    return lang if lang in LANGS else "en"


def t(key: str, lang: str) -> str:
    en, zh = LABELS[key]
    return zh if lang == "zh" else en


def number(value: float | None, unit: str, lang: str) -> str:
    """A figure as a reader expects it: 4.6%, 0.52 pp, 1.23 tn yuan / 1.23万亿元, 3,051."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if unit == "percent":
        return f"{value:.1f}%"
    if unit == "percentage_point":
        return f"{value:+.2f} " + ("个百分点" if lang == "zh" else "pp")
    if unit in ("cny", "usd"):
        return _money(value, unit, lang)
    if unit == "count":
        return f"{value:,.0f}"
    return f"{value:,.4g} {unit}"


def _money(value: float, unit: str, lang: str) -> str:
    if lang == "zh":
        currency = "元" if unit == "cny" else "美元"
        for size, word in ((1e12, "万亿"), (1e8, "亿"), (1e4, "万")):
            if abs(value) >= size:
                return f"{value / size:,.2f}{word}{currency}"
        return f"{value:,.0f}{currency}"
    currency = "yuan" if unit == "cny" else "US dollars"
    for size, word in ((1e12, "tn"), (1e9, "bn"), (1e6, "mn")):
        if abs(value) >= size:
            return f"{value / size:,.2f} {word} {currency}"
    return f"{value:,.0f} {currency}"


def unit_label(unit: str, lang: str) -> str:
    names = {
        "percent": ("percent (%)", "%"), "percentage_point": ("percentage points", "百分点"),
        "cny": ("yuan", "元"), "usd": ("US dollars", "美元"), "count": ("count", "个"),
    }
    en, zh = names.get(unit, (unit, unit))
    return zh if lang == "zh" else en
