"""CSV bulk import: clear per-row errors, and nothing half-imported."""
from __future__ import annotations

import io

import pytest


def upload(client, headers, kind, text, encoding="utf-8"):
    data = {"file": (io.BytesIO(text.encode(encoding)), f"{kind}.csv")}
    return client.post(f"/api/v1/imports/{kind}", data=data, headers=headers,
                       content_type="multipart/form-data")


def codes(client, headers):
    return {u["code"] for u in client.get("/api/v1/units?page_size=100", headers=headers).json}


def test_units_import_creates_units_and_buildings(client, admin):
    csv = ("code,building,floor,area_m2,coefficient\n"
           "C-101,Torre C,1,\"55,5\",0.01\nC-102,Torre C,1,60,0.02\n")
    res = upload(client, admin, "units", csv)
    assert res.status_code == 201 and res.json == {"created": 2}
    assert {"C-101", "C-102"} <= codes(client, admin)
    unit = client.get("/api/v1/units?q=C-101", headers=admin).json[0]
    assert unit["building_name"] == "Torre C" and unit["area_m2"] == "55.50"


def test_semicolon_and_bom_and_latin1_files(client, admin):
    res = upload(client, admin, "units", "\ufeffcode;floor\nD-1;1\nD-2;2\n")
    assert res.status_code == 201 and res.json["created"] == 2
    res = upload(client, admin, "units", "code,building\nE-1,Torre Ñandú\n", encoding="latin-1")
    assert res.status_code == 201
    unit = client.get("/api/v1/units?q=E-1", headers=admin).json[0]
    assert unit["building_name"] == "Torre Ñandú"


def test_row_errors_are_reported_per_line_and_nothing_is_imported(client, admin):
    before = codes(client, admin)
    csv = "code,floor,area_m2\nF-1,1,50\nF-2,uno,50\nA-101,2,40\nF-1,3,30\nF-5,4,abc\n"
    res = upload(client, admin, "units", csv)
    assert res.status_code == 422
    rows = res.json["errors"]["files"]["rows"]
    assert set(rows) == {"3", "4", "5", "6"}
    assert "floor" in rows["3"] and "code" in rows["4"] and "code" in rows["5"]
    assert "area_m2" in rows["6"]
    assert codes(client, admin) == before


@pytest.mark.parametrize("text,needle", [
    ("floor,area_m2\n1,2\n", "missing columns: code"),
    ("code,colour\nG-1,red\n", "unknown columns: colour"),
    ("", "empty"),
    ("code\n", "no rows"),
])
def test_wrong_layouts_are_422(client, admin, text, needle):
    res = upload(client, admin, "units", text)
    assert res.status_code == 422
    assert needle in str(res.json["errors"])


def test_too_many_fields_in_a_row(client, admin):
    res = upload(client, admin, "units", "code,floor\nH-1,1,extra\n")
    assert res.status_code == 422 and "rows" in res.json["errors"]["files"]


def test_residents_import_links_people_and_reuses_by_document(client, admin, world):
    csv = ("unit_code,first_name,last_name,doc_type,doc_number,kind,role,email\n"
           "A-101,Diego,Paz,rut,22.222.222-2,family,family,diego@x.test\n"
           "A-102,Diego,Paz,rut,22222222-2,family,resident,\n"
           "A-102,Ana,Rojas,rut,11111111-1,owner,owner,\n")
    res = upload(client, admin, "residents", csv)
    assert res.status_code == 201 and res.json["created"] == 3, res.json
    diego = client.get("/api/v1/people?q=diego", headers=admin).json
    assert len(diego) == 1
    links = client.get(f"/api/v1/memberships?person_id={diego[0]['id']}", headers=admin).json
    assert {m["unit_code"] for m in links} == {"A-101", "A-102"}


def test_residents_import_errors(client, admin):
    csv = ("unit_code,first_name,last_name,doc_type,doc_number\n"
           "Z-999,Eva,Luna,rut,15555555-6\n"
           "A-101,Eva,Luna,rut,12.345.678-9\n"
           "A-101,Eva,Luna,passport,\n"
           "A-101,Ana,Rojas,rut,11111111-1\n")
    res = upload(client, admin, "residents", csv)
    assert res.status_code == 422
    rows = res.json["errors"]["files"]["rows"]
    assert "unit_code" in rows["2"] and "doc_number" in rows["3"]
    assert "doc_number" in rows["4"] and "person_id" in rows["5"]
    assert client.get("/api/v1/people?q=luna", headers=admin).json == []


def test_import_requires_a_file_and_a_managing_role(client, world, login, admin):
    res = client.post("/api/v1/imports/units", data={}, headers=admin,
                      content_type="multipart/form-data")
    assert res.status_code == 422
    guard = login("guard@a.test")
    assert upload(client, guard, "units", "code\nQ-1\n").status_code == 403


def test_huge_csv_is_413(client, admin):
    res = upload(client, admin, "units", "code\n" + "X-1\n" * 700_000)
    assert res.status_code == 413
