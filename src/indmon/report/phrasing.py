"""How a briefing says numbers, periods and comparisons in English and in Chinese.

The two languages scale numbers differently (English counts in thousands, millions and
trillions; Chinese in 万, 亿 and 万亿), so a figure is formatted from its value in base
units and its catalogue unit, never from the text a release happened to use.

>>> format_value(1.8e12, "cny", "en"), format_value(1.8e12, "cny", "zh")
('1.8 trillion yuan', '1.8万亿元')
>>> format_value(3377000, "count", "en"), format_value(3377000, "count", "zh")
('3.377 million', '337.7万个')
>>> period_words("2023-01/2023-11", "en"), period_words("2023-01/2023-11", "zh")
('January–November 2023', '2023年1—11月')
"""

from __future__ import annotations

import re

from indmon.periods import Period

LANGS = ("en", "zh")

_SCALES = {
    "en": ((1e12, " trillion"), (1e9, " billion"), (1e6, " million")),
    "zh": ((1e12, "万亿"), (1e8, "亿"), (1e4, "万")),
}
#: unit words after a number: (English, Chinese); English puts a space before its word
_UNIT_WORDS = {
    "cny": ("yuan", "元"),
    "usd": ("US dollars", "美元"),
    "count": ("", "个"),
    "ton": ("tons", "吨"),
    "deadweight_ton": ("deadweight tons", "载重吨"),
    "teu": ("TEU", "标准箱"),
    "year": ("years", "年"),
    "month": ("months", "个月"),
    "times": ("times", "倍"),
    "kwh": ("kWh", "千瓦时"),
    "gbps": ("Gbps", "Gbps"),
    "mbps": ("Mbps", "Mbps"),
}
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
_QUARTERS_ZH = ("一", "二", "三", "四")


def check_lang(lang: str) -> str:
    """Return ``lang`` if the briefing can be written in it, else raise ``ConfigError``."""
    from indmon.errors import ConfigError

    if lang not in LANGS:
        raise ConfigError(f"language {lang!r} is not supported; use --lang en or --lang zh")
    return lang


def plain_number(value: float, decimals: int = 3, grouped: bool = True) -> str:
    """A number with at most ``decimals`` decimals and no trailing zeros (``3.377``, ``62``);
    ``grouped`` adds thousands separators, which Chinese texts do not use."""
    text = f"{value:{',' if grouped else ''}.{decimals}f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return "0" if text in ("-0", "") else text


def rate(value: float) -> str:
    """A growth rate or share as statistics releases print it: one decimal, or two when the
    figure was stated with two (``0.25``), never the noise of a computed ratio."""
    if round(value, 2) == value and round(value, 1) != value:
        return f"{value:.2f}"
    return f"{value:.1f}" if round(value, 1) != 0 else "0.0"  # never "-0.0"


def scaled(value: float, lang: str) -> str:
    """A large amount with the language's scale word (``1.8 trillion``, ``1.8万亿``)."""
    grouped = lang != "zh"
    for factor, word in _SCALES[lang]:
        if abs(value) >= factor:
            return plain_number(value / factor, grouped=grouped) + word
    return plain_number(value, 2, grouped=grouped)


def format_value(value: float, unit: str, lang: str, measure: str = "level") -> str:
    """A figure with its unit, as a reader of ``lang`` expects it written."""
    if unit == "percent":
        return f"{rate(value)}%"
    if unit == "percentage_point":
        return points(value, lang)
    if measure == "rank":
        return f"第{plain_number(value)}位" if lang == "zh" else f"No. {plain_number(value)}"
    en_word, zh_word = _UNIT_WORDS.get(unit, (unit, unit))
    if lang == "zh":
        return scaled(value, "zh") + zh_word
    return scaled(value, "en") + (f" {en_word}" if en_word else "")


def points(value: float, lang: str) -> str:
    """Percentage points: ``1.0 percentage point`` / ``1.0个百分点``."""
    text = f"{abs(value):.1f}" if value >= 0 else f"-{abs(value):.1f}"
    if lang == "zh":
        return f"{text}个百分点"
    return f"{text} percentage point" + ("" if abs(value) == 1 else "s")


def month_label(month: str, lang: str) -> str:
    """A month on a chart axis: ``Feb`` / ``2月``."""
    number = int(month[5:7])
    return f"{number}月" if lang == "zh" else _MONTHS_EN[number - 1][:3]


def period_words(text: str, lang: str) -> str:
    """A period in words: ``2023``, ``Q1 2023``, ``June 2023``, ``end of 2023``."""
    p = Period.parse(text)
    year, first, last = p.end[:4], int(p.start[5:7]), int(p.end[5:7])
    if p.kind == "span" and p.start[:4] != year:
        return f"{period_words(text.split('/')[0], lang)}–{period_words(text.split('/')[1], lang)}"
    if lang == "zh":
        return _period_zh(p, year, first, last)
    return _period_en(p, year, first, last)


def _period_zh(p: Period, year: str, first: int, last: int) -> str:
    if p.kind == "year":
        return f"{year}年"
    if p.kind == "quarter":
        return f"{year}年{_QUARTERS_ZH[last // 3 - 1]}季度"
    if p.kind == "month":
        return f"{year}年{last}月"
    if p.kind == "date":
        if p.text.endswith("-12-31"):
            return f"{year}年末"
        return f"截至{year}年{last}月{int(p.text[8:])}日"
    return f"{year}年{first}—{last}月" if first != last else f"{year}年{last}月"


def _period_en(p: Period, year: str, first: int, last: int) -> str:
    if p.kind == "year":
        return year
    if p.kind == "quarter":
        return f"Q{last // 3} {year}"
    if p.kind == "month":
        return f"{_MONTHS_EN[last - 1]} {year}"
    if p.kind == "date":
        if p.text.endswith("-12-31"):
            return f"end of {year}"
        return f"as of {int(p.text[8:])} {_MONTHS_EN[last - 1]} {year}"
    if first == last:
        return f"{_MONTHS_EN[last - 1]} {year}"
    return f"{_MONTHS_EN[first - 1]}–{_MONTHS_EN[last - 1]} {year}"


#: what a growth-rate indicator's name says after its subject, stripped to get the subject
_GROWTH_SUFFIX = {
    "en": re.compile(r",?\s*(growth year on year|year-on-year growth|growth).*$", re.IGNORECASE),
    "zh": re.compile(r"(可比价)?(同比)?(增速|增长).*$"),
}


def growth_subject(name: str, lang: str) -> str | None:
    """The subject of a growth indicator's name (``…, growth year on year (…)`` → ``…``)."""
    match = _GROWTH_SUFFIX[lang].search(name)
    if not match or match.start() == 0:
        return None
    return name[: match.start()].strip()


def grew(subject: str, value: float, lang: str) -> tuple[str, str]:
    """Words around a growth rate: ``<subject> grew`` … ``year on year`` (or fell / 下降)."""
    if lang == "zh":
        return f"{subject}{'同比增长' if value >= 0 else '同比下降'}", ""
    return f"{subject} {'grew' if value >= 0 else 'fell'} ", " year on year"


def compared(diff: float, previous: str, lang: str) -> tuple[str, str] | None:
    """Words around the difference between two growth rates, in points; None when equal."""
    if abs(diff) < 0.05:
        return None
    if lang == "zh":
        return f"比{previous}{'加快' if diff > 0 else '回落'}", ""
    return "", f" {'above' if diff > 0 else 'below'} {previous}"


def same_as(previous: str, lang: str) -> str:
    return f"与{previous}持平" if lang == "zh" else f"the same rate as {previous}"


def changed(change: float, previous: str, lang: str) -> tuple[str, str]:
    """Words around the change of a level on the previous period, in percent."""
    if lang == "zh":
        return f"比{previous}{'增长' if change >= 0 else '下降'}", ""
    return f"{'up' if change >= 0 else 'down'} ", f" on {previous}"


def signed_points(diff: float, lang: str) -> str:
    """A compact difference in points for tables: ``+1.0 pp`` / ``+1.0个百分点``."""
    sign = "+" if diff > 0 else ("−" if diff < 0 else "±")
    return f"{sign}{abs(diff):.1f}" + ("个百分点" if lang == "zh" else " pp")


def signed_percent(change: float) -> str:
    sign = "+" if change > 0 else ("−" if change < 0 else "±")
    return f"{sign}{rate(abs(change))}%"
