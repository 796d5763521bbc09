"""Rules on computed figures: growth of a cell (an industry, a province, or both) in a month.

They read the current figures the compute step stored (``va_yoy``, ``va_ytd_yoy``,
``loss_making_ytd``, ``enterprises`` ...), one per cell and month (``YYYY-MM``, the last
month of a year-to-date figure), as one pandas frame with a ``level`` column (see
``indmon.monitor.monitoring.observation_frame``), so every rule is a filter over that
frame. A cell whose figure rests on fewer than
``min_enterprises`` enterprises is left alone: with a handful of reporters one firm's
month swings the growth rate and alerts would be noise.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from indmon.catalogue import ALL
from indmon.monitor.alerts import Alert, cell_label
from indmon.monitor.rules import Rule
from indmon.periods import month_add
from indmon.store import Origin

SECTORS = ("B", "C", "D")


def with_levels(frame: pd.DataFrame) -> pd.DataFrame:
    """Add the cell ``level`` (industry_province, industry, sector, province, country)."""
    ind_all = frame["industry"] == ALL
    prov_all = frame["province"] == ALL
    sector = frame["industry"].isin(SECTORS)
    level = np.select(
        [ind_all & prov_all, ind_all, prov_all & sector, prov_all, sector],
        ["country", "province", "sector", "industry", "sector_province"],
        default="industry_province",
    )
    return frame.assign(level=level)


def enough_enterprises(rows: pd.DataFrame, minimum: int) -> pd.Series:
    """Which figures rest on at least ``minimum`` enterprises.

    A computed figure says how many enterprises it rests on (``n``); one without a count
    is not judged. A published figure has no count, and its publisher has already judged
    it fit to publish, so it counts as large enough (only when monitoring is asked to
    judge published figures, see ``observation_frame``).
    """
    counted = rows["n"].fillna(0) >= minimum
    if "origin" not in rows:
        return counted
    return counted | (rows["n"].isna() & (rows["origin"] == Origin.PUBLISHED.value))


def _cells(frame: pd.DataFrame, indicator: str, period: str, rule: Rule) -> pd.DataFrame:
    rows = frame[(frame["indicator"] == indicator) & (frame["period"] == period)
                 & frame["level"].isin(rule.params.get("cells", ["province"]))]
    return rows[enough_enterprises(rows, rule.params["min_enterprises"])]


def _alert(rule: Rule, row: Any, title_en: str, title_zh: str, evidence: dict[str, Any],
           indicator: str | None = None) -> Alert:
    return Alert(
        rule_id=rule.id, kind="rule", severity=rule.severity, period=row.period,
        title_en=title_en, title_zh=title_zh, evidence={"rule": rule.name_en, **evidence},
        indicator=indicator or row.indicator, industry=row.industry, province=row.province,
        simulated=bool(row.simulated),
    )


def growth_below(frame: pd.DataFrame, rule: Rule, period: str) -> list[Alert]:
    """Growth of a cell below a threshold (0: falling year on year)."""
    p = rule.params
    hits = _cells(frame, p["indicator"], period, rule)
    hits = hits[hits["value"] < p["below"]]
    return [
        _alert(rule, row,
               f"{cell_label(row.industry, row.province)}: {p['indicator']} {row.value:.1f}% "
               f"in {period}, below {p['below']:g}%",
               f"{cell_label(row.industry, row.province, 'zh')}{period}增速{row.value:.1f}%，"
               f"低于{p['below']:g}%",
               {"value": row.value, "threshold": p["below"], "n": row.n,
                "comparison": f"{p['indicator']} < {p['below']:g}"})
        for row in hits.itertuples()
    ]


def streak_months(period: str, months: int) -> list[str]:
    """The ``months`` latest months up to ``period`` that carry growth figures.

    January has none (it is released with February), so a streak steps over it.
    """
    found: list[str] = []
    month = period
    while len(found) < months:
        if not month.endswith("-01"):
            found.append(month)
        month = month_add(month, -1)
    return found[::-1]


def consecutive_decline(frame: pd.DataFrame, rule: Rule, period: str) -> list[Alert]:
    """Growth below the threshold in each of the last N months (January skipped)."""
    p = rule.params
    months = streak_months(period, p["months"])
    current = _cells(frame, p["indicator"], period, rule)
    series = frame[(frame["indicator"] == p["indicator"]) & frame["period"].isin(months)]
    wide = series.pivot_table(index=["industry", "province"], columns="period", values="value")
    if current.empty or not set(months) <= set(wide.columns):
        return []
    wide = wide[months].dropna()
    falling = wide[(wide < p["below"]).all(axis=1)]
    keep = current.set_index(["industry", "province"]).index.intersection(falling.index)
    out = []
    for row in current.set_index(["industry", "province"]).loc[keep].reset_index().itertuples():
        values = falling.loc[(row.industry, row.province)].round(2).tolist()
        out.append(_alert(
            rule, row,
            f"{cell_label(row.industry, row.province)}: {p['indicator']} below "
            f"{p['below']:g}% for {p['months']} consecutive months to {period}",
            f"{cell_label(row.industry, row.province, 'zh')}增速连续{p['months']}个月低于"
            f"{p['below']:g}%（至{period}）",
            {"months": months, "values": values, "threshold": p["below"], "n": row.n,
             "comparison": f"every month {p['indicator']} < {p['below']:g}"},
        ))
    return out


def index_turns_below(frame: pd.DataFrame, rule: Rule, period: str) -> list[Alert]:
    """A diffusion index (the PMI) below a line (50: contraction) this month after a month
    at or above it: a turn, not every month of a contraction. The month before is the
    calendar month before (PMIs are released for January too)."""
    p = rule.params
    before = month_add(period, -1)
    rows = frame[(frame["indicator"] == p["indicator"])
                 & frame["level"].isin(p["cells"]) & frame["period"].isin([before, period])]
    wide = rows.pivot_table(index=["industry", "province"], columns="period", values="value")
    if period not in wide or before not in wide:
        return []
    turned = wide[(wide[period] < p["below"]) & (wide[before] >= p["below"])]
    now = rows[rows["period"] == period].set_index(["industry", "province"])
    out = []
    for (industry, province), values in turned.iterrows():
        row = now.loc[(industry, province)]
        row = row.iloc[0] if isinstance(row, pd.DataFrame) else row
        cell = pd.Series({"period": period, "industry": industry, "province": province,
                          "indicator": p["indicator"], "simulated": row["simulated"]})
        out.append(_alert(
            rule, cell,
            f"{cell_label(industry, province)}: {p['indicator']} fell to "
            f"{values[period]:.1f} in {period} from {values[before]:.1f}, below "
            f"{p['below']:g}",
            f"{cell_label(industry, province, 'zh')}{p['indicator']}由{values[before]:.1f}"
            f"降至{values[period]:.1f}（{period}），低于{p['below']:g}",
            {"value": float(values[period]), "previous": float(values[before]),
             "threshold": p["below"], "comparison": f"{p['indicator']} < {p['below']:g} "
                                                    f"after >= {p['below']:g}"}))
    return out


def below_country(frame: pd.DataFrame, rule: Rule, period: str) -> list[Alert]:
    """A province growing more than ``gap_pp`` percentage points below the country."""
    p = rule.params
    rows = frame[(frame["indicator"] == p["indicator"]) & (frame["period"] == period)]
    country = rows[rows["level"] == "country"]["value"]
    if country.empty:
        return []
    national = float(country.iloc[0])
    provinces = rows[rows["level"] == "province"]
    provinces = provinces[enough_enterprises(provinces, p["min_enterprises"])]
    behind = provinces[provinces["value"] < national - p["gap_pp"]]
    return [
        _alert(rule, row,
               f"{cell_label(ALL, row.province)}: {p['indicator']} {row.value:.1f}% in {period}, "
               f"{national - row.value:.1f} pp below the country ({national:.1f}%)",
               f"{cell_label(ALL, row.province, 'zh')}{period}增速{row.value:.1f}%，低于全国"
               f"（{national:.1f}%）{national - row.value:.1f}个百分点",
               {"value": row.value, "country": national, "gap_pp": national - row.value,
                "threshold_pp": p["gap_pp"], "n": row.n,
                "comparison": f"country - province > {p['gap_pp']:g} pp"})
        for row in behind.itertuples()
    ]


def loss_share_rising(frame: pd.DataFrame, rule: Rule, period: str) -> list[Alert]:
    """Loss-making enterprises as a share of reporters, against the same month a year earlier."""
    p = rule.params
    year_ago = month_add(period, -12)
    share = {month: _loss_share(frame, month, rule) for month in (period, year_ago)}
    if share[period].empty or share[year_ago].empty:
        return []
    both = share[period].join(share[year_ago], rsuffix="_before", how="inner")
    both = both.assign(rise=both["share"] - both["share_before"])
    hits = both[(both["rise"] > p["rise_pp"]) & (both["n"] >= p["min_enterprises"])]
    out = []
    for (industry, province), row in hits.iterrows():
        label = cell_label(industry, province)
        out.append(Alert(
            rule_id=rule.id, kind="rule", severity=rule.severity, period=period,
            indicator="loss_making_ytd", industry=industry, province=province,
            simulated=bool(row["simulated"]),
            title_en=f"{label}: loss-making share {row['share']:.1f}% in {period}, up "
                     f"{row['rise']:.1f} pp on a year earlier",
            title_zh=f"{cell_label(industry, province, 'zh')}{period}亏损企业占比"
                     f"{row['share']:.1f}%，比上年同期上升{row['rise']:.1f}个百分点",
            evidence={"rule": rule.name_en, "share_pct": row["share"],
                      "share_year_ago_pct": row["share_before"], "rise_pp": row["rise"],
                      "loss_making": row["loss"], "enterprises": row["n"],
                      "threshold_pp": p["rise_pp"], "year_ago": year_ago,
                      "comparison": "loss_making_ytd / enterprises, against a year earlier"},
        ))
    return out


def _loss_share(frame: pd.DataFrame, month: str, rule: Rule) -> pd.DataFrame:
    rows = frame[(frame["period"] == month) & frame["level"].isin(rule.params["cells"])]
    wide = rows.pivot_table(index=["industry", "province"], columns="indicator",
                            values="value", aggfunc="first")
    flags = rows.groupby(["industry", "province"])["simulated"].any()
    if not {"loss_making_ytd", "enterprises"} <= set(wide.columns):
        return pd.DataFrame(columns=["share", "loss", "n", "simulated"])
    wide = wide[wide["enterprises"] > 0]
    return pd.DataFrame({
        "share": 100.0 * wide["loss_making_ytd"] / wide["enterprises"],
        "loss": wide["loss_making_ytd"], "n": wide["enterprises"],
        "simulated": flags.reindex(wide.index).fillna(False),
    })


#: rule type -> check on the frame of current observations
CELL_CHECKS: dict[str, Callable[[pd.DataFrame, Rule, str], list[Alert]]] = {
    "growth_below": growth_below,
    "consecutive_decline": consecutive_decline,
    "below_country": below_country,
    "loss_share_rising": loss_share_rising,
    "index_turns_below": index_turns_below,
}
