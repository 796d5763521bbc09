"""Who may call the API: users, their roles, bearer tokens and the audit log.

Three roles, from narrowest to widest:

``reporter``
    bound to one enterprise; submits that enterprise's reports and reads only them.
``analyst``
    reads aggregates everywhere and enterprise microdata in the provinces granted;
    acknowledges and resolves alerts, ingests releases.
``admin``
    everything, including users and tokens.

Tokens are random strings shown once; the store keeps only their SHA-256 hash, so a
copied database file does not leak working credentials. A token may expire
(``issue_token(..., expires="30d")``); after that it gets a 401 saying so.

>>> store = Store.open(":memory:")
>>> _ = add_user(store, "li", "analyst", provinces=["110000"])
>>> token_id, token = issue_token(store, "li")
>>> authenticate(store, token).role
'analyst'
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from indmon.catalogue import Catalogue
from indmon.errors import AccessDenied, ConfigError, NotFound, Unauthenticated
from indmon.store import Store

ROLES = ("reporter", "analyst", "admin")
TOKEN_PREFIX = "imt_"
#: the columns of the audit log, in the order ``audit_log`` returns them
AUDIT_COLUMNS = ("audit_id", "at", "actor", "action", "target", "detail")


@dataclass(frozen=True)
class User:
    """A caller of the API with the role that decides what it may do."""

    name: str
    role: str
    #: the one enterprise a reporter reports for
    enterprise_id: str | None = None
    #: provinces (GB/T 2260 codes) where an analyst may read enterprise microdata
    provinces: frozenset[str] = field(default_factory=frozenset)

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name, "role": self.role, "enterprise_id": self.enterprise_id,
            "provinces": sorted(self.provinces),
        }


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


# -- users ------------------------------------------------------------------------------
def add_user(
    store: Store, name: str, role: str, *, enterprise_id: str | None = None,
    provinces: Iterable[str] = (), actor: str = "cli",
) -> User:
    """Create a user; a reporter needs its enterprise, an analyst may get provinces."""
    user = User(name.strip(), role, enterprise_id or None, frozenset(provinces))
    _check_user(store, user)
    with store.transaction() as con:
        con.execute(
            "INSERT INTO users (name, role, enterprise_id, provinces) VALUES (?, ?, ?, ?)",
            [user.name, user.role, user.enterprise_id, ",".join(sorted(user.provinces)) or None],
        )
        audit(store, actor, "user.add", user.name, user.as_dict())
    return user


def _check_user(store: Store, user: User) -> None:
    if not user.name or len(user.name) > 100:
        raise ConfigError("user name must be 1 to 100 characters, e.g. 'li.wei'")
    if user.role not in ROLES:
        raise ConfigError(f"role {user.role!r} is not one of {', '.join(ROLES)}")
    if user.role == "reporter" and not user.enterprise_id:
        raise ConfigError(
            f"reporter {user.name!r} needs the enterprise it reports for: --enterprise ID"
        )
    if user.role != "reporter" and user.enterprise_id:
        raise ConfigError(f"only a reporter is bound to an enterprise, not a {user.role}")
    catalogue = Catalogue.load()
    for code in user.provinces:
        catalogue.province(code)
    if store.execute("SELECT 1 FROM users WHERE name = ?", [user.name]):
        raise ConfigError(f"user {user.name!r} already exists; remove it first or pick another")


def list_users(store: Store) -> list[User]:
    rows = store.execute("SELECT name, role, enterprise_id, provinces FROM users ORDER BY name")
    return [_user(row) for row in rows]


def get_user(store: Store, name: str) -> User:
    rows = store.execute(
        "SELECT name, role, enterprise_id, provinces FROM users WHERE name = ?", [name])
    if not rows:
        raise NotFound(f"no user {name!r}; list users with 'indmon users list'")
    return _user(rows[0])


def _user(row: tuple[Any, ...]) -> User:
    name, role, enterprise_id, provinces = row
    return User(name, role, enterprise_id, frozenset(filter(None, (provinces or "").split(","))))


def remove_user(store: Store, name: str, *, actor: str = "cli") -> None:
    """Delete a user and revoke its tokens (an admin cannot remove itself)."""
    get_user(store, name)
    if name == actor:
        raise ConfigError(f"{name} cannot remove itself; another admin has to do it")
    with store.transaction() as con:
        con.execute(
            "UPDATE tokens SET revoked_at = current_timestamp "
            "WHERE user_name = ? AND revoked_at IS NULL", [name],
        )
        con.execute("DELETE FROM users WHERE name = ?", [name])
        audit(store, actor, "user.remove", name, {})


# -- tokens -----------------------------------------------------------------------------
#: how ``parse_expiry`` reads a lifetime: a number and a unit
LIFETIME = re.compile(r"^\s*(\d{1,6})\s*([smhdw])\s*$", re.IGNORECASE)
LIFETIME_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_expiry(text: str, now: dt.datetime | None = None) -> dt.datetime:
    """When a token given ``text`` expires: a lifetime (``30d``, ``12h``, ``2w``, ``90m``,
    ``45s``) from ``now``, or a date or date and time (``2025-06-30``, at its start).

    >>> parse_expiry("30d", dt.datetime(2024, 1, 1))
    datetime.datetime(2024, 1, 31, 0, 0)
    >>> parse_expiry("2024-06-30")
    datetime.datetime(2024, 6, 30, 0, 0)
    """
    now = now or dt.datetime.now()
    found = LIFETIME.match(text)
    if found:
        amount, unit = int(found.group(1)), LIFETIME_UNITS[found.group(2).lower()]
        if amount < 1:
            raise ConfigError(f"expires {text!r} must be a lifetime of at least 1 {unit[:-1]}")
        return (now + dt.timedelta(**{unit: amount})).replace(microsecond=0)
    try:
        when = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise ConfigError(
            f"expires {text!r} is neither a lifetime nor a date; give e.g. 30d, 12h, 2w or "
            "2025-06-30") from None
    return when.replace(tzinfo=None) if when.tzinfo is None else (
        when.astimezone().replace(tzinfo=None))


def _expiry(expires: str | dt.timedelta | dt.datetime | None) -> dt.datetime | None:
    if expires is None or expires == "":
        return None
    if isinstance(expires, str):
        return parse_expiry(expires)
    if isinstance(expires, dt.timedelta):
        return (dt.datetime.now() + expires).replace(microsecond=0)
    return expires


def issue_token(store: Store, name: str, *, label: str = "", actor: str = "cli",
                expires: str | dt.timedelta | dt.datetime | None = None) -> tuple[int, str]:
    """A new token for ``name``: returns its id and the token, which is never shown again.

    ``expires`` (a lifetime such as ``"30d"``, a ``timedelta``, or a time) makes the token
    stop working then; without it the token works until it is revoked."""
    get_user(store, name)
    expires_at = _expiry(expires)
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with store.transaction() as con:
        token_id = int(con.execute(
            "INSERT INTO tokens (user_name, token_hash, label, expires_at) VALUES (?, ?, ?, ?) "
            "RETURNING token_id",
            [name, hash_token(token), label or None, expires_at],
        ).fetchall()[0][0])
        audit(store, actor, "token.issue", name, {
            "token_id": token_id, "label": label,
            "expires_at": expires_at.isoformat() if expires_at else None})
    return token_id, token


def token_expiry(store: Store, token_id: int) -> dt.datetime | None:
    """When a token expires (None: never)."""
    rows = store.execute("SELECT expires_at FROM tokens WHERE token_id = ?", [token_id])
    if not rows:
        raise NotFound(f"no token {token_id}; list tokens with 'indmon users tokens'")
    found: dt.datetime | None = rows[0][0]
    return found


def revoke_token(store: Store, token_id: int, *, actor: str = "cli") -> None:
    rows = store.execute(
        "SELECT user_name FROM tokens WHERE token_id = ? AND revoked_at IS NULL", [token_id])
    if not rows:
        raise NotFound(f"no active token {token_id}; list tokens with 'indmon users tokens'")
    with store.transaction() as con:
        con.execute(
            "UPDATE tokens SET revoked_at = current_timestamp WHERE token_id = ?", [token_id]
        )
        audit(store, actor, "token.revoke", rows[0][0], {"token_id": token_id})


def list_tokens(store: Store) -> pd.DataFrame:
    """Tokens without their secrets: id, user, label, when issued, revoked and expiring."""
    return _frame(store.execute(
        "SELECT token_id, user_name, label, created_at, revoked_at, expires_at FROM tokens "
        "ORDER BY token_id"
    ), ["token_id", "user_name", "label", "created_at", "revoked_at", "expires_at"])


@dataclass(frozen=True)
class Credential:
    """Whom a token names, and until when (None: until revoked)."""

    user: User
    expires_at: dt.datetime | None = None

    def valid_user(self, now: dt.datetime | None = None) -> User:
        """The user, while the token has not expired; else ``Unauthenticated`` saying so."""
        if self.expires_at is not None and (now or dt.datetime.now()) >= self.expires_at:
            raise Unauthenticated(
                f"the token expired at {self.expires_at:%Y-%m-%d %H:%M:%S}; ask an admin for "
                "a new one ('indmon users token NAME --expires 30d')")
        return self.user


def credential(store: Store, token: str) -> Credential:
    """The user a bearer token belongs to and its expiry; ``Unauthenticated`` for an
    unknown or revoked token (an expired one is refused by ``Credential.valid_user``)."""
    rows = store.execute(
        """SELECT u.name, u.role, u.enterprise_id, u.provinces, t.expires_at FROM tokens t
           JOIN users u ON u.name = t.user_name
           WHERE t.token_hash = ? AND t.revoked_at IS NULL""",
        [hash_token(token)],
    )
    if not rows:
        raise Unauthenticated(
            "the token is unknown or revoked; ask an admin for a new one "
            "('indmon users token NAME')"
        )
    *user, expires_at = rows[0]
    return Credential(_user(tuple(user)), expires_at)


def authenticate(store: Store, token: str) -> User:
    """The user a bearer token belongs to; ``Unauthenticated`` for an unknown, revoked or
    expired one."""
    return credential(store, token).valid_user()


# -- decisions --------------------------------------------------------------------------
def require_reader(user: User | None, public: bool) -> None:
    """Aggregates: anyone when the store is public, else analysts and admins."""
    if public:
        return
    if user is None:
        raise Unauthenticated("this store is not public: send 'Authorization: Bearer <token>'")
    if user.role == "reporter":
        raise AccessDenied(
            f"{user.name} is a reporter and may read only its enterprise's reports"
        )


def require_role(user: User | None, *roles: str) -> User:
    """The user, when it has one of ``roles``; else 401 (no user) or 403 (wrong role)."""
    if user is None:
        raise Unauthenticated("send 'Authorization: Bearer <token>' to do this")
    if user.role not in roles:
        raise AccessDenied(
            f"{user.name} is a {user.role}; this needs the role {' or '.join(roles)}"
        )
    return user


def require_enterprise_access(user: User | None, enterprise_id: str, provinces: set[str]) -> User:
    """Microdata: a reporter its own enterprise, an analyst its provinces, an admin all."""
    user = require_role(user, *ROLES)
    if user.role == "admin":
        return user
    if user.role == "reporter" and user.enterprise_id == enterprise_id:
        return user
    if user.role == "analyst" and provinces and provinces <= user.provinces:
        return user
    raise AccessDenied(f"{user.name} may not read the reports of enterprise {enterprise_id}")


def audit(store: Store, actor: str, action: str, target: str, detail: dict[str, Any]) -> None:
    """Record one write. Call inside the write's transaction so both land or neither."""
    store.execute(
        "INSERT INTO audit_log (actor, action, target, detail) VALUES (?, ?, ?, ?)",
        [actor, action, target, json.dumps(detail, ensure_ascii=False, default=str)],
    )


def audit_log(store: Store, limit: int = 100) -> pd.DataFrame:
    """The latest ``limit`` writes, newest first."""
    return _frame(store.execute(
        'SELECT audit_id, "at", actor, action, target, detail FROM audit_log '
        "ORDER BY audit_id DESC LIMIT ?",
        [int(limit)],
    ), list(AUDIT_COLUMNS))


def _frame(rows: list[tuple[Any, ...]], columns: list[str]) -> pd.DataFrame:
    """Rows from ``Store.execute`` as a table with these column names (also when empty)."""
    return pd.DataFrame.from_records(rows, columns=columns)
