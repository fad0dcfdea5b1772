"""Who the visitor rules let in: a visit's weekday window, the visit that authorises a
visitor at a moment, and the condominium-wide blacklist. Every way in (face, QR, plate)
asks here, so the rule lives in one place."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from conserje.models import Visit
from conserje.services.visitors.blocks import active_block
from conserje.services.visitors.passes import current_pass
from conserje.services.visitors.settings import local_time


def in_window(session: Session, visit: Visit, now: datetime) -> bool:
    """A recurring visit enters only on its weekdays and hours (condominium time)."""
    if visit.kind != "recurring":
        return True
    local = local_time(session, visit.condominium_id, now)
    minute = local.hour * 60 + local.minute
    return local.weekday() in (visit.weekdays or []) and \
        visit.start_minute <= minute <= visit.end_minute


def visitor_authorisation(session: Session, condominium_id: int, person_id: int, gate_id: int,
                          at: datetime):
    """The visitor's visit that lets them in by face at ``at``, or None: an approved or
    expected visit whose current pass is inside its window with entries left (and, for
    recurring visitors, on their weekdays and hours)."""
    visits = session.scalars(select(Visit).where(
        Visit.condominium_id == condominium_id, Visit.visitor_id == person_id,
        Visit.is_active.is_(True), Visit.status.in_(("approved", "expected", "inside"))))
    for visit in visits:
        row = current_pass(session, visit)
        if row is None or not row.valid_from <= at <= row.valid_until:
            continue
        if row.entries_allowed is not None and row.entries_used >= row.entries_allowed \
                and visit.status != "inside":
            continue
        if in_window(session, visit, at):
            return visit
    return None


def blacklist_entry(session: Session, condominium_id: int, person_id: int):
    """The person's condominium-wide blacklist entry, or None (a unit's own blacklist
    applies when the visitor names that unit: walk-ins and QR passes)."""
    return active_block(session, condominium_id, person_id)
