"""Alerts raised by monitoring: read them, acknowledge or resolve them."""

from __future__ import annotations

import importlib
from typing import Any, Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from indmon.errors import NotFound
from indmon.store import Store
from indmon.web import auth
from indmon.web.api.paging import clamp, page, records
from indmon.web.app import OptionalUser, Reader, StoreView, backend

router = APIRouter(tags=["alerts"])
SEVERITIES = ("high", "medium", "low")
STATUSES = ("new", "acknowledged", "resolved")


class AlertChange(BaseModel):
    """What an analyst decides about an alert."""

    status: Literal["acknowledged", "resolved", "new"]
    note: str | None = Field(default=None, max_length=2000)


@router.get("/alerts", summary="Alerts, newest first")
def list_alerts(
    request: Request, store: StoreView, user: Reader,
    status: Literal["new", "acknowledged", "resolved"] | None = None,
    severity: Literal["high", "medium", "low"] | None = None,
    period: str | None = None, indicator: str | None = None, province: str | None = None,
    limit: int = 100, offset: int = 0,
) -> dict[str, Any]:
    """Alerts on aggregates for every reader; those naming an enterprise only for users
    who may read that enterprise's microdata."""
    where, params = alert_filters(user, status, severity, period, indicator, province)
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    frame = store.query(
        f"""SELECT * FROM alerts {clause}
            ORDER BY CASE severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END,
                     created_at DESC, alert_id DESC""",
        params,
    )
    limit, offset = clamp(limit, offset, backend(request).config.max_page)
    return page(request, frame.iloc[offset:offset + limit], len(frame), limit, offset)


def alert_filters(user: auth.User | None, *values: str | None) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    for column, wanted in zip(("status", "severity", "period", "indicator", "province"),
                              values, strict=True):
        if wanted is not None:
            where.append(f"{column} = ?")
            params.append(wanted)
    if user is None or user.role == "reporter":
        where.append("enterprise_id IS NULL")
    elif user.role == "analyst":
        granted = sorted(user.provinces) or [""]
        where.append(f"(enterprise_id IS NULL OR province IN ({', '.join('?' for _ in granted)}))")
        params.extend(granted)
    return where, params


@router.patch("/alerts/{alert_id}", summary="Acknowledge or resolve an alert")
def change_alert(alert_id: int, change: AlertChange, request: Request,
                 user: OptionalUser) -> dict[str, Any]:
    """Analysts and admins; the change lands in the alert history and the audit log."""
    actor = auth.require_role(user, "analyst", "admin")
    with backend(request).writer(observations=False, users=False) as store:
        _alert(store, alert_id)
        set_status(store, alert_id, change.status, actor.name, change.note)
        with store.transaction():
            auth.audit(store, actor.name, "alert.status", str(alert_id), change.model_dump())
        return _alert(store, alert_id)


def set_status(store: Store, alert_id: int, status: str, by: str, note: str | None) -> None:
    """Through ``indmon.monitor`` when it offers the change, else on the tables directly."""
    monitor_change = _monitor_function()
    if monitor_change is not None:
        monitor_change(store, alert_id, status, by=by, note=note)
        return
    with store.transaction() as con:
        con.execute(
            """UPDATE alerts SET status = ?, updated_at = current_timestamp, updated_by = ?,
               note = coalesce(?, note) WHERE alert_id = ?""",
            [status, by, note, alert_id],
        )
        con.execute(
            "INSERT INTO alert_history (alert_id, status, changed_by, note) VALUES (?, ?, ?, ?)",
            [alert_id, status, by, note],
        )


def _monitor_function() -> Any:
    try:
        monitor = importlib.import_module("indmon.monitor")
    except ImportError:
        return None
    return getattr(monitor, "update_alert", None)


def _alert(store: Store, alert_id: int) -> dict[str, Any]:
    rows = records(store.query("SELECT * FROM alerts WHERE alert_id = ?", [alert_id]))
    if not rows:
        raise NotFound(f"no alert {alert_id}; list alerts at /api/alerts")
    return rows[0]
