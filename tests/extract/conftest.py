"""Fixtures the extraction tests share."""

from __future__ import annotations

import pytest

from indmon.catalogue import Catalogue


@pytest.fixture(scope="session")
def cat() -> Catalogue:
    """The bundled catalogue, loaded once (the mapping tests read it, none changes it)."""
    return Catalogue.load()
