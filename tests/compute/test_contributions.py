"""Contributions add up to growth; every cell the format promises is there."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.compute.builders import Report, add_reports, computed, figures

from indmon.store import Store

INDUSTRIES = ("06", "13", "36", "44")
PROVINCES = ("110000", "320000")


def test_contribution_is_the_cells_change_over_the_wholes_base(store: Store) -> None:
    add_reports(store, [
        Report("A", "2022-01", 100, industry="13"), Report("A", "2023-01", 130, industry="13"),
        Report("B", "2022-01", 300, industry="36"), Report("B", "2023-01", 290, industry="36"),
    ])
    frame = computed(store, start="2023-01", end="2023-01")
    # base 400: food adds 30 (7.5 pp), cars lose 10 (-2.5 pp); growth 5%
    assert figures(frame, "va_contribution_pp", industry="13") == pytest.approx({"2023-01": 7.5})
    assert figures(frame, "va_contribution_pp", industry="36") == pytest.approx({"2023-01": -2.5})
    assert figures(frame, "va_contribution_pp", industry="C") == pytest.approx({"2023-01": 5.0})
    assert figures(frame, "va_ytd_yoy") == pytest.approx({"2023-01": 5.0})
    assert figures(frame, "va_contribution_pp") == {}  # the whole has no contribution row


def test_cells_cover_pairs_sectors_provinces_and_the_whole(store: Store) -> None:
    add_reports(store, [
        Report("A", "2023-01", 1, industry="13", province="110000"),
        Report("B", "2023-01", 1, industry="06", province="320000"),
    ])
    frame = computed(store, start="2023-01", end="2023-01")
    cells = set(zip(*(frame[frame.indicator == "enterprises"][c]
                      for c in ("industry", "province")), strict=True))
    assert cells == {
        ("13", "110000"), ("06", "320000"),
        ("13", "ALL"), ("06", "ALL"),
        ("C", "110000"), ("B", "320000"), ("C", "ALL"), ("B", "ALL"),
        ("ALL", "110000"), ("ALL", "320000"), ("ALL", "ALL"),
    }


month_value = st.floats(min_value=1.0, max_value=1000.0, allow_nan=False)
enterprise = st.tuples(
    st.sampled_from(INDUSTRIES), st.sampled_from(PROVINCES),
    st.lists(st.one_of(st.none(), month_value), min_size=6, max_size=6),
)


@settings(max_examples=8, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(enterprise, min_size=1, max_size=8))
def test_industry_contributions_add_up_to_growth(
    panel: list[tuple[str, str, list[float | None]]],
) -> None:
    """Any panel: Jan-Mar of 2022 and 2023 with gaps, enterprises in any cell."""
    months = [f"{y}-0{m}" for y in (2022, 2023) for m in (1, 2, 3)]
    reports = [
        Report(f"E{i}", month, value, industry=industry, province=province)
        for i, (industry, province, values) in enumerate(panel)
        for month, value in zip(months, values, strict=True) if value is not None
    ]
    with tempfile.TemporaryDirectory() as folder, \
            Store.open(Path(folder) / "property.duckdb") as store:
        if not reports:
            return
        add_reports(store, reports)
        frame = computed(store, start="2023-01", end="2023-03")
    growth = frame[frame.indicator == "va_ytd_yoy"]
    parts = frame[(frame.indicator == "va_contribution_pp") & (frame.industry.str.len() == 2)]
    summed = parts.groupby(["province", "period"]).value.sum()
    for row in growth[growth.industry == "ALL"].itertuples():
        assert summed.get((row.province, row.period), 0.0) == pytest.approx(row.value, abs=1e-9)
