"""RN-105: a visit's history is append-only. Every status change is a ``visit_change``
row (from, to, who, when, why); nothing here updates or deletes those rows."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...models import Visit, VisitAuthorisation, VisitChange, VisitPassage
from ...models.base import utcnow


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
