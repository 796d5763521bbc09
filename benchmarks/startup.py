"""How long ``indmon`` takes to answer: every help page, and a query on the demo store.

Every figure is the median of ``--runs`` fresh processes of the installed ``indmon``
command (the console script beside this Python, not a shim in front of it), measured in
rounds: each round runs every measurement once, so that a load drifting on the shared
machine weighs on all of them alike. Measured in the same rounds, as references:
``python -c pass`` (the interpreter's own start-up) and ``python -c "import duckdb"``
(the one library a query cannot do without).

- ``indmon --help`` and ``indmon COMMAND --help`` for every command and group (target
  under 0.3 s each), with the peak RSS of ``indmon --help``;
- ``indmon --db <demo store> query <indicator>``, printing its terminal table (200
  rows) to a pipe, so at rich's 80 columns, and with ``COLUMNS=160`` as a wide terminal
  has it (target under 0.6 s).

The demo store is built once by ``indmon demo --no-serve`` (the bundled published
figures and a SIMULATED panel of ``--enterprises`` enterprises, computed and monitored)
and cached as ``benchmarks/out/startup-demo-<N>.duckdb``.

    python benchmarks/startup.py                       # about 2 minutes, plus the demo once
    python benchmarks/startup.py --runs 5 --indicator va_yoy
    python benchmarks/startup.py --pythonpath /tmp/old/src   # another tree, e.g. an export
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import typer.main

from indmon.cli import app

OUT = Path(__file__).parent / "out"
#: seconds, from issue 12
HELP_TARGET = 0.3
QUERY_TARGET = 0.6
WIDE = 160


@dataclass
class Measure:
    """One command line, run once per round."""

    label: str
    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)
    target: float | None = None
    walls: list[float] = field(default_factory=list)

    def run(self, base_env: dict[str, str]) -> None:
        env = {**base_env, **self.env}
        start = time.perf_counter()
        child = subprocess.Popen(self.argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 env=env)
        _, err = child.communicate()
        self.walls.append(time.perf_counter() - start)
        if child.returncode != 0:
            raise SystemExit(f"{' '.join(self.argv)} failed ({child.returncode}):\n"
                             f"{err.decode(errors='replace')[-2000:]}")

    @property
    def median(self) -> float:
        return statistics.median(self.walls)


def peak_rss_mib(argv: list[str], env: dict[str, str]) -> float:
    """The peak resident memory of one run of ``argv``, in MiB (``ru_maxrss`` of the
    child, from ``wait4``)."""
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             env=env)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({child.returncode})")
    return usage.ru_maxrss / 1024


def command_paths() -> list[tuple[str, ...]]:
    """Every command and group of ``indmon``, as the words that name it."""
    def walk(command: object, path: tuple[str, ...]) -> list[tuple[str, ...]]:
        subcommands = getattr(command, "commands", None) or {}
        found = [path] if path else []
        for name in sorted(subcommands):
            found += walk(subcommands[name], (*path, name))
        return found

    return walk(typer.main.get_command(app), ())


def indmon_command() -> str:
    """The ``indmon`` console script of this Python (a version manager's shim in front
    of it would add its own start-up to every figure)."""
    beside = Path(sys.executable).with_name("indmon")
    if beside.exists():
        return str(beside)
    found = shutil.which("indmon")
    if found is None:
        raise SystemExit("no indmon command: pip install -e . first")
    return found


def demo_store(indmon: str, enterprises: int, env: dict[str, str]) -> Path:
    """The demo store, built once by ``indmon demo --no-serve`` and cached in out/."""
    store = OUT / f"startup-demo-{enterprises}.duckdb"
    if store.exists():
        return store
    OUT.mkdir(exist_ok=True)
    building = store.with_suffix(".building.duckdb")
    building.unlink(missing_ok=True)
    print(f"building the demo store {store} (SIMULATED panel of {enterprises:,} "
          "enterprises; once) ...", flush=True)
    start = time.perf_counter()
    subprocess.run([indmon, "--db", str(building), "demo", "--no-serve", "--enterprises",
                    str(enterprises), "--out", str(OUT / f"startup-demo-{enterprises}")],
                   check=True, env=env, stdout=subprocess.DEVNULL)
    building.rename(store)
    print(f"  built in {time.perf_counter() - start:.0f} s", flush=True)
    return store


def verdict(seconds: float, target: float) -> str:
    return f"target < {target} s: {'met' if seconds < target else 'NOT met'}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="fresh processes per figure")
    parser.add_argument("--enterprises", type=int, default=6000,
                        help="size of the demo's simulated panel")
    parser.add_argument("--indicator", default="va_ytd_yoy", help="the indicator queried")
    parser.add_argument("--pythonpath", type=Path, default=None,
                        help="run indmon from this source folder instead (PYTHONPATH)")
    args = parser.parse_args()

    indmon = indmon_command()
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "INDMON_DB")}
    if args.pythonpath is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(args.pythonpath.resolve()),
                                             *filter(None, [env.get("PYTHONPATH")])])
    store = demo_store(indmon, args.enterprises, env)

    python = sys.executable
    references = [Measure("python -c pass", [python, "-c", "pass"]),
                  Measure('python -c "import duckdb"', [python, "-c", "import duckdb"])]
    top_help = Measure("indmon --help", [indmon, "--help"], target=HELP_TARGET)
    pages = [Measure(f"indmon {' '.join(path)} --help", [indmon, *path, "--help"],
                     target=HELP_TARGET) for path in command_paths()]
    query_argv = [indmon, "--db", str(store), "query", args.indicator]
    queries = [
        Measure(f"indmon query {args.indicator} (to a pipe: 80 columns)", query_argv,
                target=QUERY_TARGET),
        Measure(f"indmon query {args.indicator} (COLUMNS={WIDE})", query_argv,
                env={"COLUMNS": str(WIDE)}, target=QUERY_TARGET),
    ]
    every = [*references, top_help, *pages, *queries]

    rows = subprocess.run([*query_argv, "-o", "csv"], capture_output=True, text=True,
                          check=True, env=env).stdout.count("\n") - 1
    load = os.getloadavg()[0]
    print(f"Start-up of {indmon}{f' from {args.pythonpath}' if args.pythonpath else ''}: "
          f"median of {args.runs} fresh processes, in interleaved rounds; "
          f"{os.cpu_count()} cores, load {load:.1f} at the start")
    print(f"  demo store {store.name} ({rows:,} figures of {args.indicator}; "
          "the panel is SIMULATED)")
    for _ in range(args.runs):
        for measure in every:
            measure.run(env)

    base = references[0].median

    def line(measure: Measure) -> str:
        text = (f"  {measure.label:<52} {measure.median:6.3f} s "
                f"{measure.median / base:5.1f}x pass")
        return text + (f"  ({verdict(measure.median, measure.target)})"
                       if measure.target is not None else "")

    print("references:")
    for measure in references:
        print(line(measure))
    print("help:")
    print(line(top_help) + f", peak RSS {peak_rss_mib(top_help.argv, env):.0f} MiB")
    slowest = max(pages, key=lambda m: m.median)
    met = sum(m.median < HELP_TARGET for m in pages)
    typical = statistics.median(m.median for m in pages)
    print(f"  indmon COMMAND --help, {len(pages)} pages: median {typical:.3f} s, slowest "
          f"{slowest.median:.3f} s ({slowest.label}); under {HELP_TARGET} s: {met} of "
          f"{len(pages)}")
    for measure in pages:
        print("  " + line(measure))
    print(f"query ({min(rows, 200)} of {rows:,} rows in the table):")
    for measure in queries:
        rss = peak_rss_mib(measure.argv, {**env, **measure.env})
        print(line(measure) + f", peak RSS {rss:.0f} MiB, "
              f"{measure.median / references[1].median:.1f}x import duckdb")


if __name__ == "__main__":
    main()
