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
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from indmon.catalogue import ALL, Catalogue
from indmon.errors import ConfigError, NotFound, UnknownCode
from indmon.monitor.rules import SEVERITIES
from indmon.periods import check_month
from indmon.store import Format, Store

if TYPE_CHECKING:
    import pandas as pd

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
    import pandas as pd

    frame = pd.DataFrame([_row(a) for a in alerts]).drop_duplicates("fingerprint", keep="last")
    now = dt.datetime.now().replace(microsecond=0)
    with store.transaction() as con, store.registered("incoming_alerts", frame):
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


#: how ``list_alerts`` may order alerts, each a SQL ORDER BY on the alerts table
_SEVERITY_RANK = ("CASE severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 WHEN 'low' THEN 2 "
                  "ELSE 3 END")
_STATUS_RANK = ("CASE status WHEN 'new' THEN 0 WHEN 'acknowledged' THEN 1 WHEN 'resolved' "
                "THEN 2 ELSE 3 END")
ORDERS: dict[str, str] = {
    # the latest month first, its most severe alerts first, rules before anomalies
    "severity": f"period DESC, {_SEVERITY_RANK}, kind DESC, rule_id, industry, province, "
                "alert_id",
    # open work first (new, acknowledged, resolved), then the most severe, latest month
    "status": f"{_STATUS_RANK}, {_SEVERITY_RANK}, period DESC, alert_id DESC",
    # the most severe first, the most recently raised first within a severity
    "recent": f"{_SEVERITY_RANK}, created_at DESC, alert_id DESC",
}


def list_alerts(
    store: Store, *, period: str | None = None, periods: Sequence[str] | None = None,
    status: str | None = None, severity: str | None = None,
    provinces: Collection[str] | None = None, indicator: str | None = None,
    order: str = "severity", limit: int | None = None,
    enterprise_provinces: Collection[str] | None = None, format: Format = "pandas",
) -> Any:
    """Stored alerts as a table, one row per alert with every column of ``alerts``
    (``format`` as for :meth:`Store.query`: ``records`` needs no pandas).

    Filters narrow together: ``period`` (a month) and ``periods`` (any of these months),
    ``status``, ``severity``, ``provinces`` (alerts of any of these province codes,
    ``ALL`` for national ones) and ``indicator``. ``order`` is ``severity`` (latest
    month first, most severe first), ``status`` (new, acknowledged, resolved, then most
    severe, latest month) or ``recent`` (most severe, newest first); ``limit`` keeps the
    first rows. ``enterprise_provinces`` is for access control: alerts naming
    enterprises (an enterprise's own, or a rule's list of enterprises in the evidence,
    see :func:`names_enterprises`) are kept only in these provinces (empty: none); None
    keeps them all.
    A filter value that cannot match (an unknown status, ``2023-13``) raises an error
    naming the value and the choices, rather than quietly returning nothing.
    """
    if indicator is not None:
        _check_indicator(store, indicator)
    where, params = _alert_filters(
        periods=_wanted_periods(period, periods), status=status, severity=severity,
        provinces=_codes(provinces, "provinces"), indicator=indicator,
        enterprise_provinces=_codes(enterprise_provinces, "enterprise_provinces"),
    )
    if order not in ORDERS:
        raise ConfigError(f"order {order!r} is not one of {', '.join(ORDERS)}")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int)
                              or limit < 0):
        raise ConfigError(f"limit {limit!r} must be a whole number of rows, 0 or more")
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    tail = f" LIMIT {int(limit)}" if limit is not None else ""
    return store.query(
        f"SELECT * FROM alerts {clause} ORDER BY {ORDERS[order]}{tail}", params, format)


def _wanted_periods(period: str | None, periods: Sequence[str] | None
                    ) -> list[list[str]]:
    """Each filter on the period as a list of months (both narrow: a row must be in each)."""
    wanted = []
    if period is not None:
        wanted.append([check_month(period)])
    if periods is not None:
        if isinstance(periods, str):
            periods = [periods]
        wanted.append([check_month(p) for p in periods])
    return wanted


def alert_indicators(store: Store) -> set[str]:
    """The indicators stored alerts name: catalogue ids, and the report measures
    (``value_added``, ``output_value``, ``electricity_kwh``) of the enterprise rules."""
    return {str(row[0]) for row in store.execute(
        "SELECT DISTINCT indicator FROM alerts WHERE indicator IS NOT NULL")}


def _check_indicator(store: Store, indicator: str) -> None:
    known = Catalogue.load().indicators
    if indicator in known or indicator in alert_indicators(store):
        return
    raise UnknownCode("indicator", indicator, sorted(set(known) | alert_indicators(store)))


def _codes(values: Collection[str] | None, name: str) -> list[str] | None:
    """Province codes, checked against the catalogue (``ALL`` is the whole country)."""
    if values is None:
        return None
    codes = [values] if isinstance(values, str) else list(values)
    catalogue = Catalogue.load()
    for code in codes:
        if not isinstance(code, str):
            raise ConfigError(f"{name} must be province codes such as '320000', got {code!r}")
        if code != ALL:
            catalogue.province(code)
    return codes


def _alert_filters(
    *, periods: list[list[str]], status: str | None, severity: str | None,
    provinces: list[str] | None, indicator: str | None,
    enterprise_provinces: list[str] | None,
) -> tuple[list[str], list[Any]]:
    if status is not None and status not in STATUSES:
        raise ConfigError(f"status {status!r} is not one of {', '.join(STATUSES)}")
    if severity is not None and severity not in SEVERITIES:
        raise ConfigError(f"severity {severity!r} is not one of {', '.join(SEVERITIES)}")
    where: list[str] = []
    params: list[Any] = []

    def any_of(column: str, values: list[str]) -> None:
        where.append(f"{column} IN ({', '.join('?' for _ in values)})" if values else "false")
        params.extend(values)

    for months in periods:
        any_of("period", months)
    for column, wanted in (("status", status), ("severity", severity),
                           ("indicator", indicator)):
        if wanted is not None:
            any_of(column, [wanted])
    if provinces is not None:
        any_of("province", provinces)
    if enterprise_provinces is not None:
        granted = ", ".join("?" for _ in enterprise_provinces) or "NULL"
        where.append(f"(NOT {NAMES_ENTERPRISES} OR province IN ({granted}))")
        params.extend(enterprise_provinces)
    return where, params


#: the evidence key under which a rule lists the enterprises it is about (the enterprises
#: that stopped reporting): such an alert names enterprises as much as an enterprise's own
ENTERPRISE_LIST_KEY = "enterprise_ids"
#: SQL on ``alerts``: the alert names enterprises (its own enterprise, or a list of them)
NAMES_ENTERPRISES = (f"(enterprise_id IS NOT NULL OR "
                     f"coalesce(json_exists(evidence, '$.{ENTERPRISE_LIST_KEY}'), false))")


def names_enterprises(alert: Mapping[str, Any]) -> bool:
    """Whether an alert (a row of ``list_alerts`` or ``get_alert``) names enterprises:
    microdata, for those who may read the enterprises of its province."""
    if alert.get("enterprise_id"):
        return True
    evidence = alert.get("evidence")
    if isinstance(evidence, str):
        try:
            evidence = json.loads(evidence)
        except ValueError:
            return False
    return isinstance(evidence, dict) and ENTERPRISE_LIST_KEY in evidence


def in_scope(alert: Mapping[str, Any], enterprise_provinces: Collection[str] | None) -> bool:
    """Whether ``list_alerts(..., enterprise_provinces=...)`` would keep this alert: the
    same rule for one alert (``get_alert``) as for a list."""
    if enterprise_provinces is None or not names_enterprises(alert):
        return True
    return alert.get("province") in set(enterprise_provinces)


def monitoring_ran(store: Store, months: list[str]) -> bool:
    """Whether monitoring ran for any of ``months`` (per ``monitor_runs``) or has raised
    any alert in this store at all: only then does an empty alert list mean "no risks"
    rather than "nobody looked"."""
    wanted = [check_month(m) for m in months]
    if wanted:
        ran = store.execute(
            f"SELECT 1 FROM monitor_runs WHERE period IN ({', '.join('?' for _ in wanted)}) "
            "LIMIT 1", wanted)
        if ran:
            return True
    return bool(store.execute("SELECT 1 FROM alerts LIMIT 1"))


def record_run(store: Store, *, period: str, rules_file: str, seconds: float, alerts: int,
               new: int, simulated: bool) -> None:
    """Log one monitoring run in ``monitor_runs``."""
    store.execute(
        "INSERT INTO monitor_runs (period, rules_file, started_at, seconds, alerts, "
        "new_alerts, simulated) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [period, rules_file, dt.datetime.now().replace(microsecond=0), float(seconds),
         int(alerts), int(new), bool(simulated)],
    )


def monitor_runs(store: Store, months: Sequence[str] | None = None) -> pd.DataFrame:
    """The logged monitoring runs (of ``months``, when given), latest first."""
    wanted = None if months is None else [check_month(m) for m in months]
    clause = ""
    if wanted is not None:
        clause = f"WHERE period IN ({', '.join('?' for _ in wanted)})" if wanted else "WHERE false"
    frame: pd.DataFrame = store.query(
        f"SELECT * FROM monitor_runs {clause} ORDER BY started_at DESC, period DESC",
        wanted or [])
    return frame


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
    store: Store, alert_id: int, status: str, *, by: str, note: str | None = None,
    within: Callable[[], None] | None = None,
) -> dict[str, Any]:
    """Move an alert to ``acknowledged`` or ``resolved``, recording who and when.

    Allowed: new -> acknowledged, new -> resolved, acknowledged -> resolved. Anything else
    (re-opening, going backwards, an unknown status) raises ``ConfigError``. ``within``
    runs inside the change's transaction (the web app writes its audit record there), so
    the change and what goes with it land together or not at all.
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
        con.execute("INSERT INTO alert_history (alert_id, status, changed_at, changed_by, "
                    "note) VALUES (?, ?, ?, ?, ?)", [alert_id, status, now, by, note])
        if within is not None:
            within()
    return get_alert(store, alert_id)


def _scalar(value: Any) -> Any:
    """A plain JSON-ready value: ISO text for times, None for every kind of missing."""
    import pandas as pd

    if value is None or value is pd.NA or value is pd.NaT or (
            isinstance(value, float) and value != value):
        return None
    if isinstance(value, pd.Timestamp | dt.datetime | dt.date):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    return value


__all__ = [
    "ORDERS",
    "SEVERITIES",
    "STATUSES",
    "TRANSITIONS",
    "Alert",
    "alert_indicators",
    "cell_label",
    "get_alert",
    "in_scope",
    "list_alerts",
    "monitor_runs",
    "monitoring_ran",
    "names_enterprises",
    "record_run",
    "save_alerts",
    "update_alert",
]
