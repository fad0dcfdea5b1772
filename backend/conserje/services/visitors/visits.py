"""Visits: pre-registration by residents (single, period, recurring, VIP) for their own
units only, lookups scoped to the caller, logical deactivation (RN-105) and renewal of
recurring visitors."""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from conserje.models import Person, Visit, Visitor
from conserje.models.base import utcnow
from conserje.services.core.actor import Actor
from conserje.services.core.crud import Page
from conserje.services.core.deps import Deps
from conserje.services.core.errors import Conflict, InvalidInput, NotFound
from conserje.services.core.tx import on_commit
from conserje.services.visitors import passes
from conserje.services.visitors.approvals import prior_authorisation
from conserje.services.visitors.blocks import active_block
from conserje.services.visitors.hosts import own_unit
from conserje.services.visitors.journal import record_change, set_status
from conserje.services.visitors.registry import check_photo, upsert_visitor
from conserje.services.visitors.settings import check_window

ENTRIES = {"single": 1, "period": None, "recurring": None, "vip": None}
MAX_VALIDITY = timedelta(days=366)


def refuse_if_blocked(session: Session, condominium_id: int, person_id: int,
                      unit_id: int) -> None:
    entry = active_block(session, condominium_id, person_id, unit_id)
    if entry is not None:
        scope = "this unit" if entry.unit_id else "the condominium"
        raise Conflict(f"this visitor is blacklisted for {scope}",
                       {"visitor": ["blacklisted"]})


def pre_register(session: Session, actor: Actor, data: dict) -> Visit:
    """A resident (or the administration) announces a visitor; the visit comes with a
    signed pass. Blacklisted visitors cannot be pre-registered."""
    unit = own_unit(session, actor, data["unit_id"])
    kind = data["kind"]
    now = utcnow()
    valid_from = data.get("valid_from") or data.get("expected_at") or now
    valid_until = data.get("valid_until") or (
        valid_from + timedelta(hours=24) if kind == "single" else None)
    if valid_until is None:
        raise InvalidInput("say until when the visit is valid",
                           {"valid_until": ["required for this kind of visit"]})
    if valid_until <= valid_from or valid_until <= now:
        raise InvalidInput("the validity must end after it starts, in the future",
                           {"valid_until": ["must be after valid_from and now"]})
    if valid_until - valid_from > MAX_VALIDITY:
        raise InvalidInput("a pre-registration is valid for a year at most",
                           {"valid_until": ["at most 366 days after valid_from"]})
    if kind == "recurring":
        check_window(data.get("weekdays"), data.get("start_minute"), data.get("end_minute"))
    visitor = upsert_visitor(session, actor, data["visitor"])
    refuse_if_blocked(session, actor.condominium_id, visitor.person_id, unit.id)
    if kind == "recurring":
        visitor.category = "recurring"
    visit = Visit(condominium_id=actor.condominium_id, visitor_id=visitor.person_id,
                  unit_id=unit.id, host_user_id=actor.user_id, kind=kind, status="expected",
                  pre_registered=True, expected_at=data.get("expected_at"),
                  valid_from=valid_from, valid_until=valid_until,
                  weekdays=sorted(set(data["weekdays"])) if kind == "recurring" else None,
                  start_minute=data.get("start_minute") if kind == "recurring" else None,
                  end_minute=data.get("end_minute") if kind == "recurring" else None,
                  service_kind=data.get("service_kind"), notes=data.get("notes"),
                  plate=visitor.plate, created_by_id=actor.user_id, created_at=now)
    session.add(visit)
    session.flush()
    record_change(session, visit, "expected", actor.user_id, f"pre-registered ({kind})")

    prior_authorisation(session, visit, actor.user_id)
    entries = data.get("entries_allowed") if kind == "period" else ENTRIES[kind]
    passes.issue(session, visit, entries)
    return visit


def scoped(actor: Actor):
    """The visits the caller may see: residents their units', gate roles all."""
    stmt = select(Visit).where(Visit.condominium_id == actor.condominium_id)
    if actor.is_resident:
        return stmt.where(Visit.unit_id.in_(actor.unit_ids))
    actor.require_capability("visitors.desk")
    return stmt


def get_visit(session: Session, actor: Actor, visit_id: int) -> Visit:
    visit = session.scalar(scoped(actor).where(Visit.id == visit_id))
    if visit is None:
        raise NotFound("visit not found")
    return visit


def list_visits(session: Session, actor: Actor, filters: dict, page: int, page_size: int
                ) -> Page[Visit]:
    """Newest first; filters: status, kind, unit, visitor, free text, dates, inside."""
    stmt = scoped(actor)
    for key in ("status", "kind", "unit_id"):
        if filters.get(key) is not None:
            stmt = stmt.where(getattr(Visit, key) == filters[key])
    if filters.get("visitor_id") is not None:
        stmt = stmt.where(Visit.visitor_id == select(Visitor.person_id).where(
            Visitor.id == filters["visitor_id"]).scalar_subquery())
    if filters.get("since") is not None:
        stmt = stmt.where(Visit.created_at >= filters["since"])
    if filters.get("until") is not None:
        stmt = stmt.where(Visit.created_at < filters["until"])
    if filters.get("active") is not None:
        stmt = stmt.where(Visit.is_active.is_(filters["active"]))
    if filters.get("q"):
        like = f"%{filters['q'].lower()}%"
        stmt = stmt.join(Person, Person.id == Visit.visitor_id).where(or_(
            func.lower(Person.first_name).like(like), func.lower(Person.last_name).like(like),
            func.lower(Person.doc_number).like(like), func.lower(Visit.plate).like(like)))
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.scalars(stmt.order_by(Visit.id.desc()).limit(page_size)
                           .offset((page - 1) * page_size))
    return Page(list(rows), total)


def deactivate(session: Session, actor: Actor, visit_id: int, reason: str) -> Visit:
    """RN-105: visits are never deleted; this keeps the row, with who, when and why, and
    revokes its pass. A visitor inside must leave first (RN-107)."""
    visit = get_visit(session, actor, visit_id)
    if not actor.is_resident:
        actor.require_capability("visitors.manage")
    if visit.status == "inside":
        raise Conflict("the visitor is inside: record the exit first")
    if not visit.is_active:
        return visit
    visit.is_active, visit.inactive_reason = False, reason.strip()
    row = passes.current_pass(session, visit)
    if row is not None:
        row.revoked_at, row.revoked_by_id = utcnow(), actor.user_id
    final = "cancelled" if visit.status in ("expected", "pending", "approved", "call") \
        else visit.status
    set_status(session, visit, final, actor.user_id, f"deactivated: {reason.strip()}")
    return visit


def renew(session: Session, actor: Actor, visit_id: int, valid_until: datetime) -> Visit:
    """Extend a recurring (or period/VIP) visit with one click: a new pass for the new
    window; the old one is revoked."""
    visit = get_visit(session, actor, visit_id)
    if visit.kind not in passes.UNLIMITED_KINDS or not visit.is_active:
        raise Conflict("only active recurring, period or VIP visits are renewed")
    if valid_until <= max(visit.valid_until, utcnow()):
        raise InvalidInput("the new end must be later than the current one",
                           {"valid_until": ["must be after the current end"]})
    refuse_if_blocked(session, visit.condominium_id, visit.visitor_id, visit.unit_id)
    visit.valid_until, visit.renewal_asked_at = valid_until, None
    old = passes.current_pass(session, visit)
    if old is not None:
        old.revoked_at, old.revoked_by_id = utcnow(), actor.user_id
    passes.issue(session, visit, old.entries_allowed if old else None,
                 valid_from=visit.valid_from, valid_until=valid_until)
    status = "expected" if visit.status == "expired" else visit.status
    set_status(session, visit, status, actor.user_id, f"renewed until {valid_until:%Y-%m-%d}")
    return visit


def attach_photo(session: Session, actor: Actor, deps: Deps, visit_id: int, data: bytes | None
                 ) -> Visit:
    """Seed 003 (pre-registration data: "Foto"): the resident (or the administration)
    attaches the visitor's photo; the walk-in photo rules apply (RN-100) and the guard
    compares it with the face at the gate. A visitor without a photo keeps this one."""
    visit = get_visit(session, actor, visit_id)
    if not actor.is_resident:
        actor.require_capability("visitors.manage")
    if not visit.is_active or visit.status in ("denied", "cancelled", "expired", "left"):
        raise Conflict(f"this visit is closed ({visit.status})", {"visit": [visit.status]})
    checked = check_photo(session, visit.condominium_id, data, deps)
    replaced, visit.photo_key = visit.photo_key, checked.key
    if replaced and replaced != visit.visitor.photo_key:  # nothing else points at it
        on_commit(session, lambda: (deps.store.delete(replaced),
                                    deps.store.delete(f"{replaced}.thumb.jpg")))
    if not visit.visitor.photo_key:
        visit.visitor.photo_key = checked.key  # reused on the next visit (seed 003)
    record_change(session, visit, visit.status, actor.user_id, "photo attached")
    return visit
