"""A store for the search, wording and layout tests of the dashboard, and the browser.

Published figures whose changes mean different things (value added up: good; losses and
loss-making enterprises up: bad; an unchanged figure), year-to-date figures for the
months of two years, every province and division, and alerts raised by the monitor's
own checks (so their evidence has the real shape), the same rule on one cell for three
months (one row on the page), and an anomaly.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from indmon.catalogue import ALL, Catalogue
from indmon.monitor.alerts import Alert, save_alerts
from indmon.monitor.cells import below_country, growth_below, loss_share_rising, with_levels
from indmon.monitor.rules import load_rules
from indmon.store import NewObservation, Source, Store
from indmon.web.app import WebConfig

from .servers import Site, add_people, start, stop

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = Path(__file__).parents[1] / "artifacts" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

RELEASE = Source("bureau-2024-01", kind="release", publisher="A statistics bureau",
                 title="Industrial production and profits in 2023", published="2024-01-27",
                 lang="en")
OTHER = Source("paper-2024-01", kind="release", publisher="A newspaper",
               title="Industry last year", published="2024-01-28", lang="en")
PANEL = Source("panel-test", kind="computation", publisher="indmon",
               title="Computed from a test panel", published="2024-02-10", simulated=True)
MONTHS_2023 = [f"2023-{m:02d}" for m in range(2, 13)]
MONTHS_2022 = [f"2022-{m:02d}" for m in range(2, 13)]


def published_figures() -> list[NewObservation]:
    catalogue = Catalogue.load()
    out = []
    for i, month in enumerate(MONTHS_2022 + MONTHS_2023):
        second = month.startswith("2023")
        out += [
            NewObservation("va_ytd_yoy", month, (4.0 if second else 3.4) + (i % 3) * 0.1,
                           "percent"),
            # profit falls on a year earlier, loss-making enterprises and losses rise
            NewObservation("profit_ytd", month, (0.6 if second else 0.7) * 1e12 * (i % 11 + 1),
                           "cny"),
            NewObservation("loss_making_ytd", month, (95_000 if second else 90_000) + i * 10,
                           "count"),
            NewObservation("loss_ytd", month, (1.2 if second else 1.0) * 1e11 * (i % 11 + 1),
                           "cny"),
            # the same in both years: "unchanged"
            NewObservation("revenue_ytd_yoy", month, 1.2, "percent"),
        ]
    for j, code in enumerate(catalogue.industries):
        out.append(NewObservation("va_ytd_yoy", "2023-12", 9.5 - 0.45 * j, "percent",
                                  industry=code))
        out.append(NewObservation("va_yoy", "2023-12", 8.0 - 0.4 * j, "percent",
                                  industry=code))
    for j, code in enumerate(catalogue.provinces):
        out.append(NewObservation("va_ytd_yoy", "2023-12", 10.0 - 0.5 * j, "percent",
                                  province=code))
    return out


def simulated_figures() -> pd.DataFrame:
    rows = []
    for i, month in enumerate(MONTHS_2022 + MONTHS_2023):
        rows.append(("va_ytd_yoy", month, ALL, ALL, 3.0 + (i % 4) * 0.3, "percent"))
        rows.append(("enterprises", month, ALL, ALL, 400_000 + i * 100, "count"))
    return pd.DataFrame(rows, columns=["indicator", "period", "industry", "province",
                                       "value", "unit"])


def monitor_frame() -> pd.DataFrame:
    """What the monitor's cell checks read: figures of cells with enough enterprises."""
    rows = []
    for month in ("2023-10", "2023-11", "2023-12", "2022-12"):
        for industry, value in (("36", -2.5), ("26", 3.0)):
            rows.append(("va_yoy", month, industry, ALL, value, 120))
        rows.append(("va_ytd_yoy", month, ALL, ALL, 5.0, 5000))
        rows.append(("va_ytd_yoy", month, ALL, "440000", -1.5, 800))
        loss = 30 if month.startswith("2022") else 45
        rows.append(("loss_making_ytd", month, ALL, "510000", loss, 120))
        rows.append(("enterprises", month, ALL, "510000", 150, 150))
    frame = pd.DataFrame(rows, columns=["indicator", "period", "industry", "province",
                                        "value", "n"])
    return with_levels(frame.assign(simulated=True, origin="simulated"))


def monitor_alerts() -> list[Alert]:
    rules = load_rules()
    frame = monitor_frame()
    alerts: list[Alert] = []
    for month in ("2023-10", "2023-11", "2023-12"):
        # the same rule on the same division three months running: one row, three months
        alerts += growth_below(frame, rules.rule("industry-growth-negative"), month)
    alerts += below_country(frame, rules.rule("province-behind-country"), "2023-12")
    alerts += loss_share_rising(frame, rules.rule("loss-share-rising"), "2023-12")
    alerts.append(Alert(
        rule_id="anomaly:series", kind="anomaly", severity="low", period="2023-12",
        title_en="Manufacture of chemicals: va_yoy 3.0% in 2023-12 is unusually high "
                 "(robust z 4.4)",
        title_zh="全国化学原料和化学制品制造业2023-12增速3.0%异常偏高（稳健z值4.4）",
        evidence={"value": 3.0, "score": 4.4, "threshold": 4.0, "z_history": 4.4,
                  "history_median": 0.5, "history_scale": 0.6, "history_n": 20,
                  "z_peers": 1.0, "n": 120, "comparison": "robust z-score"},
        indicator="va_yoy", industry="26", simulated=True))
    return alerts


def build_signals_store(path: Path) -> None:
    with Store.open(path) as store:
        store.record(published_figures(), RELEASE)
        # a second source stating the 2023 growth differently: a "sources differ" badge
        store.record([NewObservation("va_ytd_yoy", "2023-12", 4.4, "percent")], OTHER)
        store.record_frame(simulated_figures(), PANEL)
        for alert in monitor_alerts():
            save_alerts(store, [alert])


@pytest.fixture(scope="module")
def signals_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    db = tmp_path_factory.mktemp("signals") / "signals.duckdb"
    build_signals_store(db)
    tokens = add_people(db)
    url, running = start(db, WebConfig(public=True))
    yield Site(url, tokens, db)
    stop(running)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed at /usr/bin/chromium (apt-get install chromium)")
    with api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield launched
        launched.close()


def new_page(browser: object, site: Site, viewport: dict[str, int] = DESKTOP) -> object:
    context = browser.new_context(viewport=viewport)  # type: ignore[attr-defined]
    page = context.new_page()
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text)
            if "Content Security Policy" in m.text else None)
    page.refused = refused
    return page


def shot(page: object, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.evaluate("document.fonts.load('16px \"indmon CJK\"', '中文')")  # type: ignore[attr-defined]
    page.evaluate("document.fonts.ready.then(() => true)")  # type: ignore[attr-defined]
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)  # type: ignore[attr-defined]
    return path
