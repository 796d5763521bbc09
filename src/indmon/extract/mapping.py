"""Fact -> indicator: say which catalogue figure a number stated in a release is.

A release says "value added of manufacturing grew 5.0%"; the store keeps
``va_ytd_yoy`` for industry ``C``, period ``2023``. Mapping decides three things:

- the **indicator**: first by the rules in ``data/mapping.toml``, where a convention
  decides (value added growth is ``va_ytd_yoy`` for years and quarters, ``va_yoy`` for
  single months), then by the indicators' names and aliases (English or Chinese);
  the fact's measure and unit must suit the indicator either way, so a growth rate
  never lands on a level;
- the **cell**: the industry named in the subject (a division by its name or a usual
  short form, else a sector: manufacturing is ``C``) and the province named by the
  fact's region (``CN`` is the whole, ``ALL``);
- the **store period**: ``as of 2023-03-31`` becomes ``2023-03-31``.

A fact that fits no indicator, or names a cell its indicator has no breakdown for, or a
region outside China, keeps ``indicator=None``. So does a fact the mapper is unsure of:
when unsure it leaves a fact unmapped rather than guess (``unmapped_reason`` says why):

- a **qualifier** the subject states (4G, state-holding, the secondary industry, GDP) must
  be stated by the indicator's name, and the reverse for most of them, so a sub-aggregate
  never lands on its total, 4G or all users never on 5G users, GDP's industries never on
  industrial value added (``[[qualifier]]`` of ``data/mapping.toml``);
- a subject that is still a **list** ("generator sets and household refrigerators") and
  names two indicators in full states neither for sure: the extractor gives each member
  of a "respectively" list its own subject, and what is left a list stays unmapped.

>>> from indmon.catalogue import Catalogue
>>> fact = Fact("doc", 0, 4, "5.0%", 5.0, "percent", "growth_yoy",
...             "value added of manufacturing", "2023", "CN")
>>> mapped = map_fact(fact, Catalogue.load())
>>> (mapped.indicator, mapped.industry, mapped.province, mapped.period)
('va_ytd_yoy', 'C', 'ALL', '2023')
"""

from __future__ import annotations

import calendar
import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from importlib import resources

from indmon.catalogue import ALL, Catalogue, Indicator
from indmon.errors import ConfigError
from indmon.extract.facts import SUB_SECTOR, Fact
from indmon.extract.subjects import ABBREVIATIONS_EN
from indmon.periods import Period

#: measures that describe the same kind of number when the units agree
_INTERCHANGEABLE = {frozenset({"level", "count"})}
#: words that say nothing about what is measured, ignored when comparing names
_STOPWORDS = frozenset((
    "a", "an", "and", "the", "of", "in", "on", "for", "to", "by", "with", "from", "at", "as",
    "its", "their", "china", "chinese", "national", "total", "year", "month", "quarter",
    "growth", "rate", "has", "have", "been", "is", "are", "was", "were", "into", "which",
    "more", "than", "increased", "increase", "grew", "grow", "rose", "reached", "number",
    "over", "previous", "same", "period", "last", "date",
))


@dataclass(frozen=True)
class Rule:
    """A mapping fixed by convention (one ``[[rule]]`` of ``data/mapping.toml``)."""

    indicator: str
    measure: str
    periods: tuple[str, ...]
    all: tuple[tuple[re.Pattern[str], ...], ...]
    none: tuple[re.Pattern[str], ...]

    def matches(self, subject: str, measure: str, period_kind: str | None) -> bool:
        if measure != self.measure or period_kind not in self.periods:
            return False
        if any(p.search(subject) for p in self.none):
            return False
        return all(any(p.search(subject) for p in group) for group in self.all)


@dataclass(frozen=True)
class Qualifier:
    """Words that make a figure another indicator (one ``[[qualifier]]`` of ``mapping.toml``)."""

    name: str
    phrases: tuple[re.Pattern[str], ...]
    #: an indicator whose name states the qualifier takes only subjects that state it
    both_ways: bool
    #: False: a subject may state it and still map to an indicator that does not ("the
    #: national-level 'little giants'" are all the little giants), the reverse holding
    subject_binds: bool = True

    def stated(self, text: str) -> bool:
        """Whether normalised text states the qualifier."""
        return any(p.search(text) for p in self.phrases)


@dataclass(frozen=True)
class MappingRules:
    rules: tuple[Rule, ...]
    #: (industry cell code, phrase patterns), most specific first
    industries: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]
    country: frozenset[str]
    qualifiers: tuple[Qualifier, ...] = ()
    #: economic region name -> suffix of the indicators that state it
    economic_regions: tuple[tuple[str, str], ...] = ()


# -- public API ------------------------------------------------------------------------
def map_fact(fact: Fact, catalogue: Catalogue | None = None) -> Fact:
    """The fact with indicator, industry, province and store period set when one fits.

    A fact that fits no indicator comes back with ``indicator=None`` and otherwise
    unchanged, so that it can still be kept and searched.
    """
    cat = catalogue or Catalogue.load()
    if _unstorable(fact):
        return replace(fact, indicator=None)
    fact = as_index(fact)
    suffix = economic_region(fact.region)
    if suffix:
        return _map_economic_region(fact, suffix, cat)
    period = store_period(fact.period)
    province = province_code(fact.region, cat)
    if period is None or province is None:
        return replace(fact, indicator=None)
    subject = _GAUGE.sub("index", fact.subject)
    if province != ALL:
        subject = _without_province(subject, fact.region)
    text = normalise(subject)
    indicator = match_indicator(subject, fact.measure, fact.unit, period, cat)
    if indicator is None or _words_rule_out(indicator, text):
        return replace(fact, indicator=None)
    placed = _place(cat.indicator(indicator), period, cat)
    if placed is None:
        return replace(fact, indicator=None)
    ind, period = placed
    indicator = ind.id
    # without an industry breakdown, industry words name the indicator itself
    # ("high-tech manufacturing"); a province figure, though, is never the country's
    industry = industry_code(fact.subject, cat) if "industry" in ind.dimensions else ALL
    if _grouping_as_manufacturing(industry, text) or _grouping_as_total(industry, text, ind):
        return replace(fact, indicator=None)
    if province != ALL and "province" not in ind.dimensions:
        return replace(fact, indicator=None)
    if _other_figure(fact, text, ind, industry, cat):
        return replace(fact, indicator=None)
    return replace(fact, indicator=indicator, industry=industry, province=province, period=period)


#: the newswires' "gauge", "sub-index" and "index reading" of a PMI: its index (in the
#: subject only: the catalogue's names say "sub-index" of every component)
_GAUGE = re.compile(r"\b(?:gauges?|sub-?index(?:es)?|sub-?indices|index\s+reading|reading)\b",
                    re.IGNORECASE)


def _without_province(subject: str, region: str) -> str:
    """A province's figure without the words that say whose it is: the region names the
    cell, and "Sichuan's telecom revenue" or "revenue of the province" are otherwise words
    no indicator's name holds."""
    pattern = (r"\b(?:(?:of|in)\s+)?(?:the\s+)?(?:" + re.escape(region)
               + r"|province|provincial)(?:'s|’s|\s+province)?\b")
    left = re.sub(pattern, " ", subject, flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", left).strip() or subject


def _from_january(indicator: Indicator) -> bool:
    """Whether an indicator's figures add up the months from January (year to date)."""
    return "year to date" in indicator.name_en or "（累计）" in indicator.name_zh


def _from_january_period(period: str) -> bool:
    """Whether a period can hold a year-to-date figure: a month (the store keeps such
    figures by their last month), a date, or a run of months from January."""
    parsed = Period.parse(period)
    if parsed.kind == "month":
        # "In September alone" is the month's own figure, never January-September's;
        # January's (and a combined January-February's) is the year to date
        return parsed.start.endswith(("-01", "-02"))
    return parsed.kind in ("date", "year") or parsed.start.endswith("-01")


#: a figure stated as a bound: "double-digit growth", 两位数增长
_BOUND = re.compile(r"digit|两位数")
#: a subject per a base amount: "costs per 100 yuan of operating revenue", 每百元
_PER_BASE = re.compile(r"\bper\s+(?:100|hundred|one\s+hundred)\b|每百元|百元", re.IGNORECASE)


#: the separators of an English list's members
_MEMBER_SEPARATORS = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


def _unnamed_member(subject: str, indicator: Indicator, industry: str,
                    catalogue: Catalogue) -> str | None:
    """A member of a list subject whose first content word neither the indicator's names
    nor its cell's industry name state ("steel" of "steel, cement and glass output" mapped
    to cement output, "imports" of "exports and imports of automobiles" mapped to
    automobile exports): the figure may be of the whole list, so it is left unmapped.
    None when every member is accounted for, or the subject is no list."""
    text = _PARENTHESES.sub(" ", subject.lower().replace("high-tech", "high tech"))
    if not _CONJUNCTION.search(text) or not text.isascii():
        return None
    if not _CONJUNCTION.search(_without_industry_name(text, industry, catalogue)):
        return None  # "smelting and pressing of ferrous metals": the "and" is the name's
    said = _names_words(indicator) | _industry_words(industry, catalogue)
    for member in _MEMBER_SEPARATORS.split(text):
        words = normalise(member).split()
        if words[:1] and words[0] in _NO_MEMBER:
            continue  # ", compared with 2022", ", in percentage points": no member
        # its first word that says something: "imports" of "imports of automobiles"
        first = next((w for w in words if w not in _STOPWORDS), None)
        if first is not None and _stem(_british(first)) not in said:
            return member
    return None


def _without_industry_name(text: str, industry: str, catalogue: Catalogue) -> str:
    """The subject (normalised) without the names of its industry cell, the longest
    first, so that no piece of a long name is left behind."""
    text = f" {normalise(text)} "
    if industry == ALL:
        return text
    for pattern in _industry_name_patterns(industry, catalogue.industry_label(industry, "en")):
        text = pattern.sub(" ", text)
    return text


@cache
def _industry_name_patterns(industry: str, name: str) -> tuple[re.Pattern[str], ...]:
    """How releases write an industry's name: the catalogue's name, its part after "of"
    ("computers communication and other electronic equipment"), that part with its head
    after it ("... equipment manufacturing") and its first word in the singular, and the
    phrases of ``mapping.toml``; longest first."""
    forms: set[str] = set()
    if name:
        head, _, core = normalise(name).partition(" of ")
        forms.add(normalise(name))
        if core:
            first, _, rest = core.partition(" ")
            for form in (core, f"{first.removesuffix('s')} {rest}".strip()):
                forms.update({form, f"{form} {head}", f"{form} manufacturing", f"{form} industry"})
    phrases = [p for code, found in mapping_rules().industries if code == industry for p in found]
    ordered = [_phrase(f) for f in sorted(forms, key=len, reverse=True)]
    return (*ordered, *phrases)


_PARENTHESES = re.compile(r"\([^)]*\)")
_CONJUNCTION = re.compile(r"\s(?:and|or)\s")
#: first words of a clause of a subject that qualifies it rather than naming a member
_NO_MEMBER = frozenset({"compared", "in", "at", "of", "from", "with", "including",
                        "excluding", "than", "up", "down", "by", "as", "for", "on", "etc"})


@cache
def _names_words(indicator: Indicator) -> frozenset[str]:
    return _names_of(indicator).words


def _industry_words(industry: str, catalogue: Catalogue) -> frozenset[str]:
    if industry == ALL:
        return frozenset()
    return _content_words(normalise(catalogue.industry_label(industry, "en")))


def economic_region(region: str) -> str | None:
    """The indicator suffix of an economic region ("eastern region" -> ``east``), else None."""
    text = region.strip().lower()
    return next((suffix for name, suffix in mapping_rules().economic_regions if text == name),
                None)


def _map_economic_region(fact: Fact, suffix: str, catalogue: Catalogue) -> Fact:
    """A figure of an economic region: the national indicator's ``_<suffix>`` sibling
    (``va_ytd_yoy`` -> ``va_ytd_yoy_east``), for the whole of industry only."""
    national = map_fact(replace(fact, region="CN"), catalogue)
    sibling = catalogue.indicators.get(f"{national.indicator}_{suffix}")
    if sibling is None or national.industry != ALL:
        return replace(fact, indicator=None)
    return replace(national, region=fact.region, indicator=sibling.id,
                   period=indicator_period(store_period(fact.period) or fact.period, sibling))


def unmapped_reason(fact: Fact, catalogue: Catalogue | None = None) -> str | None:
    """Why ``map_fact`` leaves a fact unmapped, in words a reader can check; None when it
    maps. The benchmark lists these so that a guess never passes unseen."""
    cat = catalogue or Catalogue.load()
    unstorable = _unstorable(fact)
    if unstorable:
        return unstorable
    fact = as_index(fact)  # read as map_fact reads it: "stood at 50.8" is an index level
    period = store_period(fact.period)
    if period is None:
        return f"no usable period ({fact.period!r})"
    if economic_region(fact.region) and map_fact(fact, cat).indicator is None:
        return f"no indicator states {fact.region!r} for {fact.subject!r}"
    if province_code(fact.region, cat) is None and not economic_region(fact.region):
        return f"region {fact.region!r} is no province of the catalogue"
    if map_fact(fact, cat).indicator is not None:
        return None
    text = normalise(fact.subject)
    if _is_list(text) and len(_full_matches(text, fact.measure, fact.unit, cat)) >= 2:
        return "the subject is a list naming several indicators"
    matched = match_indicator(fact.subject, fact.measure, fact.unit, period, cat)
    if matched is not None:
        refused = _refused_match(fact, cat.indicator(matched), period, cat)
        if refused:
            return refused
    stated = [q.name for q in mapping_rules().qualifiers if q.stated(text)]
    if stated:
        return f"no {fact.measure} indicator states {', '.join(stated)} ({fact.subject!r})"
    return f"no {fact.measure} indicator in {fact.unit} names {fact.subject!r}"


def _place(ind: Indicator, period: str, cat: Catalogue) -> tuple[Indicator, str] | None:
    """The indicator and the period text the store keeps a figure under, or None."""
    if _from_january(ind) and not _from_january_period(period):
        # "5.8% in the third quarter" is no year to date: the quarter's own, if catalogued
        sibling = _quarter_sibling(ind, period, cat)
        if sibling is None:
            return None
        ind = sibling
    period = indicator_period(period, ind)
    if ind.measure == "streak" and "/" in period:
        period = period.split("/")[1]  # a streak is counted to the month it ends in
    if ind.unit == "index" and ind.frequency == "month" and len(period) == 4:
        return None  # "2027年制造业PMI均值为49.9%": a year's average is no month's reading
    if ind.unit == "index" and ind.frequency == "month" and "/" in period:
        # a January-February release's "the PMI was 50.4": an index is read for a month,
        # the span's last (a reading is never summed over months)
        period = period.split("/")[1]
    return ind, period


def _quarter_sibling(ind: Indicator, period: str, cat: Catalogue) -> Indicator | None:
    """The quarter's or the month's own indicator beside a year-to-date one
    (``va_ytd_yoy`` -> ``va_quarter_yoy``, ``export_delivery_value_ytd_yoy`` ->
    ``export_delivery_value_yoy``) when the catalogue has it."""
    kind = Period.parse(period).kind
    if kind == "quarter":
        # "profit_ytd" has no quarter's own: the id unchanged is no sibling
        quarter = ind.id.replace("_ytd_", "_quarter_")
        return cat.indicators.get(quarter) if quarter != ind.id else None
    if kind == "month":
        sibling = cat.indicators.get(ind.id.replace("_ytd", "", 1))
        return sibling if sibling is not None and not _from_january(sibling) else None
    return None


def _other_figure(fact: Fact, text: str, ind: Indicator, industry: str,
                  cat: Catalogue) -> bool:
    """Whether the indicator the subject names is another figure's: a sub-sector's
    (``SUB_SECTOR``), a net addition's stock, a division's investment, all investment's
    slowdown for manufacturing's lead, provinces for divisions counted, or a list's
    neighbour of the member the subject is."""
    subject = fact.subject
    if SUB_SECTOR in subject:
        return True
    return (_net_addition_as_stock(text, ind) or _division_as_whole(subject, ind, cat)
            or _slowdown_as_lead(fact, text, ind)
            or _counts_other_things(subject, ind)
            or _unnamed_member(subject, ind, industry, cat) is not None)


def _slowdown_as_lead(fact: Fact, text: str, ind: Indicator) -> bool:
    """"All investment's growth fell back 0.3 points" read as manufacturing investment's
    lead over all investment, which the subject "fixed-asset investment" also names when
    the lead is stated ("增速高于全部固定资产投资4.3个百分点")."""
    return (ind.id == "investment_mfg_vs_fai_pp" and fact.value < 0
            and not _MANUFACTURING.search(text))


def _net_addition_as_stock(text: str, ind: Indicator) -> bool:
    """Net additions over a span ("net additions of 5G users", 净增) mapped to the stock
    they add to: the store has no cell for the change."""
    return ind.frequency == "stock" and bool(_NET_ADDITION.search(text))


def _division_as_whole(subject: str, ind: Indicator, cat: Catalogue) -> bool:
    """A division's aggregate mapped to an indicator of all industry that has no industry
    breakdown: "investment in automobile manufacturing" to investment in manufacturing,
    "export delivery value of the electronics industry" to all industry's, a division's
    month-on-month value added to the total's."""
    return (ind.id.startswith(_AGGREGATES_OF_ALL_INDUSTRY) and "industry" not in ind.dimensions
            and industry_code(subject, cat)[:1].isdigit())


#: families of aggregates over industries: an indicator of the family without an industry
#: breakdown states all industry's (or an ownership type's, a region's), never a division's
_AGGREGATES_OF_ALL_INDUSTRY = ("investment_", "export_delivery_value", "va_", "profit_",
                               "revenue_")


def _counts_other_things(subject: str, ind: Indicator) -> bool:
    """A count of divisions ("33个行业增加值增长") mapped to a count of provinces."""
    return (ind.measure == "count" and "provinces" in ind.name_en.lower()
            and bool(_DIVISIONS_COUNTED.search(subject)) and "province" not in subject.lower())


_DIVISIONS_COUNTED = re.compile(r"industr|division|sector|行业|大类", re.IGNORECASE)


def _unstorable(fact: Fact) -> str | None:
    """Why a figure is no value of any indicator, or None."""
    if _BOUND.search(fact.mention):
        return f"{fact.mention!r} is a bound (at least 10%), not a value to store"
    if _PER_BASE.search(fact.subject):
        return f"{fact.subject!r} is per a base amount; the catalogue has no such ratio"
    return None


def _refused_match(fact: Fact, ind: Indicator, period: str, cat: Catalogue) -> str | None:
    """Why an indicator the subject names does not take the fact, or None."""
    text = normalise(fact.subject)
    if _words_rule_out(ind.id, text):
        return (f"{ind.id} is named, but the subject's words make it another figure (an "
                f"industry group's, a business line's, another survey's) ({fact.subject!r})")
    if _place(ind, period, cat) is None:
        return f"{ind.id} adds up the months from January; {period} does not start in January"
    if "industry" in ind.dimensions and _grouping_as_manufacturing(
            industry_code(fact.subject, cat), text):
        return f"{fact.subject!r} names a grouping of industries, not manufacturing as a whole"
    if _grouping_as_total(industry_code(fact.subject, cat), text, ind):
        return f"{fact.subject!r} names a grouping of industries; {ind.id} states all industry's"
    if SUB_SECTOR in fact.subject:
        return f"{fact.subject!r} is a part of a division the catalogue has no code for"
    if _net_addition_as_stock(text, ind):
        return f"{fact.subject!r} is a net addition over a span, not the stock {ind.id}"
    if _division_as_whole(fact.subject, ind, cat):
        return f"{fact.subject!r} names a division; {ind.id} has no industry breakdown"
    member = _unnamed_member(fact.subject, ind, industry_code(fact.subject, cat), cat)
    if member is not None:
        return (f"the subject is a list and {ind.id} names nothing of its member "
                f"{member!r} ({fact.subject!r})")
    return None


#: subjects that are indices ("manufacturing PMI", "采购经理指数")
_INDEX_SUBJECT = re.compile(r"(?<![a-z])(?:index|indices|indexes|pmis?|gauges?)(?![a-z])|指数",
                            re.IGNORECASE)
#: a diffusion index, read around 50: no figure of it is a growth rate
_DIFFUSION_INDEX = re.compile(r"(?<![a-z])pmis?(?![a-z])|purchasing\s+managers|采购经理",
                              re.IGNORECASE)


def as_index(fact: Fact) -> Fact:
    """An index's figure as a level in index points: the PMI written "50.3%" is no share,
    and "stood at 50.3" no count. Other facts come back unchanged."""
    if not _INDEX_SUBJECT.search(fact.subject):
        return fact
    if (fact.measure == "growth_yoy" and fact.unit == "percent" and 30 < fact.value < 70
            and _DIFFUSION_INDEX.search(fact.subject)):
        # "the PMIs of high-tech and equipment manufacturing reached 52.4 and 51.5 percent"
        return replace(fact, unit="index", measure="level")
    if (fact.unit in ("percent", "count") and fact.measure in ("share", "level", "count")
            and 0 < fact.value < 1000):
        return replace(fact, unit="index", measure="level")
    if fact.unit in ("percentage_point", "count") and fact.measure == "change" and (
            abs(fact.value) < 100):
        return replace(fact, unit="index")  # "比上月上升0.4个百分点", "up 0.2 points": the index's
    return fact


def map_facts(facts: Iterable[Fact], catalogue: Catalogue | None = None) -> list[Fact]:
    """Map every fact (see ``map_fact``); the order is kept."""
    cat = catalogue or Catalogue.load()
    return [map_fact(f, cat) for f in facts]


def match_indicator(
    subject: str, measure: str, unit: str, period: str, catalogue: Catalogue
) -> str | None:
    """The id of the indicator a subject with this measure, unit and period states."""
    text = normalise(subject)
    if measure in ("growth_yoy", "growth_qoq") and _BARE_OUTPUT.match(text):
        # "output grew 5.8%", "output in February alone rose 0.46%" in a report of
        # industrial production
        text = "industrial output"
    kind = _period_kind(period)
    # a division's name holds words the rules read ("electronic equipment manufacturing"
    # is no equipment manufacturing): the rules read the subject without it
    industry = industry_code(subject, catalogue)
    ruled = _without_industry_name(text, industry, catalogue) if industry[:1].isdigit() else text
    for rule in mapping_rules().rules:
        if rule.indicator in catalogue.indicators and rule.matches(ruled, measure, kind):
            ind = catalogue.indicators[rule.indicator]
            if compatible(ind, measure, unit) and qualifiers_agree(text, ind):
                return ind.id
    named = _match_by_name(text, measure, unit, catalogue, kind)
    if named is None and measure == "growth_yoy" and text.startswith("output of ") and (
            industry != ALL) and not (industry[:1].isdigit() and len(text.split()) <= 3):
        # "output of baijiu": a product's (a division's name is longer: "output of
        # non-metallic mineral products")
        # "output of mining", "output of non-metallic mineral products" grew: news words
        # for a sector's or a division's value added (a product's output maps above)
        return match_indicator("value added of " + subject.split(" of ", 1)[1], measure, unit,
                               period, catalogue)
    return named


def _words_rule_out(indicator: str, text: str) -> bool:
    """Whether a normalised subject's words rule out the indicator its name matched: an
    industry group's PMI is no headline PMI, a non-manufacturing sub-index no business
    activity index, profits or revenue no value added, a business line's revenue no
    telecom revenue (the first rule of ``_WORD_RULES`` whose indicators it is decides)."""
    if indicator.startswith("pmi_") and text.startswith("private survey"):
        return True  # another compiler's survey: no cell of the bureau's PMI
    for applies, words, refused_when_said in _WORD_RULES:
        if applies(indicator):
            return bool(words.search(text)) == refused_when_said
    return False


def _grouping_as_manufacturing(industry: str, text: str) -> bool:
    """"Advanced manufacturing grew 6.9%": a grouping across sectors read as manufacturing
    (C) for its last word."""
    return industry == "C" and bool(_GROUPING.search(text))


def _grouping_as_total(industry: str, text: str, indicator: Indicator) -> bool:
    """"Enterprises in the equipment industry earned 2.68 trillion yuan", "装备制造业出口交货值":
    a grouping across divisions (equipment, high-tech manufacturing) whose figure the
    indicator, named for all industry, does not state. (A division named "general
    equipment manufacturing" is its own industry, not the grouping.)"""
    if industry not in (ALL, "C"):
        return False
    named = _GROUP_NAMED.search(text)
    if named is None:
        return False
    word = named.group("group") or named.group("group_zh")
    word = "装备制造" if word == "装备工业" else word  # the ministry's name for the grouping
    return word not in f"{normalise(indicator.name_en)} {indicator.name_zh}"


#: a grouping across divisions named as a whole: its word (as in an indicator's name) and
#: what follows it
_GROUP_NAMED = re.compile(
    r"\b(?P<group>equipment|high tech|energy|non energy|coal|non coal)\s+"
    r"(?:manufactur\w*|industr\w*|sector|value added|enterprises)"
    r"|(?P<group_zh>装备制造|装备工业|高技术制造|能源工业|煤炭工业)")


#: the industry groups the bureau reads the PMI for besides the whole of manufacturing
_PMI_OF_A_GROUP = re.compile(r"\b(?:high tech|equipment|consumer|raw material|industry|"
                             r"industries|sector)|高技术|装备|消费品|原材料|行业")
#: the telecom industry named: "business revenue" alone may be any business line's
_TELECOM = re.compile(r"\b(?:telecom\w*|operators?|carriers?|telcos?)\b|电信")
#: what value added is not: "高技术制造业利润" are the group's profits, "strategic emerging
#: industries" grew is no industry's value added
_NOT_VALUE_ADDED = re.compile(r"\b(?:profits?|revenue|investment|exports?)\b|利润|收入|投资|出口"
                              # a grouping across industries the catalogue has no figure of
                              r"|\bstrategic emerging\b|战略性新兴"
                              r"|\braw materials? industr|原材料工业|原材料行业")
_DELIVERY_VALUE = re.compile(r"\bdelivery value\b|\bexport deliveries\b|交货值")
#: a contribution named: "contribution to industrial growth of", "pulled", 拉动, 贡献
_CONTRIBUTION = re.compile(r"\bcontribut\w*|\bpulled\b|拉动|贡献")
#: investment, or the newswires' "spending in the secondary industry"
_INVESTMENT = re.compile(r"\binvest\w*|\bspending\b|\bcapex\b|投资")
_MANUFACTURING = re.compile(r"\bmanufactur\w*|制造")
#: revenue that is not industry's: costs beside it, the revenue of SMEs and little giants
_NOT_INDUSTRY_REVENUE = re.compile(r"\bcosts?\b|成本|\blittle giants?\b|小巨人|\bsmes?\b|"
                                   r"small and medium|中小企业|\bspeciali[sz]ed\b|专精特新")
#: the emerging businesses, or a list of their lines ("cloud computing, big data and data
#: centres"); one line alone ("data-centre revenue grew 9.8%") is a part of them
_EMERGING = re.compile(r"\bemerg\w*|\bnew business\w*|新兴|^(?=.*(?:\band\b|、|和|及)).*"
                       r"(?:\bdata cent\w*|数据中心)")
#: investment in the technical transformation of manufacturing is a part of it, never all
_TECHNICAL_TRANSFORMATION = re.compile(
    r"\btechn(?:ical|ological) (?:transformation|upgrad\w*)|技术改造|技改")
#: a part of the country's shipbuilding: key monitored enterprises, ships for export
_NOT_ALL_SHIPS = re.compile(r"\bkey\b|\bexport\w*|重点|出口")
#: a change of a stock over a span ("net additions of 5G users"), never the stock itself
_NET_ADDITION = re.compile(r"\bnet (?:addition|increase|gain|add)s?\b|净增|新增"
                           # "signed up 7.12 million new 5G users over the ten months"
                           r"|\bnew(?: 5g| 4g| gigabit| mobile| broadband)* "
                           r"(?:users|subscribers)\b")
#: the words of a sub-index: "non-manufacturing new orders index" is no business activity
_SUB_INDEX = re.compile(r"\b(?:orders?|prices?|expectations?|employ\w*|inventor\w*|delivery)\b|"
                        r"订单|价格|预期|从业|库存|配送")
#: groupings of industries across the sectors, never manufacturing as a whole
_GROUPING = re.compile(r"\b(?:advanced|high end|high tech|equipment|strategic emerging|modern)"
                       r"\s+manufactur|先进制造|高端制造|高技术制造|装备制造|战略性新兴")
#: the indices of the surveys other than manufacturing's, which name their survey
_OTHER_SURVEY_INDICES = frozenset({"pmi_non_manufacturing", "pmi_services", "pmi_construction",
                                   "pmi_composite"})
_OTHER_SURVEY = re.compile(r"\bservices?\b|\bconstruction\b|\bnon manufacturing\b|"
                           r"\bcomposite\b|服务业|建筑业|非制造业|综合")
#: (which indicators, words, whether saying them refuses the indicator or not saying them)
_WORD_RULES: tuple[tuple[Callable[[str], bool], re.Pattern[str], bool], ...] = (
    (lambda i: i.startswith("pmi_manufacturing"), _PMI_OF_A_GROUP, True),
    (lambda i: i == "pmi_non_manufacturing", _SUB_INDEX, True),
    # a contribution in points says so: "1.8 percentage points above" is a difference
    (lambda i: i == "va_contribution_pp", _CONTRIBUTION, False),
    # "export deliveries" of ships are completions, no export delivery value
    (lambda i: i.startswith("export_delivery_value"), _DELIVERY_VALUE, False),
    (lambda i: i.startswith("va_"), _NOT_VALUE_ADDED, True),
    # investment in the primary industry is no GDP
    (lambda i: i.startswith("gdp_"), _INVESTMENT, True),
    # "cloud computing and big data revenue": lines inside the emerging businesses
    (lambda i: i.startswith("telecom_emerging_revenue"), _EMERGING, False),
    # "operating revenue of operating costs", 营业成本; little giants' revenue
    (lambda i: i.startswith("revenue"), _NOT_INDUSTRY_REVENUE, True),
    (lambda i: i.startswith("investment_"), _TECHNICAL_TRANSFORMATION, True),
    # key enterprises' and export ships' figures
    (lambda i: i.startswith("ship_"), _NOT_ALL_SHIPS, True),
    (lambda i: i.startswith("telecom_revenue"), _TELECOM, False),
    # "services firms' business expectations index": another survey's sub-index
    (lambda i: i.startswith("pmi_") and i not in _OTHER_SURVEY_INDICES, _OTHER_SURVEY, True),
)
#: the whole of industry's output, in news words
_BARE_OUTPUT = re.compile(
    # "second-quarter industrial growth", "first-half output": a period said in the subject
    r"^(?:(?:first|second|third|fourth) (?:quarter|half) )?"
    r"(?:seasonally adjusted )?(?:(?:industrial |factory )?output|industrial growth)"
    r"(?: in (?:january|february|march|"
    r"april|may|june|july|"
    r"august|september|october|november|december)(?: alone)?)?$")


def qualifiers_agree(text: str, indicator: Indicator) -> bool:
    """Whether a normalised subject and an indicator state the same qualifiers: each one
    the subject states is in the indicator's name, and each ``both_ways`` one the name
    states is in the subject."""
    named = _named_qualifiers(indicator.name_en, indicator.name_zh)
    stated = _stated_qualifiers(text)
    if not stated <= named | _loose_qualifiers():
        return False
    return not any(q.both_ways and q.name in named and q.name not in stated
                   for q in mapping_rules().qualifiers)


@cache
def _loose_qualifiers() -> frozenset[str]:
    """Qualifiers a subject may state without the indicator's name stating them."""
    return frozenset(q.name for q in mapping_rules().qualifiers if not q.subject_binds)


@lru_cache(maxsize=4096)
def _stated_qualifiers(text: str) -> frozenset[str]:
    """The qualifiers a normalised subject states (read once per subject, not once per
    indicator it is compared with)."""
    return frozenset(q.name for q in mapping_rules().qualifiers if q.stated(text))


def _lacks_qualifier(text: str, indicator: Indicator) -> bool:
    """Whether the indicator's name states a ``both_ways`` qualifier the subject does not."""
    named = _named_qualifiers(indicator.name_en, indicator.name_zh)
    stated = _stated_qualifiers(text)
    return any(q.both_ways and q.name in named and q.name not in stated
               for q in mapping_rules().qualifiers)


@cache
def _named_qualifiers(name_en: str, name_zh: str) -> frozenset[str]:
    text = f"{normalise(name_en)} {name_zh}"
    return frozenset(q.name for q in mapping_rules().qualifiers if q.stated(text))


def store_period(period: str) -> str | None:
    """The store's text for a fact's period, or None when there is no usable period."""
    text = period.strip()
    if text.lower().startswith("as of"):
        text = text[5:].strip()
    if not text:
        return None
    try:
        Period.parse(text)
    except ConfigError:
        return None
    return text


def indicator_period(period: str, indicator: Indicator) -> str:
    """The period text the store keeps an indicator's figure under.

    A stock (a level at a date) is kept at the last day of the period the release
    names: ``2023`` -> ``2023-12-31``. A span from January to March, June or December is
    the first quarter, the first half or the year, as releases call them:
    ``2023-01/2023-03`` -> ``2023-Q1``, ``2023-01/2023-06`` -> ``2023-H1``.
    """
    parsed = Period.parse(period)
    if indicator.frequency == "stock" and parsed.kind != "date":
        year, month = int(parsed.end[:4]), int(parsed.end[5:7])
        return f"{parsed.end}-{calendar.monthrange(year, month)[1]:02d}"
    if parsed.kind == "ytd" and parsed.start[:4] == parsed.end[:4] and parsed.start[5:] == "01":
        named = parsed.end[:4]
        return {"03": f"{named}-Q1", "06": f"{named}-H1", "12": named}.get(parsed.end[5:], period)
    return period


def province_code(region: str, catalogue: Catalogue) -> str | None:
    """``ALL`` for the whole country, a GB/T 2260 code for a province, else None."""
    text = region.strip().lower()
    if not text or text in mapping_rules().country:
        return ALL
    for code, names in _province_names(catalogue):
        if any(text.startswith(name) for name in names):
            return code
    return None


def industry_code(subject: str, catalogue: Catalogue) -> str:
    """The industry cell a subject names: a division, a sector letter, or ``ALL``."""
    return _industry_code(normalise(subject), _division_names(catalogue))


@lru_cache(maxsize=8192)
def _industry_code(text: str, divisions: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]
                   ) -> str:
    # extraction and mapping ask this of the same subjects again and again
    for code, patterns in divisions:
        if any(p.search(text) for p in patterns):
            return code
    for code, patterns in mapping_rules().industries:
        if any(p.search(text) for p in patterns):
            return code
    return ALL


def compatible(indicator: Indicator, measure: str, unit: str) -> bool:
    """Whether a number of this measure and unit can be a value of the indicator."""
    if unit != indicator.unit:
        return False
    return measure == indicator.measure or (
        frozenset({measure, indicator.measure}) in _INTERCHANGEABLE
    )


def normalise(text: str) -> str:
    """Lower case, with hyphens, quotes and punctuation read as single spaces; "firms" and
    "companies" are the bureau's "enterprises"."""
    text = text.lower().replace("high-tech", "high tech")
    text = re.sub(r"[^\w\u3000-\u303f\u4e00-\u9fff、]+", " ", text)
    text = _ABBREVIATION.sub(lambda m: _ABBREVIATIONS[m.group()], text)
    text = _LARGER_INDUSTRIAL.sub("industrial enterprises", text)
    # "Provincial industrial value added": the province's industry, no provincial-level tier
    text = _PROVINCIAL_INDUSTRY.sub(r"\1", text)
    # "规模以上工业发电量": industry's power generation is the country's power generation
    text = _INDUSTRIAL_GENERATION.sub("power generation", text)
    text = _FIRMS.sub("enterprises", text)
    text = _EARNINGS.sub("profits", text)  # "earnings at China's larger industrial companies"
    text = text.replace("share holding", "shareholding")  # "share-holding enterprises"
    text = text.replace("foreign invested", "foreign funded")  # the newswires' word
    text = _GROUP_MAKERS.sub(r"\1 manufacturing", text)
    text = _SUBSCRIPTIONS.sub("users", text)
    text = _GIGABIT.sub("gigabit", text)
    text = _SITES.sub(r"\1 base stations", text)
    text = _USER_BASE.sub(r"\1 users", text)
    text = _SIZE_CLASS.sub(r"\1", text)  # "smaller companies' PMI": the small enterprises
    text = _SIZED_BUSINESSES.sub(r"\1 enterprises", text)  # "small businesses stayed at 48.9"
    text = text.replace("new energy models", "new energy vehicles")
    text = _ABROAD.sub(r"exports of \1", text)
    text = _ROLLED_OFF.sub(r"output of \1", text)
    if _WHOLE_ECONOMY.match(text):
        text = "gdp"  # "the wider economy grew 5.1%"
    return re.sub(r"\s+", " ", text).strip()


#: "equipment makers' value added": the grouping's, in news words
_GROUP_MAKERS = re.compile(r"\b(high tech|equipment) (?:makers|manufacturers|sector)\b")
#: "users on plans of 1000Mbps and above" are gigabit users
_GIGABIT = re.compile(r"\b(?:1 ?000 ?mbps|1 ?gbps)(?: (?:and|or) (?:above|more|faster))?\b")
#: the trade press's "5G subscriptions" are the ministry's users, its "5G sites" base stations
_SUBSCRIPTIONS = re.compile(r"\b(?:subscriptions|subscribers)\b")
_SITES = re.compile(r"\b(5g|4g|mobile)\s+(?:sites|masts|build out)\b")
#: "the mobile base stood at 1.84 billion": the users, not base stations
_USER_BASE = re.compile(r"\b(mobile|subscriber|user|customer|5g|4g)\s+base\b(?!\s+station)")
#: the newswires' size classes of the PMI: "smaller companies", "larger firms", "medium-sized"
_SIZE_CLASS = re.compile(r"\b(small|large|medium)(?:er|\s+sized)\b")
#: "shipped 3.28 million vehicles abroad": exports
_ABROAD = re.compile(r"^((?:[a-z]+ ){0,2}[a-z]+)(?<!\bfrom)(?<!\bof)\s+(?:abroad|overseas)$")
#: "new-energy vehicles rolled off lines at a pace of": their output
_ROLLED_OFF = re.compile(
    r"^(.+?)\s+rolled\s+off\s+(?:the\s+)?(?:production\s+|assembly\s+)?lines?\b.*$")
_WHOLE_ECONOMY = re.compile(r"^(?:the\s+)?(?:wider|overall|whole|broader|national)?\s*economy$")


#: the newswires' "larger industrial companies": those above designated size, no size class
_LARGER_INDUSTRIAL = re.compile(r"\b(?:larger|bigger|major)\s+industrial\s+(?:firms|companies|"
                                r"enterprises)\b")
_INDUSTRIAL_GENERATION = re.compile(
    r"\b(?:above designated size )?industrial (?:power|electricity) generation\b")
_PROVINCIAL_INDUSTRY = re.compile(r"\bprovincial (industr\w*|factory|factories)\b")
#: the newswires' "earnings" of industrial firms are their profits
_EARNINGS = re.compile(r"\bearnings\b")
#: "firms", "companies", and "ones" of "large enterprises ... and small ones"
_FIRMS = re.compile(r"\b(?:firms|companies|ones)\b")
#: a market note's abbreviations ("Industrial VA", "Mfg", "SOEs")
_ABBREVIATIONS = {word: meaning.replace("-", " ") for word, meaning in ABBREVIATIONS_EN.items()
                  } | {"ip": "industrial production"}  # normalised words have no hyphens
_ABBREVIATION = re.compile(r"\b(?:" + "|".join(_ABBREVIATIONS) + r")\b")
_SIZED_BUSINESSES = re.compile(r"\b(small|medium|large)\s+businesses\b")


# -- rules data ------------------------------------------------------------------------
@cache
def mapping_rules() -> MappingRules:
    """The shipped rules of ``data/mapping.toml``, read once per process."""
    text = resources.files("indmon.extract").joinpath("data", "mapping.toml").read_text("utf-8")
    return parse_rules(text, "mapping.toml")


def parse_rules(text: str, name: str = "mapping.toml") -> MappingRules:
    """Read mapping rules in the ``data/mapping.toml`` shape; errors name the rule."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{name}: not valid TOML ({exc}); fix the file's syntax") from exc
    rules = tuple(_rule(entry, name, i) for i, entry in enumerate(raw.get("rule", []), 1))
    industries = tuple(
        (code, tuple(_phrase(p) for p in phrases))
        for code, phrases in raw.get("industries", {}).items()
    )
    country = frozenset(n.lower() for n in raw.get("country", {}).get("names", []))
    qualifiers = tuple(
        Qualifier(str(q["name"]), tuple(_phrase(p) for p in q["phrases"]),
                  bool(q.get("both_ways", False)), bool(q.get("subject_binds", True)))
        for q in raw.get("qualifier", [])
    )
    regions = tuple((name.lower(), str(suffix))
                    for name, suffix in raw.get("economic_regions", {}).items())
    return MappingRules(rules, industries, country, qualifiers, regions)


def _rule(entry: dict[str, object], name: str, number: int) -> Rule:
    missing = [k for k in ("indicator", "measure", "periods", "all") if k not in entry]
    if missing:
        raise ConfigError(
            f"{name}: rule {number} ({entry.get('indicator', 'no indicator')}) lacks "
            f"{', '.join(missing)}; every rule needs indicator, measure, periods and all"
        )
    groups = entry["all"]
    if not isinstance(groups, list) or not all(isinstance(g, list) for g in groups):
        raise ConfigError(
            f"{name}: rule {number} field 'all' must be a list of phrase lists, "
            'e.g. all = [["value added", "增加值"]]'
        )
    return Rule(
        indicator=str(entry["indicator"]),
        measure=str(entry["measure"]),
        periods=tuple(str(p) for p in entry["periods"]),  # type: ignore[attr-defined]
        all=tuple(tuple(_phrase(p) for p in group) for group in groups),
        none=tuple(_phrase(p) for p in entry.get("none", [])),  # type: ignore[attr-defined]
    )


def _phrase(phrase: str) -> re.Pattern[str]:
    """A phrase that matches at the start of a word (anywhere, for Chinese)."""
    words = normalise(phrase) if phrase.isascii() else phrase
    boundary = r"(?<![a-z0-9])" if words[:1].isascii() else ""
    return re.compile(boundary + re.escape(words))


# -- matching by names -----------------------------------------------------------------
def _match_by_name(
    text: str, measure: str, unit: str, catalogue: Catalogue, kind: str | None = None
) -> str | None:
    """The compatible indicator whose names the subject states most fully.

    A growth rate whose subject names a level ("telecom business revenue" grew 7.7%)
    is the growth indicator of that level, by the ``<id>_yoy`` naming convention.
    A subject that is a list naming two indicators in full maps to neither.
    """
    if _is_list(text) and len(_full_matches(text, measure, unit, catalogue)) >= 2:
        return None
    words = _content_words(text)
    found = _best_name(text, words, catalogue, lambda ind: compatible(ind, measure, unit), kind)
    if found is None and measure == "growth_yoy":
        level = _best_name(text, words, catalogue, lambda ind: ind.measure != "growth_yoy", kind)
        sibling = catalogue.indicators.get(f"{level}_yoy") if level else None
        if sibling is not None and compatible(sibling, measure, unit):
            return sibling.id
    return found


#: a conjunction or list comma: the subject may name several things
_LIST = re.compile(r"(?<![a-z])(?:and|or)(?![a-z])|[、和及与]")


def _is_list(text: str) -> bool:
    return bool(_LIST.search(text))


def _full_matches(text: str, measure: str, unit: str, catalogue: Catalogue) -> set[str]:
    """Indicators one of whose names the subject states in full, of the fact's measure and
    unit or (for a growth rate) the levels it is the growth of, counted once
    per thing named, each no part of another's name: "generator sets and household
    refrigerators" names two, "national and local joint manufacturing innovation
    centres" one (the joint centres' name holds the plain centres')."""
    words = _content_words(text)
    stated: dict[str, frozenset[str]] = {}
    for names in _name_index(catalogue):
        ind = names.indicator
        fits = compatible(ind, measure, unit) or (
            measure == "growth_yoy" and ind.measure != "growth_yoy")
        if fits and _indicator_score(text, words, names) >= 1:
            said = [p for p in names.chinese if p in text]
            said_words = frozenset(said) if said else frozenset().union(
                *(n for n in names.english if n <= words))
            key = ind.id.removesuffix("_yoy")
            stated[key] = stated.get(key, frozenset()) | said_words
    # indicators that state the same words name one thing (a month's and a year-to-date
    # figure of it): counted once
    distinct = {said: key for key, said in sorted(stated.items())}
    return {key for said, key in distinct.items()
            if not any(said < other or _inside(said, other) for other in distinct)}


def _inside(phrases: frozenset[str], others: frozenset[str]) -> bool:
    """Whether every Chinese phrase stated is part of a longer phrase stated."""
    return bool(phrases) and all(
        any(p != o and p in o for o in others) for p in phrases if not p.isascii()
    ) and any(not p.isascii() for p in phrases)


def _best_name(
    text: str, words: frozenset[str], catalogue: Catalogue,
    allowed: Callable[[Indicator], bool], kind: str | None = None,
) -> str | None:
    """The indicator whose names account for most of the subject; None when two tie,
    as "production and sales of new energy vehicles" names two indicators equally and
    the figure can be either. A tie between the month's figure and the year to date's
    (``va_yoy_private``, ``va_ytd_yoy_private``) is settled by the fact's period (see
    ``_period_preference``)."""
    scored = [(score, names.indicator) for names in _name_index(catalogue)
              if allowed(names.indicator) and (score := _indicator_score(text, words, names)) > 0]
    scores = sorted(((s, ind.id) for s, ind in scored if qualifiers_agree(text, ind)),
                    reverse=True)
    if not scores:
        return None
    if scores[0][0] < 1 and any(s >= scores[0][0] for s, ind in scored
                                if _lacks_qualifier(text, ind)):
        # a short subject ("key industries") that a qualified indicator fits as well:
        # the qualifier may have been stated before the subject's words
        return None
    tied = [ind for score, ind in scores if score == scores[0][0]]
    if len(tied) == 2 and kind is not None:
        ranked = sorted(((_period_preference(catalogue.indicators[i], kind), i) for i in tied),
                        reverse=True)
        if ranked[0][0] > ranked[1][0]:
            return ranked[0][1]
    return tied[0] if len(tied) == 1 else None


def _period_preference(indicator: Indicator, kind: str) -> int:
    """How well an indicator's figures suit a period, between two that are named alike.

    The catalogue keeps three kinds: one whose name says "(month)" (a single month only),
    one that says "year to date" (a cumulative figure kept at the month it runs to), and
    a plain one whose period says which (``nev_production`` at ``2023-Q1``). A span, a
    quarter or a year prefers the plain one, then the year to date's, never the month's;
    a month prefers the month's, then the plain one.
    """
    single = "(month)" in indicator.name_en
    ytd = "_ytd" in indicator.id or "year to date" in indicator.name_en
    if kind == "month":
        return 2 if single else 0 if ytd else 1
    return 0 if single else 1 if ytd else 2


@dataclass(frozen=True)
class _Names:
    """An indicator's names, read once: content words of each English name and the
    Chinese names as phrases."""

    indicator: Indicator
    english: tuple[frozenset[str], ...]
    chinese: tuple[str, ...]
    words: frozenset[str]
    #: names that are one acronym ("GDP", "PMI"): stated in full by that one word
    acronyms: tuple[frozenset[str], ...] = ()


#: name indexes by catalogue; the catalogue is kept so that its id is not reused
_NAME_INDEXES: dict[int, tuple[Catalogue, tuple[_Names, ...]]] = {}


def _name_index(catalogue: Catalogue) -> tuple[_Names, ...]:
    cached = _NAME_INDEXES.get(id(catalogue))
    if cached is None or cached[0] is not catalogue:
        cached = (catalogue, tuple(_names_of(ind) for ind in catalogue.indicators.values()))
        _NAME_INDEXES[id(catalogue)] = cached
    return cached[1]


def _names_of(ind: Indicator) -> _Names:
    phrases = [normalise(n) for n in (ind.name_en, ind.name_zh, *ind.aliases)]
    english = tuple(_content_words(p) for p in phrases if p and p.isascii())
    chinese = tuple(p for p in phrases if p and not p.isascii())
    acronyms = tuple(_content_words(normalise(a)) for a in ind.aliases
                     if a.isascii() and a.isalpha() and a.isupper() and len(a) >= 3)
    return _Names(ind, english, chinese, frozenset().union(*english), acronyms)


def _indicator_score(text: str, words: frozenset[str], names: _Names) -> float:
    """How much of the subject an indicator's names account for; 0 when none of its
    names is stated in full (a Chinese name inside the subject, every content word of an
    English name of two words or more among the subject's words, or the subject is an
    acronym the catalogue gives as a name: "GDP")."""
    if any(phrase in text for phrase in names.chinese):
        return 100.0 + max(len(p) for p in names.chinese if p in text)
    if any(len(needed) >= 2 and needed <= words for needed in names.english):
        return float(len(names.words & words))
    if words in names.acronyms:
        return 1.0  # "GDP" alone; "medium-sized PMI" is no headline PMI
    if len(words) >= 2 and any(words <= named for named in names.english):
        # a short subject ("industrial internet industry") inside one of the names
        return len(words) / 10
    return 0.0


def _content_words(text: str) -> frozenset[str]:
    # "s" is what normalising leaves of a possessive ("China's"): it says nothing
    return frozenset(_stem(_british(w)) for w in text.split()
                     if w not in _STOPWORDS and w != "s")


def _british(word: str) -> str:
    """One spelling for words releases spell both ways ("centers", "utilization")."""
    word = re.sub(r"iz(e|ed|es|ing|ation|ations)$", r"is\1", word)
    return re.sub(r"^(cent|met|fib|theat)er(s?)$", r"\1re\2", word)


def _stem(word: str) -> str:
    """Crude English stemming, enough to read "economic" as "economy" and "centres" as
    "centre"."""
    for suffix, keep in (("ies", ""), ("ing", ""), ("ial", ""), ("ed", ""), ("es", ""),
                         ("ic", ""), ("al", ""), ("s", ""), ("y", ""), ("e", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 3:
            return word[: -len(suffix)] + keep
    return word


#: period kinds that ``mapping.toml`` calls ``span``: any run of months, year to date
#: and January-February combined included
_SPAN_KINDS = frozenset({"span", "ytd", "janfeb", "half"})


def _period_kind(period: str) -> str | None:
    """The kind of period in the words of ``mapping.toml``."""
    try:
        kind = Period.parse(period).kind
    except ConfigError:
        return None
    return "span" if kind in _SPAN_KINDS else kind


def _province_names(catalogue: Catalogue) -> tuple[tuple[str, tuple[str, ...]], ...]:
    # longest names first, so that no province is taken for one whose name begins its own
    pairs = [
        (code, tuple(n.lower() for n in (p.name_en, p.name_zh) if n))
        for code, p in catalogue.provinces.items()
    ]
    return tuple(sorted(pairs, key=lambda pair: -max(len(n) for n in pair[1])))


def _division_names(catalogue: Catalogue) -> tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]:
    # by the catalogue's industries (the same object for every fact of a run)
    key = id(catalogue.industries)
    found = _DIVISIONS.get(key)
    if found is None or found[0] is not catalogue.industries:
        found = (catalogue.industries, _division_patterns(tuple(
            (code, ind.name_en, ind.name_zh) for code, ind in catalogue.industries.items())))
        _DIVISIONS[key] = found
    return found[1]


_DIVISIONS: dict[int, tuple[object, tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]]] = {}


@cache
def _division_patterns(names: tuple[tuple[str, str, str], ...]
                       ) -> tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]:
    # compiled once per set of names: every fact's industry is looked up in them
    return tuple((code, (_phrase(en), re.compile(re.escape(zh)))) for code, en, zh in names)


__all__ = [
    "as_index",
    "compatible",
    "economic_region",
    "indicator_period",
    "industry_code",
    "map_fact",
    "map_facts",
    "match_indicator",
    "normalise",
    "parse_rules",
    "province_code",
    "qualifiers_agree",
    "store_period",
    "unmapped_reason",
]
