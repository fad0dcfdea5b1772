"""Pass signing: keys derived per condominium and version (never stored), tampering and
foreign keys detected, key rotation with retirement of older passes."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from conserje.services.visitors import signing

T0 = datetime(2026, 12, 1, 14, 0, tzinfo=timezone.utc)


def claims(condo="c-1", version=1):
    return signing.Claims("pass-1", "unit-1", T0, T0 + timedelta(hours=4), "single", T0,
                          condo, version)


def test_round_trip_and_compact_payload():
    text = signing.sign("secret", claims())
    assert text.startswith("CJ1.") and len(text) < 300
    parsed, segment, signature = signing.parse(text)
    assert parsed == claims()
    assert signing.signature_valid("secret", parsed, segment, signature)


def test_keys_differ_by_secret_condominium_and_version():
    text = signing.sign("secret", claims())
    parsed, segment, signature = signing.parse(text)
    assert not signing.signature_valid("other-secret", parsed, segment, signature)
    for other in (claims(condo="c-2"), claims(version=2)):
        assert not signing.signature_valid("secret", other, segment, signature)


@pytest.mark.parametrize("text", ["", "CJ1", "CJ1.a.b", "XX1.e30.AA", "CJ1.e30.AA",
                                  "CJ1.W10.AA", "CJ1.!!!.AA"])
def test_malformed_texts_are_format_errors(text):
    with pytest.raises(signing.PassFormatError):
        signing.parse(text)


def test_rotating_the_key_signs_with_the_new_version_and_can_retire_old_passes(
        client, world, login):
    admin, ana, guard = login("admin@a.test"), login("ana@a.test"), login("guard@a.test")
    body = {"unit_id": world.ids["unit1"], "kind": "single", "visitor": {
        "first_name": "A", "last_name": "B", "doc_type": "dni", "doc_number": "30123456"}}
    old = client.post("/api/v1/visits", json=body, headers=ana).json["pass"]
    res = client.post("/api/v1/visitor-admin/pass-key/rotate", json={}, headers=admin)
    assert res.json["pass_key_version"] == 2 and res.json["pass_key_min"] == 1
    body["visitor"]["doc_number"] = "30123457"
    new = client.post("/api/v1/visits", json=body, headers=ana).json["pass"]
    assert new["key_id"] == "2" and old["key_id"] == "1"
    res = client.post("/api/v1/visitor-admin/pass-key/rotate", json={"retire_old": True},
                      headers=admin)
    assert res.json["pass_key_min"] == 3
    scan = client.post(f"/api/v1/gates/{world.ids['gate']}/qr-scans",
                       json={"payload": old["qr_payload"]}, headers=guard).json
    assert (scan["decision"], scan["reason"]) == ("denied", "key_retired")
    assert client.post("/api/v1/visitor-admin/pass-key/rotate", json={},
                       headers=guard).status_code == 403
