"""What happens to a visit is written down and told. The services' outside needs
(Redis, media store, secret, face engine, channels) travel as one :class:`Deps`; every
status change is an append-only ``visit_change`` row (RN-105: who, when, why; nothing
here updates or deletes one); the unit's residents hear about it on every channel and
the guards on the condominium's live stream."""
from __future__ import annotations

from redis import Redis
from sqlalchemy import select
from sqlalchemy.orm import Session

from conserje.models import Person, Visit, VisitAuthorisation, VisitChange, VisitPassage
from conserje.models.base import utcnow
from conserje.services.access.stream import publish_after_commit
from conserje.services.core.deps import Deps
from conserje.services.core.ports import Message
from conserje.services.notifications.delivery import deliver
from conserje.services.notifications.recipients import recipients
from conserje.services.visitors.settings import local_time


def record_change(session: Session, visit: Visit, to_status: str, actor_id: int | None,
                  note: str | None = None) -> VisitChange:
    """Write one history row (also for events that keep the status: a pass revoked...)."""
    row = VisitChange(condominium_id=visit.condominium_id, visit_id=visit.id,
                      from_status=visit.status, to_status=to_status, actor_id=actor_id,
                      note=(note or None) and note[:255], changed_at=utcnow())
    session.add(row)
    session.flush()
    return row


def set_status(session: Session, visit: Visit, to_status: str, actor_id: int | None,
               note: str | None = None) -> None:
    """Move the visit to ``to_status`` and record the change."""
    record_change(session, visit, to_status, actor_id, note)
    visit.status = to_status
    session.flush()


def timeline(session: Session, visit: Visit) -> dict:
    """Everything that happened to the visit, oldest first."""
    changes = session.scalars(select(VisitChange).where(VisitChange.visit_id == visit.id)
                              .order_by(VisitChange.id))
    auths = session.scalars(select(VisitAuthorisation).where(
        VisitAuthorisation.visit_id == visit.id).order_by(VisitAuthorisation.id))
    passages = session.scalars(select(VisitPassage).where(VisitPassage.visit_id == visit.id)
                               .order_by(VisitPassage.id))
    return {"changes": list(changes), "authorisations": list(auths),
            "passages": list(passages)}


def visit_summary(visit: Visit) -> dict:
    """What the guard console and the resident's app show of a visit, live."""
    person = visit.visitor
    return {"id": visit.id, "status": visit.status, "kind": visit.kind,
            "unit": visit.unit.code, "unit_id": visit.unit_id,
            "visitor": {"id": person.id, "name": person.full_name,
                        "doc_type": person.doc_type, "doc_number": person.doc_number},
            "has_photo": visit.photo_key is not None, "plate": visit.plate,
            "at": utcnow().isoformat()}


def tell_guards(session: Session, redis: Redis, visit: Visit) -> None:
    """Announce the visit's new state on the condominium's live stream (after commit)."""
    publish_after_commit(session, redis, visit.condominium_id, "visit",
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
    deliver(session, deps.channels, visit.condominium_id, messages)
    return len(messages)


def _phone(session: Session, person_id: int | None) -> str | None:
    person = session.get(Person, person_id) if person_id else None
    return person.phone if person else None
