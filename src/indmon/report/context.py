"""What every section builder shares: the report card, the catalogue, the language, and
how a card's figure becomes a printed, cited number."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from indmon.catalogue import ALL, Catalogue, Indicator
from indmon.errors import UnknownCode
from indmon.periods import Period
from indmon.report import phrasing
from indmon.report.card import Entry, ReportCard, covered
from indmon.report.citations import Worded
from indmon.report.model import Number, Paragraph, Stated
from indmon.store import Observation, Origin, Series, Store, split_series


@dataclass
class Context:
    store: Store
    catalogue: Catalogue
    card: ReportCard
    lang: str
    words: dict[str, str]
    #: figures cited so far, in order: they become the endnotes
    cited: list[Observation] = field(default_factory=list)
    #: the whole-country lines of the card's year by origin, then indicator: read from
    #: the store once per origin for every chart of the briefing (see ``year_series``)
    _year_series: dict[Origin, dict[str, list[Series]]] = field(
        default_factory=dict, repr=False)

    @property
    def period(self) -> str:
        return self.card.period.text

    def word(self, key: str, **values: str) -> str:
        return self.words[key].format(**values) if values else self.words[key]

    def indicator(self, indicator_id: str) -> Indicator | None:
        try:
            return self.catalogue.indicator(indicator_id)
        except UnknownCode:
            return None

    def name(self, indicator_id: str) -> str:
        ind = self.indicator(indicator_id)
        return ind.name(self.lang) if ind else indicator_id

    def measure(self, indicator_id: str) -> str:
        ind = self.indicator(indicator_id)
        return ind.measure if ind else "level"

    def counter(self, indicator_id: str) -> str:
        """The Chinese counter word of a count indicator (个, 户, 家)."""
        ind = self.indicator(indicator_id)
        return phrasing.zh_counter(ind.name_zh) if ind else ""

    def cell_label(self, figure: Observation | Entry) -> str:
        """The industry and/or province a figure is for, empty for the whole country."""
        parts = []
        if figure.industry != ALL:
            parts.append(_safe(self.catalogue.industry_label, figure.industry, self.lang))
        if figure.province != ALL:
            parts.append(_safe(self.catalogue.province_label, figure.province, self.lang))
        return " · ".join(parts)

    def value_text(self, figure: Observation, absolute: bool = False) -> str:
        value = abs(figure.value) if absolute else figure.value
        return phrasing.format_value(value, figure.unit, self.lang,
                                     self.measure(figure.indicator),
                                     self.counter(figure.indicator))

    def number(self, figure: Observation | Entry, absolute: bool = False) -> Number:
        """A card's figure as printed in this language, cited; an entry whose sources
        disagree carries every stated value with its source."""
        obs = figure.figure if isinstance(figure, Entry) else figure
        if obs.withheld:
            # a suppressed cell: the word, linked to its provenance, never a value
            return Number(self.word("suppressed"), (obs.obs_id,), obs.simulated)
        text = self.value_text(obs, absolute)
        if obs.confidential:
            # a card for cleared readers: each suppressed value says it is not public
            text = f"{text}（{self.word('confidential')}）" if self.lang == "zh" else (
                f"{text} ({self.word('confidential')})")
        number = self.derived(text, obs)
        if not isinstance(figure, Entry) or not figure.conflict:
            return number
        return replace(number, differs=self._stated(figure, absolute))

    def _stated(self, entry: Entry, absolute: bool) -> tuple[Stated, ...]:
        """Every value sources state for a conflicting figure, each with its source."""
        from indmon.report.citations import source_labels

        labels = source_labels(self.store, [f.obs_id for f in entry.stated], self.lang)
        stated = []
        for figure in entry.stated:
            self.cited.append(figure)
            stated.append(Stated(Number(self.value_text(figure, absolute), (figure.obs_id,),
                                        figure.simulated), labels.get(figure.obs_id, "")))
        return tuple(stated)

    def derived(self, text: str, *figures: Observation) -> Number:
        """A number read or computed here from stored figures (a difference): cites them."""
        self.cited.extend(figures)
        return Number(text, tuple(f.obs_id for f in figures), any(f.simulated for f in figures))

    def period_words(self, period: str | Period) -> str:
        return phrasing.period_words(period if isinstance(period, str) else period.text,
                                     self.lang)

    def figure_period(self, figure: Observation) -> str:
        """The period a figure covers in words; a year to date ending in December is
        the year (``2022``), as releases say it."""
        return self.period_words(covered(figure))

    def when(self, entry: Entry) -> str:
        """The period note of an entry: nothing for the card period's own figure, else
        ``latest known: January–November 2023``."""
        if not entry.latest_known:
            return ""
        return self.word("latest_known", period=self.period_words(entry.covers))

    def sentence(self, *parts: str | Number) -> Paragraph:
        """Parts joined into a sentence ending with the language's full stop."""
        return (*parts, self.word("end_sentence"))

    def year_series(self, indicator: str, origin: Origin) -> list[Series]:
        """The whole-country lines of an indicator from January of the card's year to its
        end, as ``Store.series`` gives them; one store read per origin for all
        indicators, since a briefing charts dozens of them."""
        by_indicator = self._year_series.get(origin)
        if by_indicator is None:
            figures = [f for f in self.store.figures(
                industry=ALL, province=ALL, origin=origin, start=f"{self.card.period.end[:4]}-01",
                end=self.card.period.end, clearance=self.card.clearance) if not f.withheld]
            grouped: dict[str, list[Observation]] = {}
            for figure in figures:
                grouped.setdefault(figure.indicator, []).append(figure)
            by_indicator = {ind: split_series(found) for ind, found in grouped.items()}
            self._year_series[origin] = by_indicator
        return by_indicator.get(indicator, [])

    def describe(self, figure: Observation) -> Worded:
        """A figure in words for the note that cites it."""
        return Worded(self.name(figure.indicator),
                      self.cell_label(figure), self.figure_period(figure),
                      self.value_text(figure))


def year_lines(ctx: Context, indicator: str, origin: Origin) -> list[tuple[str, Series]]:
    """The monthly lines of an indicator (one per kind: months, year to date) within the
    card's year up to its end, labelled by kind when there are several."""
    year = ctx.card.period.end[:4]
    found: list[tuple[str, Series]] = []
    for line in ctx.year_series(indicator, origin):
        if line.frequency != "month":
            continue
        for kind, points in _by_kind(line).items():
            inside = tuple(p for p in points if p.period.start[:4] == year)
            if inside:
                found.append((kind, replace(line, kind=kind, points=inside)))
    several = len(found) > 1
    return [(ctx.word("monthly_growth" if kind == "month" else "ytd_growth") if several
             else "", line) for kind, line in found]


def _by_kind(line: Series) -> dict[str, tuple[Observation, ...]]:
    """A monthly line's points by kind of period: a year-to-date line and a month line
    never share one line; January-February goes with the year to date where there is one."""
    kinds = {p.period.kind for p in line.points}
    groups: dict[str, list[Observation]] = {}
    for point in line.points:
        kind = point.period.kind
        if kind == "janfeb":
            kind = "ytd" if "ytd" in kinds else "month"
        groups.setdefault("ytd" if kind == "ytd" else "month", []).append(point)
    return {kind: tuple(points) for kind, points in groups.items()}


def _safe(label: object, code: str, lang: str) -> str:
    try:
        return str(label(code, lang))  # type: ignore[operator]
    except UnknownCode:
        return code


def is_growth(unit: str) -> bool:
    """Rates whose comparisons are differences in points rather than percent changes."""
    return unit in ("percent", "percentage_point")


def comparison(ctx: Context, figure: Observation, previous: Observation
               ) -> tuple[str | Number, ...]:
    """Words and numbers comparing a figure with the same figure a year earlier."""
    prev_words = ctx.figure_period(previous)
    if is_growth(figure.unit):
        diff = round(figure.value - previous.value, 1)
        around = phrasing.compared(diff, prev_words, ctx.lang)
        if around is None:
            return (phrasing.same_as(prev_words, ctx.lang),)
        number = ctx.derived(phrasing.points(abs(diff), ctx.lang), figure, previous)
        return (around[0], number, around[1])
    measure = ctx.measure(figure.indicator)
    change = phrasing.level_change(figure.value, previous.value, figure.unit, measure)
    if change.same:
        same = (f"与{prev_words}持平" if ctx.lang == "zh"
                else f"unchanged from {phrasing.at_period_en(prev_words).removeprefix('in ')}")
        return (ctx.derived(same, figure, previous),)
    if measure == "rank":
        move = phrasing.rank_move(change.diff, ctx.lang)
        text = (f"比{prev_words}{move}" if ctx.lang == "zh"
                else f"{move} from {phrasing.at_period_en(prev_words).removeprefix('in ')}")
        return (ctx.derived(text, figure, previous),)
    before, after, percent = phrasing.level_compared(change, prev_words, ctx.lang)
    amount = phrasing.format_value(abs(change.diff), figure.unit, ctx.lang, measure,
                                   ctx.counter(figure.indicator))
    return (before, ctx.derived(amount, figure, previous), after + percent)


def change_cell(ctx: Context, figure: Observation, previous: Observation | None
                ) -> Number | None:
    """The compact change on the year before for a table cell: points for rates, the
    difference in units (and percent where it reads naturally) for levels; none when
    either figure is withheld."""
    if previous is None or figure.withheld or previous.withheld:
        return None
    if is_growth(figure.unit):
        text = phrasing.signed_points(round(figure.value - previous.value, 1), ctx.lang)
        return ctx.derived(text, figure, previous)
    change = phrasing.level_change(figure.value, previous.value, figure.unit,
                                   ctx.measure(figure.indicator))
    text = phrasing.change_cell_text(change, figure.unit, ctx.lang,
                                     ctx.counter(figure.indicator))
    return ctx.derived(text, figure, previous)


def unit_label(ctx: Context, unit: str) -> str:
    if unit == "percent":
        return "%"
    if unit == "percentage_point":
        return "个百分点" if ctx.lang == "zh" else "percentage points"
    return phrasing.format_value(1, unit, ctx.lang).removeprefix("1").strip()
