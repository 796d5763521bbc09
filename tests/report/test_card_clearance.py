"""Report cards and statistical disclosure control: a card for publication withholds the
values of suppressed cells, says so, and leaves them out of rankings, charts and
comparisons; a card for a cleared reader prints them, marked confidential."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from indmon.cli import app
from indmon.report.briefing import build_briefing
from indmon.report.card import build_card, trends
from indmon.report.model import Briefing, Chart, Number
from indmon.report.write import render_report
from indmon.store import Clearance, Store

from .conftest import add_computed, add_published

GUANGDONG = "440000"
ELECTRONICS = "26"
FEW = "fewer than 3 enterprises"


def suppress(store: Store) -> None:
    """Guangdong's and the electronics division's cells of 2023-12 are confidential."""
    store.replace_disclosure(pd.DataFrame([
        {"period": "2023-12", "industry": "ALL", "province": GUANGDONG, "status": "primary",
         "reason": FEW, "enterprises": 2, "top1_share": 0.7, "top2_share": 1.0},
        {"period": "2023-12", "industry": ELECTRONICS, "province": "ALL",
         "status": "primary", "reason": "dominated by one or two enterprises",
         "enterprises": 9, "top1_share": 0.8, "top2_share": 0.9},
    ]), ["2023-12"], "test-computation")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store.open(tmp_path / "card.duckdb") as opened:
        add_published(opened)
        add_computed(opened)
        suppress(opened)
    return Store.open(tmp_path / "card.duckdb", read_only=True)


def entry_of(card, indicator: str, industry: str = "ALL", province: str = "ALL"):  # type: ignore[no-untyped-def]
    return next(e for s in card.computed
                if (e := s.get(indicator, industry, province)) is not None)


def test_the_public_card_withholds_suppressed_cells(store: Store) -> None:
    card = build_card(store, "2023", clearance=Clearance.public())
    guangdong = entry_of(card, "va_ytd_yoy", province=GUANGDONG)
    assert guangdong.withheld and math.isnan(guangdong.value)
    assert guangdong.figure.suppressed == FEW and guangdong.figure.n is None
    assert not guangdong.comparable
    assert entry_of(card, "va_ytd_yoy", industry=ELECTRONICS).withheld
    assert entry_of(card, "va_contribution_pp", industry=ELECTRONICS).withheld
    jiangsu = entry_of(card, "va_ytd_yoy", province="320000")
    assert not jiangsu.withheld and jiangsu.value == pytest.approx(7.1)
    # the same cells as the owner's card: only what may be read differs
    owner = build_card(store, "2023")
    assert [e.key for s in owner.computed for e in s.entries] == [
        e.key for s in card.computed for e in s.entries]
    assert entry_of(owner, "va_ytd_yoy", province=GUANGDONG).value == pytest.approx(4.4)


def test_a_provincial_analyst_sees_its_province_but_not_national_cells(store: Store) -> None:
    card = build_card(store, "2023", clearance=Clearance.of_provinces([GUANGDONG]))
    guangdong = entry_of(card, "va_ytd_yoy", province=GUANGDONG)
    assert not guangdong.withheld and guangdong.figure.confidential
    assert entry_of(card, "va_ytd_yoy", industry=ELECTRONICS).withheld
    assert not entry_of(build_card(store, "2023", clearance=Clearance.everything()),
                        "va_ytd_yoy", industry=ELECTRONICS).withheld


def texts(briefing: Briefing) -> list[str]:
    found = []
    for section in briefing.sections:
        for table in section.tables:
            found += [c.text if isinstance(c, Number) else str(c or "")
                      for row in table.rows for c in row]
        found += [p.text if isinstance(p, Number) else p
                  for para in section.paragraphs for p in para]
        found.append(section.lead)
    return found


def charts(briefing: Briefing) -> list[Chart]:
    return [c for s in briefing.sections for c in s.charts]


@pytest.mark.parametrize(("lang", "word"), [("en", "suppressed"), ("zh", "不公布")])
def test_the_briefing_prints_the_word_and_ranks_only_what_it_may_show(
        store: Store, lang: str, word: str) -> None:
    briefing = build_briefing(store, "2023", lang)  # for publication by default
    province = next(s for s in briefing.sections if s.key == "simulated-province")
    rows = province.tables[0].rows
    assert [r[0] for r in rows] == ["1", "2", "—"]  # Jiangsu, Sichuan ranked; Guangdong after
    assert isinstance(rows[-1][3], Number) and rows[-1][3].text == word
    assert rows[-1][4] is None  # no gap to the national rate
    assert all("4.4" not in t for t in texts(briefing) if t)
    for chart in charts(briefing):
        assert all(not math.isnan(v) for _, values in chart.series for v in values)
    bars = next(c for c in charts(briefing) if c.chart_id == "simulated-provinces")
    assert len(bars.categories) == 2
    industries = next(c for c in charts(briefing) if c.chart_id == "simulated-industries")
    assert len(industries.categories) == len(industries.series[0][1]) == 2
    # the count sentence counts only the divisions it may show
    assert any(t and ("2" in t) for t in texts(briefing))
    assert province.lead.count(word if lang == "en" else "不公布") >= 1


def test_a_confidential_briefing_marks_each_suppressed_value(store: Store) -> None:
    briefing = build_briefing(store, "2023", "en", clearance=None)
    found = texts(briefing)
    assert "4.4% (confidential)" in found
    assert any("This card is confidential" in t for t in found if t)
    assert "suppressed" not in found  # no cell is withheld from the owner


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_rendered_cards_carry_no_suppressed_value(store: Store, fmt: str) -> None:
    text = str(render_report(store, "2023", "en", fmt))
    plain = re.sub(r"<[^>]+>", " ", text)
    assert "suppressed" in plain and "nan" not in plain.lower().split()
    assert "4.4%" not in plain
    owner = str(render_report(store, "2023", "en", fmt, clearance=None))
    assert "4.4% (confidential)" in re.sub(r"<[^>]+>", " ", owner)


def test_report_command_withholds_unless_confidential(store: Store, tmp_path: Path) -> None:
    db = str(store.path)
    store.close()
    public, private = tmp_path / "public.md", tmp_path / "private.md"
    for out, extra in ((public, []), (private, ["--confidential"])):
        result = CliRunner().invoke(app, ["--db", db, "report", "--period", "2023",
                                          "--format", "md", "--out", str(out), *extra])
        assert result.exit_code == 0, result.output
    assert "suppressed" in public.read_text("utf-8")
    assert "4.4%" not in public.read_text("utf-8")
    assert "4.4% (confidential)" in private.read_text("utf-8")


def test_trends_leave_out_points_the_reader_may_not_see(tmp_path: Path) -> None:
    with Store.open(tmp_path / "t.duckdb") as store:
        add_computed(store)
        store.replace_disclosure(pd.DataFrame([
            {"period": "2023-06", "industry": "ALL", "province": "ALL", "status": "primary",
             "reason": FEW, "enterprises": 2, "top1_share": 0.7, "top2_share": 1.0}]),
            ["2023-06"], "test-computation")
        card = build_card(store, "2023-12", clearance=Clearance.public())
        entry = entry_of(card, "va_yoy")
        public = trends(store, [entry], 13, clearance=Clearance.public())[entry.obs_id]
        owner = trends(store, [entry], 13)[entry.obs_id]
    assert len(owner) == len(public) + 1
    assert "2023-06" not in {p.period.text for p in public}
