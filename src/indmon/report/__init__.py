"""Report cards (briefings) by theme, in English and Chinese, as Markdown, HTML or PDF.

``indmon.report.card`` builds the report card of a period (which figure stands for it,
its comparison, its section by origin); the briefing and the dashboard both render it.
Every number links to its provenance (``link_base``) or cites an endnote naming its
source or computation; simulated figures are labelled wherever they are shown. A period
without figures raises ``NotFound`` naming the periods that have some.

>>> write_report(store, "2023", "zh", "pdf", Path("briefing-2023-zh.pdf"))  # doctest: +SKIP
>>> write_reports(store, "2023", Path("cards"))   # both languages, every format, one card
...                                                # doctest: +SKIP

The names below are imported on first use: ``import indmon.report.card`` (the
dashboard's) then loads no charting or PDF library.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from indmon.report.briefing import build_briefing
    from indmon.report.card import ReportCard, build_card, card_periods, default_period
    from indmon.report.model import Briefing
    from indmon.report.write import (
        FORMATS,
        check_format,
        render_briefing,
        render_report,
        write_report,
        write_reports,
    )

#: each public name and the module defining it
_HOMES = {
    "build_briefing": "indmon.report.briefing",
    "ReportCard": "indmon.report.card", "build_card": "indmon.report.card",
    "card_periods": "indmon.report.card", "default_period": "indmon.report.card",
    "Briefing": "indmon.report.model",
    "FORMATS": "indmon.report.write", "check_format": "indmon.report.write",
    "render_briefing": "indmon.report.write", "render_report": "indmon.report.write",
    "write_report": "indmon.report.write", "write_reports": "indmon.report.write",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value


__all__ = ["FORMATS", "Briefing", "ReportCard", "build_briefing", "build_card",
           "card_periods", "check_format", "default_period", "render_briefing",
           "render_report", "write_report", "write_reports"]
