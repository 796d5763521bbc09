"""A briefing as PDF: the HTML page printed by WeasyPrint, with Noto Sans SC embedded so
that Chinese renders on any machine; a long card in two parts at once, one beside this
process, joined into one PDF (``indmon.report.pdf_parts``; ``pdf_print.Printers`` prints
the same PDF in separate processes, for writing cards beside other work)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from indmon.errors import ReportError
from indmon.report.model import Briefing

if TYPE_CHECKING:
    from indmon.report.charts import Drawings


def render_pdf(briefing: Briefing, link_base: str = "",
               drawings: Drawings | None = None) -> bytes:
    """The PDF bytes of the briefing; charts come from ``drawings`` when the briefing
    is rendered in other formats too."""
    from indmon.report.pdf_parts import print_document
    from indmon.report.render_html import render_html

    html = render_html(briefing, link_base=link_base, for_pdf=True, drawings=drawings)
    try:
        return print_document(html)
    except Exception as exc:  # WeasyPrint raises many kinds; the user needs one message
        raise ReportError(f"the PDF of the {briefing.period} briefing could not be "
                          f"rendered: {exc}") from exc
