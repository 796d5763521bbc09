"""Users, tokens and the audit log, on a store file, without a server."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from indmon.errors import ConfigError, NotFound, Unauthenticated
from indmon.store import Store
from indmon.web import auth


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "auth.duckdb") as opened:
        yield opened


def test_a_token_names_its_user_until_revoked(store: Store) -> None:
    auth.add_user(store, "li", "analyst", provinces=["110000", "310000"])
    token_id, token = auth.issue_token(store, "li", label="laptop")
    user = auth.authenticate(store, token)
    assert (user.name, user.role, user.provinces) == ("li", "analyst",
                                                      frozenset({"110000", "310000"}))
    auth.revoke_token(store, token_id)
    with pytest.raises(Unauthenticated, match="unknown or revoked"):
        auth.authenticate(store, token)
    with pytest.raises(NotFound, match=f"no active token {token_id}"):
        auth.revoke_token(store, token_id)


def test_the_store_keeps_only_the_hash_of_a_token(store: Store) -> None:
    auth.add_user(store, "root", "admin")
    _, token = auth.issue_token(store, "root")
    tokens = auth.list_tokens(store)
    assert list(tokens.columns) == ["token_id", "user_name", "label", "created_at",
                                    "revoked_at", "expires_at"]
    assert token not in tokens.astype(str).to_numpy().ravel()
    assert store.execute("SELECT count(*) FROM tokens WHERE token_hash = ?",
                         [auth.hash_token(token)]) == [(1,)]
    assert store.execute("SELECT count(*) FROM tokens WHERE token_hash = ?", [token]) == [(0,)]


def test_users_are_checked_listed_and_removed(store: Store) -> None:
    auth.add_user(store, "rep", "reporter", enterprise_id="E001")
    auth.add_user(store, "ana", "analyst")
    assert [u.name for u in auth.list_users(store)] == ["ana", "rep"]
    assert auth.get_user(store, "rep").enterprise_id == "E001"
    with pytest.raises(ConfigError, match="'ana' already exists"):
        auth.add_user(store, "ana", "admin")
    with pytest.raises(ConfigError, match="needs the enterprise"):
        auth.add_user(store, "rep2", "reporter")
    with pytest.raises(ConfigError, match="role 'boss' is not one of reporter, analyst, admin"):
        auth.add_user(store, "x", "boss")
    _, token = auth.issue_token(store, "rep")
    auth.remove_user(store, "rep", actor="ana")
    with pytest.raises(NotFound, match="no user 'rep'"):
        auth.get_user(store, "rep")
    with pytest.raises(Unauthenticated):
        auth.authenticate(store, token)  # removing a user revokes its tokens


def test_every_write_is_in_the_audit_log_newest_first(store: Store) -> None:
    auth.add_user(store, "wang", "analyst", actor="root")
    token_id, _ = auth.issue_token(store, "wang", actor="root")
    auth.revoke_token(store, token_id, actor="root")
    log = auth.audit_log(store)
    assert list(log.columns) == list(auth.AUDIT_COLUMNS)
    assert log["action"].tolist() == ["token.revoke", "token.issue", "user.add"]
    assert set(log["actor"]) == {"root"}
    assert auth.audit_log(store, limit=1)["action"].tolist() == ["token.revoke"]
    assert auth.audit_log(Store.open(":memory:")).empty


def test_a_failed_write_leaves_no_audit_record(store: Store) -> None:
    auth.add_user(store, "wang", "analyst")
    with pytest.raises(RuntimeError), store.transaction():
        auth.audit(store, "root", "user.add", "ghost", {})
        raise RuntimeError("the write failed")
    assert auth.audit_log(store)["target"].tolist() == ["wang"]


def test_a_read_only_view_authenticates(tmp_path: Path) -> None:
    path = tmp_path / "shared.duckdb"
    with Store.open(path) as store:
        auth.add_user(store, "li", "analyst")
        _, token = auth.issue_token(store, "li")
    with Store.open(path, read_only=True) as reader:
        assert auth.authenticate(reader, token).name == "li"
        assert [u.name for u in auth.list_users(reader)] == ["li"]


def test_a_token_with_an_expiry_stops_working_then(store: Store) -> None:
    auth.add_user(store, "li", "analyst")
    now = dt.datetime.now()
    _, lasting = auth.issue_token(store, "li", expires="30d")
    token_id, past = auth.issue_token(store, "li", expires=now - dt.timedelta(seconds=1))
    assert auth.authenticate(store, lasting).name == "li"
    with pytest.raises(Unauthenticated, match="the token expired at"):
        auth.authenticate(store, past)
    credential = auth.credential(store, lasting)
    assert credential.expires_at is not None
    assert dt.timedelta(days=29) < credential.expires_at - now <= dt.timedelta(days=30)
    with pytest.raises(Unauthenticated, match="expired"):
        credential.valid_user(now + dt.timedelta(days=31))
    assert auth.token_expiry(store, token_id) is not None
    assert auth.list_tokens(store)["expires_at"].notna().all()


@pytest.mark.parametrize(("text", "after"), [
    ("30d", dt.timedelta(days=30)), ("12h", dt.timedelta(hours=12)),
    ("2w", dt.timedelta(weeks=2)), ("90m", dt.timedelta(minutes=90)),
    (" 45s ", dt.timedelta(seconds=45)),
])
def test_lifetimes_read_as_people_write_them(text: str, after: dt.timedelta) -> None:
    now = dt.datetime(2024, 1, 1, 8, 0)
    assert auth.parse_expiry(text, now) == now + after


@pytest.mark.parametrize("text", ["soon", "30x", "0d", "-1d", "2024-13-01", ""])
def test_an_expiry_that_cannot_be_read_is_an_error_naming_it(text: str) -> None:
    with pytest.raises(ConfigError, match="expires"):
        auth.parse_expiry(text)


def test_the_cli_issues_a_token_that_expires(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from indmon.cli import app

    db = str(tmp_path / "cli.duckdb")
    runner = CliRunner()
    assert runner.invoke(app, ["--db", db, "users", "add", "li", "--role", "analyst"]
                         ).exit_code == 0
    issued = runner.invoke(app, ["--db", db, "users", "token", "li", "--expires", "30d"])
    assert issued.exit_code == 0, issued.output
    assert "expires " in issued.stdout
    token = issued.stdout.strip().splitlines()[-1]
    bad = runner.invoke(app, ["--db", db, "users", "token", "li", "--expires", "soon"])
    assert bad.exit_code != 0 and "'soon'" in bad.output
    with Store.open(tmp_path / "cli.duckdb", read_only=True) as store:
        assert auth.credential(store, token).expires_at is not None
