"""A briefing as PDF: the HTML page printed by WeasyPrint, with Noto Sans SC embedded so
that Chinese renders on any machine."""

from __future__ import annotations

import logging

from indmon.errors import ReportError
from indmon.report.model import Briefing
from indmon.report.render_html import render_html


def render_pdf(briefing: Briefing, link_base: str = "") -> bytes:
    """The PDF bytes of the briefing."""
    import weasyprint

    # WeasyPrint logs every CSS property it skips; a briefing needs none of that noise
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    html = render_html(briefing, link_base=link_base, for_pdf=True)
    try:
        pdf = weasyprint.HTML(string=html).write_pdf()
    except Exception as exc:  # WeasyPrint raises many kinds; the user needs one message
        raise ReportError(f"the PDF of the {briefing.period} briefing could not be "
                          f"rendered: {exc}") from exc
    if pdf is None:
        raise ReportError("WeasyPrint returned no PDF")
    return bytes(pdf)
