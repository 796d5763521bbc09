"""One owner per table: no module writes SQL against another package's tables.

Every SQL string in the package is read (string constants, f-strings included) and each
table it names after FROM, JOIN, INTO, UPDATE or TABLE must be owned by the module's own
package, as ``indmon.store.migrations`` documents.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import indmon

SRC = Path(indmon.__file__).parent
#: table -> the module prefixes (relative to src/indmon) that may write SQL against it
OWNERS: dict[str, tuple[str, ...]] = {
    **{t: ("store/__init__.py", "store/observations.py", "store/migrations.py")
       for t in ("observations", "provenance", "sources", "meta", "migrations")},
    **{t: ("store/raw.py",) for t in ("import_batches", "reports", "rejections", "prices",
                                      "current_reports", "current_prices")},
    "disclosure": ("store/observations.py", "store/disclosure.py", "store/migrations.py"),
    "facts": ("reconcile/",),
    **{t: ("monitor/",) for t in ("alerts", "alert_history", "monitor_runs")},
    **{t: ("web/auth.py",) for t in ("users", "tokens", "audit_log")},
}
TABLE = re.compile(r"\b(?:FROM|JOIN|INTO|UPDATE|TABLE(?: IF (?:NOT )?EXISTS)?)\s+(\w+)",
                   re.IGNORECASE)
SQL = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|CREATE)\b")


def sql_strings(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every string constant that looks like SQL."""
    found = []
    tree = ast.parse(path.read_text("utf-8"))
    # the literal parts of an f-string are read with the f-string, not again on their own
    parts = {id(v) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr)
             for v in node.values}
    for node in ast.walk(tree):
        if id(node) in parts:
            continue
        if isinstance(node, ast.JoinedStr):
            text = "".join(v.value for v in node.values
                           if isinstance(v, ast.Constant) and isinstance(v.value, str))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        else:
            continue
        if SQL.search(text):
            found.append((node.lineno, text))
    return found


def trespasses() -> list[str]:
    out: list[str] = []
    for path in sorted(SRC.rglob("*.py")):
        module = path.relative_to(SRC).as_posix()
        for line, text in sql_strings(path):
            for table in {m.lower() for m in TABLE.findall(text)}:
                owners = OWNERS.get(table)
                if owners and not module.startswith(owners):
                    out.append(f"{module}:{line} writes SQL against {table!r}, owned by "
                               f"{' or '.join(owners)}")
    return sorted(set(out))


def test_no_module_writes_sql_against_another_packages_tables() -> None:
    assert trespasses() == []


def test_the_check_sees_a_trespass(tmp_path: Path) -> None:
    module = tmp_path / "sneaky.py"
    module.write_text('Q = f"SELECT * FROM observations o WHERE {x}"\n', "utf-8")
    assert sql_strings(module) == [(1, "SELECT * FROM observations o WHERE ")]
