"""Reading the figures a briefing needs from the store.

Published figures come stated for many periods: a year (``2023``), a stock at its end
(``2023-12-31``) or a cumulative span that stops short of it (``2023-01/2023-11``).
``pick_published`` chooses, for each indicator and cell, the figure that best represents
the requested period, so a report card for 2023 shows one value per indicator and says
which period it covers when that is not the whole year.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from indmon.periods import Period, month_index, previous_period
from indmon.store import Store

#: an observation is current when no revision supersedes it (the store's own rule)
_CURRENT = "NOT EXISTS (SELECT 1 FROM observations r WHERE r.supersedes = o.obs_id)"
_KIND_ORDER = {"span": 0, "date": 1, "quarter": 2, "month": 3, "year": 4}


@dataclass(frozen=True)
class Figure:
    """One current observation, as the briefing uses it."""

    obs_id: int
    indicator: str
    period: str
    industry: str
    province: str
    value: float
    unit: str
    simulated: bool
    conflict: bool = False
    #: (obs_id, value) of every current figure sources state for the same indicator, period
    #: and cell, this one included, when they differ (``conflict``)
    stated: tuple[tuple[int, float], ...] = ()


def whole_periods(period: str) -> tuple[str, ...]:
    """Period texts that mean exactly the requested period."""
    p = Period.parse(period)
    if p.kind == "year":
        y = p.text
        return (y, f"{y}-12-31", f"{y}-01/{y}-12")
    if p.kind == "month":
        y, m = p.text[:4], p.text
        return (m, f"{y}-01/{m}") if m[5:] != "01" else (m,)
    return (p.text,)


def report_month(period: str) -> str:
    """The month computed figures are read for: a year's December, or the month itself."""
    return Period.parse(period).end_month


def published_figures(store: Store, period: str) -> pd.DataFrame:
    """Current published figures for the period's year and the year before.

    Published means stated by at least one source that is not a computation.
    """
    year = Period.parse(period).year
    sql = f"""SELECT o.obs_id, o.indicator, o.period, o.industry, o.province, o.value, o.unit,
                     o.simulated, o.conflict, o.vintage
              FROM observations o
              WHERE {_CURRENT}
                AND EXISTS (SELECT 1 FROM provenance p JOIN sources s USING (source_id)
                            WHERE p.obs_id = o.obs_id AND s.kind <> 'computation')
                AND substr(split_part(o.period, '/', -1), 1, 4) IN (?, ?)
              ORDER BY o.conflict, o.vintage DESC"""
    frame: pd.DataFrame = store.query(sql, [str(year), str(year - 1)])
    key = ["indicator", "period", "industry", "province"]
    # where sources conflict, keep the latest figure (sorted first) and every stated value
    stated = {k: tuple(zip(g["obs_id"].astype(int), g["value"].astype(float), strict=True))
              for k, g in frame[frame["conflict"]].groupby(key, sort=False)}
    frame = frame.drop_duplicates(key)
    return frame.assign(stated=[stated.get(tuple(k), ()) for k in frame[key].itertuples(
        index=False)])


def _fits(text: str, period: str) -> bool:
    """Whether a stated period falls within the requested one and ends in it."""
    wanted, stated = Period.parse(period), Period.parse(text)
    if wanted.kind == "month":
        return stated.end == wanted.end and stated.start[:4] == wanted.end[:4]
    return stated.end[:4] == wanted.end[:4] and stated.start[:4] == wanted.end[:4]


def _rank(text: str, whole: tuple[str, ...]) -> tuple[int, int, int]:
    """Sort key, best first: the whole period, then the latest end, cumulative first."""
    p = Period.parse(text)
    return (0 if text in whole else 1, -month_index(p.end), _KIND_ORDER[p.kind])


def pick_published(frame: pd.DataFrame, period: str) -> list[Figure]:
    """One figure per indicator and cell: the one that best represents ``period``."""
    if frame.empty:
        return []
    whole = whole_periods(period)
    fitting = frame[frame["period"].map(lambda t: _fits(t, period))]
    picked: list[Figure] = []
    for _, group in fitting.groupby(["indicator", "industry", "province"], sort=False):
        best = min(group.itertuples(index=False), key=lambda r: _rank(r.period, whole))
        picked.append(_figure(best))
    return picked


def previous_of(frame: pd.DataFrame, figure: Figure) -> Figure | None:
    """The same figure a year earlier, stated for the same kind of period."""
    wanted = previous_period(figure.period)
    rows = frame[(frame["indicator"] == figure.indicator) & (frame["period"] == wanted)
                 & (frame["industry"] == figure.industry)
                 & (frame["province"] == figure.province)]
    return None if rows.empty else _figure(next(rows.itertuples(index=False)))


def _figure(row: object) -> Figure:
    return Figure(
        obs_id=int(row.obs_id), indicator=str(row.indicator),  # type: ignore[attr-defined]
        period=str(row.period), industry=str(row.industry),  # type: ignore[attr-defined]
        province=str(row.province), value=float(row.value),  # type: ignore[attr-defined]
        unit=str(row.unit), simulated=bool(row.simulated),  # type: ignore[attr-defined]
        conflict=bool(getattr(row, "conflict", False)),
        stated=tuple(getattr(row, "stated", ()) or ()),
    )


def computed_figures(store: Store, indicators: tuple[str, ...], periods: tuple[str, ...],
                     whole_only: bool = False) -> list[Figure]:
    """Current computed figures for some months: every industry for the whole country and
    every province for all industry (or only the whole with ``whole_only``)."""
    cells = ("o.industry = 'ALL' AND o.province = 'ALL'" if whole_only
             else "(o.industry = 'ALL' OR o.province = 'ALL')")
    sql = f"""SELECT o.obs_id, o.indicator, o.period, o.industry, o.province, o.value, o.unit,
                     o.simulated, o.conflict
              FROM observations o
              WHERE {_CURRENT} AND {cells}
                AND o.indicator IN ({", ".join("?" for _ in indicators)})
                AND o.period IN ({", ".join("?" for _ in periods)})
                AND EXISTS (SELECT 1 FROM provenance p JOIN sources s USING (source_id)
                            WHERE p.obs_id = o.obs_id AND s.kind = 'computation')
              ORDER BY o.vintage DESC"""
    frame = store.query(sql, [*indicators, *periods])
    frame = frame.drop_duplicates(["indicator", "period", "industry", "province"])
    return [_figure(r) for r in frame.itertuples(index=False)]


def monitoring_ran(store: Store, months: list[str]) -> bool:
    """Whether monitoring ran for any of the months (recorded in ``monitor_runs``) or has
    raised alerts in this store at all: an empty risk list means something only then."""
    tables = set(store.query("SELECT table_name FROM information_schema.tables")["table_name"])
    if "alerts" not in tables:
        return False
    if "monitor_runs" in tables and len(store.query(
            "SELECT 1 FROM monitor_runs WHERE period IN (SELECT unnest(CAST(? AS VARCHAR[])))"
            " LIMIT 1", [months])):
        return True
    return bool(len(store.query("SELECT 1 FROM alerts LIMIT 1")))


def alerts_for(store: Store, months: list[str]) -> pd.DataFrame:
    """Alerts raised for any of the months, most severe first."""
    sql = f"""SELECT alert_id, severity, period, indicator, industry, province, title_en,
                     title_zh, simulated, status
              FROM alerts WHERE period IN ({", ".join("?" for _ in months)})
              ORDER BY CASE severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END,
                       period, alert_id"""
    result: pd.DataFrame = store.query(sql, months)
    return result
