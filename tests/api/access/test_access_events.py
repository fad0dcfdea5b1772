"""The access log through the API: manual openings, corrections as new events, filters,
pagination, CSV export, presence, and no way to change or delete history."""
from __future__ import annotations

import csv
import io
from datetime import timedelta

from conserje.extensions import db
from conserje.models.base import utcnow
from conserje.services.access import access_log


def _open(client, guard, gate, **body):
    return client.post(f"/api/v1/gates/{gate}/manual-open", json={"reason": "sin QR", **body},
                       headers=guard)


def test_manual_open_is_logged_as_manual_with_the_guard(client, guard, world):
    gate = world.ids["gate"]
    missing = _open(client, guard, gate)  # a two-way gate needs the direction
    assert missing.status_code == 422 and "direction" in missing.json["errors"]["json"]
    res = _open(client, guard, gate, direction="entry", person_id=world.ids["person2"])
    assert res.status_code == 201, res.json
    assert (res.json["method"], res.json["decision"], res.json["reason"]) == \
        ("manual", "granted", "sin QR")
    assert res.json["guard_id"] == world.ids["user_guard"]
    assert res.json["person_name"] == "Bruno Soto"
    assert _open(client, guard, gate, direction="entry",
                 person_id=world.ids["person_b"]).status_code == 404
    assert _open(client, guard, gate, direction="up").status_code == 422


def test_corrections_are_new_events_that_replace_the_old_one(client, guard, world, login):
    gate = world.ids["gate"]
    wrong = _open(client, guard, gate, direction="entry", person_id=world.ids["person1"]).json
    presence = client.get("/api/v1/presence", headers=guard).json
    assert [p["person_id"] for p in presence] == [world.ids["person1"]]
    fix = client.post(f"/api/v1/access-events/{wrong['id']}/corrections",
                      json={"reason": "era Bruno", "person_id": world.ids["person2"]},
                      headers=guard)
    assert fix.status_code == 201, fix.json
    assert fix.json["correction_of_id"] == wrong["id"] and fix.json["reason"] == "era Bruno"
    assert fix.json["occurred_at"] == wrong["occurred_at"]
    presence = client.get("/api/v1/presence", headers=guard).json
    assert [p["person_id"] for p in presence] == [world.ids["person2"]]
    again = client.post(f"/api/v1/access-events/{wrong['id']}/corrections",
                        json={"reason": "otra vez"}, headers=guard)
    assert again.status_code == 422
    assert client.post(f"/api/v1/access-events/{wrong['id']}/corrections", json={},
                       headers=guard).status_code == 422
    # History has no update or delete path.
    for method in ("PATCH", "PUT", "DELETE"):
        assert client.open(f"/api/v1/access-events/{wrong['id']}", method=method,
                           headers=guard, json={}).status_code == 405
    # A person or gate with history cannot be deleted.
    admin = login("admin@a.test")
    assert client.delete(f"/api/v1/people/{world.ids['person1']}",
                         headers=admin).status_code == 409
    assert client.delete(f"/api/v1/gates/{gate}", headers=admin).status_code == 409


def test_filters_pagination_and_csv(app, client, guard, world, login):
    with app.app_context():
        old = utcnow() - timedelta(days=3)
        for n in range(25):
            access_log.append(db.session, world.condo_id, gate_id=world.ids["gate"],
                              person_id=world.ids["person1" if n % 2 else "person2"],
                              direction="entry", method="face",
                              decision="granted" if n % 5 else "denied", reason="x",
                              occurred_at=old if n < 5 else utcnow())
        access_log.append(db.session, world.condo_id, gate_id=world.ids["gate"],
                          person_id=None, direction="entry", method="face",
                          decision="unknown", reason="=HYPERLINK(\"http://evil\")")
        db.session.commit()
    page = client.get("/api/v1/access-events?page_size=10&page=2", headers=guard)
    assert page.status_code == 200 and len(page.json) == 10
    assert '"total": 26' in page.headers["X-Pagination"]
    seqs = [e["seq_no"] for e in client.get("/api/v1/access-events?page_size=100",
                                            headers=guard).json]
    assert seqs == sorted(seqs, reverse=True)
    unit1 = client.get(f"/api/v1/access-events?unit_id={world.ids['unit1']}&page_size=100",
                       headers=guard).json
    assert {e["person_id"] for e in unit1} == {world.ids["person1"]} and len(unit1) == 12
    denied = client.get("/api/v1/access-events?decision=denied&page_size=100", headers=guard)
    assert len(denied.json) == 5
    since = (utcnow() - timedelta(days=1)).isoformat()
    recent = client.get("/api/v1/access-events", query_string={"since": since,
                                                                "page_size": 100}, headers=guard)
    assert len(recent.json) == 21
    assert client.get("/api/v1/access-events?since=yesterday", headers=guard).status_code == 422
    assert client.get("/api/v1/access-events?decision=maybe", headers=guard).status_code == 422
    exported = client.get("/api/v1/access-events/export?decision=unknown", headers=guard)
    assert exported.status_code == 200 and exported.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(exported.get_data(as_text=True))))
    assert len(rows) == 1 and rows[0]["reason"].startswith("'=")  # no formula injection
    # Residents and other condominiums see nothing.
    assert client.get("/api/v1/access-events", headers=login("ana@a.test")).status_code == 403
    assert client.get("/api/v1/access-events", headers=login("admin@b.test")).json == []
    assert client.get("/api/v1/access-events/1", headers=login("admin@b.test")).status_code == 404
