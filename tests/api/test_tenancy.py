"""Object-level authorisation (OWASP API1): ids from another unit or another condominium
never reveal or change data, on every route that takes an id."""
from __future__ import annotations

import io
import json
import re

import pytest

from conserje.config import REPO_ROOT

SHARED_FACE = REPO_ROOT.parent / "shared" / "datasets" / "faces" / "obama" / "1.jpg"

# Any route whose first parameter is an id: /units/<id>, /people/<id>/faces/<face_id>...
ID_ROUTE = re.compile(r"^/api/v1/(?P<resource>[a-z_-]+)/<int:(?P<arg>\w+)>(?P<rest>.*)$")
INT_PARAM = re.compile(r"<int:\w+>")
# For each resource: the world key of an object that belongs to *another* unit,
# as seen by the resident of A-101, and a harmless PATCH body.
FOREIGN = {
    "units": ("unit2", {"floor": 9}),
    "people": ("person2", {"phone": "+56911111111"}),
    "memberships": ("member2", {"role": "tenant"}),
    "vehicles": ("vehicle2", {"colour": "rosa"}),
    "buildings": ("building", {"code": "Z"}),
    "gates": ("gate", {"name": "Hackeado"}),
    "users": ("user_resident2", {"is_active": False}),
    "face-models": ("gate", {}),  # any id: only admins may touch model versions
    "access-events": ("gate", {"reason": "x"}),  # guards and managers only
    "alerts": ("gate", {}),
    "accounts": ("unit2", {}),
    "charges": ("charge2", {"reason": "hack"}),
    "payments": ("payment2", {"reason": "hack"}),
    "transfer-proofs": ("proof2", {"note": "hack"}),
    "expenses": ("expense", {}),
    "charge-types": ("charge_type", {"amount": "1"}),
    "visits": ("visit2", {}),
    "visitors": ("visitor2", {}),  # guards and managers only
    "visitor-blocks": ("block2", {}),
}
# Valid bodies for the action routes, so that the check reached is the authorisation.
ACTION_BODIES = {"manual-open": {"reason": "x"}, "devices": {"name": "x"},
                 "corrections": {"reason": "x"}, "work-schedules": {"shifts": []},
                 "qr-scans": {"payload": "x"}, "answer": {"decision": "approve"},
                 "entry": {"gate_id": 1}, "exit": {"gate_id": 1}, "deactivate": {"reason": "x"},
                 "renew": {"valid_until": "2099-01-01T00:00:00+00:00"}, "lift": {"reason": "x"}}
# Objects that live in the *other condominium*, for the cross-tenant sweep.
OTHER_CONDO = {"units": "unit_b", "people": "person_b", "users": "user_admin_b"}


@pytest.fixture
def finance_world(client, world, login):
    """Money on both units: a charge, a payment and a transfer proof each, plus an expense
    and a fine type (ids added to ``world.ids``: charge1, payment2, proof2...)."""
    admin = login("admin@a.test")
    client.patch("/api/v1/finance/settings", json={"dues_amount": "1000"}, headers=admin)
    for n, email in ((1, "ana@a.test"), (2, "bruno@a.test")):
        unit = world.ids[f"unit{n}"]
        world.ids[f"charge{n}"] = client.post("/api/v1/charges", json={
            "unit_id": unit, "kind": "other", "amount": "10000"}, headers=admin).json["id"]
        world.ids[f"payment{n}"] = client.post("/api/v1/payments", json={
            "unit_id": unit, "method": "cash", "amount": "5000"}, headers=admin).json["id"]
        proof = client.post("/api/v1/transfer-proofs", headers=login(email),
                            content_type="multipart/form-data",
                            data={"unit_id": str(unit), "amount": "100", "paid_on": "2026-01-02",
                                  "file": (io.BytesIO(b"%PDF-1.4 proof"), "p.pdf")})
        world.ids[f"proof{n}"] = proof.json["id"]
    world.ids["expense"] = client.post("/api/v1/expenses", json={
        "supplier": "Gasfiter", "category": "reparaciones", "amount": "9000",
        "spent_on": "2026-01-05"}, headers=admin).json["id"]
    world.ids["charge_type"] = client.post("/api/v1/charge-types", json={
        "name": "Ruido", "amount": "20000"}, headers=admin).json["id"]
    # A pre-registered visit per unit, its visitor, and a unit blacklist entry each.
    for n, email, doc in ((1, "ana@a.test", "30123456"), (2, "bruno@a.test", "30123457")):
        resident = login(email)
        visit = client.post("/api/v1/visits", headers=resident, json={
            "unit_id": world.ids[f"unit{n}"], "kind": "single", "visitor": {
                "first_name": "Vis", "last_name": f"Itor{n}", "doc_type": "dni",
                "doc_number": doc}}).json
        world.ids[f"visit{n}"] = visit["id"]
        world.ids[f"visitor{n}"] = client.get(f"/api/v1/visitors?q=Itor{n}",
                                              headers=admin).json[0]["id"]
        world.ids[f"block{n}"] = client.post("/api/v1/visitor-blocks", headers=resident, json={
            "visitor_id": world.ids[f"visitor{n}"], "unit_id": world.ids[f"unit{n}"],
            "reason": "x"}).json["id"]
    return world


def id_routes(app):
    routes = []
    for rule in app.url_map.iter_rules():
        match = ID_ROUTE.match(rule.rule)
        if match:
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                routes.append((match["resource"], method, rule.rule, match["arg"]))
    return routes


def test_every_id_route_is_covered_by_this_test(app):
    resources = {resource for resource, *_ in id_routes(app)}
    assert resources, "no id routes found"
    assert resources <= set(FOREIGN), f"add {resources - set(FOREIGN)} to FOREIGN"


def _call(client, method, url, headers, body):
    kwargs = {"headers": headers}
    if method == "POST" and url.endswith("/faces"):
        photo = (io.BytesIO(SHARED_FACE.read_bytes()), "face.jpg")
        kwargs.update(data={"image": [photo]}, content_type="multipart/form-data")
    elif method in ("PATCH", "PUT", "POST"):
        kwargs["json"] = body
    return client.open(url, method=method, **kwargs)


def test_resident_cannot_reach_another_units_objects(app, client, finance_world, login):
    world = finance_world
    headers = login("ana@a.test")
    for resource, method, rule, arg in id_routes(app):
        key, body = FOREIGN[resource]
        url = rule.replace(f"<int:{arg}>", str(world.ids[key]), 1)
        url = INT_PARAM.sub("1", url)  # nested ids (a face id...): the parent must 404 first
        if "biometric-consent" in url:
            body = {"version": "v1"}
        body = ACTION_BODIES.get(rule.rsplit("/", 1)[-1], body)
        res = _call(client, method, url, headers, body)
        assert res.status_code in (403, 404), (method, url, res.status_code, res.json)
        assert str(world.ids[key]) not in json.dumps(res.json.get("errors", {}))
    # Nothing was changed or deleted: the admin still sees every object intact.
    admin = login("admin@a.test")
    assert client.get(f"/api/v1/units/{world.ids['unit2']}", headers=admin).json["floor"] == 1
    assert client.get(f"/api/v1/vehicles/{world.ids['vehicle2']}",
                      headers=admin).json["colour"] is None
    assert client.get(f"/api/v1/users/{world.ids['user_resident2']}",
                      headers=admin).json["is_active"] is True
    for resource, status in (("charges", "partial"), ("payments", "applied"),
                             ("transfer-proofs", "pending")):
        key = {"charges": "charge2", "payments": "payment2", "transfer-proofs": "proof2"}
        row = client.get(f"/api/v1/{resource}/{world.ids[key[resource]]}", headers=admin).json
        assert row["status"] == status, resource
    assert client.get(f"/api/v1/charge-types/{world.ids['charge_type']}",
                      headers=admin).json["amount"] == "20000.00"


def test_resident_lists_only_their_own_units_data(client, world, login):
    headers = login("ana@a.test")
    expectations = {
        "units": {world.ids["unit1"]}, "people": {world.ids["person1"]},
        "memberships": {world.ids["member1"]}, "vehicles": {world.ids["vehicle1"]},
    }
    for resource, expected in expectations.items():
        res = client.get(f"/api/v1/{resource}?page_size=100", headers=headers)
        assert res.status_code == 200, resource
        assert {row["id"] for row in res.json} == expected, resource
        filtered = client.get(f"/api/v1/{resource}?unit_id={world.ids['unit2']}", headers=headers)
        assert filtered.status_code in (200, 422)
        if filtered.status_code == 200:
            assert all(row["id"] in expected for row in filtered.json)
    for resource in ("users", "gates", "buildings"):
        assert client.get(f"/api/v1/{resource}", headers=headers).status_code == 403


def test_resident_cannot_create_objects_in_another_unit(client, world, login):
    headers = login("ana@a.test")
    res = client.post("/api/v1/vehicles", json={"unit_id": world.ids["unit2"], "plate": "ZZZZ99"},
                      headers=headers)
    assert res.status_code == 404
    res = client.post("/api/v1/memberships", json={"unit_id": world.ids["unit1"],
                                                   "person_id": world.ids["person2"],
                                                   "role": "family"}, headers=headers)
    assert res.status_code == 403
    own = client.post("/api/v1/vehicles", json={"unit_id": world.ids["unit1"], "plate": "ab cd 12"},
                      headers=headers)
    assert own.status_code == 201 and own.json["plate"] == "ABCD12"


def test_resident_may_only_edit_contact_data_of_their_household(client, world, login):
    headers = login("ana@a.test")
    url = f"/api/v1/people/{world.ids['person1']}"
    assert client.patch(url, json={"phone": "+56922223333"}, headers=headers).status_code == 200
    assert client.patch(url, json={"kind": "staff"}, headers=headers).status_code == 403
    assert client.patch(url, json={"first_name": "Otra"}, headers=headers).status_code == 403


@pytest.mark.parametrize("resource", sorted(OTHER_CONDO))
def test_admin_of_another_condominium_gets_404(app, client, world, login, resource):
    headers = login("admin@b.test")
    foreign_id = world.ids[{"units": "unit1", "people": "person1", "users": "user_admin"}[resource]]
    for method, body in (("GET", None), ("PATCH", FOREIGN[resource][1]), ("DELETE", None)):
        res = _call(client, method, f"/api/v1/{resource}/{foreign_id}", headers, body)
        assert res.status_code == 404, (method, resource, res.json)
    listing = client.get(f"/api/v1/{resource}?page_size=100", headers=headers).json
    assert foreign_id not in {row["id"] for row in listing}


def test_condominium_header_must_name_one_of_the_users(client, world, login):
    headers = login("admin@a.test", condominium_id=world.other_condo_id)
    assert client.get("/api/v1/units", headers=headers).status_code == 404
    headers["X-Condominium-Id"] = "abc"
    res = client.get("/api/v1/units", headers=headers)
    assert res.status_code == 422 and "X-Condominium-Id" in res.json["errors"]["headers"]


def test_references_to_another_condominium_are_not_found(client, world, login):
    headers = login("admin@b.test")
    res = client.post("/api/v1/memberships", json={"unit_id": world.ids["unit_b"],
                                                   "person_id": world.ids["person1"],
                                                   "role": "owner"}, headers=headers)
    assert res.status_code == 404 and "person_id" in res.json["errors"]["json"]
    res = client.post("/api/v1/users", json={"email": "x@b.test", "password": "long-enough-1",
                                             "roles": ["resident"],
                                             "person_id": world.ids["person1"]}, headers=headers)
    assert res.status_code == 404


COLLECTION_ROUTE = re.compile(r"^/api/v1/(?P<resource>[a-z_-]+)$")
# What a resident's GET on each collection may return: rows of their own unit, or 403.
RESIDENT_COLLECTIONS = {
    "units": "unit1", "people": "person1", "memberships": "member1", "vehicles": "vehicle1",
    "buildings": None, "gates": None, "users": None, "audit": None, "face-models": None,
    "access-events": None, "presence": None, "alerts": None, "attendance": None,
    "accounts": "unit1", "charges": "charge1", "payments": "payment1",
    "transfer-proofs": "proof1", "expenses": None, "charge-types": None, "risk-models": None,
    "visits": "visit1", "visitors": None, "visitor-blocks": "block1",
}
PUBLIC_OR_SELF = {"health", "notifications"}  # notifications: the caller's own


def test_every_collection_route_is_scoped_for_residents(app, client, finance_world, login):
    world = finance_world
    headers = login("ana@a.test")
    routes = {m["resource"] for r in app.url_map.iter_rules()
              if (m := COLLECTION_ROUTE.match(r.rule)) and "GET" in r.methods}
    assert routes - PUBLIC_OR_SELF <= set(RESIDENT_COLLECTIONS), \
        f"add {routes - PUBLIC_OR_SELF - set(RESIDENT_COLLECTIONS)} to RESIDENT_COLLECTIONS"
    for resource in routes - PUBLIC_OR_SELF:
        res = client.get(f"/api/v1/{resource}?page_size=100", headers=headers)
        own = RESIDENT_COLLECTIONS[resource]
        if own is None:
            assert res.status_code == 403, resource
        else:
            assert res.status_code == 200, resource
            assert [row["id"] for row in res.json] == [world.ids[own]], resource


def test_multi_condominium_user_picks_one_per_request(app, client, world, login):
    from conserje.extensions import db
    from conserje.models import AppUser, UserRole

    with app.app_context():
        user = db.session.get(AppUser, world.ids["user_manager"])
        user.roles.append(UserRole(condominium_id=world.other_condo_id, role_name="guard"))
        db.session.commit()
    headers = login("manager@a.test")
    me = client.get("/api/v1/auth/me", headers=headers)
    assert me.status_code == 422 and "X-Condominium-Id" in me.json["errors"]["headers"]
    in_b = client.get("/api/v1/units", headers={**headers,
                                                "X-Condominium-Id": str(world.other_condo_id)})
    assert [u["code"] for u in in_b.json] == ["B-1"]
    me_b = client.get("/api/v1/auth/me", headers={**headers,
                                                  "X-Condominium-Id": str(world.other_condo_id)})
    assert me_b.json["roles"] == ["guard"]
    assert {c["id"] for c in me_b.json["condominiums"]} == {world.condo_id, world.other_condo_id}
    # The guard role in B does not allow writes there, whatever the user may do in A.
    denied = client.post("/api/v1/units", json={"code": "B-2"},
                         headers={**headers, "X-Condominium-Id": str(world.other_condo_id)})
    assert denied.status_code == 403


# Downloads of whole collections (/charges/export, /finance/income-expense.csv...): they are
# neither id routes nor collections above, and none is for residents.
EXPORT_ROUTE = re.compile(r"^/api/v1/[a-z_/-]+(/export|\.csv|\.xlsx|\.pdf)$")
EXPORT_QUERIES = {"/api/v1/attendance/export": "?day=2026-01-05",
                  "/api/v1/finance/income-expense.csv": "?since=2026-01-01&until=2026-01-31",
                  "/api/v1/finance/income-expense/export": "?since=2026-01-01&until=2026-01-31"}


def test_every_export_route_refuses_residents(app, client, finance_world, login):
    routes = sorted(r.rule for r in app.url_map.iter_rules()
                    if EXPORT_ROUTE.match(r.rule) and "GET" in r.methods)
    assert "/api/v1/charges/export" in routes and "/api/v1/finance/delinquency/export" in routes
    headers = login("ana@a.test")
    for route in routes:
        res = client.get(route + EXPORT_QUERIES.get(route, ""), headers=headers)
        assert res.status_code == 403, (route, res.status_code)
