"""The live stream's payloads are documented as components of the OpenAPI document (the
SPA's generated types), and the services' dicts carry exactly the documented keys. The
dataset job's result is checked against its component in tests/tasks/test_face_dataset_job."""
from __future__ import annotations

from conserje.extensions import db
from conserje.models import AccessEvent, GateAlert, Visit
from conserje.models.base import utcnow
from conserje.services.access.stream import alert_payload, event_payload
from conserje.services.visitors.journal import visit_summary
from tests.api.visitors.test_visits import pre_register


def documented(client, name: str) -> set[str]:
    schemas = client.get("/api/openapi.json").json["components"]["schemas"]
    return set(schemas[name]["properties"])


def test_live_payloads_carry_exactly_the_documented_keys(app, client, world, guard, ana):
    opened = client.post(f"/api/v1/gates/{world.ids['gate']}/manual-open", headers=guard,
                         json={"reason": "proveedor", "direction": "entry"})
    assert opened.status_code == 201
    visit = pre_register(client, ana, world.ids["unit1"])
    assert visit.status_code == 201
    with app.app_context():
        event = db.session.get(AccessEvent, opened.json["id"])
        assert set(event_payload(db.session, event)) == documented(client, "LiveAccessEvent")
        person = event_payload(db.session, event)["person"]
        assert person is None or set(person) == documented(client, "LivePerson")
        alert = GateAlert(condominium_id=event.condominium_id, kind="unknown_face",
                          gate_id=event.gate_id, message="?", created_at=utcnow())
        assert set(alert_payload(alert)) == documented(client, "LiveAlert")
        summary = visit_summary(db.session.get(Visit, visit.json["id"]))
        assert set(summary) == documented(client, "LiveVisit")
        assert set(summary["visitor"]) == documented(client, "LiveVisitor")
