"""Report cards (briefings) by theme, in English and Chinese, as Markdown, HTML or PDF.

``indmon.report.card`` builds the report card of a period (which figure stands for it,
its comparison, its section by origin); the briefing and the dashboard both render it.
Every number links to its provenance (``link_base``) or cites an endnote naming its
source or computation; simulated figures are labelled wherever they are shown. A period
without figures raises ``NotFound`` naming the periods that have some.

>>> write_report(store, "2023", "zh", "pdf", Path("briefing-2023-zh.pdf"))  # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

from indmon.errors import ConfigError, ReportError
from indmon.report.briefing import build_briefing
from indmon.report.card import ReportCard, build_card, card_periods, default_period
from indmon.report.model import Briefing
from indmon.store import Store

FORMATS = ("md", "html", "pdf")


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise ConfigError(f"report format {fmt!r} is not one of {', '.join(FORMATS)}; "
                          "use --format md, html or pdf")
    return fmt


def render_report(store: Store, period: str, lang: str, fmt: str, *, link_base: str = "",
                  chart_dir: str = "charts") -> bytes | str:
    """The report card as text (md, html) or bytes (pdf).

    Markdown references its charts under ``chart_dir``; use ``write_report`` to get the
    chart files written too.
    """
    check_format(fmt)
    briefing = build_briefing(store, period, lang)
    return render_briefing(briefing, fmt, link_base=link_base, chart_dir=chart_dir)


def render_briefing(briefing: Briefing, fmt: str, *, link_base: str = "",
                    chart_dir: str = "charts") -> bytes | str:
    """Render an already built briefing (to write several formats from one build)."""
    check_format(fmt)
    if fmt == "md":
        from indmon.report.render_markdown import render_markdown

        return render_markdown(briefing, chart_dir, link_base)[0]
    if fmt == "html":
        from indmon.report.render_html import render_html

        return render_html(briefing, link_base=link_base)
    from indmon.report.render_pdf import render_pdf

    return render_pdf(briefing, link_base=link_base)


def write_report(store: Store, period: str, lang: str, fmt: str, out: Path, *,
                 link_base: str = "") -> Path:
    """Write the report card to ``out`` and return it; Markdown charts go to
    ``<out stem>_charts/`` beside it."""
    check_format(fmt)
    out = Path(out)
    briefing = build_briefing(store, period, lang)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "md":
            _write_markdown(briefing, out, link_base)
        else:
            content = render_briefing(briefing, fmt, link_base=link_base)
            if isinstance(content, str):
                out.write_text(content, "utf-8")
            else:
                out.write_bytes(content)
    except OSError as exc:
        raise ReportError(f"cannot write the report to {out}: {exc.strerror}; "
                          "choose another --out path") from exc
    return out


def _write_markdown(briefing: Briefing, out: Path, link_base: str) -> None:
    from indmon.report.render_markdown import render_markdown

    chart_dir = f"{out.stem}_charts"
    text, files = render_markdown(briefing, chart_dir, link_base)
    if files:
        (out.parent / chart_dir).mkdir(exist_ok=True)
        for name, content in files.items():
            (out.parent / chart_dir / name).write_bytes(content)
    out.write_text(text, "utf-8")


__all__ = ["FORMATS", "ReportCard", "build_briefing", "build_card", "card_periods",
           "check_format", "default_period", "render_briefing", "render_report",
           "write_report"]
