"""The live stream: a real HTTP server, real subscribers over real Redis pub/sub."""
from __future__ import annotations

import http.client
import json
import threading

import pytest
from werkzeug.serving import make_server


@pytest.fixture
def server(app):
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_port
    httpd.shutdown()


class Subscriber:
    """Reads server-sent events from GET /events/stream on its own connection."""

    def __init__(self, port: int, ticket: str):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
        self.conn.request("GET", f"/api/v1/events/stream?ticket={ticket}")
        self.response = self.conn.getresponse()

    def next_event(self) -> tuple[str, dict]:
        kind, data = None, None
        while True:
            line = self.response.fp.readline().decode().rstrip("\n")
            if line.startswith("event: "):
                kind = line[7:]
            elif line.startswith("data: "):
                data = json.loads(line[6:])
            elif line == "" and kind:
                return kind, data

    def close(self):
        self.conn.close()


def ticket(client, headers) -> str:
    res = client.post("/api/v1/events/stream-ticket", headers=headers)
    assert res.status_code == 201, res.json
    return res.json["ticket"]


def test_each_condominium_hears_only_its_own_events(client, world, login, server):
    guard, admin_b = login("guard@a.test"), login("admin@b.test")
    sub_a = Subscriber(server, ticket(client, guard))
    sub_b = Subscriber(server, ticket(client, admin_b))
    try:
        assert sub_a.response.status == 200
        assert sub_a.response.getheader("Content-Type").startswith("text/event-stream")
        assert sub_a.next_event() == ("ready", {"condominium_id": world.condo_id})
        assert sub_b.next_event() == ("ready", {"condominium_id": world.other_condo_id})
        opened = client.post(f"/api/v1/gates/{world.ids['gate']}/manual-open",
                             json={"reason": "proveedor", "direction": "entry"}, headers=guard)
        assert opened.status_code == 201
        kind, data = sub_a.next_event()
        assert kind == "access" and data["id"] == opened.json["id"]
        assert data["method"] == "manual" and data["gate_name"] == "Portón"
        gate_b = client.post("/api/v1/gates", json={"name": "Entrada B", "direction": "entry"},
                             headers=admin_b).json["id"]
        opened_b = client.post(f"/api/v1/gates/{gate_b}/manual-open", json={"reason": "x"},
                               headers=admin_b)
        kind, data = sub_b.next_event()  # not A's event: B's own is the first it hears
        assert kind == "access" and data["id"] == opened_b.json["id"]
        assert data["gate_id"] == gate_b
    finally:
        sub_a.close()
        sub_b.close()


def test_stream_needs_a_valid_ticket(client, world, login, server):
    for bad in ("nonsense", ""):
        conn = http.client.HTTPConnection("127.0.0.1", server, timeout=20)
        conn.request("GET", f"/api/v1/events/stream?ticket={bad}")
        response = conn.getresponse()
        assert response.status in (401, 422)
        conn.close()
    # Residents get a ticket too, but only for their own notifications (see below).
    assert client.post("/api/v1/events/stream-ticket",
                       headers=login("ana@a.test")).status_code == 201
    assert client.post("/api/v1/events/stream-ticket").status_code == 401
    guard = login("guard@a.test")
    valid = ticket(client, guard)
    client.post("/api/v1/auth/logout", headers=guard)
    conn = http.client.HTTPConnection("127.0.0.1", server, timeout=20)
    conn.request("GET", f"/api/v1/events/stream?ticket={valid}")
    assert conn.getresponse().status == 401  # the session it came from has ended
    conn.close()


def test_embedded_mode_streams_through_fakeredis(app, world, tmp_path):
    from conserje import create_app
    from conserje.config import TestConfig
    from tests.conftest import auth_headers

    embedded = create_app(TestConfig(
        SQLALCHEMY_DATABASE_URI=app.config["SQLALCHEMY_DATABASE_URI"], REDIS_URL="",
        MEDIA_DIR=str(tmp_path), MODELS_DIR=str(tmp_path / "models"),
        FRONTEND_DIST=str(tmp_path / "no-dist")))
    client = embedded.test_client()
    guard = auth_headers(client, "guard@a.test")
    httpd = make_server("127.0.0.1", 0, embedded, threaded=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    sub = Subscriber(httpd.server_port, ticket(client, guard))
    try:
        assert sub.next_event()[0] == "ready"
        opened = client.post(f"/api/v1/gates/{world.ids['gate']}/manual-open",
                             json={"reason": "x", "direction": "exit"}, headers=guard)
        kind, data = sub.next_event()
        assert kind == "access" and data["id"] == opened.json["id"]
    finally:
        sub.close()
        httpd.shutdown()


def test_frames_from_a_kiosk_name_the_guard_whose_console_is_streaming(client, world, login,
                                                                         server):
    from tests.api.gate.test_gate_frames import enrol_with_consent, post_frame
    from tests.frames import FACES, gate_frame, jpeg

    admin, guard = login("admin@a.test"), login("guard@a.test")
    enrol_with_consent(client, admin, world.ids["person1"], FACES / "obama" / "1.jpg",
                       FACES / "obama" / "2.jpg")
    gate = world.ids["gate"]
    device = {"Authorization": "Bearer " + client.post(
        f"/api/v1/gates/{gate}/devices", json={"name": "K"}, headers=admin).json["token"]}
    sub = Subscriber(server, ticket(client, guard))
    try:
        assert sub.next_event()[0] == "ready"  # the guard is on duty from now on
        res = post_frame(client, gate, device, jpeg(gate_frame(FACES / "obama" / "3.jpg")))
        kind, data = sub.next_event()
        assert kind == "access" and data["id"] == res.json["event_ids"][0]
        assert data["guard_id"] == world.ids["user_guard"]
        assert data["person"]["name"] == "Ana Rojas" and data["has_snapshot"] is True
    finally:
        sub.close()


def test_residents_hear_their_own_visit_requests_live_and_guards_the_answer(
        client, world, login, server):
    """UC-101 live: the resident's stream carries the request (not the gate's events);
    the guard's stream carries the visit's new state after the answer."""
    guard, ana = login("guard@a.test"), login("ana@a.test")
    resident = Subscriber(server, ticket(client, ana))
    console = Subscriber(server, ticket(client, guard))
    try:
        assert resident.next_event()[0] == "ready" and console.next_event()[0] == "ready"
        client.post(f"/api/v1/gates/{world.ids['gate']}/manual-open",
                    json={"reason": "proveedor", "direction": "entry"}, headers=guard)
        assert console.next_event()[0] == "access"
        visit = client.post("/api/v1/visits", headers=ana, json={
            "unit_id": world.ids["unit1"], "kind": "single", "visitor": {
                "first_name": "Vis", "last_name": "Ita", "doc_type": "dni",
                "doc_number": "30123456"}}).json
        scanned = client.post(f"/api/v1/gates/{world.ids['gate']}/qr-scans", headers=guard,
                              json={"payload": visit["pass"]["qr_payload"]})
        assert scanned.json["decision"] == "granted"
        kind, data = resident.next_event()  # the manual opening never reached the resident
        assert kind == "notification" and data["topic"] == "visit_entry"
        assert data["visit_id"] == visit["id"]
        kinds = {console.next_event()[0] for _ in range(2)}
        assert kinds == {"access", "visit"}
    finally:
        resident.close()
        console.close()
