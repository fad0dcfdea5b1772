"""The access decision for one face at a gate: pure rules over plain facts.

``decide`` never touches the database; :func:`facts_for` gathers what it needs (the
person's kind and active membership, staff schedules, the hooks below) so that the
rules can be read, and tested, on their own.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from conserje.models import Person, UnitMember, WorkSchedule
from conserje.services.visitors.admission import blacklist_entry, visitor_authorisation

RESIDENT_KINDS = frozenset({"owner", "tenant", "family"})
# The quality codes the kiosk turns into a prompt ("come closer", "more light"...).
RETRY_CODES = ("frame_too_small", "face_too_small", "too_dark", "too_bright", "blurry",
               "not_frontal")


@dataclass(frozen=True)
class PersonFacts:
    kind: str
    active: bool  # a resident with a current membership, staff with a schedule
    within_hours: bool = True  # staff only: now inside (or near) today's shift
    visitor_authorised: bool = False
    blacklist_reason: str | None = None


@dataclass(frozen=True)
class Decision:
    decision: str  # granted, denied, unknown, retry
    reason: str


def decide(quality_reasons: list[str], matched: bool, facts: PersonFacts | None,
           direction: str) -> Decision:
    """Decide for one face: quality first, then identity, then the person's rules."""
    if quality_reasons:
        code = next((c for c in RETRY_CODES if c in quality_reasons), quality_reasons[0])
        return Decision("retry", code)
    if not matched or facts is None:
        return Decision("unknown", "no_match")
    if facts.blacklist_reason:
        return Decision("denied", "blacklisted")
    if facts.kind == "visitor":
        return Decision("granted", "visitor_authorised") if facts.visitor_authorised \
            else Decision("denied", "no_authorisation")
    if not facts.active:
        return Decision("denied", "inactive")
    if facts.kind == "staff":
        # Nobody is kept inside: hours only restrict entries.
        if direction == "entry" and not facts.within_hours:
            return Decision("denied", "outside_hours")
        return Decision("granted", "staff")
    return Decision("granted", "resident")


# -- facts from the database ----------------------------------------------------------------

def within_shift(schedules: list[WorkSchedule], local: datetime, margin_minutes: int) -> bool:
    """Whether ``local`` falls within today's shift (or yesterday's running past midnight),
    widened by ``margin_minutes`` on both sides."""
    minute = local.hour * 60 + local.minute
    for row in schedules:
        if row.weekday == local.weekday() and \
                row.start_minute - margin_minutes <= minute <= row.end_minute + margin_minutes:
            return True
        if row.weekday == (local.weekday() - 1) % 7 and row.end_minute > 1440 and \
                minute + 1440 <= row.end_minute + margin_minutes:
            return True
    return False


def facts_for(session: Session, person: Person, gate_id: int, now: datetime, time_zone: str,
              margin_minutes: int) -> PersonFacts:
    """Everything :func:`decide` needs to know about ``person`` at ``now``."""
    local = now.astimezone(ZoneInfo(time_zone))
    blacklisted = blacklist_entry(session, person.condominium_id, person.id)
    reason = "blacklisted" if blacklisted is not None else None
    if person.kind == "visitor":
        authorised = visitor_authorisation(session, person.condominium_id, person.id, gate_id,
                                           now) is not None
        return PersonFacts("visitor", True, visitor_authorised=authorised,
                           blacklist_reason=reason)
    if person.kind == "staff":
        schedules = list(session.scalars(select(WorkSchedule).where(
            WorkSchedule.person_id == person.id)))
        return PersonFacts("staff", bool(schedules),
                           within_shift(schedules, local, margin_minutes),
                           blacklist_reason=reason)
    members = session.scalars(select(UnitMember).where(UnitMember.person_id == person.id))
    active = any(m.is_active_on(local.date()) for m in members)
    return PersonFacts(person.kind, active, blacklist_reason=reason)
