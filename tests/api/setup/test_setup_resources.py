"""CRUD, pagination, filtering and search of the condominium setup resources."""
from __future__ import annotations

import json

import pytest


def test_unit_crud_cycle(client, admin, world):
    res = client.post("/api/v1/units", json={"code": " b-201 ", "floor": 2, "area_m2": "74.5",
                                              "coefficient": "0.012345",
                                              "building_id": world.ids["building"]}, headers=admin)
    assert res.status_code == 201, res.json
    unit = res.json
    assert unit["code"] == "B-201" and unit["area_m2"] == "74.50"
    assert unit["building_name"] == "Torre A" and len(unit["public_id"]) == 36
    got = client.get(f"/api/v1/units/{unit['id']}", headers=admin)
    assert got.json == unit
    patched = client.patch(f"/api/v1/units/{unit['id']}", json={"floor": 3}, headers=admin)
    assert patched.status_code == 200 and patched.json["floor"] == 3
    assert patched.json["code"] == "B-201"
    assert client.delete(f"/api/v1/units/{unit['id']}", headers=admin).status_code == 204
    assert client.get(f"/api/v1/units/{unit['id']}", headers=admin).status_code == 404


def test_duplicate_unit_code_is_a_409_and_changes_nothing(client, admin):
    res = client.post("/api/v1/units", json={"code": "a-101"}, headers=admin)
    assert res.status_code == 409 and res.json["errors"] == {"json": {"code": ["already exists"]}}
    listing = client.get("/api/v1/units?q=A-101", headers=admin)
    assert len(listing.json) == 1


def test_unit_with_residents_cannot_be_deleted(client, admin, world):
    res = client.delete(f"/api/v1/units/{world.ids['unit1']}", headers=admin)
    assert res.status_code == 409
    assert client.get(f"/api/v1/units/{world.ids['unit1']}", headers=admin).status_code == 200


def test_pagination_header_and_pages(client, admin):
    for n in range(25):
        assert client.post("/api/v1/units", json={"code": f"C-{n:03d}"},
                           headers=admin).status_code == 201
    page1 = client.get("/api/v1/units?page=1&page_size=10&q=C-", headers=admin)
    meta = json.loads(page1.headers["X-Pagination"])
    assert meta["total"] == 25 and meta["total_pages"] == 3 and len(page1.json) == 10
    page3 = client.get("/api/v1/units?page=3&page_size=10&q=C-", headers=admin)
    assert [u["code"] for u in page3.json] == [f"C-{n:03d}" for n in range(20, 25)]
    default = client.get("/api/v1/units?q=C-", headers=admin)
    assert len(default.json) == 20  # the documented default page size
    assert client.get("/api/v1/units?page_size=1000", headers=admin).status_code == 422
    assert client.get("/api/v1/units?page=0", headers=admin).status_code == 422


def test_people_search_by_name_and_document(client, admin, world):
    res = client.post("/api/v1/people", json={
        "first_name": "María José", "last_name": "Fuentes", "doc_type": "cpf",
        "doc_number": "529.982.247-25", "kind": "tenant", "email": "MJ@Example.com"},
        headers=admin)
    assert res.status_code == 201, res.json
    assert res.json["doc_number"] == "52998224725" and res.json["email"] == "mj@example.com"
    assert res.json["full_name"] == "María José Fuentes"
    by_name = client.get("/api/v1/people?q=maría fuentes", headers=admin).json
    assert [p["id"] for p in by_name] == [res.json["id"]]
    by_doc = client.get("/api/v1/people?q=12345678", headers=admin).json
    assert [p["id"] for p in by_doc] == [world.ids["person2"]]
    by_kind = client.get("/api/v1/people?kind=tenant", headers=admin).json
    assert [p["id"] for p in by_kind] == [res.json["id"]]
    by_unit = client.get(f"/api/v1/people?unit_id={world.ids['unit1']}", headers=admin).json
    assert [p["id"] for p in by_unit] == [world.ids["person1"]]


@pytest.mark.parametrize("doc_type,number", [("rut", "12.345.678-9"), ("rut", "abc"),
                                             ("cpf", "529.982.247-26"), ("cpf", "111.111.111-11")])
def test_invalid_documents_are_rejected(client, admin, doc_type, number):
    res = client.post("/api/v1/people", json={"first_name": "X", "last_name": "Y",
                                               "doc_type": doc_type, "doc_number": number,
                                               "kind": "owner"}, headers=admin)
    assert res.status_code == 422 and "doc_number" in res.json["errors"]["json"]


def test_same_document_twice_is_a_conflict(client, admin):
    body = {"first_name": "Ana", "last_name": "Bis", "doc_type": "rut",
            "doc_number": "11.111.111-1", "kind": "family"}
    assert client.post("/api/v1/people", json=body, headers=admin).status_code == 409


def test_memberships_link_people_to_units(client, admin, world):
    res = client.post("/api/v1/memberships", json={
        "unit_id": world.ids["unit2"], "person_id": world.ids["person1"], "role": "tenant",
        "starts_on": "2026-01-01", "ends_on": "2026-12-31"}, headers=admin)
    assert res.status_code == 201, res.json
    assert res.json["unit_code"] == "A-102" and res.json["person_name"] == "Ana Rojas"
    dup = client.post("/api/v1/memberships", json={
        "unit_id": world.ids["unit2"], "person_id": world.ids["person1"], "role": "owner"},
        headers=admin)
    assert dup.status_code == 409
    bad_dates = client.patch(f"/api/v1/memberships/{res.json['id']}",
                             json={"ends_on": "2025-01-01"}, headers=admin)
    assert bad_dates.status_code == 422 and "ends_on" in bad_dates.json["errors"]["json"]
    listing = client.get(f"/api/v1/memberships?person_id={world.ids['person1']}", headers=admin)
    assert {m["unit_code"] for m in listing.json} == {"A-101", "A-102"}


def test_deleting_a_person_removes_memberships_and_unlinks_user(client, admin, world, login):
    assert client.delete(f"/api/v1/people/{world.ids['person1']}", headers=admin).status_code == 204
    assert client.get(f"/api/v1/memberships/{world.ids['member1']}",
                      headers=admin).status_code == 404
    user = client.get(f"/api/v1/users/{world.ids['user_resident1']}", headers=admin).json
    assert user["person_id"] is None


def test_vehicle_plates_are_normalised_and_searchable(client, admin, world):
    res = client.post("/api/v1/vehicles", json={"unit_id": world.ids["unit2"], "plate": "gh·jk 34",
                                                 "make": "Kia", "model": "Rio", "colour": "azul"},
                      headers=admin)
    assert res.status_code == 201 and res.json["plate"] == "GHJK34"
    assert res.json["unit_code"] == "A-102"
    found = client.get("/api/v1/vehicles?q=hj-k3", headers=admin).json
    assert [v["plate"] for v in found] == ["GHJK34"]
    dup = client.post("/api/v1/vehicles", json={"unit_id": world.ids["unit1"], "plate": "GHJK-34"},
                      headers=admin)
    assert dup.status_code == 409
    short = client.post("/api/v1/vehicles", json={"unit_id": world.ids["unit1"], "plate": "A1"},
                        headers=admin)
    assert short.status_code == 422


def test_gates_crud_and_filters(client, admin):
    res = client.post("/api/v1/gates", json={"name": "Peatonal Norte", "direction": "entry",
                                              "kind": "pedestrian"}, headers=admin)
    assert res.status_code == 201 and res.json["is_active"] is True
    assert client.post("/api/v1/gates", json={"name": "x", "direction": "sideways"},
                       headers=admin).status_code == 422
    entries = client.get("/api/v1/gates?direction=entry", headers=admin).json
    assert [g["name"] for g in entries] == ["Peatonal Norte"]


def test_guard_reads_but_cannot_write(client, world, login):
    guard = login("guard@a.test")
    assert client.get("/api/v1/people?q=ana", headers=guard).status_code == 200
    assert client.get("/api/v1/vehicles", headers=guard).status_code == 200
    assert client.post("/api/v1/units", json={"code": "Z-1"}, headers=guard).status_code == 403
    assert client.get("/api/v1/users", headers=guard).status_code == 403


def test_staff_role_has_no_setup_access(client, world, login):
    staff = login("staff@a.test")
    assert client.get("/api/v1/auth/me", headers=staff).status_code == 200
    assert client.get("/api/v1/units", headers=staff).status_code == 403


def test_users_admin(client, admin, world, login):
    res = client.post("/api/v1/users", json={"email": "Nuevo@A.test", "password": "long-enough-1",
                                              "roles": ["guard", "resident"]}, headers=admin)
    assert res.status_code == 201, res.json
    assert res.json["email"] == "nuevo@a.test" and res.json["roles"] == ["guard", "resident"]
    assert "password" not in res.json and "password_hash" not in res.json
    assert client.post("/api/v1/users", json={"email": "nuevo@a.test", "password": "long-enough-1",
                                              "roles": ["guard"]}, headers=admin).status_code == 409
    assert client.post("/api/v1/users", json={"email": "r@a.test", "password": "long-enough-1",
                                              "roles": ["root"]}, headers=admin).status_code == 422
    assert client.post("/api/v1/users", json={"email": "s@a.test", "password": "short",
                                              "roles": ["guard"]}, headers=admin).status_code == 422
    guards = client.get("/api/v1/users?role=guard", headers=admin).json
    assert {u["email"] for u in guards} == {"guard@a.test", "nuevo@a.test"}
    changed = client.patch(f"/api/v1/users/{res.json['id']}",
                           json={"roles": ["manager", "guard"], "password": "another-pass-2"},
                           headers=admin)
    assert changed.status_code == 200, changed.json
    assert changed.json["roles"] == ["guard", "manager"]
    assert login("nuevo@a.test", "another-pass-2")
    lockout = client.patch(f"/api/v1/users/{world.ids['user_admin']}", json={"roles": ["guard"]},
                           headers=admin)
    assert lockout.status_code == 422
    manager = login("manager@a.test")
    assert client.get("/api/v1/users", headers=manager).status_code == 200
    denied = client.post("/api/v1/users", json={"email": "m@a.test", "password": "long-enough-1",
                                                "roles": ["admin"]}, headers=manager)
    assert denied.status_code == 403
    assert client.delete(f"/api/v1/users/{res.json['id']}", headers=admin).status_code == 204
    assert client.post("/api/v1/auth/login", json={"email": "nuevo@a.test",
                                                   "password": "another-pass-2"}).status_code == 401


def test_changes_are_audited(app, client, admin, world):
    from conserje.extensions import db
    from conserje.models import AuditLog

    client.patch(f"/api/v1/units/{world.ids['unit1']}", json={"floor": 7}, headers=admin)
    with app.app_context():
        entry = db.session.query(AuditLog).filter_by(entity="unit", action="update").one()
        assert entry.actor_id == world.ids["user_admin"]
        assert entry.before_data["floor"] == 1 and entry.after_data["floor"] == 7
        user_entry = db.session.query(AuditLog).filter_by(entity="app_user").first()
        assert "password_hash" not in (user_entry.after_data or {})
    listed = client.get("/api/v1/audit?entity=unit&action=update", headers=admin)
    assert listed.status_code == 200
    assert [(e["before_data"]["floor"], e["after_data"]["floor"]) for e in listed.json] == [(1, 7)]


def test_audit_is_scoped_and_role_limited(client, world, login):
    other = client.get("/api/v1/audit?page_size=100", headers=login("admin@b.test")).json
    assert other and all(e["entity_id"] != world.ids["unit1"] or e["entity"] != "unit"
                         for e in other)
    assert client.get("/api/v1/audit", headers=login("ana@a.test")).status_code == 403
    assert client.get("/api/v1/audit", headers=login("guard@a.test")).status_code == 403
