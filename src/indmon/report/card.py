"""The report card of a period: the one model that the briefing and the dashboard render.

A card has one section per origin, never mixed: figures as **published** by releases,
figures **computed** by indmon from enterprise reports, and figures computed from
**simulated** reports. In each section, per theme (catalogue order) and indicator, each
cell (the whole country, an industry, a province) has one :class:`Entry`: the figure
chosen for the period and the same figure a year earlier.

Which figure stands for the period (``period_rules`` in ``docs/report.md``):

* the period's **own** figure: for ``2023`` the year itself, the full-year cumulative
  ``2023-01/2023-12`` or the stock at ``2023-12-31``; for ``2023-06`` the month, the
  year to date ending in June or the stock at ``2023-06-30``; for ``2023-Q1`` the
  quarter, ``2023-01/2023-03`` or the stock at ``2023-03-31``. A year-to-date
  indicator's month (``va_ytd_yoy`` for ``2023-12``) covers January to that month.
* failing that, the **latest known** figure inside the period: a shorter period
  (``2023-01/2023-11``, ``2023-Q3``, a month) or an earlier stock date. The entry is
  marked ``latest_known`` and every surface labels it so ("latest known:
  January–November 2023"), never as the period's figure.

The comparison is the same period a year earlier, of the same kind.

A card is built for a reader's ``clearance`` (``indmon.store.Clearance``): a computed cell
that statistical disclosure control suppressed (too few enterprises, or dominated by one
or two) comes **withheld** to a reader who is not cleared for it: the entry stays, so the
card says the cell is suppressed, but its value (and that of every source stating it) is
NaN and ``Entry.withheld`` is true. Renderers print the word for "suppressed" instead of
a number and leave withheld cells out of rankings, charts and comparisons. A card for
publication is built with ``Clearance.public()``; ``None`` is the store's owner.

>>> card = build_card(store, "2023")                       # doctest: +SKIP
>>> [s.origin.value for s in card.sections]                 # doctest: +SKIP
['published', 'simulated']
>>> card.section(Origin.PUBLISHED).get("va_ytd_yoy").figure.value   # doctest: +SKIP
4.6
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from indmon.catalogue import ALL, Catalogue
from indmon.errors import ConfigError, NotFound
from indmon.periods import months_between
from indmon.store import Clearance, Observation, Origin, Period, Series, Store, split_series

#: sections in the order every surface shows them
ORIGINS = (Origin.PUBLISHED, Origin.COMPUTED, Origin.SIMULATED)
#: the kinds of period a card can be made for
CARD_KINDS = ("year", "half", "quarter", "month")
CARD_FORMS = "a year (2023), a half (2023-H1), a quarter (2023-Q1) or a month (2023-06)"
#: the sectors of industry, listed before the divisions in a section
SECTORS = ("B", "C", "D")


# -- the model --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Entry:
    """One indicator in one cell of a card: the figure chosen for the period and the same
    figure a year earlier."""

    figure: Observation
    #: the months the figure covers (a year-to-date indicator's month: January to it)
    covers: Period
    #: the figure is not the period's own but the latest known within it (label it so)
    latest_known: bool = False
    previous: Observation | None = None
    #: every current value sources state for the figure when they disagree, this one too
    stated: tuple[Observation, ...] = ()

    @property
    def indicator(self) -> str:
        return self.figure.indicator

    @property
    def industry(self) -> str:
        return self.figure.industry

    @property
    def province(self) -> str:
        return self.figure.province

    @property
    def value(self) -> float:
        return self.figure.value

    @property
    def unit(self) -> str:
        return self.figure.unit

    @property
    def obs_id(self) -> int:
        return self.figure.obs_id

    @property
    def whole(self) -> bool:
        """For the whole country and all industry."""
        return self.industry == ALL and self.province == ALL

    @property
    def conflict(self) -> bool:
        return len(self.stated) > 1

    @property
    def simulated(self) -> bool:
        return self.figure.simulated

    @property
    def withheld(self) -> bool:
        """The cell is suppressed and the reader is not cleared for it: no value."""
        return self.figure.withheld

    @property
    def comparable(self) -> bool:
        """There is a figure a year earlier and both values may be shown."""
        return self.previous is not None and not (self.withheld or self.previous.withheld)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.indicator, self.industry, self.province)


@dataclass(frozen=True)
class CardTheme:
    """The entries of one theme, in catalogue order, the whole before its cells."""

    code: str
    entries: tuple[Entry, ...]

    def indicators(self) -> list[str]:
        return list(dict.fromkeys(e.indicator for e in self.entries))


@dataclass(frozen=True)
class CardSection:
    """Every entry of one origin: published, computed or simulated, never mixed."""

    origin: Origin
    themes: tuple[CardTheme, ...]
    _index: dict[tuple[str, str, str], Entry] = field(default_factory=dict, repr=False,
                                                       compare=False)

    def __post_init__(self) -> None:
        self._index.update({e.key: e for e in self.entries})

    @property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(e for theme in self.themes for e in theme.entries)

    @property
    def simulated(self) -> bool:
        return self.origin is Origin.SIMULATED

    def get(self, indicator: str, industry: str = ALL, province: str = ALL) -> Entry | None:
        return self._index.get((indicator, industry, province))

    def whole(self) -> list[Entry]:
        """The entries for the whole country and all industry."""
        return [e for e in self.entries if e.whole]

    def cells(self, indicator: str, dimension: str) -> list[Entry]:
        """An indicator's entries by industry (whole country) or by province (all
        industry), in catalogue order."""
        if dimension == "industry":
            return [e for e in self.entries if e.indicator == indicator
                    and e.industry != ALL and e.province == ALL]
        return [e for e in self.entries if e.indicator == indicator
                and e.province != ALL and e.industry == ALL]


@dataclass(frozen=True)
class CardAlert:
    """An alert monitoring raised for one of the card's months."""

    alert_id: int
    severity: str
    period: str
    indicator: str | None
    industry: str
    province: str
    title_en: str
    title_zh: str
    simulated: bool
    status: str

    def title(self, lang: str) -> str:
        return self.title_zh if lang == "zh" else self.title_en


@dataclass(frozen=True)
class ReportCard:
    """The report card of one period."""

    period: Period
    sections: tuple[CardSection, ...]
    #: alerts on aggregates raised for the card's months, most severe first
    alerts: tuple[CardAlert, ...] = ()
    #: whether monitoring ran for the months: only then does "no alerts" mean something
    monitored: bool = False
    #: whom the card was built for (None: the store's owner, who sees every cell)
    clearance: Clearance | None = None

    def section(self, origin: Origin) -> CardSection | None:
        return next((s for s in self.sections if s.origin is origin), None)

    @property
    def published(self) -> CardSection | None:
        return self.section(Origin.PUBLISHED)

    @property
    def computed(self) -> tuple[CardSection, ...]:
        """The sections computed from enterprise reports (real, then simulated)."""
        return tuple(s for s in self.sections if s.origin is not Origin.PUBLISHED)

    @property
    def simulated(self) -> bool:
        return any(s.simulated for s in self.sections) or any(a.simulated for a in self.alerts)

    @property
    def months(self) -> list[str]:
        return month_list(self.period)


# -- the period rules -------------------------------------------------------------------------
@cache
def _year_to_date() -> frozenset[str]:
    """Indicators whose monthly figure is the year to date (``va_ytd_yoy`` for
    ``2023-11`` covers January to November)."""
    return frozenset(i.id for i in Catalogue.load().indicators.values()
                     if "_ytd" in i.id or i.name_en.endswith("(year to date)"))


def coverage(figure: Observation) -> Period:
    """The months a figure covers: a year-to-date indicator's month is January to it."""
    period = figure.period
    if (period.kind == "month" and figure.indicator in _year_to_date()
            and period.end[5:] != "01"):
        return Period.parse(f"{period.end[:4]}-01/{period.end}")
    return period


def is_own(covers: Period, period: Period) -> bool:
    """Whether a figure covering ``covers`` is ``period``'s own figure: the same months
    (a month's own figures include its year to date), or the stock at its last day."""
    if covers.kind == "date":
        return covers.date == period.date
    if period.kind == "month":
        return covers.end == period.end and covers.start[:4] == period.end[:4] and (
            covers.frequency == "month")
    return covers.start == period.start and covers.end == period.end


def is_within(covers: Period, period: Period) -> bool:
    """Whether a figure covering ``covers`` lies inside ``period`` (a candidate for its
    "latest known" figure)."""
    return covers.start >= period.start and covers.end <= period.end


def card_period(text: str | Period) -> Period:
    """The period of a card, refusing kinds a card cannot be made for."""
    period = text if isinstance(text, Period) else Period.parse(text)
    if period.kind not in CARD_KINDS:
        hint = (f"; for the year to date ask for its last month ({period.end})"
                if period.kind in ("ytd", "janfeb") else "")
        raise ConfigError(f"a report card is made for {CARD_FORMS}, not for {period.text!r}"
                          f"{hint}")
    return period


def month_list(period: Period) -> list[str]:
    return months_between(period.start, period.end)


def covered(figure: Observation) -> Period:
    """What a figure covers, a full year to date named as its year (``2022`` for
    ``va_ytd_yoy`` of ``2022-12`` or for ``2022-01/2022-12``), as releases say it."""
    covers = coverage(figure)
    if covers.kind == "ytd" and covers.start[5:] == "01" and covers.end[5:] == "12":
        return Period.parse(covers.end[:4])
    return covers


def entry_period_words(entry: Entry, lang: str) -> str:
    """The period an entry stands for, as every surface labels it: the period in words
    for the card period's own figure, ``latest known: January–November 2023`` else."""
    from indmon.report.phrasing import period_words
    from indmon.report.words import WORDS

    if entry.latest_known:
        return WORDS["latest_known"][lang].format(period=period_words(entry.covers.text, lang))
    return period_words(covered(entry.figure).text, lang)


# -- building -----------------------------------------------------------------------------------
def build_card(store: Store, period: str | Period, *, alerts: bool = True,
               clearance: Clearance | None = None) -> ReportCard:
    """The report card of ``period`` as ``clearance`` may read it (None: every value);
    raise ``NotFound`` naming the periods that have figures when the store has none
    for it."""
    wanted = card_period(period)
    catalogue = Catalogue.load()
    chosen = _choose(_candidates(store, wanted, catalogue), wanted)
    if not chosen:
        raise NotFound(no_figures_message(store, wanted))
    earlier = _previous_figures(store, chosen, wanted)
    # figures are chosen on what the sources state; only then is what a reader may see
    # applied, so that every reader's card has the same cells
    entries = [_cleared(_with_previous(e, earlier, wanted), clearance) for e in chosen]
    sections = tuple(section for origin in ORIGINS
                     if (section := _section(origin, entries, catalogue)) is not None)
    found, ran = _alerts(store, wanted, clearance) if alerts else ((), False)
    return ReportCard(wanted, sections, found, ran, clearance)


def _cleared(entry: Entry, clearance: Clearance | None) -> Entry:
    """The entry as ``clearance`` may read it: a suppressed cell's figure, its year-earlier
    figure and every value stated for it withheld unless the reader is cleared."""
    if clearance is None:
        return entry
    figure = entry.figure.seen_by(clearance)
    previous = entry.previous.seen_by(clearance) if entry.previous else None
    # the values sources state for a withheld figure are that figure: none is shown
    stated = () if figure.withheld else tuple(f.seen_by(clearance) for f in entry.stated)
    return Entry(figure, entry.covers, entry.latest_known, previous, stated)


def _candidates(store: Store, period: Period, catalogue: Catalogue) -> list[Observation]:
    """The figures a card chooses from, of the cells it shows (the whole, each industry
    for the whole country, each province for all industry).

    Only the figures of each cell ending in its latest month can be chosen once one of
    them is a candidate (``_choose`` takes the latest known, and the sources stating the
    same period), so those are read first; a cell whose latest figures all lie outside
    the period (a span starting before it) is read whole. A month's card reads every
    figure at once: there is only the one month."""
    read = store.figures if period.start == period.end else store.latest_figures
    latest = [f for f in _cell_figures(read, period.start, period.end)
              if f.indicator in catalogue.indicators]
    settled = {_cell_of(f) for f in latest if _is_candidate(coverage(f), period)}
    unsettled = {_cell_of(f) for f in latest} - settled
    if not unsettled:
        return latest
    indicators = sorted({cell[0] for cell in unsettled})
    whole = [f for f in _cell_figures(store.figures, period.start, period.end, indicators)
             if _cell_of(f) in unsettled]
    return [f for f in latest if _cell_of(f) in settled] + whole


def _cell_figures(read: Callable[..., list[Observation]], start: str, end: str,
                  indicators: list[str] | None = None) -> list[Observation]:
    """Current figures ending in ``start..end`` of the cells a card shows, by ``read``
    (``Store.figures`` or ``Store.latest_figures``)."""
    chosen = {} if indicators is None else {"indicator": indicators}
    by_industry = read(province=ALL, start=start, end=end, **chosen)
    by_province = [f for f in read(industry=ALL, start=start, end=end, **chosen)
                   if f.province != ALL]
    return by_industry + by_province


def _is_candidate(covers: Period, period: Period) -> bool:
    return is_own(covers, period) or is_within(covers, period)


def _choose(figures: Iterable[Observation], period: Period) -> list[Entry]:
    """One entry per indicator, cell and origin: the period's own figure, else the latest
    known within it."""
    groups: dict[tuple[str, str, str, Origin], list[tuple[Observation, Period]]] = {}
    for figure in figures:
        covers = coverage(figure)
        if _is_candidate(covers, period):
            key = (figure.indicator, figure.industry, figure.province, figure.origin)
            groups.setdefault(key, []).append((figure, covers))
    return [_entry(found, period) for found in groups.values()]


def _entry(found: list[tuple[Observation, Period]], period: Period) -> Entry:
    own = [(f, c) for f, c in found if is_own(c, period)]
    pool = own or found
    # own figures: the period's text first, then the longest; else the latest, longest
    best_figure, covers = max(pool, key=lambda fc: (
        fc[1].date, fc[0].period.text == period.text, fc[1].months, fc[0].vintage,
        fc[0].obs_id))
    stated = _stated([f for f, _ in found if f.period.text == best_figure.period.text])
    chosen = max(stated, key=lambda f: (f.vintage, f.obs_id)) if stated else best_figure
    return Entry(chosen, covers, latest_known=not own, stated=stated)


def _stated(same: Sequence[Observation]) -> tuple[Observation, ...]:
    """Every value of one figure when sources disagree (empty when they do not)."""
    if len({round(f.value, 9) for f in same}) < 2:
        return ()
    return tuple(sorted(same, key=lambda f: (f.vintage, f.obs_id)))


Cell = tuple[str, str, str, Origin]
#: the figures of a year before, by cell and origin, then by period text
Earlier = dict[Cell, dict[str, Observation]]


def _cell_of(figure: Observation) -> Cell:
    return (figure.indicator, figure.industry, figure.province, figure.origin)


def _previous_figures(store: Store, entries: list[Entry], period: Period) -> Earlier:
    """The figures a year before the chosen ones, and the previous year's own figures
    in each form (for entries that are the period's own).

    Read per origin, of the indicators and period texts that origin's entries look up:
    a published figure "latest known" in April asks for April of the year before, which
    the thousand simulated cells of December never do."""
    before = period.previous_year()
    forms_of_before = {before.text, before.date.isoformat(), before.end}
    if before.start != before.end:
        forms_of_before.add(f"{before.start}/{before.end}")
    found: Earlier = {}
    for origin in ORIGINS:
        mine = [e for e in entries if e.figure.origin is origin]
        if not mine:
            continue
        texts = {e.figure.period.previous_year().text for e in mine} | forms_of_before
        indicators = sorted({e.figure.indicator for e in mine})
        for figure in _cell_figures_of(store, sorted(texts), indicators, origin):
            forms = found.setdefault(_cell_of(figure), {})
            held = forms.get(figure.period.text)
            if held is None or (held.vintage, held.obs_id) < (figure.vintage, figure.obs_id):
                forms[figure.period.text] = figure
    return found


def _cell_figures_of(store: Store, periods: list[str], indicators: list[str],
                     origin: Origin) -> list[Observation]:
    by_industry = store.figures(indicators, period=periods, origin=origin, province=ALL)
    by_province = [f for f in store.figures(indicators, period=periods, origin=origin,
                                            industry=ALL) if f.province != ALL]
    return by_industry + by_province


def _with_previous(entry: Entry, earlier: Earlier, period: Period) -> Entry:
    """The same figure a year earlier: the same kind of period; for a period's own
    figure also the previous year's own figure stated in another form (``2022`` for
    ``2023-01/2023-12``)."""
    forms = earlier.get(_cell_of(entry.figure), {})
    previous = forms.get(entry.figure.period.previous_year().text)
    if previous is None and not entry.latest_known:
        before = period.previous_year()
        own = [f for f in forms.values() if is_own(coverage(f), before)]
        previous = max(own, key=lambda f: (f.period.text == before.text, f.vintage),
                       default=None)
    return Entry(entry.figure, entry.covers, entry.latest_known, previous, entry.stated)


def _section(origin: Origin, entries: list[Entry], catalogue: Catalogue) -> CardSection | None:
    mine = [e for e in entries if e.figure.origin is origin]
    if not mine:
        return None
    order = {ident: rank for rank, ident in enumerate(catalogue.indicators)}
    themes = []
    for theme in sorted(catalogue.themes.values(), key=lambda t: t.order):
        found = sorted((e for e in mine if catalogue.indicators[e.indicator].theme == theme.code),
                       key=lambda e: (order[e.indicator], *_cell_order(e)))
        if found:
            themes.append(CardTheme(theme.code, tuple(found)))
    return CardSection(origin, tuple(themes)) if themes else None


def _cell_order(entry: Entry) -> tuple[int, int, str]:
    """The whole first, then sectors, divisions, provinces."""
    if entry.whole:
        return (0, 0, "")
    if entry.province == ALL:
        sector = SECTORS.index(entry.industry) if entry.industry in SECTORS else len(SECTORS)
        return (1, sector, entry.industry)
    return (2, 0, entry.province)


# -- alerts -------------------------------------------------------------------------------------
def _alerts(store: Store, period: Period, clearance: Clearance | None
            ) -> tuple[tuple[CardAlert, ...], bool]:
    """Alerts on aggregates for the card's months, most severe first, and whether
    monitoring ran for them. Alerts naming an enterprise are microdata: they stay on
    the alerts page for those allowed to see them; so do alerts about a suppressed cell
    the reader is not cleared for (their evidence quotes its figures)."""
    from indmon.monitor.alerts import list_alerts, monitoring_ran

    months = month_list(period)
    if not monitoring_ran(store, months):
        return (), False
    rows = list_alerts(store, periods=months, order="severity", enterprise_provinces=[],
                       format="records")
    rank = {"high": 0, "medium": 1, "low": 2}
    found = [CardAlert(
        alert_id=int(r["alert_id"]), severity=str(r["severity"]), period=str(r["period"]),
        indicator=_optional(r.get("indicator")), industry=str(r["industry"]),
        province=str(r["province"]), title_en=str(r["title_en"]),
        title_zh=str(r["title_zh"]), simulated=bool(r["simulated"]),
        status=str(r.get("status") or "new"),
    ) for r in rows]
    found = _visible_alerts(store, found, clearance)
    # most severe first; within a severity the order monitoring gives (latest month first)
    found.sort(key=lambda a: rank.get(a.severity, len(rank)))
    return tuple(found), True


def _visible_alerts(store: Store, found: list[CardAlert], clearance: Clearance | None
                    ) -> list[CardAlert]:
    if clearance is None or clearance.full or not found:
        return found
    suppressed = store.suppressed_cells(sorted({a.period for a in found}))
    return [a for a in found if (a.period, a.industry, a.province) not in suppressed
            or clearance.sees(a.province)]


def _optional(value: object) -> str | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    return str(value)


# -- which periods have cards ---------------------------------------------------------------------
def card_periods(store: Store) -> list[Period]:
    """Every period a card can show figures for, newest first: each year with figures,
    each quarter and half stated, each month with monthly figures."""
    found: set[Period] = set()
    for text in store.periods():
        stated = Period.parse(text)
        if stated.start[:4] != stated.end[:4]:
            continue  # a span across two years belongs to neither year's card
        found.add(Period.parse(stated.end[:4]))
        if stated.kind in ("quarter", "half"):
            found.add(stated)
        elif stated.frequency == "month":
            found.add(Period.parse(stated.end))
    return sorted(found, reverse=True)


def default_period(store: Store) -> Period | None:
    """The period a card shows when none is asked for: the latest year with a figure of
    its own (the year, its full cumulative, its end-of-year stock or December), else
    the latest period with figures."""
    texts = store.periods()
    years = [int(t[:4]) for t in texts if _closes_year(t)]
    if years:
        return Period.parse(str(max(years)))
    periods = card_periods(store)
    return periods[0] if periods else None


def _closes_year(text: str) -> bool:
    stated = Period.parse(text)
    year = stated.end[:4]
    return stated.kind == "year" or text in (f"{year}-12", f"{year}-12-31",
                                             f"{year}-01/{year}-12")


def no_figures_message(store: Store, period: Period) -> str:
    """What a reader asking for a period without figures needs: which periods have some."""
    available = card_periods(store)
    if not available:
        return (f"no figures for period {period.text!r}: the store {store.path} holds no "
                "figures at all; load published figures (indmon load-published) or import "
                "and compute enterprise reports (indmon import reports, indmon compute) first")
    return (f"no figures for period {period.text!r} in the store {store.path}; periods with "
            f"figures: {describe_periods(available)}")


def describe_periods(periods: Sequence[Period]) -> str:
    """``years 2023, 2022; quarters 2023-Q1; months 2023-02 to 2024-03 (14)``."""
    groups: dict[str, list[str]] = {}
    for p in sorted(periods, reverse=True):
        name = {"year": "years", "half": "halves", "quarter": "quarters"}.get(p.kind, "months")
        groups.setdefault(name, []).append(p.text)
    parts = []
    for name in ("years", "halves", "quarters", "months"):
        texts = groups.get(name)
        if not texts:
            continue
        if len(texts) > 6:
            parts.append(f"{name} {texts[-1]} to {texts[0]} ({len(texts)})")
        else:
            parts.append(f"{name} {', '.join(texts)}")
    return "; ".join(parts)


# -- trends for the dashboard's cards -----------------------------------------------------------
def trends(store: Store, entries: Sequence[Entry], points: int = 13,
           clearance: Clearance | None = None) -> dict[int, list[Observation]]:
    """For each whole-country entry, the last ``points`` figures of its line up to its
    period (by obs id). A line is one origin, one frequency and one kind of period
    (``split_series``), so a trend never mixes them. One store query for all. Points
    ``clearance`` may not see are left out of the line."""
    whole = [e for e in entries if e.whole]
    if not whole:
        return {}
    end = max(e.figure.period.end for e in whole)
    figures = store.figures(sorted({e.indicator for e in whole}), industry=ALL, province=ALL,
                            end=end)
    line_of: dict[int, Series] = {}
    for line in split_series(figures):
        for point in line.points:
            line_of[point.obs_id] = line
    out: dict[int, list[Observation]] = {}
    for entry in whole:
        found = line_of.get(entry.obs_id)
        if found is not None:
            upto = [p for p in found.points if p.period <= entry.figure.period]
            out[entry.obs_id] = [p for p in upto[-points:] if not p.seen_by(clearance).withheld]
    return out


__all__ = [
    "CARD_KINDS",
    "ORIGINS",
    "CardAlert",
    "CardSection",
    "CardTheme",
    "Entry",
    "ReportCard",
    "build_card",
    "card_period",
    "card_periods",
    "coverage",
    "covered",
    "default_period",
    "describe_periods",
    "entry_period_words",
    "is_own",
    "is_within",
    "no_figures_message",
    "trends",
]
