"""The store's schema as one ordered list of migrations, each applied once.

Every table has one owner, named here; the owner's module is the only one that writes
SQL against it (``scripts/check-ownership`` enforces it for the core tables):

==============================  =====================  ====================================
tables                          owner                  read by others through
==============================  =====================  ====================================
meta, migrations                indmon.store           ``Store.schema_version``
sources, observations,          indmon.store           ``Store`` query functions
provenance, disclosure          (store.observations,
                                store.disclosure)
import_batches, reports,        indmon.store.raw       ``indmon.store.raw`` functions
rejections, prices
facts                           indmon.reconcile       ``indmon.reconcile`` functions
alerts, alert_history,          indmon.monitor         ``indmon.monitor.alerts`` functions
monitor_runs
users, tokens, audit_log        indmon.web             ``indmon.web.auth`` functions
==============================  =====================  ====================================

Migrations written before this list existed were idempotent (``IF NOT EXISTS``), so a
store made by an older indmon takes the whole list and records it.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

import duckdb

from indmon.errors import StoreError


@dataclass(frozen=True)
class Migration:
    id: str
    #: the package that owns the tables it creates
    owner: str
    #: a SQL file in the owner's package
    file: str

    def sql(self) -> str:
        # read through the top package so that opening a store imports no owner package
        folder = self.owner.removeprefix("indmon").strip(".").replace(".", "/")
        return resources.files("indmon").joinpath(folder, self.file).read_text("utf-8")


MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_core", "indmon.store", "sql/0001_core.sql"),
    Migration("0002_raw", "indmon.store", "sql/0002_raw.sql"),
    Migration("0003_facts", "indmon.reconcile", "schema.sql"),
    Migration("0004_monitor", "indmon.monitor", "schema.sql"),
    Migration("0005_web", "indmon.web", "schema.sql"),
    Migration("0006_origin", "indmon.store", "sql/0006_origin.sql"),
    Migration("0007_disclosure", "indmon.store", "sql/0007_disclosure.sql"),
    Migration("0008_token_expiry", "indmon.web", "token_expiry.sql"),
)
SCHEMA_VERSION = MIGRATIONS[-1].id


def applied(con: duckdb.DuckDBPyConnection) -> set[str]:
    try:
        return {row[0] for row in con.execute("SELECT migration FROM migrations").fetchall()}
    except duckdb.CatalogException:
        return set()


def pending(con: duckdb.DuckDBPyConnection) -> list[Migration]:
    done = applied(con)
    return [m for m in MIGRATIONS if m.id not in done]


def migrate(con: duckdb.DuckDBPyConnection, path: str) -> list[str]:
    """Apply every migration the store has not had, in order, each in one transaction."""
    ran: list[str] = []
    for migration in pending(con):
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(migration.sql())
            con.execute(
                "CREATE TABLE IF NOT EXISTS migrations (migration VARCHAR PRIMARY KEY, "
                "owner VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)"
            )
            con.execute("INSERT OR IGNORE INTO migrations (migration, owner) VALUES (?, ?)",
                        [migration.id, migration.owner])
            con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)",
                        [migration.id])
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(
                f"migration {migration.id} ({migration.owner}/{migration.file}) does not apply "
                f"to {path}: {exc}"
            ) from exc
        con.execute("COMMIT")
        ran.append(migration.id)
    return ran


__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "Migration", "applied", "migrate", "pending"]
