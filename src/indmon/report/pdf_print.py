"""Print report cards to PDF in a separate process, beside the work of building them.

WeasyPrint takes most of a PDF card's time (loading it, laying out a dozen pages); a
:class:`Printer` starts a process that loads it at once, while this one reads the store
and draws the charts, then prints each HTML document it is sent, while this one goes on
with the next format or language. The printed PDF is the same as ``render_pdf`` makes
(the same HTML, the same call), written whole or not at all.

The printing process runs this file as a script (``python -P pdf_print.py``): it imports
WeasyPrint only, not indmon, whose imports it would otherwise wait for. Jobs and replies
are JSON lines on its stdin and stdout.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any


class Printer:
    """A process printing HTML to PDF files, one job at a time, in the order sent."""

    def __init__(self) -> None:
        # what the process says on stderr, kept for the message should it fail; closed
        # by close(), as the process is
        self._log: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115
        # -P: not the package directory on sys.path (its modules would shadow others)
        self._process = subprocess.Popen(
            [sys.executable, "-P", str(Path(__file__).resolve())],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._log,
            text=True, encoding="utf-8")
        #: each document sent and not yet waited for
        self._pending: list[_Job] = []
        self._sent = 0

    def submit(self, html: str, out: Path, period: str) -> None:
        """Send one document to print to ``out`` (the card of ``period``)."""
        handle, name = tempfile.mkstemp(prefix="indmon-card-", suffix=".html")
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(html)
        job = _Job(Path(name), Path(out), period)
        self._pending.append(job)
        self._sent += 1
        line = json.dumps({"html": str(job.html), "out": str(job.out.resolve())})
        with contextlib.suppress(OSError):  # the process ended: wait() says why
            self._send(line)

    def _send(self, line: str) -> None:
        stdin = self._process.stdin
        assert stdin is not None
        stdin.write(line + "\n")
        stdin.flush()

    def wait(self) -> None:
        """Wait until every document sent is printed; raise ``ReportError`` for the
        first that could not be."""
        from indmon.errors import ReportError

        pending, self._pending = self._pending, []
        stdout = self._process.stdout
        assert stdout is not None
        failure: str | None = None
        try:
            for job in pending:
                line = stdout.readline()
                if not line:
                    failure = failure or (f"the PDF of the {job.period} briefing could not "
                                          f"be rendered: the printing process ended "
                                          f"({self._last_words()})")
                    break
                reply: dict[str, Any] = json.loads(line)
                failure = failure or _failure(reply, job)
        finally:
            for job in pending:
                job.html.unlink(missing_ok=True)
        if failure is not None:
            raise ReportError(failure)

    def _last_words(self) -> str:
        """The last line the process wrote on stderr, else how it ended."""
        with contextlib.suppress(subprocess.TimeoutExpired):
            self._process.wait(timeout=5)
        self._log.seek(0)
        lines = self._log.read().decode("utf-8", "replace").strip().splitlines()
        return lines[-1] if lines else f"exit code {self._process.poll()}"

    def close(self) -> None:
        """End the process (at once when it printed nothing or documents are still
        pending: an error elsewhere stopped the work) and remove what is left of the
        jobs."""
        for job in self._pending:
            job.html.unlink(missing_ok=True)
        if self._pending or not self._sent:
            self._process.kill()
        self._pending = []
        if self._process.stdin is not None:
            with contextlib.suppress(OSError):
                self._process.stdin.close()
        try:
            self._process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        if self._process.stdout is not None:
            self._process.stdout.close()
        self._log.close()


@dataclass(frozen=True)
class _Job:
    """A document sent to print: its HTML file, the PDF to write, the card's period."""

    html: Path
    out: Path
    period: str


def _failure(reply: dict[str, Any], job: _Job) -> str | None:
    """What to tell the user when a document was not printed, in the words
    ``write_report`` uses for the other formats; None when it was."""
    if reply.get("unwritable"):
        return (f"cannot write the report to {job.out}: {reply['unwritable']}; "
                "choose another --out path")
    if reply.get("error"):
        return (f"the PDF of the {job.period} briefing could not be rendered: "
                f"{reply['error']}")
    return None


class Printers:
    """Several printers, each sent every ``count``-th document: with two cores, two
    PDFs (the demo's English and Chinese cards) print at the same time, beside this
    process; each printer starts loading WeasyPrint when created."""

    def __init__(self, count: int) -> None:
        self._printers: list[Printer] = []
        self._sent = 0
        try:
            for _ in range(max(count, 1)):
                self._printers.append(Printer())
        except OSError:
            self.close()
            raise

    def submit(self, html: str, out: Path, period: str) -> None:
        self._printers[self._sent % len(self._printers)].submit(html, out, period)
        self._sent += 1

    def wait(self) -> None:
        """Wait for every printer; raise the first error once all are done."""
        from indmon.errors import ReportError

        failures: list[ReportError] = []
        for printer in self._printers:
            try:
                printer.wait()
            except ReportError as exc:
                failures.append(exc)
        if failures:
            raise failures[0]

    def close(self) -> None:
        for printer in self._printers:
            printer.close()


def printers_for(documents: int) -> int:
    """How many printers to start for ``documents`` PDFs: one each, up to the cores
    beside this process's own (at least one)."""
    cores = os.cpu_count() or 1
    return max(1, min(documents, cores))


# -- the printing process ------------------------------------------------------------------
def _serve() -> None:
    """Print each job read from stdin; reply with the file written or the error."""
    import logging

    import weasyprint

    # as render_pdf: WeasyPrint logs every CSS property it skips, a card needs none
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    for line in sys.stdin:
        job = json.loads(line)
        out = Path(job["out"])
        reply: dict[str, Any] = {"out": str(out)}
        try:
            html = Path(job["html"]).read_text("utf-8")
            pdf = weasyprint.HTML(string=html).write_pdf()
            if pdf is None:
                raise RuntimeError("WeasyPrint returned no PDF")
        except Exception as exc:  # reported to the parent, which raises ReportError
            reply["error"] = str(exc) or type(exc).__name__
        else:
            reply["unwritable"] = _write_whole(out, bytes(pdf))
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


def _write_whole(out: Path, pdf: bytes) -> str | None:
    """Write ``out`` whole or not at all; why it could not be, or None."""
    partial = out.with_name(out.name + ".part")
    try:
        partial.write_bytes(pdf)
        partial.replace(out)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        return exc.strerror or str(exc)
    return None


if __name__ == "__main__":
    _serve()
