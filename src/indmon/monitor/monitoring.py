"""One monitoring run: evaluate every enabled rule and the anomaly detectors for a month.

>>> from indmon.store import Store
>>> summary = run_monitoring(Store.open(":memory:"), period="2024-03")
>>> summary.raised
0
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from indmon.monitor.alerts import Alert, list_alerts, record_run, save_alerts
from indmon.monitor.anomalies import detect_anomalies
from indmon.monitor.cells import CELL_CHECKS, with_levels
from indmon.monitor.enterprises import ENTERPRISE_CHECKS, load_window, months_needed
from indmon.monitor.rules import Rule, RuleSet, load_rules
from indmon.periods import Period, check_month, month_add
from indmon.store import Origin, Store

#: indicators the cell rules and detectors may read
WATCHED = ("va_yoy", "va_ytd_yoy", "va_real_yoy", "va_real_ytd_yoy", "output_ytd_yoy",
           "revenue_ytd_yoy", "profit_ytd_yoy", "loss_making_ytd", "enterprises")
#: the origins monitoring judges unless told otherwise: what indmon computed
JUDGED: tuple[str, ...] = (Origin.COMPUTED.value, Origin.SIMULATED.value)


@dataclass
class MonitorSummary:
    """What one run raised: the alerts of the month, and how many were new."""

    period: str
    rules_file: str
    #: the alerts this run found firing, as stored (with alert_id and status)
    alerts: pd.DataFrame
    new: int = 0
    refreshed: int = 0
    seconds: float = 0.0
    simulated: bool = False
    #: things the user should know, e.g. that no computed figures exist for the month
    notes: list[str] = field(default_factory=list)

    @property
    def raised(self) -> int:
        return len(self.alerts)

    def by_rule(self) -> pd.DataFrame:
        """Counts per rule and severity, for the summary table the CLI prints."""
        if self.alerts.empty:
            return pd.DataFrame(columns=["rule_id", "severity", "alerts", "new"])
        return (self.alerts.assign(new=self.alerts["status"].eq("new"))
                .groupby(["rule_id", "severity"], as_index=False)
                .agg(alerts=("alert_id", "size"), new=("new", "sum")))


def run_monitoring(
    store: Store, *, period: str, rules_path: Path | None = None,
    origin: Sequence[str] = JUDGED,
) -> MonitorSummary:
    """Evaluate the rules (default: the shipped ones) and detectors for ``period`` and store
    the alerts; re-running refreshes evidence and never duplicates an alert.

    ``origin`` chooses the figures the cell rules and detectors judge (default: computed
    and simulated ones; see :func:`observation_frame`)."""
    check_month(period)
    started = time.perf_counter()
    rules = load_rules(rules_path)
    frame = observation_frame(store, period, rules, origin=origin)
    notes = _notes(frame, period)
    alerts = evaluate(store, rules, frame, period)
    new, refreshed = save_alerts(store, alerts)
    fingerprints = {a.fingerprint for a in alerts}
    stored = list_alerts(store, period=period)
    raised = stored[stored["fingerprint"].isin(fingerprints)].reset_index(drop=True)
    summary = MonitorSummary(
        period, rules.file, raised, new, refreshed, time.perf_counter() - started,
        simulated=any(a.simulated for a in alerts), notes=notes,
    )
    _record_run(store, summary)
    return summary


def evaluate(store: Store, rules: RuleSet, frame: pd.DataFrame, period: str) -> list[Alert]:
    """Every alert the enabled rules and the detectors find for ``period`` (nothing saved)."""
    enabled = rules.enabled()
    on_reports = [r for r in enabled if r.type in ENTERPRISE_CHECKS]
    alerts: list[Alert] = []
    if on_reports:
        load_window(store, months_needed(period, on_reports))
    for rule in enabled:
        alerts += _check(store, rule, frame, period)
    alerts += detect_anomalies(frame, period, rules.anomalies)
    return alerts


def _check(store: Store, rule: Rule, frame: pd.DataFrame, period: str) -> list[Alert]:
    if rule.type in CELL_CHECKS:
        return CELL_CHECKS[rule.type](frame, rule, period)
    return ENTERPRISE_CHECKS[rule.type](store, rule, period)


def observation_frame(store: Store, period: str, rules: RuleSet, *,
                      origin: Sequence[str] = JUDGED) -> pd.DataFrame:
    """Current figures the rules and detectors read, from far enough back, one per cell
    and month, with a ``level`` column.

    Monitoring judges what indmon computed (``origin`` computed and simulated). Adding
    ``published`` lets it also judge the figures releases state: a year-to-date or
    January-February figure counts for its last month, as the computed ones do; where
    several origins give a cell's month, the first in ``origin`` stands. Figures that
    sources state differently (conflicts) are left out: there is no one value to judge.
    """
    reach = max([24, int(rules.anomalies["history_months"])]
                + [int(r.params.get("months", 0)) + 12 for r in rules.rules])
    watched = sorted(set(WATCHED) | set(rules.anomalies["indicators"])
                     | {str(r.params["indicator"]) for r in rules.rules
                        if "indicator" in r.params})
    found = store.observations(watched, start=month_add(period, -reach), end=period,
                               origin=list(origin), sources=False)
    return with_levels(monthly(found, list(origin)))


def monthly(found: pd.DataFrame, origin: list[str]) -> pd.DataFrame:
    """Figures of monthly frequency placed at their last month, one per cell and month
    (the first of ``origin`` that has it)."""
    columns = ["indicator", "period", "industry", "province", "value", "n", "simulated",
               "origin"]
    found = found[~found["conflict"].astype(bool)]
    parsed = {text: Period.parse(text) for text in found["period"].unique()}
    month_of = {text: p.end_month for text, p in parsed.items() if p.frequency == "month"}
    found = found[found["period"].isin(list(month_of))]
    found = found.assign(period=found["period"].map(month_of))
    rank = {name: i for i, name in enumerate(Origin.parse(o).value for o in origin)}
    found = (found.assign(_rank=found["origin"].map(rank))
             .sort_values(["_rank", "vintage"], ascending=[True, False], kind="stable")
             .drop_duplicates(["indicator", "period", "industry", "province"]))
    return found[columns].sort_values(["indicator", "period", "industry", "province"],
                                      kind="stable").reset_index(drop=True)


def _notes(frame: pd.DataFrame, period: str) -> list[str]:
    if (frame["period"] == period).any():
        return []
    return [f"no computed figures for {period} in the store, so only the rules on enterprise "
            f"reports ran; run 'indmon compute' first"]


def _record_run(store: Store, summary: MonitorSummary) -> None:
    record_run(store, period=summary.period, rules_file=summary.rules_file,
               seconds=summary.seconds, alerts=summary.raised, new=summary.new,
               simulated=summary.simulated)


__all__ = ["JUDGED", "WATCHED", "MonitorSummary", "evaluate", "monthly", "observation_frame",
           "run_monitoring"]
