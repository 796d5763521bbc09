"""The shipped catalogue: indicators well formed, classifications complete and consistent."""

from __future__ import annotations

import re
import tomllib
from importlib import resources

import pytest

from indmon.catalogue import (
    DIMENSIONS,
    FREQUENCIES,
    MEASURES,
    Catalogue,
    load_indicators,
)
from indmon.errors import CatalogueError

#: GB/T 2260 codes of the 31 provincial-level regions of the mainland
GB_T_2260 = {
    "110000", "120000", "130000", "140000", "150000", "210000", "220000", "230000",
    "310000", "320000", "330000", "340000", "350000", "360000", "370000", "410000",
    "420000", "430000", "440000", "450000", "460000", "500000", "510000", "520000",
    "530000", "540000", "610000", "620000", "630000", "640000", "650000",
}
HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def cat() -> Catalogue:
    return Catalogue.load()


def _indicator_files() -> list[tuple[str, str]]:
    folder = resources.files("indmon.catalogue").joinpath("data", "indicators")
    return [(p.name, p.read_text("utf-8")) for p in folder.iterdir() if p.name.endswith(".toml")]


def test_ids_are_unique_across_theme_files() -> None:
    ids = [
        raw["id"]
        for _, text in _indicator_files()
        for raw in tomllib.loads(text).get("indicator", [])
    ]
    duplicates = {i for i in ids if ids.count(i) > 1}
    assert not duplicates


def test_every_theme_file_has_indicators_of_its_own_theme(cat: Catalogue) -> None:
    for name, text in _indicator_files():
        theme = name.removesuffix(".toml")
        if theme in cat.themes:
            themes = {ind.theme for ind in load_indicators(text, name).values()}
            assert themes == {theme}, name


def test_every_theme_has_indicators(cat: Catalogue) -> None:
    assert all(cat.by_theme(code) for code in cat.themes)


def test_indicators_are_well_formed(cat: Catalogue) -> None:
    for ind in cat.indicators.values():
        assert re.fullmatch(r"[a-z][a-z0-9_]*", ind.id), ind.id
        assert ind.name_en and HAN.search(ind.name_zh), ind.id
        assert ind.unit and ind.measure in MEASURES and ind.frequency in FREQUENCIES, ind.id
        assert ind.theme in cat.themes, ind.id
        assert set(ind.dimensions) <= set(DIMENSIONS), ind.id


def test_published_indicators_have_aliases_in_both_languages(cat: Catalogue) -> None:
    for ind in cat.indicators.values():
        if ind.derivation == "published":
            chinese = [a for a in ind.aliases if HAN.search(a)]
            english = [a for a in ind.aliases if not HAN.search(a)]
            assert chinese and english, ind.id


def test_measures_fit_units(cat: Catalogue) -> None:
    expected = {"share": {"percent"}, "growth_yoy": {"percent"}, "rank": {"count"},
                "streak": {"year", "month"}}
    for ind in cat.indicators.values():
        if ind.measure in expected:
            assert ind.unit in expected[ind.measure], ind.id


def test_search_finds_an_indicator_by_chinese_alias(cat: Catalogue) -> None:
    # the stations themselves and their share of all mobile base stations
    assert {i.id for i in cat.search("5G基站")} == {"g5_base_stations", "g5_base_stations_share"}


def test_an_indicator_defined_twice_is_refused() -> None:
    one = (
        '[[indicator]]\nid = "x"\ntheme = "ict"\nname_en = "X"\nname_zh = "叉"\n'
        'unit = "count"\nmeasure = "count"\nfrequency = "stock"\n'
    )
    with pytest.raises(CatalogueError, match="'x' is defined twice"):
        load_indicators(one + one, "twice.toml")


def test_41_divisions_in_three_sectors(cat: Catalogue) -> None:
    codes = sorted(cat.industries)
    assert codes == [f"{n:02d}" for n in range(6, 47)]
    ranges = {"B": range(6, 13), "C": range(13, 44), "D": range(44, 47)}
    for industry in cat.industries.values():
        assert int(industry.code) in ranges[industry.sector], industry.code
    assert [len(cat.industries_in(s)) for s in "BCD"] == [7, 31, 3]


def test_31_provinces_with_gb_t_2260_codes(cat: Catalogue) -> None:
    assert set(cat.provinces) == GB_T_2260
    assert all(p.name_en and HAN.search(p.name_zh) for p in cat.provinces.values())


def test_provinces_fall_into_four_regions(cat: Catalogue) -> None:
    counts = {region: 0 for region in cat.regions}
    for province in cat.provinces.values():
        counts[province.region] += 1
    assert counts == {"east": 10, "central": 6, "west": 12, "northeast": 3}


def test_tile_positions_are_unique(cat: Catalogue) -> None:
    tiles = [p.tile for p in cat.provinces.values()]
    assert len(set(tiles)) == len(tiles) == 31
