"""Rules on enterprise reports: key enterprises, silent enterprises, energy use, sample churn.

These read the current vintage of each enterprise's report (from
:mod:`indmon.store.raw`, the owner of the reports), restricted once per run to the
months monitoring needs and kept in monitoring's own temporary table
``monitor_reports``, so a national month (about half a million enterprises) is a few
aggregate queries in DuckDB rather than a pass in Python.

Month-on-same-month comparisons follow the bureau: January is not compared on its own
(the Spring Festival moves between January and February), February compares January
and February together against the same two months a year earlier.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import pandas as pd

from indmon.catalogue import ALL
from indmon.monitor.alerts import Alert, cell_label
from indmon.monitor.cells import with_levels
from indmon.monitor.rules import Rule
from indmon.periods import month_add
from indmon.store import Store, raw

WINDOW_TABLE = "monitor_reports"
#: the columns of the reports the rules read
WINDOW_COLUMNS = ("enterprise_id", "period", "industry", "province", "output_value",
                  "value_added", "electricity_kwh", "simulated")


def comparison_months(period: str) -> list[str]:
    """The months compared with the same months a year earlier; none for January."""
    if period.endswith("-01"):
        return []
    if period.endswith("-02"):
        return [month_add(period, -1), period]
    return [period]


def months_needed(period: str, rules: Iterable[Rule]) -> list[str]:
    """Every month of reports the enabled enterprise rules look at."""
    months = set(comparison_months(period))
    months |= {month_add(m, -12) for m in comparison_months(period)}
    for rule in rules:
        if rule.type == "stopped_reporting":
            months |= {month_add(period, -k) for k in range(rule.params["months"] + 1)}
    return sorted(months)


def load_window(store: Store, months: list[str]) -> int:
    """Keep the current reports of ``months`` in ``monitor_reports``; returns its rows."""
    return raw.copy_current_reports(store, WINDOW_TABLE, months=months, columns=WINDOW_COLUMNS)


def _per_enterprise(months: list[str]) -> str:
    """One row per enterprise summing ``months`` (literal YYYY-MM values, checked upstream)."""
    listed = ", ".join(f"'{m}'" for m in months)
    return f"""SELECT enterprise_id, any_value(industry) AS industry,
                      any_value(province) AS province, sum(output_value) AS output,
                      sum(value_added) AS va, sum(electricity_kwh) AS kwh,
                      count(electricity_kwh) AS kwh_months, count(*) AS months,
                      bool_or(simulated) AS simulated
               FROM {WINDOW_TABLE} WHERE period IN ({listed}) GROUP BY enterprise_id"""


def _grouped(select: str, inner: str) -> str:
    """Aggregate ``inner`` per cell at every level: (industry, province), industry, province."""
    return f"""SELECT coalesce(industry, '{ALL}') AS industry,
                      coalesce(province, '{ALL}') AS province, {select}
               FROM ({inner})
               GROUP BY GROUPING SETS ((industry, province), (industry), (province))"""


def _window_query(store: Store, sql: str, params: list[Any] | None = None) -> pd.DataFrame:
    """A query over ``monitor_reports``, monitoring's own table."""
    frame: pd.DataFrame = store.query(sql, params or [])
    return frame


def _query(store: Store, sql: str) -> pd.DataFrame:
    return with_levels(_window_query(store, sql))


def electricity_vs_output(store: Store, rule: Rule, period: str) -> list[Alert]:
    """Electricity use growing much slower than output on the comparable sample."""
    p, months = rule.params, comparison_months(period)
    if not months:
        return []
    ago = [month_add(m, -12) for m in months]
    pairs = f"""SELECT c.industry, c.province, c.output AS o1, y.output AS o0, c.kwh AS k1,
                       y.kwh AS k0, c.simulated
                FROM ({_per_enterprise(months)}) c JOIN ({_per_enterprise(ago)}) y
                USING (enterprise_id)
                WHERE c.kwh_months = c.months AND y.kwh_months = y.months
                  AND c.months = {len(months)} AND y.months = {len(months)}"""
    cells = _query(store, _grouped(
        "sum(o1) AS o1, sum(o0) AS o0, sum(k1) AS k1, sum(k0) AS k0, count(*) AS n, "
        "bool_or(simulated) AS simulated", pairs))
    cells = cells[cells["level"].isin(p["cells"]) & (cells["n"] >= p["min_enterprises"])
                  & (cells["o0"] > 0) & (cells["k0"] > 0)]
    cells = cells.assign(output_growth=100 * (cells["o1"] / cells["o0"] - 1),
                         kwh_growth=100 * (cells["k1"] / cells["k0"] - 1))
    cells = cells.assign(gap=cells["kwh_growth"] - cells["output_growth"])
    return [
        _cell_alert(
            rule, period, row, "electricity_kwh",
            f"{cell_label(row.industry, row.province)}: electricity use {row.kwh_growth:+.1f}% "
            f"against output {row.output_growth:+.1f}% in {period}",
            f"{cell_label(row.industry, row.province, 'zh')}{period}用电量增长"
            f"{row.kwh_growth:.1f}%，产值增长{row.output_growth:.1f}%",
            {"electricity_growth": row.kwh_growth, "output_growth": row.output_growth,
             "gap_pp": row.gap, "threshold_pp": -p["gap_pp"], "n": row.n, "months": months,
             "comparison": "electricity growth - output growth, comparable sample"},
        )
        for row in cells[cells["gap"] < -p["gap_pp"]].itertuples()
    ]


def _cell_alert(rule: Rule, period: str, row: Any, indicator: str, title_en: str,
                title_zh: str, evidence: dict[str, Any]) -> Alert:
    return Alert(
        rule_id=rule.id, kind="rule", severity=rule.severity, period=period,
        indicator=indicator, industry=row.industry, province=row.province,
        title_en=title_en, title_zh=title_zh, evidence={"rule": rule.name_en, **evidence},
        simulated=bool(row.simulated),
    )


def key_enterprise_drop(store: Store, rule: Rule, period: str) -> list[Alert]:
    """A key enterprise (top N of its province a year earlier, or large) falling sharply."""
    p, months = rule.params, comparison_months(period)
    if not months:
        return []
    ago = [month_add(m, -12) for m in months]
    measure = "va" if p["measure"] == "value_added" else "output"
    frame = _window_query(
        store,
        f"""WITH y AS (SELECT *, row_number() OVER (PARTITION BY province ORDER BY va DESC)
                              AS rank_in_province
                       FROM ({_per_enterprise(ago)}))
            SELECT c.enterprise_id, c.industry, c.province, c.simulated, y.rank_in_province,
                   c.{measure} AS now, y.{measure} AS before
            FROM y JOIN ({_per_enterprise(months)}) c USING (enterprise_id)
            WHERE (y.rank_in_province <= ? OR (? > 0 AND y.va / ? >= ?))
              AND y.{measure} > 0 AND c.{measure} < y.{measure} * (1 - ? / 100)""",
        [p["top_n"], p["min_value_added"], len(months), p["min_value_added"], p["drop_pct"]],
    )
    return [_key_alert(rule, period, months, row) for row in frame.itertuples()]


def _key_alert(rule: Rule, period: str, months: list[str], row: Any) -> Alert:
    p = rule.params
    change = 100 * (row.now / row.before - 1)
    what_en = "value added" if p["measure"] == "value_added" else "output"
    what_zh = "增加值" if p["measure"] == "value_added" else "产值"
    where_en = cell_label(row.industry, row.province)
    return Alert(
        rule_id=rule.id, kind="rule", severity=rule.severity, period=period,
        indicator=p["measure"], industry=row.industry, province=row.province,
        enterprise_id=row.enterprise_id, simulated=bool(row.simulated),
        title_en=f"Key enterprise {row.enterprise_id} ({where_en}): {what_en} {change:+.1f}% "
                 f"year on year in {period}",
        title_zh=f"重点企业{row.enterprise_id}（{cell_label(row.industry, row.province, 'zh')}）"
                 f"{period}{what_zh}同比{change:.1f}%",
        evidence={"rule": rule.name_en, "measure": p["measure"], "now": row.now,
                  "year_ago": row.before, "change_pct": change, "threshold_pct": -p["drop_pct"],
                  "rank_in_province_year_ago": int(row.rank_in_province), "months": months,
                  "comparison": f"{p['measure']} against the same months a year earlier"},
    )


def stopped_reporting(store: Store, rule: Rule, period: str) -> list[Alert]:
    """Enterprises whose last report was N months ago, grouped by the cell they left."""
    p = rule.params
    last = month_add(period, -p["months"])
    silent = _window_query(
        store,
        f"""WITH latest AS (SELECT enterprise_id, max(period) AS last_period
                            FROM {WINDOW_TABLE} WHERE period BETWEEN ? AND ?
                            GROUP BY enterprise_id),
                base AS (SELECT r.*, l.last_period = ? AS silent
                         FROM {WINDOW_TABLE} r JOIN latest l USING (enterprise_id)
                         WHERE r.period = ?)
            SELECT industry, province, count(*) FILTER (silent) AS n_silent,
                   count(*) AS n, sum(value_added) FILTER (silent) AS va_silent,
                   sum(value_added) AS va, bool_or(simulated) AS simulated,
                   list(enterprise_id ORDER BY value_added DESC) FILTER (silent) AS ids
            FROM base GROUP BY industry, province
            HAVING count(*) FILTER (silent) >= ?""",
        [last, period, last, last, p["min_enterprises"]],
    )
    silent = silent[100 * silent["va_silent"] / silent["va"].where(silent["va"] > 0)
                    >= p["min_share_pct"]]
    return [_silent_alert(rule, period, last, row) for row in silent.itertuples()]


def _silent_alert(rule: Rule, period: str, last: str, row: Any) -> Alert:
    share = 100 * row.va_silent / row.va
    months = rule.params["months"]
    return _cell_alert(
        rule, period, row, "enterprises",
        f"{cell_label(row.industry, row.province)}: {row.n_silent} of {row.n} enterprises have "
        f"not reported since {last} ({share:.1f}% of the cell's value added)",
        f"{cell_label(row.industry, row.province, 'zh')}{row.n}家企业中有{row.n_silent}家自"
        f"{last}后连续{months}个月未报送（占增加值{share:.1f}%）",
        {"silent": int(row.n_silent), "enterprises": int(row.n), "share_pct": share,
         "last_report": last, "months_missing": months, "enterprise_ids": list(row.ids)[:20],
         "threshold_share_pct": rule.params["min_share_pct"],
         "comparison": f"reported in {last}, nothing since"},
    )


def sample_change(store: Store, rule: Rule, period: str) -> list[Alert]:
    """Entries and exits large enough that all-reporter growth differs from comparable growth."""
    p, months = rule.params, comparison_months(period)
    if not months:
        return []
    ago = [month_add(m, -12) for m in months]
    joined = f"""SELECT coalesce(c.industry, y.industry) AS industry,
                        coalesce(c.province, y.province) AS province, c.va AS va1, y.va AS va0,
                        c.enterprise_id IS NOT NULL AND y.enterprise_id IS NOT NULL AS kept,
                        coalesce(c.simulated, y.simulated) AS simulated
                 FROM ({_per_enterprise(months)}) c
                 FULL OUTER JOIN ({_per_enterprise(ago)}) y USING (enterprise_id)"""
    cells = _query(store, _grouped(
        """count(va1) AS n, count(va0) AS n0, count(*) FILTER (kept) AS n_kept,
           sum(va1) AS va1, sum(va0) AS va0, sum(va1) FILTER (kept) AS va1_kept,
           sum(va0) FILTER (kept) AS va0_kept, bool_or(simulated) AS simulated""", joined))
    cells = cells[cells["level"].isin(p["cells"]) & (cells["n"] >= p["min_enterprises"])
                  & (cells["va1"] > 0) & (cells["va0"] > 0)]
    cells = cells.assign(
        share=cells["va1_kept"].fillna(0) / cells["va1"],
        churn=100 * (cells["n"] + cells["n0"] - 2 * cells["n_kept"]) / cells["n"],
    )
    distorted = (cells["share"] < p["min_comparable_share"]) | (cells["churn"] > p["max_churn_pct"])
    hits = cells[distorted]
    return [_sample_alert(rule, period, months, row) for row in hits.itertuples()]


def _sample_alert(rule: Rule, period: str, months: list[str], row: Any) -> Alert:
    naive = 100 * (row.va1 / row.va0 - 1)
    comparable = 100 * (row.va1_kept / row.va0_kept - 1) if row.va0_kept else None
    shown = f"{comparable:.1f}%" if comparable is not None else "n/a"
    return _cell_alert(
        rule, period, row, "va_yoy",
        f"{cell_label(row.industry, row.province)}: comparable sample holds {row.share:.0%} of "
        f"value added in {period}; all reporters grew {naive:.1f}%, the comparable sample "
        f"{shown}",
        f"{cell_label(row.industry, row.province, 'zh')}{period}可比样本占增加值"
        f"{100 * row.share:.0f}%；全部企业增长{naive:.1f}%，可比样本{shown}",
        {"comparable_share": row.share, "churn_pct": row.churn, "enterprises": int(row.n),
         "year_ago_enterprises": int(row.n0), "kept": int(row.n_kept),
         "growth_all_reporters": naive, "growth_comparable": comparable, "months": months,
         "threshold_share": rule.params["min_comparable_share"],
         "threshold_churn_pct": rule.params["max_churn_pct"],
         "comparison": "value added of enterprises reporting in both years / all reporters"},
    )


#: rule type -> check on the enterprise reports of the month
ENTERPRISE_CHECKS: dict[str, Callable[[Store, Rule, str], list[Alert]]] = {
    "electricity_vs_output": electricity_vs_output,
    "key_enterprise_drop": key_enterprise_drop,
    "stopped_reporting": stopped_reporting,
    "sample_change": sample_change,
}
