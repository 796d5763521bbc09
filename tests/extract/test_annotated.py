"""Hand-annotated texts: facts written down by a person before the extractor saw the text.

``data/annotated/*.txt`` are releases of the genre written for indmon (figures invented,
the texts say so); each ``.jsonl`` beside it holds the facts a reader finds, annotated by
hand in the format of ``shared/facts-format.md``. Unlike the golden files, these are not
the extractor's output: the tests score agreement, as ``benchmarks/extract.py`` does.
``HELD_OUT`` texts were annotated and first run before the rules were changed for the
others; their thresholds are lower because nothing was tuned on them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from indmon.extract import extract_file

ANNOTATED = Path(__file__).parent / "data" / "annotated"
HELD_OUT = ("en_ict_bulletin", "zh_sector_report")
DEVELOPMENT = sorted(p.stem for p in ANNOTATED.glob("*.txt") if p.stem not in HELD_OUT)


def _agreement(doc: str) -> dict[str, float]:
    """Share of hand-annotated facts the extractor finds (span overlap and equal value), of
    its facts that are annotated, and of found facts with the same measure and period."""
    gold = [json.loads(line) for line in (ANNOTATED / f"{doc}.jsonl").read_text(
        encoding="utf-8").splitlines()]
    predicted = [f.to_record() for f in extract_file(ANNOTATED / f"{doc}.txt")]
    found, used = [], set()
    for g in gold:
        for i, p in enumerate(predicted):
            overlap = min(g["end"], p["end"]) > max(g["start"], p["start"])
            if i not in used and overlap and abs(g["value"] - p["value"]) <= 1e-6 * max(
                    1.0, abs(g["value"])):
                used.add(i)
                found.append((g, p))
                break
    same = [(g, p) for g, p in found if (g["unit"], g["measure"]) == (p["unit"], p["measure"])]
    return {
        "recall": len(found) / len(gold),
        "precision": len(found) / max(1, len(predicted)),
        "full": len(same) / len(gold),
        "period": sum(g["period"] == p["period"] for g, p in found) / max(1, len(found)),
        "region": sum(g["region"] == p["region"] for g, p in found) / max(1, len(found)),
    }


@pytest.mark.parametrize("doc", DEVELOPMENT)
def test_development_texts_agree_with_their_annotation(doc: str) -> None:
    scores = _agreement(doc)
    assert scores["recall"] == 1.0 and scores["precision"] == 1.0, scores
    assert scores["full"] == 1.0, scores
    assert scores["period"] >= 0.8 and scores["region"] >= 0.95, scores


@pytest.mark.parametrize("doc", HELD_OUT)
def test_held_out_texts_mostly_agree(doc: str) -> None:
    scores = _agreement(doc)
    assert scores["recall"] >= 0.9 and scores["precision"] >= 0.9, scores
    assert scores["full"] >= 0.75 and scores["period"] >= 0.75, scores


def test_every_annotation_points_at_its_mention() -> None:
    for path in ANNOTATED.glob("*.jsonl"):
        text = path.with_suffix(".txt").read_text(encoding="utf-8")
        assert "simulated" in text[:200] or "模拟" in text[:200]
        for line in path.read_text(encoding="utf-8").splitlines():
            fact = json.loads(line)
            assert text[fact["start"]:fact["end"]] == fact["mention"], (path.name, fact)
            assert fact["doc"] == path.stem
