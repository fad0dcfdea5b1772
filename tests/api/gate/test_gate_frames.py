"""POST /gates/{id}/frames on real photos with the real models: decisions, debounced
events with snapshots, unknown-face alerts, retry prompts, bad frames and device tokens."""
from __future__ import annotations

import struct

import pytest

from conserje.extensions import db
from conserje.models import AccessEvent, FaceModel
from tests.frames import FACES, IMPOSTORS, frame_upload, gate_frame, jpeg


def post_frame(client, gate_id, headers, data, **kwargs):
    return client.post(f"/api/v1/gates/{gate_id}/frames", data=frame_upload(data, **kwargs),
                       headers=headers, content_type="multipart/form-data")


def enrol_with_consent(client, admin, person_id, *photos):
    res = client.post(f"/api/v1/people/{person_id}/biometric-consent",
                      json={"version": "2026-11"}, headers=admin)
    assert res.status_code == 201, res.json
    files = {"image": [(open(p, "rb"), p.name) for p in photos]}
    res = client.post(f"/api/v1/people/{person_id}/faces", data=files, headers=admin,
                      content_type="multipart/form-data")
    assert res.status_code == 201 and all(r["status"] == "accepted"
                                          for r in res.json["results"]), res.json


@pytest.fixture
def enrolled(client, admin, world):
    enrol_with_consent(client, admin, world.ids["person1"], FACES / "obama" / "1.jpg",
                       FACES / "obama" / "2.jpg")
    return world


def test_resident_is_granted_and_logged_once_within_the_debounce(client, guard, enrolled, app):
    gate = enrolled.ids["gate"]
    frame = jpeg(gate_frame(FACES / "obama" / "3.jpg"))
    first = post_frame(client, gate, guard, frame)
    assert first.status_code == 200, first.json
    [face] = first.json["faces"]
    assert face["decision"] == "granted" and face["reason"] == "resident"
    assert face["person"] == {"id": enrolled.ids["person1"], "name": "Ana Rojas",
                              "kind": "owner", "unit": "A-101"}
    assert face["similarity"] >= 0.9 and face["direction"] == "entry"
    assert set(face["bbox"]) == {"x", "y", "w", "h"}
    assert len(first.json["event_ids"]) == 1
    again = post_frame(client, gate, guard, jpeg(gate_frame(FACES / "obama" / "4.jpg")))
    assert again.json["faces"][0]["decision"] == "granted"
    assert again.json["event_ids"] == []  # same person, same gate, within 30 s
    event_id = first.json["event_ids"][0]
    event = client.get(f"/api/v1/access-events/{event_id}", headers=guard).json
    assert event["method"] == "face" and event["decision"] == "granted"
    assert event["model_version"] == 1 and event["has_snapshot"] is True
    assert event["guard_id"] == enrolled.ids["user_guard"]
    photo = client.get(f"/api/v1/access-events/{event_id}/snapshot", headers=guard)
    assert photo.status_code == 200 and photo.data[:2] == b"\xff\xd8"
    assert photo.headers["Cache-Control"] == "no-store"
    inside = client.get("/api/v1/presence", headers=guard).json
    assert [p["person_id"] for p in inside] == [enrolled.ids["person1"]]
    assert inside[0]["units"] == ["A-101"]


def test_two_way_gate_alternates_with_presence_or_takes_the_direction(client, guard, enrolled,
                                                                        app, monkeypatch):
    monkeypatch.setitem(app.config, "GATE_DEBOUNCE_SECONDS", 1)
    gate = enrolled.ids["gate"]
    frame = jpeg(gate_frame(FACES / "obama" / "3.jpg"))
    assert post_frame(client, gate, guard, frame).json["faces"][0]["direction"] == "entry"
    client.application.extensions["conserje_redis"].flushdb()  # the debounce window passed
    assert post_frame(client, gate, guard, frame).json["faces"][0]["direction"] == "exit"
    assert client.get("/api/v1/presence", headers=guard).json == []
    client.application.extensions["conserje_redis"].flushdb()
    told = post_frame(client, gate, guard, frame, direction="exit")
    assert told.json["faces"][0]["direction"] == "exit"


def test_impostor_is_unknown_and_raises_an_alert(client, guard, enrolled):
    impostor = sorted(IMPOSTORS.iterdir())[0]
    res = post_frame(client, enrolled.ids["gate"], guard, jpeg(gate_frame(impostor)))
    [face] = res.json["faces"]
    assert face["decision"] == "unknown" and face["person"] is None
    assert face["reason"] == "no_match" and len(res.json["event_ids"]) == 1
    alerts = client.get("/api/v1/alerts?pending=true", headers=guard).json
    assert [a["access_event_id"] for a in alerts] == res.json["event_ids"]
    assert alerts[0]["kind"] == "unknown_face"
    acked = client.post(f"/api/v1/alerts/{alerts[0]['id']}/ack", headers=guard)
    assert acked.status_code == 200 and acked.json["acked_at"]
    assert client.get("/api/v1/alerts?pending=true", headers=guard).json == []
    assert client.get("/api/v1/alerts", headers=guard).json[0]["id"] == alerts[0]["id"]
    snapshot = client.get(f"/api/v1/access-events/{res.json['event_ids'][0]}/snapshot",
                          headers=guard)
    assert snapshot.status_code == 200


def test_small_or_dark_faces_ask_to_retry_and_log_nothing(client, guard, enrolled, app):
    small = post_frame(client, enrolled.ids["gate"], guard,
                       jpeg(gate_frame(FACES / "obama" / "3.jpg", face_px=60)))
    assert [(f["decision"], f["reason"]) for f in small.json["faces"]] == \
        [("retry", "face_too_small")]
    dark = (gate_frame(FACES / "obama" / "3.jpg") * 0.12).astype("uint8")
    res = post_frame(client, enrolled.ids["gate"], guard, jpeg(dark))
    assert [f["decision"] for f in res.json["faces"]] in ([], ["retry"])
    if res.json["faces"]:
        assert res.json["faces"][0]["reason"] == "too_dark"
    with app.app_context():
        assert db.session.query(AccessEvent).count() == 0


def _huge_header(data: bytes) -> bytes:
    """The same JPEG claiming to be 10000x10000 pixels in its frame header."""
    i = 2
    while True:
        marker, length = data[i + 1], struct.unpack(">H", data[i + 2:i + 4])[0]
        if marker in (0xC0, 0xC2):
            return data[:i + 5] + struct.pack(">HH", 10000, 10000) + data[i + 9:]
        i += 2 + length


def test_bad_frames_are_refused_before_any_model_runs(client, guard, world, app):
    good = jpeg(gate_frame(FACES / "obama" / "3.jpg"))
    gate = world.ids["gate"]
    cases = {
        "empty": post_frame(client, gate, guard, b""),
        "not_an_image": post_frame(client, gate, guard, b"hello, not a photo" * 50),
        "truncated": post_frame(client, gate, guard, good[:len(good) // 2]),
        "too_large": post_frame(client, gate, guard, _huge_header(good)),
        "unsupported_type": post_frame(client, gate, guard, good, content_type="text/plain"),
    }
    for code, res in cases.items():
        assert res.status_code == 422, (code, res.json)
        assert res.json["errors"]["files"]["image"] == [code], res.json
    as_json = client.post(f"/api/v1/gates/{gate}/frames", json={"image": "x"}, headers=guard)
    assert as_json.status_code == 422
    assert as_json.json["errors"]["files"]["image"] == ["missing"]
    bad_direction = post_frame(client, gate, guard, good, direction="sideways")
    assert bad_direction.status_code == 422
    with app.app_context():  # identify was never reached: it creates model version 1
        assert db.session.query(FaceModel).count() == 0


def test_device_tokens_post_frames_for_their_gate_only(client, admin, guard, enrolled, login):
    gate = enrolled.ids["gate"]
    assert client.post(f"/api/v1/gates/{gate}/devices", json={"name": "K"},
                       headers=guard).status_code == 403
    created = client.post(f"/api/v1/gates/{gate}/devices", json={"name": "Kiosko norte"},
                          headers=admin)
    assert created.status_code == 201
    token = created.json["token"]
    device = {"Authorization": f"Bearer {token}"}
    listed = client.get(f"/api/v1/gates/{gate}/devices", headers=admin).json
    assert [d["name"] for d in listed] == ["Kiosko norte"] and "token" not in listed[0]
    status = client.get(f"/api/v1/gates/{gate}/status", headers=device)
    assert status.status_code == 200 and status.json["device_name"] == "Kiosko norte"
    res = post_frame(client, gate, device, jpeg(gate_frame(FACES / "obama" / "3.jpg")))
    assert res.status_code == 200 and res.json["faces"][0]["decision"] == "granted"
    event = client.get(f"/api/v1/access-events/{res.json['event_ids'][0]}", headers=guard).json
    assert event["device_id"] == created.json["id"] and event["guard_id"] is None
    other = client.post("/api/v1/gates", json={"name": "Peatonal"}, headers=admin).json["id"]
    assert post_frame(client, other, device, b"x").status_code == 403
    for method, url, body in (
            ("GET", "/api/v1/units", None), ("GET", "/api/v1/access-events", None),
            ("GET", "/api/v1/presence", None),
            ("POST", f"/api/v1/gates/{gate}/devices", {"name": "x"}),
            ("POST", f"/api/v1/gates/{gate}/manual-open", {"reason": "x"})):
        assert client.open(url, method=method, headers=device,
                           json=body).status_code == 401, url
    assert client.delete(f"/api/v1/gates/{gate}/devices/{created.json['id']}",
                         headers=admin).status_code == 204
    assert client.get(f"/api/v1/gates/{gate}/status", headers=device).status_code == 401
    assert post_frame(client, gate, device, b"x").status_code == 401
    # Another condominium's admin does not see the gate's devices.
    assert client.get(f"/api/v1/gates/{gate}/devices",
                      headers=login("admin@b.test")).status_code == 404


def test_png_frames_are_accepted_and_disabled_gates_refuse(client, admin, guard, enrolled):
    import cv2

    gate = enrolled.ids["gate"]
    ok, png = cv2.imencode(".png", gate_frame(FACES / "obama" / "3.jpg"))
    res = post_frame(client, gate, guard, png.tobytes(), name="frame.png", content_type="image/png")
    assert res.status_code == 200 and res.json["faces"][0]["decision"] == "granted"
    status = client.get(f"/api/v1/gates/{gate}/status", headers=guard)
    assert status.status_code == 200 and status.json["device_name"] is None
    assert client.patch(f"/api/v1/gates/{gate}", json={"is_active": False},
                        headers=admin).status_code == 200
    refused = post_frame(client, gate, guard, png.tobytes(), name="frame.png",
                         content_type="image/png")
    assert refused.status_code == 409 and "disabled" in refused.json["message"]
