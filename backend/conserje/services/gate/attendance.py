"""Staff attendance derived from the access log: on time, late by N minutes, absent,
hours worked and missing exits, per day and over a month, in the condominium's time."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from conserje.models import AccessEvent, Condominium, Person, WorkSchedule
from conserje.models.base import utcnow
from conserje.services.access.access_log import effective_events
from conserje.services.core.actor import Actor
from conserje.services.core.errors import Forbidden
from conserje.services.gate.schedules import format_minutes

# Passages this long before a shift or after it still belong to that shift's day.
EARLY_WINDOW = timedelta(hours=4)
LATE_WINDOW = timedelta(hours=8)


@dataclass
class AttendanceDay:
    person_id: int
    name: str
    day: date
    scheduled_start: str | None
    scheduled_end: str | None
    first_entry: datetime | None
    last_exit: datetime | None
    status: str  # on_time, late, absent, pending, unscheduled
    late_minutes: int
    hours_worked: float
    missing_exit: bool


def _worked(passages: list[AccessEvent]) -> tuple[float, bool]:
    """Hours between each entry and the next exit; whether an entry was never closed."""
    seconds, opened = 0.0, None
    for event in passages:
        if event.direction == "entry":
            opened = opened or event.occurred_at
        elif opened is not None:
            seconds += (event.occurred_at - opened).total_seconds()
            opened = None
    return round(seconds / 3600, 2), opened is not None


def judge_day(person: Person, day: date, shift: WorkSchedule | None, passages: list[AccessEvent],
              tz: ZoneInfo, now: datetime, grace_minutes: int) -> AttendanceDay | None:
    """One person's day: None when there was neither a shift nor a passage."""
    if shift is None and not passages:
        return None
    entries = [e.occurred_at for e in passages if e.direction == "entry"]
    exits = [e.occurred_at for e in passages if e.direction == "exit"]
    hours, missing_exit = _worked(passages)
    status, late = "unscheduled", 0
    if shift is not None:
        start = datetime.combine(day, time(), tz) + timedelta(minutes=shift.start_minute)
        if entries:
            late = max(0, int((entries[0] - start).total_seconds() // 60))
            status = "late" if late > grace_minutes else "on_time"
            late = late if status == "late" else 0
        else:
            status = "pending" if now < start + timedelta(minutes=grace_minutes) else "absent"
    return AttendanceDay(person.id, person.full_name, day,
                         format_minutes(shift.start_minute) if shift else None,
                         format_minutes(shift.end_minute) if shift else None,
                         entries[0] if entries else None, exits[-1] if exits else None,
                         status, late, hours, missing_exit)


def report(session: Session, actor: Actor, first: date | None, last: date | None,
           grace_minutes: int) -> dict:
    """Every staff person's days from ``first`` to ``last`` (local dates, inclusive;
    None: today in the condominium)."""
    if not actor.can("attendance.read") and not actor.can("attendance.own"):
        raise Forbidden("your role does not allow this operation")
    tz = ZoneInfo(session.get(Condominium, actor.condominium_id).time_zone)
    now = utcnow()
    first = first or now.astimezone(tz).date()
    last = last or first
    staff = select(Person).where(Person.condominium_id == actor.condominium_id,
                                 Person.kind == "staff")
    if not actor.can("attendance.read"):  # a staff member sees only their own days
        staff = staff.where(Person.id == (actor.person_id or -1))
    people = list(session.scalars(staff.order_by(Person.last_name, Person.first_name)))
    ids = [p.id for p in people]
    shifts = {(s.person_id, s.weekday): s for s in session.scalars(
        select(WorkSchedule).where(WorkSchedule.person_id.in_(ids)))}
    start = datetime.combine(first, time(), tz) - EARLY_WINDOW
    end = datetime.combine(last + timedelta(days=2), time(), tz)
    events = session.scalars(effective_events(actor.condominium_id).where(
        AccessEvent.person_id.in_(ids), AccessEvent.decision == "granted",
        AccessEvent.occurred_at >= start, AccessEvent.occurred_at < end)
        .order_by(AccessEvent.occurred_at)).all()
    rows, day = [], first
    while day <= last:
        midnight = datetime.combine(day, time(), tz)
        for person in people:
            shift = shifts.get((person.id, day.weekday()))
            lo, hi = (midnight + timedelta(minutes=shift.start_minute) - EARLY_WINDOW,
                      midnight + timedelta(minutes=shift.end_minute) + LATE_WINDOW) if shift \
                else (midnight, midnight + timedelta(days=1))
            passages = [e for e in events if e.person_id == person.id and lo <= e.occurred_at < hi]
            judged = judge_day(person, day, shift, passages, tz, now, grace_minutes)
            if judged is not None:
                rows.append(judged)
        day += timedelta(days=1)
    return {"first": first, "last": last, "time_zone": str(tz), "days": rows,
            "totals": _totals(rows)}


def _totals(rows: list[AttendanceDay]) -> list[dict]:
    totals: dict[int, dict] = {}
    for row in rows:
        t = totals.setdefault(row.person_id, {
            "person_id": row.person_id, "name": row.name, "scheduled_days": 0, "on_time": 0,
            "late": 0, "late_minutes": 0, "absent": 0, "missing_exits": 0, "hours_worked": 0.0})
        t["scheduled_days"] += row.scheduled_start is not None
        t["on_time"] += row.status == "on_time"
        t["late"] += row.status == "late"
        t["late_minutes"] += row.late_minutes
        t["absent"] += row.status == "absent"
        t["missing_exits"] += row.missing_exit
        t["hours_worked"] = round(t["hours_worked"] + row.hours_worked, 2)
    return list(totals.values())


def flat_rows(result: dict, tz_name: str) -> list[dict]:
    """The days as flat rows (local times) for CSV and XLSX exports."""
    tz = ZoneInfo(tz_name)
    out = []
    for row in result["days"]:
        values = asdict(row)
        for key in ("first_entry", "last_exit"):
            values[key] = values[key].astimezone(tz).strftime("%H:%M") if values[key] else ""
        values["day"] = row.day.isoformat()
        out.append(values)
    return out

