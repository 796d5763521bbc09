"""Merging new look-ups into a shipped history (scripts/history/build.py --merge): the
shipped copies and release dates are read back and judged again with the new ones.

The look-ups below are invented text in the releases' wording, not copies of real pages."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from indmon.reconcile.history import build_history, read_shipped

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("history_build",
                                                  ROOT / "scripts" / "history" / "build.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def lookup(folder: Path, name: str, *copies: tuple[str, str, str]) -> None:
    """One saved look-up: (address, @ line fields, text) per copy."""
    folder.mkdir(parents=True, exist_ok=True)
    blocks = [f"=== {url}\n@ {meta}\n{text}\n" for url, meta, text in copies]
    (folder / f"{name}.txt").write_text("Q: invented\n" + "".join(blocks), encoding="utf-8")


def rows(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def build(builder: ModuleType, pages: Path, out: Path, merge: bool) -> None:
    shipped = read_shipped(out) if merge else None
    builder.write(build_history(pages, shipped), out, pages)


MARCH = "period=2019-03 year=text published=2019-04-17"


def test_a_merge_keeps_what_is_shipped_and_adds_the_new(builder: ModuleType,
                                                        tmp_path: Path) -> None:
    out = tmp_path / "history"
    first, second = tmp_path / "first", tmp_path / "second"
    lookup(first, "001",
           ("https://one.example.com/a", MARCH, "2019年3月份,规模以上工业增加值同比增长8.5%。"),
           ("https://two.example.org/b", MARCH, "2019年3月份,规模以上工业增加值同比增长8.5%。"))
    build(builder, first, out, merge=False)
    assert [(r["indicator"], r["value"]) for r in rows(out, "figures.csv")] == [("va_yoy", "8.5")]

    # a later session: a new release, and a second site for a figure seen once before
    lookup(second, "001",
           ("https://three.example.net/c", "period=2019-04 year=text published=2019-05-15",
            "2019年4月份,规模以上工业增加值同比增长5.4%。"),
           ("https://four.example.com/d", "period=2019-04 year=text",
            "2019年4月份,规模以上工业增加值同比增长5.4%。"))
    build(builder, second, out, merge=True)
    figures = {(r["indicator"], r["period"], r["value"], r["copies"])
               for r in rows(out, "figures.csv")}
    assert figures == {("va_yoy", "2019-03", "8.5", "2"), ("va_yoy", "2019-04", "5.4", "2")}
    sources = {r["source_id"]: r for r in rows(out, "sources.csv")}
    assert sources["nbs-ip-2019-03"]["published"] == "2019-04-17"  # kept from the first build
    assert sources["nbs-ip-2019-03"]["date_basis"] == "stated"
    assert sources["nbs-ip-2019-03"]["url"] == "https://one.example.com/a"

    # without the merge the folder alone is the history: the shipped March is gone
    build(builder, second, out, merge=False)
    assert {r["period"] for r in rows(out, "figures.csv")} == {"2019-04"}


def test_a_merge_judges_old_and_new_copies_together(builder: ModuleType,
                                                    tmp_path: Path) -> None:
    out = tmp_path / "history"
    first, second = tmp_path / "first", tmp_path / "second"
    lookup(first, "001",
           ("https://one.example.com/a", MARCH, "2019年3月份,规模以上工业增加值同比增长8.5%。"),
           ("https://bad.example.org/b", MARCH, "2019年3月份,规模以上工业增加值同比增长5.8%。"))
    build(builder, first, out, merge=False)
    assert rows(out, "figures.csv") == []  # two sites that disagree: nothing accepted
    assert len(rows(out, "conflicts.csv")) == 2

    # an official page settles it; the disagreeing copy stays a conflict
    lookup(second, "001",
           ("https://www.stats.gov.cn/sj/zxfb/201904/t20190417_1.html", MARCH,
            "2019年3月份,规模以上工业增加值同比实际增长8.5%。"))
    build(builder, second, out, merge=True)
    [figure] = rows(out, "figures.csv")
    assert (figure["value"], figure["status"], figure["copies"]) == (
        "8.5", "confirmed_official", "2")
    assert [(c["stated"], c["accepted"]) for c in rows(out, "conflicts.csv")] == [("5.8", "8.5")]
    assert rows(out, "unconfirmed.csv") == []
    assert rows(out, "sources.csv")[0]["url"].startswith("https://www.stats.gov.cn/")

    # merging again with nothing new changes nothing, and the conflict survives the round
    before = {name: (out / name).read_text("utf-8") for name in
              ("figures.csv", "copies.csv", "conflicts.csv", "sources.csv")}
    build(builder, tmp_path / "empty", out, merge=True)
    assert {name: (out / name).read_text("utf-8") for name in before} == before


def test_the_same_page_seen_again_is_one_copy(builder: ModuleType, tmp_path: Path) -> None:
    out = tmp_path / "history"
    copy = ("https://one.example.com/a", MARCH, "2019年3月份,规模以上工业增加值同比增长8.5%。")
    lookup(tmp_path / "first", "001", copy)
    build(builder, tmp_path / "first", out, merge=False)
    lookup(tmp_path / "second", "001", copy)
    build(builder, tmp_path / "second", out, merge=True)
    assert rows(out, "figures.csv") == []
    [unconfirmed] = rows(out, "unconfirmed.csv")
    assert unconfirmed["copies"] == "1"
