"""What every section builder shares: the store, the catalogue, the language, and how a
stored figure becomes a printed, cited number."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from indmon.catalogue import ALL, Catalogue, Indicator
from indmon.errors import UnknownCode
from indmon.periods import Period
from indmon.report import phrasing
from indmon.report.figures import Figure
from indmon.report.model import Number, Paragraph, Stated
from indmon.store import Store


@dataclass
class Context:
    store: Store
    catalogue: Catalogue
    period: str
    lang: str
    words: dict[str, str]
    #: observation ids cited so far, in order: they become the endnotes
    cited: list[int] = field(default_factory=list)

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

    def cell_label(self, figure: Figure) -> str:
        """The industry and/or province a figure is for, empty for the whole country."""
        parts = []
        if figure.industry != ALL:
            parts.append(_safe(self.catalogue.industry_label, figure.industry, self.lang))
        if figure.province != ALL:
            parts.append(_safe(self.catalogue.province_label, figure.province, self.lang))
        return " · ".join(parts)

    def number(self, figure: Figure, absolute: bool = False) -> Number:
        """The figure as printed in this language, cited."""
        value = abs(figure.value) if absolute else figure.value
        text = phrasing.format_value(value, figure.unit, self.lang,
                                     self.measure(figure.indicator), self.counter(figure.indicator))
        number = self.derived(text, figure)
        if len(figure.stated) < 2:
            return number
        return replace(number, differs=self._stated(figure, absolute))

    def _stated(self, figure: Figure, absolute: bool) -> tuple[Stated, ...]:
        """Every value sources state for a conflicting figure, each with its source."""
        from indmon.report.citations import source_labels

        labels = source_labels(self.store, [obs_id for obs_id, _ in figure.stated], self.lang)
        stated = []
        for obs_id, value in figure.stated:
            shown = abs(value) if absolute else value
            text = phrasing.format_value(shown, figure.unit, self.lang,
                                         self.measure(figure.indicator),
                                         self.counter(figure.indicator))
            self.cited.append(obs_id)
            stated.append(Stated(Number(text, (obs_id,), figure.simulated),
                                 labels.get(obs_id, "")))
        return tuple(stated)

    def derived(self, text: str, *figures: Figure) -> Number:
        """A number computed here from stored figures (a difference, a rank): cites them."""
        ids = tuple(f.obs_id for f in figures)
        self.cited.extend(ids)
        return Number(text, ids, any(f.simulated for f in figures))

    def period_words(self, text: str) -> str:
        return phrasing.period_words(text, self.lang)

    def sentence(self, *parts: str | Number) -> Paragraph:
        """Parts joined into a sentence ending with the language's full stop."""
        return (*parts, self.word("end_sentence"))


def _safe(label: object, code: str, lang: str) -> str:
    try:
        return str(label(code, lang))  # type: ignore[operator]
    except UnknownCode:
        return code


def is_growth(unit: str) -> bool:
    """Rates whose comparisons are differences in points rather than percent changes."""
    return unit in ("percent", "percentage_point")


def comparison(ctx: Context, figure: Figure, previous: Figure) -> tuple[str | Number, ...]:
    """Words and numbers comparing a figure with the same figure a year earlier."""
    prev_words = ctx.period_words(previous.period)
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


def change_cell(ctx: Context, figure: Figure, previous: Figure | None) -> Number | None:
    """The compact change on the previous year for a table cell: points for rates, the
    difference in units (and percent where it reads naturally) for levels."""
    if previous is None:
        return None
    if is_growth(figure.unit):
        text = phrasing.signed_points(round(figure.value - previous.value, 1), ctx.lang)
        return ctx.derived(text, figure, previous)
    change = phrasing.level_change(figure.value, previous.value, figure.unit,
                                   ctx.measure(figure.indicator))
    text = phrasing.change_cell_text(change, figure.unit, ctx.lang,
                                     ctx.counter(figure.indicator))
    return ctx.derived(text, figure, previous)


def is_whole(figure_period: str, period: str) -> bool:
    """Whether a figure's period is the requested one (so it needs no period note)."""
    from indmon.report.figures import whole_periods

    return figure_period in whole_periods(period) or (
        Period.parse(period).kind == "month" and figure_period == period
    )


def unit_label(ctx: Context, unit: str) -> str:
    if unit == "percent":
        return "%"
    if unit == "percentage_point":
        return "个百分点" if ctx.lang == "zh" else "percentage points"
    return phrasing.format_value(1, unit, ctx.lang).removeprefix("1").strip()
