"""From a release's text to its facts: the extraction entry points.

>>> facts = extract_facts("In 2023, value added of industry grew by 4.6% year on year.", "d")
>>> [(f.mention, f.value, f.unit, f.measure, f.period) for f in facts]
[('4.6%', 4.6, 'percent', 'growth_yoy', '2023')]

The steps: normalize full-width characters (offsets unchanged), read the document's date
and topic period, mark what holds no facts (dates, period phrases, page furniture, short
quoted names), find mentions with the language's grammar, then give each its measure,
period, region and subject from its sentence and paragraph.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

from indmon.extract import furniture, lists, measures, places, subjects, tables
from indmon.extract.documents import read_document
from indmon.extract.facts import SUB_SECTOR, Fact
from indmon.extract.fastre import compile_lower, lowered, word_start
from indmon.extract.language import detect_language
from indmon.extract.layout import Layout
from indmon.extract.mentions import Mention, Span, drop_overlapping
from indmon.extract.numbers import normalize
from indmon.extract.patterns_en import find_mentions_en
from indmon.extract.patterns_zh import find_mentions_zh
from indmon.extract.periods import (
    BASE_FIGURE_BEFORE_EN,
    MONTHS,
    Anchors,
    DocumentTime,
    PeriodMention,
    document_time,
    find_dates,
    find_periods_en,
    find_periods_zh,
    flow_span,
    span_of,
)
from indmon.periods import month_add

_RIGHT_CHARS = 80
_LEFT_CHARS = 160


class Place(NamedTuple):
    """Where a mention stands: its sentence and its clause (offsets into the text)."""

    sentence_start: int
    sentence_end: int
    clause_start: int
    clause_end: int


@dataclass(frozen=True)
class Context:
    """Everything the per-mention rules look at, computed once per document."""

    doc: str
    text: str
    #: ``text`` in lower case, offset for offset, for the case-insensitive rules
    lower: str
    lang: str
    time: DocumentTime
    layout: Layout
    #: non-base period phrases, sorted by start
    periods: list[PeriodMention]
    period_starts: list[int]
    #: dates and period phrases: numbers inside them are not facts
    no_facts: list[Span]
    no_fact_starts: list[int]
    #: the region of figures that name none: the province a report's title names, else CN
    region: str = "CN"
    #: base period phrases ("比1—2月份"), by their end: a figure right after one with 的
    #: ("比1—2月份的5.8%") is the base's own figure
    base_ends: dict[int, str] = field(default_factory=dict)
    #: where the words that may mark a forecast stand ("consensus", "we expect"), sorted
    forecast_cues: list[int] = field(default_factory=list)
    #: each heading's section: where its period starts holding, and the period
    _sections: dict[tuple[int, int], tuple[int, str]] = field(default_factory=dict)
    #: where the text's first sentence of prose ends, once looked up
    _first_sentence_end: list[int] = field(default_factory=list)
    #: the period carried into a sentence, by (its paragraph's start, its start)
    _carried_periods: dict[tuple[int, int], str] = field(default_factory=dict)

    @classmethod
    def build(cls, text: str, doc: str, lang: str, published: str | None) -> Context:
        normalized = normalize(text)
        lower = lowered(normalized)
        time = document_time(normalized, lang, published)
        anchors = Anchors(lower, word_start=lang != "zh")
        find = find_periods_zh if lang == "zh" else find_periods_en
        all_periods = find(normalized, time, anchors)
        dates = [Span(d.start, d.end) for d in find_dates(normalized, lang, anchors)]
        # the year of "Posted 28 January 2027" is a date's, no period of any figure
        date_starts = [d.start for d in dates]
        periods = [p for p in all_periods
                   if not p.is_base and not _inside(p, dates, date_starts)]
        spans = [Span(p.start, p.end) for p in all_periods] + dates
        spans.sort(key=lambda s: s.start)
        base_ends = {p.end: p.period for p in all_periods if p.is_base}
        if lang != "zh":
            base_ends.update(_base_figures_en(lower, all_periods))
        return cls(doc, normalized, lower, lang, time, Layout.of(normalized, lang), periods,
                   [p.start for p in periods], spans, [s.start for s in spans],
                   subjects.head_province(normalized[:600], lang), base_ends,
                   measures.forecast_cues(lower) if lang != "zh" else [])

    def forecast_cue_before(self, pos: int) -> bool:
        """Whether a word that may mark a forecast stands in the 150 characters before."""
        i = bisect.bisect_left(self.forecast_cues, pos - 150)
        return i < len(self.forecast_cues) and self.forecast_cues[i] < pos

    def in_no_fact_span(self, mention: Mention) -> bool:
        i = bisect.bisect_right(self.no_fact_starts, mention.start)
        # a mention that starts inside is part of it too: "21\n" of "2025.11.21\n"
        return any(s.start <= mention.start < s.end for s in self.no_facts[max(0, i - 2):i])

    def place(self, mention: Mention) -> Place:
        """The sentence and clause a mention stands in, looked up once for all the rules."""
        sentence = self.layout.sentence(mention.start)
        return Place(*sentence, *self.layout.clause(mention.start, mention.end, sentence))

    def period_for(self, mention: Mention, place: Place) -> str:
        """Nearest period phrase in the clause, else earlier in the sentence, else later in
        it, else the last one stated before (the time wording of a paragraph holds for what
        follows until new wording; "in June alone" only for its own sentence), else the
        document's topic."""
        own = self._period_for(mention, place)
        before = self.lower[max(0, mention.start - 40):mention.start]
        previous = (_PREVIOUS_FIGURE.search(before)
                    if ("'s" in before or "月的" in before or "月为" in before
                        or "月是" in before or "上月" in before[-4:]
                        or "上个月" in before[-5:]) else None)
        if previous is None and _is_month(own) and before.endswith(
                ("from ", "against ", "compared with ")):
            # "up from 49.6 a month earlier": the base reading is last month's
            earlier = _EARLIER_AFTER_READING.match(self.lower, mention.end)
            if earlier:
                return month_add(own, -12 if earlier.group("year") else -1)
        if previous and _is_month(own):
            # "rose to 50.4 percent from the previous month's 49.9 percent": last month's
            back = (previous.group("year") or previous.group("year_zh")
                    or previous.group("year_zh2"))
            return month_add(own, -12 if back else -1)
        owner = _MONTH_OWNS_FIGURE.search(before) if "'s" in before else None
        if owner and own[:4].isdigit():
            # "slower than October's 7.9%": the figure is that month's
            month = MONTHS[owner.group(1)]
            end = own.split("/")[-1]  # a month after the period's last is last year's
            later = len(end) >= 7 and end[5:7].isdigit() and month > int(end[5:7])
            year = int(end[:4]) - (1 if later else 0)
            return f"{year}-{month:02d}"
        return own

    def _period_for(self, mention: Mention, place: Place) -> str:
        s_start, s_end, c_start, c_end = place
        if self.base_ends:
            of_base = _BASE_FIGURE.search(self.text, max(0, mention.start - 3), mention.start)
            if of_base and of_base.start() in self.base_ends:
                return self.base_ends[of_base.start()]
            if -mention.end in self.base_ends:  # "than the 5.7% logged for 2026"
                return self.base_ends[-mention.end]
        lo = bisect.bisect_left(self.period_starts, s_start)
        hi = bisect.bisect_left(self.period_starts, s_end)
        in_clause = [p for p in self.periods[lo:hi] if c_start <= p.start and p.end <= c_end]
        if in_clause:
            # at an equal distance the period after: "grew 9.8% in December and 9.3% for
            # the full year", where the one before is the figure's before it
            return min(in_clause, key=lambda p: (_distance(p, mention),
                                                 p.start < mention.start)).period
        before = [p for p in self.periods[lo:hi] if p.end <= mention.start
                  and not (_SEMICOLON.search(self.text, p.end, mention.start) and self._aside(p))]
        if before:
            return before[-1].period
        # "grew 8.2% and ... 7.7%; in September alone ... 9.5%": a month said alone in a
        # later clause is that clause's
        after = [p for p in self.periods[lo:hi] if p.start >= mention.end and not p.own_sentence
                 and not self._opens_clause_after_semicolon(p)
                 and not self._in_later_clause_of_its_own_figure(mention, p, s_end)
                 and not self._in_clause_of_a_cause(p, mention.end)
                 and not self._states_its_own_after(p, mention.end)
                 and not self._after_the_topic(p)
                 and not self._rate_between(mention, p.start)]
        if after:
            return after[0].period
        return self._carried(mention.start, s_start)

    def _opens_clause_after_semicolon(self, period: PeriodMention) -> bool:
        """"...advanced 9.4% and equipment 8.6%; in June, high-tech sped up to 10.1%": a
        period opening the clause after a semicolon is that clause's, not the one's before."""
        return bool(_AFTER_SEMICOLON.search(self.text, max(0, period.start - 8), period.start))

    def _in_later_clause_of_its_own_figure(self, mention: Mention, period: PeriodMention,
                                           sentence_end: int) -> bool:
        """"Automobiles grew 10.7%, and in October the division accelerated to 12.3%",
        "汽车制造业增长10.7%，10月份受年末订货带动加快至12.3%": a period in a later clause
        that states a figure of its own is that clause's, not the figure's before it."""
        return bool(_CLAUSE_BREAK.search(self.text, mention.end, period.start)
                    ) and self._figure_between(period.end, sentence_end)

    def _in_clause_of_a_cause(self, period: PeriodMention, after: int) -> bool:
        """"电力……下降1.2%，主要受7月来水偏枯影响", "slipped 1.2%, reflecting a dry July": a
        month in the clause giving a cause dates the cause, not the figure before it."""
        clause = self.text[after:period.start]
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(clause)]
        return bool(breaks) and bool(_CAUSE_OPENS.match(clause, breaks[-1]))

    def _rate_between(self, mention: Mention, end: int) -> bool:
        """"jumped 7.4 percent from a year earlier, after a 6.9 percent increase in June": a
        period after another rate is that rate's, not the one before it ("dropped 1.4 percent
        to 3.90 trillion yuan in the first five months" keeps it: an amount is no rate)."""
        return mention.unit == "percent" and bool(
            _RATE_FIGURE.search(self.text, mention.end, end))

    def _after_the_topic(self, period: PeriodMention) -> bool:
        """"订单已排至明年上半年", "orders run into next year": a period after the year the
        release reports on is an outlook, never the period of a figure stated before it."""
        topic_year = self.time.topic.split("/")[-1][:4]
        return topic_year.isdigit() and period.period[:4].isdigit() and (
            period.period[:4] > topic_year)

    def _states_its_own_after(self, period: PeriodMention, after: int) -> bool:
        """"实现利润总额351.8亿元，上年为亏损": a period opening a later clause that says
        what held then ("上年为", "a year earlier it was") is that clause's, not the
        figure's before it."""
        clause = self.text[after:period.start]
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(clause)]
        return (bool(breaks) and not clause[breaks[-1]:].strip()
                and bool(_STATE_OF_THE_PERIOD.match(self.text, period.end)))

    def _aside(self, period: PeriodMention) -> bool:
        """Whether a period stands in a later clause of a sentence, after a figure and a
        clause break ("grew 10.7%, and in October the division accelerated to 12.3%"): it
        is that clause's, and the paragraph's own period holds on after the sentence."""
        start = self.layout.sentence(period.start)[0]
        text = self.text[start:period.start]
        breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text)]
        # after a semicolon a period opens a clause of the list: "；10月份，……" holds on
        return bool(breaks) and text[breaks[-1]] in ",，" and self._figure_between(
            start, start + breaks[-1])

    def _carried(self, pos: int, sentence_start: int) -> str:
        """A period stated earlier in the paragraph. Wording in the paragraph's first
        sentence ("In the first half, ...") holds for the whole paragraph; later, a year,
        quarter or month carries on, a stock date only into the next sentence, a cumulative
        span or a month said "alone" not at all."""
        paragraph_start = self.layout.paragraph_start(pos)
        key = (paragraph_start, sentence_start)  # what the period depends on
        if key not in self._carried_periods:
            self._carried_periods[key] = self._carried_into(paragraph_start, sentence_start)
        return self._carried_periods[key]

    def _carried_into(self, paragraph: int, sentence_start: int) -> str:
        paragraph_start = paragraph
        opening_end = self.layout.sentence(paragraph_start)[1]
        previous_start = self.layout.sentence(max(0, sentence_start - 1))[0]
        lo = bisect.bisect_left(self.period_starts, paragraph_start)
        hi = bisect.bisect_left(self.period_starts, sentence_start)
        if lo < hi and self.periods[lo].start >= opening_end:
            paragraph_start, opening_end = self._dated_opening(
                paragraph_start, opening_end, self.periods[lo])
        for period in reversed(self.periods[lo:hi]):
            if period.own_sentence and period.start - paragraph_start > 3:
                # "In April alone" mid-paragraph holds for its sentence; a paragraph that
                # opens with it ("September alone looked better: ...") is about that month
                continue
            if period.start < opening_end:
                opening = self._held_from_opening(lo, hi, paragraph_start, opening_end, period)
                if opening is None:
                    break
                return opening
            if self._aside(period):
                continue
            if "/" in period.period and not self._nearest_carries_span(period, sentence_start):
                continue
            if period.period.startswith("as of") and period.start < previous_start:
                continue
            if self._inside_the_opening(period.period,
                                        self._opening_period(lo, hi, paragraph_start, opening_end),
                                        self.lang):
                continue
            return period.period
        return self._heading_period(paragraph) or self.time.topic

    @staticmethod
    def _inside_the_opening(period: str, opening: str, lang: str) -> bool:
        """Whether a later period is an aside of the span or quarter a paragraph opened
        with, after which the opening holds again: a quarter of the span ("GDP for the first
        three quarters ... Growth in the third quarter came in at 4.8%. Value added of the
        primary industry was ..."), or in Chinese the single last month ("一季度，……增长6.3%。
        3月份，……增长6.8%。分门类看，制造业增长6.9%"). English news says such a month
        "alone" when it is an aside; without that word it opens what follows ("In the first
        half, value added grew 6.0%. In June, it grew 6.4%. Mining grew 3.1%": June's)."""
        if _is_quarter(period):
            return _quarter_within(period, opening)
        return lang == "zh" and _is_month(period) and _last_month_of(period, opening)

    def _nearest_carries_span(self, period: PeriodMention, sentence_start: int) -> bool:
        """Whether a span ("1—7月份") opening the sentence right before goes on holding, as
        Chinese releases list on: after "1—7月份，国有控股企业……；私营企业……。",
        "采矿业利润下降11.8%" is of the same months. Further back it does not."""
        if self.lang != "zh":
            return False  # English wording restates its span ("In the first ten months")
        previous_start = self.layout.sentence(max(0, sentence_start - 1))[0]
        return previous_start <= period.start <= previous_start + 2  # it opens that sentence

    def _heading_period(self, pos: int) -> str:
        """The first period a section's heading names ("Press conference on ... in the
        first quarter"): it holds for the section's paragraphs that state none. A heading
        without one ("PROFITS"): the period the section's first paragraph opens with holds
        for its later paragraphs."""
        heading = self.layout.heading_above(pos)
        if heading is None or self._is_headline(heading):
            return ""
        if heading not in self._sections:
            self._sections[heading] = self._section_period(heading)
        first, period = self._sections[heading]
        return period if first < self.layout.paragraph_start(pos) else ""

    def _is_headline(self, heading: tuple[int, int]) -> bool:
        """Whether a heading is the page's headline ("Guangdong factories gather pace in
        third quarter"), above every sentence of the text: it names what the story stresses,
        not the period of the paragraphs below, which the title's topic is."""
        if not self._first_sentence_end:
            found = _PROSE_SENTENCE_END.search(self.text)
            self._first_sentence_end.append(found.start() if found else len(self.text))
        return heading[0] <= self._first_sentence_end[0]

    def _section_period(self, heading: tuple[int, int]) -> tuple[int, str]:
        """(where the period starts holding, the period) of a heading's section."""
        lo = bisect.bisect_left(self.period_starts, heading[0])
        hi = bisect.bisect_left(self.period_starts, heading[1])
        found = [p for p in self.periods[lo:hi] if p.end <= heading[1]]
        rest = self.text[heading[1]:]
        first = heading[1] + len(rest) - len(rest.lstrip())  # past the blank lines
        opening_end = self.layout.sentence(first)[1] if first < len(self.text) else first
        lo = bisect.bisect_left(self.period_starts, first)
        hi = bisect.bisect_left(self.period_starts, opening_end)
        if found:
            month = found[0].period
            span = next((p.period for p in self.periods[lo:hi] if _is_month(month)
                         and _last_month_of(month, p.period)), None)
            # "Faster in October" over "... expanded 7.4 percent in the first ten months":
            # the heading stresses the last month of the span the section reports
            return (first, span) if span else (heading[0], month)
        # the first paragraph states its own period: it holds for the ones after it, unless
        # its opening states two ("10月份，……增长7.8%；1—10月增长7.1%"): then neither
        if len({p.period for p in self.periods[lo:hi] if not p.is_base}) > 1:
            return first, ""
        return first, self._opening_period(lo, hi, first, opening_end) if lo < hi else ""

    def _opening_period(self, lo: int, hi: int, paragraph_start: int, opening_end: int) -> str:
        """The period a paragraph opens with ("In March, ... faster than the 5.8% of
        January-February"): its first sentence's first period phrase when no figure comes
        before it; "" when the sentence opens with a figure."""
        first = next((p for p in self.periods[lo:hi]
                      if p.start < opening_end and not p.own_sentence), None)
        if first is None or self._figure_between(paragraph_start, first.start):
            return ""
        return first.period

    def _dated_opening(self, paragraph_start: int, opening_end: int, first: PeriodMention
                       ) -> tuple[int, int]:
        """The sentence that opens a paragraph for its periods: "1. Industry grew steadily.
        For the whole of 2026, ...", "Spokesperson: Good morning. ... for the first three
        quarters ...": after a label or words stating no figure, the first sentence with a
        period."""
        first_dated = self.layout.sentence(first.start)
        if (self._labels(paragraph_start, opening_end)
                or not self._figure_between(paragraph_start, first_dated[0])):
            return first_dated
        return paragraph_start, opening_end

    def _held_from_opening(self, lo: int, hi: int, paragraph_start: int, opening_end: int,
                           last: PeriodMention) -> str | None:
        """The period a paragraph's opening sentence holds for the sentences after it, or
        None when it holds none: "manufacturing grew 5.4% over the ten months and 6.9% in
        October" (each period is its figure's)."""
        opening = self._opening_period(lo, hi, paragraph_start, opening_end)
        if not opening and self._states_two_periods(lo, hi, opening_end):
            return None
        return opening or last.period

    def _states_two_periods(self, lo: int, hi: int, opening_end: int) -> bool:
        """Whether a paragraph's opening sentence states figures of two periods."""
        return len({p.period for p in self.periods[lo:hi]
                    if p.start < opening_end and not p.is_base}) > 1

    def _labels(self, start: int, end: int) -> bool:
        """Whether a sentence is a numbered label of its paragraph ("1. Industry grew
        steadily.", "一是工业经济稳步增长。"): short, numbered, stating no figure."""
        return (end - start <= _MAX_LABEL and bool(_LABEL.match(self.text, start))
                and not self._figure_between(start, end, numbering=True))

    def _figure_between(self, start: int, end: int, numbering: bool = False) -> bool:
        """Whether a digit outside dates and period phrases ("At a press conference on
        October 20, ...") stands between two offsets; with ``numbering``, not counting a
        label's number at the start ("1. Industry grew steadily.")."""
        if numbering:
            label = _LABEL.match(self.text, start)
            start = label.end() if label else start
        lo = bisect.bisect_left(self.no_fact_starts, start) - 1
        spans = [sp for sp in self.no_facts[max(0, lo):] if sp.start < end]
        # "Preliminary estimates[1] put ...": a footnote mark is no figure
        words = _FOOTNOTE_MARK.sub(lambda m: " " * len(m.group()), self.text[start:end])
        return any(c.isdigit() and not any(sp.start <= i < sp.end for sp in spans)
                   for i, c in enumerate(words, start))


_MAX_LABEL = 60
_FOOTNOTE_MARK = re.compile(r"[\[［〔]\d{1,2}[\]］〕]")
#: a paragraph's label: "1. ", "(2) ", "一是"
_LABEL = re.compile(r"\s*(?:\d{1,2}[.、)）]\s*|[（(]\d{1,2}[)）]\s*|[一二三四五六七八九十]是)")
#: a figure of the month before, or of the same month a year before: "from the previous
#: month's 49.9 percent", "上月的49.9%", "上年同月的50.1%"
_PREVIOUS_FIGURE = re.compile(
    r"(?:(?:from|than|against|compared\s+with|versus)\s+(?:the\s+)?(?:(?:previous|last|preceding)"
    r"\s+month|(?P<year>same\s+month\s+(?:of\s+)?last\s+year|a\s+year\s+(?:earlier|ago)))'s\s*"
    r"|(?:比|较|由)?(?:上月|上个月|(?P<year_zh>上年同月|去年同月))的\s*"
    # "比上月下降0.5个百分点，上月为50.1%": last month's reading
    r"|(?:^|[，,；;（(])\s*(?:上月|上个月|(?P<year_zh2>上年同月|去年同月))(?:为|是)\s*"
    # "结束了上月49.6%的收缩态势": last month's reading named right before it
    r"|(?:结束了?|延续了?|扭转了?|高于|低于)\s*(?:上月|上个月)\s*)$")


#: after a base reading: "from 49.6 a month earlier", "from 50.1 in the previous month"
_EARLIER_AFTER_READING = re.compile(
    r"\s*(?:%|percent|points?)?\s+(?:(?:a|one)\s+month\s+(?:earlier|before|ago)|the\s+month\s+before|"
    r"(?:in\s+)?the\s+"
    r"(?:previous|prior|preceding)\s+month|(?P<year>(?:a|one)\s+year\s+(?:earlier|before|ago)))\b")
#: a month owning the figure after it: "than October's 7.9%" (full names: "may's" is rare)
_MONTH_OWNS_FIGURE = re.compile(
    r"\b(" + "|".join(name for name in MONTHS if len(name) > 3 or name == "may") + r")'s\s*$")


def _is_month(period: str) -> bool:
    return len(period) == 7 and period[4] == "-" and period[5:7].isdigit()


def _is_quarter(period: str) -> bool:
    return len(period) == 7 and period[4:6] == "-Q"


def _quarter_within(quarter: str, span: str) -> bool:
    """Whether a quarter ("2027-Q3") lies inside a year-to-date span ("2027-01/2027-09")."""
    if "/" not in span or span[:4] != quarter[:4]:
        return False
    first, last = span.split("/")
    return first[5:7] == "01" and int(quarter[-1]) * 3 <= int(last[5:7])


def _last_month_of(month: str, opening: str) -> bool:
    """Whether a month ("2028-03") ends the quarter or year-to-date span a paragraph opened
    with ("2028-Q1", "2028-01/2028-03")."""
    if _is_quarter(opening) and opening[:4] == month[:4]:
        return int(opening[-1]) * 3 == int(month[5:7])
    if "/" in opening and opening.split("/")[0].endswith("-01"):
        return opening.split("/")[1] == month
    return False


_AFTER_SEMICOLON = re.compile(r"[;；]\s*(?:(?:and|but|while)\s+)?(?:in\s+|for\s+|during\s+)?$",
                              re.IGNORECASE)
#: where one clause ends and the next begins
_CLAUSE_BREAK = re.compile(r"[,，;；]")
_SEMICOLON = re.compile(r"[;；]")
_RATE_FIGURE = re.compile(r"\d[\d.,]*\s*(?:%|percent|per\s+cent)")
#: after a period opening a clause: what held then ("上年为亏损", "上年同期为")
_STATE_OF_THE_PERIOD = re.compile(r"(?:同期)?(?:为|是|则为|仍为)")
#: words opening a clause that gives a cause: "主要受……影响", "reflecting", "due to"
_CAUSE_OPENS = re.compile(r"\s*(?:(?:主要|这)?(?:是)?(?:受|由于|因为|得益于|源于)"
                          r"|(?:largely\s+|mainly\s+)?"
                          r"(?:reflecting|due\s+to|because|owing\s+to|thanks\s+to))",
                          re.IGNORECASE)
#: between a base period and a figure that is the base's own: "比1—2月份的5.8%"
_BASE_FIGURE = re.compile(r"(?:的|[（(])\s*$")


def _inside(period: PeriodMention, dates: list[Span], starts: list[int]) -> bool:
    """Whether a period phrase lies within one of a text's dates (sorted, with ``starts``)."""
    i = bisect.bisect_right(starts, period.start) - 1
    return i >= 0 and period.end <= dates[i].end


def _base_figures_en(lower: str, periods: list[PeriodMention]) -> dict[int, str]:
    """The figures that a base period names the period of ("than the 5.7% logged for the
    whole of 2026"), by the negated end of the figure (apart from the Chinese keys, ends
    of bases): the figure is the base's, not the sentence's."""
    found = {}
    for period in periods:
        if period.is_base:
            lo = max(0, period.start - 70)
            base = BASE_FIGURE_BEFORE_EN.search(lower, lo, period.start)
            if base:
                figure = next(g for g in ("figure", "reading", "paced", "posted") if base.group(g))
                found[-base.end(figure)] = period.period
            when = _WHEN_FIGURE_EN.match(lower, period.end)
            if when:  # "quicker than December, when output had grown 6.1%": the base's own
                found[-when.end("figure")] = period.period
    return found


#: a base period's own figure in a clause after it: ", when output had grown 6.1%"
_WHEN_FIGURE_EN = re.compile(
    r",\s+when\s+[^.;,\d]{1,50}?(?P<figure>\d[\d.,]*\s*(?:%|percent|per\s+cent)"
    # "up 0.7 point on May, when it stood at 49.6": an index's reading
    r"|(?<=stood\sat\s)\d(?:[\d.,]*\d)?|(?<=was\s)\d(?:[\d.,]*\d)?)")


def _distance(period: PeriodMention, mention: Mention) -> int:
    return mention.start - period.end if period.end <= mention.start else period.start - mention.end


#: the subject of a forecast, a consensus or an expectation beside the figures stated
#: ("ahead of consensus (5.5%)"): someone else's figure, so no fact of the release
FORECAST = "\x00forecast"


def _whole_word_start(text: str, sentence_start: int, at: int) -> int:
    """Where the words a rule reads before a figure start: at most ``_LEFT_CHARS`` back
    within the sentence, and never inside a word ("elecom business revenue")."""
    start = max(sentence_start, at - _LEFT_CHARS)
    if start > sentence_start and text[start - 1].isalnum():
        space = text.find(" ", start, at)
        return space + 1 if space >= 0 else start
    return start


def _rules_en(ctx: Context, m: Mention, place: Place) -> tuple[float, str, str, str, str]:
    """(value, unit, measure, subject, region) of an English mention."""
    text, lower = ctx.text, ctx.lower
    s_start, _, c_start, _ = place
    left_start, right_end = _whole_word_start(text, s_start, m.start), m.end + _RIGHT_CHARS
    left = text[left_start:m.start]
    right = text[m.end:right_end]
    # the measure rules read lower-case words
    left_l, right_l = lower[left_start:m.start], lower[m.end:right_end]
    clause_left_l = lower[c_start:m.start]
    value, unit, measure = m.value, m.unit, m.measure
    if m.kind == "rank":
        scope = subjects.ranking_scope_en(left, text[m.start:m.end], right)
        subject = scope + subjects.subject_before_en(left)
    elif m.kind == "streak":
        subject = (f"consecutive {unit}s of " + subjects.subject_before_en(left)
                   + subjects.streak_of_first_en(left))
    elif measure:
        subject = subjects.subject_before_en(left)
    elif unit == "percent":
        value, measure, subject = _percent_en(value, left, right, left_l, right_l, clause_left_l)
    elif unit == "percentage_point":
        measure, sign = measures.point_measure_en(left_l, right_l)
        value *= sign
        subject = (subjects.contribution_subject_en(left, right) if measure == "level" else ""
                   ) or subjects.subject_before_en(left)
    elif unit == "count":
        value, unit, measure = _count_en(value, left_l, right_l, clause_left_l)
        clause_left = text[max(left_start, c_start):m.start]
        measure, subject = _count_subject_of_mention_en(
            ctx, m, measure, (left, clause_left, right), (left_l, clause_left_l, right_l))
    else:
        measure = "change" if measures.is_change_en(left_l) else "level"
        subject = subjects.realized_what_en(subjects.subject_before_en(left), left)
        if measure == "level":
            subject = subjects.earned_by_en(subjects.named_after_en(subject, right), unit)
    region = subjects.region_en(left, right, measure in ("count", "level"), ctx.region)
    label = _LABEL_EN.match(left)
    if label:  # a box of key figures: "Industrial value added: +6.0%"
        subject = subjects.tidy_subject(label.group("label"))
        signed = bool(label.group("sign")) or text[m.start] in "+-−"
        measure = "growth_yoy" if unit == "percent" and signed else measure
    cued = ctx.forecast_cue_before(m.start)
    return (value, unit, measure, _planned_en(subject, left_l, clause_left_l, right_l, cued),
            region)


def _count_subject_of_mention_en(ctx: Context, m: Mention, measure: str,
                                 words: tuple[str, str, str],
                                 lowered: tuple[str, str, str]) -> tuple[str, str]:
    """(measure, subject) of a plain number, from the words (left, clause left, right)
    around it and the same in lower case."""
    left, clause_left, right = words
    _, clause_left_l, right_l = lowered
    # "Plants turned out 1.21 million vehicles"; "Over January-October, the industry
    # produced 29.87 million vehicles" (a flow over the span, read as a level)
    produced = measure in ("count", "level") and _produced_en(clause_left_l, right_l)
    counted = (measure == "count" or produced or measures.flow_after_en(right_l)
               or measures.adds_another_en(clause_left_l))
    # "34 of the 41 major industrial divisions tracked by the bureau reported higher
    # value added": the words after the group may run past the right-hand window
    subject = (measure == "count" and subjects.divisions_counted_en(
        left, clause_left, ctx.text[m.end:m.end + 2 * _RIGHT_CHARS])) or _count_subject_en(
        left, clause_left, right, measure, counted)
    if produced and subject:  # "Plants turned out 1.21 million vehicles": their output
        return "level", f"output of {subject}"
    if subject and measure in ("count", "level") and _EXPORTED_BEFORE_EN.search(
            clause_left_l[-30:]) and measures.BUILT_GOODS_AFTER_EN.match(right_l):
        # "Chinese makers exported 680,000 vehicles in October": their exports
        return "level", f"exports of {subject}"
    delivered = _DELIVERED_BY_KIND_EN.search(clause_left_l[-60:]) if subject else None
    if delivered and measures.BUILT_GOODS_AFTER_EN.match(right_l):
        # "China's new-energy vehicle makers delivered 2.19 million cars": their sales
        return "level", f"sales of {_KIND_NAMES_EN[delivered.group('kind')]}"
    return measure, subject


#: a line that labels its figure: "Industrial value added: +6.0%", "5G base stations: 4.6m"
_LABEL_EN = re.compile(r"^\s*(?P<label>[A-Za-z0-9][\w '()/&-]{2,60}?)\s*:\s*(?P<sign>[+\-−])?\s*$")


def _percent_en(value: float, left: str, right: str, left_l: str, right_l: str,
                clause_left_l: str) -> tuple[float, str, str]:
    """(value, measure, subject) of an English percent figure."""
    measure, sign = measures.percent_measure_en(left_l, right_l, clause_left_l)
    subject = _saw_what((subjects.contribution_subject_en(left, right)
                         if measure == "share" else "") or subjects.subject_before_en(left),
                        left_l)
    if measure == "share" and (value < 0 or measures.reached_by_industry_en(subject, left_l,
                                                                            right_l)):
        # "high-tech manufacturing reached 9.8%": its growth; "non-metallic minerals -2.6%":
        # a share is never below nothing
        measure = "growth_yoy"
    named = _GROWTH_OF_AFTER_EN.match(right) if left_l.endswith("the ") else None
    if named:  # "behind the 5.4% growth of all industry": theirs
        return value * sign, "growth_yoy", named.group("of")
    posted = _POSTED_BY_AFTER_EN.match(right) if left_l.endswith("the ") else None
    if posted and measure == "growth_yoy":
        # "well short of the 5.9% posted by all industrial enterprises above designated
        # size": theirs
        return value * sign, measure, posted.group("by")
    if measure == "share":
        subject = _part_of_the_whole_after_en(subject, right)
    return value * sign, measure, subject


def _part_of_the_whole_after_en(subject: str, right: str) -> str:
    """"5G now makes up 42.3% of all mobile base stations": a part named by its qualifier
    alone ("5G") is of the things the whole after the figure counts."""
    part = _MAKES_UP_EN.sub("", subject).strip()
    whole = _OF_ALL_AFTER_EN.match(right)
    if whole and part and len(part.split()) == 1 and part[:1].isdigit():
        return f"{part} {whole.group('things')}"
    return subject


#: the verb of a share left in its subject: "5G now makes", "4G sites account"
_MAKES_UP_EN = re.compile(
    r"\s+(?:(?:now|still)\s+)?(?:makes|made|making|accounts?|accounted)$|\s+(?:now|still)$",
    re.IGNORECASE)
#: "of all mobile base stations": what a share's whole counts
_OF_ALL_AFTER_EN = re.compile(
    r"^\s*(?:%|percent|per\s+cent)?\s+of\s+(?:all|the|total)\s+(?:mobile\s+|fixed\s+)?"
    r"(?P<things>base\s+stations|users|subscribers|ports)\b", re.IGNORECASE)


#: "well short of the 5.9% posted by all industrial enterprises above designated size": theirs
_POSTED_BY_AFTER_EN = re.compile(
    r"^\s+(?:posted|recorded|logged|seen|registered|achieved)\s+by\s+(?P<by>[^,.;()]{3,80}?)"
    r"(?=\s+(?:over|in|during|for|from|on|since)\b|[,.;()]|$)")
#: "the 5.4% growth of all industry over the same period": the figure's own subject after it
_GROWTH_OF_AFTER_EN = re.compile(
    r"^\s+(?:year-on-year\s+)?(?:growth|increase|rise)\s+(?:rate\s+)?(?:of|in|for)\s+"
    r"(?P<of>[^,.;()]{3,80}?)(?=\s+(?:over|in|during|for|from|on|since|nationwide|nationally|"
    r"across)\b|[,.;()]|$)")


def _planned_en(subject: str, left_l: str, clause_left_l: str, right_l: str,
                cued: bool) -> str:
    """The subject of a plan or target ("planned ...", which the mapper leaves unmapped),
    or ``FORECAST`` for someone's forecast (dropped: no figure the publisher states);
    ``cued``: whether a forecast word stands before the figure at all."""
    if measures.is_forecast_en(left_l, right_l, cue_before=cued):
        return FORECAST
    if subject and measures.is_plan_en(clause_left_l, right_l):
        return f"planned {subject}"
    return subject


_EXPORTED_BEFORE_EN = re.compile(r"\b(?:exported|shipped\s+abroad|sold\s+abroad)\s*$")
#: makers of a kind of vehicle that delivered or sold: "new-energy vehicle makers delivered"
_DELIVERED_BY_KIND_EN = re.compile(
    r"\b(?P<kind>nevs?|new-energy|new\s+energy)\s+(?:vehicle\s+)?(?:makers|manufacturers|"
    r"producers|carmakers)\s+(?:delivered|sold|shipped)\s*$")


def _produced_en(clause_left_l: str, right_l: str) -> bool:
    """"Plants turned out 1.21 million vehicles", "built 1.87 million new-energy vehicles":
    a count of goods produced (not "built 62 factories")."""
    if not any(w in clause_left_l[-24:] for w in measures.PRODUCED_WORDS_EN):
        return False
    verb = measures.PRODUCED_BEFORE_EN.search(clause_left_l)
    if verb is None:
        return False
    return not verb.group("built") or bool(measures.BUILT_GOODS_AFTER_EN.match(right_l))


def _count_en(value: float, left_l: str, right_l: str, clause_left_l: str
              ) -> tuple[float, str, str]:
    """(value, unit, measure) of a plain number, a decrease signed."""
    unit, measure = measures.count_measure_en(clause_left_l, value, right_l)
    points = _POINTS_AFTER_EN.match(right_l)
    if points:  # "up 0.2 points on January", "0.3 points below September": an index's change
        down = measures.decline_before_en(left_l) or bool(points.group("below"))
        return (-abs(value) if down else abs(value)), unit, "change"
    if measures.FEWER_AFTER_EN.match(right_l):
        return -abs(value), unit, "change"  # "6.08 million, 190,000 fewer than at the end"
    if measures.MORE_THAN_AT_END_EN.match(right_l):
        return abs(value), unit, "change"  # "5.86 million, 710,000 more than the end of"
    if measure == "change" and measures.decline_before_en(left_l):
        return -abs(value), unit, measure
    return value, unit, measure


#: "points" after a plain number: a change of an index, "below" the base a fall
_POINTS_AFTER_EN = re.compile(
    r"^\s*(?:index\s+)?points?\b(?:\s+(?P<below>below|lower|down|less))?")
#: an index reading written without its unit ("Large enterprises read 51.3"): a number
#: with decimals about 50, in a paragraph on the PMI
_PMI_PARAGRAPH_EN = re.compile(r"\bpmi\b|purchasing\s+managers")


def _owned_by_the_sentence_before_en(facts: list[Fact], ctx: Context) -> list[Fact]:
    """"'High-tech manufacturing is still running ahead,' said the statistician. Its PMI was
    52.3": a bare index or PMI in a sentence opening with "Its" is of what the sentence
    before opens with; with no such owner it is a sub-sector's, never the headline index."""
    out = []
    for fact in facts:
        s_start, _ = ctx.layout.sentence(fact.start)
        if fact.subject.lower() in _BARE_INDEX and _ITS_OPENING_SENTENCE.match(ctx.text, s_start):
            before_start, _ = ctx.layout.sentence(max(0, s_start - 2))
            owner = _OPENER_BEFORE_EN.match(ctx.text, before_start, s_start)
            named = owner.group("owner").lower() if owner else SUB_SECTOR
            fact = replace(fact, subject=f"{named} {fact.subject}")
        out.append(fact)
    return out


_BARE_INDEX = frozenset({"pmi", "index", "the index", "its pmi", "its index"})
_ITS_OPENING_SENTENCE = re.compile(r"\s*(?:Its|Their)\s+(?:PMI|index|reading)\b")
#: what a sentence opens with, a quote's first words included
_OPENER_BEFORE_EN = re.compile(
    r"\s*[\"“‘']?\s*(?P<owner>[A-Z][\w-]*(?:\s+[a-z][\w-]*){0,3}?)\s+(?:is|was|are|were|has|had|"
    r"remains|remained|kept|stayed)\b")


def _index_readings_en(facts: list[Fact], ctx: Context) -> list[Fact]:
    """The facts with the plain numbers that read an index named earlier in their
    paragraph ("Large enterprises read 51.3 and small ones 48.7") named as PMI readings:
    "PMI" added to the size class or sector each names (once lists have their members)."""
    return [replace(f, subject=_as_index_reading(f.subject)) if _reads_the_pmi(f, ctx) else f
            for f in facts]


def _as_index_reading(subject: str) -> str:
    """What a reading is of: a survey question's index ("new orders index", "the employment
    reading"), else a size class's or sector's PMI."""
    if _PMI_COMPONENT_EN.search(subject):
        # "finished goods stocks" are the survey's finished goods inventory
        named = re.sub(r"\bstocks of finished goods|finished goods stocks",
                       "finished goods inventory", subject, flags=re.IGNORECASE)
        return re.sub(r"\s+reading$", "", named) + " index"
    return f"{subject} PMI"


def _reads_the_pmi(fact: Fact, ctx: Context) -> bool:
    if (fact.unit not in ("count", "percent")
            or fact.measure not in ("count", "level", "share") or not fact.subject
            or not 30 <= fact.value <= 70 or "." not in fact.mention
            or _INDEX_WORD_EN.search(fact.subject)):
        return False
    if _PMI_PARAGRAPH_EN.search(ctx.lower, ctx.layout.paragraph_start(fact.start), fact.start):
        return True
    # "total new orders rose to 51.0" paragraphs after the release named the PMI
    return bool(_PMI_COMPONENT_EN.search(fact.subject)
                and _PMI_PARAGRAPH_EN.search(ctx.lower, 0, fact.start))


#: what the PMI survey asks about: a reading of one is a sub-index's
_PMI_COMPONENT_EN = re.compile(
    r"(?i)^(?:total\s+)?(?:new\s+(?:export\s+)?orders|production|employment|output\s+prices?|"
    r"input\s+prices?|raw\s+materials?\s+inventor(?:y|ies)|supplier\s+delivery\s+times?|"
    r"business\s+expectations|imports|purchase\s+quantity|"
    r"finished\s+goods\s+(?:stocks|inventor(?:y|ies))|stocks\s+of\s+finished\s+goods)"
    r"(?:\s+reading)?$")


_INDEX_WORD_EN = re.compile(r"(?i)\b(?:index|pmi|gauge|indices|sub-index)\b")


#: a part stated as an amount of a whole after it: "accounted for 1.07 million of the ..."
_PART_OF_A_WHOLE_EN = re.compile(r"\s(?:accounted\s+for|accounting\s+for|made\s+up|making\s+up|"
                                 r"contributed)\s*$",
                                 re.IGNORECASE)
_OF_AFTER_EN = re.compile(r"\s+of\s+(?:the|those|them|these|all|that|this)\b", re.IGNORECASE)
_LOSS_MAKERS_BEFORE_EN = re.compile(r"\bloss-?makers\b|\bloss-making\b", re.IGNORECASE)
_FIRMS_AFTER_EN = re.compile(r"^\s*(?:industrial\s+)?(?:enterprises|firms|companies)\b",
                             re.IGNORECASE)
_AT_A_LOSS_EN = re.compile(
    r"^\s*(?:industrial\s+)?(?:enterprises|firms|companies)\s+(?:(?:ran|operated|(?:were|was)"
    r"(?:\s+(?:running|operating))?)\s+"
    r"(?:at\s+a\s+loss|in\s+the\s+red|loss-making)|(?:reported|posted|recorded|made|suffered)"
    r"\s+(?:a\s+)?loss(?:es)?\b)", re.IGNORECASE)


def _saw_what(subject: str, left_l: str) -> str:
    """"State-holding firms saw profits decline 2.4 percent": the profits of the firms;
    "October on its own saw value added climb 8.1 percent": value added, in that month."""
    saw = subjects.SAW_WHAT_EN.search(left_l[-60:]) if "saw " in left_l[-60:] else None
    if saw and _MONTH_ALONE_EN.fullmatch(subject.strip()):
        return saw.group("what")
    return f"{saw.group('what')} of {subject}" if saw and subject else subject


#: a month said alone as what "saw" a figure: "October on its own", "in August alone"
_MONTH_ALONE_EN = re.compile(
    r"(?:in\s+|for\s+)?(?:" + "|".join(name for name in MONTHS if len(name) > 3 or name == "may")
    + r")(?:\s+\d{4})?(?:\s+(?:alone|on\s+its\s+own|by\s+itself))?", re.IGNORECASE)


def _count_subject_en(left: str, clause_left: str, right: str, measure: str,
                      counted: bool) -> str:
    """The subject of a plain number: what a count covers, else what it counts, else the
    words before it."""
    whole = _PART_OF_A_WHOLE_EN.search(left) if _OF_AFTER_EN.match(right) else None
    if whole:  # "battery-electric models accounted for 1.07 million of the month's NEV sales"
        return subjects.subject_before_en(left[:whole.start()] + " came to")
    part = subjects.part_with_feature_en(left, right) if measure == "count" else ""
    if part:
        return part
    if _AT_A_LOSS_EN.match(right) or (_LOSS_MAKERS_BEFORE_EN.search(clause_left)
                                      and _FIRMS_AFTER_EN.match(right)):
        # "139,000 enterprises ran at a loss", "The ranks of loss-makers swelled to 193,600
        # companies"
        return "loss-making enterprises"
    group = subjects.group_member_count_en(left, right) if measure == "count" else ""
    if group:
        return group
    covered = subjects.coverage_subject_en(left, right) if measure == "count" else ""
    after = covered or (subjects.subject_after_en(right) if counted else "")
    if not after and counted and subjects.counts_units_en(right):
        left = clause_left  # "equipment exceeds 81 million units": named in its clause
    return after or subjects.number_of_before_en(left) or subjects.subject_before_en(left)


def _subject_zh(left: str, clause_left: str, right: str, counts_things: bool, unit: str,
                measure: str) -> str:
    subject = subjects.subject_zh(left, clause_left, right, counts_things)
    if unit == "percentage_point" and measure == "level" and "拉动" in clause_left:
        return subjects.contributor_zh(left, clause_left, subject)  # what pulled growth
    if "每百元" in clause_left:  # "每百元营业收入中的成本为85.31元": a ratio to a base
        return f"per hundred yuan {subject}"
    verb = _PRODUCT_VERB_ZH.search(clause_left) if unit not in _RATE_UNITS else None
    if verb:
        # "汽车生产318万辆，销售321万辆": the verb says which quantity of the product
        head = _PRODUCT_VERB_HEADS[verb.group(1)]
        return subject if subject.endswith(head) else f"{subject} {head}".strip()
    lead = _LEAD_OVER_ALL_INDUSTRY_ZH.search(clause_left) if unit == "percentage_point" else None
    if lead:
        # "高技术制造业增加值同比增长9.2%，快于全部规模以上工业增加值增速3.8个百分点": the
        # lead of what grew over all industry, never all industry's own change
        before = left[:max(0, len(left) - (len(clause_left) - lead.start()))]
        grew = subjects.subject_zh(before, before[-40:], "", False)
        return f"{grew} lead over all industry"
    return subject


#: a target named after its figure: "增长5.5%左右的目标", "5.5%的预期目标"
_TARGET_AFTER_ZH = re.compile(r"(?:左右)?(?:的)?(?:预期)?目标")
#: a product's verb right before its amount: 生产, 销售, 出口 (not 生产线, not 销售额)
_PRODUCT_VERB_ZH = re.compile(r"(生产|销售|出口)(?:了|完成)?$")
_PRODUCT_VERB_HEADS = {"生产": "output", "销售": "sales", "出口": "exports"}
_RATE_UNITS = ("percent", "percentage_point")
#: a growth compared with all industry's, right before the points it leads by
_LEAD_OVER_ALL_INDUSTRY_ZH = re.compile(
    r"(?:快于|高于|慢于|低于)(?:全部|全国)?(?:规模以上|规上)工业(?:企业)?(?:增加值)?(?:增速|增长)?$")


def _rules_zh(ctx: Context, m: Mention, place: Place) -> tuple[float, str, str, str, str]:
    """(value, unit, measure, subject, region) of a Chinese mention."""
    text = ctx.text
    s_start, _, c_start, _ = place
    left = text[max(s_start, m.start - 80):m.start]
    clause_left = text[c_start:m.start]
    right = text[m.end:m.end + 40]
    value, unit, measure = m.value, m.unit, m.measure
    counts_things = False
    if measure:
        pass
    elif unit == "percent":
        measure, sign = measures.percent_measure_zh(left, right)
        value *= sign
    elif unit == "percentage_point":
        measure, sign = measures.point_measure_zh(left[-40:])
        value *= sign
    elif unit == "count":
        measure = measures.count_measure_zh(clause_left)
        counts_things = measure == "count"
    else:
        measure = "change" if measures.is_change_zh(left) else "level"
    if measure == "change" and measures.decrease_before_zh(clause_left):
        value = -abs(value)  # "净减2100万户", "减少120万户"
    subject = _subject_zh(left, clause_left, right, counts_things, unit, measure)
    if m.kind == "rank":
        subject = subjects.ranking_scope_zh(text[max(0, m.start - 8):m.start]) + subject
    elif m.kind == "streak":
        subject = f"consecutive {unit}s of " + subject
    region = subjects.region_zh(left, right, counts_things, ctx.region)
    subject = subject.strip()
    if measures.is_forecast_sentence_zh(text[s_start:m.start]):
        return value, unit, measure, FORECAST, region
    # the words since the full stop: a plan's opening holds across its semicolons
    full_stop = max(text.rfind("。", 0, m.start), text.rfind("\n", 0, m.start)) + 1
    if subject and (measures.is_plan_zh(clause_left, text[full_stop:m.start])
                    or _TARGET_AFTER_ZH.match(right)):
        subject = f"planned {subject}"  # "全年工业增加值增长5.5%左右的目标": a target
    return value, unit, measure, subject, region


def _stock_flow(
    ctx: Context, m: Mention, place: Place, measure: str, subject: str
) -> bool | None:
    """True for a stock, False for a flow, None when the words leave it open.

    A change counted from the start of the year ("比上年末净增210万户", "a net increase
    since the end of last year") is a flow; a share of stocks ("accounting for one third
    of the world's base stations") is a stock."""
    s_start, s_end = place.sentence_start, place.sentence_end
    if measure == "change":
        window = ctx.lower[max(s_start, m.start - 60):min(s_end, m.end + 80)]
        if measures.SINCE_YEAR_START.search(window):
            return False
    if measure == "share":
        window = ctx.text[max(s_start, m.start - 80):min(s_end, m.end + 60)]
        return measures.is_stock("", window) or measures.is_stock_zh(window) or None
    return measures.is_stock(measure, subject) or None


def _period_of(period: str, topic: str, stock: bool | None) -> str:
    """Stocks keep a stock date ("as of 2024-06-30"); flows stated at one (revenue, output,
    investment "by the end of June") cover the span from January to that month, written
    as the topic when it is that span (``2023-Q1`` rather than ``2023-01/2023-03``)."""
    if stock and len(period) == 4 and len(topic) > 4 and topic[:4] == period:
        # "5G base stations reached 286,000, with 34,000 built this year" in a release on
        # January-October: the stock stands at the release's last month, not at year end
        end = DocumentTime(topic=topic).topic_end_month
        return end if end[:4] == period and not end.endswith("-12") else period
    if not period.startswith("as of") or stock:
        return period
    span = flow_span(period)
    return topic if topic and span_of(topic) == span else span


def _mentions(ctx: Context, table_rows: list[tuple[int, int]]) -> Iterator[Mention]:
    find: Callable[[str], Iterator[Mention]] = (
        find_mentions_zh if ctx.lang == "zh" else find_mentions_en
    )
    row_starts = [start for start, _ in table_rows]
    notes = furniture.notes_sections(ctx.text)
    for mention in drop_overlapping(list(find(ctx.text))):
        if ctx.in_no_fact_span(mention) or ctx.layout.is_blocked(mention.start, mention.end):
            continue
        if notes and any(start <= mention.start < end for start, end in notes):
            continue  # the notes define and explain; they state no figure of the period
        if table_rows and _in_row(mention, table_rows, row_starts):
            continue  # read by its column (``_tables``)
        if (furniture.is_furniture(ctx.text, mention.start, mention.end)
                or furniture.is_threshold(ctx.text, mention.start, mention.end)
                or furniture.is_conversion(ctx.text, mention.start, mention.end)):
            continue
        yield mention


def _in_row(mention: Mention, rows: list[tuple[int, int]], starts: list[int]) -> bool:
    i = bisect.bisect_right(starts, mention.start) - 1
    return i >= 0 and mention.start < rows[i][1]


def extract_facts(
    text: str, doc: str, *, published: str | None = None, lang: str | None = None
) -> list[Fact]:
    """The facts a release states, in text order.

    ``published`` (ISO date) is the release date when the text does not say it; ``lang``
    (``en`` or ``zh``) overrides detection. Offsets index ``text`` exactly as given.
    """
    lang = lang or detect_language(text)
    ctx = Context.build(text, doc, lang, published)
    rules = _rules_zh if lang == "zh" else _rules_en
    table = _tables(ctx, text)
    facts = []
    for mention in _mentions(ctx, table.rows):
        place = ctx.place(mention)
        value, unit, measure, subject, region = rules(ctx, mention, place)
        if subject == FORECAST:
            continue
        facts.append(Fact(
            doc=doc, start=mention.start, end=mention.end,
            mention=text[mention.start:mention.end], value=value, unit=unit, measure=measure,
            subject=subject,
            period=_period_of(ctx.period_for(mention, place), ctx.time.topic,
                              _stock_flow(ctx, mention, place, measure, subject)),
            region=region,
        ))
    # the readings of a whole list first, then of what stands around them
    facts = _of_item_labels(facts, ctx.text, lang)
    if lang != "zh":
        # "grew 6.8 percent ..., picking up from 6.6 percent in the first ten months": the
        # bases take their subject before the lists, pronouns and national rates read them
        facts = _national_rates_en(
            _bases_of_the_figure_before_en(facts, ctx, named_heads_only=True), ctx)
    facts = lists.distribute(_units_shared(facts, ctx.text), ctx.text, lang)
    cues = _ScopeCues.of(ctx, lang)
    facts = [_scoped(f, ctx, lang, cues) for f in facts]
    facts = _other_surveys(_non_manufacturing_indices(facts, ctx), ctx)
    if lang != "zh":
        facts = _owned_by_the_sentence_before_en(
            _index_readings_en(_national_rates_en(facts, ctx), ctx), ctx)
        # a list's members keep their verb ("joint-stock enterprises earned"): profits
        facts = [replace(f, subject=_earned(f)) if f.subject.endswith(_EARNING_VERBS) else f
                 for f in facts]
        # "The secondary industry attracted 12,958.1 billion yuan, a jump of 11.6%"
        facts = [replace(f, subject=f"investment in {f.subject.removesuffix(' attracted')}")
                 if f.subject.endswith(" attracted") else f for f in facts]
        facts = _of_the_titled_industry(_bases_a_year_earlier_en(
            _year_to_date_totals_en(_products_of_producers_en(facts, ctx), ctx), ctx), ctx)
        facts = _owners_recorded_after_en(_owners_of_bare_heads_en(
            _owners_before_whose_en(facts, ctx), ctx), ctx)
        facts = _losses_which_totalled_en(_followed_by_in_brackets_en(facts, ctx), ctx)
        facts = _industry_in_the_headline_en(_with_a_part_moving_en(facts, ctx), ctx)
        facts = _parts_within_en(_parts_that_were_en(facts, ctx), ctx)
        facts = _the_province_named_before_en(_parts_of_the_amount_before_en(facts, ctx), ctx)
        facts = _parts_of_a_whole_en(_output_of_the_sentence_opener_en(facts, ctx), ctx)
        facts = _parts_named_after_en(facts, ctx)
        facts = _vehicles_of_a_car_release_en(_of_the_figure_before_a_month_en(facts), ctx)
        facts = [_per_hundred_yuan_en(f, ctx) for f in facts]
        facts = _ships_of_a_shipbuilding_release_en(facts, ctx)
        facts = _bases_of_the_figure_before_en(_investment_by_industry_en(facts, ctx), ctx)
    facts = _of_the_division_named_before(facts, ctx)
    facts = _division_opening_the_sentence(facts, ctx)
    facts = _of_a_titled_grouping(_in_the_clusters(facts, ctx), ctx)
    if lang == "zh":
        facts = _unknown_parts_of_which_zh(facts, ctx)
        facts = _bases_of_the_figure_before_zh(_products_of_bare_output_zh(facts, ctx.text), ctx)
        facts = _national_figures_of_the_subject_before_zh(_compared_in_parentheses_zh(
            _figures_of_a_year_earlier_zh(facts, ctx), ctx), ctx)
    facts = _contributions_to_industrial_growth(_bases_of_point_changes(facts, ctx), ctx)
    facts = _growths_of_amounts_of_their_periods(_periods_respectively(facts, ctx), ctx)
    facts = _regions_respectively(facts, ctx)
    if lang == "zh":
        facts = _province_of_the_sentence_zh(facts, ctx)
    return _with_table_figures(facts, table, ctx) if table.figures else facts



def _unknown_parts_of_which_zh(facts: list[Fact], ctx: Context) -> list[Fact]:
    """"化学原料和化学制品制造业增长6.2%，其中磷化工增长8.9%": a part the glossary does not
    know, named after 其中, has no cell (read without it, it is the division before)."""
    out = []
    for fact in facts:
        part = _OF_WHICH_NAME_ZH.search(ctx.text, max(0, fact.start - 20), fact.start)
        if (part and SUB_SECTOR not in fact.subject
                and not _PERIOD_WORDS_ZH.search(part.group("name"))
                and not subjects.first_term_zh(part.group("name"))):
            fact = replace(fact, subject=f"{SUB_SECTOR} {fact.subject}")
        out.append(fact)
    return out


#: words of a period, not of a part: "其中，二季度增长5.8%"
_PERIOD_WORDS_ZH = re.compile(r"季度|月|年|半年|当期|同期")
#: 其中 and a name before the verb: "其中磷化工增长"
_OF_WHICH_NAME_ZH = re.compile(
    r"其中[，,]?\s*(?P<name>[\u4e00-\u9fff]{2,10}?)(?:增加值)?(?:同比)?(?:增长|下降|增速为?)$")


def _national_figures_of_the_subject_before_zh(facts: list[Fact], ctx: Context) -> list[Fact]:
    """"全省……利润同比增长9.6%，全国同期仅增长2.1%": the country's growth of the subject
    of the figure before it in the sentence."""
    out = list(facts)
    for k in range(1, len(out)):
        fact, before = out[k], out[k - 1]
        if (fact.subject == "national" and fact.unit == before.unit == "percent"
                and fact.measure == before.measure == "growth_yoy" and before.subject
                and _NATIONAL_SAME_PERIOD_ZH.fullmatch(ctx.text, before.end, fact.start)
                and ctx.layout.sentence(fact.start)[0] <= before.start):
            out[k] = replace(fact, subject=before.subject, region="CN")
    return out


#: "，全国同期仅增长", "（6.9%）有所加快；全国同期增长": the country's figure set beside the one
#: before
_NATIONAL_SAME_PERIOD_ZH = re.compile(
    r"[）)]?[^，。；;\d]{0,8}[，,；;]\s*全国(?:同期)?(?:为|仅|只)?(?:增长|下降)"
    # "增长11.3%，增速高于全国同期9.1%的水平"
    r"|[，,]\s*(?:增速|增幅)?(?:高于|低于|快于|慢于)全国(?:同期|平均水平|平均)?")


def _compared_in_parentheses_zh(facts: list[Fact], ctx: Context) -> list[Fact]:
    """"增长7.3%，高于全国平均水平（5.6%）", "较9月份（6.9%）有所加快", "快于全国（9.1%）": the
    figure in brackets is the compared one's growth of the same subject, the country's when
    全国 is named."""
    out = list(facts)
    for k in range(1, len(out)):
        fact, before = out[k], out[k - 1]
        if fact.unit != "percent" or ctx.text[fact.start - 1:fact.start] not in ("（", "("):
            continue
        compared = _COMPARED_IN_PARENTHESES_ZH.search(ctx.text, max(0, fact.start - 24),
                                                      fact.start)
        s_start = ctx.layout.sentence(fact.start)[0]
        if not (compared and before.unit == "percent" and before.measure == "growth_yoy"
                and before.subject and s_start <= before.start):
            continue
        what = compared.group("what")
        if _ALL_INDUSTRY_NAMED_ZH.search(what) and "全国" not in what:
            continue  # "高于全部规模以上工业增加值增速（5.6%）": all industry's own, read as such
        if "全国" in what:
            # "增长7.4%，……（1—8月份增长7.2%，上半年增长7.0%），高于全国平均水平（5.9%）": the
            # country's figure of the sentence's first growth, at its period
            # "……装备制造业增长11.2%；高技术制造业增长10.7%，高于全国高技术制造业（9.1%）":
            # the first growth of its clause after a semicolon
            c_start = max(s_start, ctx.text.rfind(";", s_start, fact.start) + 1,
                          ctx.text.rfind("；", s_start, fact.start) + 1)
            first = next((f for f in out[:k] if f.start >= c_start and f.unit == "percent"
                          and f.measure == "growth_yoy" and f.subject), None) or next(
                f for f in out[:k] if f.start >= s_start and f.unit == "percent"
                and f.measure == "growth_yoy" and f.subject)
            out[k] = replace(fact, subject=first.subject, measure="growth_yoy", region="CN",
                             period=first.period)
        else:  # "较9月份（6.9%）有所加快": the figure before's at the period named
            out[k] = replace(fact, subject=before.subject, measure="growth_yoy",
                             region=before.region)
    return out


_ALL_INDUSTRY_NAMED_ZH = re.compile(r"全部|规模以上工业|规上工业")


_COMPARED_IN_PARENTHESES_ZH = re.compile(
    r"(?:高于|快于|低于|慢于|超过|较|比)(?P<what>[^，。；;（(]{0,14})[（(]$")


def _of_item_labels(facts: list[Fact], text: str, lang: str) -> list[Fact]:
    """The figures of a labelled list item whose subject says nothing ("- Crude steel:
    1,002.6 million tons; down 1.3 percent", "- 粗钢：10.03亿吨，下降1.3%"): the label's,
    with the quantity the list's opening line names ("Output of major industrial
    products"), so that no item lands on the list's neighbour or on nothing."""
    out = list(facts)
    parts: set[int] = set()  # the facts of a part of an item's whole
    for k, fact in enumerate(facts):
        line_start = text.rfind("\n", 0, fact.start) + 1
        item = _ITEM_LABEL.match(text, line_start)
        if item is None or item.end() > fact.start:
            continue
        label = _OF_WHICH_LABEL.sub("", item["label"]).strip()
        if lang == "zh":
            label = subjects.terms_zh(label)
        said = fact.subject.strip().lower()
        if label and _QUANTITY_ONLY.fullmatch(said):
            # "- Integrated circuits: output reached 386.2 billion pieces": the label's
            out[k] = replace(fact, subject=f"{label} {said}".lower())
            continue
        counted = _COUNTED_ONLY.match(said) if label else None
        if counted:  # "- 5G: 1.365 billion users after ...": the label's users
            out[k] = replace(fact, subject=f"{label} {counted.group(1)}")
            continue
        part = _PART_OF_ITEM_EN.match(said) if label and lang != "zh" else None
        if part:
            # "- Motor vehicles: 2.53 million, +8.2%; new energy vehicles among them 1.64
            # million": the part's own figure of the quantity the list states
            head = "" if _QUANTITY_LABEL.search(said) else _list_quantity(text, line_start)
            out[k] = replace(fact, subject=f"{part['part'] or part['part2']} {head}".strip())
            parts.add(k)
            continue
        if said in _COUNTING_NOUNS:
            said = ""  # "- Mobile phones: 134.2 million handsets": the label's count
        if (k - 1 in parts and _SAYS_NOTHING.fullmatch(said)
                and "\n" not in text[facts[k - 1].end:fact.start]):
            out[k] = replace(fact, subject=out[k - 1].subject)  # "..., +22.7%": the part's
            continue
        # the label alone ("crude steel", as a Chinese subject is read) says no quantity
        if not label or not (_SAYS_NOTHING.fullmatch(said) or said == label.lower()):
            continue
        head = "" if _QUANTITY_LABEL.search(label) else _list_quantity(text, line_start)
        out[k] = replace(fact, subject=f"{label} {head}".strip().lower())
    return out


#: a subject that names nothing: empty, or only the verb or noun of a change ("off",
#: the "+" of "+8.2%")
_SAYS_NOTHING = re.compile(
    r"(?:(?:up|down|off|an?|by|of|growth|increase|decrease|rise|gain|jump|drop|decline|fall|"
    r"rising|falling|increasing|decreasing|year[- ]on[- ]year|同比|\+)\s*)*")
#: the nouns a count of a product is written in, which name no product
_COUNTING_NOUNS = frozenset({"units", "sets", "pieces", "handsets", "vehicles", "tonnes", "tons",
                             "items", "pcs"})
#: a part of the item's whole: "new energy vehicles among them", "of which NEVs"
_PART_OF_ITEM_EN = re.compile(r"(?P<part>[a-z][\w -]{2,40}?)\s+(?:among|of)\s+them"
                              r"|(?:of\s+which|including)\s+(?P<part2>[a-z][\w -]{2,40})")
#: a subject that opens with what is counted, of no one named ("access users", "users after
#: 101.6 million net additions")
_COUNTED_ONLY = re.compile(r"(?:(?:terminal|access|mobile|phone)\s+)?(users|subscribers)\b")
#: a subject that is only a product's quantity ("output", "production", "sales")
_QUANTITY_ONLY = re.compile(r"(?:output|production|sales|exports)")
#: a list item opening with a label and a colon ("- Crude steel:", "2. Cement:", "（一）粗钢：")
_ITEM_LABEL = re.compile(
    r"[ \t]*(?:[-*•·–—]|\(?\d{1,2}[.)、]|（[一二三四五六七八九十\d]{1,2}）)[ \t]*"
    r"(?P<label>[^:：\n]{2,40}?)[ \t]*[:：]")
_OF_WHICH_LABEL = re.compile(r"^\s*(?:of\s+which|including|其中)[:：,，]?\s*", re.IGNORECASE)
_QUANTITY_LABEL = re.compile(
    r"\b(?:output|production|generat\w*|sales|sold|exports?|imports?|revenue|profits?|users?|"
    r"investment|orders?|stations?|ports?)\b", re.IGNORECASE)
#: the quantity a list's opening line names, in the glossary's English
_LIST_QUANTITIES = (("output", "output"), ("production", "output"), ("产量", "output"),
                    ("turned out", "output"), ("produced", "output"),
                    ("sales", "sales"), ("销量", "sales"), ("exports", "exports"),
                    ("出口", "exports"), ("revenue", "revenue"), ("收入", "revenue"),
                    ("profit", "profits"), ("利润", "profits"))


def _list_quantity(text: str, item_start: int) -> str:
    """What the line opening a list of items measures ("Output of major products in
    2027:" → output), or ''; the opening line is the nearest line before that is no item."""
    end = item_start - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if line.strip() and not _ITEM_LABEL.match(line):
            lowered = line.lower()
            return next((q for word, q in _LIST_QUANTITIES if word in lowered), "")
        end = start - 1
    return ""


def _bases_of_point_changes(facts: list[Fact], ctx: Context) -> list[Fact]:
    """"a gain of 2.4%, 0.1 percentage points above the 2.3% recorded for January-October":
    the base a change in points is measured from is a growth rate of the same subject, as
    the figure before the change is (read alone it says no growth word)."""
    out = list(facts)
    for k in range(1, len(out)):
        fact, growth = out[k], out[k - 1]
        # "rose 6.5% ..., edging up from 6.4% for January-October": the growth before
        if (fact.unit == growth.unit == "percent" and growth.measure in ("growth_yoy",
                                                                           "growth_qoq")
                and _FROM_BASE.search(ctx.lower, growth.end, fact.start)
                and not _SENTENCE_BREAK.search(ctx.text, growth.end, fact.start)):
            out[k] = replace(fact, measure=growth.measure, subject=growth.subject,
                             value=abs(fact.value))
    for k in range(2, len(out)):
        fact, change, growth = out[k], out[k - 1], out[k - 2]
        if (fact.unit != "percent" or fact.measure != "share" or change.measure != "change"
                or change.unit != "percentage_point" or growth.unit != "percent"
                or growth.measure not in ("growth_yoy", "growth_qoq")):
            continue
        if _POINTS_FROM_BASE.fullmatch(ctx.lower, change.end, fact.start) and not (
                _SENTENCE_BREAK.search(ctx.text, growth.end, fact.start)):
            out[k] = replace(fact, measure=growth.measure, subject=growth.subject,
                             value=abs(fact.value))
    return out


#: between a growth and the growth it moved from: ", edging up from", ", down from"
_FROM_BASE = re.compile(
    r",\s*(?:[a-z]+ing\s+)?(?:up|down|back|higher|lower)?\s*from\s+(?:the\s+|an?\s+)?$")
#: between a change in points and the figure it is measured from
_POINTS_FROM_BASE = re.compile(
    r"\s*(?:above|below|higher\s+than|lower\s+than|faster\s+than|slower\s+than|up\s+on|"
    r"down\s+on|over|from)\s+(?:the\s+|that\s+of\s+)?")
_SENTENCE_BREAK = re.compile(r"[.;。；]\s")


def _contributions_to_industrial_growth(facts: list[Fact], ctx: Context) -> list[Fact]:
    """"Electronics grew 12.7% and contributed 1.9 percentage points to provincial industrial
    growth", "汽车制造业增长6.2%，拉动全省规上工业增长0.9个百分点": the points are the
    contribution of the industry whose growth the sentence states just before them (a
    growth that names no industry leaves them as they are)."""
    from indmon.catalogue import ALL, Catalogue
    from indmon.extract.mapping import industry_code

    out = list(facts)
    for k in range(1, len(out)):
        fact, growth = out[k], out[k - 1]
        if fact.unit != "percentage_point" or growth.unit != "percent" or (
                growth.measure != "growth_yoy") or _SENTENCE_BREAK.search(
                    ctx.text, growth.end, fact.start):
            continue
        if ctx.lang == "zh":
            stated = _PULLED_INDUSTRY_ZH.search(ctx.text, max(growth.end, fact.start - 24),
                                                fact.start)
        else:
            stated = _CONTRIBUTED_EN.search(ctx.lower, growth.end, fact.start) and (
                _TO_INDUSTRIAL_GROWTH_EN.match(ctx.lower, fact.end))
        if stated and growth.subject and industry_code(growth.subject, Catalogue.load()) != ALL:
            out[k] = replace(fact, measure="level", period=growth.period, region=growth.region,
                             subject=f"contribution to industrial growth of {growth.subject}")
    return out


#: the verb of a contribution between the growth and its points
_CONTRIBUTED_EN = re.compile(r"\b(?:contribut\w*|accounted\s+for|account\w*\s+for|add(?:ed|ing)|"
                             r"pulled\s+up|lifted)\b")
#: what the points are of: "to overall growth", "of the overall increase", "to the province's
#: industrial growth"
_TO_INDUSTRIAL_GROWTH_EN = re.compile(
    r"\s+(?:to|of)\s+(?:the\s+)?(?:(?:overall|total|provincial|province's|industrial|"
    r"national|country's|whole)\s+)*(?:growth|increase|expansion)\b(?!\s+(?:of|in)\s+gdp)")
#: 拉动全省规上工业增长 (the points follow): a contribution to industry's growth
_PULLED_INDUSTRY_ZH = re.compile(
    r"拉动(?:全省|全市|全区|全国)?(?:规上|规模以上)?工业(?:增加值)?(?:同比)?增长$")


def _bases_a_year_earlier_en(facts: list[Fact], ctx: Context) -> list[Fact]:
    """"Gigabit users: 261 million, ..., against 226 million a year earlier": the base is
    the same thing's figure a year before (a stock at the date a year back)."""
    out = list(facts)
    for k in range(1, len(out)):
        fact = out[k]
        earlier = _A_YEAR_EARLIER.match(ctx.lower, fact.end)
        if fact.unit == "percent" or earlier is None or not _AGAINST_BEFORE.search(
                ctx.lower, max(0, fact.start - 24), fact.start):
            continue
        start = ctx.layout.sentence(fact.start)[0]
        line = ctx.text.rfind("\n", 0, fact.start) + 1
        before = next((f for f in reversed(out[:k]) if f.unit == fact.unit
                       and f.start >= max(start, line)), None)
        if before is None:
            continue
        period = _a_year_before(before.period)
        if period and "end" in earlier.group():  # "up from 200 at the end of last year"
            period = f"as of {int(period.removeprefix('as of ')[:4])}-12-31"
        out[k] = replace(fact, subject=before.subject, measure=before.measure,
                         period=period or fact.period, region=before.region)
    return out


def _a_year_before(period: str) -> str:
    """The same period a year earlier ("as of 2026-12-31" -> "as of 2025-12-31",
    "2026-01/2026-10" -> "2025-01/2025-10"), or ''."""
    shifted = re.sub(r"\d{4}", lambda m: str(int(m.group()) - 1), period)
    return shifted if shifted != period else ""


#: the words before a base figure, and after it: "against 226 million a year earlier"
_AGAINST_BEFORE = re.compile(r"\b(?:against|compared\s+with|versus|up\s+from|down\s+from)\s+$")
_A_YEAR_EARLIER = re.compile(r"[^,.;]{0,24}?\s+(?:a\s+year\s+(?:earlier|before|ago)|at\s+the\s+"
                             r"end\s+of\s+(?:last|the\s+previous)\s+year)\b")


def _year_to_date_totals_en(facts: list[Fact], ctx: Context) -> list[Fact]:
    """"... 109.5 million tonnes in the month, bringing the year-to-date total to 1,152
    million tonnes, an increase of 1.2%": the total is the amount before's, from January
    to the month (and so is the growth after it)."""
    out = list(facts)
    for k in range(1, len(out)):
        fact = out[k]
        if not _TO_DATE_TOTAL.search(ctx.lower, max(0, fact.start - 60), fact.start):
            continue
        sentence = ctx.layout.sentence(fact.start)[0]
        before = next((f for f in reversed(out[:k]) if f.unit == fact.unit
                       and f.start >= sentence), None)
        if before is None or before.measure != "level":
            continue  # a count added and the stock it brings are read elsewhere
        period = before.period
        if _is_month(period) and not period.endswith("-01"):
            period = f"{period[:4]}-01/{period}"
        old = fact.subject
        out[k] = replace(fact, subject=before.subject, period=period, measure=before.measure)
        for j in range(k + 1, min(k + 2, len(out))):
            if out[j].unit == "percent" and out[j].subject == old:
                out[j] = replace(out[j], subject=before.subject, period=period)
    return out


#: "bringing the year-to-date total to", "taking the total for the year so far to"
_TO_DATE_TOTAL = re.compile(
    r"\b(?:bringing|taking|lifting|raising)\s+(?:the\s+)?(?:year-to-date|cumulative|"
    r"ten-month|eleven-month|nine-month)?\s*(?:total|tally)(?:\s+for\s+the\s+year\s+so\s+far)?"
    r"\s+to\s*$")


def _products_of_producers_en(facts: list[Fact], ctx: Context) -> list[Fact]:
    """"Rolled steel products bucked the trend: mills turned out 109.5 million tonnes":
    what producers turned out after a topic and a colon is the topic's output (and the
    growth in brackets after it, its growth)."""
    out = list(facts)
    for k, fact in enumerate(facts):
        if not _PRODUCERS_MADE.match(fact.subject):
            continue
        start = ctx.layout.sentence(fact.start)[0]
        colon = ctx.text.rfind(":", start, fact.start)
        if colon < 0:
            continue
        topic = _TOPIC_VERB_EN.sub("", ctx.text[start:colon]).strip()
        if topic and len(topic) <= 60:
            subject = f"output of {topic.lower()}"
            out[k] = replace(fact, subject=subject)
            for j in range(k + 1, len(facts)):  # the brackets' growth that took the producers
                if facts[j].subject.startswith(fact.subject) and facts[j].unit == "percent":
                    out[j] = replace(out[j], subject=subject)
                else:
                    break
    return out


#: what producers did that makes a figure their output
_PRODUCERS_MADE = re.compile(
    r"^(?:the\s+)?(?:mills|makers|producers|factories|plants|manufacturers|steelmakers|"
    r"carmakers|automakers)\s+(?:turned\s+out|produced|made|churned\s+out|rolled\s+out)\b",
    re.IGNORECASE)
#: the verb phrase after a topic before its colon ("bucked the trend", "held up")
_TOPIC_VERB_EN = re.compile(
    r"\s+(?:bucked|held|kept|bore|showed|saw|remained|stayed|led|lagged|followed|did|fared|"
    r"were|was)\b.*$", re.IGNORECASE)


def _respectively_sentences(facts: list[Fact], ctx: Context
                            ) -> Iterator[tuple[int, list[int]]]:
    """(sentence start, indices of its facts) of each sentence whose figures stand in a
    "respectively" (分别) list; nothing for a text that says neither word."""
    if "respectively" not in ctx.lower and "分别" not in ctx.text:
        return
    by_sentence: dict[tuple[int, int], list[int]] = {}
    for k, fact in enumerate(facts):
        by_sentence.setdefault(ctx.layout.sentence(fact.start), []).append(k)
    for (start, _), members in by_sentence.items():
        end = facts[members[-1]].end
        # "falling 2.7% and 1.9% year on year respectively": a basis may come between
        if "respectively" in ctx.lower[start:end + 32] or "分别" in ctx.text[start:end]:
            yield start, members


def _periods_respectively(facts: list[Fact], ctx: Context) -> list[Fact]:
    """A "respectively" list whose members are periods: "output in October and in the ten
    months stood at 62.18 and 718.4 million tonnes respectively, down 3.6% and 2.6%",
    "10月份和1—10月产量分别为6218万吨和7.184亿吨": each run of figures of one unit takes
    the periods in order, and the subject without them."""
    out = list(facts)
    for start, members in _respectively_sentences(facts, ctx):
        first = facts[members[0]]
        periods = _joined_periods(ctx, start, first.start)
        if len(periods) < 2:
            continue
        words = [ctx.lower[p.start:p.end].strip() for p in periods]
        head = ""  # the list's subject, read off its first run ("pig iron output")
        for run in _unit_runs([facts[k] for k in members], members):
            if len(run) != len(periods):
                continue
            head = _without_phrases(facts[run[0]].subject, words) or head
            for k, period in zip(run, periods, strict=True):
                out[k] = replace(out[k], period=period.period, subject=head or out[k].subject)
    return out


def _growths_of_amounts_of_their_periods(facts: list[Fact], ctx: Context) -> list[Fact]:
    """"一季度生铁产量21405万吨，3月份7492万吨，同比分别下降2.4%和0.6%": a "respectively"
    run of growths right after as many amounts of different periods is of those amounts,
    one to one, each with its amount's period and subject."""
    out = list(facts)
    for _, members in _respectively_sentences(facts, ctx):
        runs = _unit_runs([facts[k] for k in members], members)
        for amounts, growths in itertools.pairwise(runs):
            if (len(amounts) != len(growths) or len(amounts) < 2
                    or any(facts[k].measure not in ("level", "count") for k in amounts)
                    or any(facts[k].measure != "growth_yoy" for k in growths)):
                continue
            periods = [facts[k].period for k in amounts]
            if len(set(periods)) < len(periods):
                continue  # one period for all: the amounts are a list of members
            for a, g in zip(amounts, growths, strict=True):
                out[g] = replace(out[g], period=periods[amounts.index(a)],
                                 subject=facts[a].subject)
    return out


def _province_of_the_sentence_zh(facts: list[Fact], ctx: Context) -> list[Fact]:
    """"分地区看，江苏省造船完工1462万载重吨，占全国的38.0%；新接订单同比增长15.7%": a
    province named for the sentence's first figure holds for its later clauses that name
    no region of their own (全国 included)."""
    out = list(facts)
    for k in range(1, len(out)):
        fact, before = out[k], out[k - 1]
        if fact.region != ctx.region or before.region in (ctx.region, "CN", "world") or (
                before.region.startswith("a ") or before.region.endswith(" region")):
            continue
        if lists.SENTENCE_END_ZH.search(ctx.text, before.end, fact.start):
            continue
        # the text is normalised: a full-width ；， reads as ;,
        clause = ctx.text[max(ctx.text.rfind(c, 0, fact.start) for c in ";,") + 1:fact.start]
        if _COUNTRY_WORDS_ZH.search(clause):
            continue
        out[k] = replace(fact, region=before.region)
    return out


_COUNTRY_WORDS_ZH = re.compile(r"全国|我国|中国|全省|全球|世界")


def _regions_respectively(facts: list[Fact], ctx: Context) -> list[Fact]:
    """A "respectively" list whose members are parts of the country: "value added in the
    eastern, central and western regions increased 6.0%, 6.6% and 6.9% respectively",
    "东部、中部、西部地区分别增长6.0%、6.6%、6.9%": the figures take the regions in order
    (read alone, each takes the region named last)."""
    out = list(facts)
    for start, members in _respectively_sentences(facts, ctx):
        first, last = facts[members[0]], facts[members[-1]]
        words = ctx.text[start:first.start]
        areas = [_AREA_NAMES[m.group(1) or m.group(2)]
                 for m in _AREA_LISTED.finditer(ctx.lower[start:first.start])]
        if len(areas) < 2 or first.region not in _AREA_NAMES.values():
            # "江苏、山东前三季度规模以上工业增加值分别增长7.1%、7.6%": provinces
            areas = subjects.provinces_named(words, ctx.lang)
        if len(areas) < 2 or len(set(areas)) != len(areas):
            continue
        for run in _unit_runs([facts[k] for k in members], members):
            listed = run[:len(areas)]
            # the list ends at "respectively" (分别 stands before it): "..., while the
            # northeast managed only 3.2%" is no member
            beyond = facts[run[len(areas)]].start if len(run) > len(areas) else last.end + 16
            if len(listed) < len(areas) or not _RESPECTIVELY.search(
                    ctx.lower, facts[listed[0]].start - 8 if ctx.lang == "zh" else start, beyond):
                continue
            # the fullest of the members' subjects, without the places ("value added in
            # Jiangsu and Shandong"; "江苏、广东两省电子信息制造业增加值": the last's)
            head = max((_without_areas(facts[k].subject, areas) for k in listed), key=len)
            for k, area in zip(listed, areas, strict=True):
                out[k] = replace(out[k], region=area, subject=head or out[k].subject)
    return out


def _without_areas(subject: str, areas: list[str]) -> str:
    head = _AREA_WORDS.sub(" ", subject)
    for area in areas:
        head = re.sub(r"\b(?:(?:in|of)\s+)?" + re.escape(area) + r"(?:'s)?\b(?:\s+and\b)?",
                      " ", head)
    return re.sub(r"\s+", " ", head).strip()


_RESPECTIVELY = re.compile(r"respectively|分别")
#: the names of the parts of the country in a subject ("value added in the eastern")
_AREA_WORDS = re.compile(r"\b(?:(?:in|of)\s+)?(?:the\s+)?(?:north-?eastern|eastern|central|"
                         r"western)(?:\s+regions?)?\b", re.IGNORECASE)


#: parts of the country as a list names them ("eastern, central and western regions",
#: "东部、中部、西部和东北地区")
_AREA_LISTED = re.compile(r"\b(north-?eastern|northeast|eastern|central|western)\b|(?<!华)"
                          r"(东部|中部|西部|东北)")
_AREA_NAMES = {"eastern": "eastern region", "central": "central region",
               "western": "western region", "northeastern": "northeastern region",
               "north-eastern": "northeastern region", "northeast": "northeastern region",
               "东部": "eastern region", "中部": "central region", "西部": "western region",
               "东北": "northeastern region"}


def _joined_periods(ctx: Context, start: int, end: int) -> list[PeriodMention]:
    """The period phrases between ``start`` and ``end`` when they stand joined as a list
    ("in October and in the ten months", "10月份和1—10月"), else []."""
    i = bisect.bisect_left(ctx.period_starts, start)
    found = []
    while i < len(ctx.periods) and ctx.periods[i].start < end:
        found.append(ctx.periods[i])
        i += 1
    for a, b in itertools.pairwise(found):
        if not _LIST_JOIN.fullmatch(ctx.lower[a.end:b.start]):
            return []
    return found


_LIST_JOIN = re.compile(r"\s*(?:,\s*)?(?:and|as\s+well\s+as)?\s*(?:in\s+|for\s+)?|[和与及、]")


def _unit_runs(facts: list[Fact], indices: list[int]) -> list[list[int]]:
    """The indices of runs of consecutive facts of one unit."""
    runs: list[list[int]] = []
    for fact, k in zip(facts, indices, strict=True):
        if runs and facts[indices.index(runs[-1][-1])].unit == fact.unit:
            runs[-1].append(k)
        else:
            runs.append([k])
    return runs


def _without_phrases(subject: str, phrases: list[str]) -> str:
    out = subject
    for phrase in phrases:
        out = re.sub(r"\s*\b(?:in\s+|for\s+)?" + re.escape(phrase) + r"\b", "", out,
                     flags=re.IGNORECASE)
    return re.sub(r"\s+(?:and|,)\s*$", "", out).strip()


def _products_of_bare_output_zh(facts: list[Fact], text: str) -> list[Fact]:
    """A Chinese 产量 that names no product: after 其中 in its line, the product of the
    figure before it ("工业机器人产量62.8万套……其中10月份产量6.85万套"); the topic its
    line opens with ("生铁方面，……产量6218万吨"); else some product's, which is never
    industry's value added (as "output" alone reads in English news): written "physical
    output", which no indicator names."""
    out: list[Fact] = []
    for fact in facts:
        if fact.subject != "output":
            out.append(fact)
            continue
        line_start = text.rfind("\n", 0, fact.start) + 1
        before = next((f for f in reversed(out) if f.start >= line_start
                       and f.subject.endswith(" output") and f.unit == fact.unit), None)
        of_which = before is not None and "其中" in text[before.end:fact.start]
        # "其中9月份，粗钢日均产量有所回落，当月产量7905万吨": the product named since
        named = [subjects.terms_zh(n) for n in _PRODUCT_OUTPUT_ZH.findall(
            text[before.end if before else line_start:fact.start])]
        product = next((n for n in reversed(named) if n), "")
        topic = subjects.topic_zh(text[line_start:fact.start])
        subject = (f"{product} output" if product else before.subject if of_which and before
                   else f"{topic} output" if topic else "physical output")
        out.append(replace(fact, subject=subject))
    return out


#: a product named with its output: "粗钢日均产量", "钢材产量"
_PRODUCT_OUTPUT_ZH = re.compile(r"([\u4e00-\u9fff]{1,6}?)(?:日均|当月|累计)?产量")


def _division_opening_the_sentence(facts: list[Fact], ctx: Context) -> list[Fact]:
    """"Textiles, a traditional pillar, stayed weak, with value added down 1.4%",
    "传统优势行业纺织业仍显疲弱，增加值下降1.4%": a bare head (value added, profits) in a
    later clause is of the division its sentence's first clause names."""
    from indmon.catalogue import Catalogue
    from indmon.extract.mapping import industry_code

    out = list(facts)
    catalogue = None
    for k, fact in enumerate(out):
        if fact.subject not in _BARE_HEADS_ALONE:
            continue
        start = ctx.layout.sentence(fact.start)[0]
        if ctx.lang == "zh":  # a Chinese list's members are set apart by semicolons
            # (the text is normalised: a full-width ； reads as ;)
            start = max(start, ctx.text.rfind(";", start, fact.start) + 1)
        first = _FIRST_CLAUSE.match(ctx.text, start)
        if first is None or first.end() >= fact.start:
            continue
        opening = first.group(1)
        words = subjects.terms_zh(opening) if ctx.lang == "zh" else opening
        catalogue = catalogue or Catalogue.load()
        if words and industry_code(words, catalogue)[:1].isdigit():
            out[k] = replace(fact, subject=f"{fact.subject} of {words.strip().lower()}")
    return out


#: subjects that are only what is measured
_BARE_HEADS_ALONE = frozenset({"value added", "profits", "total profits", "output"})
#: a sentence's first clause, up to its first comma
_FIRST_CLAUSE = re.compile(r"\s*([^,，;；:：.。\d]{2,60})[,，]")


def _of_the_division_named_before(facts: list[Fact], ctx: Context) -> list[Fact]:
    """"Value added of that division grew 2.1%", "该行业实现利润总额624亿元": the division
    named last before the reference, in its sentence or the two before it. A reference
    with no division before it changes nothing."""
    cue = _THAT_DIVISION_ZH if ctx.lang == "zh" else _THAT_DIVISION_EN
    if not (_THAT_DIVISION_ZH.search(ctx.text) if ctx.lang == "zh"
            else _refers_to_a_division_en(ctx.lower)):
        return facts  # no reference to a division in the whole text
    out = []
    for fact in facts:
        line_start = max(ctx.text.rfind("\n", 0, fact.start) + 1, fact.start - 400)
        sentence = _SENTENCE_SPLIT.split(ctx.text[line_start:fact.start])[-1]
        found = cue.search(sentence)
        name = _division_before(ctx, fact.start - len(sentence) + found.start(),
                                sectors="sector" in found.group().lower()) if found else None
        if name is None or (ctx.lang == "zh" and _ALL_INDUSTRY_BASE_ZH.search(
                ctx.text, max(0, fact.start - 16), fact.start)):
            # "该行业增加值增长1.8%，低于全部规模以上工业6.1%的增速": the base is all industry's
            out.append(fact)
        elif ctx.lang == "zh" or (found and found.group().strip().lower() == "its"):
            # a translation, "Its value added grew": the reference is no part of the subject
            out.append(replace(fact, subject=f"{fact.subject} of {name}"))
        elif _DIVISION_IN_SUBJECT.search(fact.subject):
            # "value added of that division", "division earned": the figure's own
            out.append(replace(fact, subject=_DIVISION_IN_SUBJECT.sub(name, fact.subject, 1)))
        else:  # "behind the 5.4% growth of all industry": another subject of the sentence
            out.append(fact)
    return out


def _figures_of_a_year_earlier_zh(facts: list[Fact], ctx: Context) -> list[Fact]:
    """"明显快于上年同期的4.3%", "与上年同期相比，造船完工量份额由53.9%有所提高": the
    base's own figure is of the same period a year earlier."""
    out = []
    for fact in facts:
        before = ctx.text[max(0, fact.start - 8):fact.start]
        s_start, _ = ctx.layout.sentence(fact.start)
        if _YEAR_EARLIER_OWN_ZH.search(before) or (
                before.endswith("由") and _COMPARED_WITH_A_YEAR_EARLIER_ZH.search(
                    ctx.text, s_start, fact.start)):
            fact = replace(fact, period=_a_year_before(fact.period) or fact.period)
        out.append(fact)
    return out


_YEAR_EARLIER_OWN_ZH = re.compile(r"(?:上年|去年)同期的$")
_COMPARED_WITH_A_YEAR_EARLIER_ZH = re.compile(r"与(?:上年|去年)同期相比")


#: all of industry named right before a figure it is compared with
_ALL_INDUSTRY_BASE_ZH = re.compile(r"(?:全部|全国)(?:规模以上|规上)?工业(?:增加值)?$")


def _bases_of_the_figure_before_zh(facts: list[Fact], ctx: Context) -> list[Fact]:
    """"3月份粗钢日产284.7万吨，较1—2月的272.3万吨明显提高": a base figure after 较/比 and
    its period is of what the figure before it in the sentence measures."""
    out = list(facts)
    for k in range(1, len(out)):
        fact, before = out[k], out[k - 1]
        if (fact.unit == before.unit and before.subject
                and _COMPARED_BASE_ZH.search(ctx.text, max(before.end, fact.start - 16),
                                             fact.start)
                and not lists.SENTENCE_END_ZH.search(ctx.text, before.end, fact.start)):
            out[k] = replace(fact, subject=before.subject, measure=before.measure)
    return out


#: 较/比 + a period + 的, right before a base figure
_COMPARED_BASE_ZH = re.compile(r"(?:较|比)(?:上年|去年)?[\d—\-~～至年月份季度上下半全]{1,12}的$")


def _owners_of_bare_heads_en(facts: list[Fact], ctx: Context) -> list[Fact]:
    """A figure whose subject is a bare head ("profit of", "on operating revenue of") takes
    the owner the sentence opens with: "Non-metallic mineral products fared worst: profits
    of 108.27 billion yuan" (the division's), "The division earned ..., on operating revenue
    of" (the division named before, by the pass after this one). An owner that is neither
    all industry, an ownership type, a division or a reference to one ("Computer makers
    had a harder time, ... even as profit edged up 3.4%") is a scope without a cell: the
    figure is marked ``SUB_SECTOR`` rather than read as all industry's."""
    from indmon.catalogue import Catalogue
    from indmon.extract.mapping import industry_code

    out = []
    for fact in facts:
        if not _BARE_HEAD_ONLY.match(fact.subject):
            out.append(fact)
            continue
        s_start, _ = ctx.layout.sentence(fact.start)
        # "...; manufacturers did better, with profits growing 7.2 percent": a clause after
        # a semicolon opens with its own owner
        s_start = max(s_start, ctx.text.rfind(";", s_start, fact.start) + 1)
        # "dragged down by coal mining and washing, where earnings plunged 31.2%"
        opening = (_OWNER_WHERE_EN.search(ctx.text, max(s_start, fact.start - 120), fact.start)
                   or _SENTENCE_OWNER_EN.match(ctx.text, s_start, fact.start)
                   or _OWNER_AMONG_EN.match(ctx.text, s_start, fact.start))
        owner = opening.group("owner").strip() if opening else ""
        head = _BARE_HEAD_WORDS.search(fact.subject).group()  # type: ignore[union-attr]
        if not owner or _ALL_INDUSTRY_OWNER.search(owner):
            out.append(fact)
        elif (_OWNERSHIP_OWNER.search(owner) or _DIVISION_IN_SUBJECT.search(owner)
              or _SECTOR_OWNER.match(owner)
              or industry_code(owner, Catalogue.load())[:1].isdigit()):
            out.append(replace(fact, subject=f"{head} of {owner.lower()}"))
        else:
            out.append(replace(fact, subject=f"{head} of {SUB_SECTOR} {owner.lower()}"))
    return out



def _followed_by_in_brackets_en(facts: list[Fact], ctx: Context) -> list[Fact]:
    """"... with profits rising 23.4 percent, followed by computers, communication and other
    electronic equipment (17.9 percent)": the bracketed figure is the named owner's, of what
    the growth before it measures."""
    out = list(facts)
    for k in range(1, len(out)):
        fact, before = out[k], out[k - 1]
        if fact.unit != "percent" or before.unit != "percent" or before.measure != "growth_yoy":
            continue
        followed = _FOLLOWED_BY_BRACKET_EN.search(ctx.text, max(before.end, fact.start - 120),
                                                  fact.start)
        head = _HEAD_OF_OWNER_EN.match(before.subject)
        if followed and head and ctx.layout.sentence(fact.start)[0] <= before.start:
            out[k] = replace(fact, measure="growth_yoy",
                             subject=f"{head.group('head')} of {followed.group('owner').lower()}")
    return out


def _the_province_named_before_en(facts: list[Fact], ctx: Context) -> list[Fact]:
    """"Zhejiang's operators booked 53.8 billion yuan ... The province had 328,000 5G base
    stations": "the province" is the one the sentence before named."""
    out = list(facts)
    for k in range(1, len(out)):
        fact, before = out[k], out[k - 1]
        if fact.region != ctx.region or before.region in (ctx.region, "CN", "world", ""):
            continue
        s_start, _ = ctx.layout.sentence(fact.start)
        if (ctx.layout.paragraph_start(fact.start) <= before.start < s_start
                and _THE_PROVINCE_EN.match(ctx.text, s_start, fact.start)):
            out[k] = replace(fact, region=before.region)
    return out


_THE_PROVINCE_EN = re.compile(r"\s*the\s+province(?:'s)?\b", re.IGNORECASE)


def _parts_of_the_amount_before_en(facts: list[Fact], ctx: Context) -> list[Fact]:
    """"helped enterprises raise a cumulative 5.46 trillion yuan, 630 billion yuan of it in the
    past six months": an amount "of it" with the subject of the amount before is a part of
    that amount, no cell of its own ("Manufacturers earned 702.3 billion yuan of it" names
    its own owner and keeps it)."""
    out = list(facts)
    for k in range(1, len(out)):
        fact, before = out[k], out[k - 1]
        if (fact.measure == "level" and before.measure == "level" and fact.unit == before.unit
                and fact.subject == before.subject and _OF_IT_AFTER_EN.match(ctx.text, fact.end)):
            out[k] = replace(fact, subject=f"part of the amount before {fact.subject}")
    return out


#: "5.46 trillion yuan, 630 billion yuan of it in the past six months": a part of the amount
_OF_IT_AFTER_EN = re.compile(r"\s+of\s+(?:it|that|this)\b(?!\s+(?:year|month|quarter))",
                             re.IGNORECASE)


def _parts_within_en(facts: list[Fact], ctx: Context) -> list[Fact]:
    """"Within that, lithium-ion battery manufacturing alone surged 21.3 percent": a part of
    the division just named, which no division's or sector's cell holds (unless the part
    is a division of its own)."""
    from indmon.catalogue import Catalogue
    from indmon.extract.mapping import industry_code

    catalogue = Catalogue.load()
    out: list[Fact] = []
    for fact in facts:
        s_start, _ = ctx.layout.sentence(fact.start)
        before = next((f for f in reversed(out) if f.start < s_start), None)
        # only after a division's figure: "Within that, manufacturing investment rose" after
        # all investment is a sector's figure like any other
        if (fact.subject and SUB_SECTOR not in fact.subject and before is not None
                and _WITHIN_THAT_EN.match(ctx.text, s_start, fact.start)
                and industry_code(before.subject, catalogue)[:1].isdigit()
                and not industry_code(fact.subject, catalogue)[:1].isdigit()):
            fact = replace(fact, subject=f"{SUB_SECTOR} {fact.subject}")
        out.append(fact)
    return out


_WITHIN_THAT_EN = re.compile(r"\s*(?:within|inside)\s+(?:that|this|it|the\s+division|the\s+sector)"
                             r"\s*,", re.IGNORECASE)


def _parts_that_were_en(facts: list[Fact], ctx: Context) -> list[Fact]:
    """"Vehicle factories turned out 2.74 million units, ..., and 1.86 million of them were new
    energy vehicles": the part's figure of what the whole before it measures."""
    out = list(facts)
    for k in range(1, len(out)):
        fact = out[k]
        part = _OF_THEM_WERE_EN.match(ctx.text, fact.end) if fact.unit == "count" else None
        if part is None:
            continue
        s_start, _ = ctx.layout.sentence(fact.start)
        # the whole in the sentence, or the one before: "... 13.95 million mobile base
        # stations. Some 5.74 million of them were 5G sites"
        before_start = ctx.layout.sentence(max(0, s_start - 1))[0]
        whole = next((f for f in reversed(out[:k]) if f.start >= before_start
                      and f.unit == "count" and f.measure in ("level", "count")), None)
        if whole is None:
            continue
        head = _OUTPUT_HEAD_EN.search(whole.subject)
        if head or whole.subject.startswith(("sales of", "exports of")):
            name = "output" if head else whole.subject.split(" of ", 1)[0]
            out[k] = replace(fact, subject=f"{name} of {part.group('part')}", measure="level")
        elif _COUNTED_PART_EN.search(part.group("part")):
            # "13.95 million mobile base stations ... Some 5.74 million of them were 5G sites"
            out[k] = replace(fact, subject=part.group("part"), measure="count")
    return out


#: a part that names what it counts: "5G sites", "5G users", "gigabit users"
_COUNTED_PART_EN = re.compile(r"\b(?:sites|base\s+stations|users|subscribers|ports|enterprises)$",
                              re.IGNORECASE)


_OF_THEM_WERE_EN = re.compile(
    r"\s+of\s+(?:them|these|those)\s+(?:were|was)\s+"
    # "580,000 of them were shipped abroad": a flow of the whole, not a kind of it
    r"(?!(?:shipped|exported|sold|made|produced|delivered|built)\b)"
    r"(?P<part>[a-z0-9][a-z0-9 -]{2,40}?)\s*(?:[.,;]|$)", re.IGNORECASE)


def _industry_in_the_headline_en(facts: list[Fact], ctx: Context) -> list[Fact]:
    """"Car plants power Chongqing's industry to 7.4% growth", a page's headline above its
    first sentence: the growth of industry's value added the story reports, of the region
    the headline names."""
    out = []
    for fact in facts:
        if fact.unit != "percent" or fact.value <= 0:
            out.append(fact)
            continue
        line_start = ctx.text.rfind("\n", 0, fact.start) + 1
        line_end = ctx.text.find("\n", fact.end)
        line = ctx.text[line_start:line_end if line_end >= 0 else len(ctx.text)].strip()
        if (line_start > 0 and len(line) <= _HEADLINE_CHARS and line[-1:].isalnum()
                and ctx._is_headline((line_start, line_start + len(line)))
                and _INDUSTRY_GROWING_EN.search(line)):
            region = subjects.region_en(line, "", False, ctx.region)
            fact = replace(fact, subject="value added of industry", measure="growth_yoy",
                           region=region if region != "CN" else ctx.region)
        out.append(fact)
    return out


_HEADLINE_CHARS = 100
#: a headline on industry's growth: "... Hunan's factories on a 7.3% growth path"
_INDUSTRY_GROWING_EN = re.compile(
    r"\b(?:industry|industrial\s+(?:output|production|economy)|factories|factory\s+output)\b"
    r"[^%]{0,30}?\d[\d.]*\s*%\s*(?:growth|expansion|rise|gain)?\b"
    r"|\b(?:industry|factories|industrial\s+output)\s+(?:grows?|expands?|rises?|up)\b",
    re.IGNORECASE)


def _with_a_part_moving_en(facts: list[Fact], ctx: Context) -> list[Fact]:
    """"Automobile output climbed 7.4%, with new-energy vehicles surging 21.5% to 1.78 million
    units": the part's figures are of what the sentence's first figure measures (its
    output), the part named after "with"."""
    out = list(facts)
    for k in range(1, len(out)):
        fact = out[k]
        part = _WITH_PART_MOVING_EN.match(fact.subject)
        if part is None:
            continue
        s_start, _ = ctx.layout.sentence(fact.start)
        first = next((f for f in out[:k] if f.start >= s_start and f.subject), None)
        head = _OUTPUT_HEAD_EN.search(first.subject) if first else None
        if head:
            out[k] = replace(fact, subject=f"output of {part.group('part')}")
    return out


#: "with new-energy vehicles surging", "new-energy vehicles surging 21.5% to"
_WITH_PART_MOVING_EN = re.compile(
    r"^(?:with\s+)?(?P<part>[a-z][a-z -]{2,40}?)\s+(?:surging|soaring|rising|climbing|growing|"
    r"jumping|gaining|falling|dropping|sliding|up|down)(?:\s+(?:by\s+)?[\d.]+\s*%\s+to)?$",
    re.IGNORECASE)
_OUTPUT_HEAD_EN = re.compile(r"\b(?:output|production)\b", re.IGNORECASE)


def _losses_which_totalled_en(facts: list[Fact], ctx: Context) -> list[Fact]:
    """"132,700 enterprises reported losses, which totalled 1,024.58 billion yuan": the
    amount is the loss-making enterprises' losses."""
    return [replace(f, subject="losses of loss-making enterprises")
            if f.subject == "which" and f.measure == "level" and _LOSSES_WHICH_EN.search(
                ctx.lower, max(0, f.start - 60), f.start) else f for f in facts]


_LOSSES_WHICH_EN = re.compile(
    r"\bloss(?:es)?,\s+which\s+(?:totall?ed|amounted\s+to|came\s+to|reached|added\s+up\s+to)\s+$")
#: "followed by computers, communication and other electronic equipment (": the owner
_FOLLOWED_BY_BRACKET_EN = re.compile(
    r"\bfollowed\s+by\s+(?:makers\s+of\s+)?(?P<owner>[A-Za-z][A-Za-z,'\- ]{2,90}?)\s*\(\s*$")


def _owners_before_whose_en(facts: list[Fact], ctx: Context) -> list[Fact]:
    """"followed by makers of computers, communication and other electronic equipment,
    whose profits surged 23.6 percent": the head is of the name before "whose"."""
    out: list[Fact] = []
    for fact in facts:
        s_start, _ = ctx.layout.sentence(fact.start)
        whose = _WHOSE_HEAD_EN.search(ctx.lower, max(s_start, fact.start - 60), fact.start)
        if not whose and out and out[-1].start >= s_start and out[-1].subject.startswith(
                f"{fact.subject} of ") and fact.subject in _WHOSE_HEADS:
            # "whose value added expanded 8.5% in the month and has gained 8.1% since
            # January": the second verb's figure is the same owner's
            out.append(replace(fact, subject=out[-1].subject))
            continue
        if whose:
            before = ctx.text[s_start:whose.start()]
            # "The main driver was the equipment sector, whose value added expanded 8.5%"
            before = _RANKED_AS_EN.sub("", before)
            owner = subjects.whole_name_en(before, before.rsplit(",", 1)[-1].strip())
            if owner and not any(c.isdigit() for c in owner):
                fact = replace(fact, subject=f"{whose.group('head')} of {owner.lower()}")
        out.append(fact)
    return out


#: what ranks the owner before ", whose": "The main driver was", "The laggard was"
_RANKED_AS_EN = re.compile(
    r"^\s*(?:the\s+)?(?:main|chief|biggest|largest|key|top|weakest)?\s*(?:driver|engine|"
    r"laggard|drag|contributor|standout|bright\s+spot)\s+(?:was|were|is|are)\s+", re.IGNORECASE)
_WHOSE_HEADS = ("profits", "value added", "output", "revenue", "sales")
#: ", whose profits surged": a relative clause whose head belongs to the name before it
_WHOSE_HEAD_EN = re.compile(
    r",\s+whose\s+(?P<head>" + "|".join(h.replace(" ", r"\s+") for h in _WHOSE_HEADS)
    + r")\s+[a-z]+(?:\s+by)?\s*$")


def _ships_of_a_shipbuilding_release_en(facts: list[Fact], ctx: Context) -> list[Fact]:
    """A release titled for shipbuilding in the trade press's words: tonnage "handed over"
    is completions, tonnage "booked" or "contracted" new orders, "the orderbook" orders on
    hand, "54.8% of world deliveries" the world share; growth after such an amount is its.
    "export deliveries" are export ships handed over, never export delivery value."""
    if not _SHIP_TITLE_EN.search(subjects.title_of(ctx.text[:600]).lower()):
        return facts
    out = list(facts)
    for k, fact in enumerate(out):
        s_start, _ = ctx.layout.sentence(fact.start)
        if "deliver" in fact.subject.lower():
            out[k] = fact = replace(fact, subject=_EXPORT_DELIVERIES_EN.sub(
                "completions of export ships", fact.subject))
        if _SHIP_SUBGROUP_EN.search(ctx.lower, s_start, min(len(ctx.lower), fact.end + 40)):
            continue  # export ships', key yards' figures: no cell of all of shipbuilding
        if fact.unit == "deadweight_ton":
            # "accounted for 4.92 million dwt of deliveries": the word after, else before
            measure = _ship_measure_before(ctx.lower, fact.end, fact.end + 24) if (
                ctx.lower.startswith(" of ", fact.end)) else ""
            measure = measure or _ship_measure_before(ctx.lower, s_start, fact.start)
            if measure:
                out[k] = replace(fact, subject=measure)
        elif fact.unit == "percent" and fact.measure == "share":
            world = _WORLD_SHARE_AFTER_EN.match(ctx.lower, fact.end)
            if world:
                measure = _SHIP_MEASURES[_ship_word(world.group("what"))]
                out[k] = replace(fact, subject=f"share of world {measure}")
        elif (fact.unit == "percent" and fact.measure == "growth_yoy" and k
              and out[k - 1].unit == "deadweight_ton" and out[k - 1].subject in _SHIP_SUBJECTS
              and not _SENTENCE_BREAK.search(ctx.text, out[k - 1].end, fact.start)):
            out[k] = replace(fact, subject=out[k - 1].subject)  # "..., up 5.7% year on year"
    return out


def _ship_measure_before(lower: str, start: int, end: int) -> str:
    """What the trade-press word nearest before a tonnage says it is, or ''."""
    words = list(_SHIP_WORDS_EN.finditer(lower, start, end))
    return _SHIP_MEASURES[_ship_word(words[-1].group())] if words else ""


def _ship_word(word: str) -> str:
    if word.startswith(("hand", "deliver", "complet")):
        return "completions"
    if word.startswith(("order", "backlog")) and word not in ("ordered",):
        return "orderbook" if word != "orders" else "orders"
    return "orders"


_SHIP_WORDS_EN = re.compile(
    r"\b(?:handed\s+over|delivered|deliveries|completed|completions|booked|ordered|"
    r"contracted|contracting|new\s+orders|fresh\s+business|new\s+business|orderbook|"
    r"backlog)\b")
_SHIP_MEASURES = {"completions": "shipbuilding completions", "orders": "new shipbuilding orders",
                  "orderbook": "orders on hand"}
_SHIP_SUBJECTS = frozenset(_SHIP_MEASURES.values())
#: a part of the country's shipbuilding named in the sentence
_SHIP_SUBGROUP_EN = re.compile(
    r"\b(?:export(?:ed)?\s+(?:ships|vessels|tonnage|orders)|for\s+export|exports?\b|"
    r"key\s+(?:monitored\s+)?(?:enterprises|yards|shipbuilders)|monitored|leading|biggest|"
    r"largest|top\s+\w+|big\s+yards|of\s+which|among\s+them|compensated\s+gross|"
    # "Their contracting came to 25.71 million dwt": the group the sentence before names
    r"their\s+(?:contracting|orderbook|deliveries|completions|orders|new\s+orders))")
#: a share of the world's: "54.8% of world deliveries", "68.3% of global contracting"
_WORLD_SHARE_AFTER_EN = re.compile(
    r"\s+of\s+(?:the\s+)?(?:world|global|worldwide)(?:'s)?\s+(?P<what>deliveries|completions|"
    r"contracting|new\s+orders|orders|orderbook|new\s+business)\b")


_SHIP_TITLE_EN = re.compile(r"\b(?:ships?|shipbuild\w*|shipyards?|yards?|orderbooks?|maritime)\b")
_EXPORT_DELIVERIES_EN = re.compile(r"(?i)\bexport\s+deliveries\b")


def _per_hundred_yuan_en(fact: Fact, ctx: Context) -> Fact:
    """"Each 100 yuan of revenue yielded 6.10 yuan of profit": an amount per a base, no
    total (the mapper leaves such figures unmapped)."""
    if fact.unit != "cny" or fact.subject.startswith("per hundred yuan"):
        return fact
    s_start, _ = ctx.layout.sentence(fact.start)
    if _PER_HUNDRED_YUAN_EN.search(ctx.lower, s_start, fact.start):
        return replace(fact, subject=f"per hundred yuan {fact.subject}")
    return fact


_PER_HUNDRED_YUAN_EN = re.compile(r"\b(?:each|every|per)\s+(?:100|hundred)\s+yuan\b")


def _of_the_figure_before_a_month_en(facts: list[Fact]) -> list[Fact]:
    """"Crude steel output ... came to 251.64 million tonnes. March alone accounted for 88.27
    million tonnes": a subject that is only a month is the figure's before it, of its unit."""
    out = list(facts)
    for k in range(1, len(out)):
        if _ONLY_A_MONTH_EN.match(out[k].subject):
            # "..., edging up 0.9%": the growth of the amount right before it
            amount = out[k - 1] if out[k].unit == "percent" and out[k - 1].measure in (
                "level", "count") else None
            before = amount or next((f for f in reversed(out[max(0, k - 3):k])
                                     if f.unit == out[k].unit and f.subject
                                     and not _ONLY_A_MONTH_EN.match(f.subject)), None)
            if before is not None:
                out[k] = replace(out[k], subject=before.subject)
    return out


_ONLY_A_MONTH_EN = re.compile(
    r"(?i)^(?:in\s+)?(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december)(?:\s+alone|\s+by\s+itself|\s+on\s+its\s+own)?$")


def _vehicles_of_a_car_release_en(facts: list[Fact], ctx: Context) -> list[Fact]:
    """"Sales climbed to 3.12 million units", "output totalled 7.96 million and deliveries
    8.08 million" in a release titled for the car market: the vehicles' figures, never
    industry's output. A title naming industry as a whole changes nothing."""
    title = subjects.title_of(ctx.text[:600]).lower()
    if not _CAR_TITLE_EN.search(title) or _INDUSTRY_TITLE_EN.search(title):
        return facts
    out = []
    for fact in facts:
        bare = _BARE_VEHICLE_HEAD_EN.match(fact.subject)
        s_start, _ = ctx.layout.sentence(fact.start)
        kind = _KIND_OF_VEHICLE_EN.search(ctx.lower, s_start, fact.start) if bare else None
        if bare and fact.unit in ("count", "percent") and kind and kind.group() in _KIND_NAMES_EN:
            # "NEV makers delivered 2.19 million cars ..., while output reached 2.14 million":
            # the kind named before owns the bare head
            said = " ".join(bare.group("head").lower().split())
            fact = replace(fact, subject=f"{_VEHICLE_HEADS.get(said, said)} of "
                                         f"{_KIND_NAMES_EN[kind.group()]}")
        elif bare and fact.unit in ("count", "percent") and not kind:
            # "Sales climbed to 3.12 million units": the vehicles', or those of the kind the
            # sentence before opens with
            said = " ".join(bare.group("head").lower().split())
            head = _VEHICLE_HEADS.get(said, said)
            opening = _kind_opening_the_sentence_before(ctx, s_start)
            fact = replace(fact, subject=f"{head} of {opening or 'vehicles'}")
        out.append(fact)
    return out


def _kind_opening_the_sentence_before(ctx: Context, s_start: int) -> str | None:
    """"Output of new-energy vehicles reached 2.03 million in October. Sales rose to 2.08
    million": the kind of vehicle the sentence before (in the same paragraph) opens with
    owns the bare head of the next one."""
    if s_start == 0 or ctx.layout.paragraph_start(s_start) >= s_start or not (
            _BARE_HEAD_OPENING_EN.match(ctx.lower, s_start)):
        return None  # "For January-March, output totalled ...": a sentence of its own
    before_start, _ = ctx.layout.sentence(s_start - 1)
    opening = _KIND_OPENING_EN.match(ctx.lower, before_start, s_start)
    return _KIND_NAMES_EN[opening.group("kind")] if opening else None


#: a sentence opening with a bare head: "Sales rose to 2.08 million"
_BARE_HEAD_OPENING_EN = re.compile(r"\s*(?:output|production|sales|deliveries|exports|shipments)\b")
#: a sentence opening with a kind of vehicle: "Output of new-energy vehicles", "NEV sales"
_KIND_OPENING_EN = re.compile(
    r"\s*(?:(?:output|production|sales|exports|deliveries)\s+of\s+)?(?:the\s+)?"
    r"(?P<kind>nevs?|new-energy|new\s+energy|passenger)\b")
_KIND_NAMES_EN = {"nev": "new energy vehicles", "nevs": "new energy vehicles",
                  "new-energy": "new energy vehicles", "new energy": "new energy vehicles",
                  "passenger": "passenger vehicles"}


_CAR_TITLE_EN = re.compile(r"\b(?:cars?|auto(?:mobile)?s?|vehicles?|nevs?|new-energy\s+models|"
                           r"car\s+market)\b")
_KIND_OF_VEHICLE_EN = re.compile(r"\b(?:nevs?|new-energy|new\s+energy|passenger|commercial|"
                                 r"electric|hybrid|trucks?|buses)\b")
_INDUSTRY_TITLE_EN = re.compile(r"\b(?:industr\w*|factor(?:y|ies)|value\s+added|economy)\b")
#: what a car release states with no owner: output, sales, deliveries, exports
_BARE_VEHICLE_HEAD_EN = re.compile(
    # "January-June production", "year-to-date exports": the span is the period's
    r"(?i)^(?:(?:january|february)[-–][a-z]+\s+|year-to-date\s+|first-half\s+|half-year\s+)?"
    r"(?P<head>output|production|sales|deliveries|exports|cumulative\s+exports|"
    r"(?:wholesale\s+)?shipments(?:\s+abroad)?|wholesale\s+deliveries)"
    r"(?:\s+of\s+vehicles)?(?:\s+(?:during|in|for)\s+the\s+(?:month|quarter))?$")
#: the head a car release's word stands for
_VEHICLE_HEADS = {"deliveries": "sales", "cumulative exports": "exports", "shipments": "sales",
                  "wholesale shipments": "sales", "shipments abroad": "exports",
                  "wholesale deliveries": "sales",
                  "production": "output"}


def _parts_of_a_whole_en(facts: list[Fact], ctx: Context) -> list[Fact]:
    """"New-energy models contributed 238,000 of those shipments", "New-energy vehicles
    accounted for 2.12 million of them": the part's figure of what the whole measures (its
    words, else the figure before's), so the NEVs' exports or output, not a bare count."""
    out = list(facts)
    for k, fact in enumerate(out):
        if fact.unit == "percent" or not _OF_AFTER_EN.match(ctx.text, fact.end):
            continue
        s_start, _ = ctx.layout.sentence(fact.start)
        if not _PART_OF_A_WHOLE_EN.search(ctx.text, max(s_start, fact.start - 24), fact.start):
            continue
        whole = ctx.lower[fact.end:fact.end + 40]
        head = _WHOLE_HEAD_EN.search(whole) or next(
            (found for f in reversed(out[max(0, k - 3):k])
             if fact.start - f.end < 300 and (found := _WHOLE_HEAD_EN.search(f.subject.lower()))),
            None)
        if head:
            word = _WHOLE_HEADS.get(head.group(), head.group())
            out[k] = replace(fact, subject=f"{word} of {fact.subject}", measure="level")
    return out


def _parts_named_after_en(facts: list[Fact], ctx: Context) -> list[Fact]:
    """"broadband users totalled 725 million ... Some 297 million of them are on gigabit
    connections": the part's users (or subscribers) are named after the figure."""
    out = list(facts)
    for k in range(1, len(out)):
        fact, whole = out[k], out[k - 1]
        part = _OF_THEM_ON_EN.match(ctx.lower, fact.end) if fact.unit == "count" else None
        counted = _COUNTED_WHOLE_EN.search(whole.subject.lower()) if part else None
        if part and counted:
            out[k] = replace(fact, subject=f"{part['what']} {counted.group()}")
    return out


_OF_THEM_ON_EN = re.compile(
    r"\s+(?:\w+\s+)?of\s+them\s+(?:are|were|have|had|use|used|now\s+use)\s+(?:on|with|using)\s+"
    r"(?P<what>[a-z0-9][a-z0-9 -]{1,30}?)(?=\s*\(|\s+(?:connections?|plans?|access|lines?|"
    r"networks?)\b|\s*[,.;])")
_COUNTED_WHOLE_EN = re.compile(r"\b(?:users|subscribers|subscriptions|customers)\b")


#: what a whole measures, as its words or the figure before name it
_WHOLE_HEAD_EN = re.compile(r"\b(?:exports|shipments|output|production|sales|deliveries)\b")
_WHOLE_HEADS = {"shipments": "exports", "deliveries": "sales"}


def _output_of_the_sentence_opener_en(facts: list[Fact], ctx: Context) -> list[Fact]:
    """"New-energy vehicles bucked the trend: their output reached 624,500 units", "Large
    companies fared best, their PMI rising 0.8 point to 51.7": output or an index that
    "their" or "its" owns is of the thing the sentence opens with, never industry's or the
    headline PMI."""
    out = []
    for fact in facts:
        s_start, _ = ctx.layout.sentence(fact.start)
        owned = _POSSESSED_OUTPUT_EN.search(ctx.lower, s_start, fact.start)
        opener = _SENTENCE_OPENER_EN.match(ctx.text, s_start, owned.start()) if owned else None
        owner = opener.group("owner").lower() if opener else ""
        head = (owned.group("head") or owned.group("head2")) if owned else ""
        if owned and owned.group().startswith("with") and not _names_a_division(owner):
            owner = ""  # "Industry held up, with value added up 5.6%": no owner of its own
        if owner and fact.subject.lower() in ("output", "production", "pmi", "index", owner,
                                              f"{owner} pmi", "value added", "profits"):
            # "Construction was the star performer, its index soaring 3.4 points to 55.9"
            fact = replace(fact, subject=(f"{owner} {head}" if head in ("pmi", "index")
                                          else f"{head} of {owner}"))
        out.append(fact)
    return out


#: "their output", "its production": a possessive that points back to an owner
_POSSESSED_OUTPUT_EN = re.compile(
    r"\b(?:(?:their|its)\s+(?P<head>output|production|pmi|index|value\s+added|profits)"
    # "Electronics remained the standout, with value added up 15.6%"
    r"|with\s+(?P<head2>value\s+added|profits|output)\s+(?:up|down|rising|growing|falling))\b")


def _names_a_division(owner: str) -> bool:
    from indmon.catalogue import Catalogue
    from indmon.extract.mapping import industry_code

    return bool(owner) and industry_code(owner, Catalogue.load())[:1].isdigit()
#: the noun phrase a sentence opens with, before its verb: "New-energy vehicles bucked"
_SENTENCE_OPENER_EN = re.compile(
    r"\s*(?P<owner>[A-Z][\w'-]*(?:\s+[a-z][\w'-]*){0,4}?)\s+(?:[a-z]+ed|were|was|saw|kept|"
    r"held|went|grew|rose|fell|made)\b")


def _owners_recorded_after_en(facts: list[Fact], ctx: Context) -> list[Fact]:
    """"Well ahead of the 5.6% recorded by industry as a whole": a figure whose owner
    follows it is that owner's, with the head of what the subject measures."""
    out = []
    for fact in facts:
        after = _RECORDED_BY_EN.match(ctx.lower, fact.end)
        head = _HEAD_OF_SUBJECT_EN.search(fact.subject) if after else None
        if after and head:
            owner = ctx.text[after.start("owner"):after.end("owner")].strip()
            fact = replace(fact, subject=f"{head.group().lower()} of {owner}")
        out.append(fact)
    return out


_RECORDED_BY_EN = re.compile(
    r"\s+(?:recorded|posted|logged|registered|achieved|managed|seen)\s+by\s+"
    r"(?P<owner>(?:the\s+)?[a-z][a-z' -]{2,50}?)(?=\s*[,.;)]|\s+(?:in|over|for|during)\s|$)")
_HEAD_OF_SUBJECT_EN = re.compile(
    r"value\s+added|(?:total\s+)?profits?|operating\s+revenue|revenue|output|investment",
    re.IGNORECASE)


def _investment_by_industry_en(facts: list[Fact], ctx: Context) -> list[Fact]:
    """"Spending in the secondary industry rose 10.6%, while the tertiary industry saw a
    1.7% contraction": one of the three industries named alone in a sentence about
    investment is the investment in it, never that industry's share of GDP."""
    out = []
    for fact in facts:
        if _THREE_INDUSTRIES_ALONE.match(fact.subject):
            s_start, _ = ctx.layout.sentence(fact.start)
            if _INVESTMENT_WORDS_EN.search(ctx.lower, s_start, fact.start):
                fact = replace(fact, subject=f"investment in {fact.subject}")
        out.append(fact)
    return out


_THREE_INDUSTRIES_ALONE = re.compile(r"^(?:the\s+)?(?:primary|secondary|tertiary)\s+"
                                     r"(?:industry|sector)$", re.IGNORECASE)
_INVESTMENT_WORDS_EN = re.compile(r"\binvest\w*|\bspending\b")


#: a subject that names what it measures: "value added of industrial enterprises ..."
_NAMED_HEAD_EN = re.compile(r"\b(?:value\s+added|profits?|revenue|investment|output|production|"
                            r"index|pmi)\b", re.IGNORECASE)


def _bases_of_the_figure_before_en(facts: list[Fact], ctx: Context,
                                   named_heads_only: bool = False) -> list[Fact]:
    """"Profits ... up 7.9 percent and faster than the 7.2 percent logged for
    January-October": a base whose words name no subject of their own (only the figure
    before and the comparison) is of the subject of the figure before it."""
    out = list(facts)
    based: set[int] = set()  # the bases given the subject of the figure before
    for k in range(1, len(out)):
        fact, before = out[k], out[k - 1]
        if named_heads_only and not _NAMED_HEAD_EN.search(before.subject):
            continue  # before the lists and pronouns are read: only a subject named in full
        same_sentence = ctx.layout.sentence(fact.start)[0] <= before.start
        if (before.unit == fact.unit and before.subject
                and _COMPARED_BEFORE_EN.search(ctx.lower, max(0, fact.start - 40), fact.start)
                and _NO_SUBJECT_OF_ITS_OWN.match(fact.subject) and same_sentence):
            out[k] = replace(fact, subject=before.subject, measure=before.measure)
        elif (before.unit == fact.unit and before.subject and same_sentence
              and before.measure == fact.measure
              and fact.measure in ("growth_yoy", "level", "count")
              and (fact.unit == "percent") == (fact.measure == "growth_yoy")
              and _a_base_of_the_figure_before(ctx, fact, before, k - 1 in based)):
            # "grew 7.4 percent ..., nudging up from 7.2 percent in January-August and a
            # 7.0 percent pace at the half-year mark", "a pick-up from August's 6.9 percent":
            # the same subject's growth at the base periods
            out[k] = replace(fact, subject=before.subject)
            based.add(k)
        elif (before.unit == fact.unit == "percent" and before.subject
              and _AGAINST_BETWEEN_EN.fullmatch(ctx.lower, before.end, fact.start)
              and _NATIONWIDE_AFTER_FIGURE_EN.match(ctx.lower, fact.end)):
            # "grew 12.3 percent, against 9.0 percent nationwide": the country's figure of it
            out[k] = replace(fact, subject=before.subject, measure=before.measure, region="CN")
    return out


def _a_base_of_the_figure_before(ctx: Context, fact: Fact, before: Fact,
                                 before_is_base: bool) -> bool:
    """"nudging up from 7.2 percent", "a pick-up from August's 6.9 percent", and the base
    after a base ("... and a 7.0 percent pace"): a growth the figure before is set against."""
    if _SPAN_EARLIER_AFTER_EN.match(ctx.lower, fact.end):
        return False  # "against 16,200 nine months earlier": a base at a date not read here
    if _words_between(ctx, fact, before) and _FROM_BASE_BEFORE_EN.search(
            ctx.lower, max(before.end, fact.start - 60), fact.start):
        return True
    return before_is_base and bool(_ANOTHER_BASE_EN.fullmatch(ctx.lower, before.end,
                                                               fact.start))


_SPAN_EARLIER_AFTER_EN = re.compile(
    r"\s+(?:two|three|four|five|six|seven|eight|nine|ten|eleven|\d+)\s+(?:months|quarters|years)\s+"
    r"(?:earlier|before|ago)")


def _words_between(ctx: Context, fact: Fact, before: Fact) -> bool:
    """Whether a fact's subject is only words between the figure before and it."""
    # the index readings' pass may have put "PMI" or "index" after those words
    said = fact.subject.lower().removesuffix(" pmi").removesuffix(" index")
    return bool(said) and said in ctx.lower[before.end:fact.start]


#: a growth's base after the figure: "nudging up from", "a pick-up from August's", "an
#: improvement on the"
_FROM_BASE_BEFORE_EN = re.compile(
    r"\b(?:(?:pick-?up|picking\s+up|up|down|improvement|acceleration|slowdown|rebound|recovery|"
    r"rise|increase|gain)\s+(?:from|on|over)|after|against|compared\s+with)\s+"
    r"(?:the\s+|an?\s+|[a-z]+'s\s+)?"
    # "after April's brisk 7.6% advance", "compared with a gain of 6.6 percent in July"
    r"(?:brisk|strong|robust|solid|weak|modest|sharp|slight|meagre|meager|healthy)?\s*"
    r"(?:(?:gain|rise|increase|growth|expansion|advance)\s+of\s+)?$")
#: "... from 7.2 percent in January-August and a 7.0 percent pace": another base
_ANOTHER_BASE_EN = re.compile(r"(?:\s+(?:in|for|at|during)\s+[^,;.\d]{1,30}?)?\s+and\s+"
                              r"(?:an?\s+|the\s+)?")


_AGAINST_BETWEEN_EN = re.compile(r"(?:\s+[a-z][\w-]*){0,4}\s*,\s*(?:against|compared\s+with|"
                                 r"versus|vs\.?)\s+")
_NATIONWIDE_AFTER_FIGURE_EN = re.compile(
    r"\s+(?:nationwide|nationally|for\s+the\s+(?:country|nation)(?:\s+as\s+a\s+whole)?"
    # "compared with 9.1 percent for high-tech manufacturing nationwide"
    r"|for\s+[a-z][a-z -]{0,40}?\s+(?:nationwide|nationally))\b")


_COMPARED_BEFORE_EN = re.compile(r"\b(?:faster|slower|quicker|higher|lower|more|less|better|"
                                 r"worse)\s+than\s+"
                                 r"(?:the\s+)?$")
#: a subject of figure words and a comparison: "up 7.9 percent and faster than the"
_NO_SUBJECT_OF_ITS_OWN = re.compile(
    r"^(?:(?:up|down|rising|falling|growing|a\s+gain\s+of|an?\s+increase\s+of)\s+)?[\d.,]+\s*"
    r"(?:%|percent|per\s+cent)?\s*(?:and\s+|,\s*)?(?:(?:a\s+)?(?:shade|touch|bit|little)\s+)?"
    r"(?:faster|slower|quicker|higher|lower|more|less|better|worse)\s+than(?:\s+the)?$|^that$",
    re.IGNORECASE)

#: a subject that is only what is measured, its owner left behind in the sentence
_HEAD_OF_AGGREGATE = (r"(?:total\s+)?(?:profits?|earnings|operating\s+(?:revenue|income)|revenue|"
                      r"operating\s+costs|export\s+delivery\s+value)")
_BARE_HEAD_ONLY = re.compile(
    r"^(?:(?:yet|but|and|while|whereas)\s+)?(?:on\s+)?(?:(?:a|the|its|their)\s+)?"
    + _HEAD_OF_AGGREGATE + r"(?:\s+of)?$", re.IGNORECASE)
_BARE_HEAD_WORDS = re.compile(_HEAD_OF_AGGREGATE, re.IGNORECASE)
#: a growth's subject "<head> of <owner>": the head the next owner's figure shares
_HEAD_OF_OWNER_EN = re.compile(r"(?P<head>" + _HEAD_OF_AGGREGATE + r"|value\s+added)\s+of\s",
                               re.IGNORECASE)
#: the owner a sentence opens with, before its verb: "Communication equipment makers
#: generated", "The division earned", "Non-metallic mineral products fared worst:"
_SENTENCE_OWNER_EN = re.compile(
    r"\s*(?:[-*•]\s*)?(?:(?:[A-Za-z]+\s+){1,8}(?:showed|shows|show|said|says|indicated)\s+"
    r"(?:that\s+)?)?(?P<owner>[A-Za-z][A-Za-z'\- ]{2,80}?)\s+(?:earned|made|generated|posted|"
    r"reported|recorded|realised|realized|achieved|had|fared|saw|turned|booked|logged|"
    r"did\s+(?:better|worse))\b")
#: the owner named before ", where" and the bare head: "coal mining and washing, where
#: earnings plunged"
_OWNER_WHERE_EN = re.compile(
    r"(?:\bby\s+|\bin\s+)(?P<owner>[A-Za-z][A-Za-z'\- ]{2,60}?),\s+where\s+[a-z ]{0,40}$")
#: an owner ranked among others, whose name may hold commas: "Manufacture of railway,
#: ships, aerospace and other transport equipment was among the fastest, with profits"
_OWNER_AMONG_EN = re.compile(
    r"\s*(?P<owner>[A-Za-z][A-Za-z,'\- ]{2,90}?)\s+(?:was|were|ranked)\s+(?:among|one\s+of)\s+"
    r"the\s+(?:fastest|strongest|best|biggest|weakest|worst|slowest)\b")
#: owners that are all of industry: the figure is the total's, as the bare head reads
_ALL_INDUSTRY_OWNER = re.compile(
    r"^(?:the\s+)?(?:country's\s+|nation's\s+|china's\s+)?(?:major\s+|large\s+)?"
    r"(?:industrial\s+(?:firms|enterprises|companies|sector)|industry|enterprises|firms|"
    r"companies)\b", re.IGNORECASE)
#: a sector by its name alone: "computer manufacturers" is no owner of manufacturing's figure
_SECTOR_OWNER = re.compile(
    r"(?:the\s+)?(?:manufacturing|manufacturers|mining|miners|utilities)(?:\s+(?:sector|industry))?$",
    re.IGNORECASE)
_OWNERSHIP_OWNER = re.compile(
    r"\b(?:state[- ]holding|state[- ]owned|private|foreign[- ]funded|foreign|joint[- ]stock|"
    r"shareholding|collective)\b", re.IGNORECASE)


def _division_before(ctx: Context, at: int, sectors: bool = False) -> str | None:
    """The English name of the division (or, with ``sectors``, the sector: "Manufacturing
    did most of the lifting. The sector's value added ...") named last in the three
    sentences before ``at``."""
    from indmon.catalogue import Catalogue
    from indmon.extract.mapping import industry_code

    catalogue = Catalogue.load()
    window = ctx.text[max(0, at - 600):at]
    if sectors:  # only a sector the sentence before opens with
        opening = " ".join(_SENTENCE_SPLIT.split(window.rstrip())[-1].split()[:3])
        code = industry_code(opening, catalogue)
        return catalogue.sectors[code].name("en").lower() if code in catalogue.sectors else None
    for sentence in reversed(_SENTENCE_SPLIT.split(window)[-3:]):
        code = industry_code(sentence, catalogue)
        if code[:1].isdigit():
            return catalogue.industries[code].name("en").lower()
    return None


_SENTENCE_SPLIT = re.compile(r"(?<=[.;])\s+|[。；]")
_THAT_DIVISION_EN = re.compile(r"\b(?:that|this|the)\s+division\b|\b(?:that|this)\s+"
                               r"(?:industry|sector)\b|^\s*its\s|\bthe\s+sector['’]s\b",
                               re.IGNORECASE)
_DIVISION_IN_SUBJECT = re.compile(r"\b(?:that|this|the)\s+division\b|\b(?:that|this)\s+"
                                  r"(?:industry|sector)\b|^division\b|^(?:the\s+)?sector['’]s\b",
                                  re.IGNORECASE)
_THAT_DIVISION_ZH = re.compile(r"该(?:行业|产业|大类)|这一行业")


def _refers_to_a_division_en(lower: str) -> bool:
    """Whether a lowered text has any of the references ``_THAT_DIVISION_EN`` looks for in
    a sentence: "that division", "this sector", "Its" opening a sentence or a line.

    Three searches that the engine can skip through (a first letter each), instead of one
    pattern tried at every position of the text (a tenth of a text's extraction time)."""
    return bool(_THAT_DIVISION_ANYWHERE_EN.search(lower) or _ITS_AFTER_SENTENCE_END.search(lower)
                or _ITS_OPENING.match(lower) or _ITS_OPENING_LINE.search(lower))


_THAT_DIVISION_ANYWHERE_EN = re.compile(
    word_start(["that", "this", "the"]) + r"\s+division\b|" + word_start(["that", "this"])
    + r"\s+(?:industry|sector)\b|" + word_start(["the"]) + r"\s+sector['’]s\b")
_ITS_AFTER_SENTENCE_END = re.compile(r"[.;]\s+its\s")
_ITS_OPENING = re.compile(r"its\s")
_ITS_OPENING_LINE = re.compile(r"\nits\s")


class _ScopeCues(NamedTuple):
    """Which of the rarer scopes a text words at all, looked for once per text (most
    texts name no city, no ranking's leaders and no monitored sample)."""

    places: bool
    top_groups: bool
    key_enterprises: bool
    company_headings: bool

    @classmethod
    def of(cls, ctx: Context, lang: str) -> _ScopeCues:
        return cls(places.names_a_place(ctx.text, lang),
                   _TOP_GROUPS.search(ctx.lower) is not None, lang == "zh" and "重点" in ctx.text,
                   _has_company_headings(ctx))


def _scoped(fact: Fact, ctx: Context, lang: str, cues: _ScopeCues) -> Fact:
    """The fact with the scope its words give it written into its subject, where the
    subject alone would read as the country's total: a daily rate ("2.3 million tonnes a
    day", 日均), a ratio to population ("34.2 per 10,000 residents", 每万人), the figures
    of an association's members ("key member mills", 会员企业), a city's or an economic
    zone's ("Chengdu generated", 成都市, ``indmon.extract.places``). No catalogue indicator
    states these scopes, so such figures stay unmapped instead of landing on the total."""
    # the words around the figure in lower case: the scope patterns are written for it
    line_start = ctx.text.rfind("\n", 0, fact.start) + 1
    begin = max(line_start, fact.start - 300)
    before = ctx.lower[begin:fact.start]
    after = ctx.lower[fact.end:fact.end + 24]
    clause = _CLAUSE_START.split(before)[-1]
    scope = _scope_of_the_words(before, clause, after)
    if scope:
        return replace(fact, subject=f"{scope} {fact.subject}")
    original = ctx.text[begin:fact.start]
    if ((_names_a_company_word(original) and _COMPANY.search(_CLAUSE_START.split(original)[-1]))
            or (cues.company_headings and _in_a_section_on_companies(ctx, fact))):
        # "Qiansheng Automation shipped 41,500 industrial robots", 某某集团实现营业收入: one
        # enterprise's figure, never the country's
        return replace(fact, subject=f"company level {fact.subject}")
    if (("member" in before or "会员" in before) and _MEMBERS.search(before)
            and not _NATIONAL_TOTAL.search(clause + after)):
        return replace(fact, subject=f"member enterprises' {fact.subject}")
    if not (cues.top_groups or cues.key_enterprises or cues.places):
        return fact
    *_, sentence = _SENTENCE_SPLIT.split(before)
    if cues.top_groups and _TOP_GROUPS.search(sentence):
        # "销量排名前十位的汽车企业集团共销售汽车871万辆", "the top ten groups sold"
        return replace(fact, subject=f"top enterprises' {fact.subject}")
    if cues.key_enterprises and _KEY_ENTERPRISES_ZH.search(sentence) and (
            "key" not in fact.subject):
        # "重点监测造船企业造船完工3671万载重吨；承接新船订单7540万载重吨": the sample's
        return replace(fact, subject=f"key enterprises' {fact.subject}")
    original_before = ctx.text[begin:fact.start]
    if lang != "zh" and cues.places:
        # "..., the category that covers the battery makers around Guiyang, surged 31.4%"
        original_before = subjects.without_asides_en(original_before)
    if cues.places and _of_a_place(*_sentence_and_earlier(original_before), lang):
        return replace(fact, subject=f"city level {fact.subject}")
    return fact


def _scope_of_the_words(before: str, clause: str, after: str) -> str:
    """The scope the words around a figure (lower case) give it: a daily rate, a ratio to
    population, a two-year average, a batch recognised at once; else ''."""
    if _DAILY_AFTER.match(after) or _DAILY_BEFORE.search(clause):
        return "daily"
    if _PER_POPULATION.search(clause) or _PER_POPULATION_AFTER.match(after):
        return "per capita"
    if ("two" in before or "three" in before or "年平均" in before) and _YEARS_AVERAGE.search(
            before):
        return "two year average"
    if ("批" in clause or "batch" in clause) and _BATCH.search(clause):
        # "认定了第七批……“小巨人”企业共1090家": the batch's count, not the stock
        return "recognised batch"
    return ""


def _sentence_and_earlier(before: str) -> tuple[str, list[str]]:
    *earlier, sentence = _SENTENCE_SPLIT.split(before)
    # "……其中沈阳、大连两市制造业企业生产保持活跃；电力……增长3.8%": a clause after a
    # semicolon is a member of its own, the place before it not its scope
    return _SEMICOLON.split(sentence)[-1], earlier


def _of_a_place(sentence: str, earlier: list[str], lang: str) -> bool:
    """Whether the sentence of a figure states it for a city or an economic zone, by name
    or, opening with "It", after a sentence that names one."""
    if places.names_a_place(sentence, lang):
        return True
    return bool(earlier) and places.continues_a_place(sentence) and places.names_a_place(
        earlier[-1], lang)


_CLAUSE_START = re.compile(r",(?!\d)|[;:，；：。]|\.\s")  # not the comma of "10,000"
#: a batch named by its number: 第七批, "the seventh batch"
_BATCH = compile_lower(r"第[一二三四五六七八九十\d]+批|\b(?:first|second|third|fourth|fifth|sixth|"
                       r"seventh|eighth|ninth|tenth|new|latest|\d+(?:st|nd|rd|th))\s+batch\b")
# the scope patterns run on lowered text (``indmon.extract.fastre``), words first
_DAILY_AFTER = compile_lower(r"^\s*(?:a|per|each)\s+day\b|^[吨辆台万亿个]*/日")
_DAILY_BEFORE = compile_lower(word_start(["daily", r"a\s+day", r"per\s+day"])
                              + r"\b|日均|日产|每日|平均每天")
_PER_POPULATION = compile_lower(
    word_start(["per", "every", "each", r"for\s+every"])
    + r"\s+(?:10,000|10\s000|ten\s+thousand|100|hundred|1,000|thousand)\s+"
    r"(?:people|residents|inhabitants|persons|population)\b|"
    + word_start([r"per\s+capita"]) + r"\b|每(?:万|百|千)(?:人|户|人口)|人均")
_PER_POPULATION_AFTER = compile_lower(
    r"^[^,.;，。；]{0,12}\b(?:per|for\s+every)\s+(?:10,000|ten\s+thousand|100|hundred)\s+"
    r"(?:people|residents|inhabitants)\b")
#: a word every ``_COMPANY`` name holds, looked for as plain text before the pattern runs
_COMPANY_WORDS = ("Automation", "Group", "Co.", "Corp", "Ltd", "Limited", "Inc", "Robotics",
                  "Motors", "Holdings", "公司", "集团")


def _names_a_company_word(words: str) -> bool:
    return any(word in words for word in _COMPANY_WORDS)


def _has_company_headings(ctx: Context) -> bool:
    """Whether any line of the text could be a ``_COMPANIES_HEADING``: its words looked for
    as plain text first, as the pattern would be tried at every position of the text."""
    return bool(("企业" in ctx.text and _COMPANIES_HEADING_ZH.search(ctx.text))
                or _COMPANIES_HEADING_EN.search(ctx.lower))


def _in_a_section_on_companies(ctx: Context, fact: Fact) -> bool:
    """Whether a figure stands under a heading on particular enterprises ("七、部分会员企业
    情况", "Company round-up"): each of its figures is one company's."""
    heading = ctx.layout.heading_above(fact.start)
    return heading is not None and bool(
        _COMPANIES_HEADING.search(ctx.text, heading[0], heading[1]))


_COMPANIES_HEADING = re.compile(
    r"(?:部分|重点)?(?:会员)?企业(?:情况|动态|风采)|"
    r"\b(?:company|companies|corporate)\s+(?:news|round-?up|in\s+focus|highlights)\b",
    re.IGNORECASE)
#: the Chinese words of ``_COMPANIES_HEADING`` from their fixed start (found as fast as
#: ``str.find``)
_COMPANIES_HEADING_ZH = re.compile(r"企业(?:情况|动态|风采)")
#: the English words of ``_COMPANIES_HEADING``, on lowered text, from their first letter
_COMPANIES_HEADING_EN = re.compile(r"co(?<!\wco)(?:mpany|mpanies|rporate)\s+"
                                   r"(?:news|round-?up|in\s+focus|highlights)\b")
#: a named company: "Qiansheng Automation", "Huaxin Robotics Co.", 某某股份有限公司
_COMPANY = re.compile(
    r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,3}\s+(?:Automation|Group|Co\.|Corp\.?|Corporation|Ltd\.?|"
    r"Limited|Inc\.?|Robotics|Motors|Holdings)(?=[\s,'’])|[\u4e00-\u9fff]{2,12}"
    r"(?:股份有限公司|有限公司|集团公司|集团(?!化))")
#: a growth averaged over years: "Averaged over two years, ... growth was 5.4%", 两年平均增长
_YEARS_AVERAGE = compile_lower(
    word_start([r"averag(?:ed|ing)?\s+over\s+(?:the\s+)?(?:past\s+)?(?:two|three)\s+years",
                r"two[- ]year\s+average", r"three[- ]year\s+average"]) + r"|(?:两|三)年平均")
#: an association's reporting members: "key member enterprises", "member mills", 会员企业
_MEMBERS = compile_lower(
    word_start(["member"]) + r"\s+(?:enterprises|mills|companies|firms|steelmakers)\b|"
    r"(?:^|[.;]\s+)members\b|会员(?:钢铁)?企业")
#: the leading few of a ranking: 排名前十位的企业集团, "the top ten carmakers"
_TOP_GROUPS = compile_lower(
    r"前(?:十|10|五|5|二十|20|三|3)(?:位|名|家|强)?的?[\u4e00-\u9fff]{0,8}(?:企业|集团)|"
    + word_start(["top"]) + r"\s+(?:ten|10|five|5|three|3|twenty|20)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:groups|enterprises|companies|firms|makers|carmakers|automakers|producers)\b")
#: a sentence about a monitored sample of enterprises: 重点监测造船企业, 重点统计钢铁企业
_KEY_ENTERPRISES_ZH = re.compile(r"^\s*(?:[^，。；]{0,8}[，,])?重点(?:监测|统计|调查|联系)?"
                                 r"[\u4e00-\u9fff]{0,6}企业")
#: the country's total set beside the members' ("78.5% of the national total")
_NATIONAL_TOTAL = compile_lower(word_start(["national", "nationwide"]) + r"\b|全国")


def _in_the_clusters(facts: list[Fact], ctx: Context) -> list[Fact]:
    """"The 400 clusters are home to 18,900 specialised SMEs and 2,760 little giants",
    集群内有专精特新中小企业1.89万家: the enterprises counted in a sentence about the SME
    clusters are the clusters' (``sme_cluster_*``), never the country's whole count."""
    if "cluster" not in ctx.lower and "集群" not in ctx.text:
        return facts
    out = []
    for fact in facts:
        if _CULTIVATED_ENTERPRISES.search(fact.subject) and "cluster" not in fact.subject:
            s_start, _ = ctx.layout.sentence(fact.start)
            if _OPENS_WITH_THEM.match(ctx.lower, s_start):
                # "They are home to about 126,000 SMEs, among them 18,900 ...": the
                # sentence before names what "they" are
                s_start = ctx.layout.sentence(max(0, s_start - 2))[0]
            if _CLUSTERS_BEFORE.search(ctx.lower, s_start, fact.start):
                fact = replace(fact, subject=f"{fact.subject} in the clusters")
        out.append(fact)
    return out


_CULTIVATED_ENTERPRISES = re.compile(
    r"speciali[sz]ed|little\s+giant|single\s+champion|innovative\s+(?:smes|small)",
    re.IGNORECASE)
_CLUSTERS_BEFORE = re.compile(r"\bclusters?\b|集群")
_OPENS_WITH_THEM = re.compile(r"\s*(?:they|these|those|their|其中|这些|其)")


def _of_a_titled_grouping(facts: list[Fact], ctx: Context) -> list[Fact]:
    """An association's release on a grouping of divisions the catalogue has no code for
    ("China petrochemicals, January-October", 石油和化学工业经济运行简况): its aggregates
    that name no division ("Their total profits shrank 6.7%", 全行业……实现利润总额) are the
    grouping's, never all industry's; they are marked ``SUB_SECTOR`` so that no cell takes
    them. Figures said to be all industry's ("industry as a whole", 全部规模以上工业) and a
    division's keep their cells."""
    if not _GROUPING_TITLE.search(subjects.title_of(ctx.text[:600])):
        return facts
    from indmon.catalogue import Catalogue
    from indmon.extract.mapping import industry_code

    catalogue = Catalogue.load()
    out = []
    for fact in facts:
        if (_AGGREGATE_HEAD.search(fact.subject) and not _ALL_INDUSTRY_SAID.search(fact.subject)
                and SUB_SECTOR not in fact.subject
                and industry_code(fact.subject, catalogue) == "ALL"
                and not _ALL_INDUSTRY_SAID.search(_clause_before(ctx, fact))):
            fact = replace(fact, subject=f"{SUB_SECTOR} {fact.subject}")
        out.append(fact)
    return out


def _clause_before(ctx: Context, fact: Fact) -> str:
    start, _ = ctx.layout.clause(fact.start, fact.end)
    return ctx.text[start:fact.start]


#: a title naming a grouping across divisions that no industry code states, or an
#: industry outside industry (the software and IT services of section I)
_GROUPING_TITLE = re.compile(r"\bpetrochemical|\bpetroleum\s+and\s+chemical|\boil\s+and\s+chemical"
                             r"|石油和化学工业|石油和化工|石化行业|石化产业"
                             r"|\bsoftware\b|软件和信息技术服务业|软件业", re.IGNORECASE)
#: what an industry aggregate measures (not a product's output, not a price)
_AGGREGATE_HEAD = re.compile(r"\b(?:profits?|revenue|loss\w*|enterprises|firms|companies|"
                             r"value\s+added|export\s+delivery|costs?)\b|"
                             r"利润|收入|亏损|企业|增加值|出口交货值|成本", re.IGNORECASE)
#: all industry said in so many words
_ALL_INDUSTRY_SAID = re.compile(r"\b(?:industry\s+as\s+a\s+whole|all\s+(?:of\s+)?industry|"
                                r"national\s+industr\w*|nationwide|whole\s+of\s+industry)\b|"
                                r"全部(?:规模以上)?工业|全国规模以上工业|全国工业", re.IGNORECASE)


def _of_the_titled_industry(facts: list[Fact], ctx: Context) -> list[Fact]:
    """"Operating revenue of the industry", "the sector's value added" in a release whose
    title names one division ("China electronics output, January-October"): the
    division's. A title naming no division, or a sector, changes nothing."""
    if not any(_THE_INDUSTRY.search(f.subject) for f in facts):
        return facts
    from indmon.catalogue import Catalogue
    from indmon.extract.mapping import industry_code

    catalogue = Catalogue.load()
    code = industry_code(subjects.title_of(ctx.text[:600]), catalogue)
    if not code[:1].isdigit():
        return facts
    name = catalogue.industries[code].name("en").lower()
    named = {ctx.layout.paragraph_start(f.start) for f in facts
             if _THE_INDUSTRY.search(f.subject)}
    out = []
    for f in facts:
        if _THE_INDUSTRY.search(f.subject):
            f = replace(f, subject=_THE_INDUSTRY.sub(lambda m: name + (m.group(1) or ""),
                                                    f.subject))
        elif _BARE_HEAD.match(f.subject) and ctx.layout.paragraph_start(f.start) in named:
            # "Operating revenue of the industry reached ...; total profit amounted to":
            # the paragraph goes on about the industry
            f = replace(f, subject=f"{f.subject.removesuffix(' of')} of {name}")
        out.append(f)
    return out


#: a subject that is only what is measured, of no one named
_BARE_HEAD = re.compile(r"^(?:total\s+)?(?:profits?|operating\s+revenue|revenue|value\s+added)"
                        r"(?:\s+of)?$", re.IGNORECASE)


#: the industry a release is about, named by reference
_THE_INDUSTRY = re.compile(r"\b(?:the|this)\s+(?:industry|sector)\b('s)?|\bsector's\b",
                           re.IGNORECASE)


def _tables(ctx: Context, text: str) -> tables.Table:
    """The tables written as text in a release (``indmon.extract.tables``): their rows
    are read by column, not as sentences. ``text`` as written: normalizing turns the
    full-width spaces that part cells into plain ones."""
    # most releases have no column separator at all: looked for as plain text first
    if "\n" not in text or not (_has_columns(text) or tables.has_factbox(text)):
        return tables.Table([], [])
    find = find_periods_zh if ctx.lang == "zh" else find_periods_en

    def period_of(words: str) -> str:
        if not words:
            return ""
        found = find(words, ctx.time, Anchors(lowered(words), word_start=ctx.lang != "zh"))
        if not found and ctx.lang != "zh":  # a header's bare month: "May growth (%)"
            words = f"in {words}"
            found = find(words, ctx.time, Anchors(lowered(words), word_start=True))
        # "比上年增长（%）": the base a growth column is compared with, not its period
        found = [f for f in found if not f.is_base]
        return found[0].period if found else ""

    def province_of(label: str) -> str:
        if len(label) > (6 if ctx.lang == "zh" else 24):
            return ""
        if ctx.lang == "zh":
            return subjects.region_zh(label, "", False, default="")
        return subjects.region_en(label, "", False, default="")

    return tables.read_tables(text, ctx.lang, period_of, province_of)


def _has_columns(text: str) -> bool:
    return any(sep in text for sep in _TABLE_SEPARATORS) and bool(_TABLE_SEPARATOR.search(text))


_TABLE_SEPARATORS = ("\t", "  ", "\u3000", "|")
#: a column separator of a table written as text, before a figure
_TABLE_SEPARATOR = re.compile(r"\S(?:\t|  |　|\s\|\s)\s*[+\-−]?\d")


def _with_table_figures(facts: list[Fact], table: tables.Table, ctx: Context) -> list[Fact]:
    """The facts with the figures of tables among them, in text order."""
    read = [Fact(doc=ctx.doc, start=f.start, end=f.end, mention=ctx.text[f.start:f.end],
                 value=f.value, unit=f.unit, measure=f.measure,
                 # the words a sentence would state it in, named as sentences' subjects are
                 subject=(subjects.subject_zh(f.subject, f.subject, "", False)
                          if ctx.lang == "zh" else subjects.tidy_subject(f.subject)),
                 period=f.period or ctx._heading_period(f.start) or ctx.time.topic,
                 region=f.province or ctx.region)
            for f in table.figures]
    return sorted(facts + read, key=lambda f: f.start)


#: the end of a sentence of prose: a full stop after a word, then a space or a line end
_PROSE_SENTENCE_END = re.compile(r"[\w%)）][。！？]|[\w%)][.!?](?:\s|$)")


_EARNING_VERBS = (" earned", " made", " posted", " realized", " realised", " reported",
                  " pocketed", " booked", " netted", " raked in")


def _earned(fact: Fact) -> str:
    """The subject of what enterprises "earned": their profits, once."""
    if "profit" in fact.subject.lower():
        return fact.subject.rsplit(None, 1)[0]  # "total profits of joint-stock enterprises"
    return subjects.earned_by_en(fact.subject, fact.unit)


def _units_shared(facts: list[Fact], text: str) -> list[Fact]:
    """"falling 0.4 and 0.2 percentage points", "grew 5.9, 2.8 and 5.1 percent", "上升0.5和
    0.6个百分点": a bare number joined to the next figure takes its unit, measure and sign
    (one verb states them all)."""
    out = list(facts)
    for k in range(len(out) - 2, -1, -1):
        fact, after = out[k], out[k + 1]
        joined = _JOINED.fullmatch(text, fact.end, after.start)
        if joined and "," in joined.group() and facts[k + 1].unit != "count":
            joined = None  # "read 51.6, 0.3 percentage points higher": a comma joins bare
            # numbers of a list ("5.9, 2.8 and 5.1 percent"), not a figure and its change
        # "down 1.1 and 0.6 points": index points, read as a change of a count
        points = after.unit == "count" and after.measure == "change" and bool(
            _POINTS_AFTER_EN.match(text[after.end:after.end + 24].lower()))
        if points and joined and "," in joined.group() and _COMPARED_AFTER_POINTS_EN.match(
                text, after.end):
            joined = None  # "improved to 50.8, 0.6 point higher than a month ago"
        if (fact.unit == "count" and (after.unit in ("percent", "percentage_point") or points)
                and "." in fact.mention and fact.mention.replace(".", "").isdigit()
                and joined):
            value = abs(fact.value) if after.value >= 0 else -abs(fact.value)
            out[k] = replace(fact, unit=after.unit, measure=after.measure, value=value,
                             subject=after.subject or fact.subject)
    return out


#: the comparison after index points: " point higher than", " points from"
_COMPARED_AFTER_POINTS_EN = re.compile(
    r"\s*(?:index\s+)?points?\s+(?:higher|lower|up|down|more|less|above|below|from|than|on)\b",
    re.IGNORECASE)
#: between two figures that share the second's unit: "0.5和0.6个百分点", "1.8个和1.1个百分点"
_JOINED = re.compile(r"\s*个?\s*(?:,\s*(?:and\s+)?|and|or|和|与|及|、|，)\s*")


def _other_surveys(facts: list[Fact], ctx: Context) -> list[Fact]:
    """The figures of a survey other than the bureau's ("the Hanyu-Fidelis China General
    Manufacturing PMI climbed to 51.3"), named "private survey ...": they are no figures
    of the official PMI's cells. A release whose title names such a survey is its survey's
    throughout; in other texts, from the paragraph naming it until one names the official
    survey alone; a sentence that names the bureau or the official index is the bureau's."""
    if not _names_a_survey(ctx.text):
        return facts
    title_end = ctx.text.find("\n")
    private = _names_a_survey(ctx.text[:title_end if 0 < title_end < 400 else 400])
    starts = ctx.layout.paragraph_starts
    state: dict[int, bool] = {}
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(ctx.text)
        paragraph = ctx.text[start:end]
        if _names_a_survey(paragraph) or _PRIVATE_SURVEY.search(paragraph):
            private = True
        elif _OFFICIAL_SURVEY.search(paragraph):
            private = False
        state[start] = private
    out = []
    for fact in facts:
        sentence = ctx.text[slice(*ctx.layout.sentence(fact.start))]
        if (state.get(ctx.layout.paragraph_start(fact.start)) and fact.subject
                and not _OFFICIAL_SURVEY.search(sentence)):
            fact = replace(fact, subject=f"private survey {fact.subject}")
        out.append(fact)
    return out


#: a survey named by its compiler: "Hanyu-Fidelis China General Manufacturing PMI",
#: "汉宇富德中国制造业采购经理指数"
_SURVEY_NAMED = re.compile(
    r"\b(?!(?:The|Official|China|NBS|National|Bureau|Statistics|CFLP)\b)[A-Z][\w&]*"
    r"(?:[- ][A-Z][\w&]*)*\s+China\s+(?:General\s+)?(?:Manufacturing|Services|Composite)\s+PMI\b"
    r"|(?<!国家统计局)(?<!统计局)[\u4e00-\u9fff]{2,8}中国(?:通用)?制造业(?:采购经理指数|PMI)")
#: where a compiler's name would end: the words of a survey's title after it
_SURVEY_TITLE_WORDS = (" China General ", " China Manufacturing PMI", " China Services PMI",
                       " China Composite PMI", "中国制造业", "中国通用制造业")


def _names_a_survey(text: str) -> bool:
    """Whether a text names a survey by its compiler (looked for only where a survey's
    title words stand: the pattern would be slow over a whole release)."""
    for words in _SURVEY_TITLE_WORDS:
        at = text.find(words)
        while at >= 0:
            if _SURVEY_NAMED.search(text, max(0, at - 40), at + 60):
                return True
            at = text.find(words, at + 1)
    return False


#: a survey called private, as the wire calls it after naming it: "the private survey",
#: "the privately compiled gauge"
_PRIVATE_SURVEY = re.compile(r"(?i)\bprivate(?:ly\s+compiled)?\s+(?:survey|gauge|pmi|index)|"
                             r"\bprivately\s+compiled")
#: the bureau's own survey named
_OFFICIAL_SURVEY = re.compile(r"(?i)\bofficial\b|\bNBS\b|National\s+Bureau\s+of\s+Statistics|"
                              r"statistics\s+bureau|国家统计局|统计局|官方")


def _non_manufacturing_indices(facts: list[Fact], ctx: Context) -> list[Fact]:
    """"Demand in non-manufacturing stayed soft. The new orders index was 46.8 percent":
    a sub-index read in a paragraph on non-manufacturing is the non-manufacturing one."""
    return [replace(f, subject=f"non-manufacturing {f.subject}")
            if _in_non_manufacturing_paragraph(f, ctx) else f for f in facts]


def _in_non_manufacturing_paragraph(fact: Fact, ctx: Context) -> bool:
    subject = fact.subject.lower()
    if ("index" not in subject and "指数" not in subject) or "manufacturing" in subject or (
            "pmi" in subject) or any(own in subject for own in _OWN_NON_MANUFACTURING_INDICES):
        return False
    before = ctx.lower[ctx.layout.paragraph_start(fact.start):fact.start]
    at = max(before.rfind("non-manufacturing"), before.rfind("非制造业"))
    if at < 0:
        # "II. Operation of China's Non-manufacturing PMI", then "The new orders index was
        # 47.1 percent": the section's heading names it
        heading = ctx.layout.heading_above(fact.start)
        return heading is not None and _names_non_manufacturing(
            ctx.lower[heading[0]:heading[1]]) and "manufacturing pmi" not in before and (
            "制造业pmi" not in before)
    # the paragraph turned to it, and not back to manufacturing since
    return "manufacturing pmi" not in before[at + 18:] and (
        "制造业pmi" not in before[at + 4:].replace("非制造业", ""))


#: the non-manufacturing survey's parts that name themselves
_OWN_NON_MANUFACTURING_INDICES = ("construction", "services", "composite", "建筑业", "服务业",
                                  "综合")


def _names_non_manufacturing(words: str) -> bool:
    return "non-manufacturing" in words or "非制造业" in words


def _national_rates_en(facts: list[Fact], ctx: Context) -> list[Fact]:
    """"Guangdong's value added grew 4.8%, lower than the national rate of 5.2%": the
    country's figure of the subject before it in the sentence, not "the national rate"."""
    out = list(facts)
    for k, fact in enumerate(out):
        if not (fact.region == "CN" and _NATIONAL_RATE_EN.search(
                ctx.lower, max(0, fact.start - 40), fact.start)):
            continue
        before = next((f for f in reversed(out[max(0, k - 3):k])
                       if f.unit == fact.unit and f.region != "CN"
                       and fact.start - f.end < 200), None)
        if before is not None:
            out[k] = replace(fact, subject=before.subject, measure=before.measure)
    return out


_NATIONAL_RATE_EN = re.compile(
    r"\bnational\s+(?:growth\s+)?(?:rate|average|figure|level|growth|pace|gain|increase|rise|"
    r"decline|drop)"
    r"\s+(?:of\s+)?$")


def extract_file(path: Path, published: str | None = None) -> list[Fact]:
    """Read a release file (UTF-8 or GB18030) and extract its facts; ``doc`` is the stem.
    ``published`` (ISO date) is the release date when the text does not say it."""
    document = read_document(Path(path))
    return extract_facts(document.text, document.doc, lang=document.lang, published=published)
