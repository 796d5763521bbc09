"""The sections computed from enterprise reports: overview, by industry, by province,
profits and loss-making enterprises.

They read the indicators of ``shared/formats/indicator-results.md`` for the report's month
(a year's December). Figures from simulated reports are labelled as such in the heading
and on every chart, because a reader must never take them for official statistics.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from indmon.catalogue import ALL
from indmon.periods import month_add, months_between
from indmon.report import phrasing
from indmon.report.citations import chart_source, source_labels
from indmon.report.context import Context, change_cell, comparison, is_whole, unit_label
from indmon.report.figures import (
    Figure,
    computed_figures,
    pick_published,
    published_figures,
    report_month,
)
from indmon.report.model import Cell, Chart, Number, Section, Table

INDICATORS = (
    "va_ytd_yoy", "va_real_ytd_yoy", "va_real_yoy", "va_yoy", "va_contribution_pp",
    "output_ytd_yoy", "revenue_ytd_yoy",
    "profit_ytd", "profit_ytd_yoy", "loss_making_ytd", "loss_ytd", "enterprises",
)
#: the whole-country figures the overview table lists, in order
OVERVIEW = ("va_real_ytd_yoy", "va_ytd_yoy", "output_ytd_yoy", "revenue_ytd_yoy", "enterprises")
#: value added growth (year to date, month) at comparable prices, then at current prices:
#: the statistics bureau publishes growth at comparable prices, so that basis comes first
REAL = ("va_real_ytd_yoy", "va_real_yoy")
NOMINAL = ("va_ytd_yoy", "va_yoy")
SECTORS = ("B", "C", "D")


@dataclass
class Cells:
    """Computed figures for one month, looked up by indicator, industry and province."""

    month: str
    figures: dict[tuple[str, str, str], Figure]
    previous: dict[tuple[str, str, str], Figure]

    def get(self, indicator: str, industry: str = ALL, province: str = ALL) -> Figure | None:
        return self.figures.get((indicator, industry, province))

    def before(self, figure: Figure) -> Figure | None:
        return self.previous.get((figure.indicator, figure.industry, figure.province))

    @property
    def simulated(self) -> bool:
        return any(f.simulated for f in self.figures.values())

    @property
    def real(self) -> bool:
        """Whether growth at comparable prices was computed for this month."""
        return any(key[0] == REAL[0] for key in self.figures)

    @property
    def va(self) -> str:
        """The year-to-date value added growth to show: comparable prices when computed."""
        return REAL[0] if self.real else NOMINAL[0]

    @property
    def va_month(self) -> str:
        return REAL[1] if self.real else NOMINAL[1]


def sections(ctx: Context) -> list[Section | None]:
    month = report_month(ctx.period)
    now = computed_figures(ctx.store, INDICATORS, (month,))
    if not now:
        return []
    before = computed_figures(ctx.store, INDICATORS, (month_add(month, -12),), whole_only=True)
    cells = Cells(month, _keyed(now), _keyed(before))
    return [_overview(ctx, cells), _by_industry(ctx, cells), _by_province(ctx, cells),
            _profits(ctx, cells)]


def _keyed(figures: list[Figure]) -> dict[tuple[str, str, str], Figure]:
    return {(f.indicator, f.industry, f.province): f for f in figures}


def _title(ctx: Context, key: str, simulated: bool) -> str:
    if not simulated:
        return ctx.word(key)
    label = ctx.word("simulated")
    return f"{ctx.word(key)}（{label}）" if ctx.lang == "zh" else f"{ctx.word(key)} — {label}"


def _chart_title(ctx: Context, text: str, simulated: bool) -> str:
    if not simulated:
        return text
    return f"{text}（{ctx.word('simulated')}）" if ctx.lang == "zh" else (
        f"{text} ({ctx.word('simulated')})")


def _ytd_words(ctx: Context, month: str) -> str:
    """Year to date in words: ``January–December 2023`` / ``2023年1—12月``."""
    return ctx.period_words(f"{month[:4]}-01/{month}" if month[5:] != "01" else month)


def _lead(ctx: Context, cells: Cells, growth: bool = True) -> str:
    """What the section is computed from and, for growth, on which price basis."""
    lead = ctx.word("computed_lead", period=_ytd_words(ctx, cells.month))
    if not growth:
        return lead
    return lead + ("" if ctx.lang == "zh" else " ") + ctx.word(
        "basis_real" if cells.real else "basis_nominal")


# -- overview -------------------------------------------------------------------------------
def _overview(ctx: Context, cells: Cells) -> Section | None:
    rows = []
    for indicator in OVERVIEW:
        figure = cells.get(indicator)
        if figure is None:
            continue
        previous = cells.before(figure)
        name = ctx.name(indicator)
        if indicator in NOMINAL:
            name += ctx.word("at_current_prices")
        rows.append((name, ctx.number(figure),
                     ctx.number(previous) if previous else None,
                     change_cell(ctx, figure, previous)))
    if not rows:
        return None
    columns = tuple(ctx.word(k) for k in ("indicator", "value", "previous", "change"))
    table = Table(ctx.word("computed_overview"), columns, tuple(rows), numeric=(1, 2, 3))
    paragraphs = [p for p in (_growth_sentence(ctx, cells), _versus_published(ctx, cells),
                              _counts_sentence(ctx, cells)) if p]
    chart = _monthly_chart(ctx, cells)
    return Section("computed-overview", _title(ctx, "computed_overview", cells.simulated),
                   paragraphs=tuple(paragraphs), tables=(table,),
                   charts=(chart,) if chart else (), simulated=cells.simulated,
                   lead=_lead(ctx, cells))


def _growth_sentence(ctx: Context, cells: Cells) -> tuple[str | Number, ...] | None:
    """``At comparable prices, value added … grew 4.6% year on year, 1.0 point above …``"""
    figure = cells.get(cells.va)
    if figure is None:
        return None
    subject = phrasing.growth_subject(ctx.name("va_ytd_yoy"), ctx.lang) or ctx.name("va_ytd_yoy")
    basis = ctx.word("comparable_prices_lead" if cells.real else "current_prices_lead")
    if ctx.lang == "en":
        subject = phrasing.lower_first(subject)
    before, after = phrasing.grew(subject, figure.value, ctx.lang)
    parts: list[str | Number] = [basis + before, ctx.number(figure, absolute=True), after]
    previous = cells.before(figure)
    if previous is not None:
        # the figure is a year to date: compare with the previous year to date, so worded
        parts += [ctx.word("comma"), *comparison(ctx, figure, replace(
            previous, period=_ytd_period(previous.period)))]
    return ctx.sentence(*parts)


def _ytd_period(month: str) -> str:
    """The period a year-to-date figure of ``month`` covers: ``2022`` for a December."""
    if month[5:] == "12":
        return month[:4]
    return f"{month[:4]}-01/{month}" if month[5:] != "01" else month


def _versus_published(ctx: Context, cells: Cells) -> tuple[str | Number, ...] | None:
    """The computed national growth next to the published one, each labelled, so that a
    reader sees how far the computation (or the simulation) is from official figures."""
    computed_figure = cells.get(cells.va)
    published = published_national_growth(ctx)
    if computed_figure is None or published is None:
        return None
    label = ctx.word("computed_simulated" if computed_figure.simulated else "computed_label")
    source = source_labels(ctx.store, [published.obs_id], ctx.lang,
                           first_only=True).get(published.obs_id, "")
    paren = ("（", "）") if ctx.lang == "zh" else (" (", ")")
    return ctx.sentence(ctx.word("versus_published") + label, ctx.number(computed_figure),
                        ctx.word("published_label"), ctx.number(published),
                        f"{paren[0]}{source}{paren[1]}" if source else "")


def published_national_growth(ctx: Context) -> Figure | None:
    """The published national value added growth for exactly the report's period."""
    picked = pick_published(published_figures(ctx.store, ctx.period), ctx.period)
    return next((f for f in picked if f.indicator == "va_ytd_yoy" and f.industry == ALL
                 and f.province == ALL and is_whole(f.period, ctx.period)), None)


def _counts_sentence(ctx: Context, cells: Cells) -> tuple[str | Number, ...] | None:
    """How many industries grew and how many provinces beat the national rate."""
    divisions = _division_figures(ctx, cells, cells.va)
    national = cells.get(cells.va)
    parts: list[str | Number] = []
    if divisions:
        grew = [f for f in divisions if f.value > 0]
        parts.append(ctx.word("industries_grew", grew=str(len(grew)), total=str(len(divisions))))
    provinces = _province_figures(ctx, cells, cells.va)
    if provinces and national is not None:
        faster = [f for f in provinces if f.value > national.value]
        space = "" if ctx.lang == "zh" else " "
        parts += [space if parts else "",
                  ctx.word("provinces_faster", faster=str(len(faster)), total=str(len(provinces))),
                  ctx.number(national), ctx.word("end_sentence")]
    return tuple(p for p in parts if p != "") or None


def _monthly_chart(ctx: Context, cells: Cells) -> Chart | None:
    months = months_between(f"{cells.month[:4]}-01", cells.month)
    pair = (cells.va_month, cells.va)
    series_figures = computed_figures(ctx.store, pair, tuple(months), whole_only=True)
    by_key = {(f.indicator, f.period): f for f in series_figures}
    shown = [m for m in months if any((i, m) in by_key for i in pair)]
    if len(shown) < 2:
        return None
    series = tuple(
        (ctx.word(label), tuple(by_key[(ind, m)].value if (ind, m) in by_key else None
                                for m in shown))
        for ind, label in zip(pair, ("monthly_growth", "ytd_growth"), strict=True))
    ids = [f.obs_id for f in series_figures]
    ctx.cited.extend(ids)
    simulated = any(f.simulated for f in series_figures)
    title = ctx.word("monthly_chart", year=cells.month[:4]) + _basis_suffix(ctx, cells)
    return Chart("computed-monthly", "line", _chart_title(ctx, title, simulated),
                 tuple(phrasing.month_label(m, ctx.lang) for m in shown), series,
                 "%", chart_source(ctx, ids), simulated, obs_ids=tuple(ids))


def _basis_suffix(ctx: Context, cells: Cells) -> str:
    """The price basis in a chart title, since charts get copied out on their own."""
    word = ctx.word("comparable_prices" if cells.real else "current_prices")
    return f"（{word}）" if ctx.lang == "zh" else f", {word}"


# -- by industry ------------------------------------------------------------------------------
def _division_figures(ctx: Context, cells: Cells, indicator: str) -> list[Figure]:
    return [f for code in ctx.catalogue.industries
            if (f := cells.get(indicator, code)) is not None]


def _by_industry(ctx: Context, cells: Cells) -> Section | None:
    divisions = _division_figures(ctx, cells, cells.va)
    if not divisions:
        return None
    rows: list[tuple[Cell, ...]] = []
    for code in (ALL, *SECTORS, *ctx.catalogue.industries):
        growth = cells.get(cells.va, code)
        if growth is None:
            continue
        contribution = cells.get("va_contribution_pp", code)
        label = ctx.catalogue.industry_label(code, ctx.lang)
        rows.append((code if code != ALL else "", label, ctx.number(growth),
                     _points(ctx, contribution)))
    columns = ("", ctx.word("industry"), ctx.word("growth"), ctx.word("contribution"))
    table = Table(ctx.word("by_industry"), columns, tuple(rows), numeric=(2, 3))
    chart = _bar_chart(ctx, "computed-industries", "industry_chart", divisions,
                       [ctx.catalogue.industry_label(f.industry, ctx.lang) for f in divisions],
                       cells.get(cells.va), _basis_suffix(ctx, cells))
    simulated = any(f.simulated for f in divisions)
    return Section("computed-industry", _title(ctx, "by_industry", simulated), tables=(table,),
                   charts=(chart,), simulated=simulated, lead=_lead(ctx, cells))


def _points(ctx: Context, figure: Figure | None) -> Number | None:
    if figure is None:
        return None
    text = f"{figure.value:.2f}"
    return ctx.derived("0.00" if text == "-0.00" else text.replace("-", "−"), figure)


def _bar_chart(ctx: Context, chart_id: str, title_key: str, figures: list[Figure],
               labels: list[str], national: Figure | None, suffix: str = "") -> Chart:
    order = sorted(range(len(figures)), key=lambda i: figures[i].value)
    simulated = any(f.simulated for f in figures)
    ids = [f.obs_id for f in figures]
    ctx.cited.extend(ids)
    title = ctx.word(title_key, period=_ytd_words(ctx, figures[0].period)) + suffix
    return Chart(chart_id, "bar", _chart_title(ctx, title, simulated),
                 tuple(labels[i] for i in order),
                 (("", tuple(figures[i].value for i in order)),),
                 unit_label(ctx, figures[0].unit), chart_source(ctx, ids), simulated,
                 reference=(national.value, ctx.word("national")) if national else None,
                 obs_ids=tuple(ids))


# -- by province --------------------------------------------------------------------------------
def _province_figures(ctx: Context, cells: Cells, indicator: str) -> list[Figure]:
    return [f for code in ctx.catalogue.provinces
            if (f := cells.get(indicator, ALL, code)) is not None]


def _by_province(ctx: Context, cells: Cells) -> Section | None:
    provinces = _province_figures(ctx, cells, cells.va)
    if not provinces:
        return None
    national = cells.get(cells.va)
    ranked = sorted(provinces, key=lambda f: -f.value)
    rows: list[tuple[Cell, ...]] = []
    for rank, figure in enumerate(ranked, start=1):
        province = ctx.catalogue.province(figure.province)
        region = ctx.catalogue.regions.get(province.region, ("", ""))
        gap = (ctx.derived(phrasing.signed_points(round(figure.value - national.value, 1),
                                                  ctx.lang), figure, national)
               if national else None)
        rows.append((str(rank), province.name(ctx.lang), region[1 if ctx.lang == "zh" else 0],
                     ctx.number(figure), gap))
    columns = tuple(ctx.word(k) for k in ("rank", "province", "region", "growth", "vs_national"))
    table = Table(ctx.word("by_province"), columns, tuple(rows), numeric=(0, 3, 4))
    chart = _bar_chart(ctx, "computed-provinces", "province_chart", provinces,
                       [ctx.catalogue.province_label(f.province, ctx.lang) for f in provinces],
                       national, _basis_suffix(ctx, cells))
    simulated = any(f.simulated for f in provinces)
    return Section("computed-province", _title(ctx, "by_province", simulated), tables=(table,),
                   charts=(chart,), simulated=simulated, lead=_lead(ctx, cells))


# -- profits --------------------------------------------------------------------------------------
PROFIT_COLUMNS = (("profit_ytd", "profit"), ("profit_ytd_yoy", "profit_growth"),
                  ("loss_making_ytd", "loss_making"), ("loss_ytd", "losses"),
                  ("enterprises", "enterprises"))


def _profits(ctx: Context, cells: Cells) -> Section | None:
    rows: list[tuple[Cell, ...]] = []
    for code in (ALL, *SECTORS):
        figures = [cells.get(ind, code) for ind, _ in PROFIT_COLUMNS]
        if not any(f is not None and f.indicator != "enterprises" for f in figures):
            continue
        rows.append((ctx.catalogue.industry_label(code, ctx.lang),
                     *(ctx.number(f) if f else None for f in figures)))
    if not rows:
        return None
    columns = (ctx.word("industry"), *(ctx.word(key) for _, key in PROFIT_COLUMNS))
    table = Table(ctx.word("profits"), columns, tuple(rows), numeric=(1, 2, 3, 4, 5))
    divisions = _division_figures(ctx, cells, "profit_ytd_yoy")
    charts: tuple[Chart, ...] = ()
    if len(divisions) >= 2:
        charts = (_bar_chart(ctx, "computed-profits", "profit_chart", divisions,
                             [ctx.catalogue.industry_label(f.industry, ctx.lang)
                              for f in divisions], cells.get("profit_ytd_yoy")),)
    simulated = cells.simulated
    return Section("computed-profits", _title(ctx, "profits", simulated), tables=(table,),
                   charts=charts, simulated=simulated, lead=_lead(ctx, cells, growth=False))
