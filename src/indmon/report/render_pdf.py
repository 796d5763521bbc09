"""A briefing as PDF: the HTML page printed by WeasyPrint, with Noto Sans SC embedded so
that Chinese renders on any machine. (``indmon.report.pdf_print`` prints the same HTML
in a separate process, for writing cards beside other work.)"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from indmon.errors import ReportError
from indmon.report.model import Briefing

if TYPE_CHECKING:
    from indmon.report.charts import Drawings


def render_pdf(briefing: Briefing, link_base: str = "",
               drawings: Drawings | None = None) -> bytes:
    """The PDF bytes of the briefing; charts come from ``drawings`` when the briefing
    is rendered in other formats too."""
    import weasyprint

    from indmon.report.render_html import render_html

    # WeasyPrint logs every CSS property it skips; a briefing needs none of that noise
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    html = render_html(briefing, link_base=link_base, for_pdf=True, drawings=drawings)
    try:
        pdf = weasyprint.HTML(string=html).write_pdf()
    except Exception as exc:  # WeasyPrint raises many kinds; the user needs one message
        raise ReportError(f"the PDF of the {briefing.period} briefing could not be "
                          f"rendered: {exc}") from exc
    if pdf is None:
        raise ReportError("WeasyPrint returned no PDF")
    return bytes(pdf)
