"""``indmon catalogue``: the indicators, industries and provinces indmon knows."""

from __future__ import annotations

from typing import Annotated

import typer

from indmon.cli.common import Output, handle_errors, print_frame
from indmon.errors import ConfigError


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="Browse the indicator catalogue and the classifications.",
                        no_args_is_help=True)
    group.command("indicators")(indicators)
    group.command("industries")(industries)
    group.command("provinces")(provinces)
    app.add_typer(group, name="catalogue")


@handle_errors
def indicators(
    search: Annotated[str, typer.Argument(help="words to look for in ids and names")] = "",
    theme: Annotated[str | None, typer.Option(help="only this theme, e.g. ict")] = None,
    output: Output = "table",
) -> None:
    """List indicators, optionally those matching SEARCH.

    Example: indmon catalogue indicators 5G --theme ict
    """
    import pandas as pd

    from indmon.catalogue import Catalogue

    cat = Catalogue.load()
    if theme is not None and theme not in cat.themes:
        raise ConfigError(f"--theme {theme!r} is not one of {', '.join(sorted(cat.themes))}")
    found = cat.search(search, limit=10_000) if search else list(cat.indicators.values())
    rows = [
        {"id": i.id, "theme": i.theme, "name_en": i.name_en, "name_zh": i.name_zh,
         "unit": i.unit, "measure": i.measure, "frequency": i.frequency,
         "derivation": i.derivation}
        for i in found if theme is None or i.theme == theme
    ]
    print_frame(pd.DataFrame(rows), output, title="Indicators")


@handle_errors
def industries(output: Output = "table") -> None:
    """List the 41 industrial divisions of GB/T 4754-2017.

    Example: indmon catalogue industries -o csv
    """
    import pandas as pd

    from indmon.catalogue import Catalogue

    rows = [vars(i) for i in Catalogue.load().industries.values()]
    print_frame(pd.DataFrame(rows), output, title="Industrial divisions (GB/T 4754-2017)")


@handle_errors
def provinces(output: Output = "table") -> None:
    """List the 31 provincial-level regions of GB/T 2260.

    Example: indmon catalogue provinces -o json
    """
    import pandas as pd

    from indmon.catalogue import Catalogue

    rows = [
        {"code": p.code, "name_en": p.name_en, "name_zh": p.name_zh, "region": p.region}
        for p in Catalogue.load().provinces.values()
    ]
    print_frame(pd.DataFrame(rows), output, title="Provincial-level regions (GB/T 2260)")
