"""``indmon serve`` and ``indmon users``: run the API and dashboard, manage who may use it."""

from __future__ import annotations

from typing import Annotated

import typer

from indmon.cli.common import (
    Output,
    console,
    handle_errors,
    open_for_reading,
    open_store,
    print_frame,
    state,
)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    users = typer.Typer(help="Users and access tokens of the API and dashboard.",
                        no_args_is_help=True)
    users.command("add")(add)
    users.command("list")(list_users)
    users.command("remove")(remove)
    users.command("token")(token)
    users.command("tokens")(tokens)
    users.command("revoke")(revoke)
    users.command("audit")(audit)
    app.add_typer(users, name="users")


@handle_errors
def serve(
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8000,
    public: Annotated[bool, typer.Option(
        "--public", envvar="INDMON_PUBLIC",
        help="let anyone read aggregate figures without a token")] = False,
) -> None:
    """Serve the JSON API (/api, /docs) and the dashboard (/) on the store.

    Read commands (query, report, export, check, users list...) work beside the server.
    The server is the store's one writer while it runs: write through the API (reports,
    releases, alerts, users), or stop it before writing from the CLI.

    Example: indmon serve --port 8000 --public
    """
    from indmon.store import default_path
    from indmon.web.app import WebConfig
    from indmon.web.app import serve as run

    db = state.db or default_path()
    console.print(f"indmon on http://{host}:{port}/  (store {db}"
                  f"{', public' if public else ''})", highlight=False)
    run(db, host, port, config=WebConfig.from_env(public=public))


@handle_errors
def add(
    name: Annotated[str, typer.Argument(help="user name")],
    role: Annotated[str, typer.Option(help="reporter, analyst or admin")],
    enterprise: Annotated[str | None, typer.Option(
        help="the enterprise a reporter reports for")] = None,
    province: Annotated[list[str] | None, typer.Option(
        help="a province (GB/T 2260 code) an analyst may see microdata of; repeat")] = None,
) -> None:
    """Add a user; then give it a token with 'indmon users token NAME'.

    Example: indmon users add li --role analyst --province 110000 --province 120000
    """
    from indmon.web import auth

    with open_store() as store:
        user = auth.add_user(store, name, role, enterprise_id=enterprise,
                             provinces=province or [])
    console.print(f"added {user.name} ({user.role})", highlight=False)


@handle_errors
def list_users(output: Output = "table") -> None:
    """List users with their role, enterprise and provinces.

    Example: indmon users list -o json
    """
    import pandas as pd

    from indmon.web import auth

    with open_for_reading() as store:
        rows = [u.as_dict() for u in auth.list_users(store)]
    frame = pd.DataFrame(rows, columns=["name", "role", "enterprise_id", "provinces"])
    frame["provinces"] = frame["provinces"].map(lambda p: ",".join(p))
    print_frame(frame, output, title="Users")


@handle_errors
def remove(name: Annotated[str, typer.Argument(help="user name")]) -> None:
    """Remove a user and revoke all its tokens.

    Example: indmon users remove li
    """
    from indmon.web import auth

    with open_store() as store:
        auth.remove_user(store, name)
    console.print(f"removed {name}", highlight=False)


@handle_errors
def token(
    name: Annotated[str, typer.Argument(help="user name")],
    label: Annotated[str, typer.Option(help="where the token is used")] = "",
    expires: Annotated[str | None, typer.Option(
        help="when it stops working: a lifetime (30d, 12h, 2w) or a date (2025-06-30)")
    ] = None,
) -> None:
    """Issue an access token for NAME; it is printed once and stored only as a hash.

    Example: indmon users token li --label laptop --expires 30d
    """
    from indmon.web import auth

    with open_store() as store:
        token_id, secret = auth.issue_token(store, name, label=label, expires=expires)
        until = auth.token_expiry(store, token_id)
    console.print(f"token {token_id} for {name}"
                  f"{f', expires {until:%Y-%m-%d %H:%M}' if until else ''} "
                  "(shown once, keep it safe):", highlight=False)
    typer.echo(secret)


@handle_errors
def tokens(output: Output = "table") -> None:
    """List tokens (ids, users, labels, dates; never the secrets).

    Example: indmon users tokens
    """
    from indmon.web import auth

    with open_for_reading() as store:
        print_frame(auth.list_tokens(store), output, title="Tokens")


@handle_errors
def revoke(token_id: Annotated[int, typer.Argument(help="token id from 'indmon users tokens'")]
           ) -> None:
    """Revoke a token: requests with it get 401 from now on.

    Example: indmon users revoke 3
    """
    from indmon.web import auth

    with open_store() as store:
        auth.revoke_token(store, token_id)
    console.print(f"revoked token {token_id}", highlight=False)


@handle_errors
def audit(limit: Annotated[int, typer.Option(help="how many entries")] = 50,
          output: Output = "table") -> None:
    """Show the audit log: every write through the API or these commands, newest first.

    Example: indmon users audit --limit 20
    """
    from indmon.web import auth

    with open_for_reading() as store:
        print_frame(auth.audit_log(store, limit), output, title="Audit log")
