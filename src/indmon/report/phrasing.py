"""How a briefing says numbers, periods and comparisons in English and in Chinese.

The two languages scale numbers differently (English counts in thousands, millions and
trillions; Chinese in 万, 亿 and 万亿), so a figure is formatted from its value in base
units and its catalogue unit, never from the text a release happened to use. Numbers and
units are written by :mod:`indmon.catalogue.units` (the one formatter of every surface);
the functions here keep the names the briefing code calls.

>>> format_value(1.8e12, "cny", "en"), format_value(1.8e12, "cny", "zh")
('1.8 trillion yuan', '1.8万亿元')
>>> format_value(3377000, "count", "en"), format_value(3377000, "count", "zh")
('3.377 million', '337.7万个')
>>> period_words("2023-01/2023-11", "en"), period_words("2023-01/2023-11", "zh")
('January–November 2023', '2023年1—11月')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from indmon.catalogue import units
from indmon.periods import Period

LANGS = ("en", "zh")

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
    return units.plain_number(value, decimals, grouped)


def rate(value: float) -> str:
    """A growth rate or share as statistics releases print it: one decimal, or two when the
    figure was stated with two (``0.25``), never the noise of a computed ratio."""
    return units.rate_digits(value)


def scaled(value: float, lang: str) -> str:
    """A large amount with the language's scale word (``1.8 trillion``, ``1.8万亿``)."""
    return units.scaled(value, lang)


def format_value(value: float, unit: str, lang: str, measure: str = "level",
                 counter: str = "") -> str:
    """A figure with its unit, as a reader of ``lang`` expects it written; ``counter``
    replaces the Chinese counter word of counts (户 for users, 家 for enterprises)."""
    return units.format_value(value, unit, lang, measure, counter=counter)


#: Chinese counter words by the end of an indicator's name, then by a word it contains;
#: other counts take 个
_ZH_COUNTERS = (("用户数", "户"), ("企业数", "家"), ("工厂数", "家"))
_ZH_COUNTERS_WITHIN = (("汽车", "辆"),)


def zh_counter(name_zh: str) -> str:
    """The counter word a Chinese count takes: ``8.05亿户`` users, ``45家`` enterprises."""
    base = strip_qualifier(name_zh)
    for suffix, word in _ZH_COUNTERS:
        if base.endswith(suffix):
            return word
    return next((word for part, word in _ZH_COUNTERS_WITHIN if part in base), "个")


def strip_qualifier(name: str) -> str:
    """A name without its trailing qualifier: ``Telecom revenue (year to date)`` →
    ``Telecom revenue``; ``电信业务收入（累计）`` → ``电信业务收入``. Sentences say the period."""
    return re.sub(r"\s*(\([^)]*\)|（[^）]*）)$", "", name)


def points(value: float, lang: str) -> str:
    """Percentage points: ``1.0 percentage point`` / ``1.0个百分点``."""
    return units.format_value(value, "percentage_point", lang)


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


#: names that start with a proper noun keep their capital inside a sentence
_PROPER_STARTS = ("China", "Chinese")


def lower_first(text: str) -> str:
    """``Value added`` → ``value added`` inside a sentence; ``5G``, ``IPv6``, ``China`` stay."""
    if not text or text.startswith(_PROPER_STARTS) or (len(text) > 1 and text[1].isupper()):
        return text
    return text[0].lower() + text[1:]


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


def unchanged(lang: str) -> str:
    return "持平" if lang == "zh" else "unchanged"


def signed_points(diff: float, lang: str) -> str:
    """A compact difference in points for tables: ``+1.0 pp`` / ``+1.0个百分点``;
    ``unchanged`` / ``持平`` when it rounds to nothing."""
    return units.format_difference(diff, "percentage_point", lang)


def signed_percent(change: float, lang: str = "en") -> str:
    """A change in percent: ``+46.1%``; ``unchanged`` when it rounds to nothing."""
    return units.format_percent_change(change, lang)


# -- changes of levels and counts ---------------------------------------------------------------
#: counts below this are compared by their difference only: "+3", never "+7.3%"
PERCENT_FROM_COUNT = 1000


@dataclass(frozen=True)
class LevelChange:
    """How a level or count changed on the previous period, ready to be worded."""

    diff: float
    #: the change in percent, None where a percentage does not read naturally
    percent: float | None
    measure: str

    @property
    def same(self) -> bool:
        return self.diff == 0


def level_change(value: float, previous: float, unit: str, measure: str) -> LevelChange:
    """The difference in units, and the percent change only where it reads naturally: for
    amounts and large counts, not for small counts, ranks and streaks."""
    diff = value - previous
    natural = (measure not in ("rank", "streak") and previous > 0
               and (unit != "count" or previous >= PERCENT_FROM_COUNT))
    percent = 100 * (value / previous - 1) if natural else None
    if percent is not None and round(percent, 1) == 0:
        percent = None  # "+0.0%" says nothing the difference does not
    return LevelChange(diff, percent, measure)


def signed_amount(diff: float, unit: str, lang: str, measure: str = "level",
                  counter: str = "") -> str:
    """A difference in the figure's unit: ``+3``, ``+12.5 billion yuan``, ``−1.2万个``;
    ``unchanged`` / ``持平`` when it rounds to nothing."""
    return units.format_difference(diff, unit, lang, "level" if measure == "rank" else measure,
                                   counter=counter, short=False)


def change_cell_text(change: LevelChange, unit: str, lang: str, counter: str = "") -> str:
    """A level's change for a table: ``+1.065 million (+46.1%)``, ``+3``, ``unchanged``."""
    if change.same:
        return unchanged(lang)
    if change.measure == "rank":
        return rank_move(change.diff, lang)
    text = signed_amount(change.diff, unit, lang, change.measure, counter)
    if change.percent is not None:
        pct = signed_percent(change.percent, lang)
        text += f"（{pct}）" if lang == "zh" else f" ({pct})"
    return text


def rank_move(diff: float, lang: str) -> str:
    """A rank's move: a smaller number is a better place (``up 1 place`` / ``上升1位``)."""
    places = plain_number(abs(diff))
    if lang == "zh":
        return f"{'上升' if diff < 0 else '下降'}{places}位"
    plural = "" if abs(diff) == 1 else "s"
    return f"{'up' if diff < 0 else 'down'} {places} place{plural}"


def at_period_en(words: str) -> str:
    """``2022`` → ``in 2022``, ``end of 2022`` → ``at the end of 2022``."""
    if words.startswith("end of"):
        return f"at the {words}"
    return words if words.startswith("as of") else f"in {words}"


def level_compared(change: LevelChange, previous: str, lang: str) -> tuple[str, str, str]:
    """Words before and after the difference (a number) and after the percent change,
    comparing a level with ``previous`` (period words): ``3 more than in 2022``,
    ``up 0.7 trillion yuan or 9.1% from 2022``, ``比2022年增加3个``."""
    up = change.diff > 0
    pct = "" if change.percent is None else rate(abs(change.percent)) + "%"
    if lang == "zh":
        verb = "增加" if up else "减少"
        grew_word = "增长" if up else "下降"
        return f"比{previous}{verb}", "", f"，{grew_word}{pct}" if pct else ""
    if change.measure in ("count", "streak") or (change.percent is None and
                                                 change.measure != "rank"):
        more = "more" if up else ("fewer" if change.measure == "count" else "less")
        return "", f" {more} than {at_period_en(previous)}", f" (up {pct})" if pct and up else (
            f" (down {pct})" if pct else "")
    target = previous if not previous.startswith("end of") else f"the {previous}"
    if pct:
        return f"{'up' if up else 'down'} ", f" or {pct} from {target}", ""
    return f"{'up' if up else 'down'} ", f" from {target}", ""


# -- level indicators as sentences --------------------------------------------------------------
#: how a level reads as a sentence, by kind of figure: (English, Chinese) templates.
#: {Name}/{name}: the indicator's name (capitalised / inside a sentence); {at}: when a
#: stock is counted ("at the end of 2023"); {in}: the period of a flow ("in 2023");
#: {when}: the period in Chinese; {total}: a Chinese count's name as a total (…总数).
LEVEL_PHRASES: dict[str, tuple[str, str]] = {
    "count_stock": ("China had {value} {name} {at}", "{at}，{total}达{value}"),
    "count_flow": ("{Name} totalled {value} {in}", "{when}，{name}为{value}"),
    "level_stock": ("{Name} stood at {value} {at}", "{at}，{name}达{value}"),
    "level_flow": ("{Name} reached {value} {in}", "{when}，{name}达{value}"),
    "index": ("{Name} stood at {value} {in}", "{when}，{name}为{value}"),
    "ratio": ("{Name} was {value} {in}", "{when}，{name}为{value}"),
    "rank": ("{Name} was {value} {in}", "{when}，{name}为{value}"),
    "streak": ("{Name} reached {value} {in}", "{when}，{name}达{value}"),
}
#: the few headline indicators whose generic sentence reads poorly
HEADLINE_PHRASES: dict[str, tuple[str, str]] = {
    "g5_base_stations": ("China had {value} 5G base stations {at}", "{at}，5G基站总数达{value}"),
    "computing_power_world_rank": ("China's total computing power ranked {value} in the world "
                                   "{in}", "{when}，我国算力总规模居全球{value}"),
    "mfg_world_rank": ("China's manufacturing ranked {value} in the world by overall scale {in}",
                       "{when}，我国制造业总体规模居全球{value}"),
    "g5_economy_categories": ("5G applications reached {value} major categories of the "
                              "national economy {in}", "{when}，5G应用已融入{value}国民经济大类"),
}


def level_kind(measure: str, unit: str, stock: bool) -> str:
    """Which ``LEVEL_PHRASES`` entry a figure takes."""
    if measure in ("rank", "streak"):
        return measure
    if unit in ("percent", "percentage_point"):
        return "ratio"
    if unit == "index":
        return "index"
    base = "count" if measure == "count" or unit == "count" else "level"
    return f"{base}_{'stock' if stock else 'flow'}"


def level_sentence(indicator: str, name: str, kind: str, period: str, lang: str,
                   large: bool = False) -> tuple[str, str]:
    """The words before and after a level's value: ``China had `` … `` 5G base stations at
    the end of 2023`` / ``截至2023年底，5G基站总数达`` … ````. ``large`` counts read as totals."""
    template = HEADLINE_PHRASES.get(indicator, LEVEL_PHRASES[kind])[lang == "zh"]
    bare = strip_qualifier(name)
    words = period_words(period, lang)
    if lang == "zh":
        fields = {"name": bare, "when": words, "at": _stock_at_zh(period, words),
                  "total": _total_zh(bare) if large else bare}
    else:
        fields = {"Name": bare, "name": lower_first(bare), "in": at_period_en(words),
                  "at": _stock_at_en(period, words)}
    before, after = template.format(value="\0", **fields).split("\0")
    return before, after


def _stock_at_en(period: str, words: str) -> str:
    p = Period.parse(period)
    if p.kind == "year" or period.endswith("-12-31"):
        return f"at the end of {p.end[:4]}"
    return words if p.kind == "date" else f"at the end of {words}"


def _stock_at_zh(period: str, words: str) -> str:
    p = Period.parse(period)
    if p.kind == "year" or period.endswith("-12-31"):
        return f"截至{p.end[:4]}年底"
    return words if p.kind == "date" else f"截至{words}末"


def _total_zh(name: str) -> str:
    """``5G基站数`` → ``5G基站总数``: how a large count is stated."""
    if name.endswith("数") and not name.endswith("总数"):
        return name[:-1] + "总数"
    return name
