"""Reference pages generated from the code, so that the docs cannot drift from it.

``python -m indmon.cli.reference docs/`` writes ``cli-reference.md`` (every command and
option, from the Typer app) and ``indicators.md`` (every indicator, from the catalogue);
``tests/test_docs.py`` fails when the committed pages differ from what this writes.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer.main

from indmon.catalogue import Catalogue

# Typer vendors its own click, so commands are recognised by shape, not by class.
Command = Any


def _walk(command: Command, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Command]]:
    if hasattr(command, "commands"):
        for name in sorted(command.commands):
            yield from _walk(command.commands[name], (*path, name))
    else:
        yield path, command


def _option_line(param: Any) -> str:
    if param.param_type_name == "argument":
        names = (param.name or "").upper()
        kind = "argument"
    else:
        names = ", ".join(f"`{o}`" for o in [*param.opts, *param.secondary_opts])
        kind = "option"
    help_text = getattr(param, "help", None) or ""
    default = param.default
    shown_default = (
        f" (default: `{default}`)"
        if default not in (None, False, (), []) and not callable(default) else ""
    )
    label = f"`{names}`" if kind == "argument" else names
    return f"- {label}: {help_text}{shown_default}".rstrip()


def cli_reference() -> str:
    """Markdown describing every ``indmon`` command and its options."""
    from indmon.cli import app

    root = typer.main.get_command(app)
    lines = [
        "# CLI reference",
        "",
        "Generated from the code by `python -m indmon.cli.reference docs/`; do not edit.",
        "",
        "Global option: `--db PATH` (or `INDMON_DB`) selects the store; default "
        "`indmon.duckdb` in the user's data directory.",
        "",
    ]
    for path, command in _walk(root, ()):
        lines += [f"## indmon {' '.join(path)}", "", (command.help or "").strip(), ""]
        params = [p for p in command.params if p.name != "help"]
        lines += [_option_line(p) for p in params]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def indicator_reference() -> str:
    """Markdown listing every indicator of the shipped catalogue, by theme."""
    cat = Catalogue.load()
    lines = [
        "# Indicators",
        "",
        "Generated from `src/indmon/catalogue/data/indicators/*.toml` by "
        "`python -m indmon.cli.reference docs/`; do not edit.",
        "",
    ]
    for theme in sorted(cat.themes.values(), key=lambda t: t.order):
        lines += [f"## {theme.name_en} / {theme.name_zh}", "",
                  "| id | name | 名称 | unit | measure | frequency | breakdowns | derivation |",
                  "|---|---|---|---|---|---|---|---|"]
        for ind in cat.by_theme(theme.code):
            dims = ", ".join(ind.dimensions) or "-"
            lines.append(
                f"| `{ind.id}` | {ind.name_en} | {ind.name_zh} | {ind.unit} | {ind.measure} "
                f"| {ind.frequency} | {dims} | {ind.derivation} |"
            )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


PAGES = {"cli-reference.md": cli_reference, "indicators.md": indicator_reference}


def write_pages(folder: Path) -> list[Path]:
    written = []
    for name, build in PAGES.items():
        target = folder / name
        target.write_text(build(), encoding="utf-8")
        written.append(target)
    return written


if __name__ == "__main__":
    for page in write_pages(Path(sys.argv[1] if len(sys.argv) > 1 else "docs")):
        print(page)
