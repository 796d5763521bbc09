"""The demo: every part of indmon end to end on the embedded store and bundled data.

Steps, each timed: load the published figures of the bundled releases; generate a
*simulated* panel of enterprise reports and import it; compute the indicators; run
monitoring for the last month; write the report cards in English and Chinese. The web
dashboard is then served by the caller (``indmon demo`` unless ``--no-serve``).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from indmon.store import Store

DEMO_ENTERPRISES = 6000
DEMO_START, DEMO_END = "2021-01", "2023-12"
DEMO_SEED = 2024
REPORT_PERIOD = "2023"
MONITOR_PERIOD = "2023-12"


@dataclass
class DemoResult:
    """What the demo produced and how long each step took (seconds)."""

    out_dir: Path
    timings: dict[str, float] = field(default_factory=dict)
    reports: list[Path] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)

    @property
    def total_seconds(self) -> float:
        return sum(self.timings.values())


@contextmanager
def _timed(result: DemoResult, step: str, say: Callable[[str], None]) -> Iterator[None]:
    say(f"[bold]{step}[/] ...")
    began = time.perf_counter()
    yield
    result.timings[step] = time.perf_counter() - began
    say(f"  done in {result.timings[step]:.1f} s")


def run_demo(
    store: Store,
    out_dir: Path,
    *,
    enterprises: int = DEMO_ENTERPRISES,
    formats: tuple[str, ...] = ("md", "html", "pdf"),
    say: Callable[[str], None] = lambda _: None,
) -> DemoResult:
    """Build the demo store and write the 2023 report cards into ``out_dir``."""
    from indmon.compute import run_compute
    from indmon.demo.panel import generate_panel
    from indmon.intake import import_prices, import_reports
    from indmon.monitor import run_monitoring
    from indmon.reconcile.published import load_published
    from indmon.report.write import start_printers, write_reports

    out_dir.mkdir(parents=True, exist_ok=True)
    result = DemoResult(out_dir)
    with _timed(result, "load published figures of the bundled releases", say):
        result.facts["published"] = load_published(store)
    with _timed(result, f"generate a simulated panel of {enterprises:,} enterprises", say):
        panel = generate_panel(out_dir / "simulated-panel", enterprises=enterprises,
                               start=DEMO_START, end=DEMO_END, seed=DEMO_SEED)
    with _timed(result, "import the simulated enterprise reports", say):
        result.facts["import"] = import_reports(store, panel.reports, simulated=True,
                                                submitted_by="demo")
        import_prices(store, [panel.prices], simulated=True, submitted_by="demo")
    with _timed(result, "compute indicators on DuckDB", say):
        result.facts["compute"] = run_compute(store, engine="duckdb")
    # the PDF printers load WeasyPrint while monitoring runs (a second of one core)
    printers = start_printers(2 * formats.count("pdf")) if "pdf" in formats else None
    try:
        with _timed(result, f"monitor {MONITOR_PERIOD}", say):
            result.facts["monitor"] = run_monitoring(store, period=MONITOR_PERIOD)
        with _timed(result, f"write the {REPORT_PERIOD} report cards", say):
            # one card for both languages and every format; PDFs print beside the rest
            result.reports += write_reports(store, REPORT_PERIOD, out_dir,
                                            langs=("en", "zh"), formats=formats,
                                            printers=printers)
    finally:
        if printers is not None:
            printers.close()
    return result
