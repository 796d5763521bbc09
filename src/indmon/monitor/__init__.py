"""Monitoring and early warning: rules as data, anomaly detection, alerts with a lifecycle.

>>> from indmon.store import Store
>>> store = Store.open(":memory:")
>>> run_monitoring(store, period="2024-03").raised
0
>>> list_alerts(store).empty
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from indmon.monitor.alerts import Alert, get_alert, list_alerts, monitoring_ran, update_alert
from indmon.monitor.rules import Rule, RuleSet, load_rules

if TYPE_CHECKING:
    from indmon.monitor.monitoring import MonitorSummary, run_monitoring


def __getattr__(name: str) -> Any:
    # running the rules needs pandas and the detectors; reading alerts (a report card)
    # does not, so ``indmon.monitor.monitoring`` loads only when asked for
    if name in ("MonitorSummary", "run_monitoring"):
        from indmon.monitor import monitoring

        return getattr(monitoring, name)
    raise AttributeError(f"module 'indmon.monitor' has no attribute {name!r}")


__all__ = [
    "Alert",
    "MonitorSummary",
    "Rule",
    "RuleSet",
    "get_alert",
    "list_alerts",
    "load_rules",
    "monitoring_ran",
    "run_monitoring",
    "update_alert",
]
