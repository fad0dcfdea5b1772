"""Staff work schedules: one shift per weekday, in the condominium's local time."""
from __future__ import annotations

import re

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from conserje.models import Person, WorkSchedule
from conserje.services.core import audit
from conserje.services.core.actor import Actor
from conserje.services.core.errors import InvalidInput
from conserje.services.setup.people import people

HHMM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def parse_hhmm(value: str, field: str) -> int:
    match = HHMM.match(value or "")
    if not match:
        raise InvalidInput("times are HH:MM", {field: ["must look like 08:30"]})
    return int(match[1]) * 60 + int(match[2])


def format_minutes(minutes: int) -> str:
    return f"{(minutes // 60) % 24:02d}:{minutes % 60:02d}"


def _staff(session: Session, actor: Actor, person_id: int) -> Person:
    """The person, for managers; a staff member may only reach their own record."""
    if (not actor.can("attendance.read") and actor.can("attendance.own")
            and actor.person_id == person_id):
        person = session.get(Person, person_id)
        if person is not None and person.condominium_id == actor.condominium_id:
            return person
    actor.require_capability("attendance.read")
    return people.get(session, actor, person_id)


def list_schedules(session: Session, actor: Actor, person_id: int) -> list[WorkSchedule]:
    """The person's shifts, Monday first (a staff member may read their own)."""
    person = _staff(session, actor, person_id)
    return list(session.scalars(select(WorkSchedule).where(WorkSchedule.person_id == person.id)
                                .order_by(WorkSchedule.weekday)))


def replace_schedules(session: Session, actor: Actor, person_id: int,
                      shifts: list[dict]) -> list[WorkSchedule]:
    """Replace the person's week with ``shifts`` ({weekday, start, end}); a shift whose end
    is not after its start runs past midnight."""
    actor.require_capability("attendance.manage")
    person = _staff(session, actor, person_id)
    if person.kind != "staff":
        raise InvalidInput("work schedules are for staff", {"person_id": ["not staff"]},
                           location="path")
    rows, seen = [], set()
    for index, shift in enumerate(shifts):
        if shift["weekday"] in seen:
            raise InvalidInput("one shift per weekday",
                               {"shifts": {str(index): {"weekday": ["repeated"]}}})
        seen.add(shift["weekday"])
        start = parse_hhmm(shift["start"], "start")
        end = parse_hhmm(shift["end"], "end")
        if end <= start:
            end += 1440  # a night shift
        rows.append(WorkSchedule(condominium_id=actor.condominium_id, person_id=person.id,
                                 weekday=shift["weekday"], start_minute=start, end_minute=end))
    session.execute(delete(WorkSchedule).where(WorkSchedule.person_id == person.id))
    session.add_all(rows)
    session.flush()
    audit.record(session, actor_id=actor.user_id, condominium_id=actor.condominium_id,
                 action="update", entity="work_schedule", entity_id=person.id,
                 after={"shifts": [{"weekday": r.weekday, "start": r.start_minute,
                                    "end": r.end_minute} for r in rows]})
    return sorted(rows, key=lambda r: r.weekday)
