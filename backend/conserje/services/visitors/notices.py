"""Who hears about a visit and how: the unit's resident accounts through every channel
(in-app + live stream, e-mail, Web Push, WhatsApp/SMS), and the guards' live stream."""
from __future__ import annotations

from sqlalchemy.orm import Session

from ...models import Visit
from ...models.base import utcnow
from ..finance.reminders import recipients
from ..gate.stream import publish_after_commit
from ..notify import Message
from .deps import Deps
from .settings import local_time


def visit_summary(visit: Visit) -> dict:
    """What the guard console and the resident's app show of a visit, live."""
    person = visit.visitor
    return {"id": visit.id, "status": visit.status, "kind": visit.kind,
            "unit": visit.unit.code, "unit_id": visit.unit_id,
            "visitor": {"id": person.id, "name": person.full_name,
                        "doc_type": person.doc_type, "doc_number": person.doc_number},
            "has_photo": visit.photo_key is not None, "plate": visit.plate,
            "at": utcnow().isoformat()}


def tell_guards(session: Session, deps: Deps, visit: Visit) -> None:
    """Announce the visit's new state on the condominium's live stream (after commit)."""
    publish_after_commit(session, deps.redis, visit.condominium_id, "visit",
                         visit_summary(visit))


def tell_residents(session: Session, deps: Deps, visit: Visit, topic: str, title: str,
                   body: str, actions: bool = False) -> int:
    """Send one message to each resident account of the visit's unit on every channel;
    ``actions`` marks messages the resident answers (approve / deny)."""
    today = local_time(session, visit.condominium_id).date()
    users = recipients(session, visit.condominium_id, visit.unit_id, today)
    data = {"visit_id": visit.id, "visit": visit_summary(visit),
            "actions": ["approve", "deny"] if actions else []}
    messages = [Message(user_id=user.id, email=user.email, topic=topic, title=title,
                        body=body, phone=_phone(session, user.person_id), data=data)
                for user in users]
    for channel in deps.channels:
        channel.deliver(session, visit.condominium_id, messages)
    return len(messages)


def _phone(session: Session, person_id: int | None) -> str | None:
    from ...models import Person

    person = session.get(Person, person_id) if person_id else None
    return person.phone if person else None
