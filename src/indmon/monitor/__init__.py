"""Monitoring and early warning: rules as data, anomaly detection, alerts with a lifecycle.

>>> from indmon.store import Store
>>> store = Store.open(":memory:")
>>> run_monitoring(store, period="2024-03").raised
0
>>> list_alerts(store).empty
True
"""

from indmon.monitor.alerts import Alert, get_alert, list_alerts, monitoring_ran, update_alert
from indmon.monitor.monitoring import MonitorSummary, run_monitoring
from indmon.monitor.rules import Rule, RuleSet, load_rules

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
