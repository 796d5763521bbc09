"""Intake integrity through the real server (issue 14, points 1, 2 and 4): a reporter
cannot write another enterprise's reports, a correction back to earlier values becomes
current, and an implausible number is a 422 that stores nothing of the row."""

from __future__ import annotations

import io

import openpyxl

from .servers import Site

HEADER = "period,industry,province,output_value,value_added,revenue,profit,employees"


def record(enterprise: str = "E001", period: str = "2025-01", **changes: object
           ) -> dict[str, object]:
    row: dict[str, object] = {
        "enterprise_id": enterprise, "period": period, "industry": "36",
        "province": "110000", "output_value": 1000.0, "value_added": 300.0,
        "revenue": 1100.0, "profit": 50.0, "employees": 40,
    }
    row.update(changes)
    return row


def current(site: Site, enterprise: str, period: str) -> list[dict[str, object]]:
    with site.client("admin") as client:
        found = client.get(f"/api/reports/enterprise/{enterprise}",
                           params={"period": period})
    assert found.status_code == 200, found.text
    items: list[dict[str, object]] = found.json()["items"]
    return items


def test_a_second_enterprise_id_header_is_refused_not_spoofed(site: Site) -> None:
    before = current(site, "E002", "2024-03")
    text = (f"ENTERPRISE_ID,enterprise_id,{HEADER}\n"
            "E002,E001,2024-03,36,440000,9,1,9,1,1\n")
    with site.client("reporter") as client:
        sent = client.post("/api/reports", files={"file": ("spoof.csv", text, "text/csv")})
    assert sent.status_code == 422, sent.text
    message = sent.json()["error"]["message"]
    assert "spoof.csv" in message and "'ENTERPRISE_ID'" in message
    assert "'enterprise_id'" in message
    assert current(site, "E002", "2024-03") == before


def test_a_spoofing_header_in_an_xlsx_upload_is_refused(site: Site) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["enterprise_id", " Enterprise_ID ", *HEADER.split(",")])
    sheet.append(["E001", "E002", "2024-03", "36", "440000", 9, 1, 9, 1, 1])
    data = io.BytesIO()
    book.save(data)
    before = current(site, "E002", "2024-03")
    with site.client("reporter") as client:
        sent = client.post("/api/reports", files={"file": ("spoof.xlsx", data.getvalue())})
    assert sent.status_code == 422, sent.text
    message = sent.json()["error"]["message"]
    assert "'enterprise_id'" in message and "'Enterprise_ID'" in message
    assert current(site, "E002", "2024-03") == before


def test_a_spoofing_key_in_json_records_is_refused(site: Site) -> None:
    before = current(site, "E002", "2024-03")
    spoof = {**record("E001", "2024-03", province="440000"), "ENTERPRISE_ID": "E002"}
    with site.client("reporter") as client:
        sent = client.post("/api/reports", json={"records": [spoof]})
    assert sent.status_code == 422, sent.text
    assert "'ENTERPRISE_ID'" in sent.json()["error"]["message"]
    assert current(site, "E002", "2024-03") == before


def test_a_reporter_is_checked_on_the_ids_as_parsed(site: Site) -> None:
    # one column, named differently from the exchange format but meaning enterprise_id
    text = f" Enterprise_Id ,{HEADER}\n E002 ,2025-02,36,440000,9,1,9,1,1\n"
    with site.client("reporter") as client:
        sent = client.post("/api/reports", files={"file": ("other.csv", text, "text/csv")})
    assert sent.status_code == 403, sent.text
    assert "E002" in sent.json()["error"]["message"]
    assert current(site, "E002", "2025-02") == []


def test_back_to_the_first_values_is_a_correction(site: Site) -> None:
    first, second = record(period="2025-03"), record(period="2025-03", value_added=250.0)
    with site.client("reporter") as client:
        answers = [client.post("/api/reports", json={"records": [r]})
                   for r in (first, second, first, first)]
    assert [a.status_code for a in answers] == [200] * 4
    flags = [a.json()["result"]["already_submitted"] for a in answers]
    assert flags == [False, False, False, True]
    assert [r["value_added"] for r in current(site, "E001", "2025-03")] == [300.0]


def test_employees_of_1e20_is_a_422_and_nothing_is_lost(site: Site) -> None:
    with site.client("admin") as client:
        alone = client.post("/api/reports", json={"records": [
            record("E020", "2025-04", employees=1e20)]})
        mixed = client.post("/api/reports", json={"records": [
            record("E021", "2025-04"), record("E022", "2025-04", employees=1e20)]})
    assert alone.status_code == 422, alone.text
    error = alone.json()["error"]
    assert error["detail"]["field"] == "employees" and error["detail"]["row"] == 1
    assert "1e+20" in error["message"]
    assert current(site, "E020", "2025-04") == []
    assert mixed.status_code == 200, mixed.text
    result = mixed.json()["result"]
    assert (result["accepted"], result["rejected"]) == (1, 1)
    assert [r["employees"] for r in current(site, "E021", "2025-04")] == [40]
    assert current(site, "E022", "2025-04") == []
