"""Visitors through the gate: QR scans (UC-100, RN-102), entries recorded by the guard
after an approval (UC-101), exits (RN-107). Every passage and every refusal is an event
in the hash-chained access log; passages also point at their visit."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from conserje.models import Condominium, Gate, Visit, VisitPass, VisitPassage
from conserje.models.base import utcnow
from conserje.services.access import access_log, alerts
from conserje.services.access.stream import publish_alert, publish_event
from conserje.services.core.actor import Actor
from conserje.services.core.deps import Deps
from conserje.services.core.errors import Conflict, NotFound
from conserje.services.visitors import passes, signing
from conserje.services.visitors.admission import in_window, visitor_authorisation
from conserje.services.visitors.blocks import active_block, note_refusal
from conserje.services.visitors.journal import set_status, tell_guards, tell_residents
from conserje.services.visitors.settings import get_settings

CLOSED = ("denied", "cancelled", "expired", "left")


@dataclass(frozen=True)
class ScanResult:
    decision: str  # granted or denied
    reason: str
    visit: Visit | None
    event_id: int | None


def gate_for_scans(session: Session, actor: Actor, gate_id: int) -> Gate:
    """The gate a guard scans at (gate roles only; another condominium's gate is a 404)."""
    actor.require_capability("visitors.desk")
    gate = session.get(Gate, gate_id)
    if gate is None or gate.condominium_id != actor.condominium_id:
        raise NotFound("gate not found")
    return gate


def scan(session: Session, actor: Actor, deps: Deps, gate_id: int, text: str) -> ScanResult:
    """Check a scanned pass: format, signature, condominium, key, revocation, window,
    blacklist, schedule and entries left; a good one is spent and the entry logged."""
    gate = gate_for_scans(session, actor, gate_id)
    now = utcnow()
    reason, row = _check(session, deps, gate, text, now)
    visit = row.visit if row is not None else None
    if reason is None and not passes.spend(session, row, now):
        reason = "already_used"
    if reason is not None:
        event = _log(session, deps, gate, actor, visit, "entry", "qr", "denied", reason, None)
        if visit is not None:
            note_refusal(session, gate.condominium_id, visit.visitor_id)
        return ScanResult("denied", reason, visit, event.id)
    event = _enter(session, deps, gate, actor, visit, "qr", None, None, None)
    return ScanResult("granted", "valid_pass", visit, event.id)


def _check(session: Session, deps: Deps, gate: Gate, text: str, now: datetime
           ) -> tuple[str | None, VisitPass | None]:
    try:
        claims, segment, signature = signing.parse(text)
    except signing.PassFormatError:
        return "malformed", None
    condo = session.scalar(select(Condominium).where(
        Condominium.public_id == claims.condominium_public_id))
    if condo is None or not signing.signature_valid(deps.secret, claims, segment, signature):
        return "bad_signature", None
    if condo.id != gate.condominium_id:
        return "other_condominium", None
    settings = get_settings(session, condo.id)
    if not settings.pass_key_min <= claims.key_version <= settings.pass_key_version:
        return "key_retired", None
    row = session.scalar(select(VisitPass).where(VisitPass.public_id == claims.pass_id,
                                                 VisitPass.condominium_id == condo.id))
    if row is None:
        return "unknown_pass", None
    visit = row.visit
    if row.revoked_at is not None:
        return "revoked", row
    if now < row.valid_from:
        return "not_yet_valid", row
    if now > row.valid_until:
        return "expired", row
    if row.entries_allowed is not None and row.entries_used >= row.entries_allowed:
        return "already_used", row
    if not visit.is_active or visit.status in CLOSED and visit.kind in ("single", "walk_in"):
        return f"visit_{visit.status}", row
    if visit.status == "inside":
        return "already_inside", row
    if active_block(session, condo.id, visit.visitor_id, visit.unit_id) is not None:
        _alert_blacklisted(session, deps, gate, visit)
        return "blacklisted", row
    if not in_window(session, visit, now):
        return "outside_hours", row
    return None, row


def _alert_blacklisted(session: Session, deps: Deps, gate: Gate, visit: Visit) -> None:
    alert = alerts.raise_alert(session, gate.condominium_id, "blacklisted", gate.id,
                               f"{visit.visitor.full_name} is blacklisted")
    publish_alert(session, deps.redis, alert)


def _log(session, deps, gate, actor, visit, direction, method, decision, reason, snapshot):
    event = access_log.append(
        session, gate.condominium_id, gate_id=gate.id,
        person_id=visit.visitor_id if visit else None, direction=direction, method=method,
        decision=decision, reason=reason, guard_id=actor.user_id, snapshot_key=snapshot,
        snapshot_sha256=None)
    publish_event(session, deps.redis, event)
    return event


def _enter(session, deps, gate, actor, visit, method, plate, notes, photo_key):
    event = _log(session, deps, gate, actor, visit, "entry", method, "granted",
                 f"visit {visit.id}", photo_key or visit.photo_key)
    session.add(VisitPassage(condominium_id=visit.condominium_id, visit_id=visit.id,
                             access_event_id=event.id, direction="entry", method=method,
                             guard_id=actor.user_id, plate=plate or visit.plate,
                             photo_key=photo_key or visit.photo_key, notes=notes,
                             occurred_at=event.occurred_at))
    visit.entered_at, visit.exited_at, visit.overstay_alerted_at = event.occurred_at, None, None
    set_status(session, visit, "inside", actor.user_id, f"entered by {method} at {gate.name}")
    _tell_entry(session, deps, visit, gate)
    tell_guards(session, deps.redis, visit)
    return event


def _tell_entry(session: Session, deps: Deps, visit: Visit, gate: Gate) -> None:
    """UC-100 step 8: the resident is told (informative, nothing to answer)."""
    tell_residents(session, deps, visit, "visit_entry",
                   f"{visit.visitor.full_name} entró", f"Unidad {visit.unit.code}: "
                   f"entrada registrada en {gate.name}.")


def record_entry(session: Session, actor: Actor, deps: Deps, visit: Visit, gate_id: int,
                 method: str, plate: str | None, notes: str | None) -> VisitPassage:
    """The guard lets in an approved visitor (UC-101 step 13): the visit's current pass is
    spent; a blacklisted visitor is refused even with the resident's approval."""
    gate = gate_for_scans(session, actor, gate_id)
    if visit.status not in ("approved", "expected") or not visit.is_active:
        raise Conflict(f"this visit cannot enter now ({visit.status})",
                       {"visit": [visit.status]})
    now = utcnow()
    if active_block(session, visit.condominium_id, visit.visitor_id, visit.unit_id):
        _alert_blacklisted(session, deps, gate, visit)
        _log(session, deps, gate, actor, visit, "entry", method, "denied", "blacklisted", None)
        raise Conflict("this visitor is blacklisted", {"visit": ["blacklisted"]})
    row = passes.current_pass(session, visit)
    if row is None or now < row.valid_from or not in_window(session, visit, now) or \
            not passes.spend(session, row, now):
        raise Conflict("the visit's authorisation is not valid now", {"visit": ["no_pass"]})
    _enter(session, deps, gate, actor, visit, method, plate, notes, None)
    return session.scalars(select(VisitPassage).where(VisitPassage.visit_id == visit.id)
                           .order_by(VisitPassage.id.desc())).first()


def record_exit(session: Session, actor: Actor, deps: Deps, visit: Visit, gate_id: int,
                notes: str | None) -> VisitPassage:
    """RN-107: the visitor leaves; the stay ends (recurring visits may come back)."""
    gate = gate_for_scans(session, actor, gate_id)
    if visit.status != "inside":
        raise Conflict("this visitor is not inside", {"visit": [visit.status]})
    event = _log(session, deps, gate, actor, visit, "exit", "manual", "granted",
                 f"visit {visit.id}", None)
    passage = VisitPassage(condominium_id=visit.condominium_id, visit_id=visit.id,
                           access_event_id=event.id, direction="exit", method="manual",
                           guard_id=actor.user_id, notes=notes, occurred_at=event.occurred_at)
    session.add(passage)
    visit.exited_at = event.occurred_at
    repeat = visit.kind in ("period", "recurring", "vip") and visit.valid_until > event.occurred_at
    set_status(session, visit, "expected" if repeat else "left", actor.user_id,
               f"left by {gate.name}")
    tell_guards(session, deps.redis, visit)
    return passage


def face_passage(session: Session, deps: Deps, event) -> VisitPassage | None:
    """A visitor let in or out by the face gate: the passage is added to the visit that
    authorised it (an entry spends the pass like a scan and the unit is told, UC-100 step
    8; an exit ends the stay)."""
    visit = visitor_authorisation(session, event.condominium_id, event.person_id, event.gate_id,
                                  event.occurred_at)
    if visit is None or (event.direction == "exit") != (visit.status == "inside"):
        return None
    if event.direction == "entry":
        row = passes.current_pass(session, visit)
        if row is None or not passes.spend(session, row, event.occurred_at):
            return None
        visit.entered_at, visit.exited_at = event.occurred_at, None
        status = "inside"
    else:
        visit.exited_at = event.occurred_at
        repeat = visit.kind in ("period", "recurring", "vip") and \
            visit.valid_until > event.occurred_at
        status = "expected" if repeat else "left"
    passage = VisitPassage(condominium_id=visit.condominium_id, visit_id=visit.id,
                           access_event_id=event.id, direction=event.direction, method="face",
                           guard_id=event.guard_id, plate=visit.plate,
                           photo_key=event.snapshot_key, occurred_at=event.occurred_at)
    session.add(passage)
    set_status(session, visit, status, event.guard_id, f"{event.direction} by face")
    if event.direction == "entry":
        gate = session.get(Gate, event.gate_id)
        _tell_entry(session, deps, visit, gate)
    tell_guards(session, deps.redis, visit)
    return passage


def inside_now(session: Session, actor: Actor) -> list[Visit]:
    """Visitors inside now, longest stay first."""
    actor.require_capability("visitors.desk")
    return list(session.scalars(select(Visit).where(
        Visit.condominium_id == actor.condominium_id, Visit.status == "inside")
        .order_by(Visit.entered_at)))


def overstay_minutes(session: Session, condominium_id: int) -> int:
    return get_settings(session, condominium_id).overstay_minutes
