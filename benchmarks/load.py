"""Load on the HTTP API: many concurrent clients querying observations and submitting reports.

    python benchmarks/load.py [--enterprises 483000] [--clients 50] [--seconds 10] [--runs 3]
                              [--rate 10] [--submit-rate 0.1] [--client wrk|python]

Builds once, cached in benchmarks/out/, a store holding the simulated demo panel (36
months) imported and computed; starts the server (uvicorn, as ``indmon serve`` runs it) on
a loopback port against a working copy, and drives it with ``wrk`` (C, a few percent of
one core, so the load generator does not starve the server on a 2-core machine; Debian
package ``wrk``), or with httpx async clients when wrk is absent (``--client python``;
that client itself needs most of a core at these rates, so its latencies are pessimistic).

Each scenario runs twice, clearly labelled:
  closed  -- every client sends its next request as soon as the previous answer arrives:
             the server's maximum throughput; latency is then concurrency / throughput.
  paced   -- every client waits an exponential think time between requests (mean
             1/--rate s for readers, 1/--submit-rate s for reporters), the way people and
             scripts use an API; latency is what they see.
Scenarios: the catalogue endpoint (reference, touches no store), observation queries
(indicator x period, and one province's series), the dashboard's home page (the report
card, English and Chinese, as the public reads it), report submissions (reporter tokens
of distinct enterprises, JSON batches of their next months; per-row results checked),
and observation queries while submissions are running.
Prints throughput, latency p50/p95/p99 (medians over --runs), errors, and for the
measurements that have one the target beside the figure, met or not:
  observation queries  p99 < 100 ms at 50 concurrent clients, no errors
  home page            p99 < 200 ms at 50 concurrent clients, no errors
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import httpx

T = TypeVar("T")
OUT = Path(__file__).parent / "out"
START, END = "2021-01", "2023-12"
REPORTERS = 400
MONTHS_PER_BATCH = 3


# --- the store --------------------------------------------------------------------------

def build_store(path: Path, enterprises: int) -> None:
    """The demo panel at this scale, imported and computed (the slow part, cached)."""
    from indmon.compute import run_compute
    from indmon.demo.panel import generate_panel
    from indmon.intake import import_prices, import_reports
    from indmon.store import Store

    started = time.perf_counter()
    folder = path.parent / f"panel-{enterprises}"
    partial = path.with_suffix(".building")
    partial.unlink(missing_ok=True)
    with Store.open(partial) as store:
        panel = _timed("panel generated", lambda: generate_panel(
            folder, enterprises=enterprises, start=START, end=END, fmt="parquet"))
        _timed("reports imported", lambda: import_reports(
            store, panel.reports, simulated=True, submitted_by="benchmark"))
        _timed("prices imported", lambda: import_prices(
            store, [panel.prices], simulated=True, submitted_by="benchmark"))
        _timed("indicators computed", lambda: run_compute(store, engine="duckdb"))
    partial.rename(path)  # only a complete store is ever reused
    print(f"  built {path.name} in {time.perf_counter() - started:.0f} s", flush=True)


def _timed(what: str, step: Callable[[], T]) -> T:
    began = time.perf_counter()
    result = step()
    print(f"  {what} in {time.perf_counter() - began:.0f} s", flush=True)
    return result


@dataclass
class Fixture:
    """The working store, and who submits: reporters bound to distinct enterprises."""

    db: Path
    reporters: list[dict[str, Any]] = field(default_factory=list)


def prepare(enterprises: int) -> Fixture:
    """A fresh working copy of the cached store, with one reporter user and token for
    each of ``REPORTERS`` enterprises of the panel (their December 2023 report is the
    base their next months are made from)."""
    from indmon.store import Store
    from indmon.web import auth

    OUT.mkdir(exist_ok=True)
    cached = OUT / f"store-{enterprises}.duckdb"
    if not cached.exists():
        print(f"building {cached.name} (once; later runs reuse it)", flush=True)
        build_store(cached, enterprises)
    work = OUT / "load-run.duckdb"
    shutil.copy(cached, work)
    fixture = Fixture(work)
    with Store.open(work) as store:
        bases = store.query(
            f"""SELECT enterprise_id, industry, province, output_value, value_added, revenue,
                       profit, employees FROM current_reports WHERE period = '{END}'
                ORDER BY enterprise_id LIMIT {REPORTERS}""").to_dict("records")
        for number, base in enumerate(bases):
            name = f"bench-reporter-{number}"
            auth.add_user(store, name, "reporter", enterprise_id=base["enterprise_id"],
                          actor="benchmark")
            base["token"] = auth.issue_token(store, name, actor="benchmark")[1]
            fixture.reporters.append(base)
    return fixture


# --- the server -------------------------------------------------------------------------

def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    code = ("from indmon.web.app import serve, WebConfig; import sys; "
            "serve(sys.argv[1], '127.0.0.1', int(sys.argv[2]), config=WebConfig(public=True))")
    process = subprocess.Popen([sys.executable, "-c", code, str(db), str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(600):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/industries", timeout=2).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("the server did not start within 2 minutes")


@dataclass(frozen=True)
class Choices:
    """What the clients pick their queries from: what the store actually holds."""

    indicators: list[str]
    periods: list[str]
    provinces: list[str]


def choices(base: str) -> Choices:
    rows = httpx.get(f"{base}/api/observations",
                     params={"industry": "ALL", "province": "ALL", "limit": 5000},
                     timeout=300).json()["items"]
    provinces = [p["code"] for p in httpx.get(f"{base}/api/provinces").json()]
    return Choices(sorted({r["indicator"] for r in rows}),
                   sorted({r["period"] for r in rows}), provinces)


# --- measurements -----------------------------------------------------------------------

@dataclass
class Outcome:
    """One timed run of one scenario: latencies in ms, errors of every kind."""

    requests: int
    seconds: float
    p50: float
    p95: float
    p99: float
    errors: int
    rows_checked: int = 0
    rows_rejected: int = 0
    #: errors by kind (wrk: connect, read, write, status = HTTP 4xx/5xx, timeout)
    kinds: dict[str, int] = field(default_factory=dict)

    @property
    def throughput(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


@dataclass(frozen=True)
class Scenario:
    name: str
    kind: str            # catalogue | observations | series | submissions
    clients: int
    think_ms: float      # mean think time per client; 0 = closed loop


# --- wrk ---------------------------------------------------------------------------------

LUA_COMMON = r"""
local threads = {}
local thread_count = 0
function setup(thread)
  thread:set("thread_no", thread_count)
  thread_count = thread_count + 1
  table.insert(threads, thread)
end
function init(args)
  counter = 0; checked = 0; rejected = 0; unreadable = 0
  math.randomseed(thread_no * 7919 + os.time())
end
function delay()
  if think_ms <= 0 then return 0 end
  return math.floor(-think_ms * math.log(1 - math.random()))
end
local function pick(list) return list[math.random(#list)] end
local function total(name)
  local sum = 0
  for _, t in ipairs(threads) do sum = sum + (t:get(name) or 0) end
  return sum
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests":%d,"duration_us":%d,"p50":%d,"p95":%d,"p99":%d,' ..
    '"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"unreadable":%d,' ..
    '"rows_checked":%d,"rows_rejected":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), e.connect, e.read, e.write, e.status, e.timeout,
    total("unreadable"), total("checked"), total("rejected")))
end
"""

LUA_REQUESTS = {
    "catalogue": r"""
function request()
  return wrk.format("GET", "/api/indicators/" .. pick(indicators))
end
""",
    "observations": r"""
function request()
  local cell = math.random() < 0.5 and "&industry=ALL" or "&province=ALL"
  return wrk.format("GET", "/api/observations?limit=100&indicator=" .. pick(indicators) ..
                    "&period=" .. pick(periods) .. cell)
end
""",
    "home": r"""
local langs = {"en", "zh"}
function request()
  return wrk.format("GET", "/?lang=" .. pick(langs))
end
""",
    "series": r"""
function request()
  return wrk.format("GET", "/api/observations?industry=ALL&indicator=" ..
                    pick(indicators) .. "&province=" .. pick(provinces))
end
""",
    "submissions": r"""
local function month(index)
  return string.format("%04d-%02d", 2024 + math.floor(index / 12), index % 12 + 1)
end
function request()
  -- every request a new (reporter, months) pair: distinct enterprises, no revisions
  local k = counter * thread_total + thread_no + first_request
  counter = counter + 1
  local slot = k % #reporters + 1
  local round = math.floor(k / #reporters)
  local r = reporters[slot]
  local records = {}
  for m = 0, months_per_batch - 1 do
    local f = 1 + 0.01 * math.random()
    records[#records + 1] = string.format(
      '{"enterprise_id":"%s","period":"%s","industry":"%s","province":"%s",' ..
      '"output_value":%.2f,"value_added":%.2f,"revenue":%.2f,"profit":%.2f,"employees":%d}',
      r.id, month(round * months_per_batch + m), r.industry, r.province,
      r.output * f, r.added * f, r.revenue * f, r.profit * f, r.employees)
  end
  local body = '{"source_name":"bench-' .. k .. '","records":[' ..
               table.concat(records, ",") .. ']}'
  -- one connection per submission, as a reporter's client opens it: an idle keep-alive
  -- connection would be closed by the server after 5 s and counted as a client error
  return wrk.format("POST", "/api/reports", {["Authorization"] = "Bearer " .. r.token,
                    ["Content-Type"] = "application/json", ["Connection"] = "close"}, body)
end
function response(status, headers, body)
  if status ~= 200 then return end
  local accepted = tonumber(string.match(body, '"accepted":%s*(%d+)'))
  local refused = tonumber(string.match(body, '"rejected":%s*(%d+)'))
  if accepted == nil or refused == nil then unreadable = unreadable + 1; return end
  checked = checked + accepted + refused
  rejected = rejected + refused
end
""",
}


def lua_script(scenario: Scenario, data: Choices, fixture: Fixture, threads: int,
               first_request: int) -> str:
    def strings(values: list[str]) -> str:
        return "{" + ",".join(json.dumps(v) for v in values) + "}"

    reporters = ",".join(_lua_reporter(r) for r in fixture.reporters)
    head = (f"indicators = {strings(data.indicators)}\nperiods = {strings(data.periods)}\n"
            f"provinces = {strings(data.provinces)}\nreporters = {{{reporters}}}\n"
            f"think_ms = {scenario.think_ms}\nthread_total = {threads}\n"
            f"first_request = {first_request}\nmonths_per_batch = {MONTHS_PER_BATCH}\n")
    return head + LUA_COMMON + LUA_REQUESTS[scenario.kind]


def _lua_reporter(reporter: dict[str, Any]) -> str:
    """One reporter as a Lua table: its enterprise, its December base figures, its token."""
    text = {k: json.dumps(str(reporter[k])) for k in ("enterprise_id", "industry", "province",
                                                      "token")}
    return (f"{{id={text['enterprise_id']},industry={text['industry']},"
            f"province={text['province']},output={float(reporter['output_value'])!r},"
            f"added={float(reporter['value_added'])!r},revenue={float(reporter['revenue'])!r},"
            f"profit={float(reporter['profit'])!r},employees={int(reporter['employees'])},"
            f"token={text['token']}}}")


class WrkClient:
    """Runs wrk for each scenario; submissions continue numbering across runs so no
    (enterprise, month) is ever submitted twice."""

    def __init__(self, base: str, data: Choices, fixture: Fixture) -> None:
        self.base, self.data, self.fixture = base, data, fixture
        self.submitted = 0
        self.folder = Path(tempfile.mkdtemp(prefix="indmon-load-"))

    def start(self, scenario: Scenario, seconds: float) -> subprocess.Popen[str]:
        threads = min(2, scenario.clients)
        script = self.folder / f"{scenario.kind}.lua"
        script.write_text(lua_script(scenario, self.data, self.fixture, threads,
                                     self.submitted))
        if scenario.kind == "submissions":
            self.submitted += 10**6  # more than any run can send
        return subprocess.Popen(
            ["wrk", f"-t{threads}", f"-c{scenario.clients}", f"-d{seconds:g}s",
             "--timeout", "30s", "-s", str(script), self.base],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    @staticmethod
    def finish(process: subprocess.Popen[str]) -> Outcome:
        output, _ = process.communicate()
        line = next((x for x in output.splitlines() if x.startswith("RESULT ")), None)
        if line is None:
            raise SystemExit(f"wrk failed:\n{output}")
        raw = json.loads(line.removeprefix("RESULT "))
        kinds = {k: raw[k] for k in ("connect", "read", "write", "status", "timeout",
                                     "unreadable") if raw[k]}
        return Outcome(raw["requests"], raw["duration_us"] / 1e6, raw["p50"] / 1000,
                       raw["p95"] / 1000, raw["p99"] / 1000,
                       sum(kinds.values()) + raw["rows_rejected"], raw["rows_checked"],
                       raw["rows_rejected"], kinds)

    def run(self, scenarios: list[Scenario], seconds: float) -> list[Outcome]:
        """The scenarios at the same time (one alone is the usual case)."""
        started = [self.start(s, seconds) for s in scenarios]
        return [self.finish(p) for p in started]


# --- the Python fallback -----------------------------------------------------------------

class PythonClient:
    """httpx async clients with the same scenarios, for machines without wrk."""

    def __init__(self, base: str, data: Choices, fixture: Fixture) -> None:
        self.base, self.data, self.fixture = base, data, fixture
        self.submitted = 0

    def run(self, scenarios: list[Scenario], seconds: float) -> list[Outcome]:
        async def together() -> list[Outcome]:
            return list(await asyncio.gather(*(self.drive(s, seconds) for s in scenarios)))

        return asyncio.run(together())

    async def drive(self, scenario: Scenario, seconds: float) -> Outcome:
        latencies: list[float] = []
        errors = [0, 0, 0]  # failed requests, rows checked, rows rejected
        deadline = time.perf_counter() + seconds
        limits = httpx.Limits(max_connections=scenario.clients)
        async with httpx.AsyncClient(base_url=self.base, limits=limits, timeout=30) as client:
            async def one_client(seed: int) -> None:
                rng = random.Random(seed)
                while time.perf_counter() < deadline:
                    if scenario.think_ms:
                        await asyncio.sleep(rng.expovariate(1000 / scenario.think_ms))
                    began = time.perf_counter()
                    ok = await self.send(client, scenario.kind, rng, errors)
                    latencies.append(time.perf_counter() - began)
                    errors[0] += 0 if ok else 1

            began = time.perf_counter()
            await asyncio.gather(*(one_client(i) for i in range(scenario.clients)))
            elapsed = time.perf_counter() - began
        return _outcome(latencies, elapsed, errors)

    async def send(self, client: httpx.AsyncClient, kind: str, rng: random.Random,
                   counts: list[int]) -> bool:
        try:
            response = await client.send(self.request(client, kind, rng))
        except httpx.HTTPError:
            return False
        if response.status_code >= 400:
            return False
        if kind == "submissions":
            result = response.json()["result"]
            counts[1] += result["accepted"] + result["rejected"]
            counts[2] += result["rejected"]
            return bool(result["rejected"] == 0)
        return True

    def request(self, client: httpx.AsyncClient, kind: str, rng: random.Random
                ) -> httpx.Request:
        data = self.data
        if kind == "catalogue":
            return client.build_request("GET", "/api/indicators/" + rng.choice(data.indicators))
        if kind == "observations":
            cell = "industry" if rng.random() < 0.5 else "province"
            return client.build_request("GET", "/api/observations", params={
                "indicator": rng.choice(data.indicators), "period": rng.choice(data.periods),
                "limit": 100, cell: "ALL"})
        if kind == "home":
            return client.build_request("GET", "/", params={"lang": rng.choice(("en", "zh"))})
        if kind == "series":
            return client.build_request("GET", "/api/observations", params={
                "indicator": rng.choice(data.indicators), "industry": "ALL",
                "province": rng.choice(data.provinces)})
        return self.submission(client, rng)

    def submission(self, client: httpx.AsyncClient, rng: random.Random) -> httpx.Request:
        k = self.submitted
        self.submitted += 1
        reporter = self.fixture.reporters[k % len(self.fixture.reporters)]
        first = (k // len(self.fixture.reporters)) * MONTHS_PER_BATCH
        records = [{
            "enterprise_id": reporter["enterprise_id"], "period": _month(first + m),
            "industry": reporter["industry"], "province": reporter["province"],
            **{f: round(reporter[f] * (1 + 0.01 * rng.random()), 2)
               for f in ("output_value", "value_added", "revenue", "profit")},
            "employees": int(reporter["employees"])} for m in range(MONTHS_PER_BATCH)]
        return client.build_request(
            "POST", "/api/reports", json={"records": records, "source_name": f"bench-py-{k}"},
            headers={"Authorization": f"Bearer {reporter['token']}"})


def _month(index: int) -> str:
    return f"{2024 + index // 12:04d}-{index % 12 + 1:02d}"


def _outcome(latencies: list[float], seconds: float, counts: list[int]) -> Outcome:
    ordered = sorted(latencies) or [math.nan]

    def percentile(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(q / 100 * len(ordered)))] * 1000

    return Outcome(len(latencies), seconds, percentile(50), percentile(95), percentile(99),
                   counts[0], counts[1], counts[2])


# --- the report ---------------------------------------------------------------------------

def plan(clients: int, rate: float, submit_rate: float) -> list[tuple[str, list[Scenario]]]:
    """Named measurements; each is one or more scenarios running at the same time.

    Closed: all clients flat out; the mixed one adds a tenth as many submitters, also flat
    out. Paced: readers at ``rate`` and reporters at ``submit_rate`` requests per second each.
    """
    closed = {"read": 0.0, "write": 0.0, "writers": max(1, clients // 10)}
    paced = {"read": 1000 / rate, "write": 1000 / submit_rate, "writers": clients}
    rows: list[tuple[str, list[Scenario]]] = []
    for mode, pause in (("closed", closed), ("paced", paced)):
        read, write, writers = pause["read"], pause["write"], int(pause["writers"])
        rows += [
            (f"{mode}: catalogue lookup (reference)",
             [Scenario("catalogue", "catalogue", clients, read)]),
            (f"{mode}: observations indicator x period",
             [Scenario("observations", "observations", clients, read)]),
            (f"{mode}: observations province series",
             [Scenario("series", "series", clients, read)]),
            (f"{mode}: dashboard home page",
             [Scenario("home", "home", clients, read)]),
            (f"{mode}: report submissions",
             [Scenario("submissions", "submissions", clients, write)]),
            (f"{mode}: observations while {writers} submit",
             [Scenario("observations", "observations", clients, read),
              Scenario("submissions", "submissions", writers, write)]),
            # every submission is a write, which empties the page cache: the page is
            # rendered again after each (once, however many readers miss it)
            (f"{mode}: dashboard home page while {writers} submit",
             [Scenario("home", "home", clients, read),
              Scenario("submissions", "submissions", writers, write)]),
        ]
    return rows


def summarise(name: str, scenario: Scenario, runs: list[Outcome]) -> None:
    def median(values: list[float]) -> float:
        return statistics.median(values)

    rows = ""
    if scenario.kind == "submissions":
        checked = sum(r.rows_checked for r in runs)
        rows = f"  rows {checked:,} checked, {sum(r.rows_rejected for r in runs)} rejected"
    kinds: dict[str, int] = {}
    for run in runs:
        for kind, count in run.kinds.items():
            kinds[kind] = kinds.get(kind, 0) + count
    if kinds:
        rows += " (" + ", ".join(f"{k} {n}" for k, n in kinds.items()) + ")"
    label = name if scenario.kind != "submissions" or "while" not in name else "  ...submissions"
    p99 = median([r.p99 for r in runs])
    errors = sum(r.errors for r in runs)
    print(f"{label:44s} {scenario.clients:3d} {median([r.throughput for r in runs]):7.0f} req/s"
          f"  p50 {median([r.p50 for r in runs]):7.1f}  p95 {median([r.p95 for r in runs]):7.1f}"
          f"  p99 {p99:7.1f} ms  errors {errors}{rows}"
          f"{_target(scenario, p99, errors, min(r.requests for r in runs))}",
          flush=True)


#: p99 latency targets (ms) at TARGET_CLIENTS concurrent clients, by scenario kind
P99_TARGETS = {"observations": 100.0, "series": 100.0, "home": 200.0}
TARGET_CLIENTS = 50


def _target(scenario: Scenario, p99: float, errors: int, requests: int) -> str:
    """The target beside the figure, met or not (a run that completed no request did
    not meet it)."""
    target = P99_TARGETS.get(scenario.kind)
    if target is None or scenario.clients != TARGET_CLIENTS:
        return ""
    met = p99 < target and errors == 0 and requests > 0
    return f"  [target p99 < {target:.0f} ms, no errors: {'met' if met else 'NOT MET'}]"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--enterprises", type=int, default=483_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10.0, help="per scenario and run")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rate", type=float, default=10.0,
                        help="paced runs: requests per second per client")
    parser.add_argument("--submit-rate", type=float, default=0.1,
                        help="paced runs: report submissions per second per reporter")
    parser.add_argument("--client", choices=("wrk", "python"),
                        default="wrk" if shutil.which("wrk") else "python")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--only", default="", help="run only measurements whose name has this")
    args = parser.parse_args()

    fixture = prepare(args.enterprises)
    server = start_server(fixture.db, args.port)
    base = f"http://127.0.0.1:{args.port}"
    try:
        data = choices(base)
        total = httpx.get(f"{base}/api/observations", params={"limit": 1}).json()["total"]
        client = (WrkClient if args.client == "wrk" else PythonClient)(base, data, fixture)
        print(f"store {fixture.db.name}: {total:,} current observations from "
              f"{args.enterprises:,} simulated enterprises; client {args.client}; "
              f"{args.runs} x {args.seconds:g} s per measurement, medians over runs; "
              f"paced = mean think time {1000 / args.rate:.0f} ms per reader, "
              f"{1 / args.submit_rate:.0f} s per reporter; "
              f"submissions = {MONTHS_PER_BATCH} months of one enterprise per request")
        print(f"{'measurement':44s} {'cl':>3s} {'throughput':>13s}")
        for name, scenarios in plan(args.clients, args.rate, args.submit_rate):
            if args.only not in name:
                continue
            runs = [client.run(scenarios, args.seconds) for _ in range(args.runs)]
            for index, scenario in enumerate(scenarios):
                summarise(name, scenario, [run[index] for run in runs])
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
