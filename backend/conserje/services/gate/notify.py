"""What the live stream and the kiosk say about an access event or an alert.

The same dictionaries go to the frames response, to Redis pub/sub and to the guard's
console, so the three never disagree.
"""
from __future__ import annotations

from redis import Redis
from sqlalchemy.orm import Session

from ...models import AccessEvent, GateAlert, Person
from .presence import unit_codes
from .stream import publish_after_commit


def person_summary(session: Session, person: Person | None) -> dict | None:
    """``{"id", "name", "kind", "unit"}`` (the person's first unit code) or None."""
    if person is None:
        return None
    codes = unit_codes(session, [person.id]).get(person.id, [])
    return {"id": person.id, "name": person.full_name, "kind": person.kind,
            "unit": codes[0] if codes else None}


def event_payload(session: Session, event: AccessEvent) -> dict:
    return {
        "id": event.id, "seq_no": event.seq_no, "gate_id": event.gate_id,
        "gate_name": event.gate.name if event.gate else None,
        "person": person_summary(session, event.person), "direction": event.direction,
        "method": event.method, "decision": event.decision, "reason": event.reason,
        "similarity": event.similarity, "model_version": event.model_version,
        "has_snapshot": event.snapshot_key is not None, "guard_id": event.guard_id,
        "correction_of_id": event.correction_of_id,
        "occurred_at": event.occurred_at.isoformat(),
    }


def alert_payload(alert: GateAlert) -> dict:
    return {"id": alert.id, "kind": alert.kind, "gate_id": alert.gate_id,
            "access_event_id": alert.access_event_id, "message": alert.message,
            "created_at": alert.created_at.isoformat(),
            "acked_at": alert.acked_at.isoformat() if alert.acked_at else None}


def publish_event(session: Session, redis: Redis, event: AccessEvent) -> dict:
    """Announce the event to the condominium's live stream once committed."""
    session.refresh(event)  # load the person and gate relationships of the new row
    payload = event_payload(session, event)
    publish_after_commit(session, redis, event.condominium_id, "access", payload)
    return payload


def publish_alert(session: Session, redis: Redis, alert: GateAlert) -> dict:
    payload = alert_payload(alert)
    publish_after_commit(session, redis, alert.condominium_id, "alert", payload)
    return payload
