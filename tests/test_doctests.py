"""The examples in module docstrings run as written."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["indmon", "indmon.store", "indmon.store.periods", "indmon.store.model",
           "indmon.periods", "indmon.catalogue", "indmon.catalogue.units",
           "indmon.web.api.params", "indmon.web.api.current", "indmon.web.errors"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
