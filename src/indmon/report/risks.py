"""The risk list: alerts that monitoring raised for the report's months, most severe first.

With no alerts the section says so, but only when monitoring has run on this store:
otherwise silence would wrongly suggest that everything was checked.
"""

from __future__ import annotations

from indmon.catalogue import ALL
from indmon.periods import Period, months_between
from indmon.report.context import Context
from indmon.report.figures import alerts_for, monitoring_ran
from indmon.report.model import Section, Table


def section(ctx: Context) -> Section | None:
    period = Period.parse(ctx.period)
    months = months_between(period.start, period.end)
    if not monitoring_ran(ctx.store, months):
        return None
    alerts = alerts_for(ctx.store, months)
    if alerts.empty:
        return Section("risks", ctx.word("risks"), paragraphs=((ctx.word("no_alerts"),),))
    title_column = "title_zh" if ctx.lang == "zh" else "title_en"
    rows = []
    for alert in alerts.itertuples(index=False):
        title = str(getattr(alert, title_column))
        if alert.simulated:
            title += f"（{ctx.word('simulated')}）" if ctx.lang == "zh" else (
                f" ({ctx.word('simulated')})")
        rows.append((ctx.word(str(alert.severity)) if alert.severity in ctx.words
                     else str(alert.severity), ctx.period_words(str(alert.period)),
                     _cell(ctx, str(alert.industry), str(alert.province)), title))
    columns = tuple(ctx.word(k) for k in ("severity", "month", "industry", "alert"))
    simulated = bool(alerts["simulated"].any())
    heading = ctx.word("risks")
    if simulated:
        heading += f"（{ctx.word('simulated')}）" if ctx.lang == "zh" else (
            f" — {ctx.word('simulated')}")
    return Section("risks", heading, tables=(Table(ctx.word("risks"), columns, tuple(rows)),),
                   simulated=simulated)


def _cell(ctx: Context, industry: str, province: str) -> str:
    parts = []
    if industry != ALL:
        parts.append(ctx.catalogue.industry_label(industry, ctx.lang) if (
            industry in ctx.catalogue.industries or industry in ctx.catalogue.sectors)
            else industry)
    if province != ALL:
        parts.append(ctx.catalogue.province_label(province, ctx.lang) if (
            province in ctx.catalogue.provinces) else province)
    return " · ".join(parts) or ctx.catalogue.province_label(ALL, ctx.lang)
