"""Blacklists: a resident blocks a visitor for their unit; the administration blocks one
for the whole condominium, with a reason. Entries are lifted with a reason, never
deleted. Refusals are counted so that a visitor refused again and again is flagged."""
from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from conserje.models import AccessEvent, Visit, Visitor, VisitorBlock
from conserje.models.base import utcnow
from conserje.services.core import audit
from conserje.services.core.actor import Actor
from conserje.services.core.errors import Forbidden, NotFound
from conserje.services.visitors.registry import get_visitor, profile_of
from conserje.services.visitors.settings import get_settings


def active_block(session: Session, condominium_id: int, person_id: int,
                 unit_id: int | None = None) -> VisitorBlock | None:
    """The global entry for the person, or one for ``unit_id`` when given (global first)."""
    scope = VisitorBlock.unit_id.is_(None)
    if unit_id is not None:
        scope = or_(scope, VisitorBlock.unit_id == unit_id)
    return session.scalars(select(VisitorBlock).where(
        VisitorBlock.condominium_id == condominium_id, VisitorBlock.person_id == person_id,
        VisitorBlock.lifted_at.is_(None), scope)
        .order_by(VisitorBlock.unit_id.isnot(None), VisitorBlock.id)).first()


def block(session: Session, actor: Actor, visitor_id: int | None, person_id: int | None,
          unit_id: int | None, reason: str) -> VisitorBlock:
    """Blacklist a visitor: a unit's resident for their own unit, managers for any unit
    or (no unit) the whole condominium."""
    if actor.is_resident:
        if unit_id is None:
            raise Forbidden("residents block visitors for their own unit only")
        if unit_id not in actor.unit_ids:
            raise NotFound("unit not found")
        visitor = _resident_visible_visitor(session, actor, visitor_id)
    else:
        actor.require_capability("visitors.manage" if unit_id else "visitors.block_global")
        visitor = get_visitor(session, actor, visitor_id)
    entry = VisitorBlock(condominium_id=actor.condominium_id, person_id=visitor.person_id,
                         unit_id=unit_id, reason=reason.strip(), created_by_id=actor.user_id)
    session.add(entry)
    session.flush()
    audit.record(session, actor_id=actor.user_id, condominium_id=actor.condominium_id,
                 action="block", entity="visitor", entity_id=visitor.id,
                 after={"unit_id": unit_id, "reason": entry.reason})
    return entry


def _resident_visible_visitor(session: Session, actor: Actor, visitor_id: int | None
                              ) -> Visitor:
    """A resident may block a visitor who came or was invited to one of their units."""
    visitor = session.get(Visitor, visitor_id) if visitor_id else None
    if visitor is None or visitor.condominium_id != actor.condominium_id or not session.scalar(
            select(Visit.id).where(Visit.visitor_id == visitor.person_id,
                                   Visit.unit_id.in_(actor.unit_ids)).limit(1)):
        raise NotFound("visitor not found")
    return visitor


def lift(session: Session, actor: Actor, block_id: int, reason: str) -> VisitorBlock:
    """Lift an entry (kept, with who lifted it and why)."""
    entry = session.get(VisitorBlock, block_id)
    if entry is None or entry.condominium_id != actor.condominium_id or (
            actor.is_resident and entry.unit_id not in actor.unit_ids):
        raise NotFound("blacklist entry not found")
    if not actor.is_resident:
        actor.require_capability("visitors.manage")
    if entry.lifted_at is None:
        entry.lifted_at, entry.lifted_by_id = utcnow(), actor.user_id
        entry.lift_reason = reason.strip()
        session.flush()
    return entry


def list_blocks(session: Session, actor: Actor, active_only: bool) -> list[VisitorBlock]:
    """Managers and guards see every entry; residents those of their units."""
    stmt = select(VisitorBlock).where(VisitorBlock.condominium_id == actor.condominium_id)
    if actor.is_resident:
        stmt = stmt.where(VisitorBlock.unit_id.in_(actor.unit_ids))
    else:
        actor.require_capability("visitors.desk")
    if active_only:
        stmt = stmt.where(VisitorBlock.lifted_at.is_(None))
    return list(session.scalars(stmt.order_by(VisitorBlock.id.desc()).limit(500)))


def note_refusal(session: Session, condominium_id: int, person_id: int) -> bool:
    """After a refusal: flag the visitor for extra attention once their refusals reach
    the condominium's threshold. True when the flag was set now."""
    visitor = profile_of(session, person_id)
    if visitor is None or visitor.flagged_at is not None:
        return False
    refusals = session.scalar(select(func.count()).select_from(AccessEvent).where(
        AccessEvent.condominium_id == condominium_id, AccessEvent.person_id == person_id,
        AccessEvent.decision == "denied")) or 0
    if refusals >= get_settings(session, condominium_id).flag_after_denials:
        visitor.flagged_at = utcnow()
        session.flush()
        return True
    return False
