"""Session fixtures: a seeded store and two running servers (private and public)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from indmon.web.app import WebConfig

from .servers import Site, add_people, build_store, start, stop


@pytest.fixture(scope="session")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("seeded")
    build_store(folder / "seed.duckdb")
    return folder / "seed.duckdb"


def _site(seeded: Path, folder: Path, public: bool) -> Iterator[Site]:
    db = folder / "web.duckdb"
    shutil.copy(seeded, db)
    tokens = add_people(db)
    url, running = start(db, WebConfig(public=public, max_body_bytes=2 * 1024 * 1024,
                                       max_records=50))
    yield Site(url, tokens, db)
    stop(running)


@pytest.fixture(scope="session")
def site(seeded: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """A private server: every read needs a token."""
    yield from _site(seeded, tmp_path_factory.mktemp("private"), public=False)


@pytest.fixture(scope="session")
def public_site(seeded: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """A public server, as the demo runs it: aggregates readable without a token."""
    yield from _site(seeded, tmp_path_factory.mktemp("public"), public=True)
