"""Visitor control through the HTTP API (seed 003): pre-registration with signed passes,
QR scans (RN-102), walk-ins and approvals (UC-101, RN-100, RN-101, RN-103), documents
(RN-104), immutable history (RN-105), one visitor per authorisation (RN-106), exits and
overstays (RN-107), recurring visitors (UC-102), blacklists and KPIs."""
from __future__ import annotations

import base64
import json
from datetime import datetime, timedelta, timezone

import pytest

from conserje.extensions import db
from conserje.models import AccessEvent, VisitAuthorisation
from tests.frames import FACES, gate_frame, jpeg

CPF = "529.982.247-25"  # a valid CPF


def now():
    return datetime.now(timezone.utc)


def pre_register(client, headers, unit_id, kind="single", doc=("cpf", CPF), **extra):
    body = {"unit_id": unit_id, "kind": kind,
            "visitor": {"first_name": "Paula", "last_name": "Lima", "doc_type": doc[0],
                        "doc_number": doc[1], "plate": "ab-cd 12"}, **extra}
    return client.post("/api/v1/visits", json=body, headers=headers)


def scan(client, headers, gate_id, payload):
    return client.post(f"/api/v1/gates/{gate_id}/qr-scans", json={"payload": payload},
                       headers=headers)


def walk_in(client, headers, world, photo=None, doc=("rut", "15555555-6"), **extra):
    data = {"gate_id": str(world.ids["gate"]), "unit_id": str(world.ids["unit1"]),
            "first_name": "Pedro", "last_name": "Pérez", "doc_type": doc[0],
            "doc_number": doc[1], **extra}
    if photo is not None:
        import io
        data["photo"] = (io.BytesIO(photo), "photo.jpg", "image/jpeg")
    return client.post("/api/v1/visits/walk-ins", data=data, headers=headers,
                       content_type="multipart/form-data")


def good_photo(person="obama", n=3):
    return jpeg(gate_frame(FACES / person / f"{n}.jpg"))


# --- pre-registration and passes (UC-100, RN-102) ---------------------------------------

def test_uc100_pre_registered_visitor_enters_with_the_qr_and_the_resident_is_told(
        client, world, ana, guard):
    res = pre_register(client, ana, world.ids["unit1"])
    assert res.status_code == 201, res.json
    visit = res.json
    assert visit["status"] == "expected" and visit["pre_registered"] is True
    qr = visit["pass"]
    assert set(qr) >= {"id", "qr_payload", "png_url", "svg_url", "valid_from", "valid_until",
                       "entries_allowed"}
    assert qr["entries_allowed"] == 1
    png = client.get(qr["png_url"], headers=ana)
    assert png.status_code == 200 and png.data[:8] == b"\x89PNG\r\n\x1a\n"
    svg = client.get(qr["svg_url"], headers=ana)
    assert svg.status_code == 200 and b"<svg" in svg.data
    res = scan(client, guard, world.ids["gate"], qr["qr_payload"])
    assert res.status_code == 200, res.json
    assert res.json["decision"] == "granted" and res.json["visit"]["status"] == "inside"
    event = client.get(f"/api/v1/access-events/{res.json['event_id']}", headers=guard).json
    assert event["method"] == "qr" and event["decision"] == "granted"
    inbox = client.get("/api/v1/notifications", headers=ana).json
    assert [n["topic"] for n in inbox] == ["visit_entry"]
    inside = client.get("/api/v1/visits/inside", headers=guard).json
    assert [v["id"] for v in inside] == [visit["id"]]


def test_rn102_single_entry_pass_is_spent_once(client, world, ana, guard):
    qr = pre_register(client, ana, world.ids["unit1"]).json["pass"]["qr_payload"]
    assert scan(client, guard, world.ids["gate"], qr).json["decision"] == "granted"
    replay = scan(client, guard, world.ids["gate"], qr).json
    assert replay["decision"] == "denied" and replay["reason"] == "already_used"


def test_rn102_expired_forged_revoked_and_other_condominium_passes_are_refused(
        client, world, ana, guard, login, app):
    gate = world.ids["gate"]
    start = now() - timedelta(hours=3)
    expired_visit = pre_register(client, ana, world.ids["unit1"], kind="period",
                                 valid_from=start.isoformat(),
                                 valid_until=(now() + timedelta(seconds=1)).isoformat()).json
    import time
    time.sleep(1.5)
    res = scan(client, guard, gate, expired_visit["pass"]["qr_payload"]).json
    assert (res["decision"], res["reason"]) == ("denied", "expired")

    visit = pre_register(client, ana, world.ids["unit1"], doc=("rut", "7654321-6")).json
    text = visit["pass"]["qr_payload"]
    prefix, body, sig = text.split(".")
    claims = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    claims["t"] += 86400 * 30  # a longer validity, keeping the old signature
    forged_body = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    res = scan(client, guard, gate, f"{prefix}.{forged_body}.{sig}").json
    assert (res["decision"], res["reason"]) == ("denied", "bad_signature")
    assert scan(client, guard, gate, "hello world").json["reason"] == "malformed"

    assert client.post(f"/api/v1/visits/{visit['id']}/pass/revoke",
                       headers=ana).status_code == 200
    res = scan(client, guard, gate, text).json
    assert (res["decision"], res["reason"]) == ("denied", "revoked")
    fresh = client.post(f"/api/v1/visits/{visit['id']}/pass/reissue", headers=ana).json
    assert fresh["pass"]["id"] != visit["pass"]["id"]
    assert scan(client, guard, gate, fresh["pass"]["qr_payload"]).json["decision"] == "granted"

    # A genuine pass of condominium B, shown at condominium A's gate.
    from conserje.models import Unit
    from conserje.services.core.actor import Actor
    from conserje.services.visitors import passes, visits
    with app.app_context():
        sys_b = Actor(None, world.other_condo_id, frozenset({"admin"}))
        other = visits.pre_register(db.session, sys_b, {
            "unit_id": world.ids["unit_b"], "kind": "single",
            "visitor": {"first_name": "X", "last_name": "Y", "doc_type": "passport",
                        "doc_number": "AB123456"}})
        db.session.commit()
        text_b = passes.payload(db.session, app.config["SECRET_KEY"],
                                passes.current_pass(db.session, other))
        assert db.session.get(Unit, world.ids["unit_b"]).condominium_id == world.other_condo_id
    res = scan(client, guard, gate, text_b).json
    assert (res["decision"], res["reason"]) == ("denied", "other_condominium")
    with app.app_context():
        denied = db.session.query(AccessEvent).filter_by(decision="denied").count()
    assert denied == 5


def test_rn102_fifty_parallel_scans_of_a_single_entry_pass_grant_exactly_one(
        client, world, ana, guard, app):
    # SQLite and PostgreSQL alike (issue 12): every scan answered and logged in the chain.
    from concurrent.futures import ThreadPoolExecutor

    from conserje.services.access import access_log

    qr = pre_register(client, ana, world.ids["unit1"]).json["pass"]["qr_payload"]

    def one(_):
        response = scan(app.test_client(), guard, world.ids["gate"], qr)
        assert response.status_code == 200, response.json
        return response.json["decision"]

    with ThreadPoolExecutor(max_workers=50) as pool:
        decisions = list(pool.map(one, range(50)))
    assert decisions.count("granted") == 1 and decisions.count("denied") == 49
    with app.app_context():
        assert access_log.verify_chain(db.session, world.condo_id) == (50, [])


def test_pre_registration_only_for_own_units_and_not_for_blacklisted(client, world, ana, admin):
    res = pre_register(client, ana, world.ids["unit2"])
    assert res.status_code == 404  # another unit: never revealed
    visit = pre_register(client, ana, world.ids["unit1"]).json
    visitor = client.get(f"/api/v1/visitors?q={visit['visitor_name'].split()[0]}",
                         headers=admin).json[0]
    res = client.post("/api/v1/visitor-blocks", json={"visitor_id": visitor["id"],
                      "unit_id": world.ids["unit1"], "reason": "comportamiento"}, headers=ana)
    assert res.status_code == 201, res.json
    again = pre_register(client, ana, world.ids["unit1"])
    assert again.status_code == 409 and again.json["errors"]["json"]["visitor"] == ["blacklisted"]
    # Residents cannot blacklist condominium-wide.
    assert client.post("/api/v1/visitor-blocks", json={"visitor_id": visitor["id"],
                       "reason": "x"}, headers=ana).status_code == 403


def test_rn104_documents_are_checked(client, world, ana):
    bad = pre_register(client, ana, world.ids["unit1"], doc=("cpf", "529.982.247-24"))
    assert bad.status_code == 422
    assert "check digits" in bad.json["errors"]["json"]["doc_number"][0]
    assert pre_register(client, ana, world.ids["unit1"],
                        doc=("rut", "11.111.111-2")).status_code == 422
    assert pre_register(client, ana, world.ids["unit1"], doc=("ci", "1.234.567-3")
                        ).status_code == 422
    for doc in (("ci", "1.234.567-2"), ("rg", "12.345.678-X"), ("passport", "X1234567"),
                ("dni", "30123456")):
        assert pre_register(client, ana, world.ids["unit1"], doc=doc).status_code == 201, doc
    assert pre_register(client, ana, world.ids["unit1"], doc=("bogus", "1")).status_code == 422


def test_rn106_one_visitor_per_authorisation(client, world, ana):
    body = {"unit_id": world.ids["unit1"], "kind": "single",
            "visitor": [{"first_name": "A", "last_name": "B", "doc_type": "dni",
                         "doc_number": "30123456"}] * 2}
    res = client.post("/api/v1/visits", json=body, headers=ana)
    assert res.status_code == 422 and "visitor" in res.json["errors"]["json"]


# --- walk-ins (UC-101, RN-100, RN-101, RN-103) ------------------------------------------

def test_rn100_walk_in_needs_a_usable_photo(client, world, guard, admin):
    assert walk_in(client, guard, world).json["errors"]["files"]["photo"] == ["missing"]
    small = jpeg(gate_frame(FACES / "obama" / "3.jpg", size=(320, 240), face_px=100))
    res = walk_in(client, guard, world, photo=small)
    assert res.status_code == 422 and res.json["errors"]["files"]["photo"] == ["frame_too_small"]
    import cv2
    import numpy as np
    dark = (cv2.imdecode(np.frombuffer(good_photo(), np.uint8), 1) * 0.12).astype(np.uint8)
    res = walk_in(client, guard, world, photo=jpeg(dark))
    assert res.status_code == 422 and "too_dark" in res.json["errors"]["files"]["photo"] or \
        res.json["errors"]["files"]["photo"] == ["no_face"]
    # Emergency mode is the only exception.
    client.patch("/api/v1/visitor-admin/settings", json={"emergency_mode": True}, headers=admin)
    res = walk_in(client, guard, world)
    assert res.status_code == 201 and res.json["has_photo"] is False


def test_uc101_walk_in_first_answer_wins_and_entry_is_logged(client, world, guard, ana,
                                                             login):
    res = walk_in(client, guard, world, photo=good_photo())
    assert res.status_code == 201, res.json
    visit = res.json
    assert visit["status"] == "pending" and visit["has_photo"] is True
    [visitor] = client.get("/api/v1/visitors?q=Pedro", headers=guard).json
    assert visitor["has_photo"] is True  # kept on the visitor's record for next time
    inbox = client.get("/api/v1/notifications", headers=ana).json
    assert inbox[0]["topic"] == "visit_request"
    photo = client.get(f"/api/v1/visits/{visit['id']}/photo", headers=ana)
    assert photo.status_code == 200 and photo.data[:2] == b"\xff\xd8"
    # The other unit's resident cannot see or answer it.
    bruno = login("bruno@a.test")
    assert client.post(f"/api/v1/visits/{visit['id']}/answer", json={"decision": "deny"},
                       headers=bruno).status_code == 404
    # RN-101: no entry before the answer.
    early = client.post(f"/api/v1/visits/{visit['id']}/entry",
                        json={"gate_id": world.ids["gate"]}, headers=guard)
    assert early.status_code == 409
    res = client.post(f"/api/v1/visits/{visit['id']}/answer", json={"decision": "approve"},
                      headers=ana)
    assert res.status_code == 200 and res.json["status"] == "approved"
    late = client.post(f"/api/v1/visits/{visit['id']}/answer", json={"decision": "deny"},
                       headers=ana)
    assert late.status_code == 409  # the first answer won
    approved = client.get(f"/api/v1/visits/{visit['id']}", headers=guard).json
    assert approved["status"] == "approved" and approved["pass"]["entries_allowed"] == 1
    entry = client.post(f"/api/v1/visits/{visit['id']}/entry",
                        json={"gate_id": world.ids["gate"], "method": "document",
                              "plate": "XY-12"}, headers=guard)
    assert entry.status_code == 201, entry.json
    event = client.get(f"/api/v1/access-events/{entry.json['access_event_id']}",
                       headers=guard).json
    assert event["method"] == "document" and event["person_name"] == "Pedro Pérez"
    assert event["has_snapshot"] is True


@pytest.mark.parametrize("action,status", [("deny", "denied"), ("allow", "approved"),
                                           ("call", "call")])
def test_rn103_timeout_applies_the_configured_action(client, world, guard, ana, admin, app,
                                                     action, status):
    client.patch("/api/v1/visitor-admin/settings", json={"timeout_action": action},
                 headers=admin)
    visit = walk_in(client, guard, world, photo=good_photo()).json
    with app.app_context():
        row = db.session.query(VisitAuthorisation).filter_by(visit_id=visit["id"]).one()
        row.expires_at = now() - timedelta(seconds=1)
        db.session.commit()
        from conserje.tasks.visitors import expire_visit_requests
        assert expire_visit_requests() == 1
    assert client.get(f"/api/v1/visits/{visit['id']}", headers=guard).json["status"] == status
    if action == "deny":
        # The resident answers afterwards: recorded as a retroactive authorisation.
        late = client.post(f"/api/v1/visits/{visit['id']}/answer",
                           json={"decision": "approve"}, headers=ana)
        assert late.status_code == 200 and late.json["kind"] == "retroactive"
        assert client.get(f"/api/v1/visits/{visit['id']}",
                          headers=guard).json["status"] == "approved"
    if action == "call":
        res = client.post(f"/api/v1/visits/{visit['id']}/answer",
                          json={"decision": "approve", "channel": "phone"}, headers=guard)
        assert res.status_code == 200 and res.json["channel"] == "phone"


def test_global_blacklist_denies_even_with_approval_and_alerts_guards(client, world, guard,
                                                                     ana, admin):
    visit = pre_register(client, ana, world.ids["unit1"]).json
    visitor_id = client.get("/api/v1/visitors?q=Lima", headers=guard).json[0]["id"]
    res = client.post("/api/v1/visitor-blocks", json={"visitor_id": visitor_id,
                      "reason": "orden judicial"}, headers=admin)
    assert res.status_code == 201
    res = scan(client, guard, world.ids["gate"], visit["pass"]["qr_payload"]).json
    assert (res["decision"], res["reason"]) == ("denied", "blacklisted")
    kinds = [a["kind"] for a in client.get("/api/v1/alerts", headers=guard).json]
    assert "blacklisted" in kinds


def test_repeated_refusals_flag_the_visitor(client, world, guard, ana, admin):
    client.patch("/api/v1/visitor-admin/settings", json={"flag_after_denials": 2},
                 headers=admin)
    qr = pre_register(client, ana, world.ids["unit1"]).json["pass"]["qr_payload"]
    scan(client, guard, world.ids["gate"], qr)
    for _ in range(2):
        assert scan(client, guard, world.ids["gate"], qr).json["decision"] == "denied"
    visitor = client.get("/api/v1/visitors?q=Lima", headers=guard).json[0]
    assert visitor["flagged"] is True


def test_rn101_a_walk_in_needs_the_residents_authorisation_a_pre_registered_one_does_not(
        client, world, guard, ana, admin):
    walk = walk_in(client, guard, world, photo=good_photo()).json
    refused = client.post(f"/api/v1/visits/{walk['id']}/entry",
                          json={"gate_id": world.ids["gate"]}, headers=guard)
    assert refused.status_code == 409 and refused.json["errors"]["json"]["visit"] == ["pending"]
    assert walk["pass"] is None  # no pass until the resident answers
    res = client.post(f"/api/v1/visits/{walk['id']}/answer", json={"decision": "deny",
                      "reason": "no lo conozco"}, headers=ana)
    assert res.status_code == 200 and res.json["status"] == "denied"
    after = client.get(f"/api/v1/visits/{walk['id']}", headers=guard).json
    assert after["status"] == "denied" and after["pass"] is None
    assert client.post(f"/api/v1/visits/{walk['id']}/entry", json={"gate_id": world.ids["gate"]},
                       headers=guard).status_code == 409
    # A guard records a resident's answer only as a phone call.
    assert client.post(f"/api/v1/visits/{walk['id']}/answer", json={"decision": "approve"},
                       headers=guard).status_code == 403
    pre = pre_register(client, ana, world.ids["unit1"]).json
    assert scan(client, guard, world.ids["gate"], pre["pass"]["qr_payload"]
                ).json["decision"] == "granted"


def test_guards_find_visitors_by_name_document_or_plate(client, world, ana, guard):
    pre_register(client, ana, world.ids["unit1"])
    for q in ("paula", "Lima", "529982", "ABCD12", "abcd"):
        found = client.get(f"/api/v1/visitors?q={q}", headers=guard).json
        assert [v["name"] for v in found] == ["Paula Lima"], q
        assert found[0]["plate"] == "ABCD12"
    assert client.get("/api/v1/visitors?q=nadie", headers=guard).json == []
    assert client.get("/api/v1/visitors?q=Lima", headers=ana).status_code == 403


# --- history, exits, recurring ----------------------------------------------------------

def test_rn105_history_is_immutable_and_deactivation_keeps_the_reason(client, world, ana,
                                                                      guard, app):
    visit = pre_register(client, ana, world.ids["unit1"]).json
    assert client.delete(f"/api/v1/visits/{visit['id']}", headers=ana).status_code == 405
    res = client.post(f"/api/v1/visits/{visit['id']}/deactivate", json={"reason": "cancelada"},
                      headers=ana)
    assert res.status_code == 200 and res.json["is_active"] is False
    assert res.json["inactive_reason"] == "cancelada" and res.json["status"] == "cancelled"
    timeline = client.get(f"/api/v1/visits/{visit['id']}/history", headers=ana).json
    assert [c["to_status"] for c in timeline["changes"]] == ["expected", "cancelled"]
    assert all(c["actor_id"] == world.ids["user_resident1"] for c in timeline["changes"])
    assert timeline["authorisations"][0]["kind"] == "prior"
    res = scan(client, guard, world.ids["gate"], visit["pass"]["qr_payload"]).json
    assert res["decision"] == "denied"
    assert client.post(f"/api/v1/visits/{visit['id']}/deactivate", json={},
                       headers=ana).status_code == 422


def test_rn107_exit_is_recorded_and_overstays_alert(client, world, ana, guard, app):
    visit = pre_register(client, ana, world.ids["unit1"]).json
    scan(client, guard, world.ids["gate"], visit["pass"]["qr_payload"])
    from conserje.models import Visit
    with app.app_context():
        row = db.session.get(Visit, visit["id"])
        row.entered_at = now() - timedelta(hours=5)
        db.session.commit()
        from conserje.tasks.visitors import watch_visits
        assert watch_visits()["overstays"] == 1
        assert watch_visits()["overstays"] == 0  # once per stay
    assert "overstay" in [a["kind"] for a in client.get("/api/v1/alerts", headers=guard).json]
    assert client.post(f"/api/v1/visits/{visit['id']}/exit-reminder",
                       headers=guard).status_code == 204
    topics = [n["topic"] for n in client.get("/api/v1/notifications", headers=ana).json]
    assert "visit_overstay" in topics and "visit_exit_reminder" in topics
    res = client.post(f"/api/v1/visits/{visit['id']}/exit", json={"gate_id": world.ids["gate"]},
                      headers=guard)
    assert res.status_code == 201 and res.json["direction"] == "exit"
    assert client.get(f"/api/v1/visits/{visit['id']}", headers=guard).json["status"] == "left"
    assert client.get("/api/v1/visits/inside", headers=guard).json == []
    again = client.post(f"/api/v1/visits/{visit['id']}/exit",
                        json={"gate_id": world.ids["gate"]}, headers=guard)
    assert again.status_code == 409


def test_uc102_recurring_visitor_enters_in_window_without_new_approval(client, world, ana,
                                                                       guard, app):
    from zoneinfo import ZoneInfo
    local = now().astimezone(ZoneInfo("America/Santiago"))
    today, other_day = local.weekday(), (local.weekday() + 3) % 7
    res = pre_register(client, ana, world.ids["unit1"], kind="recurring",
                       service_kind="cleaner", weekdays=[today], start_time="00:00",
                       end_time="24:00", valid_until=(now() + timedelta(days=5)).isoformat())
    assert res.status_code == 201, res.json
    visit = res.json
    assert visit["pass"]["entries_allowed"] is None
    qr = visit["pass"]["qr_payload"]
    assert scan(client, guard, world.ids["gate"], qr).json["decision"] == "granted"
    client.post(f"/api/v1/visits/{visit['id']}/exit", json={"gate_id": world.ids["gate"]},
                headers=guard)
    assert scan(client, guard, world.ids["gate"], qr).json["decision"] == "granted"
    # Renewal asked within 7 days of the end, once; renewing issues a new pass.
    with app.app_context():
        from conserje.tasks.visitors import request_visit_renewals
        assert request_visit_renewals() == 1 and request_visit_renewals() == 0
    topics = [n["topic"] for n in client.get("/api/v1/notifications", headers=ana).json]
    assert "visit_renewal" in topics and "visit_entry" in topics
    renewed = client.post(f"/api/v1/visits/{visit['id']}/renew", json={
        "valid_until": (now() + timedelta(days=90)).isoformat()}, headers=ana).json
    assert renewed["pass"]["id"] != visit["pass"]["id"]
    # Outside the weekdays: refused with the reason.
    other = pre_register(client, ana, world.ids["unit1"], kind="recurring",
                         doc=("dni", "30123456"), weekdays=[other_day], start_time="08:00",
                         end_time="17:00", valid_until=(now() + timedelta(days=30)).isoformat())
    res = scan(client, guard, world.ids["gate"], other.json["pass"]["qr_payload"]).json
    assert (res["decision"], res["reason"]) == ("denied", "outside_hours")
    bad = pre_register(client, ana, world.ids["unit1"], kind="recurring", doc=("dni", "30123457"),
                       weekdays=[], valid_until=(now() + timedelta(days=30)).isoformat())
    assert bad.status_code == 422


def test_kpis_for_a_date_range(client, world, ana, guard, admin):
    visit = pre_register(client, ana, world.ids["unit1"]).json
    scan(client, guard, world.ids["gate"], visit["pass"]["qr_payload"])
    client.post(f"/api/v1/visits/{visit['id']}/exit", json={"gate_id": world.ids["gate"]},
                headers=guard)
    day = now().date()
    res = client.get(f"/api/v1/visitor-admin/kpis?since={day - timedelta(days=1)}&until={day}",
                     headers=admin)
    assert res.status_code == 200, res.json
    assert res.json["unique_visitors"] == 1 and res.json["methods"] == {"qr": 1}
    assert res.json["pre_registration_rate"] == 1.0 and len(res.json["per_day"]) == 2
    assert client.get(f"/api/v1/visitor-admin/kpis?since={day}&until={day - timedelta(days=2)}",
                      headers=admin).status_code == 422
    assert client.get(f"/api/v1/visitor-admin/kpis?since={day}&until={day}",
                      headers=ana).status_code == 403


def test_bad_input_gets_clear_4xx_errors(client, world, ana, guard):
    gate = world.ids["gate"]
    assert client.post(f"/api/v1/gates/{gate}/qr-scans", json={}, headers=guard
                       ).status_code == 422
    assert client.post("/api/v1/gates/999999/qr-scans", json={"payload": "x"},
                       headers=guard).status_code == 404
    assert scan(client, ana, gate, "x").status_code == 403  # residents do not scan
    res = walk_in(client, guard, world, photo=b"not an image at all")
    assert res.status_code == 422 and res.json["errors"]["files"]["photo"] == ["not_an_image"]
    past = (now() - timedelta(days=1)).isoformat()
    res = pre_register(client, ana, world.ids["unit1"], kind="period", valid_until=past)
    assert res.status_code == 422 and "valid_until" in res.json["errors"]["json"]
    res = pre_register(client, ana, world.ids["unit1"], kind="period")
    assert res.status_code == 422 and "valid_until" in res.json["errors"]["json"]
    res = pre_register(client, ana, world.ids["unit1"], kind="single",
                       valid_until="tomorrow")
    assert res.status_code == 422
    res = pre_register(client, ana, world.ids["unit1"], kind="recurring", start_time="25:00",
                       end_time="08:00", weekdays=[1])
    assert res.status_code == 422 and "start_time" in res.json["errors"]["json"]
    assert client.get("/api/v1/visits/999999", headers=ana).status_code == 404
    assert client.post("/api/v1/visits/999999/exit", json={"gate_id": gate},
                       headers=guard).status_code == 404


def test_guard_scans_a_pass_from_a_camera_frame(client, world, ana, guard):
    """Browsers without a barcode reader send the frame: the server reads the QR."""
    import io

    import cv2
    import numpy as np
    visit = pre_register(client, ana, world.ids["unit1"]).json
    png = client.get(visit["pass"]["png_url"], headers=ana).data
    code = cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_COLOR)
    frame = np.full((720, 960, 3), 200, np.uint8)
    frame[60:60 + code.shape[0], 200:200 + code.shape[1]] = code  # a phone held up
    res = client.post(f"/api/v1/gates/{world.ids['gate']}/qr-frames", headers=guard,
                      data={"image": (io.BytesIO(jpeg(frame)), "f.jpg", "image/jpeg")},
                      content_type="multipart/form-data")
    assert res.status_code == 200, res.json
    assert res.json["decision"] == "granted" and res.json["visit"]["id"] == visit["id"]
    blank = np.full((480, 640, 3), 200, np.uint8)
    res = client.post(f"/api/v1/gates/{world.ids['gate']}/qr-frames", headers=guard,
                      data={"image": (io.BytesIO(jpeg(blank)), "f.jpg", "image/jpeg")},
                      content_type="multipart/form-data")
    assert res.status_code == 422 and res.json["errors"]["files"]["image"] == ["no_qr"]


def test_the_gate_kiosk_scans_passes_with_its_device_token(client, world, ana, admin, guard):
    gate = world.ids["gate"]
    token = client.post(f"/api/v1/gates/{gate}/devices", json={"name": "Kiosco"},
                        headers=admin).json["token"]
    kiosk = {"Authorization": f"Bearer {token}"}
    qr = pre_register(client, ana, world.ids["unit1"]).json["pass"]["qr_payload"]
    res = client.post(f"/api/v1/gates/{gate}/qr-scans", json={"payload": qr}, headers=kiosk)
    assert res.status_code == 200 and res.json["decision"] == "granted"
    event = client.get(f"/api/v1/access-events/{res.json['event_id']}", headers=guard).json
    assert event["method"] == "qr" and event["guard_id"] is None  # no console on duty
    other_gate = client.post("/api/v1/gates", json={"name": "Peatonal", "kind": "pedestrian"},
                             headers=admin).json["id"]
    assert client.post(f"/api/v1/gates/{other_gate}/qr-scans", json={"payload": qr},
                       headers=kiosk).status_code == 403  # a kiosk serves its own gate only
    # The device token opens nothing else.
    assert client.get("/api/v1/visits", headers=kiosk).status_code in (401, 403)
