"""Alerts: what a rule or detector found, stored once per fingerprint, with a lifecycle.

An alert's fingerprint is its rule, cell, period and (for enterprise rules) enterprise, so
monitoring the same month again refreshes the evidence of the alerts that still fire and
never duplicates them; an alert someone acknowledged stays acknowledged. Status moves
``new -> acknowledged -> resolved`` (or straight to resolved), each change recorded in
``alert_history`` with who made it and when.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from indmon.catalogue import ALL, Catalogue
from indmon.errors import ConfigError, NotFound
from indmon.store import Store

STATUSES = ("new", "acknowledged", "resolved")
#: the status changes a person may make
TRANSITIONS = {"new": ("acknowledged", "resolved"), "acknowledged": ("resolved",), "resolved": ()}


@dataclass(frozen=True)
class Alert:
    """A rule or anomaly that fired for one cell (and enterprise) in one month."""

    rule_id: str
    kind: str  #: rule | anomaly
    severity: str
    period: str
    title_en: str
    title_zh: str
    #: the figures that triggered, the thresholds and the comparison made
    evidence: dict[str, Any] = field(default_factory=dict)
    indicator: str | None = None
    industry: str = ALL
    province: str = ALL
    enterprise_id: str | None = None
    simulated: bool = False

    @property
    def fingerprint(self) -> str:
        key = "|".join((self.rule_id, self.period, self.industry, self.province,
                        self.indicator or "", self.enterprise_id or ""))
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


def cell_label(industry: str, province: str, lang: str = "en") -> str:
    """How a cell reads in a title: ``Manufacture of automobiles, Jiangsu`` / ``江苏汽车制造业``."""
    ind = _label(Catalogue.load().industry_label, industry, lang)
    prov = _label(Catalogue.load().province_label, province, lang)
    if lang == "zh":
        if industry == ALL:
            return f"{prov}工业" if province == ALL else prov
        return f"{'全国' if province == ALL else prov}{ind}"
    if industry == ALL:
        return "China, all industry" if province == ALL else prov
    return ind if province == ALL else f"{ind}, {prov}"


def _label(lookup: Any, code: str, lang: str) -> str:
    try:
        return str(lookup(code, lang))
    except KeyError:  # a code the catalogue lacks still gets a readable title
        return code


def save_alerts(store: Store, alerts: Sequence[Alert]) -> tuple[int, int]:
    """Insert new alerts and refresh those already stored; returns (new, refreshed)."""
    if not alerts:
        return 0, 0
    frame = pd.DataFrame([_row(a) for a in alerts]).drop_duplicates("fingerprint", keep="last")
    now = dt.datetime.now().replace(microsecond=0)
    with store.transaction() as con:
        con.register("incoming_alerts", frame)
        try:
            known = con.execute(
                "SELECT count(*) FROM incoming_alerts i JOIN alerts a USING (fingerprint)"
            ).fetchone()
            con.execute(
                """UPDATE alerts SET severity = i.severity, title_en = i.title_en,
                       title_zh = i.title_zh, evidence = i.evidence, simulated = i.simulated,
                       last_seen_at = ?
                   FROM incoming_alerts i WHERE alerts.fingerprint = i.fingerprint""",
                [now],
            )
            con.execute(
                """INSERT INTO alerts (fingerprint, rule_id, kind, severity, period, indicator,
                       industry, province, enterprise_id, title_en, title_zh, evidence,
                       simulated, last_seen_at)
                   SELECT fingerprint, rule_id, kind, severity, period, indicator, industry,
                          province, enterprise_id, title_en, title_zh, evidence, simulated, ?
                   FROM incoming_alerts i
                   WHERE NOT EXISTS (SELECT 1 FROM alerts a WHERE a.fingerprint = i.fingerprint)
                   ORDER BY period, severity, rule_id, industry, province""",
                [now],
            )
        finally:
            con.unregister("incoming_alerts")
    refreshed = int(known[0]) if known else 0
    return len(frame) - refreshed, refreshed


def _row(alert: Alert) -> dict[str, Any]:
    return {
        "fingerprint": alert.fingerprint, "rule_id": alert.rule_id, "kind": alert.kind,
        "severity": alert.severity, "period": alert.period, "indicator": alert.indicator,
        "industry": alert.industry, "province": alert.province,
        "enterprise_id": alert.enterprise_id, "title_en": alert.title_en,
        "title_zh": alert.title_zh,
        "evidence": json.dumps(alert.evidence, ensure_ascii=False, default=_plain),
        "simulated": bool(alert.simulated),
    }


def _plain(value: Any) -> Any:
    """numpy scalars in evidence become plain JSON numbers."""
    if hasattr(value, "item"):
        return value.item()
    return str(value)


def list_alerts(
    store: Store, *, period: str | None = None, status: str | None = None,
    severity: str | None = None,
) -> pd.DataFrame:
    """Stored alerts, most severe first, filtered by period, status and severity."""
    if status is not None and status not in STATUSES:
        raise ConfigError(f"status {status!r} is not one of {', '.join(STATUSES)}")
    if severity is not None and severity not in ("high", "medium", "low"):
        raise ConfigError(f"severity {severity!r} is not one of high, medium, low")
    where, params = [], []
    for column, wanted in (("period", period), ("status", status), ("severity", severity)):
        if wanted is not None:
            where.append(f"{column} = ?")
            params.append(wanted)
    sql = f"""SELECT * FROM alerts {"WHERE " + " AND ".join(where) if where else ""}
              ORDER BY period DESC, CASE severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1
                       ELSE 2 END, kind DESC, rule_id, industry, province, alert_id"""
    return store.query(sql, params)


def get_alert(store: Store, alert_id: int) -> dict[str, Any]:
    """One alert with its evidence decoded and its status history."""
    frame = store.query("SELECT * FROM alerts WHERE alert_id = ?", [alert_id])
    if frame.empty:
        raise NotFound(f"no alert {alert_id} in the store {store.path}; list them with "
                       "'indmon alerts'")
    alert = {k: _scalar(v) for k, v in frame.iloc[0].items()}
    alert["evidence"] = json.loads(alert["evidence"])
    history = store.query(
        "SELECT status, changed_at, changed_by, note FROM alert_history WHERE alert_id = ? "
        "ORDER BY changed_at, rowid", [alert_id],
    )
    alert["history"] = [{k: _scalar(v) for k, v in r.items()} for r in
                        history.to_dict("records")]
    return alert


def update_alert(
    store: Store, alert_id: int, status: str, *, by: str, note: str | None = None
) -> dict[str, Any]:
    """Move an alert to ``acknowledged`` or ``resolved``, recording who and when.

    Allowed: new -> acknowledged, new -> resolved, acknowledged -> resolved. Anything else
    (re-opening, going backwards, an unknown status) raises ``ConfigError``.
    """
    if not by.strip():
        raise ConfigError("say who changes the alert: give --by NAME")
    current = get_alert(store, alert_id)["status"]
    if status not in STATUSES:
        raise ConfigError(f"status {status!r} is not one of {', '.join(STATUSES)}")
    if status not in TRANSITIONS[current]:
        allowed = ", ".join(TRANSITIONS[current]) or "nothing (it is closed)"
        raise ConfigError(f"alert {alert_id} is {current}; it cannot become {status}. From "
                          f"{current} it can become: {allowed}")
    now = dt.datetime.now().replace(microsecond=0)
    with store.transaction() as con:
        con.execute(
            "UPDATE alerts SET status = ?, updated_at = ?, updated_by = ?, note = ? "
            "WHERE alert_id = ?", [status, now, by, note, alert_id],
        )
        con.execute("INSERT INTO alert_history VALUES (?, ?, ?, ?, ?)",
                    [alert_id, status, now, by, note])
    return get_alert(store, alert_id)


def _scalar(value: Any) -> Any:
    if isinstance(value, pd.Timestamp | dt.datetime | dt.date):
        return value.isoformat()
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


__all__ = [
    "STATUSES",
    "TRANSITIONS",
    "Alert",
    "cell_label",
    "get_alert",
    "list_alerts",
    "save_alerts",
    "update_alert",
]
