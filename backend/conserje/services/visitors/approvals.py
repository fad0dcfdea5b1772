"""Walk-ins and the resident's answer (UC-101, RN-101, RN-103): the guard registers the
visitor with a photo, the unit's residents are asked on every channel, the first answer
wins, and a timeout applies the condominium's action (deny, allow or call the
resident). An answer after the timeout is recorded as a retroactive authorisation."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from conserje.models import Gate, Unit, Visit, VisitAuthorisation
from conserje.models.base import utcnow
from conserje.services.access import alerts
from conserje.services.access.stream import publish_alert
from conserje.services.core.actor import Actor
from conserje.services.core.deps import Deps
from conserje.services.core.errors import Conflict, Forbidden, NotFound
from conserje.services.visitors import passes, registry
from conserje.services.visitors.blocks import active_block
from conserje.services.visitors.hosts import own_unit
from conserje.services.visitors.journal import set_status, tell_guards, tell_residents
from conserje.services.visitors.settings import get_settings


def prior_authorisation(session: Session, visit: Visit, user_id: int | None) -> None:
    """A pre-registration is the resident's authorisation given in advance."""
    now = utcnow()
    session.add(VisitAuthorisation(condominium_id=visit.condominium_id, visit_id=visit.id,
                                   kind="prior", status="approved", requested_at=now,
                                   answered_at=now, answered_by_id=user_id, channel="app"))
    session.flush()


def register_walk_in(session: Session, actor: Actor, deps: Deps, data: dict,
                     photo: bytes | None) -> tuple[Visit, list[str]]:
    """UC-101: register the visitor at the gate and ask the unit. Returns the visit and
    the alerts raised (blacklisted, doc_mismatch, flagged_visitor)."""
    actor.require_capability("visitors.desk")
    gate = session.get(Gate, data["gate_id"])
    if gate is None or gate.condominium_id != actor.condominium_id:
        raise NotFound("gate not found")

    unit = own_unit(session, actor, data["unit_id"]) if actor.can("visitors.manage") else \
        _gate_unit(session, actor, data["unit_id"])
    settings = get_settings(session, actor.condominium_id)
    checked = None
    if photo or not settings.emergency_mode:  # RN-100: only emergencies skip the photo
        checked = registry.check_photo(session, actor.condominium_id, photo, deps)
    visitor = registry.upsert_visitor(session, actor, data["visitor"])
    raised = []
    if checked and registry.alert_if_other_document(session, deps, visitor,
                                                    checked.matched_person_id, gate):
        raised.append("doc_mismatch")
    if checked and not visitor.person.photo_key:
        visitor.person.photo_key = checked.key  # seed 003: reused on the next visit
    if checked and data.get("biometric_consent"):
        registry.enrol_face(session, actor, visitor, photo, deps)
    now = utcnow()
    visit = Visit(condominium_id=actor.condominium_id, visitor_id=visitor.person_id,
                  unit_id=unit.id, kind="walk_in", status="pending", pre_registered=False,
                  valid_from=now, valid_until=now + timedelta(hours=12),
                  notes=data.get("notes"), plate=visitor.plate,
                  photo_key=checked.key if checked else None, created_by_id=actor.user_id,
                  created_at=now)
    session.add(visit)
    session.flush()
    set_status(session, visit, "pending", actor.user_id,
               "walk-in registered" + ("" if checked else " without photo (emergency mode)"))
    if visitor.flagged_at is not None:
        raised.append("flagged_visitor")
        _alert(session, deps, visit, gate.id, "flagged_visitor",
               f"{visitor.person.full_name} was refused several times: extra attention")
    block = active_block(session, actor.condominium_id, visitor.person_id, unit.id)
    if block is not None:
        # Refused at once: no resident is asked (seed 003: even an approval would not open).
        raised.append("blacklisted")
        _alert(session, deps, visit, gate.id, "blacklisted",
               f"{visitor.person.full_name} is blacklisted: {block.reason}")
        set_status(session, visit, "denied", actor.user_id, "blacklisted")
        tell_guards(session, deps.redis, visit)
        return visit, raised
    session.add(VisitAuthorisation(
        condominium_id=visit.condominium_id, visit_id=visit.id, kind="real_time",
        status="pending", requested_at=now,
        expires_at=now + timedelta(seconds=settings.approval_timeout_s)))
    session.flush()
    tell_residents(session, deps, visit, "visit_request",
                   f"{visitor.person.full_name} está en portería",
                   f"Visita para la unidad {unit.code}. ¿Autoriza la entrada?", actions=True)
    tell_guards(session, deps.redis, visit)
    return visit, raised


def _gate_unit(session: Session, actor: Actor, unit_id: int):
    unit = session.get(Unit, unit_id)
    if unit is None or unit.condominium_id != actor.condominium_id:
        raise NotFound("unit not found")
    return unit


def _alert(session: Session, deps: Deps, visit: Visit, gate_id: int, kind: str,
           message: str) -> None:
    alert = alerts.raise_alert(session, visit.condominium_id, kind, gate_id, message)
    publish_alert(session, deps.redis, alert)


def pending_authorisation(session: Session, visit: Visit) -> VisitAuthorisation | None:
    return session.scalars(select(VisitAuthorisation).where(
        VisitAuthorisation.visit_id == visit.id, VisitAuthorisation.status == "pending")
        .order_by(VisitAuthorisation.id.desc())).first()


def answer(session: Session, actor: Actor, deps: Deps, visit: Visit, approve: bool,
           channel: str, reason: str | None) -> VisitAuthorisation:
    """A resident of the unit (app) or a guard who phoned them (``phone``) answers. The
    first answer wins (conditional UPDATE); once the request timed out, the answer is
    recorded as a retroactive authorisation."""
    if actor.is_resident:
        channel = "app"
    elif channel != "phone":
        raise Forbidden("guards record answers the resident gave by phone")
    now, status = utcnow(), "approved" if approve else "denied"
    pending = pending_authorisation(session, visit)
    if pending is not None and pending.expires_at and pending.expires_at <= now \
            and visit.status == "pending":
        expire(session, deps, pending, now)  # the timeout action comes first
        pending = None
    won = pending is not None and session.execute(
        update(VisitAuthorisation).where(VisitAuthorisation.id == pending.id,
                                         VisitAuthorisation.status == "pending")
        .values(status=status, answered_at=now, answered_by_id=actor.user_id, channel=channel,
                deny_reason=reason).execution_options(synchronize_session=False)).rowcount == 1
    if won:
        session.refresh(pending)
        row = pending
    else:
        last = session.scalars(select(VisitAuthorisation).where(
            VisitAuthorisation.visit_id == visit.id, VisitAuthorisation.kind == "real_time")
            .order_by(VisitAuthorisation.id.desc())).first()
        if visit.kind != "walk_in" or last is None or last.status != "expired" or \
                visit.status == "cancelled":
            raise Conflict("this visit was already answered", {"visit": [visit.status]})
        row = VisitAuthorisation(condominium_id=visit.condominium_id, visit_id=visit.id,
                                 kind="retroactive", status=status, requested_at=now,
                                 answered_at=now, answered_by_id=actor.user_id,
                                 channel=channel, deny_reason=reason)
        session.add(row)
        session.flush()
    visit.host_user_id = actor.user_id if actor.is_resident else visit.host_user_id
    if visit.status in ("pending", "call", "denied", "expired", "approved"):
        _apply(session, deps, visit, approve, actor.user_id,
               ("retroactive " if row.kind == "retroactive" else "") + f"{status} ({channel})")
    return row


def _apply(session: Session, deps: Deps, visit: Visit, approve: bool, actor_id: int | None,
           note: str) -> None:
    """Move the visit after an answer; an approval brings a short single-entry pass."""
    target = "approved" if approve else "denied"
    if visit.status != target:
        set_status(session, visit, target, actor_id, note)
    if approve and passes.current_pass(session, visit) is None:
        minutes = get_settings(session, visit.condominium_id).walk_in_pass_minutes
        now = utcnow()
        passes.issue(session, visit, 1, now, now + timedelta(minutes=minutes))
    tell_guards(session, deps.redis, visit)


def expire(session: Session, deps: Deps, auth: VisitAuthorisation, now=None) -> bool:
    """Apply the timeout action to one unanswered request (RN-103)."""
    now = now or utcnow()
    if session.execute(update(VisitAuthorisation).where(
            VisitAuthorisation.id == auth.id, VisitAuthorisation.status == "pending")
            .values(status="expired", answered_at=now, channel="timeout")
            .execution_options(synchronize_session=False)).rowcount != 1:
        return False
    visit = session.get(Visit, auth.visit_id)
    action = get_settings(session, visit.condominium_id).timeout_action
    if action == "allow":
        _apply(session, deps, visit, True, None, "no answer: allowed by the timeout rule")
    elif action == "call":
        set_status(session, visit, "call", None, "no answer: call the resident")
        tell_guards(session, deps.redis, visit)
    else:
        _apply(session, deps, visit, False, None, "no answer: denied by the timeout rule")
    return True


def expire_overdue(session: Session, deps: Deps) -> int:
    """Every request past its deadline, in every condominium (the cron job)."""
    rows = session.scalars(select(VisitAuthorisation).where(
        VisitAuthorisation.status == "pending", VisitAuthorisation.expires_at <= utcnow()))
    return sum(expire(session, deps, row) for row in list(rows))
