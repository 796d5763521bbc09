"""English grammar of figures as ministry releases and their translations write them.

Three kinds of mention, found in this order so the more specific wins an overlap:

- streaks: ``14 consecutive years``, ``the 14th consecutive year``, ``three years in a row``
- rankings in words: ``ranked first in the world``, ``ranks second``, ``No. 1``
- figures: digits or number words with an optional scale word and unit, ``$139 billion``,
  ``4.6%``, ``1 percentage point``, ``24,000TEU``, ``two manufacturing innovation centres``,
  and the translated ``double-digit growth``.

What is not a figure is filtered here when the words alone tell: years, ordinals
(``14th Five-Year Plan``), durations (``three years of``), ages, product codes glued to
letters (``5G``, ``ARJ21``, ``3HAC12649-1``) and plan names (``31 Articles``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from indmon.extract.fastre import compile_lower, lowered, trie
from indmon.extract.mentions import Mention, sign_before, windows_around
from indmon.extract.numbers import ORDINALS, SCALES_EN, WORD_NUMBERS, parse_number

_WORD = "|".join(sorted((w for w in WORD_NUMBERS if " " not in w), key=len, reverse=True))
_ORDINAL = "|".join(sorted(ORDINALS, key=len, reverse=True))
#: ``\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`` with the first digit taken out of the
#: alternation, so that the engine skips ahead to digits instead of trying every character
_DIGITS = r"\d(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?)"
_SCALE = "|".join(SCALES_EN)

#: unit words after a number, most specific first, with the facts-format unit they mean
UNITS: list[tuple[str, str]] = [
    (r"%", "percent"),
    # "a 6.0-percent increase": the unit after a hyphen
    (r"-?per\s*cent\b|-?percent\b", "percent"),
    (r"percentage\s+points?\b|pct\.?\s+points?\b|ppts?\b", "percentage_point"),
    (r"(?:billion\s+|million\s+)?(?:yuan|renminbi)\b", "cny"),
    (r"(?:US\s+|U\.S\.\s+)?dollars\b|USD\b", "usd"),
    (r"dead\s*-?weight\s+tons?\b|dead\s*-?weight\s+tonnes?\b|dwt\b", "deadweight_ton"),
    (r"(?:metric\s+)?tons?\b|(?:metric\s+)?tonnes?\b|(?<=[mb]n\s)t\b", "ton"),  # "88.6 mn t"
    (r"-?TEU\b|twenty-foot\s+equivalent\s+units?\b|boxes\b", "teu"),
    (r"times\b(?!\s+(?:in|of|a)\b)", "times"),
    (r"kilowatt[\s-]hours?\b|kWh\b", "kwh"),
    (r"gigawatts?\b|GW\b", "gigawatt"),
    (r"megawatts?\b|MW\b", "megawatt"),
    (r"kilometers?\b|kilometres?\b|km\b", "kilometer"),
    (r"square\s+meters?\b|square\s+metres?\b", "square_meter"),
    (r"hectares?\b", "hectare"),
    (r"Mbps\b|megabits\s+per\s+second\b", "mbps"),
]
_UNIT_RE = "|".join(f"(?P<u{i}>{pattern})" for i, (pattern, _) in enumerate(UNITS))

_AFTER_NUMBER = rf"""
    (?:\s?(?P<scale>(?:{_SCALE})\b(?:\s+(?:{_SCALE})\b)?))?
    (?:\s?(?:{_UNIT_RE}))?
"""
#: figures in digits; the expression starts with a digit so it is tried only at digits
FIGURE = re.compile(rf"(?P<num>{_DIGITS}){_AFTER_NUMBER}", re.VERBOSE | re.IGNORECASE)
#: figures in words: "two", "one trillion"
#: matched against the lower-cased text, which is faster than ignoring case
_AFTER_NUMBER_LOWER = _AFTER_NUMBER.lower().replace("(?p<", "(?P<")
#: "thirty-seven": the tens and units of a number written in words
_TENS_UNITS = (r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-"
               r"(?:one|two|three|four|five|six|seven|eight|nine)")
_WORDS = trie(w for w in WORD_NUMBERS if " " not in w)
WORD_FIGURE = re.compile(rf"\b(?P<num>{_TENS_UNITS}|{_WORDS})\b"
                         rf"{_AFTER_NUMBER_LOWER}", re.VERBOSE)
_CURRENCY_BEFORE = re.compile(r"(?:US\$|\$|RMB\s?|CNY\s?|¥)$")

STREAK = compile_lower(
    rf"""
    (?P<n>\d+|\b(?:{_WORD}))\s+(?:consecutive|straight|successive)\s+
        (?P<unit>years?|months?|quarters?)\b
    | (?P<ord>\d+)(?:st|nd|rd|th)\s+(?:consecutive|straight|successive)\s+
        (?P<unit2>year|month|quarter)\b
    | (?P<n3>\d+|\b(?:{_WORD}|{_ORDINAL}))(?:st|nd|rd|th)?\s+(?P<unit3>years?|months?|quarters?)
        \s+in\s+a\s+row\b
    | \b(?P<ord3>{_ORDINAL})\s+(?:consecutive|straight|successive)\s+(?P<unit4>year|month|quarter)\b
    """,
    re.VERBOSE,
)

RANK = compile_lower(
    rf"""
    \b(?:rank(?:s|ed|ing)?|placed|place|came|remain(?:s|ed)?|ranked\s+at|stood)\s+
        (?:(?:as\s+)?the\s+|at\s+|in\s+)?(?:world'?s\s+|global\s+)?
        (?P<word>{_ORDINAL}|\d+(?:st|nd|rd|th))\b
    | \b(?P<no>No\.\s?(?P<n>[1-9]\d?))\b
    | \b(?P<word2>{_ORDINAL})\s+(?:place\s+)?(?:in|among)\s+the\s+world\b
    """,
    re.VERBOSE,
)

#: words before "No. 1" that make it a ranking rather than a document or item number
_RANK_NO_BEFORE = compile_lower(r"(?:world'?s|global|ranked|ranks?|ranking|became|become|"
                                r"remain\w*|is|was|are|were)\s+(?:the\s+)?$")
#: parts of a whole in words, before "of": "one third of", "two-fifths of", "a quarter of"
FRACTION = compile_lower(
    r"\b(?P<num>one|a|two|three|four)[\s-]+(?P<den>half|thirds?|quarters?|fourths?|fifths?|"
    r"tenths?)(?=\s+of\b)",
)
_DENOMINATORS = {"half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "tenth": 10}
DOUBLE_DIGIT = compile_lower(r"\bdouble\s*-?\s*digits?\b")

#: nouns that make a number word (``two``, ``three``) a count of things, not rhetoric
THING_NOUNS = re.compile(
    r"\b(?:cent(?:er|re)s?|clusters?|enterprises?|companies|compan(?:y)|firms?|factories|"
    r"factory|projects?|platforms?|bases?|stations?|parks?|zones?|cities|city|provinces?|"
    r"ships?|vessels?|vehicles?|departments?|ministries|institutions?|banks?|funds?|"
    r"industries|sectors|divisions|categories|types|models?|products?|brands?|champions?|pilots?|"
    r"demonstrations?|schools?|universities|hospitals?|laboratories|labs?|teams?|cases?|"
    r"applications?|apps?|standards?|patents?|users?|subscribers?|workshops?|lines?|"
    r"satellites?|aircraft|airplanes?|plants?|mines?|ports?|networks?)\b",
    re.IGNORECASE,
)
#: "of the 41 industrial divisions" after a number word
_OF_A_GROUP = re.compile(r"\s+of\s+the\s+\d+\s+(?P<group>(?:[a-z-]+\s+){0,3}[a-z]+)")
_THING_STOP = re.compile(r"[,.;:!?()](?=\s)|\b(?:of|and|or|to|for|in|that|which)\b", re.IGNORECASE)

#: words after a bare number that make it a date, age, duration, ordinal or name
NOT_AFTER = re.compile(
    r"""(?:
        (?:st|nd|rd|th)\b                        # 14th Five-Year Plan, 20th Congress
      | \s*(?:-\s*)?(?:years?|months?|weeks?|days?|hours?|minutes?)(?:-old)?\b(?!\s+in\s+a\s+row)
      | \s*[A-Z][a-z]+\s+(?:on|of)\s+[A-Z]       # 31 Articles on the Private Economy
      | \s*(?:Articles|Measures|Points|Provisions)\b
      | [A-Za-z\d]                               # 5G, 3HAC12649
      | -\d                                      # 2021-2023, 12649-1
      | /\d                                      # 2023/24
      | :\d                                      # 10:30
    )""",
    re.VERBOSE,
)
_YEAR_VALUE = re.compile(r"^(?:19|20)\d\d$")
#: words before a number that make it an identifier: "No. 1 Document", "Article 5"
_CODE_BEFORE = re.compile(r"(?:\bNo\.?|\bArticle|\bNumber|\bItem|\bPage|#)\s*$", re.IGNORECASE)
#: a long run of digits without separators is a hotline, code or document number
_CODE_VALUE = re.compile(r"^\d{5,}$")
#: "the ten key industries", "the top ten provinces": a named group, not a count
_GROUP_BEFORE = re.compile(r"\b(?:the|top|these|those|all)\s+$", re.IGNORECASE)


#: the unit each unit group of ``FIGURE`` and ``WORD_FIGURE`` stands for
_UNIT_OF_GROUP = {f"u{i}": unit for i, (_, unit) in enumerate(UNITS)}


def _unit_of(m: re.Match[str], currency: str) -> str:
    # a unit group, when one matched, is the last group of the match to close
    unit = _UNIT_OF_GROUP.get(m.lastgroup or "")
    if unit is not None:
        return unit
    currency = currency.strip().upper()
    if currency in ("$", "US$"):
        return "usd"
    if currency in ("RMB", "CNY", "¥"):
        return "cny"
    return "count"


def _glued_before(text: str, start: int) -> bool:
    """True when the number continues a code: ``ARJ21``, ``IPv6``, ``3HAC12649-1``."""
    if start == 0:
        return False
    before = text[start - 1]
    if before.isalnum() or before in "_":
        return True
    return before in "-./:" and start >= 2 and text[start - 2].isalnum()


def _is_word_count(text: str, m: re.Match[str]) -> bool:
    """A number word counts things only when a thing noun follows in the same phrase."""
    rest = text[m.end():m.end() + 80]
    part_of = _OF_A_GROUP.match(rest)
    if part_of:  # "thirty-seven of the 41 industrial divisions": a part of a counted group
        return bool(THING_NOUNS.search(part_of.group("group")))
    stop = _THING_STOP.search(rest)
    phrase = rest[:stop.start()] if stop else rest
    return bool(THING_NOUNS.search(" ".join(phrase.split()[:6])))


def _currency_before(text: str, start: int) -> re.Match[str] | None:
    """``US$``, ``$``, ``RMB``, ``CNY`` or ``¥`` right before a number (a space allowed
    after the letters); the characters just before are looked at first, as most numbers
    have none."""
    before = text[start - 1] if start else ""
    if before.isspace() and start >= 2:
        before = text[start - 2]
    if not before or before not in "$¥BY":
        return None
    return _CURRENCY_BEFORE.search(text, max(0, start - 4), start)


def _code_before(text: str, start: int) -> bool:
    """"No.", "Article", "Number", "Item", "Page" or "#" right before a number (any case)."""
    before = text[max(0, start - 10):start].rstrip()
    return bool(before) and before[-1] in ".oOeErRmM#" and bool(
        _CODE_BEFORE.search(text, max(0, start - 10), start))


def _value(num: str, scale: str | None) -> float:
    if scale or num[0].isalpha():
        return parse_number(f"{num} {scale or ''}".strip())
    return round(float(num.replace(",", "")), 6)  # parse_number's result, without its steps


def _figure(text: str, m: re.Match[str]) -> Mention | None:
    num = m.group("num")
    is_word = num[0].isalpha()
    start, end = m.span()
    currency = _currency_before(text, start)
    unit = _unit_of(m, currency.group() if currency else "")
    scale = m.group("scale")
    if not currency and _glued_before(text, start):
        return None
    if _code_before(text, start):
        return None
    if unit == "count" and not scale:
        if NOT_AFTER.match(text, end) or _YEAR_VALUE.match(num) or _CODE_VALUE.match(num):
            return None
        if is_word and (_GROUP_BEFORE.search(text[max(0, start - 6):start])
                        or not _is_word_count(text, m)):
            return None
    sign = sign_before(text, start)
    value = _value(num, scale) * sign
    while end > start and text[end - 1].isspace():
        end -= 1
    return Mention(currency.start() if currency else start - (sign < 0), end, value, unit)


def _streak(m: re.Match[str]) -> Mention:
    number = (m.group("n") or m.group("ord") or m.group("n3") or m.group("ord3")).lower()
    unit = (m.group("unit") or m.group("unit2") or m.group("unit3") or m.group("unit4"))
    value = ORDINALS[number] if number in ORDINALS else parse_number(number)
    return Mention(m.start(), m.end(), float(value), unit.lower().rstrip("s"), "streak", "streak")


def _rank(m: re.Match[str]) -> Mention:
    if m.group("no"):
        return Mention(m.start("no"), m.end("no"), float(m.group("n")), "count", "rank", "rank")
    group = "word" if m.group("word") else "word2"
    word = m.group(group).lower()
    value = ORDINALS.get(word) or float(re.sub(r"\D", "", word))
    return Mention(m.start(group), m.end(group), float(value), "count", "rank", "rank")


_STREAK_ANCHORS = ("consecutive", "straight", "successive", "in a row")
_RANK_ANCHORS = ("rank", "place", "came", "remain", "stood", "no.", "the world")


def _windowed(
    pattern: re.Pattern[str], text: str, anchors: tuple[str, ...]
) -> Iterator[re.Match[str]]:
    for start, end in windows_around(text, anchors, 40, 40):
        yield from pattern.finditer(text, start, end)


def find_mentions_en(text: str) -> Iterator[Mention]:
    """Every candidate mention in normalized English text, specific grammars first.

    The grammars in words match the lower-case text (``indmon.extract.fastre``)."""
    lower = lowered(text)
    for m in _windowed(STREAK, lower, _STREAK_ANCHORS):
        yield _streak(m)
    for m in _windowed(RANK, lower, _RANK_ANCHORS):
        if m.group("no") and not _RANK_NO_BEFORE.search(lower[max(0, m.start() - 20):m.start()]):
            continue
        yield _rank(m)
    for m in _windowed(FRACTION, lower, ("half", "third", "quarter", "fourth", "fifth",
                                         "tenth")):
        numerator = 1 if m.group("num").lower() == "a" else WORD_NUMBERS[m.group("num").lower()]
        denominator = _DENOMINATORS[m.group("den").lower().rstrip("s")]
        if numerator < denominator:
            yield Mention(m.start(), m.end(), 100 * numerator / denominator, "percent", "number",
                          "share")
    for m in _windowed(DOUBLE_DIGIT, lower, ("digit",)):
        yield Mention(m.start(), m.end(), 10.0, "percent", "number", "growth_yoy")
    for m in itertools.chain(FIGURE.finditer(text), WORD_FIGURE.finditer(lower)):
        mention = _figure(text, m)
        if mention is not None:
            yield mention
