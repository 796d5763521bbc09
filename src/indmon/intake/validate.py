"""Validation of a whole file at once, in DuckDB SQL.

A national month is about half a million rows, so rules are SQL predicates over the staged
file, never a Python loop over rows. Every rule yields rejections
``(row_number, field, reason, value)``; a row with at least one rejection is kept out of
the store (and kept, with all its reasons, as the batch's rejections: see
:class:`indmon.store.raw.Rejection`); the other rows go in.

Row numbers count data rows from 1: the header is row 0, so data row 1 is line 2 of a CSV
file (as long as no quoted cell spans lines) and row 2 of an Excel sheet.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb
import pyarrow as pa

from indmon.catalogue import Catalogue
from indmon.errors import IntakeError
from indmon.intake.fields import MAX_ID_LENGTH, SIMULATED_COLUMN, Field

RAW = "intake_raw"
STAGED = "intake_staged"
REJECTED = "intake_rejections"
ROW = "row_number"
#: the data row number readers' tables get before staging (a name no file will use)
RAW_ROW = "__indmon_row"


def normalised(column: str) -> str:
    """A column name as matched to a field: case, surrounding spaces and a BOM aside."""
    return column.replace("\ufeff", "").strip().lower()


def header(table: pa.Table, file: str) -> dict[str, str]:
    """Normalised name -> the column as written, for every column of the file.

    Each name is matched once: two columns that normalise to the same name (``ENTERPRISE_ID``
    and ``enterprise_id``) are an error naming both, never a choice of one of them.
    """
    seen: dict[str, str] = {}
    for column in table.column_names:
        if column == RAW_ROW:
            continue
        key = normalised(column)
        if key in seen:
            raise IntakeError(
                f"{file}: columns {seen[key]!r} and {column!r} both name the column {key!r} "
                "(case and spaces aside); a file holds each column once: keep one of them"
            )
        seen[key] = column
    return seen


def column_map(table: pa.Table, fields: Sequence[Field], file: str,
               names: dict[str, str] | None = None) -> dict[str, str]:
    """Match the file's header to the format's fields, case and spaces aside.

    Returns field name -> column name for every field present; raises when a required
    column is missing or two columns normalise to the same name (see :func:`header`).
    """
    seen = header(table, file) if names is None else names
    missing = [f.name for f in fields if f.required and f.name not in seen]
    if missing:
        raise IntakeError(
            f"{file}: required column(s) {', '.join(missing)} missing; the header has "
            f"{', '.join(c for c in table.column_names if c != RAW_ROW) or 'no columns'}. "
            "Add the column(s) (see docs/intake.md for the format)"
        )
    return {f.name: seen[f.name] for f in fields if f.name in seen}


def cell(column: str) -> str:
    """The SQL text of a cell as validated and stored: trimmed, empty as NULL."""
    return f"nullif(trim({_quote(column)}::VARCHAR), '')::VARCHAR"


def foreign_enterprises(con: duckdb.DuckDBPyConnection, names: dict[str, str], own: str,
                        limit: int = 5) -> list[str]:
    """Enterprise ids of ``intake_raw`` other than ``own``, exactly as they would be
    stored (trimmed): what a reporter for ``own`` may not send. Empty ids are left to
    validation, which rejects them."""
    column = names.get("enterprise_id")
    if column is None:
        return []
    rows = con.execute(
        f"""SELECT DISTINCT e FROM (SELECT {cell(column)} AS e FROM {RAW})
            WHERE e IS NOT NULL AND e <> ? ORDER BY e LIMIT {int(limit)}""",
        [own],
    ).fetchall()
    return [str(r[0]) for r in rows]


def stage(con: duckdb.DuckDBPyConnection, fields: Sequence[Field], columns: dict[str, str],
          extra: Sequence[str]) -> None:
    """Create ``intake_staged``: trimmed text of every field plus its parsed number.

    Columns not in the format go, as text, into one JSON object ``extra``; a true
    ``is_simulated`` column marks the row as simulated.
    """
    parts = [f"{RAW_ROW} AS {ROW}"]
    for f in fields:
        text = cell(columns[f.name]) if f.name in columns else "NULL::VARCHAR"
        parts.append(f"{text} AS {f.name}")
        if f.numeric:
            parts.append(f"TRY_CAST({text} AS DOUBLE) AS {f.name}__num")
    if extra:
        pairs = ", ".join(f"'{_literal(c)}', {_quote(c)}" for c in extra)
        parts.append(f"json_object({pairs}) AS extra")
    else:
        parts.append("NULL::JSON AS extra")
    flag = next((c for c in extra if normalised(c) == SIMULATED_COLUMN), None)
    parts.append(
        f"coalesce(TRY_CAST(trim({_quote(flag)}::VARCHAR) AS BOOLEAN), false) AS simulated_row"
        if flag else "false AS simulated_row"
    )
    con.execute(f"CREATE OR REPLACE TEMP TABLE {STAGED} AS SELECT {', '.join(parts)} FROM {RAW}")


def find_rejections(con: duckdb.DuckDBPyConnection, fields: Sequence[Field],
                    key: Sequence[str]) -> None:
    """Create ``intake_rejections`` with one row per broken rule per data row.

    Most files break no cell rule: one pass over the rows finds whether any breaks one,
    and only then is each rule applied on its own to name what is wrong (forty passes,
    two thirds of the time validation took for a clean file of 6,000 rows).
    """
    rules = _rules(fields)
    selects = [
        f"SELECT {ROW}, '{field}' AS field, {reason} AS reason, {value} AS value "
        f"FROM {STAGED} WHERE {condition}"
        for field, condition, reason, value in rules
    ] if _any_broken(con, rules) else []
    selects.append(_duplicates(key))
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {REJECTED} AS "
        f"SELECT * FROM ({' UNION ALL '.join(selects)}) ORDER BY {ROW}, field"
    )


def _any_broken(con: duckdb.DuckDBPyConnection,
                rules: Sequence[tuple[str, str, str, str]]) -> bool:
    """Whether any staged row breaks any of the cell ``rules`` (a rule is broken where
    its condition is true, so where their disjunction is)."""
    if not rules:
        return False
    broken = " OR ".join(f"({condition})" for _, condition, _, _ in rules)
    found = con.execute(f"SELECT EXISTS (SELECT 1 FROM {STAGED} WHERE {broken})").fetchall()
    return bool(found[0][0])


def _rules(fields: Sequence[Field]) -> list[tuple[str, str, str, str]]:
    """(field, condition, reason SQL, value SQL) for every cell rule that applies."""
    rules: list[tuple[str, str, str, str]] = []
    for f in fields:
        if f.required:
            rules.append((f.name, f"{f.name} IS NULL",
                          f"'required value is empty; fill in the {f.meaning}'", "NULL"))
        rules.extend(_kind_rules(f))
    names = {f.name for f in fields}
    if {"value_added", "output_value"} <= names:
        rules.append(_value_added_rule())
    return rules


def _kind_rules(f: Field) -> list[tuple[str, str, str, str]]:
    n, num, quoted = f.name, f"{f.name}__num", f"'''' || {f.name} || ''''"
    if f.kind == "id":
        return [(n, f"length({n}) > {MAX_ID_LENGTH}",
                 f"{quoted} || ' is ' || length({n}) || ' characters long; an {n} has 1 to "
                 f"{MAX_ID_LENGTH} characters'", n)]
    if f.kind == "month":
        return [(n, f"NOT regexp_full_match({n}, '[0-9]{{4}}-(0[1-9]|1[0-2])')",
                 f"{quoted} || ' is not a month; write YYYY-MM with a month 01 to 12, "
                 "e.g. 2023-06'", n)]
    if f.kind in ("industry", "province"):
        return [(n, f"{n} NOT IN ({_codes(f.kind)})", f"{quoted} || {_code_hint(f.kind)}", n)]
    return _number_rules(f, n, num, quoted)


def _number_rules(f: Field, n: str, num: str, quoted: str) -> list[tuple[str, str, str, str]]:
    rules = [
        (n, f"{n} IS NOT NULL AND {num} IS NULL",
         f"{quoted} || ' is not a number; write digits with a decimal point and no thousands "
         "separators or units" + (", or leave the cell empty'" if not f.required else "'"), n),
        (n, f"NOT isfinite({num})", f"{quoted} || ' is not a finite number'", n),
    ]
    if f.kind in ("amount", "count"):
        rules.append((n, f"isfinite({num}) AND {num} < 0",
                      f"{quoted} || ' is negative; {n} cannot be below 0'", n))
    if f.kind == "index":
        rules.append((n, f"isfinite({num}) AND {num} <= 0",
                      f"{n} || ' is not above 0; an index has the same month of last year = "
                      "100 (write 97.5 for a 2.5% fall)'", n))
    if f.kind == "count":
        rules.append((n, f"isfinite({num}) AND {num} <> floor({num})",
                      f"{quoted} || ' is not a whole number; {f.meaning} is a count'", n))
    if f.bounds is not None:
        rules.append(_bounds_rule(f, n, num, quoted))
    return rules


def _bounds_rule(f: Field, n: str, num: str, quoted: str) -> tuple[str, str, str, str]:
    """A finite number outside the field's plausible range (below 0, or not above 0 for
    an index, has its own rule already)."""
    assert f.bounds is not None
    low, high = f.bounds
    floor_rule = {"amount": f" AND {num} >= 0", "count": f" AND {num} >= 0",
                  "index": f" AND {num} > 0"}.get(f.kind, "")
    condition = f"isfinite({num}) AND ({num} > {high!r} OR ({num} < {low!r}{floor_rule}))"
    reason = (f"{quoted} || ' is outside the plausible range {_plain(low)} to {_plain(high)} "
              f"for {n} ({f.meaning}); check the value and its unit'")
    return n, condition, reason, n


def _plain(number: float) -> str:
    """1e15 as ``1e15``, 5000000 as ``5,000,000``."""
    if abs(number) >= 1e7:
        return f"{number:.0e}".replace("e+", "e")
    return f"{number:,.0f}" if float(number).is_integer() else f"{number:,}"


def _value_added_rule() -> tuple[str, str, str, str]:
    return (
        "value_added",
        "isfinite(value_added__num) AND isfinite(output_value__num) "
        "AND value_added__num > output_value__num",
        "'value added ' || value_added || ' is above output value ' || output_value || "
        "'; value added is part of gross output, check both columns and their units'",
        "value_added",
    )


def _duplicates(key: Sequence[str]) -> str:
    """Later rows with the key of an earlier row, each naming that first row."""
    partition = ", ".join(key)
    present = " AND ".join(f"{k} IS NOT NULL" for k in key)
    return (
        f"SELECT {ROW}, '{key[0]}' AS field, 'duplicate of row ' || first_row || "
        f"': the same {' and '.join(key)} appear again in this file; keep one row and send "
        f"a correction as a later file' AS reason, {key[0]} AS value FROM ("
        f"SELECT {ROW}, {key[0]}, min({ROW}) OVER (PARTITION BY {partition}) AS first_row "
        f"FROM {STAGED} WHERE {present}) WHERE {ROW} > first_row"
    )


def _codes(kind: str) -> str:
    catalogue = Catalogue.load()
    codes = catalogue.industries if kind == "industry" else catalogue.provinces
    return ", ".join(f"'{_literal(code)}'" for code in sorted(codes))


def _code_hint(kind: str) -> str:
    if kind == "industry":
        return ("' is not an industrial division of GB/T 4754-2017; use a 2-digit code 06 to "
                "46 such as 36 (automobiles)'")
    return ("' is not a provincial-level code of GB/T 2260; use 6 digits such as 110000 "
            "(Beijing) or 440000 (Guangdong)'")


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return text.replace("'", "''")
