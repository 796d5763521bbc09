"""Build a report card (``Briefing``) for one period from what the store holds.

Sections follow the catalogue: a headline section, one section per theme (in
``themes.csv`` order) listing the published figures the store has, the sections computed
from enterprise reports, and the risk list. A section with nothing to show is left out,
so the same code serves a store with only published figures, only computed ones, or both.

>>> briefing = build_briefing(store, "2023", "en")       # doctest: +SKIP
>>> [s.title for s in briefing.sections]                  # doctest: +SKIP
['Headline figures', 'Industrial economy', ...]
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from indmon.catalogue import ALL, Catalogue
from indmon.periods import Period
from indmon.report import computed, phrasing, risks
from indmon.report.citations import chart_source, cite
from indmon.report.context import Context, change_cell, comparison, is_whole, unit_label
from indmon.report.figures import (
    Figure,
    pick_published,
    previous_of,
    published_figures,
)
from indmon.report.model import Briefing, Chart, Number, Paragraph, Section, Table
from indmon.report.words import words_for
from indmon.store import Store

#: the headline's figures, in order: (indicator, industry); missing ones are skipped
HEADLINE = (("va_ytd_yoy", ALL), ("va_ytd_yoy", "C"), ("va_hightech_ytd_yoy", ALL))
#: how many figures of the ICT theme the headline adds after the industrial ones
HEADLINE_ICT = 4
#: ICT figures the headline prefers, in order; the theme's other figures fill up the rest
HEADLINE_ICT_IDS = ("telecom_revenue_yoy", "g5_base_stations", "g5_mobile_users",
                    "gigabit_users", "computing_power_world_rank")
#: a breakdown is charted when it has at least this many cells
MIN_CHART_CELLS = 3


def build_briefing(store: Store, period: str, lang: str, *,
                   generated: dt.datetime | None = None) -> Briefing:
    """The report card for ``period`` (a year like ``2023`` or a month like ``2023-06``)
    in ``lang`` (``en`` or ``zh``); ``generated`` fixes the time it states (default: now),
    so that a snapshot of the output can be compared byte for byte."""
    phrasing.check_lang(lang)
    Period.parse(period)
    ctx = Context(store, Catalogue.load(), period, lang, words_for(lang))
    frame = published_figures(store, period)
    picked = pick_published(frame, period)
    sections = [
        _headline(ctx, frame, picked),
        *_theme_sections(ctx, frame, picked),
        *computed.sections(ctx),
        risks.section(ctx),
    ]
    shown = tuple(s for s in sections if s is not None)
    if not shown:
        shown = (Section("empty", ctx.word("headline"),
                         paragraphs=((ctx.word("no_data", period=ctx.period_words(period)),),)),)
    citations = cite(store, ctx.cited, lang)
    return Briefing(
        title=ctx.word("title"), period=period, period_text=ctx.period_words(period),
        lang=lang, generated=generated or dt.datetime.now().replace(microsecond=0),
        sections=shown,
        notes=citations.notes, sources=citations.sources, note_of=citations.note_of,
        simulated=any(s.simulated for s in shown), words=ctx.words,
    )


# -- headline -----------------------------------------------------------------------------
def _headline(ctx: Context, frame: pd.DataFrame, picked: list[Figure]) -> Section | None:
    by_key = {(f.indicator, f.industry, f.province): f for f in picked}
    chosen = [by_key[(ind, industry, ALL)] for ind, industry in HEADLINE
              if (ind, industry, ALL) in by_key]
    chosen += [f for f in _ict_figures(ctx, picked) if f not in chosen]
    if not chosen:
        return None
    paragraphs = [_headline_sentence(ctx, frame, f) for f in chosen]
    return Section("headline", ctx.word("headline"), paragraphs=tuple(paragraphs),
                   lead=ctx.word("published_lead"))


def _ict_figures(ctx: Context, picked: list[Figure]) -> list[Figure]:
    order = [i.id for i in ctx.catalogue.by_theme("ict")]
    whole = [f for f in picked if f.industry == ALL and f.province == ALL and f.indicator in order]
    preferred = {ind: rank for rank, ind in enumerate(HEADLINE_ICT_IDS)}
    # figures for the whole period first: a quarter's figure is no headline for a year
    return sorted(whole, key=lambda f: (not is_whole(f.period, ctx.period),
                                        preferred.get(f.indicator, len(preferred)),
                                        order.index(f.indicator)))[:HEADLINE_ICT]


def _headline_sentence(ctx: Context, frame: pd.DataFrame, figure: Figure) -> Paragraph:
    """``<subject> grew 4.6% year on year, 1.0 percentage point above 2022.`` for rates,
    ``China had 3.377 million 5G base stations at the end of 2023, …`` for levels."""
    name = ctx.name(figure.indicator)
    cell = ctx.cell_label(figure)
    subject = phrasing.growth_subject(name, ctx.lang) if figure.unit == "percent" else None
    if subject and ctx.measure(figure.indicator) == "growth_yoy":
        subject = _with_cell(subject, cell, ctx.lang)
        before, after = phrasing.grew(subject, figure.value, ctx.lang)
        parts: list[str | Number] = [before, ctx.number(figure, absolute=True),
                                     after + _period_note(ctx, figure)]
    else:
        parts = list(_level_sentence(ctx, figure, _with_cell(name, cell, ctx.lang)))
    previous = previous_of(frame, figure)
    if previous is not None:
        parts += [ctx.word("comma"), *comparison(ctx, figure, previous)]
    return ctx.sentence(*parts)


def _level_sentence(ctx: Context, figure: Figure, name: str) -> tuple[str | Number, ...]:
    """A level read as a sentence, worded by its kind (see ``phrasing.LEVEL_PHRASES``)."""
    indicator = ctx.indicator(figure.indicator)
    stock = Period.parse(figure.period).kind == "date" or (
        indicator is not None and indicator.frequency == "stock")
    measure = ctx.measure(figure.indicator)
    kind = phrasing.level_kind(measure, figure.unit, stock)
    before, after = phrasing.level_sentence(
        figure.indicator, name, kind, figure.period, ctx.lang,
        large=abs(figure.value) >= phrasing.PERCENT_FROM_COUNT)
    return (before, ctx.number(figure), after)


def _with_cell(text: str, cell: str, lang: str) -> str:
    if not cell:
        return text
    return f"{text}（{cell}）" if lang == "zh" else f"{text} ({cell})"


def _period_note(ctx: Context, figure: Figure) -> str:
    if is_whole(figure.period, ctx.period):
        return ""
    words = ctx.period_words(figure.period)
    return f"（{words}）" if ctx.lang == "zh" else f" ({words})"


# -- one section per theme ------------------------------------------------------------------
def _theme_sections(ctx: Context, frame: pd.DataFrame, picked: list[Figure]) -> list[Section]:
    sections = []
    for theme in sorted(ctx.catalogue.themes.values(), key=lambda t: t.order):
        order = [i.id for i in ctx.catalogue.by_theme(theme.code)]
        figures = [f for f in picked if f.indicator in order]
        if not figures:
            continue
        figures.sort(key=lambda f: (order.index(f.indicator), f.industry != ALL,
                                    f.province != ALL, f.industry, f.province))
        table = _theme_table(ctx, frame, theme.name(ctx.lang), figures)
        charts = _breakdown_charts(ctx, figures) + _series_charts(ctx, frame, order)
        sections.append(Section(f"theme-{theme.code}", theme.name(ctx.lang), tables=(table,),
                                charts=tuple(charts), lead=ctx.word("published_lead")))
    return sections


def _theme_table(ctx: Context, frame: pd.DataFrame, caption: str,
                 figures: list[Figure]) -> Table:
    rows = []
    for figure in figures:
        cell = ctx.cell_label(figure)
        label = f"— {cell}" if cell and _has_whole(figures, figure) else _with_cell(
            ctx.name(figure.indicator), cell, ctx.lang)
        previous = previous_of(frame, figure)
        when = "" if is_whole(figure.period, ctx.period) else ctx.period_words(figure.period)
        rows.append((label, ctx.number(figure), when,
                     ctx.number(previous) if previous else None,
                     change_cell(ctx, figure, previous)))
    columns = tuple(ctx.word(k) for k in ("indicator", "value", "refers_to", "previous", "change"))
    return Table(caption, columns, tuple(rows), numeric=(1, 3, 4))


def _has_whole(figures: list[Figure], figure: Figure) -> bool:
    return any(f.indicator == figure.indicator and f.industry == ALL and f.province == ALL
               for f in figures)


def _breakdown_charts(ctx: Context, figures: list[Figure]) -> list[Chart]:
    """A bar chart for each indicator stated for several industries or provinces."""
    charts = []
    for indicator in dict.fromkeys(f.indicator for f in figures):
        cells = [f for f in figures if f.indicator == indicator
                 and (f.industry != ALL) != (f.province != ALL)]
        if len(cells) < MIN_CHART_CELLS:
            continue
        cells.sort(key=lambda f: f.value)
        whole = next((f for f in figures if f.indicator == indicator
                      and f.industry == ALL and f.province == ALL), None)
        charts.append(Chart(
            chart_id=f"{indicator}-cells", kind="bar", title=ctx.name(indicator),
            categories=tuple(ctx.cell_label(f) for f in cells),
            series=(("", tuple(f.value for f in cells)),),
            unit_label=unit_label(ctx, cells[0].unit),
            source_line=chart_source(ctx, [f.obs_id for f in cells]),
            simulated=any(f.simulated for f in cells),
            reference=(whole.value, ctx.word("national")) if whole else None,
            obs_ids=tuple(f.obs_id for f in cells)))
        ctx.cited.extend(f.obs_id for f in cells)
    return charts


def _series_charts(ctx: Context, frame: pd.DataFrame, order: list[str]) -> list[Chart]:
    """A line chart for each indicator published month by month in the year."""
    year = str(Period.parse(ctx.period).year)
    monthly = frame[(frame["industry"] == ALL) & (frame["province"] == ALL)
                    & frame["period"].str.fullmatch(rf"{year}-\d\d")
                    & frame["indicator"].isin(order)]
    charts = []
    for indicator, rows in monthly.groupby("indicator", sort=False):
        if len(rows) < MIN_CHART_CELLS:
            continue
        rows = rows.sort_values("period")
        charts.append(Chart(
            chart_id=f"{indicator}-months", kind="line", title=ctx.name(str(indicator)),
            categories=tuple(p[5:] for p in rows["period"]),
            series=(("", tuple(float(v) for v in rows["value"])),),
            unit_label=unit_label(ctx, str(rows["unit"].iloc[0])),
            source_line=chart_source(ctx, [int(i) for i in rows["obs_id"]]),
            simulated=bool(rows["simulated"].any()),
            obs_ids=tuple(int(i) for i in rows["obs_id"])))
        ctx.cited.extend(int(i) for i in rows["obs_id"])
    return charts


__all__ = ["HEADLINE", "build_briefing"]
