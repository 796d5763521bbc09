"""Monitoring rules as data: a YAML file of rules, each of a known type with checked parameters.

The shipped defaults live in ``monitor/data/rules.yaml``; a user copies and edits that
file and passes it with ``indmon monitor --rules FILE``. Everything is validated before
anything is evaluated, so a typo fails at once with the file, the rule id, the field,
what was expected and how to fix it, instead of silently never firing.

>>> rules = load_rules()
>>> rules.rule("key-enterprise-collapse").type
'key_enterprise_drop'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from indmon.errors import RuleError

SEVERITIES = ("high", "medium", "low")
#: cell levels: which (industry, province) pairs a rule looks at
LEVELS = ("industry_province", "industry", "sector", "province", "country")
#: growth indicators the cell rules can watch (computed by indmon.compute)
GROWTH_INDICATORS = (
    "va_yoy", "va_ytd_yoy", "va_real_yoy", "va_real_ytd_yoy",
    "output_ytd_yoy", "revenue_ytd_yoy", "profit_ytd_yoy",
)
#: diffusion indices the level rules can watch (published by the statistics bureau)
INDEX_INDICATORS = (
    "pmi_manufacturing", "pmi_non_manufacturing", "pmi_composite", "pmi_services",
    "pmi_construction", "pmi_production", "pmi_new_orders", "pmi_new_export_orders",
    "pmi_employment", "pmi_large", "pmi_medium", "pmi_small", "pmi_expectations",
)
_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_REQUIRED = object()


@dataclass(frozen=True)
class Param:
    """One parameter of a rule type: its kind, default and allowed values."""

    kind: str  #: float | int | choice | levels | list
    default: Any = _REQUIRED
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    help: str = ""

    def expected(self) -> str:
        if self.kind in ("choice", "list"):
            return f"{'a list of ' if self.kind == 'list' else ''}one of {', '.join(self.choices)}"
        if self.kind == "levels":
            return f"a list of cell levels among {', '.join(LEVELS)}"
        bounds = []
        if self.minimum is not None:
            bounds.append(f">= {self.minimum:g}")
        if self.maximum is not None:
            bounds.append(f"<= {self.maximum:g}")
        noun = "an integer" if self.kind == "int" else "a number"
        return noun + (" " + " and ".join(bounds) if bounds else "")


def _indicator(default: str = "va_yoy") -> Param:
    return Param("choice", default, GROWTH_INDICATORS, help="growth indicator watched")


def _min_enterprises(default: int) -> Param:
    return Param("int", default, minimum=1, help="fewest enterprises behind a cell's figure")


#: every rule type with its parameters; docs/monitor.md describes each
RULE_TYPES: dict[str, dict[str, Param]] = {
    "growth_below": {
        "indicator": _indicator(),
        "below": Param("float", 0.0, help="fires when growth (percent) is below this"),
        "cells": Param("levels", ["industry", "province"]),
        "min_enterprises": _min_enterprises(10),
    },
    "consecutive_decline": {
        "indicator": _indicator(),
        "months": Param("int", 3, minimum=2, maximum=24, help="length of the streak"),
        "below": Param("float", 0.0),
        "cells": Param("levels", ["industry_province", "industry", "province"]),
        "min_enterprises": _min_enterprises(10),
    },
    "index_turns_below": {
        "indicator": Param("choice", "pmi_manufacturing", INDEX_INDICATORS,
                           help="diffusion index watched"),
        "below": Param("float", 50.0, minimum=0.0, maximum=100.0,
                       help="fires when the index falls below this from at or above it"),
        "cells": Param("levels", ["country"]),
    },
    "below_country": {
        "indicator": _indicator("va_ytd_yoy"),
        "gap_pp": Param("float", 5.0, minimum=0.0, help="percentage points below the country"),
        "min_enterprises": _min_enterprises(10),
    },
    "loss_share_rising": {
        "rise_pp": Param("float", 5.0, minimum=0.0, help="rise of the loss-making share, pp"),
        "cells": Param("levels", ["industry", "province"]),
        "min_enterprises": _min_enterprises(30),
    },
    "electricity_vs_output": {
        "gap_pp": Param("float", 20.0, minimum=0.0,
                        help="electricity growth minus output growth below minus this"),
        "cells": Param("levels", ["industry_province"]),
        "min_enterprises": _min_enterprises(10),
    },
    "key_enterprise_drop": {
        "measure": Param("choice", "value_added", ("value_added", "output_value")),
        "drop_pct": Param("float", 30.0, minimum=0.0, maximum=100.0),
        "top_n": Param("int", 20, minimum=0, help="key: among the top N of its province"),
        "min_value_added": Param("float", 0.0, minimum=0.0,
                                 help="key also: monthly value added at least this (yuan); 0 off"),
    },
    "stopped_reporting": {
        "months": Param("int", 2, minimum=1, maximum=24, help="months without a report"),
        "min_enterprises": _min_enterprises(3),
        "min_share_pct": Param("float", 5.0, minimum=0.0, maximum=100.0,
                               help="their share of the cell's value added, percent"),
    },
    "sample_change": {
        "min_comparable_share": Param("float", 0.85, minimum=0.0, maximum=1.0),
        "max_churn_pct": Param("float", 30.0, minimum=0.0),
        "cells": Param("levels", ["industry_province"]),
        "min_enterprises": _min_enterprises(20),
    },
}

#: settings of the anomaly detectors (the ``anomalies:`` section)
ANOMALY_PARAMS: dict[str, Param] = {
    "enabled": Param("choice", True, ("true", "false")),
    "indicators": Param("list", ["va_yoy"], GROWTH_INDICATORS),
    "cells": Param("levels", ["industry_province", "industry", "province"]),
    "threshold": Param("float", 4.0, minimum=0.5),
    "min_scale_pp": Param("float", 2.0, minimum=0.0),
    "history_months": Param("int", 36, minimum=12, maximum=240),
    "min_history": Param("int", 6, minimum=2),
    "min_peers": Param("int", 8, minimum=3),
    "min_enterprises": _min_enterprises(20),
    "max_per_period": Param("int", 20, minimum=0),
    "severity": Param("choice", "low", SEVERITIES),
}


@dataclass(frozen=True)
class Rule:
    """One monitoring rule: what to check, how serious it is when it fires."""

    id: str
    name_en: str
    name_zh: str
    severity: str
    type: str
    params: dict[str, Any] = field(default_factory=dict)
    enabled: bool = True


@dataclass(frozen=True)
class RuleSet:
    """The rules and anomaly settings read from one file."""

    rules: tuple[Rule, ...]
    anomalies: dict[str, Any]
    file: str

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise RuleError(f"{self.file}: no rule {rule_id!r}", file=self.file, rule=rule_id)

    def enabled(self) -> list[Rule]:
        return [r for r in self.rules if r.enabled]


def default_rules_path() -> Path:
    return Path(str(resources.files("indmon.monitor").joinpath("data", "rules.yaml")))


def load_rules(path: str | Path | None = None) -> RuleSet:
    """Read and validate a rule file (default: the shipped ``rules.yaml``)."""
    source = Path(path) if path is not None else default_rules_path()
    try:
        text = source.read_text("utf-8")
    except OSError as exc:
        raise RuleError(
            f"cannot read the rule file {source}: {exc.strerror}; give an existing YAML file "
            "(copy the shipped one from 'indmon monitor --show-rules')", file=str(source),
        ) from None
    return parse_rules(text, str(source))


def parse_rules(text: str, file: str = "rules.yaml") -> RuleSet:
    """Validate rule-file text; ``file`` names it in error messages."""
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise RuleError(f"{file}: not valid YAML{where}: {getattr(exc, 'problem', exc)}",
                        file=file) from None
    if not isinstance(document, dict) or not isinstance(document.get("rules"), list):
        raise RuleError(f"{file}: expected a mapping with a 'rules:' list at the top",
                        file=file, field="rules")
    extra = set(document) - {"rules", "anomalies"}
    if extra:
        raise RuleError(f"{file}: unknown top-level keys {sorted(extra)}; allowed: rules, "
                        "anomalies", file=file, field=sorted(extra)[0])
    rules = tuple(_rule(raw, file, index) for index, raw in enumerate(document["rules"], 1))
    _check_unique(rules, file)
    anomalies = _params(document.get("anomalies") or {}, ANOMALY_PARAMS, file, "anomalies")
    return RuleSet(rules, anomalies, file)


def _rule(raw: Any, file: str, index: int) -> Rule:
    if not isinstance(raw, dict):
        raise RuleError(f"{file}: rule #{index} is not a mapping of fields", file=file)
    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not _ID.match(rule_id):
        raise RuleError(f"{file}: rule #{index} needs an 'id' of letters, digits, _ and -, "
                        f"got {rule_id!r}", file=file, field="id")
    where = f"{file}: rule {rule_id!r}"
    allowed = {"id", "name_en", "name_zh", "severity", "type", "params", "enabled"}
    for key in sorted(set(raw) - allowed):
        raise RuleError(f"{where}: unknown field {key!r}; allowed: {', '.join(sorted(allowed))}"
                        " (type parameters go under 'params')", file=file, rule=rule_id, field=key)
    for key in ("name_en", "name_zh"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise RuleError(f"{where}: field {key!r} is missing; give the rule's name in "
                            f"{'English' if key == 'name_en' else 'Chinese'}",
                            file=file, rule=rule_id, field=key)
    if raw.get("severity") not in SEVERITIES:
        raise RuleError(f"{where}: field 'severity' is {raw.get('severity')!r}; expected one of "
                        f"{', '.join(SEVERITIES)}", file=file, rule=rule_id, field="severity")
    if raw.get("type") not in RULE_TYPES:
        raise RuleError(f"{where}: field 'type' is {raw.get('type')!r}; expected one of "
                        f"{', '.join(RULE_TYPES)}", file=file, rule=rule_id, field="type")
    enabled = raw.get("enabled", True)
    if not isinstance(enabled, bool):
        raise RuleError(f"{where}: field 'enabled' must be true or false",
                        file=file, rule=rule_id, field="enabled")
    params = _params(raw.get("params") or {}, RULE_TYPES[raw["type"]], file, rule_id)
    return Rule(rule_id, raw["name_en"], raw["name_zh"], raw["severity"], raw["type"],
                params, enabled)


def _params(raw: Any, spec: dict[str, Param], file: str, rule_id: str) -> dict[str, Any]:
    where = f"{file}: rule {rule_id!r}" if rule_id != "anomalies" else f"{file}: 'anomalies'"
    if not isinstance(raw, dict):
        raise RuleError(f"{where}: 'params' must be a mapping of parameter: value",
                        file=file, rule=rule_id, field="params")
    for key in sorted(set(raw) - set(spec)):
        raise RuleError(f"{where}: unknown parameter {key!r}; this type takes "
                        f"{', '.join(spec)}", file=file, rule=rule_id, field=key)
    values: dict[str, Any] = {}
    for name, param in spec.items():
        if name not in raw:
            if param.default is _REQUIRED:
                raise RuleError(f"{where}: parameter {name!r} is missing; give "
                                f"{param.expected()}", file=file, rule=rule_id, field=name)
            values[name] = param.default
            continue
        values[name] = _checked(raw[name], param, f"{where}, parameter {name!r}",
                                file, rule_id, name)
    return values


def _checked(value: Any, param: Param, where: str, file: str, rule_id: str, name: str) -> Any:
    def wrong() -> RuleError:
        return RuleError(f"{where} is {value!r}; expected {param.expected()}",
                         file=file, rule=rule_id, field=name)

    if param.kind == "choice" and isinstance(param.default, bool):
        if not isinstance(value, bool):
            raise RuleError(f"{where} must be true or false", file=file, rule=rule_id, field=name)
        return value
    if param.kind == "choice":
        if value not in param.choices:
            raise wrong()
        return value
    if param.kind in ("levels", "list"):
        allowed = LEVELS if param.kind == "levels" else param.choices
        if not isinstance(value, list) or not value or any(v not in allowed for v in value):
            raise wrong()
        return list(value)
    return _number(value, param, wrong)


def _number(value: Any, param: Param, wrong: Any) -> float | int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise wrong()
    if param.kind == "int" and not isinstance(value, int):
        raise wrong()
    too_low = param.minimum is not None and value < param.minimum
    too_high = param.maximum is not None and value > param.maximum
    if too_low or too_high:
        raise wrong()
    return int(value) if param.kind == "int" else float(value)


def _check_unique(rules: tuple[Rule, ...], file: str) -> None:
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise RuleError(f"{file}: rule id {rule.id!r} is used twice; give each rule its own "
                            "id", file=file, rule=rule.id, field="id")
        seen.add(rule.id)


__all__ = [
    "LEVELS",
    "RULE_TYPES",
    "SEVERITIES",
    "Param",
    "Rule",
    "RuleSet",
    "default_rules_path",
    "load_rules",
    "parse_rules",
]
