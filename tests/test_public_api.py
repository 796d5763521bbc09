"""The names a notebook user imports stay in step with ``indmon.__all__``."""

from __future__ import annotations

import indmon


def test_all_names_exist() -> None:
    for name in indmon.__all__:
        assert hasattr(indmon, name), name


def test_public_surface_is_curated() -> None:
    public = {n for n in vars(indmon) if not n.startswith("_") and not isinstance(
        getattr(indmon, n), type(indmon))}
    assert public - {"annotations"} == set(indmon.__all__)


def test_open_gives_a_working_store() -> None:
    store = indmon.open(":memory:")
    assert store.counts()["observations"] == 0
