"""Login, refresh, logout, /me, token expiry and login throttling."""
from __future__ import annotations

from datetime import timedelta

import pytest
from flask_jwt_extended import create_access_token

from conserje.extensions import db
from conserje.models import AppUser
from conserje.services.setup.users import set_roles
from tests.services.core.test_permissions import EXPECTED


def test_login_returns_tokens_and_profile(client, world):
    res = client.post("/api/v1/auth/login", json={"email": "Admin@A.test ",
                                                   "password": world.password})
    assert res.status_code == 200
    body = res.json
    assert body["token_type"] == "bearer" and body["access_token"] and body["refresh_token"]
    assert body["user"]["email"] == "admin@a.test"
    assert body["user"]["roles"] == ["admin"]
    assert body["user"]["condominium"]["name"] == "Condominio A"


def test_wrong_password_and_unknown_email_get_the_same_401(client, world):
    wrong = client.post("/api/v1/auth/login", json={"email": "admin@a.test", "password": "nope"})
    unknown = client.post("/api/v1/auth/login", json={"email": "ghost@a.test", "password": "x"})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json["message"] == unknown.json["message"]
    assert set(wrong.json) >= {"code", "status", "message"}


def test_me_shows_resident_units(client, world, login):
    res = client.get("/api/v1/auth/me", headers=login("ana@a.test"))
    assert res.status_code == 200
    assert res.json["roles"] == ["resident"]
    assert res.json["unit_ids"] == [world.ids["unit1"]]


def test_refresh_gives_a_working_access_token(client, world):
    tokens = client.post("/api/v1/auth/login", json={"email": "guard@a.test",
                                                      "password": world.password}).json
    res = client.post("/api/v1/auth/refresh",
                      headers={"Authorization": f"Bearer {tokens['refresh_token']}"})
    assert res.status_code == 200
    me = client.get("/api/v1/auth/me",
                    headers={"Authorization": f"Bearer {res.json['access_token']}"})
    assert me.status_code == 200 and me.json["email"] == "guard@a.test"
    # An access token is not a refresh token.
    wrong = client.post("/api/v1/auth/refresh",
                        headers={"Authorization": f"Bearer {tokens['access_token']}"})
    assert wrong.status_code == 422 or wrong.status_code == 401


def test_logout_revokes_access_and_refresh_tokens(client, world):
    tokens = client.post("/api/v1/auth/login", json={"email": "admin@a.test",
                                                      "password": world.password}).json
    access = {"Authorization": f"Bearer {tokens['access_token']}"}
    assert client.post("/api/v1/auth/logout", headers=access).status_code == 204
    after = client.get("/api/v1/auth/me", headers=access)
    assert after.status_code == 401 and "logged out" in after.json["message"]
    refresh = client.post("/api/v1/auth/refresh",
                          headers={"Authorization": f"Bearer {tokens['refresh_token']}"})
    assert refresh.status_code == 401


def test_expired_and_garbage_tokens_get_401(app, client, world):
    with app.app_context():
        expired = create_access_token(identity=str(world.ids["user_admin"]),
                                      additional_claims={"sid": "x"},
                                      expires_delta=timedelta(seconds=-5))
    res = client.get("/api/v1/units", headers={"Authorization": f"Bearer {expired}"})
    assert res.status_code == 401 and "expired" in res.json["message"]
    res = client.get("/api/v1/units", headers={"Authorization": "Bearer not.a.jwt"})
    assert res.status_code == 401
    assert client.get("/api/v1/units").status_code == 401


def test_deactivated_user_is_refused_immediately(client, world, login):
    admin = login("admin@a.test")
    guard = login("guard@a.test")
    res = client.patch(f"/api/v1/users/{world.ids['user_guard']}", json={"is_active": False},
                       headers=admin)
    assert res.status_code == 200
    assert client.get("/api/v1/gates", headers=guard).status_code == 401
    relogin = client.post("/api/v1/auth/login", json={"email": "guard@a.test",
                                                       "password": world.password})
    assert relogin.status_code == 401


def test_failed_logins_lock_the_account_with_retry_after(app, client, world):
    limit = app.config["LOGIN_MAX_FAILURES_PER_ACCOUNT"]
    for _ in range(limit):
        res = client.post("/api/v1/auth/login", json={"email": "admin@a.test", "password": "x"})
        assert res.status_code == 401
    locked = client.post("/api/v1/auth/login", json={"email": "admin@a.test",
                                                      "password": world.password})
    assert locked.status_code == 429
    assert 0 < int(locked.headers["Retry-After"]) <= app.config["LOGIN_WINDOW_SECONDS"]
    # Another account from the same address is not affected by this account's lock.
    other = client.post("/api/v1/auth/login", json={"email": "guard@a.test",
                                                     "password": world.password})
    assert other.status_code == 200


def test_attempts_per_ip_are_limited(app, client, world, monkeypatch):
    monkeypatch.setitem(app.config, "LOGIN_MAX_ATTEMPTS_PER_IP", 3)
    for i in range(3):
        res = client.post("/api/v1/auth/login", json={"email": f"u{i}@x.test", "password": "x"})
        assert res.status_code == 401
    blocked = client.post("/api/v1/auth/login", json={"email": "admin@a.test",
                                                       "password": world.password})
    assert blocked.status_code == 429 and "Retry-After" in blocked.headers
    # A different client address still gets in.
    ok = client.post("/api/v1/auth/login", json={"email": "admin@a.test",
                                                  "password": world.password},
                     environ_base={"REMOTE_ADDR": "10.9.8.7"})
    assert ok.status_code == 200


def test_successful_login_resets_the_failure_count(app, client, world):
    limit = app.config["LOGIN_MAX_FAILURES_PER_ACCOUNT"]
    for _ in range(limit - 1):
        client.post("/api/v1/auth/login", json={"email": "admin@a.test", "password": "x"})
    assert client.post("/api/v1/auth/login", json={"email": "admin@a.test",
                                                    "password": world.password}).status_code == 200
    for _ in range(limit - 1):
        client.post("/api/v1/auth/login", json={"email": "admin@a.test", "password": "x"})
    assert client.post("/api/v1/auth/login", json={"email": "admin@a.test",
                                                    "password": world.password}).status_code == 200


@pytest.mark.parametrize("email, role", [
    ("admin@a.test", "admin"), ("manager@a.test", "manager"), ("guard@a.test", "guard"),
    ("staff@a.test", "staff"), ("ana@a.test", "resident")])
def test_me_lists_the_capabilities_of_each_role(client, world, login, email, role):
    res = client.get("/api/v1/auth/me", headers=login(email))
    assert res.status_code == 200
    assert res.json["roles"] == [role]
    assert res.json["capabilities"] == sorted(EXPECTED[role])


def test_login_profile_carries_the_capabilities(client, world):
    res = client.post("/api/v1/auth/login", json={"email": "guard@a.test",
                                                   "password": world.password})
    capabilities = res.json["user"]["capabilities"]
    assert "visitors.desk" in capabilities and "finance.read" not in capabilities


def test_capabilities_follow_the_condominium_asked_for(app, client, world, login):
    """The manager of A who is also a guard in B gets a guard's capabilities in B."""
    with app.app_context():
        manager = db.session.get(AppUser, world.ids["user_manager"])
        set_roles(manager, world.other_condo_id, ["guard"])
        db.session.commit()
    in_a = client.get("/api/v1/auth/me", headers=login("manager@a.test",
                                                       condominium_id=world.condo_id))
    in_b = client.get("/api/v1/auth/me", headers=login("manager@a.test",
                                                       condominium_id=world.other_condo_id))
    assert in_a.json["capabilities"] == sorted(EXPECTED["manager"])
    assert in_b.json["roles"] == ["guard"]
    assert in_b.json["capabilities"] == sorted(EXPECTED["guard"])
