"""The in-app inbox: a user's notifications in the current condominium, and read marks."""
from __future__ import annotations

from typing import Sequence

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from conserje.models import AppNotification
from conserje.models.base import utcnow
from conserje.services.core.actor import Actor


def inbox(session: Session, actor: Actor, unread_only: bool = False) -> list[AppNotification]:
    """The acting user's in-app notifications in this condominium, newest first."""
    stmt = select(AppNotification).where(AppNotification.user_id == actor.user_id,
                                         AppNotification.condominium_id == actor.condominium_id)
    if unread_only:
        stmt = stmt.where(AppNotification.read_at.is_(None))
    return list(session.scalars(stmt.order_by(AppNotification.id.desc()).limit(200)))


def mark_read(session: Session, actor: Actor, ids: Sequence[int]) -> None:
    """Mark the user's own notifications read (other ids are silently not theirs)."""
    session.execute(update(AppNotification).where(
        AppNotification.id.in_(list(ids)), AppNotification.user_id == actor.user_id,
        AppNotification.condominium_id == actor.condominium_id).values(read_at=utcnow()))
