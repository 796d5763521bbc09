"""Anomaly detection: robust scores against a cell's own history and against its peers."""

from __future__ import annotations

from typing import Any

from indmon.catalogue import Catalogue
from indmon.monitor.anomalies import detect_anomalies, reference_months
from indmon.monitor.rules import load_rules
from indmon.periods import months_between

from .builders import AUTO, JS, figures

INDUSTRIES = sorted(Catalogue.load().industries)[:10]
PROVINCES = sorted(Catalogue.load().provinces)[:10]


def _settings(**changes: Any) -> dict[str, Any]:
    return {**load_rules().anomalies, **changes}


def _grid(period: str, odd: dict[tuple[str, str], float] | None = None) -> list[tuple]:
    """Ten industries by ten provinces growing 4.4-5.6 %, except the ``odd`` cells."""
    odd = odd or {}
    return [("va_yoy", period, ind, prov,
             odd.get((ind, prov), 5 + ((i * 7 + j * 3) % 5 - 2) * 0.3), 50)
            for i, ind in enumerate(INDUSTRIES) for j, prov in enumerate(PROVINCES)]


def test_spring_festival_months_are_compared_with_the_same_month() -> None:
    assert reference_months("2024-02", 36) == ["2023-02", "2022-02", "2021-02"]
    may = reference_months("2024-05", 24)
    assert "2024-04" in may and not any(m[5:7] in ("01", "02", "03") for m in may)


def test_a_break_from_the_cells_own_history_is_flagged() -> None:
    history = [m for m in months_between("2022-04", "2024-04") if m[5:7] not in ("01",)]
    rows = [("va_yoy", m, AUTO, JS, 5.0 + (k % 3) * 0.5, 30) for k, m in enumerate(history)]
    rows += [("va_yoy", m, AUTO, "330000", 5.0 + (k % 3) * 0.5, 30)
             for k, m in enumerate(history)]
    rows += [("va_yoy", "2024-05", AUTO, JS, -10.0, 30),
             ("va_yoy", "2024-05", AUTO, "330000", 5.5, 30)]
    alerts = detect_anomalies(figures(rows), "2024-05", _settings())
    assert [(a.industry, a.province) for a in alerts] == [(AUTO, JS)]
    evidence = alerts[0].evidence
    assert evidence["history_median"] == 5.5 and evidence["z_history"] < -4
    assert evidence["z_peers"] is None  # two cells are too few peers
    assert alerts[0].kind == "anomaly" and "unusually low" in alerts[0].title_en


def test_an_outlier_among_its_peers_is_flagged() -> None:
    odd = (INDUSTRIES[3], PROVINCES[4])
    alerts = detect_anomalies(figures(_grid("2024-05", {odd: -15.0})), "2024-05", _settings())
    assert [(a.industry, a.province) for a in alerts] == [odd]
    assert alerts[0].evidence["z_peers"] < -4 and alerts[0].evidence["z_history"] is None


def test_a_move_shared_by_a_whole_province_is_charged_to_the_province_only() -> None:
    fallen = PROVINCES[2]
    rows = _grid("2024-05", {(ind, fallen): -15.0 for ind in INDUSTRIES})
    rows += [("va_yoy", "2024-05", "ALL", prov, -15.0 if prov == fallen else 5.0 + k * 0.2, 500)
             for k, prov in enumerate(PROVINCES)]
    alerts = detect_anomalies(figures(rows), "2024-05", _settings())
    assert [(a.industry, a.province) for a in alerts] == [("ALL", fallen)]


def test_at_most_k_anomalies_per_month_highest_score_first() -> None:
    odd = {(INDUSTRIES[k], PROVINCES[k]): -10.0 - 5 * k for k in range(5)}
    alerts = detect_anomalies(figures(_grid("2024-05", odd)), "2024-05",
                              _settings(max_per_period=2))
    assert [(a.industry, a.province) for a in alerts] == [
        (INDUSTRIES[4], PROVINCES[4]), (INDUSTRIES[3], PROVINCES[3])]
    assert alerts[0].severity == "medium"  # score beyond twice the threshold


def test_small_cells_and_january_are_not_scored() -> None:
    odd = (INDUSTRIES[3], PROVINCES[4])
    rows = [(*r[:5], 5) if (r[2], r[3]) == odd else r for r in _grid("2024-05", {odd: -15.0})]
    assert detect_anomalies(figures(rows), "2024-05", _settings()) == []
    january = _grid("2024-01", {odd: -15.0})
    assert detect_anomalies(figures(january), "2024-01", _settings()) == []


def test_quiet_data_raises_nothing() -> None:
    assert detect_anomalies(figures(_grid("2024-05")), "2024-05", _settings()) == []
