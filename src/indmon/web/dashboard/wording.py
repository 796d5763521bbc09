"""How the dashboard words signals: alerts as sentences in the page's language, one row
per cell and cause, and colours that follow what a change means.

Alerts are stored with the titles monitoring wrote (``indmon.monitor``), which name
indicators by id and periods as ``2024-03``. A page rewrites each alert from what it
stores (rule, cell, period, evidence) as a sentence in the reader's language; the shape
of the evidence says which kind of check fired (:func:`alert_kind`), so a rule of one's
own rules file reads as well as a shipped one. An alert of an unknown shape keeps its
stored title in the page's language, with indicator ids and months put in words.

Colours: a rise is good for most indicators (output, profit, revenue), bad for a few
(losses, loss-making enterprises, energy intensity, complaints; a world rank, where 1 is
best), and neither for prices and inventories. The catalogue has no such field, so
:data:`LOWER_IS_BETTER` and :data:`NEUTRAL` say it here (:func:`direction`).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from indmon.catalogue import ALL, Catalogue, units
from indmon.errors import IndmonError
from indmon.monitor.alerts import cell_label
from indmon.monitor.rules import load_rules, parse_rules
from indmon.web.dashboard import i18n

# -- what a change means ------------------------------------------------------------------------
#: indicators whose rise is bad news (ids; any id starting with ``loss`` too)
LOWER_IS_BETTER = frozenset({
    "loss_making_ytd", "loss_ytd", "industrial_energy_intensity_yoy", "telecom_complaints",
})
#: indicators whose change is neither good nor bad in itself (prices, inventories, counts
#: of inspections or of reporters)
NEUTRAL = frozenset({
    "pmi_raw_inventory", "pmi_finished_inventory", "pmi_input_prices", "pmi_output_prices",
    "illegal_apps_notified", "harassment_calls_intercepted", "apps_inspected", "enterprises",
})


def direction(indicator: str | None) -> int:
    """+1 when a rise is good news, -1 when it is bad, 0 when neither.

    >>> direction("va_ytd_yoy"), direction("loss_making_ytd"), direction("pmi_input_prices")
    (1, -1, 0)
    """
    if not indicator:
        return 0
    if indicator in NEUTRAL:
        return 0
    if indicator in LOWER_IS_BETTER or indicator.startswith("loss"):
        return -1
    found = Catalogue.load().indicators.get(indicator)
    if found is not None and found.measure == "rank":
        return -1  # first in the world is rank 1
    return 1


def tone(indicator: str | None, change: float | None) -> str:
    """The colour class of a change: ``good``, ``bad``, ``neutral``, or ``""`` for none."""
    if change is None or (isinstance(change, float) and math.isnan(change)) or change == 0:
        return ""
    sign = direction(indicator) * (1 if change > 0 else -1)
    return "good" if sign > 0 else "bad" if sign < 0 else "neutral"


def value_tone(indicator: str | None, value: float | None) -> str:
    """The colour of a growth rate, change or contribution in points itself (a fall of
    output is bad); other levels (amounts, counts) carry no colour."""
    found = Catalogue.load().indicators.get(indicator or "")
    if found is None or (found.measure not in ("growth_yoy", "growth_qoq", "change")
                         and found.unit != "percentage_point"):
        return ""
    return tone(indicator, value)


# -- alerts as sentences --------------------------------------------------------------------------
#: short names of the indicators rules watch, for sentences (else the catalogue's name)
SHORT_NAMES: dict[str, tuple[str, str]] = {
    "va_yoy": ("value added growth year on year", "增加值同比增速"),
    "va_ytd_yoy": ("value added growth year to date", "增加值累计同比增速"),
    "va_real_yoy": ("value added growth at comparable prices", "增加值可比价同比增速"),
    "va_real_ytd_yoy": ("value added growth at comparable prices, year to date",
                        "增加值可比价累计同比增速"),
    "output_ytd_yoy": ("output growth year to date", "总产值累计同比增速"),
    "revenue_ytd_yoy": ("revenue growth year to date", "营业收入累计同比增速"),
    "profit_ytd_yoy": ("profit growth year to date", "利润总额累计同比增速"),
    "value_added": ("value added", "增加值"),
    "output_value": ("output", "产值"),
    "electricity_kwh": ("electricity use", "用电量"),
}
EXTRA_RULE_FILES = ("published-rules.yaml",)


def indicator_words(indicator: str | None, lang: str) -> str:
    if not indicator:
        return ""
    if indicator in SHORT_NAMES:
        en, zh = SHORT_NAMES[indicator]
        return zh if lang == "zh" else en
    found = Catalogue.load().indicators.get(indicator)
    if found is None:
        return indicator.replace("_", " ") if lang == "en" else indicator
    name = found.name(lang)
    return name if lang == "zh" else name[:1].lower() + name[1:]


@cache
def rule_names() -> dict[str, tuple[str, str]]:
    """Rule id -> (English, Chinese) name, from the shipped rule files."""
    from importlib import resources

    names = {r.id: (r.name_en, r.name_zh) for r in load_rules().rules}
    for name in EXTRA_RULE_FILES:
        try:
            text = resources.files("indmon.monitor").joinpath("data", name).read_text("utf-8")
            names.update({r.id: (r.name_en, r.name_zh) for r in parse_rules(text, name).rules})
        except (OSError, IndmonError):
            continue  # a shipped file missing or changed: its alerts keep generic names
    return names


KIND_NAMES: dict[str, tuple[str, str]] = {
    "growth_below": ("Growth below the alert line", "增速低于预警线"),
    "consecutive_decline": ("Falling for consecutive months", "连续下降"),
    "below_country": ("Growing well below the country", "增速明显低于全国"),
    "loss_share_rising": ("Share of loss-making enterprises rising", "亏损企业占比上升"),
    "electricity_vs_output": ("Electricity use falling against output",
                              "用电量增速明显低于产值增速"),
    "key_enterprise_drop": ("Key enterprise falling sharply", "重点企业大幅下降"),
    "stopped_reporting": ("Enterprises stopped reporting", "企业停报"),
    "sample_change": ("Sample change distorting growth", "样本变动影响增速可比性"),
    "index_turns_below": ("Index turned below the line", "指数跌破荣枯线"),
    "anomaly": ("Unusual figure", "数据异常"),
    "other": ("Alert", "预警"),
}


def alert_kind(rule_id: str, evidence: Mapping[str, Any]) -> str:
    """Which kind of check raised an alert, read from the shape of its evidence."""
    keys = set(evidence)
    if rule_id.startswith("anomaly") and "score" in keys:
        return "anomaly"
    for kind, needs in (
        ("loss_share_rising", {"share_pct", "share_year_ago_pct", "rise_pp"}),
        ("electricity_vs_output", {"electricity_growth", "output_growth"}),
        ("key_enterprise_drop", {"change_pct", "year_ago", "now"}),
        ("stopped_reporting", {"silent", "enterprises", "last_report"}),
        ("sample_change", {"comparable_share", "growth_all_reporters"}),
        ("below_country", {"value", "country", "gap_pp"}),
        ("consecutive_decline", {"months", "values", "threshold"}),
        ("index_turns_below", {"value", "previous", "threshold"}),
    ):
        if needs <= keys:
            return kind
    if {"value", "threshold"} <= keys and "<" in str(evidence.get("comparison", "")):
        return "growth_below"
    return "other"


def cause_words(rule_id: str, evidence: Mapping[str, Any], lang: str) -> str:
    """The rule's name in the page's language (the shipped rule's, else its kind's)."""
    named = rule_names().get(rule_id)
    if named is None:
        named = KIND_NAMES[alert_kind(rule_id, evidence)]
    return named[1] if lang == "zh" else named[0]


def _pct(value: Any, lang: str) -> str:
    return i18n.number(_float(value), "percent", lang)


def _index(value: Any, lang: str) -> str:
    """An index level (a PMI): one decimal, no unit."""
    number = _float(value)
    return "—" if number is None else f"{number:.1f}"


def _pp(value: Any, lang: str) -> str:
    number = _float(value)
    if number is None:
        return "–"
    # a size ("up 10.0 pp"): the word says the direction, so no sign
    return units.format_value(abs(number), "percentage_point", lang, short=True).lstrip("+")


def _moved(change: Any, lang: str) -> str:
    """``fell 35.0%`` / ``下降35.0%``, ``rose 2.0%`` / ``增长2.0%``, ``was unchanged`` /
    ``持平``."""
    number = _float(change)
    if number is None:
        return "–"
    size = units.format_value(abs(number), "percent", lang, short=True)
    if size in ("0.0%", "0%"):
        return "持平" if lang == "zh" else "was unchanged"
    if lang == "zh":
        return ("增长" if number > 0 else "下降") + size
    return ("rose " if number > 0 else "fell ") + size


def _float(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _count(value: Any) -> str:
    number = _float(value)
    return "–" if number is None else f"{int(number):,}"


def _share(value: Any, lang: str, *, fraction: bool = False) -> str:
    number = _float(value)
    if number is None:
        return "–"
    return units.format_value(100 * number if fraction else number, "percent", lang,
                              short=True)


def evidence_of(row: Mapping[str, Any]) -> dict[str, Any]:
    raw = row.get("evidence")
    if isinstance(raw, dict):
        return raw
    try:
        parsed = json.loads(raw) if isinstance(raw, str) else {}
    except ValueError:
        return {}
    return parsed if isinstance(parsed, dict) else {}


def _text(value: Any) -> str:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)


def alert_sentence(row: Mapping[str, Any], lang: str) -> str:
    """An alert as one sentence in ``lang``: what happened, where, when, against what."""
    evidence = evidence_of(row)
    rule_id = _text(row.get("rule_id"))
    kind = alert_kind(rule_id, evidence)
    industry, province = _text(row.get("industry")) or ALL, _text(row.get("province")) or ALL
    where = cell_label(industry, province, lang)
    period = i18n.period_label(_text(row.get("period")), lang)
    indicator = _text(row.get("indicator")) or None
    what = indicator_words(indicator, lang)
    e = evidence
    zh = lang == "zh"
    growth = _growth_sentence(kind, e, where, what, period, lang)
    if growth is not None:
        return growth
    if kind == "loss_share_rising":
        return (f"{period}，{where}亏损企业占比{_pct(e['share_pct'], lang)}，比上年同期"
                f"（{_pct(e['share_year_ago_pct'], lang)}）上升{_pp(e['rise_pp'], lang)}。"
                if zh else
                f"{where}: loss-making enterprises were {_pct(e['share_pct'], lang)} of "
                f"reporters in {period}, up {_pp(e['rise_pp'], lang)} on the same period last "
                f"year ({_pct(e['share_year_ago_pct'], lang)}).")
    if kind == "electricity_vs_output":
        return (f"{period}，{where}用电量同比{_moved(e['electricity_growth'], lang)}，产值同比"
                f"{_moved(e['output_growth'], lang)}，用电量增速明显低于产值增速。" if zh else
                f"{where}: in {period} electricity use {_moved(e['electricity_growth'], lang)} "
                f"year on year while output {_moved(e['output_growth'], lang)}.")
    if kind == "key_enterprise_drop":
        measure = indicator_words(_text(e.get("measure")) or indicator, lang)
        firm = _text(row.get("enterprise_id"))
        return (f"{period}，重点企业{firm}（{where}）{measure}同比"
                f"{_moved(e['change_pct'], lang)}。" if zh else
                f"Key enterprise {firm} ({where}): {measure} {_moved(e['change_pct'], lang)} "
                f"year on year in {period}.")
    if kind == "stopped_reporting":
        last = i18n.period_label(_text(e.get("last_report")), lang)
        return (f"{where}{_count(e['enterprises'])}家企业中有{_count(e['silent'])}家自{last}"
                f"以来未报送，占增加值的{_pct(e.get('share_pct'), lang)}。" if zh else
                f"{where}: {_count(e['silent'])} of {_count(e['enterprises'])} enterprises "
                f"have not reported since {last} ({_pct(e.get('share_pct'), lang)} of the "
                f"value added).")
    if kind == "sample_change":
        share = _share(e["comparable_share"], lang, fraction=True)
        comparable = e.get("growth_comparable")
        return (f"{period}，{where}两年均报送的企业只占增加值的{share}：全部企业"
                f"{_moved(e['growth_all_reporters'], lang)}，可比样本"
                f"{_moved(comparable, lang) if comparable is not None else '无法比较'}。"
                if zh else
                f"{where}: in {period} enterprises reporting in both years hold only {share} "
                f"of value added; all reporters {_moved(e['growth_all_reporters'], lang)}, the "
                f"comparable sample "
                f"{_moved(comparable, lang) if comparable is not None else 'cannot be compared'}.")
    if kind == "anomaly":
        high = _is_high(row, e)
        return (f"{period}，{where}{what}为{_pct(e['value'], lang)}，与自身历史和同类相比异常"
                f"{'偏高' if high else '偏低'}。" if zh else
                f"{where}: {what} of {_pct(e['value'], lang)} in {period} is unusually "
                f"{'high' if high else 'low'} against its own history and its peers.")
    return _stored_title(row, lang)


def _growth_sentence(kind: str, e: Mapping[str, Any], where: str, what: str, period: str,
                     lang: str) -> str | None:
    """The sentence of a rule on a cell's growth or index, or None for other kinds."""
    zh = lang == "zh"
    if kind == "growth_below":
        return (f"{period}，{where}{what}为{_pct(e['value'], lang)}，低于"
                f"{_pct(e['threshold'], lang)}的预警线。" if zh else
                f"{where}: {what} was {_pct(e['value'], lang)} in {period}, below the alert "
                f"line of {_pct(e['threshold'], lang)}.")
    if kind == "index_turns_below":
        now, before = _index(e["value"], lang), _index(e["previous"], lang)
        line = _index(e["threshold"], lang)
        return (f"{period}，{where}{what}由{before}降至{now}，低于{line}。" if zh else
                f"{where}: {what} fell to {now} in {period} from {before}, below {line}.")
    if kind == "consecutive_decline":
        months = e.get("months") or []
        values = "、" if zh else ", "
        listed = values.join(_pct(v, lang) for v in (e.get("values") or []))
        count = len(months)
        return (f"{where}{what}连续{count}个月低于{_pct(e['threshold'], lang)}（截至{period}："
                f"{listed}）。" if zh else
                f"{where}: {what} has been below {_pct(e['threshold'], lang)} for {count} "
                f"months in a row up to {period} ({listed}).")
    if kind == "below_country":
        return (f"{period}，{where}{what}为{_pct(e['value'], lang)}，比全国"
                f"（{_pct(e['country'], lang)}）低{_pp(e['gap_pp'], lang)}。" if zh else
                f"{where}: {what} was {_pct(e['value'], lang)} in {period}, "
                f"{_pp(e['gap_pp'], lang)} below the country ({_pct(e['country'], lang)}).")
    return None


def _is_high(row: Mapping[str, Any], evidence: Mapping[str, Any]) -> bool:
    title = _text(row.get("title_en"))
    if "unusually high" in title or "偏高" in _text(row.get("title_zh")):
        return True
    if "unusually low" in title or "偏低" in _text(row.get("title_zh")):
        return False
    median, value = _float(evidence.get("history_median")), _float(evidence.get("value"))
    return median is not None and value is not None and value > median


# Chinese characters count as word characters: bound the tokens by ASCII instead of \b
MONTH_TEXT = re.compile(r"(?<![0-9])(\d{4}-(?:0[1-9]|1[0-2]))(?![0-9])")
IDENT = re.compile(r"(?<![A-Za-z0-9_])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![A-Za-z0-9_])")


def _stored_title(row: Mapping[str, Any], lang: str) -> str:
    """The title monitoring stored in the page's language, indicator ids and months put
    in words (``va_yoy`` -> value added growth year on year, 2024-03 -> March 2024)."""
    title = _text(row.get("title_zh") if lang == "zh" else row.get("title_en"))
    title = title or _text(row.get("title_en"))
    title = MONTH_TEXT.sub(lambda m: i18n.period_label(m.group(1), lang), title)
    known = Catalogue.load().indicators
    return IDENT.sub(lambda m: indicator_words(m.group(0), lang)
                     if m.group(0) in known or m.group(0) in SHORT_NAMES else m.group(0),
                     title)


#: evidence shown under an alert's sentence, in the page's language (other keys, such as
#: the English rule text and the comparison, are left to the API)
EVIDENCE_KEYS: dict[str, tuple[str, str, str]] = {
    # key: (English, Chinese, how the value is written)
    "threshold": ("alert line", "预警线", "percent"),
    "previous": ("previous", "上期", "percent"),
    "country": ("country", "全国", "percent"),
    "n": ("enterprises behind the figure", "涉及企业", "count"),
    "enterprises": ("enterprises", "企业数", "count"),
    "score": ("robust z-score", "稳健z值", "plain"),
    "history_median": ("usual level", "历史中位数", "percent"),
    "threshold_pp": ("alert line", "预警线", "pp"),
}


def evidence_words(row: Mapping[str, Any], lang: str) -> str:
    """The cause and the figures it was judged by: ``Province growing well below the
    country · alert line: 5.0 pp · enterprises behind the figure: 412``."""
    evidence = evidence_of(row)
    rule_id = _text(row.get("rule_id"))
    known = rule_id in rule_names() or alert_kind(rule_id, evidence) != "other"
    # a rule of unknown shape has no name to give: "Alert" would say nothing
    parts = [cause_words(rule_id, evidence, lang)] if known else []
    colon = "：" if lang == "zh" else ": "
    anomaly = alert_kind(rule_id, evidence) == "anomaly"
    index = alert_kind(rule_id, evidence) == "index_turns_below"
    for key, (en, zh, how) in EVIDENCE_KEYS.items():
        value = evidence.get(key)
        if _float(value) is None:
            continue
        if anomaly and key == "threshold":
            en, zh, how = "z-score alert line", "z值预警线", "plain"
        if index and how == "percent":
            how = "plain"  # an index level, not a rate
        parts.append(f"{zh if lang == 'zh' else en}{colon}{_written(value, how, lang)}")
    named = _named_enterprises(evidence.get("enterprise_ids"), lang)
    if named:
        parts.append(named)
    return " · ".join(parts)


def _named_enterprises(ids: Any, lang: str, shown: int = 10) -> str:
    """The enterprises an alert names (those that stopped reporting): an analyst in scope
    needs them to chase the reports; callers out of scope never see such an alert."""
    if not isinstance(ids, list | tuple) or not ids:
        return ""
    listed = ", ".join(str(i) for i in ids[:shown])
    more = len(ids) - shown
    if lang == "zh":
        return f"未报送企业：{listed}" + (f"等{len(ids)}家" if more > 0 else "")
    return f"not reporting: {listed}" + (f" and {more} more" if more > 0 else "")


def _written(value: Any, how: str, lang: str) -> str:
    number = float(value)
    if how == "percent":
        return i18n.number(number, "percent", lang)
    if how == "pp":
        return _pp(number, lang)
    if how == "count":
        return f"{int(number):,}"
    return f"{number:.1f}"


# -- one row per cell and cause -------------------------------------------------------------------
@dataclass
class AlertGroup:
    """Alerts of one rule on one cell (and enterprise): the latest month leads, the
    others are listed by period under it; the row's buttons change each of them."""

    head: dict[str, Any]
    others: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ids(self) -> list[int]:
        return [int(self.head["alert_id"])] + [int(o["alert_id"]) for o in self.others]

    @property
    def simulated(self) -> bool:
        return any(bool(r.get("simulated")) for r in [self.head, *self.others])

    @property
    def periods(self) -> list[str]:
        return [_text(o.get("period")) for o in self.others]

    @property
    def members(self) -> list[dict[str, Any]]:
        return [self.head, *self.others]

    @property
    def statuses(self) -> list[str]:
        """The statuses of the group's alerts, open work first, each once."""
        found = {_text(r.get("status")) or "new" for r in self.members}
        return [s for s in ("new", "acknowledged", "resolved") if s in found] + sorted(
            found - {"new", "acknowledged", "resolved"})

    @property
    def id_statuses(self) -> str:
        """``12:new 9:acknowledged``: what the page's script needs to change each alert
        only where its status allows (a resolved alert stays resolved)."""
        return " ".join(f"{int(r['alert_id'])}:{_text(r.get('status')) or 'new'}"
                        for r in self.members)


def group_key(row: Mapping[str, Any]) -> tuple[str, ...]:
    """One cell and cause: the rule, the indicator it watched, the cell, the enterprise."""
    return tuple(_text(row.get(k)) for k in ("rule_id", "indicator", "industry", "province",
                                             "enterprise_id"))


def grouped(rows: Iterable[dict[str, Any]]) -> list[AlertGroup]:
    """The rows (already in the page's order) as one group per cell and cause, in the
    order of each group's first row; the others newest first."""
    groups: dict[tuple[str, ...], AlertGroup] = {}
    for row in rows:
        key = group_key(row)
        if key in groups:
            groups[key].others.append(row)
        else:
            groups[key] = AlertGroup(row)
    for group in groups.values():
        group.others.sort(key=lambda r: _text(r.get("period")), reverse=True)
        if group.others and _text(group.others[0].get("period")) > _text(
                group.head.get("period")):
            # the latest month leads the row
            group.others.append(group.head)
            group.head = group.others.pop(0)
            group.others.sort(key=lambda r: _text(r.get("period")), reverse=True)
    return list(groups.values())


def also_words(periods: Sequence[str], lang: str) -> str:
    """``Also raised for February 2024 and January 2024.`` / ``2024年2月、2024年1月也曾预警。``"""
    if not periods:
        return ""
    labels = [i18n.period_label(p, lang) for p in periods]
    if lang == "zh":
        return f"{'、'.join(labels)}也曾预警。"
    listed = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]
    return f"Also raised for {listed}."


def card_alert_groups(store: Any, card: Any, limit: int = 10) -> list[AlertGroup]:
    """The report card's alerts (most severe first) as one group per cell and cause, the
    stored rows (rule, evidence) read in one query for the card's months."""
    from indmon.monitor.alerts import list_alerts

    if not card.alerts:
        return []
    frame = list_alerts(store, periods=card.months, order="severity", enterprise_provinces=[])
    stored = {int(r["alert_id"]): r for r in frame.to_dict("records")}
    rows = []
    for a in card.alerts:
        row = dict(stored.get(a.alert_id) or {})
        # the card's own fields stand (it may have been built before a change)
        row.update(alert_id=a.alert_id, severity=a.severity, period=a.period,
                   indicator=a.indicator, industry=a.industry, province=a.province,
                   title_en=a.title_en, title_zh=a.title_zh, simulated=a.simulated,
                   status=a.status)
        row.setdefault("rule_id", "")
        rows.append(row)
    return grouped(rows)[:limit]


def page_words(lang: str) -> dict[str, Any]:
    """What templates use to word signals: pass as ``**wording.page_words(lang)``."""
    return {
        "alert_sentence": lambda row: alert_sentence(row, lang),
        "evidence_words": lambda row: evidence_words(row, lang),
        "also_words": lambda periods: also_words(periods, lang),
        "tone": tone, "value_tone": value_tone,
    }
