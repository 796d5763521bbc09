"""Shipped TOML parsed once per content, kept as JSON; any trouble with the cache only
means parsing again."""

import tomllib
from pathlib import Path

import pytest

from indmon.catalogue import parsed
from indmon.catalogue.parsed import cache_dir, load_toml

TEXT = """
[[unit]]
id = "percent"
name_en = "percent"
scale = 1.5
flags = [true, false]
"""


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("INDMON_CACHE_DIR", str(tmp_path))
    return tmp_path / "toml"


def refuse_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(text: str) -> dict:  # type: ignore[type-arg]
        raise AssertionError("parsed the TOML again")

    monkeypatch.setattr(parsed.tomllib, "loads", refused)


def test_a_text_parsed_once_is_read_from_the_cache(cache: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    expected = tomllib.loads(TEXT)
    assert load_toml(TEXT) == expected
    assert len(list(cache.glob("*.json"))) == 1
    refuse_parsing(monkeypatch)
    assert load_toml(TEXT) == expected


def test_an_edited_text_is_parsed_again(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_toml(TEXT)
    edited = TEXT.replace("1.5", "2.5")
    assert load_toml(edited)["unit"][0]["scale"] == 2.5
    assert len(list(cache.glob("*.json"))) == 2


def test_a_broken_cache_entry_is_parsed_again_and_rewritten(cache: Path) -> None:
    load_toml(TEXT)
    (entry,) = cache.glob("*.json")
    entry.write_text('{"unit": [', "utf-8")
    assert load_toml(TEXT) == tomllib.loads(TEXT)
    assert entry.read_text("utf-8").startswith('{"unit": [{')


def test_what_json_cannot_hold_is_not_kept(cache: Path) -> None:
    dated = 'released = 2023-06-30\n'
    assert str(load_toml(dated)["released"]) == "2023-06-30"
    assert not cache.exists() or not list(cache.glob("*.json"))


def test_an_unwritable_cache_only_parses(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("INDMON_CACHE_DIR", str(blocker))
    assert load_toml(TEXT) == tomllib.loads(TEXT)
    assert cache_dir() == blocker / "toml"


def test_malformed_toml_is_still_an_error(cache: Path) -> None:
    with pytest.raises(tomllib.TOMLDecodeError):
        load_toml("id = ")


def test_the_catalogue_loads_from_the_cache(cache: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from indmon.catalogue import _shipped_catalogue
    from indmon.catalogue.units import shipped

    _shipped_catalogue.cache_clear()
    shipped.cache_clear()
    try:
        first = _shipped_catalogue()
        refuse_parsing(monkeypatch)
        _shipped_catalogue.cache_clear()
        shipped.cache_clear()
        again = _shipped_catalogue()
        assert again.indicators == first.indicators and again.units == first.units
    finally:
        monkeypatch.undo()
        _shipped_catalogue.cache_clear()
        shipped.cache_clear()
