"""A small store with published, computed (simulated) and conflicting figures, alerts,
enterprise reports and one user per role, and real uvicorn servers on loopback."""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import pandas as pd
import uvicorn

from indmon.intake.submit import submit_records
from indmon.monitor.alerts import Alert, save_alerts
from indmon.store import NewObservation, Source, Store
from indmon.web import auth
from indmon.web.app import WebConfig, create_app

MONTHS = [f"2023-{m:02d}" for m in range(2, 13)] + ["2024-02", "2024-03"]
DIVISIONS = ["13", "26", "36", "39", "44"]
PROVINCES = ["110000", "310000", "320000", "440000", "510000", "650000"]

RELEASE = Source(
    "scio-2024-01-19", kind="release", publisher="State Council Information Office",
    title="Press conference on industry and information technology in 2023",
    published="2024-01-19", lang="en",
)
OTHER_RELEASE = Source(
    "news-2024-01-20", kind="release", publisher="A news agency",
    title="Report on the 2023 industrial figures", published="2024-01-20", lang="en",
)
INSTITUTE = Source(
    "institute-2024-01-22", kind="release", publisher="An economic research institute",
    title="Notes on industry in 2023", published="2024-01-22", lang="en",
)
PANEL = Source(
    "compute-test", kind="computation", publisher="indmon", title="Computed from the test panel",
    published="2024-04-16", simulated=True,
    details={"method_version": "1", "engine": "duckdb", "inputs": "current_reports"},
)


@dataclass
class Site:
    """A running server and the tokens of its users."""

    url: str
    tokens: dict[str, str]
    db: Path

    def client(self, role: str | None = None) -> httpx.Client:
        headers = {"Authorization": f"Bearer {self.tokens[role]}"} if role else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=30)


def computed_frame() -> pd.DataFrame:
    rows = []
    for i, period in enumerate(MONTHS):
        for indicator, base in (("va_yoy", 4.0), ("va_ytd_yoy", 3.5)):
            rows.append((indicator, period, "ALL", "ALL", base + (i % 5) * 0.4, "percent"))
        rows.append(("profit_ytd", period, "ALL", "ALL", 6.1e12 + i * 1.5e11, "cny"))
        rows.append(("enterprises", period, "ALL", "ALL", 480_000 + i * 150, "count"))
    last = MONTHS[-1]
    for j, code in enumerate(DIVISIONS):
        rows.append(("va_ytd_yoy", last, code, "ALL", 8.0 - 3 * j, "percent"))
        rows.append(("va_yoy", last, code, "ALL", 7.0 - 2.5 * j, "percent"))
        rows.append(("va_contribution_pp", last, code, "ALL", 0.9 - 0.3 * j, "percentage_point"))
    for j, code in enumerate(PROVINCES):
        rows.append(("va_ytd_yoy", last, "ALL", code, 9.0 - 2.2 * j, "percent"))
    return pd.DataFrame(rows, columns=["indicator", "period", "industry", "province", "value",
                                       "unit"])


def build_store(path: Path) -> None:
    """Figures, conflicts, alerts, reports: what every page and endpoint has to show."""
    with Store.open(path) as store:
        store.record_frame(computed_frame(), PANEL)
        stated = NewObservation("va_ytd_yoy", "2023-12", 4.6, "percent", span=(120, 160),
                                mention="industrial value added grew 4.6% over 2023")
        store.record([stated], RELEASE)
        store.record([NewObservation("va_ytd_yoy", "2023-12", 4.6, "percent",
                                     mention="value added up 4.6 per cent in 2023")],
                     OTHER_RELEASE)
        # another publisher, another value for the same figure: a conflict, with its note
        store.record([NewObservation("va_ytd_yoy", "2023-12", 4.4, "percent",
                                     mention="value added rose 4.4%",
                                     note="counts only enterprises with a full year")],
                     INSTITUTE)
        _alerts(store)
        _reports(store)


def _alerts(store: Store) -> None:
    # saved one at a time, so they get ids 1, 2, 3 in this order
    evidence = {"value": 1.2, "threshold": 3.0, "previous": 5.1}
    for alert in (
        Alert("va_drop", "rule", "high", "2024-03", "Automobile value added slowed sharply",
              "汽车制造业增加值增速明显回落", evidence, indicator="va_yoy", industry="36",
              simulated=True),
        Alert("profit_loss", "rule", "medium", "2024-03", "Enterprise E001 reported a loss",
              "企业E001出现亏损", evidence, indicator="profit_ytd", province="110000",
              enterprise_id="E001", simulated=True),
        Alert("anomaly:zscore", "anomaly", "low", "2024-02", "Unusual growth in Guangdong",
              "广东增速异常", evidence, indicator="va_yoy", province="440000", simulated=True),
    ):
        save_alerts(store, [alert])


def _reports(store: Store) -> None:
    rows = [{"enterprise_id": enterprise, "period": "2024-03", "industry": "36",
             "province": province, "output_value": 100, "value_added": 30, "revenue": 110,
             "profit": 5, "employees": 50}
            for enterprise, province in (("E001", "110000"), ("E002", "440000"))]
    result = submit_records(store, rows, source_name="seed", submitted_by=None)
    assert result.accepted == 2, result


def add_people(path: Path) -> dict[str, str]:
    tokens: dict[str, str] = {}
    with Store.open(path) as store:
        for name, role, enterprise, provinces in (
            ("root", "admin", None, ()),
            ("ana", "analyst", None, ("110000",)),
            ("rep", "reporter", "E001", ()),
        ):
            auth.add_user(store, name, role, enterprise_id=enterprise, provinces=provinces)
            tokens[role] = auth.issue_token(store, name)[1]
    return tokens


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Running:
    server: uvicorn.Server
    thread: threading.Thread


def start(db: Path, config: WebConfig) -> tuple[str, Running]:
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db, config=config), host="127.0.0.1",
                                           port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    assert server.started, "the test server did not start"
    return f"http://127.0.0.1:{port}", Running(server, thread)


def stop(running: Running) -> None:
    running.server.should_exit = True
    running.thread.join(timeout=10)


