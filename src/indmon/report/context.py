"""What every section builder shares: the store, the catalogue, the language, and how a
stored figure becomes a printed, cited number."""

from __future__ import annotations

from dataclasses import dataclass, field

from indmon.catalogue import ALL, Catalogue, Indicator
from indmon.errors import UnknownCode
from indmon.periods import Period
from indmon.report import phrasing
from indmon.report.figures import Figure
from indmon.report.model import Number, Paragraph
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
        text = phrasing.format_value(value, figure.unit, self.lang, self.measure(figure.indicator))
        return self.derived(text, figure)

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
    """Words and a number comparing a figure with the same figure a year earlier."""
    prev_words = ctx.period_words(previous.period)
    if is_growth(figure.unit):
        diff = round(figure.value - previous.value, 1)
        around = phrasing.compared(diff, prev_words, ctx.lang)
        if around is None:
            return (phrasing.same_as(prev_words, ctx.lang),)
        number = ctx.derived(phrasing.points(abs(diff), ctx.lang), figure, previous)
        return (around[0], number, around[1])
    if previous.value <= 0 or ctx.measure(figure.indicator) in ("rank", "streak"):
        return ()
    change = 100 * (figure.value / previous.value - 1)
    before, after = phrasing.changed(change, prev_words, ctx.lang)
    return (before, ctx.derived(f"{phrasing.rate(abs(change))}%", figure, previous), after)


def change_cell(ctx: Context, figure: Figure, previous: Figure | None) -> Number | None:
    """The compact change on the previous year for a table cell."""
    if previous is None:
        return None
    if is_growth(figure.unit):
        text = phrasing.signed_points(round(figure.value - previous.value, 1), ctx.lang)
        return ctx.derived(text, figure, previous)
    if previous.value <= 0 or ctx.measure(figure.indicator) in ("rank", "streak"):
        return None
    change = 100 * (figure.value / previous.value - 1)
    return ctx.derived(phrasing.signed_percent(change), figure, previous)


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
