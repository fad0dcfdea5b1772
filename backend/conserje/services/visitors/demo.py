"""Demo visits for `conserje seed-demo`: a month of pre-registered visitors entering by
QR, walk-ins answered by residents (some refused), stays of 20 minutes to 4 hours, so
that the visitor KPIs and the history have something to show. Everything goes through
the append-only access log, like real passages."""
from __future__ import annotations

import random
from datetime import timedelta, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from conserje.models import Gate, Unit, Visit, VisitAuthorisation, VisitChange, VisitPassage
from conserje.services.access import access_log
from conserje.services.core.actor import Actor
from conserje.services.visitors.registry import upsert_visitor
from conserje.services.visitors.settings import local_time

FIRST = ("Camila", "Diego", "Fernanda", "Joaquín", "Valentina", "Matías", "Isidora", "Tomás")
LAST = ("Araya", "Bravo", "Cortés", "Fuentes", "Muñoz", "Reyes", "Salinas", "Vega")


def seed_visits(session: Session, condominium_id: int, rng: random.Random, days: int = 30
                ) -> int:
    """About three visits a day over the last ``days`` days; returns how many."""
    gate = session.scalars(select(Gate).where(Gate.condominium_id == condominium_id)
                           .order_by(Gate.id)).first()
    units = list(session.scalars(select(Unit).where(Unit.condominium_id == condominium_id)
                                 .order_by(Unit.id).limit(8)))
    if gate is None or not units:
        return 0
    actor = Actor(None, condominium_id, frozenset({"admin"}))
    visitors = [upsert_visitor(session, actor, {
        "first_name": rng.choice(FIRST), "last_name": rng.choice(LAST), "doc_type": "passport",
        "doc_number": f"DEMO{n:04d}"}) for n in range(24)]
    # Visits happen in the condominium's daytime, 08:00 to 21:00 local time.
    midnight = local_time(session, condominium_id).replace(hour=0, minute=0, second=0,
                                                           microsecond=0)
    utc = timezone.utc
    count = 0
    for day in range(days, 0, -1):
        for _ in range(rng.randint(1, 5)):
            at = (midnight - timedelta(days=day) + timedelta(
                hours=rng.randint(8, 20), minutes=rng.randint(0, 59))).astimezone(utc)
            _one(session, condominium_id, gate.id, rng.choice(units).id,
                 rng.choice(visitors).person_id, at, rng)
            count += 1
    _cleaner(session, condominium_id, gate.id, units[0].id, midnight, days)
    return count + 1


def _cleaner(session: Session, condominium_id: int, gate_id: int, unit_id: int, midnight,
             days: int) -> None:
    """A recurring visitor (UC-102): Mondays and Thursdays, 09:00 to 14:00."""
    actor = Actor(None, condominium_id, frozenset({"admin"}))
    person_id = upsert_visitor(session, actor, {
        "first_name": "Rosa", "last_name": "Quispe", "doc_type": "passport",
        "doc_number": "DEMO9999"}).person_id
    start = (midnight - timedelta(days=days)).astimezone(timezone.utc)
    visit = Visit(condominium_id=condominium_id, visitor_id=person_id, unit_id=unit_id,
                  kind="recurring", status="expected", pre_registered=True, valid_from=start,
                  valid_until=start + timedelta(days=90), weekdays=[0, 3], start_minute=540,
                  end_minute=840, service_kind="cleaner", created_at=start)
    session.add(visit)
    session.flush()
    session.add(VisitChange(condominium_id=condominium_id, visit_id=visit.id, from_status=None,
                            to_status="expected", changed_at=start, note="demo"))
    for day in range(days, 0, -1):
        local = midnight - timedelta(days=day) + timedelta(hours=9)
        if local.weekday() not in (0, 3):
            continue
        at = local.astimezone(timezone.utc)
        for direction, moment in (("entry", at), ("exit", at + timedelta(hours=5))):
            event = access_log.append(
                session, condominium_id, gate_id=gate_id, person_id=person_id,
                direction=direction, method="qr" if direction == "entry" else "manual",
                decision="granted", reason=f"visit {visit.id}", occurred_at=moment)
            session.add(VisitPassage(condominium_id=condominium_id, visit_id=visit.id,
                                     access_event_id=event.id, direction=direction,
                                     method=event.method, occurred_at=moment))
        visit.entered_at, visit.exited_at = at, at + timedelta(hours=5)
    session.flush()


def _one(session: Session, condominium_id: int, gate_id: int, unit_id: int, person_id: int,
         at, rng: random.Random) -> None:
    walk_in = rng.random() < 0.4
    visit = Visit(condominium_id=condominium_id, visitor_id=person_id, unit_id=unit_id,
                  kind="walk_in" if walk_in else "single", status="left",
                  pre_registered=not walk_in, valid_from=at - timedelta(hours=2),
                  valid_until=at + timedelta(hours=22), created_at=at - timedelta(hours=2))
    session.add(visit)
    session.flush()
    approved = not walk_in or rng.random() < 0.85
    asked = at - timedelta(seconds=rng.randint(15, 110))
    session.add(VisitAuthorisation(
        condominium_id=condominium_id, visit_id=visit.id,
        kind="real_time" if walk_in else "prior", status="approved" if approved else "denied",
        requested_at=asked if walk_in else visit.created_at,
        answered_at=at if walk_in else visit.created_at, channel="app"))
    first = "pending" if walk_in else "expected"
    changes = [(None, first, visit.created_at if not walk_in else asked)]
    method = "document" if walk_in else "qr"
    if not approved:
        visit.status = "denied"
        access_log.append(session, condominium_id, gate_id=gate_id, person_id=person_id,
                          direction="entry", method=method, decision="denied",
                          reason="resident_denied", occurred_at=at)
        changes.append((first, "denied", at))
    else:
        out = at + timedelta(minutes=rng.randint(20, 240))
        for direction, moment in (("entry", at), ("exit", out)):
            event = access_log.append(
                session, condominium_id, gate_id=gate_id, person_id=person_id,
                direction=direction, method=method if direction == "entry" else "manual",
                decision="granted", reason=f"visit {visit.id}", occurred_at=moment)
            session.add(VisitPassage(condominium_id=condominium_id, visit_id=visit.id,
                                     access_event_id=event.id, direction=direction,
                                     method=event.method, occurred_at=moment))
        visit.entered_at, visit.exited_at = at, out
        changes += [(first, "inside", at), ("inside", "left", out)]
    for before, after, moment in changes:
        session.add(VisitChange(condominium_id=condominium_id, visit_id=visit.id,
                                from_status=before, to_status=after, changed_at=moment,
                                note="demo"))
    session.flush()
