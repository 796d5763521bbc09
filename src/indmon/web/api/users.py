"""Users and tokens, for admins."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from indmon.web import auth
from indmon.web.api.paging import records
from indmon.web.app import OptionalUser, backend, reading

router = APIRouter(tags=["users"])


class NewUser(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    role: Literal["reporter", "analyst", "admin"]
    enterprise_id: str | None = Field(default=None, max_length=64)
    provinces: list[str] = Field(default_factory=list, max_length=31)


class NewToken(BaseModel):
    user: str = Field(min_length=1, max_length=100)
    label: str = Field(default="", max_length=200)


@router.get("/users", summary="List users")
def list_users(request: Request, user: OptionalUser) -> list[dict[str, Any]]:
    auth.require_role(user, "admin")
    with reading(request) as store:
        return [u.as_dict() for u in auth.list_users(store)]


@router.post("/users", status_code=201, summary="Add a user")
def add_user(new: NewUser, request: Request, user: OptionalUser) -> dict[str, Any]:
    admin = auth.require_role(user, "admin")
    with backend(request).writer(observations=False) as store:
        created = auth.add_user(store, new.name, new.role, enterprise_id=new.enterprise_id,
                                provinces=new.provinces, actor=admin.name)
    return created.as_dict()


@router.delete("/users/{name}", summary="Remove a user and revoke its tokens")
def remove_user(name: str, request: Request, user: OptionalUser) -> dict[str, Any]:
    admin = auth.require_role(user, "admin")
    with backend(request).writer(observations=False) as store:
        auth.remove_user(store, name, actor=admin.name)
    return {"removed": name}


@router.get("/tokens", summary="List tokens (never their secrets)")
def list_tokens(request: Request, user: OptionalUser) -> list[dict[str, Any]]:
    auth.require_role(user, "admin")
    with reading(request) as store:
        return records(auth.list_tokens(store))


@router.post("/tokens", status_code=201, summary="Issue a token; it is shown only here")
def issue_token(new: NewToken, request: Request, user: OptionalUser) -> dict[str, Any]:
    admin = auth.require_role(user, "admin")
    with backend(request).writer(observations=False) as store:
        token_id, token = auth.issue_token(store, new.user, label=new.label, actor=admin.name)
    return {"token_id": token_id, "user": new.user, "token": token}


@router.delete("/tokens/{token_id}", summary="Revoke a token")
def revoke_token(token_id: int, request: Request, user: OptionalUser) -> dict[str, Any]:
    admin = auth.require_role(user, "admin")
    with backend(request).writer(observations=False) as store:
        auth.revoke_token(store, token_id, actor=admin.name)
    return {"revoked": token_id}


@router.get("/audit", summary="The audit log of writes, newest first")
def audit_log(request: Request, user: OptionalUser, limit: int = 100) -> list[dict[str, Any]]:
    auth.require_role(user, "admin")
    with reading(request) as store:
        return records(auth.audit_log(store, limit=max(1, min(limit, 5000))))
