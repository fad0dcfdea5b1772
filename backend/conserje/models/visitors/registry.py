"""Visitors (a profile on a ``person`` of kind visitor), blacklists, the visitor rules of
each condominium, and the Web Push subscriptions residents are asked through."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from conserje.models.base import Base, IdMixin, TenantMixin, UTCDateTime, utcnow
from conserje.models.setup.person import Person
from conserje.models.setup.unit import Unit

VISITOR_CATEGORIES = ("common", "recurring", "provider")
TIMEOUT_ACTIONS = ("deny", "allow", "call")


class Visitor(IdMixin, TenantMixin, Base):
    """What the gate knows about a visitor beyond their person row: plate, WhatsApp,
    category, and the "extra attention" flag set after repeated refusals."""

    __tablename__ = "visitor"

    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"),
                                           unique=True, nullable=False)
    plate: Mapped[str | None] = mapped_column(String(16), index=True)
    whatsapp: Mapped[str | None] = mapped_column(String(32))
    category: Mapped[str] = mapped_column(String(10), nullable=False, default="common")
    flagged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)

    person: Mapped[Person] = relationship(lazy="joined")


class VisitorBlock(IdMixin, TenantMixin, Base):
    """A blacklist entry: for one unit (by its resident) or the whole condominium
    (``unit_id`` empty, by the administration). Lifted, never deleted."""

    __tablename__ = "visitor_block"

    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True, nullable=False)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), index=True)
    reason: Mapped[str] = mapped_column(String(255), nullable=False)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)
    lifted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    lifted_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    lift_reason: Mapped[str | None] = mapped_column(String(255))

    person: Mapped[Person] = relationship(lazy="joined")
    unit: Mapped[Unit | None] = relationship(lazy="joined")


class VisitorSettings(IdMixin, TenantMixin, Base):
    """The visitor rules of one condominium (defaults until an admin changes them)."""

    __tablename__ = "visitor_settings"
    __table_args__ = (UniqueConstraint("condominium_id"),)

    approval_timeout_s: Mapped[int] = mapped_column(Integer, nullable=False, default=120)
    timeout_action: Mapped[str] = mapped_column(String(8), nullable=False, default="deny")
    overstay_minutes: Mapped[int] = mapped_column(Integer, nullable=False, default=240)
    renewal_days: Mapped[int] = mapped_column(Integer, nullable=False, default=7)
    flag_after_denials: Mapped[int] = mapped_column(Integer, nullable=False, default=3)
    walk_in_pass_minutes: Mapped[int] = mapped_column(Integer, nullable=False, default=30)
    # RN-100's exception: while on, walk-ins may be registered without a photo.
    emergency_mode: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    # QR signing keys are derived per condominium and version (never stored); rotating
    # bumps the version, and passes signed before ``pass_key_min`` stop being accepted.
    pass_key_version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    pass_key_min: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
