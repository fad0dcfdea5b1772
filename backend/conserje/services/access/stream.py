"""Live gate events over Redis pub/sub: access events and alerts, one channel per
condominium, so that any API process can serve a guard's stream. The same payloads go
to the frames response, to the stream and to the guard's console, so they never disagree.

Browsers' EventSource cannot send headers, so a stream is opened with a short-lived
signed ticket that an authenticated request obtains first.
"""
from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from redis import Redis
from sqlalchemy.orm import Session

from conserje.models import AccessEvent, GateAlert, Person
from conserje.services.access.presence import unit_codes
from conserje.services.core.actor import Actor
from conserje.services.core.errors import AuthenticationFailed
from conserje.services.core.tx import on_commit
from conserje.services.notifications.channels import pubsub_name, user_channel

TICKET_SALT = "conserje-event-stream"
TICKET_SECONDS = 60
KEEPALIVE_SECONDS = 15
ON_DUTY_SECONDS = 60  # a guard whose console streams is "on duty" at most this long after


def channel(redis: Redis, condominium_id: int) -> str:
    return pubsub_name(redis, f"conserje:gate-events:{condominium_id}")


def on_duty_key(condominium_id: int) -> str:
    return f"conserje:guard-on-duty:{condominium_id}"


def publish_after_commit(session: Session, redis: Redis, condominium_id: int, kind: str,
                         payload: dict) -> None:
    """Publish ``payload`` once the transaction that created it has committed."""
    message = json.dumps({"type": kind, "data": payload}, default=str)
    on_commit(session, lambda: redis.publish(channel(redis, condominium_id), message))


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


@dataclass(frozen=True)
class Ticket:
    user_id: int
    condominium_id: int
    session_id: str


def issue_ticket(secret: str, actor: Actor, session_id: str) -> str:
    """A ticket for :func:`events` valid for ``TICKET_SECONDS`` (any role: residents get
    their own notifications, gate roles also the condominium's gate events)."""
    serializer = URLSafeTimedSerializer(secret, salt=TICKET_SALT)
    return serializer.dumps({"u": actor.user_id, "c": actor.condominium_id, "s": session_id})


def read_ticket(secret: str, ticket: str) -> Ticket:
    serializer = URLSafeTimedSerializer(secret, salt=TICKET_SALT)
    try:
        data = serializer.loads(ticket, max_age=TICKET_SECONDS)
    except SignatureExpired:
        raise AuthenticationFailed("the stream ticket has expired; ask for a new one") from None
    except BadSignature:
        raise AuthenticationFailed("invalid stream ticket") from None
    return Ticket(int(data["u"]), int(data["c"]), str(data["s"]))


def on_duty_guard(redis: Redis, condominium_id: int) -> int | None:
    """The guard whose console is streaming now (the last one to connect or ping)."""
    raw = redis.get(on_duty_key(condominium_id))
    return int(raw) if raw else None


def sse(kind: str, data: str) -> str:
    return f"event: {kind}\ndata: {data}\n\n"


def events(redis: Redis, actor: Actor) -> Iterator[str]:
    """Server-sent events until the client goes away: the condominium's gate events for
    gate roles, and the user's own notifications for everyone."""
    pubsub = redis.pubsub(ignore_subscribe_messages=True)
    channels = [user_channel(redis, actor.user_id)] if actor.user_id is not None else []
    if actor.can("access.monitor"):
        channels.append(channel(redis, actor.condominium_id))
    pubsub.subscribe(*channels)
    on_duty = actor.can("access.on_duty") and actor.user_id is not None

    def report_on_duty() -> None:
        if on_duty:
            redis.set(on_duty_key(actor.condominium_id), actor.user_id, ex=ON_DUTY_SECONDS)

    try:
        report_on_duty()
        # The first message tells the client (and tests) the subscription is live.
        yield sse("ready", json.dumps({"condominium_id": actor.condominium_id}))
        beat = time.monotonic()
        while True:
            if time.monotonic() - beat >= KEEPALIVE_SECONDS:
                report_on_duty()
                yield ": keepalive\n\n"  # also how a closed connection is noticed
                beat = time.monotonic()
            message = pubsub.get_message(timeout=1.0)
            if message is None:
                # fakeredis (embedded mode) answers at once instead of waiting.
                time.sleep(0.1)
                continue
            body = json.loads(message["data"])
            yield sse(body["type"], json.dumps(body["data"]))
    finally:
        pubsub.close()
