"""Anomalies: unusual moves in any cell's monthly series, found without a rule naming them.

Two robust tests score each cell's figure for the month:

- **history**: against the cell's own past, as a robust z-score, (x - median) / scale with
  scale = max(1.4826 * MAD, ``min_scale_pp``). Year-on-year growth already removes the
  ordinary seasonal pattern; what remains is the Spring Festival, which moves between
  January and March. So January is never scored (it has no figure of its own), February
  (the January-February combined figure) and March are compared only with the same
  month of earlier years, and every other month with the cell's earlier months outside
  January-March.
- **peers**: against the same month in comparable cells: a province's industry against
  that industry in the other provinces and against the other industries of the province
  (the smaller of the two scores counts, so a move shared by a whole province or a whole
  industry is not charged to each of its cells); an industry against the other
  industries, a province against the other provinces.

A cell is flagged when either score reaches ``threshold``; small cells (fewer than
``min_enterprises`` behind the figure), short histories (``min_history``) and thin peer
groups (``min_peers``) are not scored, and at most ``max_per_period`` anomalies are kept
per month, highest score first, so a noisy month cannot flood the alert list.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from indmon.monitor.alerts import Alert, cell_label
from indmon.monitor.cells import enough_enterprises
from indmon.periods import month_add

#: months whose growth the Spring Festival moves: compared only with the same month
SPRING_FESTIVAL_MONTHS = ("02", "03")
MAD_TO_SD = 1.4826
KEY = ["industry", "province"]


def reference_months(period: str, history_months: int) -> list[str]:
    """The earlier months a cell's figure for ``period`` is compared with."""
    earlier = [month_add(period, -k) for k in range(1, history_months + 1)]
    if period[5:7] in SPRING_FESTIVAL_MONTHS:
        return [m for m in earlier if m[5:7] == period[5:7]]
    return [m for m in earlier if m[5:7] not in ("01", *SPRING_FESTIVAL_MONTHS)]


def robust_stats(frame: pd.DataFrame, by: list[str], floor: float) -> pd.DataFrame:
    """Median, robust scale and count of ``value`` per group ``by`` (a spread below
    ``floor`` is raised to it, so a near-constant series does not turn noise into alarms)."""
    median = frame.groupby(by)["value"].median().rename("median")
    joined = frame.join(median, on=by)
    mad = (joined["value"] - joined["median"]).abs().groupby([joined[c] for c in by]).median()
    stats = pd.DataFrame({"median": median, "count": frame.groupby(by)["value"].size()})
    stats["scale"] = np.maximum(MAD_TO_SD * mad.reindex(stats.index), floor)
    return stats


def history_scores(series: pd.DataFrame, current: pd.DataFrame, period: str,
                   settings: dict[str, Any]) -> pd.DataFrame:
    """Robust z of each current figure against the cell's own reference months."""
    months = reference_months(period, settings["history_months"])
    past = series[series["period"].isin(months)]
    stats = robust_stats(past, KEY, settings["min_scale_pp"])
    stats = stats[stats["count"] >= settings["min_history"]]
    scored = current.join(stats, on=KEY, how="inner")
    return pd.DataFrame({
        "z_history": (scored["value"] - scored["median"]) / scored["scale"],
        "history_median": scored["median"], "history_scale": scored["scale"],
        "history_n": scored["count"],
    })


def _peer_z(current: pd.DataFrame, by: list[str], settings: dict[str, Any]) -> pd.Series:
    stats = robust_stats(current, by, settings["min_scale_pp"])
    stats = stats[stats["count"] >= settings["min_peers"]]
    scored = current.join(stats, on=by, how="left")
    return (scored["value"] - scored["median"]) / scored["scale"]


def peer_scores(current: pd.DataFrame, settings: dict[str, Any]) -> pd.DataFrame:
    """Robust z of each figure against the same month in comparable cells."""
    parts = []
    for level, groups in (("industry_province", (["industry"], ["province"])),
                          ("industry", (["level"],)), ("province", (["level"],))):
        cells = current[current["level"] == level]
        if cells.empty:
            continue
        zs = [_peer_z(cells, by, settings) for by in groups]
        parts.append(pd.DataFrame({"z_peers": _smaller(zs)}, index=cells.index))
    if not parts:
        return pd.DataFrame({"z_peers": pd.Series(dtype=float)})
    return pd.concat(parts)


def _smaller(zs: list[pd.Series]) -> pd.Series:
    """Per row, the score of smaller magnitude among those available."""
    result = zs[0]
    for other in zs[1:]:
        take_other = result.isna() | (other.notna() & (other.abs() < result.abs()))
        result = result.where(~take_other, other)
    return result


def detect_anomalies(frame: pd.DataFrame, period: str, settings: dict[str, Any]) -> list[Alert]:
    """Anomaly alerts for ``period`` from a frame of observations with a ``level`` column."""
    if not settings["enabled"] or period.endswith("-01"):
        return []
    alerts: list[Alert] = []
    for indicator in settings["indicators"]:
        series = frame[(frame["indicator"] == indicator) & frame["level"].isin(settings["cells"])]
        month = series[series["period"] == period]
        current = month[enough_enterprises(month, settings["min_enterprises"])]
        if current.empty:
            continue
        scored = current.join(history_scores(series, current, period, settings)).join(
            peer_scores(current, settings))
        scored["score"] = scored[["z_history", "z_peers"]].abs().max(axis=1, skipna=True)
        flagged = scored[scored["score"] >= settings["threshold"]]
        alerts += [_alert(indicator, period, row, settings) for row in flagged.itertuples()]
    alerts.sort(key=lambda a: -float(a.evidence["score"]))
    return alerts[: settings["max_per_period"]]


def _severity(score: float, settings: dict[str, Any]) -> str:
    base = settings["severity"]
    if score < 2 * settings["threshold"]:
        return str(base)
    return {"low": "medium", "medium": "high"}.get(base, "high")


def _clean(value: Any) -> float | None:
    return None if value is None or pd.isna(value) else round(float(value), 3)


def _alert(indicator: str, period: str, row: Any, settings: dict[str, Any]) -> Alert:
    direction_en = "high" if _direction(row) > 0 else "low"
    direction_zh = "偏高" if direction_en == "high" else "偏低"
    label = cell_label(row.industry, row.province)
    return Alert(
        rule_id="anomaly:series", kind="anomaly", severity=_severity(row.score, settings),
        period=period, indicator=indicator, industry=row.industry, province=row.province,
        simulated=bool(row.simulated),
        title_en=f"{label}: {indicator} {row.value:.1f}% in {period} is unusually "
                 f"{direction_en} (robust z {row.score:.1f})",
        title_zh=f"{cell_label(row.industry, row.province, 'zh')}{period}增速{row.value:.1f}%"
                 f"异常{direction_zh}（稳健z值{row.score:.1f}）",
        evidence={
            "value": float(row.value), "score": round(float(row.score), 3),
            "threshold": settings["threshold"], "z_history": _clean(row.z_history),
            "history_median": _clean(row.history_median),
            "history_scale": _clean(row.history_scale), "history_n": _clean(row.history_n),
            "z_peers": _clean(row.z_peers), "n": _clean(row.n),
            "comparison": "robust z-score (median, 1.4826 MAD) against the cell's own "
                          "history and against its peers in the same month",
        },
    )


def _direction(row: Any) -> float:
    zs = [z for z in (row.z_history, row.z_peers) if z is not None and not pd.isna(z)]
    return max(zs, key=abs) if zs else 0.0


__all__ = ["detect_anomalies", "history_scores", "peer_scores", "reference_months",
           "robust_stats"]
