"""Bad input gets a 4xx JSON error in the documented shape, never a 500, and changes nothing."""
from __future__ import annotations

import pytest


def assert_error_shape(res, code):
    assert res.status_code == code, (res.status_code, res.get_data(as_text=True)[:300])
    body = res.json
    assert body["code"] == code and isinstance(body["status"], str)


@pytest.mark.parametrize("body", [
    {"code": 123},                              # wrong type
    {"code": "A-900", "floor": "tenth"},        # wrong type
    {"code": "A-900", "colour": "red"},         # unknown field
    {"code": ""},                               # empty
    {"code": "X" * 500},                        # too long
    {"code": "A-900", "area_m2": "-5"},         # out of range
    {"code": "A-900", "coefficient": "NaN"},
    [],                                         # not an object
])
def test_invalid_bodies_get_422(client, admin, body):
    res = client.post("/api/v1/units", json=body, headers=admin)
    assert_error_shape(res, 422)
    assert "errors" in res.json


def test_malformed_json_gets_400(client, admin):
    res = client.post("/api/v1/units", data="{not json", headers={**admin,
                      "Content-Type": "application/json"})
    assert_error_shape(res, 400)


def test_oversized_payload_gets_413(app, client, admin, monkeypatch):
    monkeypatch.setitem(app.config, "MAX_CONTENT_LENGTH", 1024)
    res = client.post("/api/v1/units", json={"code": "A-1", "pad": "x" * 4096}, headers=admin)
    assert_error_shape(res, 413)


def test_unknown_routes_and_methods_are_json(client, admin, world):
    assert_error_shape(client.get("/api/v1/nothing", headers=admin), 404)
    assert_error_shape(client.put(f"/api/v1/units/{world.ids['unit1']}", json={},
                                  headers=admin), 405)
    assert_error_shape(client.get("/api/v1/units/999999", headers=admin), 404)


def test_wrong_query_types_get_422(client, admin):
    assert_error_shape(client.get("/api/v1/units?building_id=abc", headers=admin), 422)
    assert_error_shape(client.get("/api/v1/people?kind=alien", headers=admin), 422)


def test_double_submission_creates_one_row(client, admin):
    body = {"first_name": "Doble", "last_name": "Envío", "doc_type": "rut",
            "doc_number": "7.654.321-6", "kind": "owner"}
    first = client.post("/api/v1/people", json=body, headers=admin)
    second = client.post("/api/v1/people", json=body, headers=admin)
    assert first.status_code == 201 and second.status_code == 409
    assert len(client.get("/api/v1/people?q=765432", headers=admin).json) == 1


def test_login_body_errors(client):
    assert_error_shape(client.post("/api/v1/auth/login", json={"email": "a@b.c"}), 422)
    assert_error_shape(client.post("/api/v1/auth/login", json={"email": 5, "password": []}), 422)
