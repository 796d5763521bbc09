"""Alerts raised by monitoring: read them, acknowledge or resolve them.

Every read and change goes through :mod:`indmon.monitor.alerts`, the owner of the alert
tables; this module decides only who may see and change what. Alerts on aggregates are
for every reader; an alert naming enterprises (an enterprise's own, or a list of the
enterprises that stopped reporting) is microdata, shown to an admin, and to an analyst
only in the provinces granted; to anyone else it does not exist (404, as a missing one).
An analyst changes the national alerts and those of its provinces; an admin any.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Annotated, Any, Literal

import pandas as pd
from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from indmon.catalogue import ALL
from indmon.errors import AccessDenied, NotFound
from indmon.monitor import alerts as monitor
from indmon.store import Store
from indmon.web import auth
from indmon.web.api import params
from indmon.web.api.models import LocalTime
from indmon.web.api.paging import Limit, Offset, RowId, clamp, records
from indmon.web.app import OptionalUser, Reader, StoreView, backend
from indmon.web.disclosure import clearance_of, visible_cell_alerts
from indmon.web.errors import ACCESS, InvalidParameter, error_responses

router = APIRouter(tags=["alerts"])
AlertId = Annotated[int, RowId]
Status = Literal["new", "acknowledged", "resolved"]
Severity = Literal["high", "medium", "low"]


class AlertChange(BaseModel):
    """What an analyst decides about an alert."""

    status: Status
    note: str | None = Field(default=None, max_length=2000)


class AlertItem(BaseModel):
    """One alert as monitoring stored it."""

    alert_id: int
    rule_id: str
    kind: str = Field(description="rule | anomaly")
    severity: Severity
    period: str = Field(description="the month, YYYY-MM")
    indicator: str | None = None
    industry: str
    province: str
    enterprise_id: str | None = None
    title_en: str
    title_zh: str
    evidence: dict[str, Any] = Field(description="the figures, thresholds and comparison")
    simulated: bool
    status: Status
    created_at: LocalTime
    updated_at: LocalTime | None = None
    updated_by: str | None = None
    note: str | None = None
    last_seen_at: LocalTime | None = None
    fingerprint: str


class AlertChangeRecord(BaseModel):
    status: Status
    changed_at: LocalTime
    changed_by: str | None = None
    note: str | None = None


class AlertDetail(AlertItem):
    """An alert with every status change made to it."""

    history: list[AlertChangeRecord]


class AlertPage(BaseModel):
    total: int
    limit: int
    offset: int
    next: str | None
    items: list[AlertItem]


def enterprise_scope(user: auth.User | None) -> list[str] | None:
    """The provinces whose enterprise alerts ``user`` may see (None: all of them)."""
    if user is not None and user.role == "admin":
        return None
    if user is not None and user.role == "analyst":
        return sorted(user.provinces)
    return []


def may_change(user: auth.User | None, alert: Mapping[str, Any]) -> bool:
    """Whether ``user`` may acknowledge or resolve ``alert``: an admin any; an analyst
    the national and industry-wide alerts (province ALL) and those of its provinces."""
    if user is None or user.role not in ("analyst", "admin"):
        return False
    return user.role == "admin" or alert.get("province") in (ALL, *user.provinces)


def visible_alerts(
    store: Store, user: auth.User | None, *, status: str | None = None,
    severity: str | None = None, period: str | None = None, indicator: str | None = None,
    provinces: Sequence[str] | None = None, order: str = "recent", limit: int | None = None,
) -> pd.DataFrame:
    """The alerts ``user`` may see, filtered: the one query of the API and the dashboard.
    A province filter narrows what the grant allows, never widens it."""
    found = monitor.list_alerts(
        store, status=status, severity=severity, period=period, indicator=indicator,
        provinces=provinces, order=order, limit=limit,
        enterprise_provinces=enterprise_scope(user),
    )
    return visible_cell_alerts(store, found, clearance_of(user))


def visible_alert(store: Store, user: auth.User | None, alert_id: int) -> dict[str, Any]:
    """One alert with its history, when ``user`` may see it. An alert naming enterprises
    out of the caller's scope is answered exactly as one that does not exist, so that
    its existence says nothing."""
    try:
        alert = monitor.get_alert(store, alert_id)
    except NotFound:
        alert = None
    if alert is None or not monitor.in_scope(alert, enterprise_scope(user)) or \
            visible_cell_alerts(store, pd.DataFrame([alert])[["period", "industry", "province"]],
                                clearance_of(user)).empty:
        raise NotFound(f"no alert {alert_id}; list alerts at /api/alerts")
    return alert


@router.get("/alerts", summary="Alerts, most severe first, newest first within a severity",
            responses=error_responses(*ACCESS, 422))
def list_alerts(
    request: Request, store: StoreView, user: Reader,
    status: Status | None = None, severity: Severity | None = None,
    period: Annotated[str | None, Query(description="a month, YYYY-MM")] = None,
    indicator: Annotated[str | None, Query(description="an indicator id")] = None,
    province: Annotated[str | None, Query(description="province codes, comma separated; "
                                          "ALL for national alerts")] = None,
    limit: Limit = 100, offset: Offset = 0,
) -> AlertPage:
    """Alerts on aggregates for every reader; those naming enterprises (an enterprise's
    own, or the enterprises that stopped reporting) only for users who may read those
    enterprises' microdata (an admin; an analyst in the provinces granted)."""
    limit, offset = clamp(limit, offset, backend(request).config.max_page)
    frame = visible_alerts(store, user, status=status, severity=severity,
                           period=params.period(period),
                           indicator=_one_indicator(store, indicator),
                           provinces=params.provinces(province))
    following = offset + limit
    return AlertPage(
        total=len(frame), limit=limit, offset=offset,
        next=(str(request.url.include_query_params(offset=following, limit=limit))
              if following < len(frame) else None),
        items=[AlertItem(**_item(row)) for row in records(frame.iloc[offset:following])],
    )


@router.get("/alerts/{alert_id}", summary="One alert with its status history",
            responses=error_responses(*ACCESS, 404, 422))
def get_alert(alert_id: AlertId, store: StoreView, user: Reader) -> AlertDetail:
    """The alert and every status change made to it; an alert the caller may not see
    (one naming enterprises out of its scope) is a 404, as a missing one is."""
    return AlertDetail(**_item(visible_alert(store, user, alert_id)))


@router.patch("/alerts/{alert_id}", summary="Acknowledge or resolve an alert",
              responses=error_responses(400, *ACCESS, 404, 413, 422, 503))
def change_alert(alert_id: AlertId, change: AlertChange, request: Request,
                 user: OptionalUser) -> AlertDetail:
    """Analysts and admins. An analyst changes the national and industry-wide alerts and
    those of its provinces (403 for another province's; 404 for an alert it may not see).
    The change lands in the alert history and the audit log, together or not at all."""
    actor = auth.require_role(user, "analyst", "admin")
    with backend(request).writer(observations=False, users=False) as store:
        alert = visible_alert(store, actor, alert_id)
        if not may_change(actor, alert):
            raise AccessDenied(
                f"{actor.name} may change the alerts of provinces "
                f"{', '.join(sorted(actor.provinces)) or '(none granted)'} and national ones; "
                f"alert {alert_id} is of province {alert.get('province')}")
        changed = monitor.update_alert(
            store, alert_id, change.status, by=actor.name, note=change.note,
            within=lambda: auth.audit(store, actor.name, "alert.status", str(alert_id),
                                      change.model_dump()),
        )
    return AlertDetail(**_item(changed))


def _one_indicator(store: Store, text: str | None) -> str | None:
    """One indicator id of the catalogue, or one that stored alerts name (the enterprise
    rules name report measures such as ``value_added``)."""
    named = monitor.alert_indicators(store) if text is not None else set()
    wanted = params.indicators(text, stored=named.__contains__)
    if wanted is None:
        return None
    if len(wanted) != 1:
        raise InvalidParameter("indicator", str(text), message=(
            f"indicator {text!r}: give one indicator id, e.g. va_yoy"))
    return wanted[0]


def _item(row: dict[str, Any]) -> dict[str, Any]:
    """A stored alert row as the response model reads it (evidence decoded)."""
    evidence = row.get("evidence")
    decoded = json.loads(evidence) if isinstance(evidence, str) else evidence
    return {**row, "evidence": decoded if isinstance(decoded, dict) else {"value": decoded}}
