"""What the dashboard pages show, read from the store in the shape templates need."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from indmon.catalogue import ALL, Catalogue, Indicator
from indmon.store import Store

MONTH = re.compile(r"^\d{4}-\d{2}$")
#: how many periods a headline card's trend line covers
TREND_PERIODS = 13
#: indicators shown first on the report card and chosen by default on map and table
PREFERRED = ("va_ytd_yoy", "va_yoy", "va_real_ytd_yoy", "profit_ytd", "va_contribution_pp")


@dataclass
class Figure:
    """One number as shown: linked to its provenance, flagged when simulated."""

    obs_id: int
    value: float
    unit: str
    period: str
    simulated: bool
    conflict: bool = False


@dataclass
class Card:
    indicator: Indicator
    latest: Figure
    previous: Figure | None
    trend: list[float] = field(default_factory=list)

    @property
    def change(self) -> float | None:
        return None if self.previous is None else self.latest.value - self.previous.value


@dataclass
class ThemeCards:
    code: str
    name: str
    cards: list[Card]


def figure(row: Any) -> Figure:
    return Figure(int(row.obs_id), float(row.value), str(row.unit), str(row.period),
                  bool(row.simulated), bool(row.conflict))


def whole(store: Store, indicator: str | None = None) -> pd.DataFrame:
    """Current figures for the whole country and all industry, one per indicator and period."""
    frame = store.observations(indicator, industry=ALL, province=ALL)
    return _one_per_cell(frame)


def _one_per_cell(frame: pd.DataFrame) -> pd.DataFrame:
    # conflicting sources leave two current rows: show one, flagged, preferring a
    # published figure over a simulated one (the provenance page lists both)
    if frame.empty:
        return frame
    frame = frame.sort_values(["simulated", "conflict", "vintage"], ascending=[True, True, False])
    return frame.drop_duplicates(["indicator", "period", "industry", "province"]).sort_values(
        ["indicator", "period"])


def latest_period(frame: pd.DataFrame) -> str | None:
    months = [p for p in frame["period"].unique() if MONTH.match(str(p))] if not frame.empty else []
    if months:
        return str(max(months))
    return None if frame.empty else str(frame["period"].max())


def report_card(store: Store, lang: str) -> tuple[str | None, list[ThemeCards], bool]:
    """Headline cards grouped by theme, the latest period, and whether any is simulated."""
    frame = whole(store)
    catalogue = Catalogue.load()
    cards: dict[str, list[Card]] = {}
    for indicator_id, rows in frame.groupby("indicator", sort=False):
        indicator = catalogue.indicators.get(str(indicator_id))
        if indicator is None:
            continue
        rows = rows.sort_values("period")
        figures = [figure(r) for r in rows.itertuples()]
        card = Card(indicator, figures[-1], figures[-2] if len(figures) > 1 else None,
                    [f.value for f in figures[-TREND_PERIODS:]])
        cards.setdefault(indicator.theme, []).append(card)
    themes = sorted(cards, key=lambda code: catalogue.themes[code].order
                    if code in catalogue.themes else 99)
    grouped = [ThemeCards(code, catalogue.themes[code].name(lang) if code in catalogue.themes
                          else code, sorted(cards[code], key=_card_order)) for code in themes]
    simulated = bool(not frame.empty and frame["simulated"].any())
    return latest_period(frame), grouped, simulated


def _card_order(card: Card) -> tuple[int, str]:
    ident = card.indicator.id
    return (PREFERRED.index(ident) if ident in PREFERRED else len(PREFERRED), ident)


def breakdown(store: Store, indicator: str, period: str, dimension: str) -> pd.DataFrame:
    """Figures of one period by industry (whole country) or by province (all industry)."""
    if dimension == "industry":
        frame = store.observations(indicator, period=period, province=ALL)
        frame = frame[frame["industry"] != ALL]
    else:
        frame = store.observations(indicator, period=period, industry=ALL)
        frame = frame[frame["province"] != ALL]
    return _one_per_cell(frame)


def default_indicator(store: Store, dimension: str) -> str | None:
    """The first preferred indicator that has a breakdown by ``dimension``."""
    column, other = ("industry", "province") if dimension == "industry" else ("province",
                                                                              "industry")
    rows = store.query(
        f"""SELECT DISTINCT indicator FROM observations
            WHERE {column} <> 'ALL' AND {other} = 'ALL'"""
    )
    present = set(rows["indicator"])
    for ident in PREFERRED:
        if ident in present:
            return ident
    return min(present) if present else None


def breakdown_periods(store: Store, indicator: str, dimension: str) -> list[str]:
    column = "industry" if dimension == "industry" else "province"
    rows = store.query(
        f"SELECT DISTINCT period FROM observations WHERE indicator = ? AND {column} <> 'ALL' "
        "ORDER BY period DESC",
        [indicator],
    )
    return [str(p) for p in rows["period"]]


def industry_table(store: Store, period: str, indicators: list[str]) -> pd.DataFrame:
    """One row per division and the figures of ``indicators`` as columns (obs ids kept)."""
    frame = store.observations(indicators, period=period, province=ALL)
    frame = _one_per_cell(frame[frame["industry"] != ALL])
    return frame


def alerts(store: Store, where: list[str], params: list[Any]) -> pd.DataFrame:
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    return store.query(
        f"""SELECT * FROM alerts {clause}
            ORDER BY CASE status WHEN 'new' THEN 0 WHEN 'acknowledged' THEN 1 ELSE 2 END,
                     CASE severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END,
                     period DESC, alert_id DESC LIMIT 500""",
        params,
    )
