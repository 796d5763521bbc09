"""The sections computed from enterprise reports: overview, by industry, by province,
profits and loss-making enterprises, from one computed section of the report card.

A card has one such section per origin: figures computed from real reports are labelled
computed, figures from simulated reports are labelled simulated in every heading and on
every chart, because a reader must never take them for official statistics. Neither is
ever called published.
"""

from __future__ import annotations

from dataclasses import dataclass

from indmon.catalogue import ALL
from indmon.report import phrasing
from indmon.report.card import CardSection, Entry
from indmon.report.charts import series_chart
from indmon.report.citations import chart_source, source_labels
from indmon.report.context import Context, change_cell, comparison, unit_label, year_lines
from indmon.report.model import Cell, Chart, Number, Section, Table
from indmon.store import Origin

#: whole-country figures the overview lists first, in order; the others follow in
#: catalogue order
OVERVIEW = ("va_real_ytd_yoy", "va_ytd_yoy", "output_ytd_yoy", "revenue_ytd_yoy", "enterprises")
#: value added growth (year to date, month) at comparable prices, then at current prices:
#: the statistics bureau publishes growth at comparable prices, so that basis comes first
REAL = ("va_real_ytd_yoy", "va_real_yoy")
NOMINAL = ("va_ytd_yoy", "va_yoy")
SECTORS = ("B", "C", "D")
#: figures shown in the profits table rather than the overview
PROFIT_COLUMNS = (("profit_ytd", "profit"), ("profit_ytd_yoy", "profit_growth"),
                  ("loss_making_ytd", "loss_making"), ("loss_ytd", "losses"),
                  ("enterprises", "enterprises"))


@dataclass
class Cells:
    """One computed section of the card, with the price basis it is shown on."""

    section: CardSection

    def get(self, indicator: str, industry: str = ALL, province: str = ALL) -> Entry | None:
        return self.section.get(indicator, industry, province)

    @property
    def origin(self) -> Origin:
        return self.section.origin

    @property
    def simulated(self) -> bool:
        return self.section.simulated

    @property
    def real(self) -> bool:
        """Whether growth at comparable prices was computed for the period."""
        return self.get(REAL[0]) is not None or bool(self.section.cells(REAL[0], "industry"))

    @property
    def va(self) -> str:
        """The year-to-date value added growth to show: comparable prices when computed."""
        return REAL[0] if self.real else NOMINAL[0]

    @property
    def va_month(self) -> str:
        return REAL[1] if self.real else NOMINAL[1]


def sections(ctx: Context, section: CardSection) -> list[Section | None]:
    cells = Cells(section)
    return [_overview(ctx, cells), _by_industry(ctx, cells), _by_province(ctx, cells),
            _profits(ctx, cells)]


#: the part of each section's key after its origin, by section
KEYS = {"overview": "overview", "by_industry": "industry", "by_province": "province",
        "profits": "profits"}
TITLES = {"overview": "computed_overview", "by_industry": "by_industry",
          "by_province": "by_province", "profits": "profits"}


def _key(cells: Cells, name: str) -> str:
    """Section keys (HTML anchors): ``computed-overview``, ``simulated-industry``."""
    return f"{cells.origin.value}-{KEYS.get(name, name)}"


def _title(ctx: Context, key: str, cells: Cells) -> str:
    """The heading with the origin label: never mistaken for published figures."""
    label = ctx.word("simulated" if cells.simulated else "computed")
    return f"{ctx.word(key)}（{label}）" if ctx.lang == "zh" else f"{ctx.word(key)} — {label}"


def _chart_title(ctx: Context, text: str, cells: Cells) -> str:
    label = ctx.word("simulated" if cells.simulated else "computed")
    return f"{text}（{label}）" if ctx.lang == "zh" else f"{text} ({label})"


def _ytd_words(ctx: Context, cells: Cells) -> str:
    """The year to date the section covers: ``January–December 2023`` / ``2023年1—12月``."""
    entry = cells.get(cells.va) or next(iter(cells.section.entries))
    covers = entry.covers
    return ctx.period_words(covers if covers.kind != "month" or covers.end[5:] == "01"
                            else f"{covers.end[:4]}-01/{covers.end}")


def _lead(ctx: Context, cells: Cells, shown: list[Entry], growth: bool) -> str:
    """What the section is computed from, whether its figures are only the latest known,
    and, for growth, on which price basis."""
    space = "" if ctx.lang == "zh" else " "
    lead = ctx.word("computed_lead", period=_ytd_words(ctx, cells))
    if cells.simulated:
        lead += space + ctx.word("simulated_lead")
    if any(e.latest_known for e in shown):
        lead += space + ctx.word("latest_known_lead", period=ctx.period_words(ctx.card.period))
    if any(e.withheld for e in shown):
        lead += space + ctx.word("suppressed_lead")
    if any(e.figure.confidential for e in shown):
        lead += space + ctx.word("confidential_lead")
    if not growth:
        return lead
    return lead + space + ctx.word("basis_real" if cells.real else "basis_nominal")


def _section(ctx: Context, cells: Cells, name: str, shown: list[Entry], *,
             tables: tuple[Table, ...], charts: tuple[Chart, ...] = (),
             paragraphs: tuple[tuple[str | Number, ...], ...] = (), growth: bool = True
             ) -> Section:
    return Section(_key(cells, name), _title(ctx, TITLES[name], cells),
                   paragraphs=paragraphs, tables=tables, charts=charts,
                   simulated=cells.simulated, lead=_lead(ctx, cells, shown, growth),
                   origin=cells.origin.value,
                   figures=tuple(dict.fromkeys(e.obs_id for e in shown)))


# -- overview -------------------------------------------------------------------------------
def overview_entries(cells: Cells) -> list[Entry]:
    """The whole-country figures of the overview table: ``OVERVIEW`` first, then every
    other whole-country figure of the section but those of the profits table."""
    whole = cells.section.whole()
    profits = {ind for ind, _ in PROFIT_COLUMNS if ind != "enterprises"}
    first = [e for ind in OVERVIEW for e in whole if e.indicator == ind]
    rest = [e for e in whole if e not in first and e.indicator not in profits]
    return first + rest


def _overview(ctx: Context, cells: Cells) -> Section | None:
    rows = []
    shown = overview_entries(cells)
    for entry in shown:
        name = ctx.name(entry.indicator)
        if entry.indicator in NOMINAL:
            name += ctx.word("at_current_prices")
        previous = entry.previous
        rows.append((name, ctx.number(entry), ctx.when(entry),
                     ctx.number(previous) if previous else None,
                     change_cell(ctx, entry.figure, previous)))
    if not rows:
        return None
    columns = tuple(ctx.word(k) for k in ("indicator", "value", "refers_to", "previous",
                                          "change"))
    table = Table(ctx.word("computed_overview"), columns, tuple(rows), numeric=(1, 3, 4))
    paragraphs = [p for p in (_growth_sentence(ctx, cells), _versus_published(ctx, cells),
                              _counts_sentence(ctx, cells)) if p]
    chart = _monthly_chart(ctx, cells)
    return _section(ctx, cells, "overview", shown, paragraphs=tuple(paragraphs),
                    tables=(table,), charts=(chart,) if chart else ())


def _growth_sentence(ctx: Context, cells: Cells) -> tuple[str | Number, ...] | None:
    """``At comparable prices, value added … grew 4.6% year on year, 1.0 point above …``"""
    entry = cells.get(cells.va)
    if entry is None or entry.withheld:
        return None
    subject = phrasing.growth_subject(ctx.name("va_ytd_yoy"), ctx.lang) or ctx.name("va_ytd_yoy")
    basis = ctx.word("comparable_prices_lead" if cells.real else "current_prices_lead")
    if ctx.lang == "en":
        subject = phrasing.lower_first(subject)
    before, after = phrasing.grew(subject, entry.value, ctx.lang)
    note = ctx.when(entry)
    if note:
        after += f"（{note}）" if ctx.lang == "zh" else f" ({note})"
    parts: list[str | Number] = [basis + before, ctx.number(entry, absolute=True), after]
    if entry.comparable and entry.previous is not None:
        parts += [ctx.word("comma"), *comparison(ctx, entry.figure, entry.previous)]
    return ctx.sentence(*parts)


def _versus_published(ctx: Context, cells: Cells) -> tuple[str | Number, ...] | None:
    """The computed national growth next to the published one, each labelled, so that a
    reader sees how far the computation (or the simulation) is from official figures."""
    computed_entry = cells.get(cells.va)
    published = ctx.card.published.get("va_ytd_yoy") if ctx.card.published else None
    if computed_entry is None or published is None or published.latest_known or (
            computed_entry.latest_known or computed_entry.withheld):
        return None
    label = ctx.word("computed_simulated" if cells.simulated else "computed_label")
    source = source_labels(ctx.store, [published.obs_id], ctx.lang,
                           first_only=True).get(published.obs_id, "")
    paren = ("（", "）") if ctx.lang == "zh" else (" (", ")")
    return ctx.sentence(ctx.word("versus_published") + label, ctx.number(computed_entry),
                        ctx.word("published_label"), ctx.number(published),
                        f"{paren[0]}{source}{paren[1]}" if source else "")


def _counts_sentence(ctx: Context, cells: Cells) -> tuple[str | Number, ...] | None:
    """How many industries grew and how many provinces beat the national rate, of those
    whose figures may be shown."""
    divisions = [e for e in _division_entries(ctx, cells, cells.va) if not e.withheld]
    national = cells.get(cells.va)
    if national is not None and national.withheld:
        national = None
    parts: list[str | Number] = []
    if divisions:
        grew = [e for e in divisions if e.value > 0]
        parts.append(ctx.word("industries_grew", grew=str(len(grew)), total=str(len(divisions))))
    provinces = [e for e in cells.section.cells(cells.va, "province") if not e.withheld]
    if provinces and national is not None:
        faster = [e for e in provinces if e.value > national.value]
        space = "" if ctx.lang == "zh" else " "
        parts += [space if parts else "",
                  ctx.word("provinces_faster", faster=str(len(faster)), total=str(len(provinces))),
                  ctx.number(national), ctx.word("end_sentence")]
    return tuple(p for p in parts if p != "") or None


def _monthly_chart(ctx: Context, cells: Cells) -> Chart | None:
    """Monthly and year-to-date growth through the card's year, one line each (each of
    one origin and frequency, from ``Store.series``)."""
    lines = []
    for indicator, label in ((cells.va_month, "monthly_growth"), (cells.va, "ytd_growth")):
        lines += [(ctx.word(label), line) for _, line in
                  year_lines(ctx, indicator, cells.origin)]
    drawn = [p for _, line in lines for p in line.points]
    if len({p.period.end for p in drawn}) < 2:
        return None
    title = ctx.word("monthly_chart", year=ctx.card.period.end[:4]) + _basis_suffix(ctx, cells)
    chart = series_chart(_key(cells, "monthly"), _chart_title(ctx, title, cells), lines,
                         unit="percent", lang=ctx.lang,
                         source_line=chart_source(ctx, [p.obs_id for p in drawn]))
    if chart is not None:
        ctx.cited.extend(drawn)
    return chart


def _basis_suffix(ctx: Context, cells: Cells) -> str:
    """The price basis in a chart title, since charts get copied out on their own."""
    word = ctx.word("comparable_prices" if cells.real else "current_prices")
    return f"（{word}）" if ctx.lang == "zh" else f", {word}"


# -- by industry ------------------------------------------------------------------------------
def _division_entries(ctx: Context, cells: Cells, indicator: str) -> list[Entry]:
    return [e for e in cells.section.cells(indicator, "industry")
            if e.industry in ctx.catalogue.industries]


def _by_industry(ctx: Context, cells: Cells) -> Section | None:
    divisions = _division_entries(ctx, cells, cells.va)
    if not divisions:
        return None
    rows: list[tuple[Cell, ...]] = []
    shown: list[Entry] = []
    for code in (ALL, *SECTORS, *ctx.catalogue.industries):
        growth = cells.get(cells.va, code)
        if growth is None:
            continue
        contribution = cells.get("va_contribution_pp", code)
        shown += [e for e in (growth, contribution) if e is not None]
        label = ctx.catalogue.industry_label(code, ctx.lang)
        rows.append((code if code != ALL else "", label, ctx.number(growth),
                     _points(ctx, contribution)))
    columns = ("", ctx.word("industry"), ctx.word("growth"), ctx.word("contribution"))
    table = Table(ctx.word("by_industry"), columns, tuple(rows), numeric=(2, 3))
    chart = _bar_chart(ctx, cells, "industries", "industry_chart", divisions,
                       [ctx.catalogue.industry_label(e.industry, ctx.lang) for e in divisions],
                       cells.get(cells.va), _basis_suffix(ctx, cells))
    return _section(ctx, cells, "by_industry", shown, tables=(table,),
                    charts=(chart,) if chart else ())


def _points(ctx: Context, entry: Entry | None) -> Number | None:
    if entry is None:
        return None
    if entry.withheld:
        return ctx.number(entry)
    text = f"{entry.value:.2f}"
    return ctx.derived("0.00" if text == "-0.00" else text.replace("-", "−"), entry.figure)


def _bar_chart(ctx: Context, cells: Cells, name: str, title_key: str, entries: list[Entry],
               labels: list[str], national: Entry | None, suffix: str = "") -> Chart | None:
    """Bars of the cells whose figures may be shown (withheld ones are left out, and so
    is the national line when it is withheld); None when no cell may be shown."""
    shown = [i for i, e in enumerate(entries) if not e.withheld]
    if not shown:
        return None
    entries, labels = [entries[i] for i in shown], [labels[i] for i in shown]
    if national is not None and national.withheld:
        national = None
    order = sorted(range(len(entries)), key=lambda i: entries[i].value)
    ctx.cited.extend(e.figure for e in entries)
    ids = [e.obs_id for e in entries]
    title = ctx.word(title_key, period=_ytd_words(ctx, cells)) + suffix
    return Chart(_key(cells, name), "bar", _chart_title(ctx, title, cells),
                 tuple(labels[i] for i in order),
                 (("", tuple(entries[i].value for i in order)),),
                 unit_label(ctx, entries[0].unit), chart_source(ctx, ids), cells.simulated,
                 reference=(national.value, ctx.word("national")) if national else None,
                 obs_ids=tuple(ids))


# -- by province --------------------------------------------------------------------------------
def _by_province(ctx: Context, cells: Cells) -> Section | None:
    provinces = [e for e in cells.section.cells(cells.va, "province")
                 if e.province in ctx.catalogue.provinces]
    if not provinces:
        return None
    national = cells.get(cells.va)
    if national is not None and national.withheld:
        national = None
    # withheld provinces are not ranked: they follow the ranking, in catalogue order
    ranked = sorted((e for e in provinces if not e.withheld), key=lambda e: -e.value)
    withheld = [e for e in provinces if e.withheld]
    rows: list[tuple[Cell, ...]] = []
    for rank, entry in enumerate(ranked + withheld, start=1):
        province = ctx.catalogue.province(entry.province)
        region = ctx.catalogue.regions.get(province.region, ("", ""))
        gap = (ctx.derived(phrasing.signed_points(round(entry.value - national.value, 1),
                                                  ctx.lang), entry.figure, national.figure)
               if national and not entry.withheld else None)
        rows.append(("—" if entry.withheld else str(rank), province.name(ctx.lang),
                     region[1 if ctx.lang == "zh" else 0], ctx.number(entry), gap))
    columns = tuple(ctx.word(k) for k in ("rank", "province", "region", "growth", "vs_national"))
    table = Table(ctx.word("by_province"), columns, tuple(rows), numeric=(0, 3, 4))
    chart = _bar_chart(ctx, cells, "provinces", "province_chart", provinces,
                       [ctx.catalogue.province_label(e.province, ctx.lang) for e in provinces],
                       national, _basis_suffix(ctx, cells))
    return _section(ctx, cells, "by_province", ranked + withheld, tables=(table,),
                    charts=(chart,) if chart else ())


# -- profits --------------------------------------------------------------------------------------
def _profits(ctx: Context, cells: Cells) -> Section | None:
    rows: list[tuple[Cell, ...]] = []
    shown: list[Entry] = []
    for code in (ALL, *SECTORS):
        entries = [cells.get(ind, code) for ind, _ in PROFIT_COLUMNS]
        if not any(e is not None and e.indicator != "enterprises" for e in entries):
            continue
        shown += [e for e in entries if e is not None]
        rows.append((ctx.catalogue.industry_label(code, ctx.lang),
                     *(ctx.number(e) if e else None for e in entries)))
    if not rows:
        return None
    columns = (ctx.word("industry"), *(ctx.word(key) for _, key in PROFIT_COLUMNS))
    table = Table(ctx.word("profits"), columns, tuple(rows), numeric=(1, 2, 3, 4, 5))
    divisions = _division_entries(ctx, cells, "profit_ytd_yoy")
    charts: tuple[Chart, ...] = ()
    if len(divisions) >= 2:
        chart = _bar_chart(ctx, cells, "profits", "profit_chart", divisions,
                           [ctx.catalogue.industry_label(e.industry, ctx.lang)
                            for e in divisions], cells.get("profit_ytd_yoy"))
        charts = (chart,) if chart else ()
    return _section(ctx, cells, "profits", shown, tables=(table,), charts=charts,
                    growth=False)
