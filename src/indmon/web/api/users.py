"""Users and tokens, for admins."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field

from indmon.catalogue import Catalogue
from indmon.errors import ConfigError, UnknownCode
from indmon.web import auth
from indmon.web.api.models import LocalTime
from indmon.web.api.paging import RowId, records
from indmon.web.app import OptionalUser, backend, reading
from indmon.web.errors import ACCESS, error_responses

router = APIRouter(tags=["users"])


class NewUser(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    role: Literal["reporter", "analyst", "admin"]
    enterprise_id: str | None = Field(default=None, max_length=64)
    provinces: list[str] = Field(default_factory=list, max_length=31)


class NewToken(BaseModel):
    user: str = Field(min_length=1, max_length=100)
    label: str = Field(default="", max_length=200)
    expires: str | None = Field(
        default=None, max_length=40, examples=["30d"],
        description="when the token stops working: a lifetime (30d, 12h, 2w, 90m) or a "
        "date (2025-06-30); leave out for a token that works until revoked")


class IssuedToken(BaseModel):
    """A new token: its secret is shown here only."""

    token_id: int
    user: str
    token: str
    expires_at: LocalTime | None = Field(description="when it stops working; null: "
                                           "when revoked")


@router.get("/users", summary="List users", responses=error_responses(*ACCESS))
def list_users(request: Request, user: OptionalUser) -> list[dict[str, Any]]:
    auth.require_role(user, "admin")
    with reading(request) as store:
        return [u.as_dict() for u in auth.list_users(store)]


@router.post("/users", status_code=201, summary="Add a user",
             responses=error_responses(400, *ACCESS, 413, 422, 503))
def add_user(new: NewUser, request: Request, user: OptionalUser) -> dict[str, Any]:
    admin = auth.require_role(user, "admin")
    for code in new.provinces:
        try:
            Catalogue.load().province(code)
        except UnknownCode as exc:  # a value of the body, not a resource of the path
            raise RequestValidationError([{"loc": ("body", "provinces"), "msg": str(exc),
                                           "type": "value_error"}]) from None
    with backend(request).writer(observations=False) as store:
        created = auth.add_user(store, new.name, new.role, enterprise_id=new.enterprise_id,
                                provinces=new.provinces, actor=admin.name)
    return created.as_dict()


@router.delete("/users/{name}", summary="Remove a user and revoke its tokens",
               responses=error_responses(400, *ACCESS, 404, 422, 503))
def remove_user(name: str, request: Request, user: OptionalUser) -> dict[str, Any]:
    admin = auth.require_role(user, "admin")
    with backend(request).writer(observations=False) as store:
        auth.remove_user(store, name, actor=admin.name)
    return {"removed": name}


@router.get("/tokens", summary="List tokens (never their secrets)",
            responses=error_responses(*ACCESS))
def list_tokens(request: Request, user: OptionalUser) -> list[dict[str, Any]]:
    auth.require_role(user, "admin")
    with reading(request) as store:
        return records(auth.list_tokens(store))


@router.post("/tokens", status_code=201, summary="Issue a token; it is shown only here",
             responses=error_responses(400, *ACCESS, 404, 413, 422, 503))
def issue_token(new: NewToken, request: Request, user: OptionalUser) -> IssuedToken:
    """Admins. ``expires`` gives the token a lifetime; a request with it after that is a
    401 saying it expired."""
    admin = auth.require_role(user, "admin")
    try:
        expires_at = auth.parse_expiry(new.expires) if new.expires else None
    except ConfigError as exc:
        raise RequestValidationError([{"loc": ("body", "expires"), "msg": str(exc),
                                       "type": "value_error"}]) from None
    with backend(request).writer(observations=False) as store:
        token_id, token = auth.issue_token(store, new.user, label=new.label, actor=admin.name,
                                           expires=expires_at)
    return IssuedToken(token_id=token_id, user=new.user, token=token, expires_at=expires_at)


@router.delete("/tokens/{token_id}", summary="Revoke a token",
               responses=error_responses(*ACCESS, 404, 422, 503))
def revoke_token(token_id: Annotated[int, RowId], request: Request, user: OptionalUser
                 ) -> dict[str, Any]:
    admin = auth.require_role(user, "admin")
    with backend(request).writer(observations=False) as store:
        auth.revoke_token(store, token_id, actor=admin.name)
    return {"revoked": token_id}


@router.get("/audit", summary="The audit log of writes, newest first",
            responses=error_responses(*ACCESS, 422))
def audit_log(request: Request, user: OptionalUser,
              limit: Annotated[int, Query(description="entries, at most 5,000")] = 100
              ) -> list[dict[str, Any]]:
    auth.require_role(user, "admin")
    with reading(request) as store:
        return records(auth.audit_log(store, limit=max(1, min(limit, 5000))))
