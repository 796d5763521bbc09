"""What the dashboard pages show, read through the store's typed API in the shape
templates need.

The home page's report card is the briefing's report card (``indmon.report.card``): the
same figures, periods, comparisons and sections by origin, laid out as cards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pandas as pd

from indmon.catalogue import ALL, Catalogue, Indicator
from indmon.errors import ConfigError
from indmon.monitor.alerts import list_alerts
from indmon.periods import Period
from indmon.report.card import (
    CardSection,
    Entry,
    ReportCard,
    build_card,
    card_periods,
    default_period,
    trends,
)
from indmon.store import Clearance, Observation, Store
from indmon.web import auth
from indmon.web.api.alerts import enterprise_scope
from indmon.web.dashboard import charts
from indmon.web.disclosure import clearance_of, visible_cell_alerts

MONTH = re.compile(r"^\d{4}-\d{2}$")
#: how many periods a headline card's trend line covers
TREND_PERIODS = 13
#: indicators shown first on the report card and chosen by default on map and table
PREFERRED = ("va_real_ytd_yoy", "va_ytd_yoy", "va_real_yoy", "va_yoy", "profit_ytd",
             "profit_ytd_yoy", "revenue_ytd_yoy", "va_contribution_pp")
#: a computed growth rate at current prices and its twin at comparable prices, which the
#: published growth of value added is: the nominal one is marked "current prices"
REAL_TWIN = {"va_ytd_yoy": "va_real_ytd_yoy", "va_yoy": "va_real_yoy"}
#: a card lists an indicator's industries and provinces up to this many, else counts them
CELLS_LISTED = 6
#: the most alerts the alerts page lists
ALERTS_SHOWN = 500


@dataclass
class Figure:
    """One number as shown: linked to its provenance, flagged when simulated."""

    obs_id: int
    value: float
    unit: str
    period: str
    simulated: bool
    conflict: bool = False
    #: why the cell is confidential, and whether its value is kept from this reader
    suppressed: str | None = None
    withheld: bool = False


def figure(row: Any) -> Figure:
    suppressed = getattr(row, "suppressed", None)
    return Figure(int(row.obs_id), float(row.value), str(row.unit), str(row.period),
                  bool(row.simulated), bool(row.conflict),
                  suppressed if isinstance(suppressed, str) else None,
                  bool(getattr(row, "withheld", False)))


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
    """The period covering the latest month (a month beats a year ending in the same month)."""
    if frame.empty:
        return None
    texts = [str(p) for p in frame["period"].unique()]
    return max(texts, key=lambda text: (end_month(text), MONTH.match(text) is not None))


def end_month(text: str) -> str:
    """The last month a period covers: periods are ordered by it, never as text."""
    try:
        return Period.parse(text).end
    except ConfigError:
        return text


def period_kind(text: str) -> str:
    try:
        return Period.parse(text).kind
    except ConfigError:
        return "other"


# -- the report card (the briefing's model: indmon.report.card) -------------------------------
@dataclass(frozen=True)
class IndicatorCard:
    """One indicator of a card section: its whole-country entry, its cells, its trend."""

    indicator: Indicator
    whole: Entry | None
    #: the industries and provinces listed on the card (all of them, up to CELLS_LISTED)
    cells: tuple[Entry, ...] = ()
    #: how many divisions and provinces there are when too many to list
    industries: int = 0
    provinces: int = 0
    #: the trend line of the whole-country figure (SVG), empty without one
    spark: str = ""
    #: a growth rate at current prices shown next to its comparable-price twin
    current_prices: bool = False

    @property
    def entries(self) -> list[Entry]:
        return ([self.whole] if self.whole else []) + list(self.cells)


@dataclass(frozen=True)
class ThemeCards:
    code: str
    name: str
    cards: tuple[IndicatorCard, ...]


@dataclass(frozen=True)
class SectionCards:
    """A card section as the home page shows it: published, computed or simulated."""

    section: CardSection
    themes: tuple[ThemeCards, ...]

    @property
    def origin(self) -> str:
        return self.section.origin.value

    @property
    def simulated(self) -> bool:
        return self.section.simulated

    def entries(self) -> list[Entry]:
        return [e for theme in self.themes for c in theme.cards for e in c.entries]


@dataclass(frozen=True)
class HomeCard:
    """The home page: the report card of one period and the periods one can pick."""

    card: ReportCard
    sections: tuple[SectionCards, ...]
    periods: tuple[Period, ...]

    @property
    def simulated(self) -> bool:
        return self.card.simulated


def report_card(store: Store, lang: str, period: str | None = None,
                clearance: Clearance | None = None) -> HomeCard | None:
    """The report card of ``period`` (default: the latest year with figures of its own)
    as the home page shows it to a reader of ``clearance`` (default: the public, who
    get suppressed cells withheld), or None when the store holds no figures at all. A
    period without figures raises ``NotFound`` naming the periods that have some."""
    wanted = period or default_period(store)
    if wanted is None:
        return None
    seen = clearance or Clearance.public()
    card = build_card(store, wanted, clearance=seen)
    lines = trends(store, [e for s in card.sections for e in s.entries], TREND_PERIODS,
                   clearance=seen)
    sections = tuple(SectionCards(s, _themes(s, lang, lines)) for s in card.sections)
    return HomeCard(card, sections, tuple(card_periods(store)))


def _themes(section: CardSection, lang: str, lines: dict[int, list[Observation]]
            ) -> tuple[ThemeCards, ...]:
    catalogue = Catalogue.load()
    themes = []
    for theme in section.themes:
        cards = [_indicator_card(section, catalogue.indicator(ident), lines)
                 for ident in theme.indicators()]
        themes.append(ThemeCards(theme.code, catalogue.themes[theme.code].name(lang),
                                 tuple(sorted(cards, key=_card_order))))
    return tuple(themes)


def _indicator_card(section: CardSection, indicator: Indicator,
                    lines: dict[int, list[Observation]]) -> IndicatorCard:
    entries = [e for e in section.entries if e.indicator == indicator.id]
    whole_entry = next((e for e in entries if e.whole), None)
    cells = tuple(e for e in entries if not e.whole)
    spark = charts.sparkline([p.value for p in lines.get(whole_entry.obs_id, [])]) if (
        whole_entry) else ""
    twin = REAL_TWIN.get(indicator.id)
    current_prices = twin is not None and section.get(twin) is not None
    if len(cells) <= CELLS_LISTED:
        return IndicatorCard(indicator, whole_entry, cells, spark=spark,
                             current_prices=current_prices)
    catalogue = Catalogue.load()
    return IndicatorCard(indicator, whole_entry,
                         industries=sum(1 for e in cells if e.industry in catalogue.industries),
                         provinces=sum(1 for e in cells if e.province in catalogue.provinces),
                         spark=spark, current_prices=current_prices)


def _card_order(card: IndicatorCard) -> tuple[bool, int]:
    """Cards with a whole-country figure first, the preferred ones leading; otherwise
    the catalogue's order (the sort is stable)."""
    ident = card.indicator.id
    return (card.whole is None, PREFERRED.index(ident) if ident in PREFERRED else len(PREFERRED))


# -- breakdowns (province map, industry table) --------------------------------------------------
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
    present = store.indicators_with(dimension)
    for ident in PREFERRED:
        if ident in present:
            return ident
    return min(present) if present else None


def breakdown_periods(store: Store, indicator: str, dimension: str) -> list[str]:
    """Periods the indicator is broken down by ``dimension`` for, newest first."""
    return list(reversed(store.periods_with(indicator, dimension)))


def industry_table(store: Store, period: str, indicators: list[str],
                   clearance: Clearance | None = None) -> pd.DataFrame:
    """One row per division and the figures of ``indicators`` as columns (obs ids kept);
    suppressed cells without the reader's clearance come withheld."""
    frame = store.observations(indicators, period=period, province=ALL,
                               clearance=clearance or Clearance.public())
    frame = _one_per_cell(frame[frame["industry"] != ALL])
    return frame


# -- alerts -------------------------------------------------------------------------------------
def alerts(store: Store, user: auth.User | None, *, status: str | None = None,
           severity: str | None = None, period: str | None = None) -> pd.DataFrame:
    """The alerts page: the alerts ``user`` may see (the API's access rule), open work
    first, then the most severe and the latest month."""
    found = list_alerts(store, status=status, severity=severity, period=period,
                        order="status", limit=ALERTS_SHOWN,
                        enterprise_provinces=enterprise_scope(user))
    return visible_cell_alerts(store, found, clearance_of(user))
