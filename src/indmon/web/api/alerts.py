"""Alerts raised by monitoring: read them, acknowledge or resolve them.

Every read and change goes through :mod:`indmon.monitor.alerts`, the owner of the alert
tables; this module decides only who may see what. Alerts on aggregates are for every
reader; an alert naming an enterprise is microdata, shown to an admin, and to an analyst
only in the provinces granted.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Annotated, Any, Literal

import pandas as pd
from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from indmon.errors import NotFound
from indmon.monitor import alerts as monitor
from indmon.store import Store
from indmon.web import auth
from indmon.web.api import params
from indmon.web.api.paging import clamp, records
from indmon.web.app import OptionalUser, Reader, StoreView, backend
from indmon.web.errors import InvalidParameter

router = APIRouter(tags=["alerts"])
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
    created_at: dt.datetime
    updated_at: dt.datetime | None = None
    updated_by: str | None = None
    note: str | None = None
    last_seen_at: dt.datetime | None = None
    fingerprint: str


class AlertChangeRecord(BaseModel):
    status: Status
    changed_at: dt.datetime
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


def visible_alerts(
    store: Store, user: auth.User | None, *, status: str | None = None,
    severity: str | None = None, period: str | None = None, indicator: str | None = None,
    provinces: Sequence[str] | None = None, order: str = "recent", limit: int | None = None,
) -> pd.DataFrame:
    """The alerts ``user`` may see, filtered: the one query of the API and the dashboard.
    A province filter narrows what the grant allows, never widens it."""
    return monitor.list_alerts(
        store, status=status, severity=severity, period=period, indicator=indicator,
        provinces=provinces, order=order, limit=limit,
        enterprise_provinces=enterprise_scope(user),
    )


@router.get("/alerts", summary="Alerts, most severe first, newest first within a severity")
def list_alerts(
    request: Request, store: StoreView, user: Reader,
    status: Status | None = None, severity: Severity | None = None,
    period: Annotated[str | None, Query(description="a month, YYYY-MM")] = None,
    indicator: Annotated[str | None, Query(description="an indicator id")] = None,
    province: Annotated[str | None, Query(description="province codes, comma separated; "
                                          "ALL for national alerts")] = None,
    limit: int = 100, offset: int = 0,
) -> AlertPage:
    """Alerts on aggregates for every reader; those naming an enterprise only for users
    who may read that enterprise's microdata (an admin; an analyst in the provinces
    granted)."""
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


@router.patch("/alerts/{alert_id}", summary="Acknowledge or resolve an alert")
def change_alert(alert_id: int, change: AlertChange, request: Request,
                 user: OptionalUser) -> AlertDetail:
    """Analysts and admins; the change lands in the alert history and the audit log,
    together or not at all."""
    actor = auth.require_role(user, "analyst", "admin")
    with backend(request).writer(observations=False, users=False) as store:
        _known(store, alert_id)
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


def _known(store: Store, alert_id: int) -> None:
    try:
        monitor.get_alert(store, alert_id)
    except NotFound:
        raise NotFound(f"no alert {alert_id}; list alerts at /api/alerts") from None


def _item(row: dict[str, Any]) -> dict[str, Any]:
    """A stored alert row as the response model reads it (evidence decoded)."""
    evidence = row.get("evidence")
    decoded = json.loads(evidence) if isinstance(evidence, str) else evidence
    return {**row, "evidence": decoded if isinstance(decoded, dict) else {"value": decoded}}


def alert_filters(user: auth.User | None, *values: str | None) -> tuple[list[str], list[Any]]:
    """Transitional, for ``web/dashboard/pages.py`` until it calls :func:`visible_alerts`:
    the old WHERE fragments (status, severity, period, indicator, province, then the
    enterprise scope). Remove with its last caller."""
    where: list[str] = []
    bound: list[Any] = []
    for column, wanted in zip(("status", "severity", "period", "indicator", "province"),
                              values, strict=True):
        if wanted is not None:
            where.append(f"{column} = ?")
            bound.append(wanted)
    scope = enterprise_scope(user)
    if scope is not None:
        granted = ", ".join("?" for _ in scope) or "NULL"
        where.append(f"(enterprise_id IS NULL OR province IN ({granted}))")
        bound.extend(scope)
    return where, bound
