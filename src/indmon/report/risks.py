"""The risk list: the report card's alerts for its months, most severe first.

With no alerts the section says so, but only when monitoring has run on this store:
otherwise silence would wrongly suggest that everything was checked.
"""

from __future__ import annotations

from indmon.catalogue import ALL
from indmon.report.context import Context
from indmon.report.model import Section, Table


def section(ctx: Context) -> Section | None:
    card = ctx.card
    if not card.monitored:
        return None
    if not card.alerts:
        return Section("risks", ctx.word("risks"), paragraphs=((ctx.word("no_alerts"),),))
    rows = []
    for alert in card.alerts:
        title = alert.title(ctx.lang)
        if alert.simulated:
            title += f"（{ctx.word('simulated')}）" if ctx.lang == "zh" else (
                f" ({ctx.word('simulated')})")
        rows.append((ctx.word(alert.severity) if alert.severity in ctx.words
                     else alert.severity, ctx.period_words(alert.period),
                     _cell(ctx, alert.industry, alert.province), title))
    columns = tuple(ctx.word(k) for k in ("severity", "month", "industry", "alert"))
    simulated = any(a.simulated for a in card.alerts)
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
