"""Append-only audit trail of changes made through the API and CLI."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from conserje.models.base import Base, IdMixin, JSONText, UTCDateTime, utcnow


class AuditLog(IdMixin, Base):
    __tablename__ = "audit_log"

    # Nullable: logins and system actions can happen outside a condominium.
    condominium_id: Mapped[int | None] = mapped_column(
        ForeignKey("condominium.id", ondelete="CASCADE"), index=True
    )
    actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL"), index=True
    )
    action: Mapped[str] = mapped_column(String(20), nullable=False)
    entity: Mapped[str] = mapped_column(String(30), nullable=False)
    entity_id: Mapped[int | None] = mapped_column(Integer)
    before_data: Mapped[Any] = mapped_column(JSONText, nullable=True)
    after_data: Mapped[Any] = mapped_column(JSONText, nullable=True)
    created_at: Mapped[datetime] = mapped_column(
        UTCDateTime, default=utcnow, nullable=False, index=True
    )
