"""Audit trail helpers: snapshot a row and append an ``AuditLog`` entry."""
from __future__ import annotations

from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from ..models import AuditLog

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
