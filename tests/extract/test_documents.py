"""Reading release files: encodings, language, folders and unreadable input."""

from __future__ import annotations

from pathlib import Path

import pytest

from indmon.errors import ExtractError
from indmon.extract import extract_file
from indmon.extract.documents import find_documents, read_document
from indmon.extract.language import detect_language

ZH = "2025年，规模以上工业增加值同比增长5.2%。"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "release.txt"
    path.write_bytes(ZH.encode(encoding))
    document = read_document(path)
    assert document.text == ZH
    assert (document.doc, document.lang) == ("release", "zh")
    (fact,) = extract_file(path)
    assert (fact.mention, fact.value, fact.doc) == ("5.2%", 5.2, "release")


def test_language_follows_the_script() -> None:
    assert detect_language(ZH) == "zh"
    assert detect_language("Output grew by 5% in 2025, with 5G and 工业 in it.") == "en"


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x00\x01\x02")
    with pytest.raises(ExtractError, match=r"image\.txt"):
        read_document(path)


def test_undecodable_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\xff\xfe\xfa\x80\x81" * 3)
    with pytest.raises(ExtractError, match=r"bad\.txt: cannot decode"):
        read_document(path)


def test_folders_expand_to_text_files(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "README.md", "notes.csv"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in find_documents([tmp_path])] == ["a.txt", "b.txt"]


def test_missing_path_is_named(tmp_path: Path) -> None:
    with pytest.raises(ExtractError, match=r"missing\.txt: no such file"):
        find_documents([tmp_path / "missing.txt"])


def test_a_document_is_known_by_its_content(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    one = tmp_path / "a" / "release.txt"
    other = tmp_path / "b" / "release.txt"
    one.write_bytes(ZH.encode("utf-8"))
    other.write_bytes((ZH + "\n").encode("utf-8"))
    first, second = read_document(one), read_document(other)
    assert first.doc == second.doc == "release"
    assert first.source_id != second.source_id
    assert first.source_id == f"release@{first.content_hash[:16]}"
    assert first.path == one


def test_the_same_text_in_another_encoding_has_one_hash(tmp_path: Path) -> None:
    utf8, gbk = tmp_path / "utf8.txt", tmp_path / "gbk.txt"
    utf8.write_bytes(ZH.encode("utf-8-sig"))
    gbk.write_bytes(ZH.encode("gb18030"))
    assert read_document(utf8).content_hash == read_document(gbk).content_hash
