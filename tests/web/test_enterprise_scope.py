"""Enterprise identities stay in scope: alerts that name enterprises (an enterprise's own
alert, or a list of enterprises that stopped reporting) are seen and changed only by an
admin, or by an analyst granted their province; other readers get no trace of them, not
even a 403 that would say they exist. Through a real public server, as the demo runs."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from indmon.monitor.alerts import Alert, save_alerts
from indmon.store import Store
from indmon.web.app import WebConfig

from .servers import Site, add_people, start, stop

BEIJING, GUANGDONG = "110000", "440000"
#: the seeded store's alerts are 1 (national), 2 (E001 in Beijing), 3 (Guangdong
#: aggregate); these come after them, one id each
KEY_FIRM_GD, SILENT_GD, SILENT_BJ, AGGREGATE_BJ = 4, 5, 6, 7
SECRET_IDS = ("E002", "E-GD-7", "E-GD-8")


@pytest.fixture(scope="module")
def scoped(seeded: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    db = tmp_path_factory.mktemp("scope") / "scope.duckdb"
    shutil.copy(seeded, db)
    with Store.open(db) as store:
        for alert in (
            Alert("key-enterprise-collapse", "rule", "high", "2024-03",
                  "Key enterprise E002 (Guangdong): value added -40.0% year on year",
                  "重点企业E002（广东）增加值同比-40.0%", {"now": 1.0, "year_ago": 2.0},
                  indicator="value_added", industry="36", province=GUANGDONG,
                  enterprise_id="E002", simulated=True),
            Alert("enterprises-stopped-reporting", "rule", "medium", "2024-03",
                  "Automobiles, Guangdong: 3 of 9 enterprises have not reported since 2024-01",
                  "广东汽车制造业9家企业中有3家未报送",
                  {"silent": 3, "enterprises": 9, "enterprise_ids": ["E-GD-7", "E-GD-8"]},
                  indicator="enterprises", industry="36", province=GUANGDONG, simulated=True),
            Alert("enterprises-stopped-reporting", "rule", "medium", "2024-03",
                  "Automobiles, Beijing: 3 of 9 enterprises have not reported since 2024-01",
                  "北京汽车制造业9家企业中有3家未报送",
                  {"silent": 3, "enterprises": 9, "enterprise_ids": ["E-BJ-1"]},
                  indicator="enterprises", industry="36", province=BEIJING, simulated=True),
            Alert("va_drop", "rule", "low", "2024-03", "Beijing value added slowed",
                  "北京增加值增速回落", {"value": 1.0}, indicator="va_yoy", province=BEIJING,
                  simulated=True),
        ):
            save_alerts(store, [alert])
    tokens = add_people(db)
    url, running = start(db, WebConfig(public=True))
    yield Site(url, tokens, db)
    stop(running)


def _alerts(site: Site, role: str | None) -> dict[int, dict[str, Any]]:
    with site.client(role) as client:
        response = client.get("/api/alerts", params={"limit": 500})
    assert response.status_code == 200, response.text
    return {a["alert_id"]: a for a in response.json()["items"]}


def test_public_readers_see_no_alert_naming_enterprises(scoped: Site) -> None:
    seen = _alerts(scoped, None)
    assert set(seen) == {1, 3, AGGREGATE_BJ}
    for alert in seen.values():
        assert alert["enterprise_id"] is None and "enterprise_ids" not in alert["evidence"]


def test_an_analyst_sees_enterprise_alerts_of_its_provinces_only(scoped: Site) -> None:
    seen = _alerts(scoped, "analyst")  # ana: Beijing
    assert set(seen) == {1, 2, 3, SILENT_BJ, AGGREGATE_BJ}
    assert seen[SILENT_BJ]["evidence"]["enterprise_ids"] == ["E-BJ-1"]


def test_an_admin_sees_every_alert(scoped: Site) -> None:
    assert set(_alerts(scoped, "admin")) == {1, 2, 3, KEY_FIRM_GD, SILENT_GD, SILENT_BJ,
                                             AGGREGATE_BJ}


def test_a_province_filter_cannot_reach_past_the_grant(scoped: Site) -> None:
    with scoped.client("analyst") as client:
        items = client.get("/api/alerts", params={"province": GUANGDONG}).json()["items"]
    assert [a["alert_id"] for a in items] == [3]


def test_an_alert_out_of_scope_reads_as_missing(scoped: Site) -> None:
    with scoped.client() as anonymous, scoped.client("analyst") as analyst:
        hidden = [anonymous.get(f"/api/alerts/{KEY_FIRM_GD}"),
                  anonymous.get(f"/api/alerts/{SILENT_BJ}"),
                  analyst.get(f"/api/alerts/{KEY_FIRM_GD}"),
                  analyst.get(f"/api/alerts/{SILENT_GD}")]
        missing = analyst.get("/api/alerts/999")
        shown = analyst.get(f"/api/alerts/{SILENT_BJ}")
    for response in [*hidden, missing]:
        assert response.status_code == 404, response.text
        error = response.json()["error"]
        assert error["type"] == "NotFound"
        assert not any(secret in response.text for secret in SECRET_IDS)
    # the same answer as for an alert that does not exist, but for the id
    assert ({r.json()["error"]["message"].replace(str(i), "N")
             for r, i in zip(hidden, (KEY_FIRM_GD, SILENT_BJ, KEY_FIRM_GD, SILENT_GD),
                             strict=True)}
            == {missing.json()["error"]["message"].replace("999", "N")})
    assert shown.status_code == 200 and shown.json()["history"] == []
    assert shown.json()["evidence"]["enterprise_ids"] == ["E-BJ-1"]


def test_an_admin_reads_any_alert(scoped: Site) -> None:
    with scoped.client("admin") as client:
        response = client.get(f"/api/alerts/{KEY_FIRM_GD}")
    assert response.status_code == 200 and response.json()["enterprise_id"] == "E002"


def test_an_analyst_changes_alerts_only_in_its_provinces(scoped: Site) -> None:
    with scoped.client("analyst") as client:
        hidden = client.patch(f"/api/alerts/{KEY_FIRM_GD}", json={"status": "resolved"})
        silent = client.patch(f"/api/alerts/{SILENT_GD}",
                              json={"status": "acknowledged", "note": "seen"})
        elsewhere = client.patch("/api/alerts/3", json={"status": "acknowledged"})
        own = client.patch(f"/api/alerts/{AGGREGATE_BJ}", json={"status": "acknowledged"})
        national = client.patch("/api/alerts/1", json={"status": "acknowledged"})
    assert hidden.status_code == silent.status_code == 404
    assert elsewhere.status_code == 403, elsewhere.text
    assert "440000" in elsewhere.json()["error"]["message"]
    assert own.status_code == 200 and national.status_code == 200
    with scoped.client("admin") as client:
        untouched = [client.get(f"/api/alerts/{i}").json() for i in (KEY_FIRM_GD, SILENT_GD, 3)]
        changed = client.patch(f"/api/alerts/{SILENT_GD}", json={"status": "resolved"})
    assert [a["status"] for a in untouched] == ["new", "new", "new"]
    assert changed.status_code == 200 and changed.json()["status"] == "resolved"


def test_the_dashboard_alerts_page_keeps_the_same_scope(scoped: Site) -> None:
    with scoped.client() as anonymous:
        public = anonymous.get("/alerts", params={"lang": "en"}).text
    with scoped.client("analyst") as analyst:
        own = analyst.get("/alerts", params={"lang": "en"}).text
    for secret in (*SECRET_IDS, "E001", "E-BJ-1", "not reported"):
        assert secret not in public
    for secret in SECRET_IDS:
        assert secret not in own
    assert "E001" in own and "E-BJ-1" in own
    # an analyst is offered actions only on alerts it may change
    rows = {int(chunk.split('"', 1)[0]): chunk for chunk in own.split('data-alert="')[1:]}
    assert 'class="act"' not in rows[3].split("</tr>")[0]


def test_the_report_card_lists_no_enterprise_alerts(scoped: Site) -> None:
    with scoped.client() as anonymous:
        home = anonymous.get("/", params={"lang": "en", "period": "2024-03"}).text
    assert "not reported" not in home
    assert not any(secret in home for secret in SECRET_IDS)
