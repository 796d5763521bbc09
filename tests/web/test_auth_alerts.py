"""Who sees which alerts: aggregates for every reader, enterprise alerts by grant."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from indmon.errors import ConfigError
from indmon.monitor.alerts import Alert, save_alerts
from indmon.store import Store
from indmon.web.api.alerts import enterprise_scope, visible_alerts
from indmon.web.auth import User

BEIJING, GUANGDONG = "110000", "440000"
ADMIN = User("root", "admin")
ANALYST = User("ana", "analyst", provinces=frozenset({BEIJING}))
UNGRANTED = User("bo", "analyst")
REPORTER = User("rep", "reporter", enterprise_id="E001")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "alerts.duckdb") as opened:
        save_alerts(opened, [
            Alert("va-drop", "rule", "high", "2024-03", "Falling", "下降", indicator="va_yoy",
                  province=GUANGDONG),
            Alert("firm", "rule", "medium", "2024-03", "E001 loss", "E001亏损",
                  province=BEIJING, enterprise_id="E001"),
            Alert("firm", "rule", "medium", "2024-03", "E002 loss", "E002亏损",
                  province=GUANGDONG, enterprise_id="E002"),
        ])
        yield opened


def _firms(store: Store, user: User | None) -> set[str]:
    return set(visible_alerts(store, user)["enterprise_id"].dropna())


def test_enterprise_alerts_follow_the_grant(store: Store) -> None:
    assert _firms(store, ADMIN) == {"E001", "E002"}
    assert _firms(store, ANALYST) == {"E001"}
    assert _firms(store, UNGRANTED) == set()
    assert _firms(store, REPORTER) == set()
    assert _firms(store, None) == set()
    # the aggregate alert is everyone's, wherever it is
    for user in (ADMIN, ANALYST, UNGRANTED, REPORTER, None):
        assert "va-drop" in set(visible_alerts(store, user)["rule_id"])


def test_scope_by_role() -> None:
    assert enterprise_scope(ADMIN) is None
    assert enterprise_scope(ANALYST) == [BEIJING]
    assert enterprise_scope(REPORTER) == enterprise_scope(None) == []


def test_a_province_filter_does_not_widen_the_grant(store: Store) -> None:
    seen = visible_alerts(store, ANALYST, provinces=[GUANGDONG])
    assert seen["rule_id"].tolist() == ["va-drop"]
    with pytest.raises(ConfigError, match="status 'open'"):
        visible_alerts(store, ANALYST, status="open")
