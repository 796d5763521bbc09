"""The JSON API, one router per resource, all mounted under /api."""

from __future__ import annotations

from fastapi import APIRouter

from indmon.web.api import alerts, catalogue, documents, observations, reports, users

ROUTERS: tuple[APIRouter, ...] = (
    catalogue.router, observations.router, alerts.router, reports.router, documents.router,
    users.router,
)
