"""Load on the HTTP API: many concurrent clients querying observations and submitting reports.

    python benchmarks/load.py [--enterprises 483000] [--clients 50] [--seconds 10] [--runs 3]

Builds (once, cached in benchmarks/out/) a store holding the simulated demo panel and
its computed indicators, starts ``indmon serve`` on a loopback port against a copy of
it, and drives it with httpx async clients. Prints throughput, latency percentiles
(p50/p95/p99, medians over the runs) and error counts for each scenario, next to a
reference measured in the same run: the catalogue endpoint, which touches no store.
Target: p99 under 100 ms for observation queries at 50 concurrent clients, no errors.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

OUT = Path(__file__).parent / "out"
START, END = "2022-01", "2023-12"


@dataclass
class Outcome:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies)
        if not ordered:
            return float("nan")
        return ordered[min(len(ordered) - 1, int(q / 100 * len(ordered)))] * 1000


def build_store(path: Path, enterprises: int) -> None:
    """The demo panel at this scale, imported and computed (the slow part, cached)."""
    from indmon.store import Store

    started = time.perf_counter()
    with Store.open(path) as store:
        try:
            _demo_pipeline(store, path.parent / f"panel-{enterprises}", enterprises)
        except ImportError as exc:
            print(f"  demo pipeline unavailable ({exc}); recording a synthetic computed panel")
            _synthetic(store)
    print(f"  built {path.name} in {time.perf_counter() - started:.0f} s")


def _demo_pipeline(store: object, folder: Path, enterprises: int) -> None:
    from indmon.compute import run_compute
    from indmon.demo.panel import generate_panel
    from indmon.intake import import_prices, import_reports

    panel = generate_panel(folder, enterprises=enterprises, start=START, end=END, seed=7)
    import_reports(store, panel.reports, simulated=True, submitted_by="benchmark")
    import_prices(store, [panel.prices], submitted_by="benchmark")
    run_compute(store, engine="duckdb")


def _synthetic(store: object) -> None:
    """Same shape as the computed indicators: 12 indicators x 24 months x every cell."""
    import numpy as np
    import pandas as pd

    from indmon.catalogue import Catalogue
    from indmon.store import Source

    catalogue = Catalogue.load()
    cells = [("ALL", "ALL")] + [(c, "ALL") for c in [*catalogue.industries, "B", "C", "D"]]
    cells += [("ALL", p) for p in catalogue.provinces]
    months = [f"{y}-{m:02d}" for y in (2022, 2023) for m in range(2, 13)]
    computed = [i for i in catalogue.indicators.values() if i.derivation == "computed"]
    rng = np.random.default_rng(7)
    rows = [(i.id, m, ind, prov, float(rng.normal(5, 3)), i.unit)
            for i in computed for m in months for ind, prov in cells]
    frame = pd.DataFrame(rows, columns=["indicator", "period", "industry", "province", "value",
                                        "unit"])
    store.record_frame(frame, Source("benchmark-synthetic", kind="computation",  # type: ignore[attr-defined]
                                     publisher="indmon", title="Synthetic benchmark panel",
                                     published="2024-01-31", simulated=True))


def prepare(enterprises: int) -> tuple[Path, str]:
    """A fresh working copy of the cached store with an admin token for submissions."""
    from indmon.store import Store
    from indmon.web import auth

    OUT.mkdir(exist_ok=True)
    cached = OUT / f"load-{enterprises}.duckdb"
    if not cached.exists():
        build_store(cached, enterprises)
    work = OUT / "load-run.duckdb"
    shutil.copy(cached, work)
    with Store.open(work) as store:
        auth.add_user(store, "bench", "admin", actor="benchmark")
        token = auth.issue_token(store, "bench", actor="benchmark")[1]
    return work, token


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    code = ("from indmon.web.app import serve, WebConfig; import sys; "
            "serve(sys.argv[1], '127.0.0.1', int(sys.argv[2]), config=WebConfig(public=True))")
    process = subprocess.Popen([sys.executable, "-c", code, str(db), str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/industries", timeout=2).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("the server did not start")


Request = Callable[[httpx.AsyncClient, random.Random], Awaitable[httpx.Response]]


async def drive(base: str, make: Request, clients: int, seconds: float, token: str
                ) -> Outcome:
    outcome = Outcome()
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30,
                                 headers=headers) as client:
        async def worker(seed: int) -> None:
            rng = random.Random(seed)
            while time.perf_counter() < deadline:
                began = time.perf_counter()
                try:
                    response = await make(client, rng)
                    ok = response.status_code < 400
                except httpx.HTTPError:
                    ok = False
                outcome.latencies.append(time.perf_counter() - began)
                outcome.errors += 0 if ok else 1

        began = time.perf_counter()
        await asyncio.gather(*(worker(i) for i in range(clients)))
        outcome.seconds = time.perf_counter() - began
    return outcome


def scenarios(base: str) -> dict[str, Request]:
    catalogue = httpx.get(f"{base}/api/indicators").json()
    present = httpx.get(f"{base}/api/observations", params={"limit": 1000}).json()["items"]
    indicators = sorted({row["indicator"] for row in present}) or [catalogue[0]["id"]]
    periods = sorted({row["period"] for row in present}) or [END]
    provinces = [p["code"] for p in httpx.get(f"{base}/api/provinces").json()]
    counter = iter(range(10**9))

    def reference(client: httpx.AsyncClient, rng: random.Random) -> Awaitable[httpx.Response]:
        return client.get("/api/indicators/" + rng.choice(indicators))

    def observations(client: httpx.AsyncClient, rng: random.Random
                     ) -> Awaitable[httpx.Response]:
        params = {"indicator": rng.choice(indicators), "period": rng.choice(periods),
                  "limit": "100"}
        params["industry" if rng.random() < 0.5 else "province"] = "ALL"
        return client.get("/api/observations", params=params)

    def one_series(client: httpx.AsyncClient, rng: random.Random) -> Awaitable[httpx.Response]:
        return client.get("/api/observations", params={
            "indicator": rng.choice(indicators), "industry": "ALL",
            "province": rng.choice(provinces)})

    def submissions(client: httpx.AsyncClient, rng: random.Random) -> Awaitable[httpx.Response]:
        batch = next(counter)
        records = [{
            "enterprise_id": f"BENCH{batch:07d}{i:02d}", "period": "2024-01", "industry": "36",
            "province": rng.choice(provinces), "output_value": 1000.0, "value_added": 300.0,
            "revenue": 1100.0, "profit": 40.0, "employees": 25} for i in range(10)]
        return client.post("/api/reports", json={"records": records,
                                                 "source_name": f"bench-{batch}"})

    return {"reference: catalogue lookup": reference,
            "observations: indicator x period": observations,
            "observations: one province series": one_series,
            "report submissions (10 records)": submissions}


def summarise(name: str, runs: list[Outcome], reference_p50: float | None) -> None:
    def median(values: list[float]) -> float:
        return statistics.median(values)

    throughput = median([len(r.latencies) / r.seconds for r in runs])
    p50, p95, p99 = (median([r.percentile(q) for r in runs]) for q in (50, 95, 99))
    errors = sum(r.errors for r in runs)
    ratio = f"  p50 x{p50 / reference_p50:.1f} of reference" if reference_p50 else ""
    print(f"{name:38s} {throughput:8.0f} req/s  p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  "
          f"p99 {p99:6.1f} ms  errors {errors}{ratio}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--enterprises", type=int, default=483_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()

    db, token = prepare(args.enterprises)
    server = start_server(db, args.port)
    base = f"http://127.0.0.1:{args.port}"
    try:
        total = httpx.get(f"{base}/api/observations", params={"limit": 1}).json()["total"]
        print(f"store {db.name}: {total:,} current observations, {args.enterprises:,} "
              f"enterprises; {args.clients} concurrent clients, {args.runs} x {args.seconds:g} s"
              " per scenario (medians over runs)")
        reference_p50 = None
        for name, make in scenarios(base).items():
            runs = [asyncio.run(drive(base, make, args.clients, args.seconds, token))
                    for _ in range(args.runs)]
            summarise(name, runs, reference_p50)
            if reference_p50 is None:
                reference_p50 = statistics.median(r.percentile(50) for r in runs)
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
