"""Render and write report cards, building each thing once.

A period's card (``build_card``: the store reads) is built once for every language and
format asked for; each language's briefing is worded once from it; each chart is drawn
once per language (``charts.Drawings``) and shared by Markdown, HTML and PDF. PDFs are
printed by separate processes (``indmon.report.pdf_print``, one per PDF up to the
cores) while this one goes on with the next format or language; a single PDF card gains
too, as its printer loads WeasyPrint while the card is being built.

``progress`` (a callable taking a line of text) is told each step as it starts, for the
command line to show on long work.

A card is a publication: by default it is written for the public
(``Clearance.public()``), with suppressed cells withheld and marked; pass another
``clearance`` (``Clearance.everything()``) for a confidential card.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from indmon.errors import ConfigError, ReportError
from indmon.store.model import Clearance

if TYPE_CHECKING:
    from indmon.report.charts import Drawings
    from indmon.report.model import Briefing
    from indmon.report.pdf_print import Printers
    from indmon.store import Store

FORMATS = ("md", "html", "pdf")
LANGS = ("en", "zh")
#: what each format is called in progress lines
FORMAT_NAMES = {"md": "Markdown", "html": "HTML", "pdf": "PDF"}
#: whom a card is written for unless told: anyone (suppressed cells withheld)
PUBLIC = Clearance.public()

Progress = Callable[[str], None]


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise ConfigError(f"report format {fmt!r} is not one of {', '.join(FORMATS)}; "
                          "use --format md, html or pdf")
    return fmt


def render_report(store: Store, period: str, lang: str, fmt: str, *, link_base: str = "",
                  chart_dir: str = "charts", clearance: Clearance | None = PUBLIC
                  ) -> bytes | str:
    """The report card as text (md, html) or bytes (pdf).

    Markdown references its charts under ``chart_dir``; use ``write_report`` to get the
    chart files written too.
    """
    from indmon.report.briefing import build_briefing

    check_format(fmt)
    briefing = build_briefing(store, period, lang, clearance=clearance)
    return render_briefing(briefing, fmt, link_base=link_base, chart_dir=chart_dir)


def render_briefing(briefing: Briefing, fmt: str, *, link_base: str = "",
                    chart_dir: str = "charts", drawings: Drawings | None = None
                    ) -> bytes | str:
    """Render an already built briefing; pass the same ``drawings`` to render several
    formats of it with each chart drawn once."""
    check_format(fmt)
    if fmt == "md":
        from indmon.report.render_markdown import render_markdown

        return render_markdown(briefing, chart_dir, link_base, drawings)[0]
    if fmt == "html":
        from indmon.report.render_html import render_html

        return render_html(briefing, link_base=link_base, drawings=drawings)
    from indmon.report.render_pdf import render_pdf

    return render_pdf(briefing, link_base=link_base, drawings=drawings)


@dataclass(frozen=True)
class Target:
    """One file to write: a language and format of the card."""

    lang: str
    fmt: str
    out: Path


def write_report(store: Store, period: str, lang: str, fmt: str, out: Path, *,
                 link_base: str = "", progress: Progress | None = None,
                 clearance: Clearance | None = PUBLIC) -> Path:
    """Write the report card to ``out`` and return it; Markdown charts go to
    ``<out stem>_charts/`` beside it."""
    return write_targets(store, period, [Target(lang, fmt, Path(out))], link_base=link_base,
                         progress=progress, clearance=clearance)[0]


def write_reports(store: Store, period: str, out_dir: Path, *,
                  langs: Sequence[str] = LANGS, formats: Sequence[str] = FORMATS,
                  stem: str = "report-card-{period}-{lang}", link_base: str = "",
                  progress: Progress | None = None, clearance: Clearance | None = PUBLIC,
                  printers: Printers | None = None) -> list[Path]:
    """Write the card of ``period`` in every language and format into ``out_dir`` as
    ``<stem>.<format>`` (``report-card-2023-zh.pdf``), building the card once; the files
    in language, then format order. ``printers`` (from :func:`start_printers`, started
    earlier so that they load WeasyPrint beside other work) print the PDFs; the caller
    closes them."""
    targets = [Target(lang, fmt, Path(out_dir) / f"{stem.format(period=period, lang=lang)}.{fmt}")
               for lang in langs for fmt in formats]
    return write_targets(store, period, targets, link_base=link_base, progress=progress,
                         clearance=clearance, printers=printers)


def write_targets(store: Store, period: str, targets: Sequence[Target], *,
                  link_base: str = "", progress: Progress | None = None,
                  generated: dt.datetime | None = None,
                  clearance: Clearance | None = PUBLIC,
                  printers: Printers | None = None) -> list[Path]:
    """Write every target from one card; PDFs are printed beside the other work and all
    are written when this returns. ``generated`` fixes the time the cards state;
    ``clearance`` whom the card is for (None: every value, as the store's owner);
    ``printers`` the caller's own (kept open), else started here for the PDFs."""
    from indmon.report.briefing import render_card
    from indmon.report.card import build_card
    from indmon.report.charts import Drawings
    from indmon.report.phrasing import check_lang

    say = progress or (lambda _: None)
    for target in targets:
        check_format(target.fmt)
        check_lang(target.lang)
    pdfs = sum(t.fmt == "pdf" for t in targets)
    owned = printers is None
    if owned:
        printers = start_printers(pdfs) if pdfs else None
    try:
        say(f"building the report card of {period}")
        card = build_card(store, period, clearance=clearance)
        languages: list[tuple[Briefing, Drawings]] = []
        # every PDF first, so that the printers work while this process writes the rest
        for lang in dict.fromkeys(t.lang for t in targets):
            say(f"wording the {lang} briefing")
            languages.append((render_card(store, card, lang, generated=generated),
                              Drawings()))
            _write_each(*languages[-1], [t for t in targets if t.lang == lang and
                                         t.fmt == "pdf"], link_base, printers, say)
        for briefing, drawings in languages:
            _write_each(briefing, drawings, [t for t in targets if t.lang == briefing.lang
                                             and t.fmt != "pdf"], link_base, printers, say)
        if printers is not None:
            say("printing the PDF" + ("s" if pdfs > 1 else ""))
            printers.wait()
    finally:
        if owned and printers is not None:
            printers.close()
    return [t.out for t in targets]


def start_printers(documents: int) -> Printers | None:
    """Printing processes for ``documents`` PDFs, loading WeasyPrint from now on; None
    (print in this process) where no process can be started. Close them when done."""
    from indmon.report.pdf_print import Printers, printers_for

    try:
        return Printers(printers_for(documents))
    except OSError:
        return None


def _write_each(briefing: Briefing, drawings: Drawings, targets: Sequence[Target],
                link_base: str, printers: Printers | None, say: Progress) -> None:
    for target in targets:
        words = f"{FORMAT_NAMES[target.fmt]} ({briefing.lang})"
        say(f"drawing charts and writing the {words}" if not drawings.drawn
            else f"writing the {words}")
        _make_parent(target.out)
        if target.fmt == "pdf" and printers is not None:
            from indmon.report.render_html import render_html

            html = render_html(briefing, link_base=link_base, for_pdf=True,
                               drawings=drawings)
            printers.submit(html, target.out, briefing.period)
        elif target.fmt == "md":
            _write_markdown(briefing, target.out, link_base, drawings)
        else:
            content = render_briefing(briefing, target.fmt, link_base=link_base,
                                      drawings=drawings)
            _write(target.out, content)


def _make_parent(out: Path) -> None:
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _unwritable(out, exc) from exc


def _write(out: Path, content: str | bytes) -> None:
    try:
        if isinstance(content, str):
            out.write_text(content, "utf-8")
        else:
            out.write_bytes(content)
    except OSError as exc:
        raise _unwritable(out, exc) from exc


def _unwritable(out: Path, exc: OSError) -> ReportError:
    return ReportError(f"cannot write the report to {out}: {exc.strerror}; "
                       "choose another --out path")


def _write_markdown(briefing: Briefing, out: Path, link_base: str,
                    drawings: Drawings) -> None:
    from indmon.report.render_markdown import render_markdown

    chart_dir = f"{out.stem}_charts"
    text, files = render_markdown(briefing, chart_dir, link_base, drawings)
    try:
        if files:
            (out.parent / chart_dir).mkdir(exist_ok=True)
            for name, content in files.items():
                (out.parent / chart_dir / name).write_bytes(content)
        out.write_text(text, "utf-8")
    except OSError as exc:
        raise _unwritable(out, exc) from exc


__all__ = ["FORMATS", "LANGS", "Progress", "Target", "check_format", "render_briefing",
           "render_report", "start_printers", "write_report", "write_reports",
           "write_targets"]
