"""The time a release talks about: its own date, its topic period, and period wording.

A press conference held on 19 January 2024 "on industry in 2023" says "in the first 11
months" and means 2023-01/2023-11; "last year" is relative to the day it was held. So a
document gets a ``DocumentTime`` (published date and topic period, read from its head) and
every period phrase in it is resolved against that.

Phrases that name a comparison base ("higher than in 2022", "the same period last year",
"比上年") are marked ``is_base``: they say what a figure is compared with, not when it is.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from indmon.extract.fastre import compile_lower, lowered, word_start
from indmon.extract.mentions import Occupied
from indmon.extract.numbers import ORDINALS, WORD_NUMBERS, parse_zh_number

MONTHS = {
    name: i
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")],
        start=1,
    )
    for name in names
}  # fmt: skip
#: a month name or its abbreviation, as a whole word: "in marketing" names no March
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\.?"  # noqa: E501
_YEAR = r"(?:19|20)\d\d"
#: the head of a document where its date and topic are stated
HEAD_CHARS = 1500


@dataclass(frozen=True)
class DocumentTime:
    """When a release was published and which period it reports on."""

    #: the day the release was published or the conference held, when known
    published: dt.date | None = None
    #: the period the release reports on (``2023``, ``2023-Q1``), or ``""``
    topic: str = ""

    @property
    def reference_year(self) -> int | None:
        """The year "this year" means: the publication year, else the topic's year."""
        if self.published:
            return self.published.year
        return int(self.topic[:4]) if self.topic else None

    @property
    def default_year(self) -> int | None:
        """The year of a month or quarter named without one: the topic's, else the date's."""
        if self.topic:
            return int(self.topic[:4])
        return self.published.year if self.published else None

    def year_of_month(self, month: int | None) -> int | None:
        """The year of a month named without one: the latest such month up to the day of
        publication ("in December" said in January is last year's), else the topic's year."""
        if month is not None and self.published is not None:
            year = self.published.year
            return year if month <= self.published.month else year - 1
        return self.default_year

    @property
    def topic_end_month(self) -> str:
        """Last month the topic covers, for open spans like "since 2022"."""
        if not self.topic:
            return f"{self.published:%Y-%m}" if self.published else ""
        if "-Q" in self.topic:
            return f"{self.topic[:4]}-{3 * int(self.topic[-1]):02d}"
        if len(self.topic) == 4:
            return f"{self.topic}-12"
        return self.topic.split("/")[-1][:7]


@dataclass(frozen=True)
class PeriodMention:
    """A phrase in the text that names a period."""

    start: int
    end: int
    #: the period in facts-format text: ``2023``, ``2023-Q1``, ``as of 2023-03-31``
    period: str
    #: True when the phrase names a comparison base, not the figure's own period
    is_base: bool = False
    #: True for "in June alone", "9月当月": the period of its own sentence only
    own_sentence: bool = False


def flow_span(period: str) -> str:
    """The cumulative span a flow stated at a stock date covers: revenue "by the end of
    June" is revenue of January to June; at the end of December it is the year's."""
    if not period.startswith("as of "):
        return period
    year, month = period[6:10], int(period[11:13])
    return year if month == 12 else f"{year}-01/{year}-{month:02d}"


def span_of(period: str) -> str:
    """A year or quarter as the span of months it covers: ``2023-Q1`` -> ``2023-01/2023-03``;
    ``2023`` -> ``2023`` (the year is how a full-year flow is written)."""
    if "-Q" in period:
        year, quarter = period[:4], int(period[-1])
        return f"{year}-{3 * quarter - 2:02d}/{year}-{3 * quarter:02d}" if quarter > 1 \
            else f"{year}-01/{year}-03"
    return period


def month_end(year: int, month: int) -> str:
    return f"{year}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def _word_int(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    value = WORD_NUMBERS.get(word) or ORDINALS.get(word)
    return int(value) if value else None


# ---------------------------------------------------------------- English wording

_YEAR_REF = rf"(?P<year>{_YEAR})|(?P<rel>this|last|next)\s+year"
_EN_BASE = compile_lower(
    word_start(["than", r"compared\s+(?:with|to)", "over", "versus", r"vs\.?", "against", "on",
                # "only a touch below May's pace": the month whose pace is compared with
                "below", "above",
                # "a slowdown of 0.4 percentage point from the second quarter"
                r"points?\s+from",
                # "up 0.3 points from the whole of last year": the year is the base
                r"from\s+the\s+(?:whole|full|entire)(?:\s+of)?",
                # "factories outpace last year's growth in Q1": the year is what is beaten
                r"outpac\w*", r"beat(?:s|ing)?", r"exceed\w*", r"surpass\w*"])
    + r"\s+(?:that\s+|those\s+)?"
    # "a net increase of 310,000 over the end of last year": the stock's base date
    # "weaker than over January-June": the span of the figure compared with
    r"(?:of\s+|in\s+|for\s+|over\s+|during\s+)?(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?"
    # "rising 31.6% on the same ten months of 2027": the span a year before is the base
    r"(?:same\s+(?:period|(?:[a-z]+\s+)?months?|quarter|half|stretch)\s+(?:of\s+|in\s+)?)?$"
)


def _en_year(m: re.Match[str], time: DocumentTime, month: int | None = None) -> int | None:
    groups = m.groupdict()
    explicit = groups.get("year") or groups.get("year2") or groups.get("year3")
    if explicit:
        return int(explicit)
    rel = m.groupdict().get("rel")
    ref = time.reference_year
    if rel and ref:
        return ref + {"this": 0, "last": -1, "next": 1}[rel.lower()]
    return time.year_of_month(month)


def _en_first_months(m: re.Match[str], time: DocumentTime) -> str | None:
    n = _word_int(m["n"])
    year = _en_year(m, time, n if n and n <= 12 else None)
    if not n or not year or n > 12:
        return None
    return f"{year}-01/{year}-{n:02d}"


def _en_the_months(m: re.Match[str], time: DocumentTime) -> str | None:
    """"over the ten months", "the ten-month figure": the months from January of a release
    whose topic ends in that month (never "the three months to October" elsewhere)."""
    n = _word_int(m["n"] or m["n2"])
    end = time.topic_end_month
    if not n or not end or int(end[5:7]) != n:
        return None
    return f"{end[:4]}-01/{end}"


def _en_quarter(m: re.Match[str], time: DocumentTime) -> str | None:
    q = _word_int(m["q"])
    year = _en_year(m, time, 3 * q if q and q <= 4 else None)
    if not year or not q or q > 4:
        return None
    return f"{year}-Q{q}"


def _en_first_quarters(m: re.Match[str], time: DocumentTime) -> str | None:
    q = _word_int(m["q"])
    year = _en_year(m, time, 3 * q if q and q <= 4 else None)
    return f"{year}-01/{year}-{3 * q:02d}" if year and q and q <= 4 else None


def _en_half(m: re.Match[str], time: DocumentTime) -> str | None:
    first = m["h"].lower() == "first"
    year = _en_year(m, time, 6 if first else 12)
    if not year:
        return None
    return f"{year}-01/{year}-06" if first else f"{year}-07/{year}-12"


def _en_final_part(m: re.Match[str], time: DocumentTime) -> str | None:
    """"in the final month of 2027", "the last quarter of last year": December or Q4."""
    year = _en_year(m, time, 12)
    if not year:
        return None
    return f"{year}-12" if m["unit"].lower() == "month" else f"{year}-Q4"


def _en_month_span(m: re.Match[str], time: DocumentTime) -> str | None:
    first, last = MONTHS[m["m1"].lower().rstrip(".")], MONTHS[m["m2"].lower().rstrip(".")]
    year = _en_year(m, time, last)
    if not year or first >= last:
        return None
    if m["quarter"] and first % 3 == 1 and last == first + 2:
        return f"{year}-Q{last // 3}"  # "the July-September quarter": the third quarter
    return f"{year}-{first:02d}/{year}-{last:02d}"


def _en_month_end(m: re.Match[str], time: DocumentTime) -> str | None:
    if m["m"]:
        month = MONTHS[m["m"].lower().rstrip(".")]
        year = _en_year(m, time, month)
        return f"as of {month_end(year, month)}" if year else None
    if m["q"]:
        q = _word_int(m["q"])
        year = _en_year(m, time, 3 * q if q and q <= 4 else None)
        return f"as of {month_end(year, 3 * q)}" if year and q and q <= 4 else None
    if not (m["year"] or m["rel"]):
        return None
    year = _en_year(m, time)
    return f"as of {year}-12-31" if year else None


def _en_month(m: re.Match[str], time: DocumentTime) -> str | None:
    month = MONTHS[m["m"].lower().rstrip(".")]
    year = _en_year(m, time, month)
    return f"{year}-{month:02d}" if year else None


def _en_through_month(m: re.Match[str], time: DocumentTime) -> str | None:
    """"the 7.8 percent logged through October": the months from January to October."""
    month = MONTHS[m["m"].lower().rstrip(".")]
    year = _en_year(m, time, month)
    if not year:
        return None
    return f"{year}-01" if month == 1 else f"{year}-01/{year}-{month:02d}"


def _en_since(m: re.Match[str], time: DocumentTime) -> str | None:
    year, end = _en_year(m, time), time.topic_end_month
    if not year or not end or end < f"{year}-01":
        return None
    return f"{year}-01/{end}"


def _the_month(m: re.Match[str], time: DocumentTime) -> str | None:
    """"grew 9.5 percent in the month", 当月: the last month the release covers."""
    return time.topic_end_month or None


def _the_quarter(m: re.Match[str], time: DocumentTime) -> str | None:
    """"over the quarter", "in the quarter": the quarter a release on a quarter is about."""
    topic = time.topic
    return topic if len(topic) == 7 and topic[4:6] == "-Q" else None


def _the_half(m: re.Match[str], time: DocumentTime) -> str | None:
    """"in the half year": the half a release on a half year is about."""
    topic = time.topic
    halves = ("-01/{y}-06", "-07/{y}-12")
    if len(topic) == 15 and any(topic[4:] == h.format(y=topic[:4]) for h in halves):
        return topic
    return None


def _half_year_mark(m: re.Match[str], time: DocumentTime) -> str | None:
    """"a 7.0 percent pace at the half-year mark": the first half of the release's year."""
    end = time.topic_end_month
    if not end or end[5:7] < "06":
        return None
    return f"{end[:4]}-01/{end[:4]}-06"


def _year_to_date(m: re.Match[str], time: DocumentTime) -> str | None:
    """"For the year to date", "so far this year": January to the release's last month."""
    end = time.topic_end_month
    return f"{end[:4]}-01/{end}" if end else None


def _en_year_only(m: re.Match[str], time: DocumentTime) -> str | None:
    year = _en_year(m, time)
    return str(year) if year else None


_Resolver = Callable[[re.Match[str], DocumentTime], "str | None"]


@dataclass(frozen=True)
class Stems:
    """An anchor found by its stems (literals, at the start of a word in English) and kept
    only where ``confirm`` matches there: one pattern for all the month names could start
    at almost any letter, and would be tried at almost every letter."""

    stems: tuple[str, ...]
    confirm: re.Pattern[str]


#: what every match of a grammar contains: a lower-case word (found as a literal; in
#: English only at the start of a word), a pattern (found where it matches) or stems
_Anchor = str | re.Pattern[str] | Stems


@dataclass(frozen=True)
class Grammar:
    """A period grammar: its pattern, how a match becomes a period, and its anchors.

    Grammars run only in windows around their anchors: the engine finds a literal word
    far faster than a many-branched expression can be tried at every character, and in a
    dense release most text lies far from any "quarter" or "since".
    """

    pattern: re.Pattern[str]
    resolve: _Resolver
    anchors: tuple[_Anchor, ...]


_OF_YEAR = rf"(?:\s*(?:of\s+|in\s+)?(?:{_YEAR_REF}))?"
_YEAR_ANCHOR = re.compile(_YEAR)
#: a month name as a whole word, where every English date and month phrase has one
_MONTH_ANCHOR = Stems(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                       "nov", "dec"), re.compile(_MONTH))
EN_PERIODS: list[Grammar] = [
    Grammar(re.compile(rf"\b(?:the\s+)?first\s+(?P<n>\w+)\s+months{_OF_YEAR}"),
            _en_first_months, ("months",)),
    Grammar(re.compile(rf"\b(?:the\s+)?first\s+(?P<q>two|three)\s+quarters{_OF_YEAR}"),
            _en_first_quarters, ("quarters",)),
    Grammar(re.compile(rf"\b(?:as\s+of|by|at|until|till)\s+(?:the\s+)?end\s+of\s+(?:(?:the\s+)?(?P<q>first|second|third|fourth)\s+quarter|(?P<m>{_MONTH}))?{_OF_YEAR}"),
            _en_month_end, ("end",)),
    # "Second-quarter industrial growth came in at 6.1%"
    Grammar(re.compile(rf"\b(?:the\s+)?(?P<q>first|second|third|fourth)[\s-]+quarter{_OF_YEAR}"),
            _en_quarter, ("quarter",)),
    Grammar(re.compile(rf"\bq(?P<q>[1-4])(?:\s+(?P<year>{_YEAR}))?\b"), _en_quarter,
            ("q1", "q2", "q3", "q4")),
    Grammar(re.compile(rf"\b(?:the\s+)?(?:final|last|closing)\s+(?P<unit>month|quarter)\s+of\s+"
                       rf"(?:{_YEAR_REF})"), _en_final_part, ("final", "last", "closing")),
    Grammar(re.compile(rf"\b(?:the\s+)?(?P<h>first|second)[\s-]+half{_OF_YEAR}"), _en_half,
            ("half",)),
    Grammar(re.compile(rf"\b(?P<m1>{_MONTH})\s*(?:-|to|through|and)\s*(?P<m2>{_MONTH})(?:,?\s+(?P<year>{_YEAR}))?(?!\s*\d)"
                       r"(?P<quarter>\s+quarter\b)?"),
            _en_month_span, (_MONTH_ANCHOR,)),
    Grammar(re.compile(rf"\bsince\s+(?:the\s+beginning\s+of\s+)?(?:{_YEAR_REF})"), _en_since,
            ("since",)),
    Grammar(re.compile(rf"\b(?:through|up\s+to)\s+(?P<m>{_MONTH})(?:\s+(?:of\s+)?(?:{_YEAR_REF}))?"
                       r"(?![ \t.]*\d)"), _en_through_month, (_MONTH_ANCHOR,)),
    # not "in Oct 15"; a line's end is no day: "VS -2.4% IN OCT\n09:30:04"
    Grammar(re.compile(rf"\b(?:in|during|for)\s+(?P<m>{_MONTH})(?:\s+(?:of\s+)?(?:{_YEAR_REF}))?"
                       r"(?![ \t.]*\d)"),
            _en_month, (_MONTH_ANCHOR,)),
    # "rose 8.1 percent on September 2027": a month of a year without "in" (a base after
    # "on", "over", "than"), not a date's ("28 September 2027")
    Grammar(re.compile(rf"(?<![\d-])(?<!\d\s)\b(?P<m>{_MONTH})\s+(?P<year>{_YEAR})(?![\d-])"),
            _en_month, (_MONTH_ANCHOR,)),
    Grammar(re.compile(rf"\b(?:[Ii]n|[Ff]or|[Bb]y|of|[Yy]ear|[Dd]uring|[Uu]ntil)\s+(?P<year>{_YEAR})(?![\d-])"
                       rf"|^(?P<year2>{_YEAR})(?![\d-])|(?<![\d,.-])(?P<year3>{_YEAR})(?=\s*,)",
                       re.M),
            _en_year_only, (_YEAR_ANCHOR,)),
    # "with October alone showing a 2.4% decline", "September's value added": a month
    # named alone or owning the subject, without "in"
    Grammar(re.compile(rf"\b(?P<m>{_MONTH})(?=\s+(?:alone|by\s+itself|on\s+its\s+own|itself)\b"
                       # "September was stronger still: value added climbed 6.2%"
                       # "September posted an expansion of 6.1 percent"
                       r"|\s+(?:posted|recorded|delivered|logged)\s+(?:an?\s+)?(?:\w+\s+)?(?:expansion|"
                       r"increase|rise|gain|growth|decline|contraction)\b"
                       r"|\s+(?:was|saw|brought|proved|looked)\s+(?:\w+\s+){0,2}?(?:stronger|weaker|"
                       r"better|worse|firmer|softer|slower|faster|strongest|weakest|best|worst|brightest|busiest|"
                       r"dullest|quietest|softest|strong|weak|solid|robust|firm|soft|brisk|busy)\b|'s\b"
                       # "quicker than December, when output had grown 6.1%"
                       r"|,\s+when\b"
                       # "Mar standouts: autos +11.2%": a note's heading of a month's figures
                       r"|\s+[a-z]+:)"),
            _en_month, (_MONTH_ANCHOR,)),
    # "September cement output was 162 million tonnes": a month before what it measures (not
    # the end of a span, "January-September cement output")
    Grammar(re.compile(rf"(?<![-–—/~\w])(?<!to\s)(?P<m>{_MONTH})(?=\s+(?:[a-z-]+\s+){{0,3}}?"
                       r"(?:output|production|sales|exports|contracting|deliveries|completions|shipments|"
                       # "November industrial profits rose 9.2%", "March VA +6.1%"
                       r"profits|revenue|va|ip|snapshot|figures|data|numbers)\b)"),
            _en_month, (_MONTH_ANCHOR,)),
    Grammar(re.compile(r"\b(?:in|for|during)\s+the\s+month\b(?!\s+(?:of|before|earlier))"),
            _the_month, ("month",)),
    # "Deliveries in the final month alone came to 7.12 million dwt"
    Grammar(re.compile(r"\b(?:in|during)\s+the\s+(?:final|last)\s+month\s+alone\b"),
            _the_month, ("final", "last")),
    Grammar(re.compile(r"\b(?:in|over|for|during)\s+the\s+quarter\b(?!\s+(?:of|before|earlier))"),
            _the_quarter, ("quarter",)),
    Grammar(re.compile(r"\b(?:in|over|for|during)\s+the\s+half(?:[\s-]year)?\b(?!\s+(?:of|before))"),
            _the_half, ("half",)),
    Grammar(re.compile(r"\bat\s+the\s+(?:half-?year|halfway|mid-?year)\s+(?:mark|point|stage)\b"
                       r"|\bat\s+mid-?year\b"), _half_year_mark, ("half", "mid")),
    Grammar(re.compile(r"\b(?:(?:in|over|during|for)\s+the\s+(?:same\s+)?(?P<n>[a-z]+|\d{1,2})\s+months"
                       r"(?!\s+(?:to|before|earlier|ago|ended|ending))"
                       r"|(?P<n2>[a-z]+|\d{1,2})-month\b)"),
            _en_the_months, ("months", "month")),
    Grammar(re.compile(r"\b(?:(?:for|in|over)\s+the\s+year\s+to\s+date|so\s+far\s+this\s+year"
                       # "gained 4.4% in the month and 3.8% year to date"
                       r"|(?<=\d%\s)year[\s-]to[\s-]date)\b"),
            _year_to_date, ("year", "so")),
    # "has gained 8.1% since January": the year to date
    Grammar(re.compile(r"\bsince\s+(?:the\s+(?:start|beginning)\s+of\s+)?jan(?:uary)?\b"
                       r"(?![ \t]*\d)"),
            _year_to_date, ("since",)),
    Grammar(re.compile(r"\b(?P<rel>this|last)\s+year\b"), _en_year_only, ("this", "last")),
    Grammar(re.compile(r"\b(?:the\s+(?:whole|full|entire)\s+year|throughout\s+the\s+year"
                       # "Over the year, manufacturing advanced 6.3%": the year reported on
                       r"|(?:over|for|during)\s+the\s+year(?!\s+(?:to\s+date|earlier|before|ago|"
                       r"ahead|on\s+year)))\b"),
            _en_year_only, ("whole", "full", "entire", "throughout", "over", "for", "during")),
]


class Anchors:
    """Where anchors occur in one lower-case text, each found once and shared by grammars.

    ``word_start`` (English): a word anchor counts only where no word character precedes
    it, as every English grammar has a boundary or a space before its anchor word."""

    def __init__(self, lower: str, word_start: bool) -> None:
        self.lower = lower
        self.word_start = word_start
        self._points: dict[_Anchor, list[int]] = {}

    def points(self, anchor: _Anchor) -> list[int]:
        found = self._points.get(anchor)
        if found is None:
            found = self._points[anchor] = self._find(anchor)
        return found

    def _find(self, anchor: _Anchor) -> list[int]:
        if isinstance(anchor, re.Pattern):
            return [m.start() for m in anchor.finditer(self.lower)]
        if isinstance(anchor, str):
            return self._words(anchor)
        points = [i for stem in anchor.stems for i in self._words(stem)
                  if anchor.confirm.match(self.lower, i)]
        return sorted(points)

    def _words(self, word: str) -> list[int]:
        return [m.start() for m in _word_pattern(word, self.word_start).finditer(self.lower)]

    def windows(self, anchors: Iterable[_Anchor], before: int,
                after: int) -> list[tuple[int, int]]:
        """Merged stretches from ``before`` characters before each anchor to ``after``
        characters after it."""
        points = sorted(p for anchor in anchors for p in self.points(anchor))
        windows: list[tuple[int, int]] = []
        size = len(self.lower)
        for point in points:
            start, end = max(0, point - before), min(size, point + after)
            if windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(windows[-1][1], end))
            else:
                windows.append((start, end))
        return windows


@functools.cache
def _word_pattern(word: str, word_start: bool) -> re.Pattern[str]:
    """A word as a pattern the engine finds as fast as ``str.find`` (a literal prefix), in
    English only at the start of a word (the look-behind checks the character before)."""
    escaped = re.escape(word)
    return re.compile(rf"{escaped}(?<!\w{escaped})" if word_start else escaped)


#: how far a window reaches before and after an anchor: beyond the longest phrase
_BEFORE, _AFTER = 80, 60


def _scan(
    text: str,
    grammars: list[Grammar],
    time: DocumentTime,
    is_base: Callable[[str, int, int], bool],
    anchors: Anchors,
) -> list[PeriodMention]:
    taken = Occupied()
    found: list[PeriodMention] = []
    for grammar in grammars:
        for m in anchored_matches(grammar.pattern, grammar.anchors, anchors):
            period = grammar.resolve(m, time)
            if period is None or not taken.claim(m.start(), m.end()):
                continue
            found.append(PeriodMention(m.start(), m.end(), period,
                                       is_base(text, m.start(), m.end()),
                                       _ALONE.match(text, m.end()) is not None
                                       or _MEASURED_AFTER.match(text, m.end()) is not None
                                       or _month_of_month_on_month(text, m, period)
                                       or _part_of_span_zh(text, m.start(), period)))
    found.sort(key=lambda p: p.start)
    return found


#: month-on-month wording: the month it names is an aside of a year-to-date paragraph
_MONTH_ON_MONTH = re.compile(r"环比|比上月|month[- ]on[- ]month|seasonal(?:ly)?\s+adjust",
                             re.IGNORECASE)
_SENTENCE_BOUND = re.compile(r"[。！？\n]|\.\s")
#: a piece of each ``_MONTH_ON_MONTH`` wording, in any case
_MONTH_ON_MONTH_CUES = ("环比", "比上月", "onth", "easonal")


def _month_of_month_on_month(text: str, m: re.Match[str], period: str) -> bool:
    """Whether a single month is named in a sentence that states growth month on month
    only ("从环比看，2月份...比上月增长0.46%"): that month holds for its own sentence, so
    the paragraph's span ("1—2月份") goes on holding after it."""
    if len(period) != 7 or period[4] != "-":
        return False
    window = text[max(0, m.start() - 120):m.end() + 200]
    if not any(cue in window for cue in _MONTH_ON_MONTH_CUES):
        return False
    lo = max(0, m.start() - 120)
    before = text[lo:m.start()]
    ends = [b.end() for b in _SENTENCE_BOUND.finditer(before)]
    start = lo + ends[-1] if ends else lo
    after = _SENTENCE_BOUND.search(text, m.end(), m.end() + 200)
    end = after.start() if after else m.end() + 200
    # "In December, value added grew 6.2% year on year and 0.52% month on month": the
    # month of both, which goes on holding
    return bool(_MONTH_ON_MONTH.search(text, start, end)) and not _YEAR_ON_YEAR.search(
        text, start, end)


_YEAR_ON_YEAR = re.compile(r"同比|year[- ]on[- ]year|from\s+a\s+year\s+(?:earlier|ago)",
                           re.IGNORECASE)


def _part_of_span_zh(text: str, start: int, period: str) -> bool:
    """"……增长21.4%；其中6月份该行业利润增长27.5%": a month or quarter that "其中" sets
    apart from the span before is its own clause's, as "in June alone" is."""
    return len(period) == 7 and period[4] == "-" and bool(
        _AMONG_BEFORE_ZH.search(text, max(0, start - 4), start))


_AMONG_BEFORE_ZH = re.compile(r"其中[，,]?\s*$")
#: words after a single month that keep it to its own sentence: "In June alone", "当月"
_ALONE = re.compile(r"\s*(?:alone\b|by\s+itself\b|on\s+its\s+own\b|当月|单月)")
#: a month named as an adjective of what it measures ("October output came to 68,500
#: sets"): that figure's alone, carried no further
_MEASURED_AFTER = re.compile(r"\s+(?:[a-z-]+\s+){0,3}?(?:output|production|sales|exports|profits|"
                             r"revenue)\b",
                             re.IGNORECASE)


def anchored_matches(
    pattern: re.Pattern[str], words: Iterable[_Anchor], anchors: Anchors
) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` in the lower-case text of ``anchors``, looked for only
    around ``words``: the matches a scan of the whole text finds, when each of them
    contains one of the words (the tests check this for every grammar)."""
    for start, end in anchors.windows(words, _BEFORE, _AFTER):
        yield from pattern.finditer(anchors.lower, start, end)


#: "since the end of last year": where a change is counted from, not its period
_EN_SINCE_END = compile_lower(
    word_start(["since", "from", r"compared\s+with", "than"])
    + r"\s+(?:at\s+)?(?:the\s+)?(?:end|beginning|start)\s+of\s+(?:the\s+)?$")


def _is_topic_on(before: str, base: re.Match[str]) -> bool:
    """"on" names a base after a figure ("up 5% on the same period") but a subject after
    words ("briefed the press on the first quarter", "Briefing on the third quarter");
    "over" likewise ("Over January to August, output grew")."""
    if not base.group().startswith(("on", "over")):
        return False
    words = before[max(0, base.start() - 30):base.start()].rsplit("\n", 1)[-1]
    return not any(c.isdigit() for c in words)


#: a record within a period: "its highest this year", "the strongest reading so far in"
_SUPERLATIVE_BEFORE_EN = compile_lower(
    r"\b(?:highest|lowest|strongest|weakest|best|worst|fastest|slowest|biggest|largest|"
    r"smallest)\s+(?:reading\s+|level\s+|pace\s+)?(?:so\s+far\s+)?(?:in\s+|for\s+)?$")
#: the level a figure is set against: "above the level of", "1.3 times the level of"
_LEVEL_OF_BEFORE_EN = compile_lower(
    word_start(["times", "than", "above", "below", "over", "on"])
    + r"\s+the\s+(?:level|figure|reading|total|amount)\s+(?:of|in|for|seen\s+in|recorded\s+in)\s+$")


def _span_over_figure(before: str, base: re.Match[str], text: str, start: int, end: int) -> bool:
    """"was up 9.7% over January-August", "rose 5.0% over the first eight months": "over"
    right after a figure, before a span of months, gives the figure's span; "over
    January-August last year" and "over the same period" are bases."""
    if not base.group().startswith("over") or not _FIGURE_END_EN.search(before, 0, base.start()):
        return False
    return (bool(_SPAN_EN.match(text, start, end)) and not _YEAR_IN_PERIOD.search(text, start, end)
            and not _YEAR_BEFORE_AFTER_EN.match(text, end))


#: the unit or digit a figure ends with, right before a word
_FIGURE_END_EN = re.compile(r"(?:\d|%|percent|per\s+cent|points?)\s+$")
#: a span of months: "January-August", "the first eight months", "the first half"
_SPAN_EN = re.compile(r"(?:the\s+)?(?:january|jan\.?)\s*[-–—]\s*[a-z]+|(?:the\s+)?first\s+"
                      r"(?:\w+\s+months|half|(?:two|three)\s+quarters)", re.IGNORECASE)
#: a year or "last year" inside the period phrase: "over the first quarter of 2027"
_YEAR_IN_PERIOD = re.compile(r"\d{4}|last\s+year|previous\s+year", re.IGNORECASE)
#: a span said to be last year's: the base
_YEAR_BEFORE_AFTER_EN = re.compile(r"\s*(?:of\s+)?(?:last\s+year|the\s+previous\s+year|a\s+year\s+"
                                   r"(?:earlier|ago)|\d{4})", re.IGNORECASE)


_FROM_BEFORE_EN = compile_lower(r"\bfrom\s+(?:the\s+)?$")
_FROM_END_BEFORE_EN = compile_lower(
    r"\b(?:from|than|over|since|on)\s+(?:at\s+)?(?:the\s+)?(?:end|close)\s+(?:of\s+)?$")
_END_OF_EN = re.compile(r"(?:the\s+)?(?:end|close)\s+of\b", re.IGNORECASE)


#: "faster than the 5.7% logged for the whole of 2026": the period of a base's own figure
BASE_FIGURE_BEFORE_EN = compile_lower(
    # "0.1 percentage points above the 2.3% recorded for January-October"
    r"(?:\b(?:than|above|below|vs\.?|versus|against|compared\s+with)\s+(?:the\s+|that\s+of\s+|a\s+)?"
    # "an improvement on the 7.5 percent gain recorded for January-July"
    r"|\b(?:on|over)\s+the\s+)"
    # "+9.2% Y/Y VS -2.4% IN OCT": the month is the base figure's
    r"(?P<figure>[+\-−]?\d[\d.,]*\s*(?:%|percent|per\s+cent)"
    # "compared with 50.5 in May": an index's reading
    r"|(?<=with\s)\d(?:[\d.,]*\d)?|(?<=against\s)\d(?:[\d.,]*\d)?)"
    r"(?:\s+[a-z]+){0,2}(?:\s+(?:for|in|during|over|through|to)(?:\s+the)?(?:\s+whole|\s+full\s+year)?)?"
    r"\s*$"
    # "slipped to 49.6 from 50.1 in November": the month is the base reading's
    r"|\bfrom\s+(?P<reading>\d[\d.,]*(?:\s*(?:%|percent|per\s+cent))?)\s+(?:in\s+|for\s+)?$"
    # "cooling from the 12.3% posted in the first eight months"
    r"|\bfrom\s+the\s+(?P<posted>\d[\d.,]*\s*(?:%|percent|per\s+cent))\s+(?:posted|recorded|"
    r"seen|logged|registered|reported)\s+(?:in|for|over|during)\s+(?:the\s+)?$"
    # "expanded 6.9%, up from a 6.7% pace in the final month of 2027"
    r"|\bfrom\s+an?\s+(?P<paced>\d[\d.,]*\s*(?:%|percent|per\s+cent))\s+(?:pace|rate|rise|gain|increase)"
    r"\s+(?:in|for|during)\s+$")


def _en_is_base(text: str, start: int, end: int) -> bool:
    # the words before, within the period's sentence: "... over the same period.\n\nIn
    # November" is no base
    lo = max(0, start - 70, text.rfind("\n", 0, start) + 1, text.rfind(". ", 0, start) + 2)
    before = lowered(text[max(lo, start - 40):start])
    wider = text[lo:start]
    if ("than" in wider or "from" in wider or "above" in wider or "below" in wider
            or "vs" in wider or "VS" in wider or "versus" in wider or "on the" in wider
            or "over the" in wider or "against" in wider or "compared" in wider) and (
            BASE_FIGURE_BEFORE_EN.search(lowered(wider))):
        return True
    after = text[end:end + 12].lower()
    base = _EN_BASE.search(before)
    if base and not _is_topic_on(before, base) and not _span_over_figure(before, base, text,
                                                                          start, end):
        return True
    if "est " in before and _SUPERLATIVE_BEFORE_EN.search(before):
        return True  # "53.1, its highest this year": the year is the record's scope
    if _EN_SINCE_END.search(before) or ("the" in before and _LEVEL_OF_BEFORE_EN.search(before)):
        return True  # "7.6% above the level of November 2026", "1.3 times the level of May 2024"
    if (_FROM_BEFORE_EN.search(before) and _END_OF_EN.match(text, start)) or (
            _FROM_END_BEFORE_EN.search(before)):
        return True  # "4G users fell by 21.7 million from the end of 2026": the base date
    recent = before[-25:]
    # a price base ("at the previous year's prices") says how a figure is valued, not when
    return ("same period" in recent or "same quarter" in recent or "same month" in recent
            or after.startswith(("'s level", " level", "'s price", " price", "'s constant",
                                 " constant price", "'s comparable", "'s tariff", " tariff")))


def find_periods_en(
    text: str, time: DocumentTime, anchors: Anchors | None = None
) -> list[PeriodMention]:
    """Every period phrase in an English text, resolved against ``time``; ``anchors`` of
    the lower-case text when the caller has them already (they are shared with dates)."""
    return _scan(text, EN_PERIODS, time, _en_is_base, anchors or Anchors(lowered(text), True))


# ---------------------------------------------------------------- Chinese wording

_ZH_N = r"[0-9零一二两三四五六七八九十]{1,3}"
_ZH_YEAR = rf"(?:(?P<year>{_YEAR})\s*年|(?P<rel>今|去|上|明)年)?"
#: a comparison word, then at most a year ("比上年全年": the whole of last year is the base)
_ZH_BASE_BEFORE = re.compile(
    r"(?:比|较|同比|与|高于|低于|快于|慢于|超过)\s*(?:上年|去年|\d{4}\s*年)?\s*$")


def _zh_int(text: str) -> int | None:
    try:
        return int(parse_zh_number(text))
    except Exception:
        return None


def _zh_year(m: re.Match[str], time: DocumentTime, month: int | None = None) -> int | None:
    if m.groupdict().get("year"):
        return int(m["year"])
    rel = m.groupdict().get("rel")
    if rel == "上" and time.topic:
        # 上年 is the bureau's "the year before the one reported" (a review of 2026
        # published in January 2027 means 2025), 去年 the year before today's
        return int(time.topic[:4]) - 1
    if rel and time.reference_year:
        return time.reference_year + {"今": 0, "去": -1, "上": -1, "明": 1}[rel]
    return time.year_of_month(month)


def _zh_quarter(m: re.Match[str], time: DocumentTime) -> str | None:
    q = _zh_int(m["q"])
    year = _zh_year(m, time, 3 * q if q and 1 <= q <= 4 else None)
    return f"{year}-Q{q}" if year and q and 1 <= q <= 4 else None


def _zh_first_quarters(m: re.Match[str], time: DocumentTime) -> str | None:
    q = _zh_int(m["q"])
    year = _zh_year(m, time, 3 * q if q and 1 <= q <= 4 else None)
    return f"{year}-01/{year}-{3 * q:02d}" if year and q and 1 <= q <= 4 else None


def _zh_half(m: re.Match[str], time: DocumentTime) -> str | None:
    first = m["h"] == "上"
    year = _zh_year(m, time, 6 if first else 12)
    if not year:
        return None
    return f"{year}-01/{year}-06" if first else f"{year}-07/{year}-12"


def _zh_month_span(m: re.Match[str], time: DocumentTime) -> str | None:
    first, last = _zh_int(m["m1"]), _zh_int(m["m2"])
    year = _zh_year(m, time, last if last and last <= 12 else None)
    if not year or not first or not last or not 1 <= first < last <= 12:
        return None
    return f"{year}-{first:02d}/{year}-{last:02d}"


def _zh_first_months(m: re.Match[str], time: DocumentTime) -> str | None:
    n = _zh_int(m["n"])
    year = _zh_year(m, time, n if n and 1 <= n <= 12 else None)
    return f"{year}-01/{year}-{n:02d}" if year and n and 1 <= n <= 12 else None


def _zh_month_end(m: re.Match[str], time: DocumentTime) -> str | None:
    month_text = m.groupdict().get("m")
    month = _zh_int(month_text) if month_text else 12
    year = _zh_year(m, time, month if month_text and month and month <= 12 else None)
    return f"as of {month_end(year, month)}" if year and month and 1 <= month <= 12 else None


def _zh_month(m: re.Match[str], time: DocumentTime) -> str | None:
    month = _zh_int(m["m"])
    year = _zh_year(m, time, month if month and 1 <= month <= 12 else None)
    return f"{year}-{month:02d}" if year and month and 1 <= month <= 12 else None


def _zh_since(m: re.Match[str], time: DocumentTime) -> str | None:
    year, end = _zh_year(m, time), time.topic_end_month
    return f"{year}-01/{end}" if year and end and end >= f"{year}-01" else None


def _zh_year_only(m: re.Match[str], time: DocumentTime) -> str | None:
    year = _zh_year(m, time)
    return str(year) if year else None


ZH_PERIODS: list[Grammar] = [
    Grammar(re.compile(rf"{_ZH_YEAR}前(?P<q>[二两三2-3])季度"), _zh_first_quarters, ("季度",)),
    Grammar(re.compile(rf"{_ZH_YEAR}(?:第)?(?P<q>[一二三四1-4])季度(?:末)?"), _zh_quarter,
            ("季度",)),
    Grammar(re.compile(rf"{_ZH_YEAR}(?P<h>[上下])半年"), _zh_half, ("半年",)),
    Grammar(re.compile(rf"截至{_ZH_YEAR}(?:(?P<m>{_ZH_N})月)?(?:末|底)"), _zh_month_end,
            ("截至",)),
    Grammar(re.compile(rf"{_ZH_YEAR}(?P<m>{_ZH_N})月(?:末|底)"), _zh_month_end, ("月末", "月底")),
    Grammar(re.compile(rf"{_ZH_YEAR}(?P<m1>{_ZH_N})\s*(?:-|~|至|到|—|－)\s*(?P<m2>{_ZH_N})月(?:份)?"),
            _zh_month_span, ("月",)),
    Grammar(re.compile(rf"{_ZH_YEAR}前(?P<n>{_ZH_N})个月"), _zh_first_months, ("个月",)),
    Grammar(re.compile(rf"(?:自|从)?(?:(?P<year>{_YEAR})\s*年|(?P<rel>今|去|上)年)(?:初)?以来"),
            _zh_since, ("以来",)),
    Grammar(re.compile(rf"{_ZH_YEAR}(?P<m>{_ZH_N})月(?:份)?(?!\s*{_ZH_N}\s*[日号])"), _zh_month,
            ("月",)),
    Grammar(re.compile(rf"(?<!\d)(?P<year>{_YEAR})\s*年(?:末|底)"), _zh_month_end,
            ("年末", "年底")),
    # "比2026年全年的5.7%": the year and its whole, one phrase (全年 alone is this year)
    Grammar(re.compile(rf"(?:(?<![\d-])(?P<year>{_YEAR})\s*年|(?P<rel>今|去|上)年)全年"),
            _zh_year_only, ("全年",)),
    Grammar(re.compile(rf"(?<![\d-])(?P<year>{_YEAR})\s*年(?![\d]|\s*{_ZH_N}\s*月\s*{_ZH_N}\s*日)"),
            _zh_year_only, (_YEAR_ANCHOR,)),
    Grammar(re.compile(r"(?P<rel>今|去|上)年(?:末|底)"), _zh_month_end, ("年末", "年底")),
    # 年末 alone opens a clause or follows 至/到/于 ("年末全国发电装机容量"); inside a noun
    # phrase ("受年末订货带动") it is no period of a figure
    Grammar(re.compile(r"(?:(?<=[至到于在止年])|(?<![\u4e00-\u9fff]))年(?:末|底)"), _zh_month_end,
            ("年末", "年底")),
    Grammar(re.compile(r"(?P<rel>今|去|上)年(?!\s*同期)"), _zh_year_only, ("今年", "去年", "上年")),
    Grammar(re.compile(r"全年"), _zh_year_only, ("全年",)),
    # 当月 alone (not 9月当月, which the month's grammar reads): the release's last month
    Grammar(re.compile(r"(?<![月份上])当月(?!份?[）)])"), _the_month, ("当月",)),
]


def _zh_is_base(text: str, start: int, end: int) -> bool:
    if _ZH_BASE_BEFORE.search(text[max(0, start - 9):start]):
        return True
    if text[end:end + 1] == "的" and text[max(0, start - 1):start] in ("由", "从"):
        return True  # "由2月份的50.4%升至50.7%": where the figure rose from
    # a price base ("按照上年价格计算") says how a figure is valued, not when
    return text[end:end + 2] == "同期" or text[end:end + 3].startswith(_ZH_PRICE_BASE)


_ZH_PRICE_BASE = ("价格", "不变价", "可比价", "价计算")


def find_periods_zh(
    text: str, time: DocumentTime, anchors: Anchors | None = None
) -> list[PeriodMention]:
    """Every period phrase in a Chinese text, resolved against ``time``."""
    return _scan(text, ZH_PERIODS, time, _zh_is_base, anchors or Anchors(lowered(text), False))


# ---------------------------------------------------------------- dates and the document


#: date patterns and their anchors (see ``Grammar``)
#: a date in figures, as page heads write it: 2025-11-21, 2025/11/21, 2025.11.21, 2025-1-5
_NUMERIC_DATE = re.compile(
    rf"(?<![\d.])(?P<y>{_YEAR})(?P<sep>[-/.])(?P<m>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})(?![\d])")
EN_DATES: list[tuple[re.Pattern[str], tuple[_Anchor, ...]]] = [
    # a month and its day on one line ("OCT\n09" are a headline's end and a time)
    (re.compile(rf"\b(?P<m>{_MONTH})[ \t]+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b"
                rf"(?:,?[ \t]+(?P<y>{_YEAR}))?"),
     (_MONTH_ANCHOR,)),
    # "27 December 2027", "27-Dec-2027" (a news terminal's dateline)
    (re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:[ \t]+|-)(?P<m>{_MONTH})"
                rf"(?:,?[ \t]+(?P<y>{_YEAR})|-(?P<y2>{_YEAR}))?"),
     (_MONTH_ANCHOR,)),
    (_NUMERIC_DATE, (_YEAR_ANCHOR,)),
    (re.compile(r"\bon\s+the\s+(?P<d>\d{1,2})(?:st|nd|rd|th)\b"),
     (re.compile(r"on\s+the\s+\d"),)),
]
ZH_DATES: list[tuple[re.Pattern[str], tuple[_Anchor, ...]]] = [
    (re.compile(rf"(?:(?P<y>{_YEAR})\s*年\s*)?(?P<m>{_ZH_N})\s*月\s*(?P<d>{_ZH_N})\s*[日号]"),
     ("日", "号")),
    (_NUMERIC_DATE, (_YEAR_ANCHOR,)),
]


_BARE_YEAR = re.compile(rf"(?<![\d,.])(?:{_YEAR})(?!\d)")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    year: int | None
    month: int | None
    day: int


def _date_from(m: re.Match[str], zh: bool) -> DateMention | None:
    groups = m.groupdict()
    month_text = groups.get("m")
    if month_text is None:
        month = None
    elif month_text.isdigit():
        month = int(month_text)
    elif zh:
        month = _zh_int(month_text)
    else:
        month = MONTHS.get(month_text.lower().rstrip("."))
    day = int(groups["d"]) if groups["d"].isdigit() else _zh_int(groups["d"])
    if not day or day > 31 or (month is not None and not 1 <= month <= 12):
        return None
    year_text = groups.get("y") or groups.get("y2")
    year = int(year_text) if year_text else None
    return DateMention(m.start(), m.end(), year, month, day)


def anchors_of(text: str, lang: str) -> Anchors:
    """The anchors of a text, to share between ``find_dates`` and ``find_periods_*``."""
    return Anchors(lowered(text), word_start=lang != "zh")


def find_dates(text: str, lang: str, anchors: Anchors | None = None) -> list[DateMention]:
    """Calendar dates ("January 19", "Jan. 19, 2024", "1月19日"): never facts."""
    found: list[DateMention] = []
    anchors = anchors or anchors_of(text, lang)
    taken = Occupied()
    for pattern, words in ZH_DATES if lang == "zh" else EN_DATES:
        for m in anchored_matches(pattern, words, anchors):
            date = _date_from(m, lang == "zh")
            if date and taken.claim(date.start, date.end):
                found.append(date)
    found.sort(key=lambda d: d.start)
    return found


def _published_from(dates: list[DateMention], topic: str) -> dt.date | None:
    """The first full date in the head; else the first month-day after the topic ends."""
    for date in dates:
        if date.year and date.month:
            return _safe_date(date.year, date.month, date.day)
    if not topic:
        return None
    end = DocumentTime(topic=topic).topic_end_month
    end_year, end_month = int(end[:4]), int(end[5:7])
    for date in dates:
        if date.month:
            # the month the topic ends in is that year's (the PMI comes out on its last
            # day); an earlier month is next year's (January's release of December)
            year = end_year if date.month >= end_month else end_year + 1
            return _safe_date(year, date.month, date.day)
    return None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _topic_from(
    head: str, lang: str, dates: list[DateMention], published: dt.date | None
) -> str:
    """The first period the head names (not a comparison base, not inside a date)."""
    in_date = [(d.start, d.end) for d in dates]
    year = next((m.group() for m in _BARE_YEAR.finditer(head)
                 if not any(s <= m.start() < e for s, e in in_date)), None)
    if year is None and published is not None:
        year = str(published.year)  # "BEIJING, Nov. 15, 2024 -- ... in October"
    if year is None:
        return ""
    find = find_periods_zh if lang == "zh" else find_periods_en
    for mention in find(head, DocumentTime(published=published, topic=year)):
        if mention.is_base or any(s <= mention.start < e for s, e in in_date):
            continue
        if not mention.period.startswith("as of"):
            return mention.period
    return year


def document_time(text: str, lang: str, published: str | None = None) -> DocumentTime:
    """Read the publication date and topic period from the head of a release.

    ``published`` (ISO date) overrides what the text says, for callers who know better.
    """
    head = text[:HEAD_CHARS]
    dates = find_dates(head, lang)
    if published:
        given = dt.date.fromisoformat(published[:10])
        return DocumentTime(given, _topic_from(head, lang, dates, given))
    full = next((d for d in dates if d.year and d.month), None)
    day = _safe_date(full.year, full.month, full.day) if full and full.year and full.month else None
    topic = _topic_from(head, lang, dates, day)
    return DocumentTime(day or _published_from(dates, topic), topic)
