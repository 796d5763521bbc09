"""Golden files: release texts written for the tests, next to the facts they must give.

To accept a deliberate change, regenerate with
``python -c "from tests.extract.test_release import regenerate; regenerate()"`` and review
the diff of ``tests/extract/data/*.jsonl`` line by line.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from indmon.extract import Fact, extract_facts, extract_file

DATA = Path(__file__).parent / "data"
GOLDEN = sorted(DATA.glob("*.txt"))


def regenerate() -> None:
    for text in GOLDEN:
        facts = extract_file(text)
        lines = "".join(f.to_json() + "\n" for f in facts)
        text.with_suffix(".jsonl").write_text(lines, encoding="utf-8")


@pytest.mark.parametrize("text", GOLDEN, ids=lambda p: p.stem)
def test_golden_file(text: Path) -> None:
    expected = [
        json.loads(line)
        for line in text.with_suffix(".jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert [f.to_record() for f in extract_file(text)] == expected


@pytest.mark.parametrize("text", GOLDEN, ids=lambda p: p.stem)
def test_every_record_is_in_the_facts_format(text: Path) -> None:
    content = text.read_text(encoding="utf-8")
    for fact in extract_file(text):
        record = fact.to_record()
        assert set(record) == {"doc", "start", "end", "mention", "value", "unit", "measure",
                               "subject", "period", "region"}
        assert content[fact.start:fact.end] == fact.mention
        assert fact.doc == text.stem
        assert fact.measure in {"level", "growth_yoy", "growth_qoq", "change", "share", "rank",
                                "streak", "count"}
        assert fact.subject


def test_facts_read_back_from_json() -> None:
    (fact,) = extract_facts("In 2023, output grew by 4.6% year on year.", "d")
    assert Fact.from_record(json.loads(fact.to_json())) == fact


def test_simulated_samples_say_so() -> None:
    for text in GOLDEN:
        head = text.read_text(encoding="utf-8")[:200].lower()
        assert "simulated" in head or "模拟" in head


# the shortcuts that spare a pattern its run over every position of a text
COMPANY_NAMES = ["Qiansheng Automation", "Huaxin Group", "Dongfang Co.", "Tianhe Corp",
                 "Lixin Corporation", "Wuda Ltd", "Huayu Limited", "Mahe Inc",
                 "Xinsong Robotics", "Geely Motors", "Kaida Holdings", "某某股份有限公司",
                 "华信集团"]


@pytest.mark.parametrize("name", COMPANY_NAMES)
def test_every_company_name_holds_a_word_the_shortcut_looks_for(name: str) -> None:
    from indmon.extract.release import _COMPANY, _names_a_company_word

    assert _COMPANY.search(f"{name} shipped")
    assert _names_a_company_word(f"In May, {name} shipped")


@pytest.mark.parametrize(("text", "lang"), [
    ("Robots (simulated)\nOutput rose 5%.\n\nCompany round-up\n\nQiansheng shipped 4,150.", "en"),
    ("Robots (simulated)\nOutput rose 5%.\n\nCOMPANIES IN FOCUS\n\nShipments were 4,150.", "en"),
    ("Robots (simulated)\nOutput rose 5%. Our company's news desk.\n", "en"),
    ("Robots (simulated)\nOutput rose 5%.\n", "en"),
    ("机器人（模拟）\n产量增长5%。\n\n七、部分会员企业情况\n\n出货4150台。", "zh"),
    ("机器人（模拟）\n产量增长5%。\n\n企业动态\n\n出货4150台。", "zh"),
    ("机器人（模拟）\n规模以上企业产量增长5%。\n", "zh"),
])
def test_the_company_heading_shortcut_agrees_with_the_heading_pattern(text: str,
                                                                     lang: str) -> None:
    from indmon.extract.release import _COMPANIES_HEADING, Context, _has_company_headings

    ctx = Context.build(text, "t", lang, "2031-06-01")
    assert _has_company_headings(ctx) == bool(_COMPANIES_HEADING.search(text))


def test_figures_under_an_english_heading_on_companies_are_each_a_company_s() -> None:
    text = ("Industrial robots, January-May 2031 (simulated)\n\n"
            "In January-May, output of industrial robots reached 310,000 units.\n\n"
            "Company round-up\n\nShipments reached 41,500 units in the five months.\n")
    facts = {f.mention: f for f in extract_facts(text, "t", published="2031-06-20")}
    assert not facts["310,000"].subject.startswith("company level")
    assert facts["41,500"].subject.startswith("company level")
