"""The JSON API against a running server: reads, pages, CSV, submissions, limits, audit."""

from __future__ import annotations

import csv
import io

import pytest

from .servers import Site


def report(enterprise: str = "E001", **changes: object) -> dict[str, object]:
    row: dict[str, object] = {
        "enterprise_id": enterprise, "period": "2024-04", "industry": "36",
        "province": "110000", "output_value": 1000.0, "value_added": 300.0, "revenue": 1100.0,
        "profit": 50.0, "employees": 40,
    }
    row.update(changes)
    return row


def test_observations_filter_and_page(site: Site) -> None:
    with site.client("analyst") as client:
        first = client.get("/api/observations", params={"indicator": "va_yoy", "limit": 5})
        body = first.json()
        assert first.status_code == 200
        assert body["total"] == 13 + 5  # the whole series and five divisions
        assert len(body["items"]) == 5 and body["next"]
        second = client.get(body["next"]).json()
        assert second["offset"] == 5
        assert {i["obs_id"] for i in body["items"]}.isdisjoint(i["obs_id"] for i in
                                                                second["items"])


def test_observations_by_province_and_period(site: Site) -> None:
    with site.client("analyst") as client:
        body = client.get("/api/observations", params={
            "indicator": "va_ytd_yoy", "period": "2024-03", "industry": "ALL",
            "province": "110000,440000"}).json()
    assert sorted(i["province"] for i in body["items"]) == ["110000", "440000"]
    assert all(i["simulated"] for i in body["items"])


def test_observations_say_origin_and_frequency_and_filter_by_origin(site: Site) -> None:
    with site.client("analyst") as client:
        published = client.get("/api/observations", params={
            "indicator": "va_ytd_yoy", "period": "2023-12", "origin": "published"}).json()
        simulated = client.get("/api/observations", params={
            "indicator": "va_ytd_yoy", "period": "2023-12", "origin": "simulated",
            "industry": "ALL", "province": "ALL"}).json()
        as_of = client.get("/api/observations", params={
            "indicator": "va_ytd_yoy", "origin": "published", "as_of": "2024-01-31"}).json()
    assert sorted(i["value"] for i in published["items"]) == [4.4, 4.6]
    assert {(i["period_kind"], i["frequency"]) for i in published["items"]} == {
        ("month", "month")}
    assert [i["origin"] for i in simulated["items"]] == ["simulated"]
    assert {i["origin"] for i in as_of["items"]} == {"published"} and as_of["total"] == 2
    assert {"period_kind", "frequency", "origin"} <= set(as_of["items"][0])


def test_series_are_each_of_one_origin_and_frequency_in_time_order(site: Site) -> None:
    with site.client("analyst") as client:
        lines = client.get("/api/indicators/va_ytd_yoy/series").json()
        published = client.get("/api/indicators/va_ytd_yoy/series",
                               params={"origin": "published"}).json()
    assert {(s["origin"], s["frequency"]) for s in lines} == {("published", "month"),
                                                              ("simulated", "month")}
    for line in lines:
        assert {p["origin"] for p in line["points"]} == {line["origin"]}
        periods = [p["period"] for p in line["points"]]
        assert periods == sorted(periods) and len(periods) == len(set(periods))
    assert [[p["period"] for p in s["points"]] for s in published] == [["2023-12"]]


def test_facts_are_pages_of_typed_rows(site: Site) -> None:
    with site.client("analyst") as client:
        body = client.get("/api/facts", params={"indicator": "va_ytd_yoy",
                                                "period": "2023"}).json()
    assert body == {"total": 0, "limit": 100, "offset": 0, "next": None, "items": []}


def test_the_openapi_documents_typed_responses(site: Site) -> None:
    with site.client("analyst") as client:
        spec = client.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]
    listed = schemas["ListedObservation"]["properties"]
    assert {"origin", "period_kind", "frequency", "vintage", "sources"} <= set(listed)
    assert {"sources", "vintages", "disagreeing"} <= set(schemas["ProvenanceOut"]["properties"])
    observations = spec["paths"]["/api/observations"]["get"]["responses"]["200"]["content"]
    assert set(observations) == {"application/json", "text/csv"}


def test_observations_as_csv(site: Site) -> None:
    with site.client("analyst") as client:
        by_param = client.get("/api/observations", params={"indicator": "profit_ytd",
                                                           "format": "csv"})
        by_accept = client.get("/api/observations", params={"indicator": "profit_ytd"},
                               headers={"Accept": "text/csv"})
    assert by_param.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(by_param.text)))
    assert len(rows) == 13 and rows[0]["indicator"] == "profit_ytd"
    assert by_accept.text == by_param.text


def test_as_of_hides_later_vintages(site: Site) -> None:
    with site.client("analyst") as client:
        before = client.get("/api/observations", params={"indicator": "va_ytd_yoy",
                                                         "as_of": "2024-01-19"}).json()
    assert [i["value"] for i in before["items"]] == [4.6]


def test_page_size_is_capped(site: Site) -> None:
    with site.client("analyst") as client:
        body = client.get("/api/observations", params={"limit": 10**9}).json()
    assert body["limit"] == 5000


def test_provenance_names_the_release(site: Site) -> None:
    with site.client("analyst") as client:
        items = client.get("/api/observations", params={
            "indicator": "va_ytd_yoy", "period": "2023-12"}).json()["items"]
        stated = next(i for i in items if i["origin"] == "published" and i["value"] == 4.6)
        record = client.get(f"/api/observations/{stated['obs_id']}/provenance").json()
    publishers = {s["publisher"] for s in record["sources"]}
    assert publishers == {"State Council Information Office", "A news agency"}
    assert any(s["span_start"] == 120 for s in record["sources"])
    assert record["conflict"] and [d["value"] for d in record["disagreeing"]] == [4.4]
    assert (record["period_kind"], record["frequency"]) == ("month", "month")


def test_conflicts_list_both_figures(site: Site) -> None:
    with site.client("analyst") as client:
        rows = client.get("/api/conflicts").json()
    stated = {(r["value"], r["publisher"]) for r in rows if r["period"] == "2023-12"}
    assert stated == {(4.6, "State Council Information Office"), (4.6, "A news agency"),
                      (4.4, "An economic research institute")}
    assert {r["origin"] for r in rows} == {"published"}  # a computed figure is no conflict
    assert any(r["note"] == "counts only enterprises with a full year" for r in rows)


def test_catalogue_endpoints(site: Site) -> None:
    with site.client("analyst") as client:
        assert len(client.get("/api/industries").json()) == 41
        provinces = client.get("/api/provinces").json()
        assert len(provinces) == 31 and {"tile_x", "tile_y"} <= set(provinces[0])
        assert client.get("/api/indicators/va_yoy").json()["unit"] == "percent"
        found = client.get("/api/indicators", params={"q": "profit"}).json()
        assert any(i["id"] == "profit_ytd" for i in found)


def test_reporter_submits_own_reports_and_reads_them(site: Site) -> None:
    with site.client("reporter") as client:
        sent = client.post("/api/reports", json={"records": [report(period="2024-05")]})
        assert sent.status_code == 200, sent.text
        assert sent.json()["result"]["accepted"] == 1
        own = client.get("/api/reports/enterprise/E001").json()
    assert "2024-05" in {r["period"] for r in own["items"]}


def test_rejected_rows_are_reported_per_row(site: Site) -> None:
    with site.client("admin") as client:
        sent = client.post("/api/reports", json={"records": [
            report("E010"), report("E011", output_value="n/a")]})
    result = sent.json()["result"]
    assert result["accepted"] == 1 and result["rejected"] == 1
    bad = next(r for r in result["rows"] if not r["accepted"])
    assert bad["rejections"][0]["field"] == "output_value"


def test_file_upload_goes_through_intake(site: Site) -> None:
    text = "enterprise_id,period,industry,province,output_value,value_added,revenue,profit," \
           "employees\nE001,2024-06,36,110000,900,200,950,10,30\n"
    with site.client("reporter") as client:
        sent = client.post("/api/reports", files={"file": ("june.csv", text, "text/csv")})
    assert sent.status_code == 200, sent.text
    assert sent.json()["file"] == "june.csv"


def test_reporter_cannot_submit_for_another_enterprise(site: Site) -> None:
    with site.client("reporter") as client:
        sent = client.post("/api/reports", json={"records": [report("E002")]})
        upload = client.post("/api/reports", files={"file": (
            "x.csv", "enterprise_id,period\nE002,2024-04\n", "text/csv")})
    assert sent.status_code == 403 and upload.status_code == 403
    assert "E002" in sent.json()["error"]["message"]


def test_too_many_records_is_413(site: Site) -> None:
    with site.client("admin") as client:
        sent = client.post("/api/reports", json={"records": [report()] * 51})
    assert sent.status_code == 413
    assert sent.json()["error"]["type"] == "PayloadTooLarge"


def test_too_large_upload_is_413(site: Site) -> None:
    with site.client("admin") as client:
        sent = client.post("/api/reports", files={"file": ("big.csv", "x" * (3 * 1024**2))})
    assert sent.status_code == 413
    assert "limit" in sent.json()["error"]["message"]


def test_alert_lifecycle_is_audited(site: Site) -> None:
    with site.client("analyst") as client:
        changed = client.patch("/api/alerts/1", json={"status": "acknowledged", "note": "seen"})
        assert changed.status_code == 200, changed.text
        assert changed.json()["status"] == "acknowledged"
        again = client.patch("/api/alerts/1", json={"status": "new"})
        assert again.status_code == 400
        listed = client.get("/api/alerts", params={"status": "acknowledged"}).json()
    assert [a["alert_id"] for a in listed["items"]] == [1]
    assert ("ana", "alert.status", "1") in audit_rows(site)


def test_analyst_sees_enterprise_alerts_only_in_granted_provinces(site: Site) -> None:
    with site.client("analyst") as client:
        ids = {a["alert_id"] for a in client.get("/api/alerts").json()["items"]}
    with site.client("admin") as client:
        all_ids = {a["alert_id"] for a in client.get("/api/alerts").json()["items"]}
    assert ids == all_ids == {1, 2, 3}  # alert 2 is an enterprise in Beijing, granted


def test_admin_manages_users_and_tokens(site: Site) -> None:
    with site.client("admin") as client:
        created = client.post("/api/users", json={"name": "wang", "role": "analyst",
                                                  "provinces": ["440000"]})
        assert created.status_code == 201, created.text
        issued = client.post("/api/tokens", json={"user": "wang", "label": "laptop"}).json()
        listed = client.get("/api/tokens").json()
        assert all("token" not in row and "token_hash" not in row for row in listed)
    with site.client() as anonymous:
        headers = {"Authorization": f"Bearer {issued['token']}"}
        assert anonymous.get("/api/alerts", headers=headers).status_code == 200
        with site.client("admin") as client:
            assert client.delete(f"/api/tokens/{issued['token_id']}").status_code == 200
            assert client.delete("/api/users/wang").status_code == 200
        assert anonymous.get("/api/alerts", headers=headers).status_code == 401
    actions = {row[1] for row in audit_rows(site)}
    assert {"user.add", "token.issue", "token.revoke", "user.remove"} <= actions


def test_unknown_user_role_is_400(site: Site) -> None:
    with site.client("admin") as client:
        sent = client.post("/api/users", json={"name": "x", "role": "reporter"})
    assert sent.status_code == 400
    assert "--enterprise" in sent.json()["error"]["message"]


@pytest.mark.slow
def test_report_card_renders_html(site: Site) -> None:
    with site.client("analyst") as client:
        page = client.get("/api/reports/2024-03", params={"lang": "zh"})
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]


def audit_rows(site: Site) -> set[tuple[str, str, str]]:
    with site.client("admin") as client:
        rows = client.get("/api/audit", params={"limit": 1000}).json()
    return {(r["actor"], r["action"], r["target"]) for r in rows}
