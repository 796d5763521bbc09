"""Claim checking: is what a text says borne out by the store, as it stood that day?

Each number in the text that maps to an indicator gets a ``Verdict`` against the store
as of the text's publication date, so a claim is never judged by figures published
after it. A claim about official statistics is judged against **published** figures
only, unless the caller asks for computed or simulated ones (``against``); a verdict
resting on a computed or simulated figure says so in its note.

- ``agrees``: the stored value, rounded to the decimals the text states, is the stated
  value (``4.6%`` agrees with 4.63; ``1.8 trillion`` with 1.76e12);
- ``disagrees``: the store holds another value; the verdict names it and its source;
- ``disputed``: sources in the store state different values for the figure (a
  conflict); the note lists them and says which, if any, the claim matches. A claim is
  never said to agree because it matches one side of a conflict;
- ``unknown``: the store has no figure for that indicator, period and cell.

Besides plain figures it checks the comparisons releases draw from them: a change
("1 percentage point higher than in 2022": the stored difference between the two
periods), and a streak ("the fifth consecutive month of growth": the run of stored
monthly values that meet the condition, ending at the stated month), and an extreme
("the fastest growth since June 2021", "为2021年6月以来最高": every stored figure after
the named period is below the claimed one, and the named period's is not). Ranks
("ranked first") are figures of rank indicators, checked where the store has them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd

from indmon.catalogue import ALL, Catalogue
from indmon.errors import ConfigError
from indmon.extract import extract_facts
from indmon.extract.facts import Fact
from indmon.extract.language import detect_language
from indmon.extract.mapping import (
    industry_code,
    map_fact,
    match_indicator,
    normalise,
    province_code,
    store_period,
)
from indmon.periods import Period, month_add, previous_period
from indmon.reconcile.ingest import document_date
from indmon.store import Observation, Origin, Store, rounds_to, same_value, stated_step

AGREES, DISAGREES, DISPUTED, UNKNOWN = "agrees", "disagrees", "disputed", "unknown"
#: what a claim may be judged against; ``any`` takes the first origin that has the
#: figure, published before computed before simulated
AGAINST = ("published", "computed", "simulated", "any")
_ORIGIN_RANK = {Origin.PUBLISHED: 0, Origin.COMPUTED: 1, Origin.SIMULATED: 2}
_ORIGIN_NOTES = {
    Origin.SIMULATED: "the stored figure is SIMULATED (computed from simulated enterprise "
                      "reports), not an official statistic",
    Origin.COMPUTED: "the stored figure is computed by indmon from enterprise reports, not "
                     "a published statistic",
}
#: words after a change that say it went down (the stated number is then negative)
_DOWN = re.compile(
    r"lower|slower|down|less|decreas|declin|fell|drop|narrow|回落|下降|放缓|减少|收窄|低于|降低"
)
_UP = re.compile(
    r"higher|faster|up\b|more|increas|rose|accelerat|widen|加快|提高|上升|增加|高于|扩大"
)
_COMPARED = re.compile(
    r"(?:compared (?:with|to)|than(?: in| that of)?|over|from|比|较)\s*(\d{4}(?:-Q[1-4]|-\d{2})?)"
)
_STREAK_LEAD = re.compile(
    r"^(?:the )?(?:number of )?consecutive (?:months|years|quarters)(?: of| in which| that| when)?"
    r"(?: the)?\s*"
)


_MONTHS_EN = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
              "dec")
#: words of an extreme claim: the highest (fastest...) or lowest since a period
_HIGH = ("fastest", "highest", "strongest", "quickest", "largest", "biggest", "最高", "最快",
         "最大", "新高")
_SINCE_EN = re.compile(
    r"\b(?P<dir>fastest|highest|strongest|quickest|largest|biggest|slowest|lowest|weakest|"
    r"smallest)\b[^.;\d]{0,40}?\bsince\s+(?:(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|"
    r"oct|nov|dec)[a-z]*\.?\s+)?(?P<year>(?:19|20)\d{2})\b", re.IGNORECASE)
_SINCE_ZH = re.compile(
    r"(?:自)?(?P<year>(?:19|20)\d{2})年(?:(?P<mon>\d{1,2})月份?)?以来(?:的)?"
    r"(?:[^，。；\d]{0,6}?)(?P<dir>最高|最快|最大|新高|最低|最慢|最小|新低)")
#: how far after a figure its extreme claim may be worded, in characters
_SINCE_REACH = 90


VERDICT_COLUMNS = (
    "status", "kind", "mention", "start", "end", "stated", "stored", "indicator", "period",
    "industry", "province", "origin", "source", "publisher", "published", "note",
)


@dataclass(frozen=True)
class StoredFigure:
    """A figure the store holds, and the (earliest) source that states or produced it."""

    obs_id: int
    value: float
    period: str
    source_id: str
    title: str
    publisher: str
    published: str
    conflict: bool = False
    #: published | computed | simulated
    origin: str = Origin.PUBLISHED.value
    #: the provenance note that explains the figure (why it differs from another source)
    note: str = ""

    def citation(self) -> str:
        return ", ".join(p for p in (self.title or self.source_id, self.published) if p)


@dataclass(frozen=True)
class Verdict:
    """How one stated number compares with the store."""

    fact: Fact
    status: str  #: agrees | disagrees | disputed | unknown
    kind: str  #: figure | change | streak | extreme
    indicator: str
    period: str
    industry: str = ALL
    province: str = ALL
    #: the stored value the claim is compared with (a difference or a run length for
    #: changes and streaks), None when unknown
    stored: float | None = None
    #: the figures the verdict rests on
    evidence: tuple[StoredFigure, ...] = field(default=())
    note: str = ""

    def to_record(self) -> dict[str, Any]:
        source = self.evidence[0] if self.evidence else None
        return {
            "status": self.status, "kind": self.kind, "mention": self.fact.mention,
            "start": self.fact.start, "end": self.fact.end, "stated": self.fact.value,
            "stored": self.stored, "indicator": self.indicator, "period": self.period,
            "industry": self.industry, "province": self.province,
            "origin": source.origin if source else None,
            "source": source.title if source else None,
            "publisher": source.publisher if source else None,
            "published": source.published if source else None,
            "note": self.note,
        }


def check_text(
    store: Store, text: str, *, doc: str = "claim", published: str | None = None,
    facts: Sequence[Fact] | None = None, against: str = "published",
) -> list[Verdict]:
    """Verdicts for every number of ``text`` that maps to an indicator.

    ``published`` (YYYY-MM-DD) is when the text was written; without it, the date near
    the top of the text, else today. ``facts`` skips extraction (facts already found in
    ``text``). ``against`` is the origin of the figures to judge by (see ``AGAINST``).
    """
    against_origins(against)  # a wrong choice is refused before extracting
    lang = detect_language(text)
    as_of = published or document_date(text, lang) or dt.date.today().isoformat()
    if facts is None:
        facts = extract_facts(text, doc, published=as_of, lang=lang)
    return check_facts(store, facts, as_of=as_of, text=text, against=against)


def check_facts(
    store: Store, facts: Sequence[Fact], *, as_of: str, text: str = "",
    catalogue: Catalogue | None = None, against: str = "published",
) -> list[Verdict]:
    """Verdicts for facts already extracted; ``text`` gives the words around changes."""
    checker = _Checker(store, catalogue or Catalogue.load(), as_of, text,
                       against_origins(against))
    verdicts = []
    for fact in facts:
        verdict = checker.check(fact)
        if verdict is not None:
            verdicts.append(verdict)
            extreme = checker.extreme(verdict)
            if extreme is not None:
                verdicts.append(extreme)
    return verdicts


def against_origins(against: str) -> tuple[Origin, ...]:
    """The origins a check may judge by, in order of preference."""
    if against not in AGAINST:
        raise ConfigError(
            f"against {against!r} is not one of {', '.join(AGAINST)}; claims about official "
            "statistics are checked against published figures"
        )
    if against == "any":
        return tuple(sorted(Origin, key=_ORIGIN_RANK.__getitem__))
    return (Origin(against),)


def verdict_frame(verdicts: Sequence[Verdict]) -> pd.DataFrame:
    """One row per verdict, for printing and export."""
    return pd.DataFrame([v.to_record() for v in verdicts], columns=list(VERDICT_COLUMNS))


def agrees(stated: float, mention: str, stored: float) -> bool:
    """Whether ``stored``, rounded as the mention is written, is the stated value.

    A mention with k decimals (after its scale word: ``1.8 trillion``) states the value
    to half a unit of its last digit (the store's rule for one figure stated twice).
    """
    return same_value(stored, stated) or rounds_to(stated, stated_step(stated, mention),
                                                   stored, 0.0)


# -- the checker -----------------------------------------------------------------------
class _Checker:
    def __init__(self, store: Store, catalogue: Catalogue, as_of: str, text: str,
                 origins: tuple[Origin, ...] = (Origin.PUBLISHED,)) -> None:
        self.store = store
        self.catalogue = catalogue
        self.as_of = as_of
        self.text = text
        self.origins = origins

    def check(self, fact: Fact) -> Verdict | None:
        """A change or streak is checked against the series it compares when that is
        stored; otherwise (and for every other fact) as a figure of its own indicator."""
        compared: Verdict | None = None
        if fact.measure == "change":
            compared = self.change(fact)
        elif fact.measure == "streak":
            compared = self.streak(fact)
        if compared is not None and compared.status != UNKNOWN:
            return compared
        mapped = map_fact(fact, self.catalogue)
        if mapped.indicator is None:
            return compared
        figure = self.figure(mapped)
        return compared if figure.status == UNKNOWN and compared is not None else figure

    # -- plain figures -----------------------------------------------------------------
    def figure(self, fact: Fact) -> Verdict:
        assert fact.indicator is not None
        figures = self.lookup(fact.indicator, fact.period, fact.industry, fact.province)
        base = Verdict(fact, UNKNOWN, "figure", fact.indicator, fact.period, fact.industry,
                       fact.province)
        if not figures:
            return replace(base, note=self.missing_note(fact.indicator, fact.period,
                                                        fact.industry, fact.province))
        if len(figures) > 1:
            return self.disputed(base, figures)
        (figure,) = figures
        origin = origin_note(figures)
        if agrees(fact.value, fact.mention, figure.value):
            return replace(base, status=AGREES, stored=figure.value, evidence=(figure,),
                           note=origin)
        return replace(base, status=DISAGREES, stored=figure.value, evidence=(figure,),
                       note=join_notes(f"stored {figure.value:g} ({figure.citation()})", origin))

    def disputed(self, base: Verdict, figures: Sequence[StoredFigure]) -> Verdict:
        """Sources disagree on the figure: list their values, say which the claim matches."""
        fact = base.fact
        matching = [f for f in figures if agrees(fact.value, fact.mention, f.value)]
        stated = "; ".join(f"{f.value:g} ({join_notes(f.citation(), f.note)})" for f in figures)
        evidence = (*matching, *(f for f in figures if f not in matching))
        if len(matching) == len(figures):  # they differ only beyond the stated decimals
            return replace(base, status=AGREES, stored=evidence[0].value, evidence=evidence,
                           note=join_notes(f"sources in the store differ only beyond the "
                                           f"decimals stated: {stated}", origin_note(figures)))
        if matching:
            verdict = ("the text's value matches "
                       + " and ".join(f.citation() for f in matching) + " only")
        else:
            verdict = "the text's value matches none of them"
        note = (f"sources in the store differ on this figure: {stated}; {verdict} "
                "(see indmon conflicts)")
        return replace(base, status=DISPUTED, stored=evidence[0].value, evidence=evidence,
                       note=join_notes(note, origin_note(figures)))

    def lookup(
        self, indicator: str, period: str, industry: str, province: str
    ) -> list[StoredFigure]:
        """The current figures of the cell as of the claim, latest first, trying
        equivalent period texts: of the one origin asked for, or (asked for several) of
        the first of them the store has. More than one figure means sources conflict."""
        for candidate in equivalent_periods(period, indicator):
            found = self.store.figures(indicator, period=candidate, industry=industry,
                                       province=province, as_of=self.as_of,
                                       origin=list(self.origins))
            if found:
                best = min((o.origin for o in found), key=_ORIGIN_RANK.__getitem__)
                chosen = sorted((o for o in found if o.origin is best),
                                key=lambda o: (o.vintage, o.obs_id), reverse=True)
                return self._stored(chosen)
        return []

    def missing_note(self, indicator: str, period: str, industry: str, province: str) -> str:
        """Why a figure is unknown, naming the other origins the store does have."""
        note = f"no stored {' or '.join(o.value for o in self.origins)} figure as of {self.as_of}"
        others = sorted({
            o.origin for candidate in equivalent_periods(period, indicator)
            for o in self.store.figures(indicator, period=candidate, industry=industry,
                                        province=province, as_of=self.as_of)
        } - set(self.origins), key=_ORIGIN_RANK.__getitem__)
        if not others:
            return note
        names = " and ".join(o.value for o in others)
        return (f"{note}; the store has a {names} figure (check --against {others[0].value} "
                "to compare with it)")

    def _stored(self, figures: Sequence[Observation]) -> list[StoredFigure]:
        cited = self.store.cited([o.obs_id for o in figures])
        out = []
        for obs in figures:
            sources = cited.get(obs.obs_id, [])
            source = sources[0].source if sources else None
            date = source.published_date if source else None
            note = next((p.note for p in sources if p.note), "")
            out.append(StoredFigure(
                obs.obs_id, obs.value, obs.period.text,
                source.source_id if source else "", source.title if source else "",
                source.publisher if source else "", date.isoformat() if date else "",
                obs.conflict, obs.origin.value, note,
            ))
        return out

    # -- changes ------------------------------------------------------------------------
    def change(self, fact: Fact) -> Verdict | None:
        period = store_period(fact.period)
        base = self._base_cell(fact, period)
        if period is None or base is None:
            return None
        indicator, industry, province = base
        earlier = compared_period(fact.subject, period)
        verdict = Verdict(fact, UNKNOWN, "change", indicator, f"{earlier} to {period}",
                          industry, province)
        now = self.lookup(indicator, period, industry, province)
        then = self.lookup(indicator, earlier, industry, province)
        if not now or not then:
            missing = period if not now else earlier
            return replace(verdict, note=f"no stored {indicator} for {missing} as of "
                                         f"{self.as_of}")
        difference = now[0].value - then[0].value
        stated = self.signed_change(fact)
        evidence = (now[0], then[0])
        origin = origin_note([*now, *then])
        if len(now) > 1 or len(then) > 1:
            differ = period if len(now) > 1 else earlier
            values = ", ".join(f"{f.value:g}" for f in (now if len(now) > 1 else then))
            return replace(verdict, status=DISPUTED, stored=round(difference, 10),
                           evidence=(*now, *then),
                           note=join_notes(f"sources in the store differ on {indicator} for "
                                           f"{differ} ({values}); see indmon conflicts", origin))
        if stated is None:  # direction not stated: only the size can be checked
            ok = agrees(abs(fact.value), fact.mention, abs(difference))
        else:
            ok = agrees(stated, fact.mention, difference)
        return replace(
            verdict, status=AGREES if ok else DISAGREES, stored=round(difference, 10),
            evidence=evidence,
            note=join_notes(f"{now[0].value:g} in {period} against {then[0].value:g} in "
                            f"{earlier}", origin),
        )

    def signed_change(self, fact: Fact) -> float | None:
        """The stated change with its direction, or None when the text does not say."""
        if fact.value < 0:
            return fact.value
        after = self.text[fact.end: fact.end + 40].lower() if self.text else ""
        before = self.text[max(0, fact.start - 12): fact.start] if self.text else ""
        context = before + after
        down, up = _DOWN.search(context), _UP.search(context)
        if down and (not up or down.start() < up.start()):
            return -fact.value
        if up:
            return fact.value
        return None

    def _base_cell(self, fact: Fact, period: str | None) -> tuple[str, str, str] | None:
        """The indicator and cell whose difference a change fact states."""
        if period is None:
            return None
        subject = _COMPARED.split(fact.subject)[0].rstrip(" ,")
        if fact.unit != "percentage_point":
            return self._cell(subject, "level", fact.unit, period, fact.region)
        # percentage points are a change of a growth rate, else of a share
        subject = re.sub(r"^(the )?growth (rate )?of ", "", subject)
        return (self._cell(subject, "growth_yoy", "percent", period, fact.region)
                or self._cell(subject, "share", "percent", period, fact.region))

    def _cell(
        self, subject: str, measure: str, unit: str, period: str, region: str
    ) -> tuple[str, str, str] | None:
        province = province_code(region, self.catalogue)
        indicator = match_indicator(subject, measure, unit, period, self.catalogue)
        if indicator is None or province is None:
            return None
        return indicator, industry_code(subject, self.catalogue), province

    # -- streaks ------------------------------------------------------------------------
    def streak(self, fact: Fact) -> Verdict | None:
        period = store_period(fact.period)
        step = _streak_step(fact.unit)
        if period is None or step is None:
            return None
        subject = _STREAK_LEAD.sub("", normalise(fact.subject))
        end = _streak_end(period, fact.unit)
        found = self._streak_series(subject, end, fact.region)
        if found is None:
            return None
        indicator, industry, province, holds = found
        length, complete, evidence = self.run_length(indicator, industry, province, end, step,
                                                     holds)
        verdict = Verdict(fact, UNKNOWN, "streak", indicator, end, industry, province,
                          stored=float(length), evidence=tuple(evidence))
        claimed = round(fact.value)
        if complete or length > claimed:
            ok = length == claimed
            return replace(verdict, status=AGREES if ok else DISAGREES,
                           note=join_notes(f"{length} consecutive {fact.unit}s to {end} in "
                                           "the store", origin_note(evidence)))
        return replace(verdict, stored=None,
                       note=f"the store's series covers only {length} {fact.unit}s before it "
                            "stops; cannot tell where the run began")

    def _streak_series(
        self, subject: str, end: str, region: str
    ) -> tuple[str, str, str, Callable[[float], bool]] | None:
        """The series a streak counts, and the condition each period meets."""
        if re.search(r"expansion|扩张|pmi", subject):
            cell = self._cell(subject, "level", "index", end, region)
            return (*cell, lambda v: v > 50) if cell else None
        falling = re.search(r"declin|decreas|fall|fell|negative|下降|减少", subject)
        cell = self._cell(subject, "growth_yoy", "percent", end, region)
        if cell is None:
            return None
        return (*cell, (lambda v: v < 0) if falling else (lambda v: v > 0))

    def run_length(
        self, indicator: str, industry: str, province: str, end: str, step: int,
        holds: Callable[[float], bool],
    ) -> tuple[int, bool, list[StoredFigure]]:
        """How many periods back from ``end`` meet the condition, and whether a period
        that fails it ends the run (True) or the stored series simply stops (False)."""
        length, period = 0, end
        evidence: list[StoredFigure] = []
        for _ in range(240):
            figures = self.lookup(indicator, period, industry, province)
            if not figures and step == 1 and period.endswith("-01"):
                period = month_add(period, -1)  # no January figure: Jan-Feb is one release
                continue
            if not figures:
                return length, False, evidence
            if not holds(figures[0].value):
                return length, True, [*evidence, figures[0]]
            length, evidence = length + 1, [*evidence, figures[0]]
            period = month_add(period, -1) if step == 1 else str(int(period) - 1)
        return length, False, evidence


    # -- extremes ("the fastest since June 2021") ------------------------------------------
    def extreme(self, figure: Verdict) -> Verdict | None:
        """The extreme a text claims for a figure it states, checked on the stored series
        of the figure's cell; None when the text claims none."""
        claim = extreme_claim(self.text, figure.fact)
        if claim is None or figure.kind != "figure":
            return None
        high, since = claim
        base = Verdict(figure.fact, UNKNOWN, "extreme", figure.indicator, figure.period,
                       figure.industry, figure.province)
        try:
            claimed = Period.parse(figure.period)
        except ConfigError:
            return replace(base, note=f"an extreme since {since} is checked on a monthly or "
                                      f"yearly series, not on {figure.period}")
        if claimed.kind not in ("month", "year"):
            return replace(base, note=f"an extreme since {since} is checked on a monthly or "
                                      f"yearly series, not on {figure.period}")
        value = figure.stored if figure.stored is not None else figure.fact.value
        series = self.history(figure, claimed.kind, since)
        return judge_extreme(base, value, high, since, figure.period, series)

    def history(self, figure: Verdict, kind: str, since: str) -> dict[str, StoredFigure]:
        """The stored figures of the verdict's cell from ``since`` to before its period,
        one per period (the latest stated where sources differ)."""
        # from the named month, or from January of the named year (a year: itself)
        first = since[:4] if kind == "year" else (since if len(since) == 7 else f"{since}-01")
        found = self.store.figures(figure.indicator, industry=figure.industry,
                                   province=figure.province, as_of=self.as_of,
                                   origin=list(self.origins))
        best: dict[str, Observation] = {}
        for obs in found:
            text = obs.period.text
            if obs.period.kind != kind or not first <= text < figure.period:
                continue
            held = best.get(text)
            if held is None or (_ORIGIN_RANK[obs.origin], -obs.vintage.timestamp()) < (
                    _ORIGIN_RANK[held.origin], -held.vintage.timestamp()):
                best[text] = obs
        chosen = [best[k] for k in sorted(best)]
        return {f.period: f for f in self._stored(chosen)}


def extreme_claim(text: str, fact: Fact) -> tuple[bool, str] | None:
    """(highest?, the period named) of an extreme claimed just after ``fact`` in ``text``:
    ``since June 2021`` is ``2021-06``, ``since 2019`` / ``2019年以来`` is ``2019``."""
    if not text:
        return None
    after = text[fact.end: fact.end + _SINCE_REACH]
    # the claim's own sentence or clause ("Feb. 2021" does not end one)
    after = re.split(r"[。；;]|\.\s+(?=[A-Z])", after, maxsplit=1)[0]
    for pattern in (_SINCE_EN, _SINCE_ZH):
        m = pattern.search(after)
        if m is None:
            continue
        year, month = m.group("year"), m.group("mon")
        if month and not month.isdigit():
            month = str(_MONTHS_EN.index(month[:3].lower()) + 1)
        since = f"{year}-{int(month):02d}" if month else year
        return m.group("dir").lower() in _HIGH, since
    return None


def judge_extreme(base: Verdict, value: float, high: bool, since: str, period: str,
                  series: dict[str, StoredFigure]) -> Verdict:
    """Agrees when every stored figure after ``since`` (to before ``period``) is below
    ``value`` (above, for a lowest) and the figure of ``since`` itself (of some month of
    it, for a year) is not; a gap in the series or no figure of ``since`` leaves it
    unknown."""
    word = "highest" if high else "lowest"

    def beyond(v: float) -> bool:  # further than the claimed value, the wrong way
        return v > value if high else v < value

    named = [f for p, f in series.items() if p == since or (len(since) == 4 and p[:4] == since)]
    after = [f for p, f in series.items() if f not in named and p > since]
    spoiler = next((f for f in sorted(after, key=lambda f: f.period, reverse=True)
                    if beyond(f.value)), None)
    if spoiler is not None:
        return replace(base, status=DISAGREES, stored=spoiler.value, evidence=(spoiler,),
                       note=join_notes(f"not the {word} since {since}: {spoiler.value:g} in "
                                       f"{spoiler.period}", origin_note([spoiler])))
    if not named:
        return replace(base, note=f"no stored figure for {since} to compare with; the "
                                  f"stored series is {word} since {min(series, default=period)}"
                                  if series else f"no stored figures between {since} and "
                                                 f"{period}")
    missing = _missing_periods(since, period, series)
    if missing:
        return replace(base, note=f"the store lacks {', '.join(missing[:4])}"
                                  f"{' ...' if len(missing) > 4 else ''} between {since} "
                                  f"and {period}")
    reached = [f for f in named if (f.value >= value if high else f.value <= value)]
    if not reached:
        earlier = max(named, key=lambda f: f.value) if high else min(named, key=lambda f: f.value)
        return replace(base, status=DISAGREES, stored=earlier.value, evidence=tuple(named),
                       note=join_notes(f"{since} was not as {'high' if high else 'low'}: "
                                       f"{earlier.value:g} in {earlier.period}; the claim "
                                       f"reaches further back", origin_note(named)))
    return replace(base, status=AGREES, stored=reached[0].value,
                   evidence=(reached[0], *after),
                   note=join_notes(f"{word} since {reached[0].period} ({reached[0].value:g}); "
                                   f"{len(after)} figures between, all "
                                   f"{'lower' if high else 'higher'}",
                                   origin_note([reached[0], *after])))


def _missing_periods(since: str, period: str, series: dict[str, StoredFigure]) -> list[str]:
    """Periods after ``since`` and before ``period`` the series lacks (January aside:
    months whose January is released with February)."""
    if len(period) == 4:
        return [str(y) for y in range(int(since[:4]) + 1, int(period))
                if str(y) not in series]
    start = since if len(since) == 7 else f"{since}-12"
    missing, month = [], month_add(start, 1)
    while month < period:
        if month not in series and not month.endswith("-01"):
            missing.append(month)
        month = month_add(month, 1)
    return missing


def origin_note(figures: Sequence[StoredFigure]) -> str:
    """What a verdict must say about figures that are not published statistics."""
    origins = {Origin(f.origin) for f in figures}
    return "; ".join(_ORIGIN_NOTES[o] for o in sorted(origins, key=_ORIGIN_RANK.__getitem__)
                     if o in _ORIGIN_NOTES)


def join_notes(*notes: str) -> str:
    return "; ".join(n for n in notes if n)


# -- periods ---------------------------------------------------------------------------
def equivalent_periods(period: str, indicator: str) -> list[str]:
    """Texts the store may hold one period under: the text itself first.

    A period from January to a month is also that span written out, a year, the first
    half or the first quarter; year-to-date indicators computed from reports are stored by their
    last month (``va_ytd_yoy`` for ``2023`` is also ``2023-12``).
    """
    try:
        parsed = Period.parse(period)
    except ConfigError:
        return [period]
    year = period[:4]
    if parsed.start != f"{year}-01" or parsed.end[:4] != year or parsed.kind == "date":
        return [period]
    names = {f"{year}-12": year, f"{year}-06": f"{year}-H1", f"{year}-03": f"{year}-Q1"}
    candidates = [period, names.get(parsed.end, period), f"{year}-01/{parsed.end}"]
    if "ytd" in indicator:
        candidates.append(parsed.end)
    return list(dict.fromkeys(candidates))


def compared_period(subject: str, period: str) -> str:
    """The period a change is measured against: named in the subject, else a year earlier."""
    m = _COMPARED.search(subject)
    return m.group(1) if m else previous_period(period)


def _streak_step(unit: str) -> int | None:
    return {"month": 1, "year": 12}.get(unit)


def _streak_end(period: str, unit: str) -> str:
    """The last period of a streak in the series' own period text."""
    parsed = Period.parse(period)
    if unit == "year":
        return str(parsed.year)
    return parsed.end


__all__ = [
    "AGAINST",
    "AGREES",
    "DISAGREES",
    "DISPUTED",
    "UNKNOWN",
    "StoredFigure",
    "Verdict",
    "against_origins",
    "agrees",
    "check_facts",
    "check_text",
    "compared_period",
    "equivalent_periods",
    "verdict_frame",
]
