"""Docs that the tests keep honest: generated references are current and complete."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer.main

from indmon.catalogue import Catalogue
from indmon.cli import app
from indmon.cli.reference import PAGES

DOCS = Path(__file__).parents[1] / "docs"


@pytest.mark.parametrize("page", sorted(PAGES))
def test_generated_page_is_current(page: str) -> None:
    committed = (DOCS / page).read_text(encoding="utf-8")
    assert committed == PAGES[page](), (
        f"docs/{page} is stale: run `python -m indmon.cli.reference docs/`"
    )


def test_every_command_has_a_docstring_with_an_example() -> None:
    root = typer.main.get_command(app)
    missing = []
    for name, command in root.commands.items():
        subcommands = getattr(command, "commands", {name: command})
        for sub_name, sub in subcommands.items():
            if "Example:" not in (sub.help or ""):
                missing.append(f"{name} {sub_name}".strip())
    assert not missing, f"commands without an 'Example:' line: {missing}"


def test_every_indicator_is_in_the_reference() -> None:
    page = (DOCS / "indicators.md").read_text(encoding="utf-8")
    absent = [i for i in Catalogue.load().indicators if f"`{i}`" not in page]
    assert not absent


def test_every_docs_page_is_linked_from_the_index() -> None:
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    pages = [p.name for p in DOCS.glob("*.md") if p.name != "index.md"]
    assert [p for p in pages if f"({p})" not in index] == []
