"""The rule file: shipped defaults load, and every kind of mistake names file, rule and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from indmon.errors import RuleError
from indmon.monitor.rules import RULE_TYPES, load_rules, parse_rules

GOOD = """
rules:
  - id: r1
    name_en: Growth negative
    name_zh: 增速为负
    severity: high
    type: growth_below
    params: {indicator: va_yoy, below: -1.5}
"""


def test_shipped_rules_cover_every_rule_type() -> None:
    rules = load_rules()
    # a diffusion index is published, never computed: its rule is among the published ones
    published = load_rules(Path(__file__).parents[2]
                           / "src/indmon/monitor/data/published-rules.yaml")
    assert {r.type for r in (*rules.rules, *published.rules)} == set(RULE_TYPES)
    assert rules.anomalies["max_per_period"] > 0


def test_defaults_fill_parameters_left_out() -> None:
    rule = parse_rules(GOOD).rule("r1")
    assert rule.params == {"indicator": "va_yoy", "below": -1.5,
                           "cells": ["industry", "province"], "min_enterprises": 10}


def _broken(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new)


@pytest.mark.parametrize(("text", "rule", "field", "words"), [
    (_broken("type: growth_below", "type: growth_under"), "r1", "type",
     "expected one of growth_below"),
    (_broken("severity: high", "severity: urgent"), "r1", "severity", "high, medium, low"),
    (_broken("below: -1.5", "below: minus one"), "r1", "below", "expected a number"),
    (_broken("below: -1.5", "threshold: 2"), "r1", "threshold", "unknown parameter"),
    (_broken("indicator: va_yoy", "indicator: va_mom"), "r1", "indicator", "va_ytd_yoy"),
    (_broken("    name_zh: 增速为负\n", ""), "r1", "name_zh", "Chinese"),
    (_broken("    severity: high\n", "    severity: high\n    colour: red\n"), "r1", "colour",
     "unknown field"),
    (_broken("id: r1", "id: r 1"), "", "id", "needs an 'id'"),
    (GOOD + GOOD.split("rules:\n", 1)[1], "r1", "id", "used twice"),
    (_broken("below: -1.5", "below: -1.5, min_enterprises: 0"), "r1", "min_enterprises",
     ">= 1"),
])
def test_mistakes_name_the_rule_and_field(text: str, rule: str, field: str, words: str) -> None:
    with pytest.raises(RuleError) as caught:
        parse_rules(text, "mine.yaml")
    assert (caught.value.file, caught.value.rule, caught.value.field) == ("mine.yaml", rule, field)
    assert "mine.yaml" in str(caught.value)
    assert words in str(caught.value)


def test_a_month_count_must_be_a_whole_number() -> None:
    text = GOOD.replace("type: growth_below", "type: consecutive_decline").replace(
        "{indicator: va_yoy, below: -1.5}", "{months: 2.5}")
    with pytest.raises(RuleError, match=r"parameter 'months' is 2.5; expected an integer"):
        parse_rules(text)


def test_yaml_syntax_error_gives_the_line() -> None:
    with pytest.raises(RuleError, match=r"bad.yaml: not valid YAML at line 3"):
        parse_rules("rules:\n  - id: a\n  name_en: b\n", "bad.yaml")


def test_a_file_without_rules_says_what_is_expected() -> None:
    with pytest.raises(RuleError, match="'rules:' list"):
        parse_rules("- id: a\n")


def test_missing_file_is_a_rule_error(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="cannot read the rule file"):
        load_rules(tmp_path / "absent.yaml")


def test_anomaly_settings_are_checked() -> None:
    with pytest.raises(RuleError, match="'anomalies', parameter 'threshold'"):
        parse_rules(GOOD + "anomalies: {threshold: 0}\n")


def test_a_disabled_rule_is_kept_but_not_enabled() -> None:
    rules = parse_rules(GOOD.replace("severity: high", "severity: high\n    enabled: false"))
    assert [r.id for r in rules.rules] == ["r1"] and rules.enabled() == []
