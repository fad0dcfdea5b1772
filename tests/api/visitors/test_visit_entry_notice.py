"""UC-100 step 8: the unit's residents get an informative notice when their pre-registered
or recurring visitor enters, by QR at the desk and by face at the gate's kiosk."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from tests.api.gate.test_gate_frames import post_frame
from tests.api.visitors.test_visits import good_photo, pre_register, scan, walk_in

RUT = ("rut", "15555555-6")  # the document of the walk-in helper's visitor


def entry_notices(client, headers):
    return [n for n in client.get("/api/v1/notifications", headers=headers).json
            if n["topic"] == "visit_entry"]


def test_a_recurring_visitor_recognised_by_face_is_announced_to_the_unit(
        client, world, login, redis_conn):
    guard, ana, bruno = login("guard@a.test"), login("ana@a.test"), login("bruno@a.test")
    # A first visit at the desk, with consent: the face is enrolled; Ana turns it down.
    first = walk_in(client, guard, world, photo=good_photo("obama", 1),
                    biometric_consent="true").json
    assert first["status"] == "pending", first
    client.post(f"/api/v1/visits/{first['id']}/answer", json={"decision": "deny"}, headers=ana)
    # Then Ana pre-registers the same person as a recurring visitor, every day all day.
    until = (datetime.now(timezone.utc) + timedelta(days=5)).isoformat()
    res = pre_register(client, ana, world.ids["unit1"], kind="recurring", doc=RUT,
                       weekdays=list(range(7)), start_time="00:00", end_time="24:00",
                       valid_until=until)
    assert res.status_code == 201, res.json
    visit = res.json
    assert entry_notices(client, ana) == []
    granted = post_frame(client, world.ids["gate"], guard, good_photo("obama", 3),
                         direction="entry").json
    assert (granted["faces"][0]["decision"], granted["faces"][0]["reason"]) == (
        "granted", "visitor_authorised")
    assert client.get(f"/api/v1/visits/{visit['id']}", headers=ana).json["status"] == "inside"
    [notice] = entry_notices(client, ana)
    assert "Pedro" in notice["title"] and "A-101" in notice["body"]
    assert entry_notices(client, bruno) == []  # another unit hears nothing
    # Leaving by face tells nobody; coming back by QR is announced again.
    redis_conn.flushdb()
    post_frame(client, world.ids["gate"], guard, good_photo("obama", 3), direction="exit")
    assert len(entry_notices(client, ana)) == 1
    result = scan(client, guard, world.ids["gate"], visit["pass"]["qr_payload"]).json
    assert result["decision"] == "granted" and len(entry_notices(client, ana)) == 2


def test_a_single_pre_registered_visitor_entering_by_qr_is_announced(client, world, login):
    guard, ana = login("guard@a.test"), login("ana@a.test")
    visit = pre_register(client, ana, world.ids["unit1"]).json
    assert scan(client, guard, world.ids["gate"],
                visit["pass"]["qr_payload"]).json["decision"] == "granted"
    [notice] = entry_notices(client, ana)
    assert notice["title"] == "Paula Lima entró"
