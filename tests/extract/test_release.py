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
