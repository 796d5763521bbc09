"""Builders for monitoring tests: hand-made computed figures and enterprise reports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import pandas as pd
import yaml

from indmon.monitor.cells import with_levels
from indmon.monitor.rules import Rule, parse_rules
from indmon.store import Source, Store

COMPUTED = Source("test-compute", kind="computation", publisher="indmon tests",
                  title="hand-made figures (simulated)", published="2024-06-01", simulated=True)

#: Jiangsu, Zhejiang and the automobile and electrical machinery industries
JS, ZJ, AUTO, ELEC = "320000", "330000", "36", "38"


def make_rule(type_: str, **params: Any) -> Rule:
    """A rule of ``type_`` validated as if read from a file, with defaults filled in."""
    text = yaml.safe_dump({"rules": [{"id": f"test-{type_}", "name_en": "Test rule",
                                      "name_zh": "测试规则", "severity": "high", "type": type_,
                                      "params": params}]})
    return parse_rules(text, "test.yaml").rules[0]


def figures(rows: Iterable[tuple[str, str, str, str, float, int]]) -> pd.DataFrame:
    """A frame of computed figures: (indicator, period, industry, province, value, n)."""
    frame = pd.DataFrame(list(rows), columns=["indicator", "period", "industry", "province",
                                              "value", "n"])
    return with_levels(frame.assign(simulated=True))


def record_figures(store: Store, frame: pd.DataFrame) -> None:
    store.record_frame(frame.drop(columns=["level", "simulated"]).assign(unit="percent"),
                       COMPUTED)


def add_reports(store: Store, rows: Iterable[dict[str, Any]]) -> None:
    """Insert enterprise reports as intake would have accepted them."""
    defaults = {"batch_id": "test", "row_number": 1, "received_at": dt.datetime(2024, 6, 1),
                "revenue": 0.0, "profit": 0.0, "employees": 10, "electricity_kwh": None,
                "export_value": None, "extra": None, "simulated": True}
    frame = pd.DataFrame([{**defaults, **row} for row in rows])
    frame["output_value"] = frame.get("output_value", frame["value_added"] * 4)
    columns = ", ".join(frame.columns)
    with store.transaction() as con, store.registered("incoming_reports", frame):
        con.execute(f"INSERT INTO reports ({columns}) SELECT {columns} FROM incoming_reports")


def report(enterprise: str, period: str, value_added: float, *, industry: str = AUTO,
           province: str = JS, **extra: Any) -> dict[str, Any]:
    return {"enterprise_id": enterprise, "period": period, "industry": industry,
            "province": province, "value_added": value_added, **extra}
