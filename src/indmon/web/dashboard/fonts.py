"""Chinese glyphs for the dashboard on machines without a CJK font.

The full Noto Sans SC (shipped by pylopdf-fonts-zh-cn) is 8 MB: a page waiting for it
shows empty boxes. So the pages first ask for a small subset holding every Chinese
character of the dashboard's own words and the catalogue's names (about 120 KB, cut
once per process), and fall back to the full font only for other characters, such as
those of alert titles.
"""

from __future__ import annotations

import functools
import io
from pathlib import Path

from indmon.catalogue import Catalogue, units
from indmon.report.words import words_for
from indmon.web.dashboard import i18n

#: characters the pages write around figures that are in no label: periods and units
EXTRA = "中文年月日季度一二三四末至亿万元美个百分点吨千瓦载重指数"


def full_font() -> Path:
    import pylopdf_fonts_zh_cn

    return Path(pylopdf_fonts_zh_cn.sans_path())


def dashboard_characters() -> str:
    """Every non-Latin character the dashboard itself can write, sorted."""
    catalogue = Catalogue.load()
    words = [zh for _en, zh in i18n.LABELS.values()]
    words.extend(words_for("zh").values())  # the report card's words
    shipped = units.shipped()
    for unit in shipped.units.values():
        words.extend((unit.label_zh, unit.word_zh, unit.short_zh))
    words.extend(scale.word for scale in shipped.scales.get("zh", ()))
    words.append(units.UNCHANGED["zh"])
    for group in (catalogue.indicators, catalogue.industries, catalogue.provinces,
                  catalogue.themes, catalogue.sectors):
        words.extend(item.name("zh") for item in group.values())
    words.append(EXTRA)
    return "".join(sorted({ch for ch in "".join(words) if ord(ch) >= 0x2E80}))


@functools.cache
def interface_font() -> bytes:
    """The subset of the full font covering ``dashboard_characters()``, as OpenType."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.layout_features = ["*"]
    font = TTFont(str(full_font()))
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=dashboard_characters())
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()
