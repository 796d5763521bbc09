"""A province's or an industry's own page: the trend of every indicator the store has for
that cell, each chart leading to the indicator page of the cell."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from indmon.catalogue import Catalogue, Indicator
from indmon.store import Clearance, Observation
from indmon.store import split_series as _split
from indmon.web.dashboard import charts, data, i18n, views


@dataclass(frozen=True)
class Trend:
    """One indicator's lines for the cell, drawn, with its latest figure."""

    indicator: Indicator
    chart: str
    latest: Observation | None
    link: str
    simulated: bool
    #: the view's query string, for the downloads of the same lines
    query: str = ""

    def download(self, fmt: str) -> str:
        return f"/indicators/{self.indicator.id}/download.{fmt}{self.query}"


def _formatter(unit: str, lang: str) -> Callable[[float], str]:
    return lambda value: i18n.number(value, unit, lang)


def cell_trends(store: Any, cell: views.Cell, lang: str, clearance: Clearance
                ) -> list[Trend]:
    """Every indicator with figures for ``cell``, the preferred ones first, then in the
    catalogue's order: one store read for all of them."""
    catalogue = Catalogue.load()
    found = store.figures(industry=cell.industry, province=cell.province,
                          clearance=clearance)
    by_indicator: dict[str, list[Observation]] = {}
    for o in found:
        by_indicator.setdefault(o.indicator, []).append(o)
    order = {ident: n for n, ident in enumerate(catalogue.indicators)}
    wanted = sorted((i for i in by_indicator if i in catalogue.indicators),
                    key=lambda i: (i not in data.PREFERRED,
                                   data.PREFERRED.index(i) if i in data.PREFERRED else 0,
                                   order[i]))
    out = []
    for ident in wanted:
        indicator = catalogue.indicator(ident)
        series = _split(by_indicator[ident], january_combined=indicator.january_combined)
        lines = views.series_lines(series, lang)
        chart = charts.line_chart([line for line, _ in lines], unit=indicator.unit,
                                  lang=lang, title=indicator.name(lang), width=520,
                                  height=220, value_text=_formatter(indicator.unit, lang))
        shown = [o for _line, s in lines for o in s.points if not o.withheld]
        latest = max(shown, key=lambda o: (o.period.sort_key(), -views.ORIGIN_ORDER.get(
            o.origin.value, 9)), default=None)
        query = views.ChartView(indicator, indicator, views.view_of(indicator.id),
                                (cell,)).query()
        out.append(Trend(indicator, chart, latest, f"/indicators/{ident}{query}",
                         any(line.simulated for line, _ in lines), query))
    return out
