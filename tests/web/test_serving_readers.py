"""Read commands beside a running ``indmon serve`` on the same store file.

The server is a real ``indmon serve`` process and the commands real ``indmon``
processes: DuckDB's file lock is between processes, so nothing less would test it. The
server keeps the file open read-only and opens it for writing only while it writes, so
``query``, ``export``, ``check``, ``report`` and ``users list`` read beside it, and its
writes wait for them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import httpx
import pytest

from indmon.store import NewObservation, Source, Store
from indmon.web import auth
from indmon.web.app import Backend, WebConfig

from .servers import add_people, free_port

NOTE = Source("note-2024-02-15", publisher="A test ministry", title="A note",
              published="2024-02-15")
LOCKED = ("Conflicting lock", "Could not set lock", "lock on file")
RELEASE = ("Industry in 2023: a note written for the indmon tests\n\n"
           "In 2023, the value added of the test region's industrial enterprises above "
           "designated size grew by 4.6 percent year on year.\n")


@dataclass
class Served:
    url: str
    db: Path
    tokens: dict[str, str]
    process: subprocess.Popen[bytes]

    def client(self, role: str = "admin") -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=90,
                            headers={"Authorization": f"Bearer {self.tokens[role]}"})

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


def indmon(db: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """One command, as a user runs it, in its own process."""
    return subprocess.run(
        [sys.executable, "-c", "from indmon.cli import main; main()", "--db", str(db), *args],
        capture_output=True, text=True, check=False, timeout=300, cwd=cwd,
        env={**os.environ, "COLUMNS": "200"})


def serve(db: Path) -> Served:
    tokens = add_people(db)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", "from indmon.cli import main; main()", "--db", str(db),
         "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    served = Served(f"http://127.0.0.1:{port}", db, tokens, process)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert process.poll() is None, "indmon serve stopped on its own"
        try:
            with served.client() as client:
                if client.get("/api/observations", params={"limit": 1}).status_code == 200:
                    return served
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    served.stop()
    raise AssertionError("indmon serve did not answer")


@pytest.fixture(scope="module")
def served(seeded: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    db = tmp_path_factory.mktemp("serving") / "served.duckdb"
    shutil.copy(seeded, db)
    running = serve(db)
    yield running
    running.stop()


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert not any(text in result.stderr for text in LOCKED), result.stderr
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_query_export_check_and_users_list_read_while_serving(
        served: Served, tmp_path: Path) -> None:
    rows = ok(indmon(served.db, "query", "va_ytd_yoy", "--period", "2023-12", "-o", "csv"))
    assert "va_ytd_yoy,2023-12" in rows and "4.6" in rows
    exported = tmp_path / "indicators.csv"
    assert "figures written" in ok(indmon(served.db, "export", "indicators", "--out",
                                          str(exported)))
    assert exported.read_text("utf-8").startswith("indicator,period,industry,province")
    assert "compute-test" in ok(indmon(served.db, "provenance", "1"))
    assert "State Council Information Office" in ok(indmon(served.db, "sources", "-o", "csv"))
    draft = tmp_path / "draft.txt"
    draft.write_text("A draft written for the indmon tests\n\nThe country had 3.38 million "
                     "5G base stations at the end of 2023.\n", "utf-8")
    checked = indmon(served.db, "check", str(draft), "--published", "2024-01-25")
    assert not any(text in checked.stderr for text in LOCKED), checked.stderr
    assert "Check of draft.txt" in checked.stdout, checked.stderr
    assert "ana" in ok(indmon(served.db, "users", "list", "-o", "csv"))


def test_report_reads_while_serving(served: Served, tmp_path: Path) -> None:
    out = tmp_path / "card.md"
    result = indmon(served.db, "report", "--period", "2024-03", "--format", "md",
                    "--out", str(out))
    assert not any(text in result.stderr for text in LOCKED), result.stderr
    if result.returncode != 0:  # the briefing itself is another part's to fix
        pytest.xfail(f"indmon report failed for another reason: {result.stderr[-300:]}")
    assert out.exists()


def test_an_api_write_waits_for_a_command_reading_the_file(served: Served) -> None:
    reader = duckdb.connect(str(served.db), read_only=True)  # as a CLI command holds it
    answer: dict[str, httpx.Response] = {}

    def add_user() -> None:
        with served.client() as client:
            answer["user"] = client.post("/api/users", json={"name": "waiter",
                                                             "role": "analyst"})

    writing = threading.Thread(target=add_user)
    writing.start()
    time.sleep(1.5)
    assert writing.is_alive(), "the write did not wait for the reader"
    reader.close()
    writing.join(timeout=60)
    assert answer["user"].status_code == 201, answer["user"].text
    assert "waiter" in ok(indmon(served.db, "users", "list", "-o", "csv"))
    with served.client() as client:  # and the server reads again after its write
        assert client.get("/api/users").status_code == 200


def test_writes_among_reads_lose_nothing(seeded: Path, tmp_path: Path) -> None:
    db = tmp_path / "busy.duckdb"
    shutil.copy(seeded, db)
    running = serve(db)
    try:
        readers = [subprocess.Popen(
            [sys.executable, "-c", "from indmon.cli import main; main()", "--db", str(db),
             "query", "profit_ytd", "-o", "csv"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(3)]
        months = [f"2024-{m:02d}" for m in range(4, 10)]
        with running.client() as client:
            for month in months:
                sent = client.post("/api/reports", json={"records": [{
                    "enterprise_id": "E001", "period": month, "industry": "36",
                    "province": "110000", "output_value": 900.0, "value_added": 250.0,
                    "revenue": 950.0, "profit": 12.0, "employees": 31}]})
                assert sent.status_code == 200, sent.text
            uploaded = client.post(
                "/api/documents", files={"files": ("note.txt", RELEASE.encode())},
                data={"source_title": "Industry in 2023", "publisher": "A test ministry",
                      "published": "2024-01-25"})
            assert uploaded.status_code == 200, uploaded.text
        for process in readers:
            stdout, stderr = process.communicate(timeout=300)
            assert process.returncode == 0, stderr
            assert "profit_ytd" in stdout
        with running.client() as client:
            stored = client.get("/api/reports/enterprise/E001").json()
            assert set(months) <= {r["period"] for r in stored["items"]}
            stated = client.get("/api/observations", params={
                "indicator": "va_ytd_yoy", "period": "2023", "origin": "published"}).json()
        assert [i["value"] for i in stated["items"]] == [4.6]
        assert "va_ytd_yoy,2023,ALL,ALL,4.6" in ok(indmon(db, "query", "va_ytd_yoy",
                                                          "--period", "2023", "-o", "csv"))
    finally:
        running.stop()
    with Store.open(db) as store:  # the server is gone: everything is in the file
        assert [o.value for o in store.figures("va_ytd_yoy", period="2023")] == [4.6]
        assert "A test ministry" in set(store.sources()["publisher"])


# -- the app's lock between its reads and writes, in one process --------------------------
@pytest.fixture()
def backend(tmp_path: Path) -> Iterator[Backend]:
    db = tmp_path / "backend.duckdb"
    Store.open(db).close()
    opened = Backend(db, WebConfig(public=True))
    yield opened
    opened.close()


def in_thread(work: Callable[[], object]) -> threading.Thread:
    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    return thread


def write_once(backend: Backend, done: list[str]) -> Callable[[], None]:
    def write() -> None:
        with backend.writer() as store:
            store.record([NewObservation("va_yoy", "2024-01", 3.0, "percent")], NOTE)
        done.append("written")
    return write


def test_a_write_waits_for_the_reads_in_flight(backend: Backend) -> None:
    done: list[str] = []
    with backend.reading() as view:
        writing = in_thread(write_once(backend, done))
        time.sleep(0.3)
        assert not done and view.figures("va_yoy") == []  # the read still sees its store
    writing.join(timeout=30)
    assert done == ["written"]
    with backend.reading() as view:
        assert [o.value for o in view.figures("va_yoy")] == [3.0]


def test_a_second_read_of_one_request_does_not_queue_behind_a_waiting_write(
        backend: Backend) -> None:
    done: list[str] = []
    seen: list[object] = []

    def second_read() -> None:
        with backend.reading() as nested:
            seen.append(nested.figures("va_yoy"))

    with backend.reading():
        writing = in_thread(write_once(backend, done))
        time.sleep(0.2)  # the write now waits for the first read
        nested = in_thread(second_read)
        nested.join(timeout=10)  # waiting for the write would wait forever
        assert not nested.is_alive() and seen == [[]]
    writing.join(timeout=30)
    assert done == ["written"]


def test_a_view_from_reader_holds_its_lease_until_closed(backend: Backend) -> None:
    done: list[str] = []
    view = backend.reader()
    writing = in_thread(write_once(backend, done))
    time.sleep(0.3)
    assert not done
    view.close()
    writing.join(timeout=30)
    assert done == ["written"]


def test_a_token_looked_up_across_a_write_is_not_kept(backend: Backend) -> None:
    user = auth.User("li", "analyst")

    def lookup_during_a_revoking_write() -> auth.User:
        with backend.writer(observations=False):
            pass  # e.g. the token is revoked while the lookup runs
        return user

    assert backend.user("hash", lookup_during_a_revoking_write) is user
    assert backend.known_user("hash") is None
    assert backend.user("hash", lambda: user) is user
    assert backend.known_user("hash") is user


def test_a_memory_store_reads_and_writes_on_one_connection() -> None:
    memory = Backend(":memory:", WebConfig(public=True))
    done: list[str] = []
    write_once(memory, done)()
    assert [o.value for o in memory.current_observations().frame.itertuples()
            if o.indicator == "va_yoy"] == [3.0]
    memory.close()
