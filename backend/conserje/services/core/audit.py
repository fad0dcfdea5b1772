"""Audit trail helpers: snapshot a row and append an ``AuditLog`` entry."""
from __future__ import annotations

from typing import Any

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from conserje.models import AuditLog
from conserje.services.core.actor import Actor

SECRET_COLUMNS = frozenset({"password_hash"})


def snapshot(obj: Any) -> dict[str, Any]:
    """Column values of a mapped object, secrets left out."""
    mapper = inspect(obj).mapper
    return {
        attr.key: getattr(obj, attr.key)
        for attr in mapper.column_attrs
        if attr.key not in SECRET_COLUMNS
    }


def record(session: Session, *, actor_id: int | None, condominium_id: int | None,
           action: str, entity: str, entity_id: int | None,
           before: dict | None = None, after: dict | None = None) -> AuditLog:
    entry = AuditLog(condominium_id=condominium_id, actor_id=actor_id, action=action,
                     entity=entity, entity_id=entity_id, before_data=before, after_data=after)
    session.add(entry)
    return entry


def list_entries(session: Session, actor: Actor, filters: dict[str, Any], page: int,
                 page_size: int):
    """Audit entries of the actor's condominium, newest first (admins and managers)."""
    actor.require_capability("audit.read")
    stmt = select(AuditLog).where(AuditLog.condominium_id == actor.condominium_id)
    for key in ("entity", "entity_id", "actor_id", "action"):
        if filters.get(key) is not None:
            stmt = stmt.where(getattr(AuditLog, key) == filters[key])
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.scalars(stmt.order_by(AuditLog.id.desc()).limit(page_size)
                           .offset((page - 1) * page_size))
    return list(rows), total
