"""Build a briefing (``Briefing``) for one period by rendering its report card.

The report card (``indmon.report.card``) decides which figure stands for the period,
what it is compared with and which section it belongs to by origin; the dashboard
renders the same card. The briefing words it: a headline section and one section per
theme (in ``themes.csv`` order) from the published figures, the sections computed from
enterprise reports (one set per origin: computed, or simulated), and the risk list. A
section with nothing to show is left out; a period without any figure is an error that
names the periods that have some.

>>> briefing = build_briefing(store, "2023", "en")       # doctest: +SKIP
>>> [s.title for s in briefing.sections]                  # doctest: +SKIP
['Headline figures', 'Industrial economy', ...]
"""

from __future__ import annotations

import datetime as dt

from indmon.catalogue import ALL, Catalogue
from indmon.report import computed, phrasing, risks
from indmon.report.card import CardSection, Entry, ReportCard, build_card
from indmon.report.charts import series_chart
from indmon.report.citations import chart_source, cite
from indmon.report.context import Context, change_cell, comparison, unit_label, year_lines
from indmon.report.model import Briefing, Chart, Number, Paragraph, Section, Table
from indmon.report.words import words_for
from indmon.report.write import PUBLIC
from indmon.store import Clearance, Origin, Store

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
                   generated: dt.datetime | None = None,
                   clearance: Clearance | None = PUBLIC) -> Briefing:
    """The report card for ``period`` (a year like ``2023``, a quarter, a half or a
    month like ``2023-06``) in ``lang`` (``en`` or ``zh``); ``generated`` fixes the time it
    states (default: now), so that a snapshot of the output can be compared byte for
    byte. A briefing is for publication: suppressed cells are withheld unless another
    ``clearance`` is given (None: every value). Raises ``NotFound`` when the store has no
    figures for the period."""
    phrasing.check_lang(lang)
    card = build_card(store, period, clearance=clearance)
    return render_card(store, card, lang, generated=generated)


def render_card(store: Store, card: ReportCard, lang: str, *,
                generated: dt.datetime | None = None) -> Briefing:
    """The briefing of an already built report card."""
    ctx = Context(store, Catalogue.load(), card, lang, words_for(lang))
    sections: list[Section | None] = []
    if card.published is not None:
        sections += [_headline(ctx, card.published), *_theme_sections(ctx, card.published)]
    for section in card.computed:
        sections += computed.sections(ctx, section)
    sections.append(risks.section(ctx))
    shown = tuple(s for s in sections if s is not None)
    citations = cite(store, ctx.cited, lang, ctx.describe)
    return Briefing(
        title=ctx.word("title"), period=card.period.text,
        period_text=ctx.period_words(card.period), lang=lang,
        generated=generated or dt.datetime.now().replace(microsecond=0),
        sections=shown, notes=citations.notes, sources=citations.sources,
        note_of=citations.note_of, simulated=card.simulated, words=ctx.words,
    )


# -- headline -----------------------------------------------------------------------------
def _headline(ctx: Context, published: CardSection) -> Section | None:
    chosen = [e for ind, industry in HEADLINE if (e := published.get(ind, industry))]
    chosen += [e for e in _ict_entries(ctx, published) if e not in chosen]
    if not chosen:
        return None
    paragraphs = [_headline_sentence(ctx, e) for e in chosen]
    return Section("headline", ctx.word("headline"), paragraphs=tuple(paragraphs),
                   lead=ctx.word("published_lead"), origin=Origin.PUBLISHED.value,
                   figures=tuple(e.obs_id for e in chosen))


def _ict_entries(ctx: Context, published: CardSection) -> list[Entry]:
    order = [i.id for i in ctx.catalogue.by_theme("ict")]
    whole = [e for e in published.whole() if e.indicator in order]
    preferred = {ind: rank for rank, ind in enumerate(HEADLINE_ICT_IDS)}
    # the period's own figures first: a quarter's figure is no headline for a year
    return sorted(whole, key=lambda e: (e.latest_known,
                                        preferred.get(e.indicator, len(preferred)),
                                        order.index(e.indicator)))[:HEADLINE_ICT]


def _headline_sentence(ctx: Context, entry: Entry) -> Paragraph:
    """``<subject> grew 4.6% year on year, 1.0 percentage point above 2022.`` for rates,
    ``China had 3.377 million 5G base stations at the end of 2023, …`` for levels."""
    name = ctx.name(entry.indicator)
    cell = ctx.cell_label(entry)
    subject = phrasing.growth_subject(name, ctx.lang) if entry.unit == "percent" else None
    if subject and ctx.measure(entry.indicator) == "growth_yoy":
        subject = _with_cell(subject, cell, ctx.lang)
        before, after = phrasing.grew(subject, entry.value, ctx.lang)
        parts: list[str | Number] = [before, ctx.number(entry, absolute=True),
                                     after + _period_note(ctx, entry)]
    else:
        parts = list(_level_sentence(ctx, entry, _with_cell(name, cell, ctx.lang)))
    if entry.comparable and entry.previous is not None:
        parts += [ctx.word("comma"), *comparison(ctx, entry.figure, entry.previous)]
    return ctx.sentence(*parts)


def _level_sentence(ctx: Context, entry: Entry, name: str) -> tuple[str | Number, ...]:
    """A level read as a sentence, worded by its kind (see ``phrasing.LEVEL_PHRASES``);
    a latest-known figure says so after it."""
    indicator = ctx.indicator(entry.indicator)
    stock = entry.figure.period.kind == "date" or (
        indicator is not None and indicator.frequency == "stock")
    measure = ctx.measure(entry.indicator)
    kind = phrasing.level_kind(measure, entry.unit, stock)
    before, after = phrasing.level_sentence(
        entry.indicator, name, kind, entry.covers.text, ctx.lang,
        large=abs(entry.value) >= phrasing.PERCENT_FROM_COUNT)
    return (before, ctx.number(entry), after + _period_note(ctx, entry))


def _with_cell(text: str, cell: str, lang: str) -> str:
    if not cell:
        return text
    return f"{text}（{cell}）" if lang == "zh" else f"{text} ({cell})"


def _period_note(ctx: Context, entry: Entry) -> str:
    note = ctx.when(entry)
    if not note:
        return ""
    return f"（{note}）" if ctx.lang == "zh" else f" ({note})"


# -- one section per theme ------------------------------------------------------------------
def _theme_sections(ctx: Context, published: CardSection) -> list[Section]:
    sections = []
    for theme in published.themes:
        name = ctx.catalogue.themes[theme.code].name(ctx.lang)
        entries = list(theme.entries)
        table = _theme_table(ctx, name, entries)
        charts = _breakdown_charts(ctx, entries) + _series_charts(ctx, theme.indicators())
        sections.append(Section(f"theme-{theme.code}", name, tables=(table,),
                                charts=tuple(charts), lead=ctx.word("published_lead"),
                                origin=Origin.PUBLISHED.value,
                                figures=tuple(e.obs_id for e in entries)))
    return sections


def _theme_table(ctx: Context, caption: str, entries: list[Entry]) -> Table:
    rows = []
    for entry in entries:
        cell = ctx.cell_label(entry)
        label = f"— {cell}" if cell and _has_whole(entries, entry) else _with_cell(
            ctx.name(entry.indicator), cell, ctx.lang)
        previous = entry.previous
        rows.append((label, ctx.number(entry), ctx.when(entry),
                     ctx.number(previous) if previous else None,
                     change_cell(ctx, entry.figure, previous)))
    columns = tuple(ctx.word(k) for k in ("indicator", "value", "refers_to", "previous", "change"))
    return Table(caption, columns, tuple(rows), numeric=(1, 3, 4))


def _has_whole(entries: list[Entry], entry: Entry) -> bool:
    return any(e.indicator == entry.indicator and e.whole for e in entries)


def _breakdown_charts(ctx: Context, entries: list[Entry]) -> list[Chart]:
    """A bar chart for each indicator stated for several industries or provinces."""
    charts = []
    for indicator in dict.fromkeys(e.indicator for e in entries):
        cells = [e for e in entries if e.indicator == indicator and not e.withheld
                 and (e.industry != ALL) != (e.province != ALL)]
        if len(cells) < MIN_CHART_CELLS:
            continue
        cells.sort(key=lambda e: e.value)
        whole = next((e for e in entries if e.indicator == indicator and e.whole), None)
        charts.append(Chart(
            chart_id=f"{indicator}-cells", kind="bar", title=ctx.name(indicator),
            categories=tuple(ctx.cell_label(e) for e in cells),
            series=(("", tuple(e.value for e in cells)),),
            unit_label=unit_label(ctx, cells[0].unit),
            source_line=chart_source(ctx, [e.obs_id for e in cells]),
            simulated=any(e.simulated for e in cells),
            reference=(whole.value, ctx.word("national")) if whole else None,
            obs_ids=tuple(e.obs_id for e in cells)))
        ctx.cited.extend(e.figure for e in cells)
    return charts


#: indicators a card draws on one chart, as the statistics bureau's PMI release shows
#: them: (chart id, English title, Chinese title, ((indicator, English, Chinese label)...))
CHART_GROUPS = (
    ("pmi-by-size", "Manufacturing PMI by size of enterprise", "制造业PMI（分企业规模）",
     (("pmi_manufacturing", "All", "全部"), ("pmi_large", "Large", "大型企业"),
      ("pmi_medium", "Medium", "中型企业"), ("pmi_small", "Small", "小型企业"))),
    ("pmi-sub-indices", "Manufacturing PMI sub-indices", "制造业PMI分项指数",
     (("pmi_production", "Production", "生产指数"), ("pmi_new_orders", "New orders", "新订单指数"),
      ("pmi_raw_inventory", "Raw materials inventory", "原材料库存指数"),
      ("pmi_employment", "Employment", "从业人员指数"))),
)


def _series_charts(ctx: Context, indicators: list[str]) -> list[Chart]:
    """A line chart for each indicator published month by month in the card's year (the
    members of a ``CHART_GROUPS`` family on one chart): each line one series of the
    store (one origin, frequency and kind of period)."""
    charts = []
    grouped = {member for *_, members in CHART_GROUPS for member, _, _ in members}
    for chart_id, title_en, title_zh, members in CHART_GROUPS:
        present = [(m, en, zh) for m, en, zh in members if m in indicators]
        drawn = _group_chart(ctx, chart_id, title_zh if ctx.lang == "zh" else title_en,
                             present)
        if drawn is not None:
            charts.append(drawn)
    for indicator in indicators:
        if indicator in grouped:
            continue
        lines = year_lines(ctx, indicator, Origin.PUBLISHED)
        if not lines or max(len(s.points) for _, s in lines) < MIN_CHART_CELLS:
            continue
        points = [p for _, s in lines for p in s.points]
        chart = series_chart(f"{indicator}-months", ctx.name(indicator), lines,
                             unit=points[0].unit, lang=ctx.lang,
                             source_line=chart_source(ctx, [p.obs_id for p in points]))
        if chart is not None:
            charts.append(chart)
            ctx.cited.extend(points)
    return charts


def _group_chart(ctx: Context, chart_id: str, title: str,
                 members: list[tuple[str, str, str]]) -> Chart | None:
    """One chart of a family's monthly lines, each labelled by its member; None when
    no member has enough months to draw."""
    lines = []
    for indicator, en, zh in members:
        found = [s for _, s in year_lines(ctx, indicator, Origin.PUBLISHED)
                 if s.frequency == "month"]
        if found and max(len(s.points) for s in found) >= MIN_CHART_CELLS:
            lines += [(zh if ctx.lang == "zh" else en, s) for s in found]
    if not lines:
        return None
    points = [p for _, s in lines for p in s.points]
    chart = series_chart(chart_id, title, lines, unit=points[0].unit, lang=ctx.lang,
                         source_line=chart_source(ctx, [p.obs_id for p in points]))
    if chart is not None:
        ctx.cited.extend(points)
    return chart


__all__ = ["HEADLINE", "build_briefing", "render_card"]
