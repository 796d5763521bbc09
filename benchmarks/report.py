"""How long report cards take: one card in each format and language, and the demo.

Everything runs on the demo store (the bundled published figures and a SIMULATED panel
of enterprise reports, as ``indmon demo`` builds it); no figure is an official statistic.

1. ``indmon demo --no-serve`` end to end, ``--demo-runs`` times, each in a fresh process
   on a fresh temporary directory; the median, and the median of each step it reports.
   The first run's store is the one measured below.
2. In this process, for each language, after one untimed warm-up: building the card
   (``build_briefing``: the store reads, the wording, the endnotes), then rendering it as
   Markdown, HTML and PDF from scratch (each drawing its charts, as a single card does),
   and each format's card in all (build + render), against its target; then writing all
   six files as the demo does (``write_reports``: one card, charts drawn once per
   language, PDFs printed by a second process).
3. ``indmon report`` for each format and language as a user runs it: a fresh process,
   with its start-up.

References measured in the same run: the card model alone (``build_card``) for the
in-process figures, and ``python -c "import indmon"`` for the commands. Medians of
``--runs`` runs; wall time, and CPU time (every thread and child process: the PDF
printers, the commands, and the printing process that prints the second part of a
card beside this one) to read a busy machine by.

    python benchmarks/report.py                    # about 4 minutes on 2 cores
    python benchmarks/report.py --runs 3 --demo-runs 1
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from indmon.report.briefing import build_briefing
from indmon.report.card import build_card
from indmon.report.charts import Drawings
from indmon.report.pdf_parts import helper_pid
from indmon.report.render_html import render_html
from indmon.report.render_markdown import render_markdown
from indmon.report.render_pdf import render_pdf
from indmon.report.write import write_reports
from indmon.store import Store

PERIOD = "2023"
LANGS = ("en", "zh")
#: seconds, from issue 12
TARGETS = {"md": 1.0, "html": 1.0, "pdf": 3.0, "demo": 15.0}
NAMES = {"md": "Markdown", "html": "HTML", "pdf": "PDF"}


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float


def children_cpu() -> float:
    """CPU seconds of every finished child process (and theirs: the PDF printers), and
    of the printing process that ``render_pdf`` keeps beside this one (still running)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime + helper_cpu()


def helper_cpu() -> float:
    """CPU seconds of the printing process beside this one so far (Linux' /proc)."""
    pid = helper_pid()
    if pid is None:
        return 0.0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    # utime and stime, the 14th and 15th fields (the 12th and 13th after the name)
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def median_timing(action: Callable[[], object], runs: int) -> Timing:
    """Wall time, and CPU time of this process and of the children it started (the PDF
    printers)."""
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time() + children_cpu()
        action()
        cpus.append(time.process_time() + children_cpu() - cpu)
        walls.append(time.perf_counter() - wall)
    return Timing(statistics.median(walls), statistics.median(cpus))


def timed_command(command: list[str]) -> tuple[Timing, str]:
    wall, cpu = time.perf_counter(), children_cpu()
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return Timing(time.perf_counter() - wall, children_cpu() - cpu), done.stdout


def median_command(command: list[str], runs: int) -> Timing:
    timings = [timed_command(command)[0] for _ in range(runs)]
    return Timing(statistics.median(t.wall for t in timings),
                  statistics.median(t.cpu for t in timings))


def verdict(seconds: float, target: float) -> str:
    return f"target < {target:g} s: {'met' if seconds < target else 'NOT met'}"


def line(label: str, seconds: float, extra: str = "", note: str = "") -> None:
    print(f"  {label:<56} {seconds:7.2f} s  {extra:<18} {note}".rstrip())


# -- 1. the demo ------------------------------------------------------------------------------
STEP = re.compile(r"^(\S.*?) \.\.\.\n\s+done in ([0-9.]+) s", re.MULTILINE)


def run_demo(root: Path, enterprises: int) -> tuple[Timing, dict[str, float]]:
    db, out = root / "store.duckdb", root / "out"
    timing, stdout = timed_command(["indmon", "--db", str(db), "demo", "--no-serve", "--out",
                                    str(out), "--enterprises", str(enterprises)])
    return timing, {name: float(seconds) for name, seconds in STEP.findall(stdout)}


def demo_part(root: Path, runs: int, enterprises: int) -> Path:
    timings: list[Timing] = []
    steps: dict[str, list[float]] = {}
    for run in range(runs):
        timing, found = run_demo(root / f"demo-{run}", enterprises)
        timings.append(timing)
        for name, seconds in found.items():
            steps.setdefault(name, []).append(seconds)
    demo = statistics.median(t.wall for t in timings)
    cpu = statistics.median(t.cpu for t in timings)
    print(f"indmon demo --no-serve --enterprises {enterprises:,} (fresh process and directory),"
          f" median of {runs}                      wall        CPU")
    line("end to end", demo, f"{cpu:7.2f} s", verdict(demo, TARGETS["demo"]))
    for name, seconds in steps.items():
        line(f"  step: {name}", statistics.median(seconds))
    return root / "demo-0" / "store.duckdb"


# -- 2. in this process -------------------------------------------------------------------------
def card_part(db: Path, runs: int, out_dir: Path) -> None:
    with Store.open(db, read_only=True) as store:
        _warm_up(store)
        reference = median_timing(lambda: build_card(store, PERIOD), runs)
        print(f"\nOne card of {PERIOD} in this process (after a warm-up), median of {runs}"
              "                     wall        CPU   x card model")
        line("reference: the card model alone (build_card)", reference.wall,
             f"{reference.cpu:7.2f} s")
        for lang in LANGS:
            _one_language(store, lang, runs, reference)
        every = median_timing(lambda: write_reports(store, PERIOD, out_dir), runs)
        line("every format, both languages (write_reports)", every.wall,
             f"{every.cpu:7.2f} s", f"{every.wall / reference.wall:5.1f} x")


def _warm_up(store: Store) -> None:
    for lang in LANGS:
        briefing = build_briefing(store, PERIOD, lang)
        render_pdf(briefing, drawings=Drawings())


def _one_language(store: Store, lang: str, runs: int, reference: Timing) -> None:
    build = median_timing(lambda: build_briefing(store, PERIOD, lang), runs)
    line(f"{lang} build the card (model, words, notes)", build.wall, f"{build.cpu:7.2f} s",
         f"{build.wall / reference.wall:5.1f} x")
    briefing = build_briefing(store, PERIOD, lang)
    renders = {
        "md": lambda: render_markdown(briefing, "charts", "", Drawings()),
        "html": lambda: render_html(briefing, drawings=Drawings()),
        "pdf": lambda: render_pdf(briefing, drawings=Drawings()),
    }
    for fmt, render in renders.items():
        took = median_timing(render, runs)
        total = build.wall + took.wall
        line(f"{lang} render {NAMES[fmt]} (charts drawn)", took.wall, f"{took.cpu:7.2f} s",
             f"{took.wall / reference.wall:5.1f} x")
        line(f"{lang} card as {NAMES[fmt]}: build + render", total, "",
             verdict(total, TARGETS[fmt]))


# -- 3. the command -----------------------------------------------------------------------------
def command_part(db: Path, runs: int, out_dir: Path) -> None:
    start_up = median_command([sys.executable, "-c", "import indmon"], runs)
    print(f"\nindmon report in a fresh process, median of {runs}"
          "                                   wall        CPU   x import")
    line('reference: python -c "import indmon"', start_up.wall, f"{start_up.cpu:7.2f} s")
    for lang in LANGS:
        for fmt in ("md", "html", "pdf"):
            out = out_dir / f"command-{lang}.{fmt}"
            took = median_command(
                ["indmon", "--db", str(db), "report", "--period", PERIOD, "--lang", lang,
                 "--format", fmt, "--out", str(out), "--quiet"], runs)
            line(f"indmon report --lang {lang} --format {fmt}", took.wall,
                 f"{took.cpu:7.2f} s {took.wall / start_up.wall:5.1f} x",
                 verdict(took.wall, TARGETS[fmt]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (>= 3)")
    parser.add_argument("--demo-runs", type=int, default=3, help="runs of the whole demo")
    parser.add_argument("--enterprises", type=int, default=6000,
                        help="size of the demo's simulated panel (the demo's default)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="indmon-bench-report-") as tmp:
        root = Path(tmp)
        db = demo_part(root, max(args.demo_runs, 1), args.enterprises)
        (root / "cards").mkdir()
        card_part(db, args.runs, root / "cards")
        command_part(db, args.runs, root / "cards")


if __name__ == "__main__":
    main()
