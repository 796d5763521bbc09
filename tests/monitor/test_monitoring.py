"""What one monitoring run judges: computed figures, one per cell and month."""

from __future__ import annotations

from pathlib import Path

import pytest

from indmon.monitor import list_alerts, run_monitoring
from indmon.monitor.monitoring import observation_frame
from indmon.monitor.rules import load_rules, parse_rules
from indmon.store import NewObservation, Source, Store

from .builders import JS, ZJ, figures, record_figures

BUREAU = Source("bureau-2024-06-15", kind="release", publisher="A provincial statistics bureau",
                title="Industrial production in May 2024", published="2024-06-15")
PAPER = Source("paper-2024-06-16", kind="release", publisher="A newspaper",
               title="May industry figures", published="2024-06-16")
RULES = """
rules:
  - id: province-falling
    name_en: Province falling
    name_zh: 地区下降
    severity: high
    type: growth_below
    params: {indicator: va_yoy, cells: [province], min_enterprises: 10}
anomalies: {enabled: false}
"""


@pytest.fixture
def rules_file(tmp_path: Path) -> Path:
    path = tmp_path / "rules.yaml"
    path.write_text(RULES, "utf-8")
    return path


def _published(store: Store) -> None:
    """Release figures beside the computed ones: a month, a year to date, a quarter."""
    store.record([
        NewObservation("va_yoy", "2024-05", -3.0, "percent", province=JS),
        NewObservation("va_ytd_yoy", "2024-01/2024-05", 4.1, "percent", province=ZJ),
        NewObservation("va_ytd_yoy", "2024-Q1", 4.4, "percent", province=ZJ),
        NewObservation("va_yoy", "2024-04", 1.0, "percent", province=ZJ),
    ], BUREAU)
    store.record([NewObservation("va_yoy", "2024-04", 1.5, "percent", province=ZJ)], PAPER)


def _cells(frame: object) -> set[tuple[str, str, str, float, str]]:
    return {(r.indicator, r.period, r.province, r.value, r.origin)  # type: ignore[attr-defined]
            for r in frame.itertuples()}  # type: ignore[attr-defined]


def test_monitoring_judges_computed_figures_only(store: Store) -> None:
    record_figures(store, figures([("va_yoy", "2024-05", "ALL", JS, 2.0, 40)]))
    _published(store)
    frame = observation_frame(store, "2024-05", load_rules())
    assert _cells(frame) == {("va_yoy", "2024-05", JS, 2.0, "simulated")}
    assert set(frame["level"]) == {"province"}


def test_published_figures_are_judged_only_when_asked(store: Store) -> None:
    record_figures(store, figures([("va_yoy", "2024-05", "ALL", JS, 2.0, 40)]))
    _published(store)
    frame = observation_frame(store, "2024-05", load_rules(),
                              origin=["published", "computed", "simulated"])
    # the release's month stands before the computed one; a year to date counts for its
    # last month; a quarter is no monthly figure; the disputed April figure is left out
    assert _cells(frame) == {("va_yoy", "2024-05", JS, -3.0, "published"),
                             ("va_ytd_yoy", "2024-05", ZJ, 4.1, "published")}


def test_a_falling_published_figure_raises_nothing_by_default(store: Store,
                                                             rules_file: Path) -> None:
    record_figures(store, figures([("va_yoy", "2024-05", "ALL", JS, 2.0, 40)]))
    _published(store)
    quiet = run_monitoring(store, period="2024-05", rules_path=rules_file)
    assert quiet.raised == 0 and list_alerts(store).empty
    loud = run_monitoring(store, period="2024-05", rules_path=rules_file,
                          origin=["published"])
    assert loud.raised == 1 and not loud.simulated
    alert = list_alerts(store).iloc[0]
    assert (alert["province"], bool(alert["simulated"])) == (JS, False)
    assert "-3.0%" in alert["title_en"]


def test_the_frame_reaches_back_far_enough_and_no_further(store: Store) -> None:
    rules = parse_rules(RULES.replace("anomalies: {enabled: false}",
                                      "anomalies: {history_months: 36}"))
    record_figures(store, figures([
        ("va_yoy", month, "ALL", JS, 1.0, 40)
        for month in ("2021-04", "2021-05", "2024-05", "2024-06")]))
    frame = observation_frame(store, "2024-05", rules)
    assert sorted(frame["period"]) == ["2021-05", "2024-05"]
