"""Tables written as text (appendix tables of releases saved as text): each figure is read
by its row label, column header and caption, not as a sentence (texts written here,
figures invented)."""

from __future__ import annotations

from indmon.catalogue import Catalogue
from indmon.extract import extract_facts
from indmon.extract.facts import Fact
from indmon.extract.mapping import map_facts

ZH_APPENDIX = (
    "2027年5月份规模以上工业增加值增长5.8%\n\n"
    "5月份，规模以上工业增加值同比增长5.8%。\n\n"
    "附表：2027年5月份规模以上工业生产主要数据\n\n"
    "指标　　5月增速(%)　　1—5月增速(%)\n"
    "采矿业　3.9　4.2\n"
    "制造业　6.4　6.7\n"
    "电力、热力、燃气及水生产和供应业　-0.8　2.1\n\n"
    "主要产品产量（5月）　　产量　　同比增长(%)\n"
    "粗钢(万吨)　8470　-1.8\n"
    "集成电路（亿块）　461　14.8\n"
    "工业机器人(套)　74800　22.6\n"
)

EN_APPENDIX = (
    "Industrial production in May 2027\n\n"
    "In May, value added of industry grew 5.8% year on year.\n\n"
    "Table: Main data of industrial production, May 2027\n\n"
    "Indicator\tMay growth (%)\tJan-May growth (%)\n"
    "By sector\n"
    "Mining\t3.9\t4.2\n"
    "Manufacturing\t6.4\t6.7\n\n"
    "Output of major products (May)    Output    Growth (%)\n"
    "Crude steel (10,000 tonnes)    8,470    -1.8\n"
    "Electricity (100 million kWh)    7,425    3.1\n"
)


def cells(text: str, cat: Catalogue, published: str = "2027-06-15"
          ) -> dict[str, tuple[str | None, str, str, float]]:
    """Each fact's (offset-unique) mention with its indicator, industry, period, value."""
    facts = map_facts(extract_facts(text, "t", published=published), cat)
    return {_at(text, f): (f.indicator, f.industry, f.period, f.value) for f in facts}


def _at(text: str, fact: Fact) -> str:
    """The figure with the words of its row before it: "采矿业　3.9"."""
    line_start = text.rfind("\n", 0, fact.start) + 1
    return text[line_start:fact.end]


def test_a_chinese_appendix_reads_sector_rows_by_the_period_of_their_column(
        cat: Catalogue) -> None:
    found = cells(ZH_APPENDIX, cat)
    assert found["采矿业　3.9"] == ("va_yoy", "B", "2027-05", 3.9)
    assert found["采矿业　3.9　4.2"] == ("va_ytd_yoy", "B", "2027-01/2027-05", 4.2)
    assert found["电力、热力、燃气及水生产和供应业　-0.8"] == ("va_yoy", "D", "2027-05", -0.8)


def test_a_products_table_scales_each_level_by_the_unit_its_label_names(
        cat: Catalogue) -> None:
    found = cells(ZH_APPENDIX, cat)
    assert found["粗钢(万吨)　8470"] == ("crude_steel_output", "ALL", "2027-05", 84_700_000)
    assert found["粗钢(万吨)　8470　-1.8"] == ("crude_steel_output_yoy", "ALL", "2027-05", -1.8)
    assert found["集成电路（亿块）　461"][0] == "ic_output"
    assert found["集成电路（亿块）　461"][3] == 46_100_000_000
    # the row below another never takes its subject from the row above
    assert found["工业机器人(套)　74800"][:2] == ("industrial_robot_output", "ALL")


def test_an_english_table_with_tabs_and_wide_spaces(cat: Catalogue) -> None:
    found = cells(EN_APPENDIX, cat)
    assert found["Mining\t3.9"] == ("va_yoy", "B", "2027-05", 3.9)
    assert found["Manufacturing\t6.4\t6.7"] == ("va_ytd_yoy", "C", "2027-01/2027-05", 6.7)
    assert found["Crude steel (10,000 tonnes)    8,470"][::3] == ("crude_steel_output",
                                                                   84_700_000)
    assert found["Electricity (100 million kWh)    7,425    3.1"][0] == (
        "power_generation_output_yoy")
    assert found["Electricity (100 million kWh)    7,425"][3] == 742_500_000_000


def test_a_markdown_table_of_provinces_reads_each_row_as_its_province(
        cat: Catalogue) -> None:
    text = ("Value added of industry by province, January-May 2027\n\n"
            "| Province | Jan-May growth (%) |\n|---|---|\n"
            "| Guangdong | 5.2 |\n| Jiangsu | 7.1 |\n")
    facts = map_facts(extract_facts(text, "t", published="2027-06-15"), cat)
    assert [(f.mention, f.indicator, f.province, f.period) for f in facts] == [
        ("5.2", "va_ytd_yoy", "440000", "2027-01/2027-05"),
        ("7.1", "va_ytd_yoy", "320000", "2027-01/2027-05")]


def test_prose_and_page_lines_with_wide_spaces_are_no_table() -> None:
    text = ("发布时间：2027-06-15 10:00　　来源：国家统计局　　浏览次数：4127\n\n"
            "5月份，规模以上工业增加值同比增长5.8%。")
    facts = extract_facts(text, "t", published="2027-06-15")
    assert [f.mention for f in facts] == ["5.8%"]


def test_a_row_whose_table_names_no_measure_is_left_to_the_sentence_rules() -> None:
    # neither the header nor a caption says what the figures are: no table reading
    text = "Region    Score\nNorth    12\nSouth    15\n"
    facts = extract_facts(text, "t", published="2027-06-15")
    assert [f.mention for f in facts] == ["12", "15"]
    assert all(f.subject != "" or f.measure for f in facts)


def test_a_caption_set_apart_by_wide_spaces_names_the_topic(cat: Catalogue) -> None:
    zh = ("附表　2027年6月份规模以上工业生产主要数据\n\n"
          "指标　　6月增速(%)　　1—6月增速(%)\n"
          "　采矿业　2.7　3.3\n"
          "　电力、热力、燃气及水生产和供应业　1.9　2.5\n")
    found = {v[3]: v[:2] for v in cells(zh, cat).values()}
    assert found[2.7] == ("va_yoy", "B")
    assert found[2.5] == ("va_ytd_yoy", "D")
    en = ("Annex table  Main data on industrial production, June 2027\n\n"
          "Indicator\tJune growth (%)\tJan-Jun growth (%)\n"
          "Mining\t2.7\t3.3\n"
          "Production and supply of electricity, heat, gas and water\t1.9\t2.5\n\n"
          "Product\tJune output\tJune growth (%)\n"
          "Electricity generated (100 million kWh)\t8120.4\t3.6\n")
    found = {v[3]: v[:2] for v in cells(en, cat).values()}
    assert found[3.3] == ("va_ytd_yoy", "B")
    assert found[1.9] == ("va_yoy", "D")  # a sector's name, no output
    assert found[812040000000.0][0] == "power_generation_output"


def test_a_unit_column_and_a_header_inside_the_caption(cat: Catalogue) -> None:
    text = ("2027年10月份规模以上工业生产情况（模拟）\n\n"
            "10月份，规模以上工业增加值同比增长5.9%。\n\n"
            "附表　2027年10月份主要产品产量（产品名称　单位　10月产量　同比增长(%)　1—10月产量"
            "　同比增长(%)）\n\n"
            "粗钢　万吨　7862.3　-3.4　84215.6　-1.9\n"
            "汽车　万辆　291.4　6.7　2512.8　8.8\n"
            "　其中：新能源汽车　万辆　156.2　22.8　1297.5　27.1\n")
    found = cells(text, cat, "2027-11-15")
    assert found["粗钢　万吨　7862.3"] == ("crude_steel_output", "ALL", "2027-10", 78_623_000)
    # the growth column after the year to date's level is the year to date's
    assert found["粗钢　万吨　7862.3　-3.4　84215.6　-1.9"] == (
        "crude_steel_output_yoy", "ALL", "2027-01/2027-10", -1.9)
    assert found["　其中：新能源汽车　万辆　156.2"][0] == "nev_production"


def test_a_factbox_written_with_dashes(cat: Catalogue) -> None:
    text = ("Factory output in October 2027 (simulated)\n\nOutput grew 5.9% in October.\n\n"
            "FACTBOX: Output of major products\n"
            "Crude steel - 10,000 tonnes - October: 7,862.3 (-3.4%) - Jan-Oct: 84,215.6 (-1.9%)\n"
            "Industrial robots - sets - October: 71,236 (+19.6%) - Jan-Oct: 634,118 (+24.7%)\n")
    found = cells(text, cat, "2027-11-15")
    steel = "Crude steel - 10,000 tonnes - October: 7,862.3"
    assert found[steel] == ("crude_steel_output", "ALL", "2027-10", 78_623_000)
    assert found[steel + " (-3.4%"] == ("crude_steel_output_yoy", "ALL", "2027-10", -3.4)
    robots = "Industrial robots - sets - October: 71,236 (+19.6%) - Jan-Oct: 634,118"
    assert found[robots] == ("industrial_robot_output", "ALL", "2027-01/2027-10", 634_118)
