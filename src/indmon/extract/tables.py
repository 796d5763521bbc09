"""Tables written as text: the appendix tables of releases (附表) once a page is saved as
text, where each row is a label and its figures in columns set apart by tabs, wide
spaces, full-width spaces or bars.

Prose rules would read such a row as a sentence and take the row above for its subject
("粗钢(万吨)　8470　-1.8" after "水泥(万吨)　16830　-6.4"); a table states what each
figure is in its row label, its column header and its caption instead:

    附表：2027年5月份规模以上工业生产主要数据        <- caption: what and when
    指标　　5月增速(%)　　1—5月增速(%)               <- header: period and measure of a column
    采矿业　3.9　4.2                                 <- row: what, and the figures
    主要产品产量（5月）　　产量　　同比增长(%)        <- a new header (its first cell a caption)
    粗钢(万吨)　8470　-1.8                           <- the label's unit scales the level

A block is read as a table only when at least two rows, or a header and one row, have a
label followed by cells that are whole numbers: prose never has those.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from indmon.extract.fastre import lowered
from indmon.extract.mentions import Mention
from indmon.extract.numbers import normalize
from indmon.extract.patterns_en import find_mentions_en
from indmon.extract.patterns_zh import find_mentions_zh


@dataclass(frozen=True)
class TableFigure:
    """One figure of a table: offsets of its cell, and what its row and column say."""

    start: int
    end: int
    value: float
    unit: str
    measure: str
    subject: str
    #: the period its column or caption names, or "" when neither names one
    period: str
    #: the province its row names, or "" for the country
    province: str = ""


@dataclass(frozen=True)
class Table:
    """The figures of the tables of a text and the stretches their rows cover."""

    figures: list[TableFigure]
    #: (start, end) of every row read, sorted: no prose rule reads a figure in them
    rows: list[tuple[int, int]]


@dataclass(frozen=True)
class _Cell:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class _Column:
    measure: str
    unit: str
    #: the thing the column measures ("利润总额", "profit"), or "" when the header only
    #: says how ("增速", "growth")
    noun: str
    period: str


#: what parts a row into cells: tabs, two or more spaces, full-width spaces, bars
_SEPARATOR = re.compile(r"\t+\s*|\s*[|｜]\s*|\s*　+\s*|\s{2,}")
#: a cell that is one figure: "3.9", "-1.8", "8,470", "+6.0%"
_NUMBER = re.compile(r"[+\-−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|[+\-−]?\d+(?:\.\d+)?%?")
#: a cell that stands for no figure: "—", "-", "…", "n.a."
_EMPTY = re.compile(r"(?:—+|-+|…+|\.\.\.|/|n\.?a\.?|－+)", re.IGNORECASE)
#: a Markdown table's rule line: "|---|:---:|"
_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
#: a unit in a label or header: "(万吨)", "（亿元）", "(10,000 tonnes)", "(%)"
_UNIT = re.compile(r"\s*[(（]\s*([^()（）]{1,24}?)\s*[)）]\s*")

#: words of a column that states growth, month-on-month growth, a share or a change
_GROWTH_WORDS = ("增速", "增长", "增幅", "同比", "growth", "change", "y/y", "yoy",
                 "year on year", "year-on-year")
_QOQ_WORDS = ("环比", "m/m", "month on month", "month-on-month", "mom")
_SHARE_WORDS = ("比重", "占比", "share", "proportion")
_POINT_WORDS = ("百分点", "percentage point", "pp")
#: header words that say how a column measures, not what: dropped from its noun
_HOW_WORDS = re.compile(
    r"同比增长|同比增速|比上年增长|比上年同期增长|同比|增速|增长|增幅|环比|比重|占比|绝对量|绝对额|"
    r"本月|累计|当月|数量|\b(?:growth|change|y/y|yoy|year[- ]on[- ]year|m/m|month[- ]on[- ]month|"
    r"share|absolute|level|amount|this\s+month|cumulative|value|volume)\b",
    re.IGNORECASE)
#: a caption's topic, and the noun of its rows when their columns name none
_TOPICS_ZH = (("产量", "产量"), ("产品", "产量"), ("利润", "利润总额"), ("营业收入", "营业收入"),
              ("出口交货值", "出口交货值"), ("工业生产", "增加值"), ("增加值", "增加值"))
_TOPICS_EN = (("output", "output"), ("production of", "output"), ("products", "output"),
              ("profit", "profits"), ("revenue", "revenue"),
              ("export delivery", "export delivery value"),
              ("industrial production", "value added"), ("value added", "value added"))
#: a label that names its own measure: "规模以上工业增加值", "PMI", "Value added"
_OWN_NOUN_ZH = ("增加值", "产量", "利润", "收入", "指数", "PMI", "出口交货值", "投资")
_OWN_NOUN_EN = ("value added", "output", "profit", "revenue", "index", "pmi", "investment",
                "production")


def read_tables(text: str, lang: str, period_of: Callable[[str], str],
                province_of: Callable[[str], str]) -> Table:
    """The tables of a text as written (full-width spaces part cells; the cells' words are
    read normalized, at the same offsets). ``period_of`` names the period of a header or
    caption ("5月增速(%)", "Jan-May"; "" when none); ``province_of`` the province a row
    label names ("" when none)."""
    figures: list[TableFigure] = []
    rows: list[tuple[int, int]] = []
    lines = list(_lines(text))
    i = 0
    while i < len(lines):
        block = _block(lines, i)
        if not block:
            i += 1
            continue
        read = _read_block(lines, i, block, lang, period_of, province_of)
        figures.extend(read.figures)
        rows.extend(read.rows)
        i = block[-1] + 1
    if lang == "en" and has_factbox(text):
        dashed = _dashed_rows(lines, period_of)
        figures.extend(dashed.figures)
        rows.extend(dashed.rows)
        rows.sort()
    return Table(figures, rows)


#: a factbox row: "Crude steel - 10,000 tonnes - October: 7,862.3 (-3.4%) - Jan-Oct: ..."
_DASHED_ROW = re.compile(r"^\s*(?P<label>[A-Za-z][^:\n]*?)\s+-\s+(?P<unit>[A-Za-z0-9][^:\n]*?)"
                         r"\s+-\s+(?P<rest>[A-Za-z][^\n]*?:\s*[\d,.]+[^\n]*)$")
#: one period's part of a factbox row: "October: 7,862.3 (-3.4%)"; where a text has one,
#: it may have a factbox (``has_factbox``)
_DASHED_PART = re.compile(r"(?P<period>[A-Za-z][\w\s-]*?):\s*(?P<value>\d[\d,]*(?:\.\d+)?)"
                          r"\s*\((?P<growth>[+\-−]?\d+(?:\.\d+)?)%\)")


#: a factbox row with the unit in the label's brackets and the parts set apart by spaces:
#: "Crude steel (10,000 tonnes)    November: 7,215.4 (-4.1%)    Jan-Nov: 91,431.0 (-2.2%)"
_BRACKETED_ROW = re.compile(r"^\s*(?P<label>[A-Za-z][^:(\n]*?)\s*(?:\((?P<unit>[^)\n]{1,30})\))?"
                            r"\s{2,}(?P<rest>[A-Za-z][^\n]*?:\s*[\d,.]+[^\n]*)$")
_OF_WHICH_ROW = re.compile(r"^(?:of\s+which|including)[:,]?\s+", re.IGNORECASE)


def has_factbox(text: str) -> bool:
    """Whether a text may hold a factbox (with dashes, or with the units in brackets),
    looked for cheaply first."""
    return "%)" in text and bool(_DASHED_PART.search(text))


def _dashed_rows(lines: list[tuple[int, str]], period_of: Callable[[str], str]) -> Table:
    """The rows of a factbox written with dashes between a product, its unit and each
    period's level and growth, when two or more such rows follow one another."""
    found: list[list[tuple[int, str, re.Match[str]]]] = [[]]
    for start, line in lines:
        row = _DASHED_ROW.match(line) or _BRACKETED_ROW.match(line)
        if row and _DASHED_PART.search(row.group("rest")):
            found[-1].append((start, line, row))
        elif found[-1]:
            found.append([])
    figures: list[TableFigure] = []
    rows: list[tuple[int, int]] = []
    for run in (r for r in found if len(r) >= 2):
        unit = ""
        for start, line, row in run:
            # "  of which new-energy vehicles": a part, in the unit of the row above
            unit = (row.group("unit") or unit).strip()
            figures.extend(_dashed_figures(start, row, period_of, unit))
            rows.append((start, start + len(line)))
    return Table(figures, rows)


def _dashed_figures(start: int, row: re.Match[str], period_of: Callable[[str], str],
                    unit: str) -> Iterator[TableFigure]:
    label = _OF_WHICH_ROW.sub("", row.group("label").strip())
    subject = _subject(label, _Column("level", "", "", ""), "", "output", True, "en")
    offset = start + row.start("rest")
    for part in _DASHED_PART.finditer(row.group("rest")):
        period = period_of(part.group("period"))
        value = float(part.group("value").replace(",", ""))
        scaled = _scaled(value, unit, "en")
        level, level_unit = scaled if scaled is not None else (value, "count")
        yield TableFigure(offset + part.start("value"), offset + part.end("value"), level,
                          level_unit, "level", subject, period)
        growth = float(part.group("growth").replace("−", "-"))
        yield TableFigure(offset + part.start("growth"), offset + part.end("growth") + 1,
                          growth, "percent", "growth_yoy", subject, period)


def _lines(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def _cells(start: int, line: str) -> list[_Cell]:
    """The cells of a line, a unit cell after a row's label folded into the label ("粗钢
    万吨　7862.3" reads as "粗钢(万吨)　7862.3"), and 其中： before a label dropped."""
    cells = _split_cells(start, line)
    if cells and cells[0].text.startswith(("其中:", "其中：")):
        first = cells[0]
        cells[0] = _Cell(first.start, first.end, first.text[3:].strip())
    if (len(cells) >= 3 and _UNIT_CELL.fullmatch(cells[1].text) and not _is_figure(cells[0])
            and all(_is_figure(c) for c in cells[2:])):
        label, unit = cells[0], cells[1]
        return [_Cell(label.start, label.end, f"{label.text}({unit.text})"), *cells[2:]]
    return cells


#: a cell that is a unit alone, between a row's label and its figures: "万吨", "亿千瓦时",
#: "10,000 tonnes", "units"
_UNIT_CELL = re.compile(
    r"(?:万|亿|千|百|十万)?(?:吨|辆|台|个|件|套|千瓦时|千瓦|平方米|立方米|米|部|架|艘|载重吨|"
    r"标准箱|块|片|只|条|箱|元)"
    r"|(?:(?:10,000|100,000|1,000|100\s+million|million|billion|thousand)\s+)?(?:tonnes|tons|"
    r"units|sets|vehicles|pieces|kwh|kilowatt-hours|kilowatts|square\s+metres|metres)",
    re.IGNORECASE)


def _split_cells(start: int, line: str) -> list[_Cell]:
    cells = []
    at = 0
    stripped = line.strip(" |｜\t　")
    offset = start + line.find(stripped) if stripped else start
    for sep in _SEPARATOR.finditer(stripped):
        if sep.start() > at:
            cells.append(_Cell(offset + at, offset + sep.start(),
                               normalize(stripped[at:sep.start()])))
        at = sep.end()
    if at < len(stripped):
        cells.append(_Cell(offset + at, offset + len(stripped), normalize(stripped[at:])))
    return cells


def _is_figure(cell: _Cell) -> bool:
    return bool(_NUMBER.fullmatch(cell.text) or _EMPTY.fullmatch(cell.text))


def _is_row(cells: list[_Cell]) -> bool:
    """A label and then only figures (at least one of them a number)."""
    return (len(cells) >= 2 and not _is_figure(cells[0]) and any(c.isalpha() for c in cells[0].text)
            and all(_is_figure(c) for c in cells[1:])
            and any(_NUMBER.fullmatch(c.text) for c in cells[1:]))


def _is_header(cells: list[_Cell]) -> bool:
    return len(cells) >= 2 and not any(_NUMBER.fullmatch(c.text) for c in cells)


def _block(lines: list[tuple[int, str]], i: int) -> list[int]:
    """The lines of the table whose first row is line ``i`` (rows, group labels between
    them, and headers that start a new part), or [] when no table starts there."""
    if not _is_row(_cells(*lines[i])):
        return []
    block = [i]
    j = i + 1
    while j < len(lines):
        start, line = lines[j]
        if not line.strip() or _RULE.match(line):
            # a blank line ends the table unless a header or row follows at once
            if j + 1 < len(lines) and lines[j + 1][1].strip() and _continues(lines[j + 1]):
                j += 1
                continue
            break
        cells = _cells(start, line)
        if not (_is_row(cells) or _is_header(cells) or _is_group(cells)):
            break
        block.append(j)
        j += 1
    while block and not _is_row(_cells(*lines[block[-1]])):
        block.pop()
    rows = sum(1 for k in block if _is_row(_cells(*lines[k])))
    return block if rows >= 2 or _header_above(lines, i) is not None else []


def _continues(line: tuple[int, str]) -> bool:
    cells = _cells(*line)
    return _is_row(cells) or _is_header(cells)


def _is_group(cells: list[_Cell]) -> bool:
    """A label alone on its line inside a table: "分门类", "主要产品产量", "By sector"."""
    return (len(cells) == 1 and len(cells[0].text) <= 30 and not any(
        ch.isdigit() for ch in cells[0].text) and not cells[0].text.endswith(("。", ".")))


def _header_above(lines: list[tuple[int, str]], i: int) -> int | None:
    """The header line right above a table's first row, if it has one."""
    j = i - 1
    # past a Markdown rule and group labels ("By sector") between it and the first row
    while j >= max(0, i - 4) and lines[j][1].strip() and (
            _RULE.match(lines[j][1]) or _is_group(_cells(*lines[j]))):
        j -= 1
    if j >= 0 and _is_header(_cells(*lines[j])):
        return j
    return None


def _read_block(lines: list[tuple[int, str]], first: int, block: list[int], lang: str,
                period_of: Callable[[str], str], province_of: Callable[[str], str]) -> Table:
    head = _header_above(lines, first)
    caption = _caption(lines, head if head is not None else first)
    columns: list[_Column] = []
    topic = _topic(caption, lang)
    header_cells = _cells(*lines[head]) if head is not None else _header_in_caption(caption)
    if header_cells:
        caption = _HEADER_IN_CAPTION.sub("", caption)
    caption_period = period_of(caption)
    figures: list[TableFigure] = []
    rows: list[tuple[int, int]] = []
    group = ""
    for k in (list(range(head, first)) if head is not None else []) + block:
        start, line = lines[k]
        cells = _cells(start, line)
        if _RULE.match(line):
            continue
        if k == head or _is_header(cells):
            header_cells = cells
            columns = []
            continue
        if _is_group(cells):
            group = cells[0].text
            continue
        figures_cells = cells[1:]
        if not columns or len(columns) != len(figures_cells):
            columns = _columns(header_cells, len(figures_cells), lang, period_of,
                               caption_period)
        label = cells[0]
        read = [_figure(cell, label.text, column, group, topic, lang, province_of)
                for cell, column in zip(figures_cells, columns, strict=True)]
        unread = [c for f, c in zip(read, figures_cells, strict=True) if f is None]
        if any(_NUMBER.fullmatch(c.text) for c in unread):
            continue  # a row the table does not say enough about: the prose rules read it
        figures.extend(f for f in read if f is not None)
        rows.append((start, start + len(line)))
    return Table(figures, rows)


def _caption(lines: list[tuple[int, str]], above: int) -> str:
    """The non-empty lines (up to two) right above a table's header or first row."""
    found: list[str] = []
    j = above - 1
    while j >= 0 and len(found) < 2:
        line = lines[j][1].strip()
        if line:
            if len(line) > 80 or (line.endswith(("。", ".")) and len(line) > 40):
                break  # prose, no caption
            if len(_cells(*lines[j])) > 1 and not _CAPTION_WORD.match(line):
                break  # a row or header of a table above ("附表　2027年..." is a caption)
            found.append(line)
        elif found:
            break
        j -= 1
    return " ".join(reversed(found))


def _header_in_caption(caption: str) -> list[_Cell]:
    """A header written inside the caption's brackets: "附表　……主要产品产量（产品名称　单位
    10月产量　同比增长(%)　1—10月产量　同比增长(%)）"."""
    found = _HEADER_IN_CAPTION.search(caption)
    if not found:
        return []
    cells = _split_cells(0, found.group(1))
    return cells if len(cells) >= 3 and _is_header(cells) else []


#: a bracketed run of header cells at a caption's end
_HEADER_IN_CAPTION = re.compile(r"[（(]((?:[^（）()]|[（(][^（）()]*[)）])+)[)）]\s*$")
#: what a caption opens with, wide spaces after it or not
_CAPTION_WORD = re.compile(
    r"(?:附表|附件|表\s*\d|(?:annex|appendix|attached)\s+tables?|table\s*\d)", re.IGNORECASE)


def _topic(caption: str, lang: str) -> str:
    lower = caption.lower()
    for word, noun in (_TOPICS_ZH if lang == "zh" else _TOPICS_EN):
        if word in lower:
            return noun
    return ""


def _columns(header: list[_Cell], count: int, lang: str, period_of: Callable[[str], str],
             caption_period: str) -> list[_Column]:
    """What each of ``count`` figure columns measures, from the header's cells (the last
    ``count`` of them: a first cell over the labels, "指标", may stand before)."""
    names = [c.text for c in header[-count:]] if len(header) >= count else []
    names = [""] * (count - len(names)) + names
    # the header's first cell over the labels may name the period ("主要产品产量（5月）")
    over_labels = header[0].text if len(header) == count + 1 else ""
    default_period = period_of(over_labels) or caption_period
    columns = [_column(name, lang, period_of, default_period) for name in names]
    # "1—10月产量　同比增长(%)": a growth column naming no period is of the level before it
    for k in range(1, count):
        if (columns[k].measure != "level" and not period_of(names[k])
                and columns[k - 1].measure == "level" and period_of(names[k - 1])):
            columns[k] = replace(columns[k], period=columns[k - 1].period)
    return columns


def _column(name: str, lang: str, period_of: Callable[[str], str], default_period: str
            ) -> _Column:
    lower = name.lower()
    unit_match = _UNIT.search(name)
    unit_words = unit_match.group(1) if unit_match else ""
    percent = "%" in name or "％" in name or unit_words in ("%", "％")
    if any(w in lower for w in _QOQ_WORDS):
        measure = "growth_qoq"
    elif any(w in lower for w in _POINT_WORDS):
        measure = "change"
    elif any(w in lower for w in _SHARE_WORDS):
        measure = "share"
    elif any(w in lower for w in _GROWTH_WORDS) or percent:
        measure = "growth_yoy"
    else:
        measure = "level"
    unit = {"change": "percentage_point", "level": ""}.get(measure, "percent")
    if measure == "level" and unit_words:
        unit = unit_words  # scaled per cell ("亿元", "100 million yuan")
    noun = _UNIT.sub(" ", name)
    noun = _HOW_WORDS.sub(" ", noun)
    period = period_of(name)
    if period:
        noun = _without_period(noun)
    noun = re.sub(r"\s+", " ", noun).strip(" ,:：()（）")
    if lang == "zh":
        noun = noun.replace(" ", "")
    if not any(ch.isalpha() for ch in noun) or _is_period_word(noun):
        noun = ""
    return _Column(measure, unit, noun, period or default_period)


_PERIOD_WORDS = re.compile(
    r"\d{4}年|\d{1,2}\s*[—–-]\s*\d{1,2}月份?|\d{1,2}月份?|全年|上半年|前三季度|一季度|"
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?(?:\s*[—–-]\s*\w+)?|"
    r"\b(?:in|for)\b|\b\d{4}\b|\bq[1-4]\b|\bh[12]\b|\bfull\s+year\b",
    re.IGNORECASE)


def _without_period(noun: str) -> str:
    return _PERIOD_WORDS.sub(" ", noun)


def _is_period_word(noun: str) -> bool:
    return not _PERIOD_WORDS.sub("", noun).strip()


def _figure(cell: _Cell, label: str, column: _Column, group: str, topic: str, lang: str,
            province_of: Callable[[str], str]) -> TableFigure | None:
    number = _NUMBER.fullmatch(cell.text)
    if number is None:
        return None
    raw = cell.text.replace("−", "-").replace(",", "").rstrip("%")
    value = float(raw)
    label_unit = _UNIT.search(label)
    name = _UNIT.sub("", label).strip()
    measure, unit = column.measure, column.unit
    if "%" in cell.text and measure == "level":
        measure, unit = "share", "percent"
    if measure == "level":
        scaled = _scaled(value, column.unit or (label_unit.group(1) if label_unit else ""),
                         lang)
        if scaled is None:
            value, unit = value, "count"
        else:
            value, unit = scaled
    province = province_of(name)
    product = label_unit is not None and label_unit.group(1) not in ("%", "％")
    subject = _subject(name if not province else "", column, group, topic, product, lang)
    if not subject:
        return None
    return TableFigure(cell.start, cell.end, value, unit, measure, subject, column.period,
                       province)


def _scaled(value: float, unit_words: str, lang: str) -> tuple[float, str] | None:
    """(value in base units, unit) of a level whose unit a label or header names."""
    if not unit_words:
        return None
    if lang == "zh" or not unit_words[0].isascii():
        quantity = f"1{unit_words}"
        found: list[Mention] = list(find_mentions_zh(quantity))
    else:
        quantity = unit_words if unit_words[0].isdigit() else f"1 {unit_words}"
        found = list(find_mentions_en(quantity))
    whole = [m for m in found if m.start == 0]
    if not whole:
        return None
    return value * whole[0].value, whole[0].unit


def _subject(name: str, column: _Column, group: str, topic: str, product: bool,
             lang: str) -> str:
    """What a row's figure in a column measures: the label with the thing its column, its
    group or its caption measures ("采矿业" + "增加值"; "output of" + "crude steel")."""
    group_topic = _topic(group, lang)
    noun = column.noun or ("产量" if product and lang == "zh" else "output" if product
                           else group_topic or topic)
    if not name:
        return noun
    if _names_own_noun(name, lang):
        return name
    if not noun:
        return name
    if lang == "zh":
        return f"{name}{noun}"
    return f"{noun} of {lowered(name[:1]) + name[1:] if not name[:2].isupper() else name}"


def _names_own_noun(name: str, lang: str) -> bool:
    if lang == "zh":
        return name.endswith("量") or any(w in name for w in _OWN_NOUN_ZH)
    lower = name.lower()
    if lower.startswith("production and supply"):
        return False  # the utilities sector's name, no output
    return any(w in lower for w in _OWN_NOUN_EN)
