"""Corpus extraction: a process pool locally, an RDD on Spark, the same files either way."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from indmon.errors import ExtractError
from indmon.extract import extract_file, extract_many

DATA = Path(__file__).parent / "data"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "releases"
    folder.mkdir()
    for text in DATA.glob("*.txt"):
        shutil.copy(text, folder / text.name)
    (folder / "short_en.txt").write_text("In 2024, output grew by 3.1% year on year.\n",
                                         encoding="utf-8")
    return folder


def records(folder: Path) -> dict[str, list[dict[str, object]]]:
    return {
        p.stem: [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines()]
        for p in sorted(folder.glob("*.jsonl"))
    }


def test_local_pool_writes_one_file_per_document(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "facts"
    summary = extract_many([corpus], out, workers=2)
    written = records(out)
    assert set(written) == {p.stem for p in corpus.glob("*.txt")}
    for text in corpus.glob("*.txt"):
        assert written[text.stem] == [f.to_record() for f in extract_file(text)]
    assert summary.documents == len(list(corpus.glob("*.txt")))
    assert summary.facts == sum(len(v) for v in written.values())
    assert summary.chars == sum(p.stat().st_size for p in corpus.glob("*.txt"))


def test_single_worker_gives_the_same_files(corpus: Path, tmp_path: Path) -> None:
    extract_many([corpus], tmp_path / "one", workers=1)
    extract_many([corpus], tmp_path / "two", workers=2, progress=True)
    assert records(tmp_path / "one") == records(tmp_path / "two")


def test_unknown_engine(corpus: Path, tmp_path: Path) -> None:
    with pytest.raises(ExtractError, match="engine 'dask' is not known"):
        extract_many([corpus], tmp_path / "out", engine="dask")


def test_two_files_with_one_name_are_refused(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "note.txt").write_text("Output grew 3%.", encoding="utf-8")
    with pytest.raises(ExtractError, match="both document 'note'"):
        extract_many([tmp_path / "a", tmp_path / "b"], tmp_path / "out")


def test_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(ExtractError, match="no release files found"):
        extract_many([tmp_path], tmp_path / "out")


@pytest.mark.spark
def test_spark_gives_the_same_files(corpus: Path, tmp_path: Path) -> None:
    pytest.importorskip("pyspark")
    extract_many([corpus], tmp_path / "local", workers=1)
    summary = extract_many([corpus], tmp_path / "spark", workers=2, engine="spark")
    assert summary.engine == "spark"
    assert records(tmp_path / "spark") == records(tmp_path / "local")
