"""The terminal table every command prints: fits the width, folds, counts CJK as two."""

from __future__ import annotations

from rich.cells import cell_len

from indmon.cli.common import table_lines


def test_a_table_that_fits_keeps_every_cell_on_one_line() -> None:
    lines = table_lines(["id", "value"], [["va_yoy", "6.3"], ["pmi", "49.2"]], 80)
    assert len(lines) == 2 + 2 + 1 + 1  # rules, header, two rows
    assert any(line == "│ va_yoy │ 6.3   │" for line in lines)
    assert len({cell_len(line) for line in lines}) == 1


def test_a_wide_table_is_folded_to_the_width_without_losing_text() -> None:
    long = "Value added of industrial enterprises above designated size"
    lines = table_lines(["name", "unit"], [[long, "percent"]], 40)
    assert max(cell_len(line) for line in lines) <= 40
    first_column = "".join(line.split("│")[1].strip() + " " for line in lines
                           if line.startswith("│"))
    assert " ".join(first_column.split()) == long


def test_chinese_characters_take_two_cells() -> None:
    lines = table_lines(["名称"], [["规模以上工业增加值"]], 12)
    assert max(cell_len(line) for line in lines) <= 12
    folded = "".join(line.strip("│ ") for line in lines if line.startswith("│"))
    assert folded == "规模以上工业增加值"
