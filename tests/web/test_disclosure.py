"""Confidential cells through the real server: the API and the dashboard withhold a
suppressed cell's value from callers without clearance, say why, and show it (marked)
to an analyst of its province and to an admin."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from tests.web.servers import MONTHS, Site, add_people, build_store, start, stop

from indmon.store import Store
from indmon.web.app import WebConfig

LAST = MONTHS[-1]
BEIJING, SHANGHAI, JIANGSU = "110000", "310000", "320000"
FEW = "fewer than 3 enterprises"


@pytest.fixture(scope="module")
def confidential(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    db = tmp_path_factory.mktemp("disclosure") / "store.duckdb"
    build_store(db)
    with Store.open(db) as store:
        store.replace_disclosure(pd.DataFrame([
            {"period": LAST, "industry": "ALL", "province": BEIJING, "status": "primary",
             "reason": FEW, "enterprises": 2, "top1_share": 0.7, "top2_share": 1.0},
            {"period": LAST, "industry": "ALL", "province": SHANGHAI,
             "status": "complementary", "reason": "suppressed so that totals do not "
             "reveal a suppressed cell", "enterprises": 40, "top1_share": 0.1,
             "top2_share": 0.2},
            {"period": LAST, "industry": "26", "province": "ALL", "status": "primary",
             "reason": "dominated by one or two enterprises", "enterprises": 9,
             "top1_share": 0.8, "top2_share": 0.9},
        ]), [LAST], "compute-test")
        # the seeded Guangdong anomaly alert (2024-02) is about a cell now confidential
        store.replace_disclosure(pd.DataFrame([
            {"period": "2024-02", "industry": "ALL", "province": "440000",
             "status": "primary", "reason": FEW, "enterprises": 1, "top1_share": 1.0,
             "top2_share": 1.0}]), ["2024-02"], "compute-test")
    tokens = add_people(db)
    url, running = start(db, WebConfig(public=True))
    yield Site(url, tokens, db)
    stop(running)


def by_province(site: Site, role: str | None, **extra: str) -> dict[str, dict[str, object]]:
    with site.client(role) as client:
        page = client.get("/api/observations", params={
            "indicator": "va_ytd_yoy", "period": LAST, "industry": "ALL", **extra}).json()
    return {str(row["province"]): row for row in page["items"]}


def test_the_public_gets_no_value_and_the_reason(confidential: Site) -> None:
    rows = by_province(confidential, None)
    assert rows[BEIJING]["value"] is None and rows[BEIJING]["withheld"] is True
    assert rows[BEIJING]["n"] is None and rows[BEIJING]["suppressed"] == FEW
    assert rows[SHANGHAI]["value"] is None
    assert rows[JIANGSU]["value"] == pytest.approx(9.0 - 2.2 * 2)
    assert rows[JIANGSU]["withheld"] is False and rows[JIANGSU]["suppressed"] is None


def test_an_analyst_sees_its_provinces_and_an_admin_everything(confidential: Site) -> None:
    analyst = by_province(confidential, "analyst")  # cleared for Beijing only
    assert analyst[BEIJING]["value"] == pytest.approx(9.0)
    assert analyst[BEIJING]["withheld"] is False and analyst[BEIJING]["suppressed"] == FEW
    assert analyst[SHANGHAI]["value"] is None
    reporter = by_province(confidential, "reporter")
    assert reporter[BEIJING]["value"] is None
    admin = by_province(confidential, "admin")
    assert admin[BEIJING]["value"] == pytest.approx(9.0)
    assert admin[SHANGHAI]["value"] == pytest.approx(9.0 - 2.2)


def test_past_vintages_and_csv_withhold_too(confidential: Site) -> None:
    assert by_province(confidential, None, as_of="2030-01-01")[BEIJING]["value"] is None
    with confidential.client() as client:
        text = client.get("/api/observations", params={
            "indicator": "va_ytd_yoy", "period": LAST, "industry": "ALL",
            "format": "csv"}).text
    rows = {r["province"]: r for r in csv.DictReader(io.StringIO(text))}
    assert rows[BEIJING]["value"] == "" and rows[BEIJING]["suppressed"] == FEW
    assert float(rows[JIANGSU]["value"]) == pytest.approx(9.0 - 2.2 * 2)


def test_provenance_and_series_withhold_every_value(confidential: Site) -> None:
    obs_id = by_province(confidential, "admin")[BEIJING]["obs_id"]
    with confidential.client() as client:
        record = client.get(f"/api/observations/{obs_id}/provenance").json()
        assert record["value"] is None and record["suppressed"] == FEW
        assert all(v["value"] is None for v in record["vintages"])
        lines = client.get("/api/indicators/va_ytd_yoy/series",
                           params={"province": BEIJING}).json()
    points = [p for line in lines for p in line["points"] if p["period"] == LAST]
    assert points and all(p["value"] is None and p["withheld"] for p in points)
    with confidential.client("admin") as client:
        assert client.get(f"/api/observations/{obs_id}/provenance").json()["value"] == 9.0


def test_the_dashboard_says_suppressed_instead_of_the_number(confidential: Site) -> None:
    obs_id = by_province(confidential, "admin")[BEIJING]["obs_id"]
    with confidential.client() as client:
        page = client.get("/provinces", params={"indicator": "va_ytd_yoy", "period": LAST,
                                                "lang": "en"}).text
        assert 'class="num suppressed" title="Confidential cell' in page
        assert f"Beijing: suppressed ({FEW})" in page
        # the link stays: the provenance page withholds the value too
        assert f'<a class="num" href="/provenance/{obs_id}"' not in page
        detail = client.get(f"/provenance/{obs_id}", params={"lang": "en"}).text
        assert "suppressed" in detail and FEW in detail and "9.0%" not in detail
        zh = client.get("/provinces", params={"indicator": "va_ytd_yoy", "period": LAST,
                                              "lang": "zh"}).text
        assert "不公布" in zh
        industry = client.get("/indicators/va_ytd_yoy", params={"lang": "en"}).text
        assert "dominated by one or two enterprises" in industry


def test_an_analyst_sees_its_province_on_the_dashboard_marked_confidential(
        confidential: Site) -> None:
    obs_id = by_province(confidential, "admin")[BEIJING]["obs_id"]
    with confidential.client("analyst") as client:
        page = client.get("/provinces", params={"indicator": "va_ytd_yoy", "period": LAST,
                                                "lang": "en"}).text
    assert f'<a class="num" href="/provenance/{obs_id}"' in page and ">confidential<" in page


def test_alerts_about_a_confidential_cell_are_not_shown_without_clearance(
        confidential: Site) -> None:
    def titles(role: str | None) -> set[str]:
        with confidential.client(role) as client:
            return {a["title_en"] for a in client.get("/api/alerts").json()["items"]}

    assert "Unusual growth in Guangdong" not in titles(None)
    assert "Unusual growth in Guangdong" not in titles("analyst")  # Beijing's analyst
    assert "Unusual growth in Guangdong" in titles("admin")
    with confidential.client() as client:
        assert client.get("/api/alerts/3").status_code == 404
        assert "Unusual growth in Guangdong" not in client.get("/alerts").text
    with confidential.client("admin") as client:
        assert client.get("/api/alerts/3").status_code == 200


def test_the_store_file_keeps_the_decisions(confidential: Site) -> None:
    with Store.open(Path(confidential.db), read_only=True) as store:
        assert len(store.disclosure(LAST)) == 3 and len(store.disclosure()) == 4


@pytest.fixture(scope="module")
def national_secret(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """A store whose national cell of the last month is suppressed (a panel dominated by
    one enterprise): the home page's report card must not show it to the public."""
    db = tmp_path_factory.mktemp("national") / "store.duckdb"
    build_store(db)
    with Store.open(db) as store:
        store.replace_disclosure(pd.DataFrame([
            {"period": LAST, "industry": "ALL", "province": "ALL", "status": "primary",
             "reason": "dominated by one or two enterprises", "enterprises": 90,
             "top1_share": 0.6, "top2_share": 0.7}]), [LAST], "compute-test")
    tokens = add_people(db)
    url, running = start(db, WebConfig(public=True))
    yield Site(url, tokens, db)
    stop(running)


def home_entry(site: Site, role: str | None, lang: str) -> str:
    """The headline entry of value added growth on the home page's computed section."""
    with site.client(role) as client:
        page = client.get("/", params={"period": LAST, "lang": lang}).text
    start_at = page.index('data-indicator="va_ytd_yoy"', page.index('id="simulated"'))
    return page[start_at:page.index("</article>", start_at)]


@pytest.mark.parametrize(("lang", "word"), [("en", "suppressed"), ("zh", "不公布")])
def test_the_home_report_card_withholds_a_suppressed_national_cell(
        national_secret: Site, lang: str, word: str) -> None:
    public = home_entry(national_secret, None, lang)
    assert f">{word}<" in public and 'data-value=""' in public
    assert "▲" not in public and "▼" not in public  # no change on a withheld value
    admin = home_entry(national_secret, "admin", lang)
    assert f">{word}<" not in admin and "badge warn small" in admin
