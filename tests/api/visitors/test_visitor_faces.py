"""Face recognition of returning visitors: a walk-in enrolled with consent is recognised
later; the same face under another document raises an alert; at the face gate a visitor
with a valid visit is let in and a blacklisted one refused with an alert."""
from __future__ import annotations

from tests.api.gate.test_gate_frames import post_frame
from tests.api.visitors.test_visits import good_photo, walk_in


def test_same_face_with_another_document_raises_an_alert(client, world, login):
    guard = login("guard@a.test")
    first = walk_in(client, guard, world, photo=good_photo("obama", 1), biometric_consent="true")
    assert first.status_code == 201, first.json
    assert first.json["alerts"] == []
    again = walk_in(client, guard, world, photo=good_photo("obama", 3),
                    doc=("cpf", "529.982.247-25"))
    assert again.status_code == 201, again.json
    assert again.json["alerts"] == ["doc_mismatch"]
    [alert] = [a for a in client.get("/api/v1/alerts", headers=guard).json
               if a["kind"] == "doc_mismatch"]
    assert "15555555-6" in alert["message"] and "52998224725" in alert["message"]
    # Same face, same document: a returning visitor, no alert.
    third = walk_in(client, guard, world, photo=good_photo("obama", 4))
    assert third.json["alerts"] == []


def test_face_gate_lets_an_authorised_visitor_in_and_refuses_a_blacklisted_one(
        client, world, login, redis_conn):
    guard, ana, admin = login("guard@a.test"), login("ana@a.test"), login("admin@a.test")
    visit = walk_in(client, guard, world, photo=good_photo("obama", 1),
                    biometric_consent="true").json
    frame = good_photo("obama", 3)
    denied = post_frame(client, world.ids["gate"], guard, frame).json["faces"][0]
    assert (denied["decision"], denied["reason"]) == ("denied", "no_authorisation")
    client.post(f"/api/v1/visits/{visit['id']}/answer", json={"decision": "approve"},
                headers=ana)
    client.patch("/api/v1/visitor-admin/settings", json={"flag_after_denials": 50},
                 headers=admin)
    redis_conn.flushdb()  # forget the gate's debounce of the refusal above
    granted = post_frame(client, world.ids["gate"], guard, frame, direction="entry").json
    assert (granted["faces"][0]["decision"], granted["faces"][0]["reason"]) == (
        "granted", "visitor_authorised")
    # The face entry is the visit's entry: the single-entry pass is spent, the visitor inside.
    inside = client.get(f"/api/v1/visits/{visit['id']}", headers=guard).json
    assert inside["status"] == "inside" and inside["pass"]["entries_used"] == 1
    passages = client.get(f"/api/v1/visits/{visit['id']}/history", headers=guard).json["passages"]
    assert [(p["direction"], p["method"], p["access_event_id"]) for p in passages] == [
        ("entry", "face", granted["event_ids"][0])]
    redis_conn.flushdb()
    out = post_frame(client, world.ids["gate"], guard, frame, direction="exit").json
    assert out["faces"][0]["decision"] == "granted"
    assert client.get(f"/api/v1/visits/{visit['id']}", headers=guard).json["status"] == "left"
    visitor = client.get("/api/v1/visitors?q=Pedro", headers=guard).json[0]
    client.post("/api/v1/visitor-blocks", json={"visitor_id": visitor["id"], "reason": "furto"},
                headers=admin)
    redis_conn.flushdb()
    blocked = post_frame(client, world.ids["gate"], guard, frame).json["faces"][0]
    assert (blocked["decision"], blocked["reason"]) == ("denied", "blacklisted")
    assert "blacklisted" in [a["kind"] for a in client.get("/api/v1/alerts", headers=guard).json]
