"""The in-memory current observations answer exactly as ``Store.observations`` does, and
the app rebuilds them after a write of observations, and only then."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from indmon.store import NewObservation, Source, Store
from indmon.web.api.current import PERIOD_COLUMNS, CurrentObservations
from indmon.web.api.paging import frame_json
from indmon.web.app import WebConfig, create_app

FIRST = Source("release-1", publisher="Bureau", title="First release", published="2024-01-15")
REVISION = Source("release-2", publisher="Bureau", title="Corrected release",
                  published="2024-02-15", revises=True)
OTHER = Source("release-3", publisher="Ministry", title="Other release", published="2024-01-20")
PANEL = Source("compute-1", kind="computation", publisher="indmon", title="From reports",
               published="2024-02-01")


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    opened = Store.open(tmp_path / "current.duckdb")
    figures = [
        NewObservation(indicator, period, value, "percent", industry=industry, province=province)
        for indicator, value in (("va_yoy", 5.0), ("profit_ytd", 120.0))
        for period in ("2023-01/2023-02", "2023-03", "2023-Q2", "2023-H1", "2023-H2", "2023-12",
                       "2023", "2023-06-30")
        for industry, province in (("ALL", "ALL"), ("36", "ALL"), ("ALL", "320000"))
    ]
    opened.record(figures, FIRST)
    opened.record([NewObservation("va_yoy", "2023-03", 6.5, "percent")], REVISION)
    opened.record([NewObservation("va_yoy", "2023-12", 4.0, "percent", industry="36")], OTHER)
    opened.record([NewObservation("va_yoy", "2023-12", 3.1, "percent")], PANEL)
    return opened


FILTERS = [
    {},
    {"indicator": ["va_yoy"]},
    {"indicator": ["va_yoy", "profit_ytd", "va_yoy"]},
    {"indicator": ["missing"]},
    {"period": "2023-03"},
    {"indicator": ["va_yoy"], "period": "2023-Q2"},
    {"start": "2023-03", "end": "2023-06"},
    {"start": "2023"},
    {"end": "2023-02", "province": ["ALL"]},
    {"industry": ["36"]},
    {"industry": ["36", "ALL"], "province": ["320000"]},
    {"indicator": ["profit_ytd"], "industry": ["nowhere"]},
    {"start": "2023-06", "end": "2023-06"},  # 2023-H1 ends in June
    {"start": "2023-07", "end": "2023-12", "indicator": ["va_yoy"]},  # 2023-H2, not H1
    {"origin": ["computed"]},
    {"origin": ["published", "simulated"], "period": "2023-12"},
]


@pytest.mark.parametrize("wanted", FILTERS, ids=[str(f) for f in FILTERS])
def test_snapshot_selects_what_the_store_selects(store: Store, wanted: dict[str, object]
                                                 ) -> None:
    snapshot = CurrentObservations(store.observations())
    got = snapshot.select(wanted.get("indicator"), period=wanted.get("period"),  # type: ignore[arg-type]
                          start=wanted.get("start"), end=wanted.get("end"),  # type: ignore[arg-type]
                          industries=wanted.get("industry"),  # type: ignore[arg-type]
                          provinces=wanted.get("province"),  # type: ignore[arg-type]
                          origins=wanted.get("origin"))  # type: ignore[arg-type]
    expected = store.observations(wanted.get("indicator"), period=wanted.get("period"),  # type: ignore[arg-type]
                                  start=wanted.get("start"), end=wanted.get("end"),  # type: ignore[arg-type]
                                  industry=wanted.get("industry"),  # type: ignore[arg-type]
                                  province=wanted.get("province"),  # type: ignore[arg-type]
                                  origin=wanted.get("origin"))  # type: ignore[arg-type]
    if expected.empty:  # DuckDB types the columns of an empty result as plain objects
        assert got.empty
        assert [c for c in got.columns if c not in PERIOD_COLUMNS] == list(expected.columns)
        return
    pd.testing.assert_frame_equal(got.drop(columns=list(PERIOD_COLUMNS)).reset_index(drop=True),
                                  expected.reset_index(drop=True))


def test_snapshot_rows_say_their_period_kind_and_frequency(store: Store) -> None:
    snapshot = CurrentObservations(store.observations())
    kinds = snapshot.select(["va_yoy"], industries=["ALL"], provinces=["ALL"])
    seen = dict(zip(kinds["period"], zip(kinds["period_kind"], kinds["frequency"],
                                         strict=True), strict=False))
    assert seen["2023-H1"] == ("half", "half")
    assert seen["2023-01/2023-02"] == ("janfeb", "month")
    assert seen["2023-06-30"] == ("date", "stock")
    assert list(snapshot.frame.columns[:5]) == ["obs_id", "indicator", "period",
                                                "period_kind", "frequency"]


def test_snapshot_drops_superseded_and_keeps_conflicts(store: Store) -> None:
    snapshot = CurrentObservations(store.observations())
    march = snapshot.select(["va_yoy"], period="2023-03", industries=["ALL"], provinces=["ALL"])
    assert march["value"].tolist() == [6.5]
    december = snapshot.select(["va_yoy"], period="2023-12", industries=["36"])
    assert sorted(december["value"]) == [4.0, 5.0]


def test_app_rebuilds_after_observation_writes_only(store: Store, tmp_path: Path) -> None:
    path = store.path
    store.close()
    backend = create_app(path, config=WebConfig(public=True)).state.backend
    before = backend.current_observations()
    with backend.writer(observations=False, users=False):
        pass
    assert backend.current_observations() is before
    with backend.writer() as view:
        view.record([NewObservation("va_yoy", "2024-01", 3.0, "percent")], OTHER)
    after = backend.current_observations()
    assert after is not before
    assert after.select(["va_yoy"], period="2024-01")["value"].tolist() == [3.0]
    backend.close()


def test_rows_written_once_read_as_pandas_writes_them(store: Store) -> None:
    snapshot = CurrentObservations(store.observations())
    some = snapshot.positions(["va_yoy"], period="2023-03")
    more = snapshot.positions(["va_yoy"])
    snapshot.json(some)  # the later call mixes rows written before with new ones
    assert snapshot.json(more) == frame_json(snapshot.select(["va_yoy"]))
    assert snapshot.json(more[:0]) == "[]"
