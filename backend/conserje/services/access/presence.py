"""Who is inside now, derived from the access log (the last granted passage of each
person, corrections applied)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from conserje.models import AccessEvent, Person, UnitMember
from conserje.services.access.access_log import superseded_ids
from conserje.services.core.actor import Actor


@dataclass(frozen=True)
class Presence:
    person: Person
    since: datetime
    gate_id: int
    event_id: int
    units: list[str]


def _last_passages(condominium_id: int):
    """Per person: the seq_no of their last effective granted event."""
    return (select(AccessEvent.person_id, func.max(AccessEvent.seq_no).label("seq_no"))
            .where(AccessEvent.condominium_id == condominium_id,
                   AccessEvent.person_id.isnot(None), AccessEvent.decision == "granted",
                   AccessEvent.id.not_in(superseded_ids()))
            .group_by(AccessEvent.person_id).subquery())


def last_direction(session: Session, condominium_id: int, person_id: int) -> str | None:
    """The direction of the person's last granted passage, or None if never seen."""
    last = _last_passages(condominium_id)
    return session.scalar(select(AccessEvent.direction).join(
        last, (AccessEvent.person_id == last.c.person_id) & (AccessEvent.seq_no == last.c.seq_no))
        .where(AccessEvent.condominium_id == condominium_id,
               AccessEvent.person_id == person_id))


def inside_now(session: Session, actor: Actor) -> list[Presence]:
    """Everyone whose last granted passage was an entry, longest inside first."""
    actor.require_capability("access.monitor")
    last = _last_passages(actor.condominium_id)
    rows = session.execute(
        select(AccessEvent, Person)
        .join(last, (AccessEvent.person_id == last.c.person_id)
              & (AccessEvent.seq_no == last.c.seq_no))
        .join(Person, Person.id == AccessEvent.person_id)
        .where(AccessEvent.condominium_id == actor.condominium_id,
               AccessEvent.direction == "entry")
        .order_by(AccessEvent.occurred_at)).all()
    units = unit_codes(session, [person.id for _, person in rows])
    return [Presence(person, event.occurred_at, event.gate_id, event.id,
                     units.get(person.id, [])) for event, person in rows]


def unit_codes(session: Session, person_ids: list[int]) -> dict[int, list[str]]:
    """The codes of each person's units (for the guard's screen and the kiosk)."""
    codes: dict[int, list[str]] = {}
    if not person_ids:
        return codes
    for member in session.scalars(select(UnitMember).where(UnitMember.person_id.in_(person_ids))
                                  .order_by(UnitMember.id)):
        codes.setdefault(member.person_id, []).append(member.unit.code)
    return codes
