"""What a guard does by hand: open a gate for someone, correct a logged event."""
from __future__ import annotations

from redis import Redis
from sqlalchemy import select
from sqlalchemy.orm import Session

from conserje.models import AccessEvent
from conserje.services.access import access_log
from conserje.services.access.stream import publish_event
from conserje.services.core.actor import Actor
from conserje.services.core.errors import InvalidInput
from conserje.services.setup.gates import gates
from conserje.services.setup.people import people


def manual_open(session: Session, actor: Actor, redis: Redis, gate_id: int, reason: str,
                direction: str | None = None, person_id: int | None = None) -> AccessEvent:
    """Log a gate opened by the guard (method ``manual``), with the guard's reason."""
    actor.require_capability("access.operate")
    gate = gates.get(session, actor, gate_id)
    if direction is None:
        if gate.direction == "both":
            raise InvalidInput("this gate works both ways: say the direction",
                               {"direction": ["required for this gate"]})
        direction = gate.direction
    elif gate.direction != "both" and direction != gate.direction:
        raise InvalidInput(f"this gate is {gate.direction} only",
                           {"direction": [f"must be {gate.direction}"]})
    if person_id is not None:
        people.get(session, actor, person_id)
    event = access_log.append(session, actor.condominium_id, gate_id=gate.id,
                              person_id=person_id, direction=direction, method="manual",
                              decision="granted", reason=reason.strip(), guard_id=actor.user_id)
    publish_event(session, redis, event)
    return event


def correct(session: Session, actor: Actor, redis: Redis, event_id: int, reason: str,
            changes: dict) -> AccessEvent:
    """Record a correcting event: the original's facts with ``changes`` applied."""
    original = access_log.get_event(session, actor, event_id)
    if session.scalar(select(AccessEvent.id).where(AccessEvent.correction_of_id == original.id)):
        raise InvalidInput("this event was already corrected; correct the correction",
                           {"event_id": ["already corrected"]}, location="path")
    if changes.get("person_id") is not None:
        people.get(session, actor, changes["person_id"])
    facts = {key: getattr(original, key) for key in (
        "gate_id", "person_id", "direction", "method", "decision", "similarity",
        "model_version", "snapshot_key", "snapshot_sha256", "device_id", "occurred_at")}
    facts.update({k: v for k, v in changes.items() if k in facts})
    event = access_log.append(session, actor.condominium_id, guard_id=actor.user_id,
                              reason=reason.strip(), correction_of_id=original.id, **facts)
    publish_event(session, redis, event)
    return event
