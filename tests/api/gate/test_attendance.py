"""Staff schedules and attendance from real access events: a staff member enrolled with
consent through the API is recognised at the gates in 640x480 frames of other photos."""
from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from tests.api.gate.test_gate_frames import enrol_with_consent, post_frame
from tests.factories import RUTS
from tests.frames import FACES, gate_frame, jpeg

TZ = ZoneInfo("America/Santiago")


def _staff(client, admin, first, last, rut):
    res = client.post("/api/v1/people", json={"first_name": first, "last_name": last,
                                              "doc_type": "rut", "doc_number": rut,
                                              "kind": "staff"}, headers=admin)
    assert res.status_code == 201, res.json
    return res.json["id"]


def _every_day(start: str, end: str) -> dict:
    return {"shifts": [{"weekday": d, "start": start, "end": end} for d in range(7)]}


def test_schedules_are_validated_and_replaced(client, admin, world, login):
    person = _staff(client, admin, "Rosa", "Muñoz", RUTS[3])
    url = f"/api/v1/people/{person}/work-schedules"
    week = {"shifts": [{"weekday": 0, "start": "08:00", "end": "17:00"},
                       {"weekday": 5, "start": "22:00", "end": "06:00"}]}
    res = client.put(url, json=week, headers=admin)
    assert res.status_code == 200, res.json
    assert res.json["shifts"][1] == {"weekday": 5, "start": "22:00", "end": "06:00"}
    assert client.get(url, headers=admin).json == res.json
    for bad in ({"shifts": [{"weekday": 7, "start": "08:00", "end": "09:00"}]},
                {"shifts": [{"weekday": 1, "start": "8am", "end": "09:00"}]},
                {"shifts": [{"weekday": 1, "start": "08:00", "end": "09:00"}] * 2}):
        assert client.put(url, json=bad, headers=admin).status_code == 422, bad
    resident = f"/api/v1/people/{world.ids['person1']}/work-schedules"
    assert client.put(resident, json=week, headers=admin).status_code == 422  # not staff
    assert client.put(url, json=week, headers=login("guard@a.test")).status_code == 403
    assert client.get(url, headers=login("admin@b.test")).status_code == 404


def test_attendance_from_frames_at_the_gates(client, admin, world, login, app):
    now = datetime.now(TZ)
    minutes = now.hour * 60 + now.minute
    if minutes < 60 or minutes > 22 * 60:
        pytest.skip("the shift around now must not cross midnight")
    late_by = 30
    start = now - timedelta(minutes=late_by)
    person = _staff(client, admin, "Rosa", "Muñoz", RUTS[3])
    absent = _staff(client, admin, "Pedro", "Lagos", RUTS[4])
    for who in (person, absent):
        res = client.put(f"/api/v1/people/{who}/work-schedules",
                         json=_every_day(f"{start:%H:%M}", f"{now + timedelta(hours=2):%H:%M}"),
                         headers=admin)
        assert res.status_code == 200, res.json
    enrol_with_consent(client, admin, person, FACES / "bill_clinton" / "1.jpg",
                       FACES / "bill_clinton" / "2.jpg")
    entry = client.post("/api/v1/gates", json={"name": "Entrada personal",
                                               "direction": "entry"}, headers=admin).json["id"]
    exit_ = client.post("/api/v1/gates", json={"name": "Salida personal",
                                               "direction": "exit"}, headers=admin).json["id"]
    guard = login("guard@a.test")
    came = post_frame(client, entry, guard, jpeg(gate_frame(FACES / "bill_clinton" / "3.jpg")))
    [face] = came.json["faces"]
    assert (face["decision"], face["reason"], face["person"]["id"]) == \
        ("granted", "staff", person)
    left = post_frame(client, exit_, guard, jpeg(gate_frame(FACES / "bill_clinton" / "4.jpg")))
    assert left.json["faces"][0]["direction"] == "exit" and left.json["event_ids"]

    day = client.get(f"/api/v1/attendance?day={now:%Y-%m-%d}", headers=admin)
    assert day.status_code == 200, day.json
    rows = {r["person_id"]: r for r in day.json["days"]}
    mine = rows[person]
    assert mine["status"] == "late" and late_by - 1 <= mine["late_minutes"] <= late_by + 5
    assert mine["missing_exit"] is False and mine["first_entry"] and mine["last_exit"]
    assert mine["scheduled_start"] == f"{start:%H:%M}"
    assert rows[absent]["status"] == "absent" and rows[absent]["hours_worked"] == 0
    month = client.get(f"/api/v1/attendance?month={now:%Y-%m}", headers=admin).json
    totals = {t["person_id"]: t for t in month["totals"]}
    assert totals[person]["late"] == 1 and totals[person]["missing_exits"] == 0
    assert totals[absent]["absent"] >= 1 and month["time_zone"] == "America/Santiago"

    exported = client.get(f"/api/v1/attendance/export?day={now:%Y-%m-%d}&format=csv",
                          headers=admin)
    lines = list(csv.DictReader(io.StringIO(exported.get_data(as_text=True))))
    assert {r["name"]: r["status"] for r in lines} == {"Rosa Muñoz": "late",
                                                       "Pedro Lagos": "absent"}
    xlsx = client.get(f"/api/v1/attendance/export?month={now:%Y-%m}&format=xlsx", headers=admin)
    assert xlsx.status_code == 200
    sheet = load_workbook(io.BytesIO(xlsx.data)).active
    header = [c.value for c in sheet[1]]
    statuses = {(r[header.index("name")], r[header.index("day")]): r[header.index("status")]
                for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert statuses[("Rosa Muñoz", f"{now:%Y-%m-%d}")] == "late"

    # Off the schedule the staff member is turned away at the entry.
    client.put(f"/api/v1/people/{person}/work-schedules",
               json=_every_day(f"{now + timedelta(hours=3):%H:%M}",
                               f"{now + timedelta(hours=4):%H:%M}"), headers=admin)
    client.application.extensions["conserje_redis"].flushdb()  # past the debounce window
    refused = post_frame(client, entry, guard, jpeg(gate_frame(FACES / "bill_clinton" / "3.jpg")))
    assert (refused.json["faces"][0]["decision"], refused.json["faces"][0]["reason"]) == \
        ("denied", "outside_hours")


def test_attendance_access_and_bad_queries(client, world, login):
    assert client.get("/api/v1/attendance", headers=login("ana@a.test")).status_code == 403
    assert client.get("/api/v1/attendance", headers=login("guard@a.test")).status_code == 403
    admin = login("admin@a.test")
    assert client.get("/api/v1/attendance", headers=admin).status_code == 200  # today
    for query in ("month=2026-13", "day=2026-02-30", "day=2026-01-01&month=2026-01",
                  "format=pdf&month=2026-01"):
        url = "/api/v1/attendance/export?" if "format" in query else "/api/v1/attendance?"
        assert client.get(url + query, headers=admin).status_code == 422, query
    # A staff member sees their own days only.
    staff = login("staff@a.test")
    assert client.get("/api/v1/attendance", headers=staff).json["days"] == []


def test_a_staff_member_reads_only_their_own_schedule(client, admin, world, login):
    me = _staff(client, admin, "Rosa", "Muñoz", RUTS[3])
    other = _staff(client, admin, "Pedro", "Lagos", RUTS[4])
    for who in (me, other):
        client.put(f"/api/v1/people/{who}/work-schedules", headers=admin,
                   json=_every_day("08:00", "17:00"))
    res = client.post("/api/v1/users", headers=admin, json={
        "email": "rosa@a.test", "password": world.password, "roles": ["staff"], "person_id": me})
    assert res.status_code == 201, res.json
    rosa = login("rosa@a.test")
    own = client.get(f"/api/v1/people/{me}/work-schedules", headers=rosa)
    assert own.status_code == 200 and len(own.json["shifts"]) == 7
    assert client.get(f"/api/v1/people/{other}/work-schedules", headers=rosa).status_code == 403
    assert client.put(f"/api/v1/people/{me}/work-schedules", headers=rosa,
                      json=_every_day("06:00", "09:00")).status_code == 403
    days = client.get("/api/v1/attendance", headers=rosa).json["days"]
    assert {d["person_id"] for d in days} <= {me}
