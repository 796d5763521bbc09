"""Pronoun subjects: give "it" (and "the growth rate") the subject of the figure it
stands for.

News reports of releases name a figure's subject once and then say "it": "Value added of
industry rose 4.8% year on year in November. From January to November, it grew 5.9%."
Chinese releases write 其, 它 or 该 ("1—11月份，其同比增长5.9%"). Left as it is, the
second figure's subject is "it" (or nothing), which no indicator names, so the figure
stays unmapped.

The antecedent is the subject of the figures before the pronoun in its own sentence, else
in the sentence before it (in the same paragraph). It is taken only when those figures
(of the pronoun's unit, when any has it) have one subject between them: after a list
("cement fell 7.9% and crude steel 3.1%. It ...") the pronoun could be either, and the
figure stays unmapped rather than guessed.

A difference in points whose subject is only "the growth rate" ("value added grew 3%, and
the growth rate was 0.3 percentage points higher than in the fourth quarter") is the
growth of the growth figure before it, found the same way among growth figures.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import NamedTuple

from indmon.extract import subjects
from indmon.extract.facts import Fact

#: subjects that are only a pronoun, maybe after a period phrase ("in the first half it")
_PRONOUN_EN = re.compile(
    r"^(?P<streak>consecutive\s+\w+\s+)?(?:of\s+)?(?:(?:in|during|for|from)\s[\w\s-]*?\s)?"
    r"(?:on\s+an?\s+[\w-]+\s+basis\s+)?(it|they|that|this)$")
#: a month said alone that "brought" a figure, naming nothing else: "August alone brought
#: a rise of 7.8 percent" (of what the sentence before stated)
_MONTH_ALONE_EN = re.compile(
    r"^(?:in\s+)?(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\s+(?:alone|on\s+its\s+own|by\s+itself)\s+(?:brought|saw|showed|"
    r"recorded|posted|delivered|registered)\s+(?:an?\s+)?(?:[a-z-]+\s+)?(?:rise|gain|increase|"
    r"growth|expansion|jump|climb|advance)\s+of$")
#: how far back a figure's clause is looked for (clauses are shorter; the bound keeps
#: the scans of a long text linear)
_CLAUSE_WINDOW = 300
#: the ends of sentences (a pronoun's antecedent is in its sentence or the one before)
_SENTENCE_ENDS_EN = (". ", "! ", "? ", ".\n", "\n")
_SENTENCE_ENDS_ZH = ("。", "！", "？", "\n")
#: a clause that opens (after its period phrase) with 其/它/它们/该, optionally 该 + a class
#: noun, then what it states: not 其中 ("of which"), 其他/其余 ("other"), 该 + a name
_PRONOUN_ZH = re.compile(
    r"(?:^|[，,；;：:])\s*(?:[^，,；;：:。]{0,12}?(?:月份?|季度|年|以来)[，,]?\s*)?"
    r"(?:其|它们?|该(?:行业|产业|产品|指数|指标)?)(?![中他余它次批])的?"
    r"([^，,；;：:。]{0,12})$")
#: a clause that states only its month and verb ("其中，8月当月增长7.8%"): the subject is
#: the one of the figures before, as with a pronoun
_MONTH_ALONE_ZH = re.compile(
    r"(?:^|[，,；;：:。])\s*(?:其中[，,]?\s*)?(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})月份?"
    r"(?:当月|单月)?[，,]?\s*(?:同比)?(?:增长|下降|增速为?|为)$")
#: what a pronoun clause may state between the pronoun and the figure: its verb, or a head
#: term before the verb ("其增加值同比增长")
_HEADS_ZH = ("增加值", "产量", "营业收入", "利润总额", "利润", "收入", "投资", "销量")


def resolve_pronouns(facts: list[Fact], text: str, lang: str) -> list[Fact]:
    """The facts with pronoun subjects replaced by their antecedent's subject."""
    out = list(facts)
    for k in range(len(out)):
        out[k] = _resolved(out, k, text, lang)
    return out


def _resolved(out: list[Fact], k: int, text: str, lang: str) -> Fact:
    """``out[k]`` with the subject its pronoun (or "the growth rate", "the pace", "That
    compares with") stands for, or unchanged."""
    fact = out[k]
    pronoun = _pronoun(fact, text, lang)
    if pronoun is not None:
        antecedent = (_first_growth_before(out, k, pronoun.at, text, lang) if pronoun.first
                      else _antecedent(out, k, pronoun.at, text, lang))
        if antecedent is None:
            return fact
        if pronoun.head and pronoun.head not in antecedent:
            antecedent = f"{pronoun.head} of {antecedent}"
        return replace(fact, subject=antecedent)
    if (at := _bare_growth(fact, text, lang)) is not None:
        antecedent = _antecedent(out, k, at, text, lang, measure="growth_yoy")
        return replace(fact, subject=f"growth of {antecedent}") if antecedent else fact
    if lang == "zh" or fact.unit != "percent":
        return fact
    if (at := _compared_sentence(fact, text)) is not None:
        # "That compares with 7.4 percent for January-August": the growth of the sentence
        # before, at the periods the comparison names
        antecedent = _antecedent(out, k, at, text, lang, measure="growth_yoy")
    elif _PACE_EN.match(fact.subject.lower()):
        # "The pace was slower than October's 7.9%": the growth stated before
        # "reached 2.07 trillion yuan, and its growth reached 9.4%": the amount before in
        # the sentence; else the growth stated before
        # "Month on month, output expanded 0.47%. For the quarter as a whole, growth came to
        # 5.4%": the year-on-year growth stated before, up to three sentences back
        antecedent = (_antecedent_in_sentence(out, k, text)
                      or _antecedent(out, k, fact.start, text, lang, measure="growth_yoy",
                                     back=3))
    else:
        return fact
    return replace(fact, subject=antecedent, measure="growth_yoy") if antecedent else fact


#: a growth rate's subject that is only "the pace" or "the growth"
_PACE_EN = re.compile(r"^(?:the\s+|its\s+|that\s+)?"
                      # "its January-August growth stood at 6.3%": the span's
                      r"(?:(?:january|february)[-–](?:[a-z]+)\s+|year-to-date\s+)?"
                      r"(?:pace|growth(?:\s+rate)?|rate\s+of\s+growth)"
                      # "Growth in November alone quickened to 7.5 percent"
                      # "growth for the third quarter as a whole came to 8.0 percent"
                      r"(?:\s+(?:in|for|during|over)\s+(?:the\s+)?[a-z-]+"
                      r"(?:\s+(?:quarter|half|months?|as\s+a\s+whole|alone)){0,2})?"
                      r"(?:\s+(?:was|is|came\s+in|stood))?$")


#: a sentence that compares the figure before with others: "That compares with 7.4 percent"
_COMPARED_SUBJECT_EN = re.compile(r"^(?:compares|compared)\s+with\b")
_COMPARED_OPENING_EN = re.compile(r"(?:that|this|it)\s+(?:compares|compared)\s+with\b",
                                  re.IGNORECASE)

#: a period phrase after a figure: "7.4 percent for January-August", "in the first half"
_PERIOD_AFTER_EN = re.compile(
    r"\s+(?:for|in|during|over)\s+(?:the\s+)?(?:first|second|third|fourth|final|last|previous|"
    r"same|whole|full|january|february|march|april|may|june|july|august|september|october|"
    r"november|december|\d{4})\b", re.IGNORECASE)


def _compared_sentence(fact: Fact, text: str) -> int | None:
    """Where a sentence opening "That compares with" starts, when it holds the figure."""
    if not _COMPARED_SUBJECT_EN.match(fact.subject.lower()):
        return None
    start = _sentence_start(text, fact.start, _SENTENCE_ENDS_EN)
    if not _COMPARED_OPENING_EN.match(text, start):
        return None
    # "with 5.6% for industry as a whole" compares with another subject's figure
    return start if _PERIOD_AFTER_EN.match(text, fact.end) else None


#: a change whose subject is only the growth rate: "and the growth rate was 0.3
#: percentage points higher than in the fourth quarter" (of the growth stated before)
_BARE_GROWTH_EN = re.compile(r"^(?:growth(?:\s+rate)?|rate\s+of\s+growth|increase)$")


def _bare_growth(fact: Fact, text: str, lang: str) -> int | None:
    """Where "the growth rate" stands when it is a change's whole subject, else None."""
    if lang == "zh" or fact.measure != "change" or fact.unit != "percentage_point":
        return None
    if not _BARE_GROWTH_EN.match(fact.subject.strip().lower()):
        return None
    lo = max(0, fact.start - _CLAUSE_WINDOW)
    clause = max(lo, max(text.rfind(c, lo, fact.start) for c in ",;:.\n") + 1)
    found = text.lower().rfind(fact.subject.strip().lower().split()[0], clause, fact.start)
    # "growth came to 5.4%, a slowdown of 0.4 percentage point": the growth before the
    # figure in its sentence, the clause holding none
    return found if found >= 0 else fact.start


class _Pronoun(NamedTuple):
    #: where the pronoun stands: its antecedent is stated before
    at: int
    #: the head term stated with the pronoun, in the glossary's English ("value added" of
    #: 其增加值), or ""
    head: str
    #: the antecedent is the first figure's subject of the sentence before: "其中，8月当月
    #: 增长7.8%" after a sentence that also set the country's figure beside the province's
    first: bool = False


def _pronoun(fact: Fact, text: str, lang: str) -> _Pronoun | None:
    """The pronoun that is the fact's subject, or None."""
    if lang != "zh":
        only = _PRONOUN_EN.match(fact.subject.strip().lower())
        if only is None:
            alone = _MONTH_ALONE_EN.match(fact.subject.strip().lower())
            return _Pronoun(fact.start - len(fact.subject), "", first=True) if alone else None
        word = only.group(2)
        # in the figure's own clause: in "It has built 62 factories, accounting for 40%"
        # "it" is the builder, not what the share is of
        lo = max(0, fact.start - _CLAUSE_WINDOW)
        clause = max(lo, max(text.rfind(c, lo, fact.start) for c in ",;:.\n") + 1)
        found = list(re.finditer(rf"\b{word}\b", text[clause:fact.start], re.IGNORECASE))
        # "it has remained in the expansion range for 3 consecutive months": the streak
        # of what "it" stands for
        head = (only.group("streak") or "").strip()
        return _Pronoun(clause + found[-1].start(), head) if found else None
    lo = max(0, fact.start - _CLAUSE_WINDOW)
    clause_start = max(lo, max(text.rfind(c, lo, fact.start) for c in "，,；;：:。\n"))
    match = _PRONOUN_ZH.search(text, clause_start, fact.start)
    if match is None:
        alone = None if fact.subject else _MONTH_ALONE_ZH.search(text, clause_start, fact.start)
        return _Pronoun(alone.start(), "", first=True) if alone else None
    stated = match.group(1)
    head = next((h for h in _HEADS_ZH if h in stated), "")
    rest = stated.replace(head, "") if head else stated
    if subjects.first_term_zh(rest):
        return None  # 该 + a name of its own ("该省工业"): no pronoun to resolve
    return _Pronoun(match.start(1) - 1, subjects.SUBJECT_GLOSSARY_ZH[head] if head else "")


def _antecedent(facts: list[Fact], k: int, at: int, text: str, lang: str,
                measure: str | None = None, back: int = 1) -> str | None:
    """The one subject of the figures before the pronoun (at ``at``) in its sentence, else
    in the sentence before (or the ``back`` sentences before, nearest first; of ``measure``
    only, when given); None when there is none or more than one."""
    ends = _SENTENCE_ENDS_ZH if lang == "zh" else _SENTENCE_ENDS_EN
    fact = facts[k]
    sentence_start = _sentence_start(text, at, ends)
    spans = [(sentence_start, at)]
    end = sentence_start
    if back == 1:  # the sentence before in the same paragraph (a blank line is none)
        spans.append((_sentence_start(text, max(0, sentence_start - 1), ends), sentence_start))
    while len(spans) <= back:
        # past the blank lines between paragraphs: "... 0.47%.\n\nFor the quarter, growth"
        end = len(text[:end].rstrip())
        start = _sentence_start(text, max(0, end - 1), ends)
        if end <= 0 or start >= end:
            break
        spans.append((start, end))
        end = start
    for lo, hi in spans:
        before = [f for f in facts[:k] if lo <= f.start and f.end <= hi and f.subject
                  and _pronoun(f, text, lang) is None
                  and (measure is None or f.measure == measure)]
        if not before:
            continue
        same_unit = [f for f in before if f.unit == fact.unit] or before
        found = {f.subject for f in same_unit}
        return found.pop() if len(found) == 1 else None
    return None


def _first_growth_before(facts: list[Fact], k: int, at: int, text: str,
                         lang: str) -> str | None:
    """The subject of the first growth figure of the sentence before ``at``, when the
    sentence ``at`` stands in has no figure before it."""
    ends = _SENTENCE_ENDS_ZH if lang == "zh" else _SENTENCE_ENDS_EN
    sentence_start = _sentence_start(text, at, ends)
    # "August alone brought a rise of 7.8 percent" may open a paragraph of its own
    previous_end = len(text[:sentence_start].rstrip())
    previous_start = _sentence_start(text, max(0, previous_end - 1), ends)
    if any(sentence_start <= f.start < at for f in facts[:k]):
        return None
    first = next((f for f in facts[:k] if previous_start <= f.start < sentence_start
                  and f.measure == "growth_yoy" and f.unit == facts[k].unit), None)
    return first.subject if first and first.subject else None


def _antecedent_in_sentence(facts: list[Fact], k: int, text: str) -> str | None:
    """The subject of the nearest figure before ``facts[k]`` in its sentence, when it is
    an amount (whose growth "its growth" is), else None."""
    start = _sentence_start(text, facts[k].start, _SENTENCE_ENDS_EN)
    before = [f for f in facts[:k] if f.start >= start and f.subject]
    if before and before[-1].measure in ("level", "count") and _pronoun(
            before[-1], text, "en") is None:
        return before[-1].subject
    return None


def _sentence_start(text: str, pos: int, ends: tuple[str, ...]) -> int:
    lo = max(0, pos - 2 * _CLAUSE_WINDOW)
    found = [text.rfind(end, lo, pos) for end in ends]
    return max([f + len(end) for f, end in zip(found, ends, strict=True) if f >= 0] or [lo])


__all__ = ["resolve_pronouns"]
