"""What the dashboard pages show, read from the store in the shape templates need."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from indmon.catalogue import ALL, Catalogue, Indicator
from indmon.errors import ConfigError, NotFound
from indmon.periods import Period, previous_period
from indmon.store import Store

MONTH = re.compile(r"^\d{4}-\d{2}$")
#: how many periods a headline card's trend line covers
TREND_PERIODS = 13
#: indicators shown first on the report card and chosen by default on map and table
PREFERRED = ("va_real_ytd_yoy", "va_ytd_yoy", "va_real_yoy", "va_yoy", "profit_ytd",
             "profit_ytd_yoy", "revenue_ytd_yoy", "va_contribution_pp")
#: a computed growth rate at comparable prices replaces its nominal twin on the report
#: card: the published growth of value added is a real (price-adjusted) rate
REAL_TWIN = {"va_ytd_yoy": "va_real_ytd_yoy", "va_yoy": "va_real_yoy"}


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


#: which period names a group of published figures ending in the same month
KIND_RANK = {"year": 0, "quarter": 1, "span": 2, "month": 3, "date": 4, "other": 5}


@dataclass
class Section:
    """Headline cards of one period, all published or all computed (never mixed)."""

    period: str
    themes: list[ThemeCards]
    simulated: bool


@dataclass
class ReportCard:
    published: Section | None
    computed: Section | None
    #: report-card periods a reader can pick: published ones, then computed months
    published_periods: list[str]
    computed_months: list[str]

    @property
    def simulated(self) -> bool:
        return self.computed is not None


def report_card(store: Store, lang: str, period: str | None = None) -> ReportCard:
    """The published report card of ``period`` (default: the latest year) and, apart, the
    figures computed from the simulated panel for the month that period ends in."""
    frame = whole(store)
    published = frame[~frame["simulated"]] if not frame.empty else frame
    computed = frame[frame["simulated"]] if not frame.empty else frame
    labels = published_periods(published)
    months = sorted({str(p) for p in computed["period"] if MONTH.match(str(p))},
                    reverse=True) if not computed.empty else []
    chosen_label, month = _chosen(period, labels, months)
    card = ReportCard(None, None, labels, months)
    if chosen_label is not None:
        card.published = _published_section(published, chosen_label, lang)
    if month is not None:
        card.computed = _computed_section(computed, month, lang)
    return card


def published_periods(frame: pd.DataFrame) -> list[str]:
    """One name per month in which published figures end, newest first: 2023 for the
    figures of the year and those at its end, 2023-Q1 for a quarter's, and so on."""
    by_end: dict[str, list[str]] = {}
    for text in {str(p) for p in frame["period"]} if not frame.empty else set():
        by_end.setdefault(end_month(text), []).append(text)
    return [min(texts, key=lambda t: (KIND_RANK[period_kind(t)], t))
            for _end, texts in sorted(by_end.items(), reverse=True)]


def _chosen(period: str | None, labels: list[str], months: list[str]
            ) -> tuple[str | None, str | None]:
    if period is None:
        annual = [label for label in labels if period_kind(label) == "year"]
        label = annual[0] if annual else (labels[0] if labels else None)
        month = months[0] if months else None
        if label is not None and months:
            # the computed section follows the published period where the panel covers it
            month = next((m for m in months if m <= end_month(label)), months[0])
        return label, month
    end = Period.parse(period).end
    label = next((item for item in labels if end_month(item) == end), None)
    month = next((m for m in months if m == end), None)
    if label is None and month is None:
        raise NotFound(
            f"no figures for period {period!r}; published: {', '.join(labels[:12]) or 'none'}; "
            f"computed months: {', '.join(months[:3]) or 'none'} and earlier"
        )
    return label, month


def _published_section(frame: pd.DataFrame, label: str, lang: str) -> Section:
    end = end_month(label)
    periods = frame["period"].astype(str)
    ends = periods.map(end_month)
    rank = periods.map(lambda t: KIND_RANK[period_kind(t)])
    chosen = frame.assign(_rank=rank)[ends == end].sort_values("_rank")
    chosen = chosen.drop_duplicates("indicator")
    cards = []
    for row in chosen.itertuples():
        latest = figure(row)
        kind = period_kind(latest.period)
        same = frame[(frame["indicator"] == row.indicator)
                     & (periods.map(period_kind) == kind) & (ends <= end)]
        same = same.assign(_end=same["period"].astype(str).map(end_month)).sort_values("_end")
        before = same[same["period"].astype(str) == _year_earlier(latest.period)]
        previous = figure(next(before.itertuples())) if not before.empty else None
        cards.append((str(row.indicator), latest, previous,
                      [float(v) for v in same["value"].tail(TREND_PERIODS)]))
    return Section(label, _by_theme(cards, lang), False)


def _card_order(card: Card) -> tuple[int, str]:
    ident = card.indicator.id
    return (PREFERRED.index(ident) if ident in PREFERRED else len(PREFERRED), ident)


def _year_earlier(text: str) -> str:
    try:
        return previous_period(text)
    except (ConfigError, ValueError):
        return ""


def _computed_section(frame: pd.DataFrame, month: str, lang: str) -> Section:
    months = frame[frame["period"].astype(str).str.match(MONTH.pattern)]
    present = set(months.loc[months["period"] == month, "indicator"].astype(str))
    shown = [i for i in present if REAL_TWIN.get(i) not in present]
    cards = []
    for indicator_id in shown:
        rows = months[(months["indicator"] == indicator_id) & (months["period"] <= month)]
        rows = rows.sort_values("period")
        figures = [figure(r) for r in rows.itertuples()]
        cards.append((indicator_id, figures[-1], figures[-2] if len(figures) > 1 else None,
                      [f.value for f in figures[-TREND_PERIODS:]]))
    return Section(month, _by_theme(cards, lang), True)


def _by_theme(cards: list[tuple[str, Figure, Figure | None, list[float]]], lang: str
              ) -> list[ThemeCards]:
    catalogue = Catalogue.load()
    grouped: dict[str, list[Card]] = {}
    for indicator_id, latest, previous, trend in cards:
        indicator = catalogue.indicators.get(indicator_id)
        if indicator is not None:
            grouped.setdefault(indicator.theme, []).append(Card(indicator, latest, previous,
                                                                trend))
    order = sorted(grouped, key=lambda code: catalogue.themes[code].order
                   if code in catalogue.themes else 99)
    return [ThemeCards(code, catalogue.themes[code].name(lang) if code in catalogue.themes
                       else code, sorted(grouped[code], key=_card_order)) for code in order]


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
