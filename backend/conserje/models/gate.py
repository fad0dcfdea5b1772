"""Gate kiosk devices and the staff work schedules attendance is judged by."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from conserje.models.base import Base, IdMixin, PublicIdMixin, TenantMixin, UTCDateTime, utcnow


class GateDevice(IdMixin, PublicIdMixin, TenantMixin, Base):
    """A browser kiosk bound to one gate. Only the SHA-256 of its bearer token is kept."""

    __tablename__ = "gate_device"

    gate_id: Mapped[int] = mapped_column(ForeignKey("gate.id", ondelete="CASCADE"),
                                         index=True, nullable=False)
    name: Mapped[str] = mapped_column(String(80), nullable=False)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, nullable=False)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)
    last_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class WorkSchedule(IdMixin, TenantMixin, Base):
    """One shift of a staff person on one weekday, in the condominium's time zone.

    Times are minutes after local midnight (portable: Oracle has no TIME type); a shift
    ending after midnight has ``end_minute`` beyond 1440.
    """

    __tablename__ = "work_schedule"
    __table_args__ = (UniqueConstraint("person_id", "weekday"),)

    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"),
                                           index=True, nullable=False)
    weekday: Mapped[int] = mapped_column(Integer, nullable=False)  # 0 = Monday
    start_minute: Mapped[int] = mapped_column(Integer, nullable=False)
    end_minute: Mapped[int] = mapped_column(Integer, nullable=False)
