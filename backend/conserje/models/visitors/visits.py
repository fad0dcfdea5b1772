"""Visits and everything that happens to them: signed passes, resident authorisations,
state changes (who and when, never rewritten) and passages through the gates."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from conserje.models.base import (
    Base,
    IdMixin,
    JSONText,
    PublicIdMixin,
    TenantMixin,
    UTCDateTime,
    utcnow,
)
from conserje.models.setup.person import Person
from conserje.models.setup.unit import Unit

VISIT_KINDS = ("single", "period", "recurring", "vip", "walk_in")
VISIT_STATUSES = ("expected", "pending", "approved", "call", "inside", "left", "denied",
                  "expired", "cancelled")
SERVICE_KINDS = ("cleaner", "trainer", "teacher", "carer", "delivery", "other")
AUTH_KINDS = ("prior", "real_time", "retroactive")
AUTH_STATUSES = ("pending", "approved", "denied", "expired")
AUTH_CHANNELS = ("app", "whatsapp", "sms", "phone", "email", "timeout")
PASSAGE_METHODS = ("qr", "document", "face", "manual")


class Visit(IdMixin, PublicIdMixin, TenantMixin, Base):
    """One visitor's authorisation to come to one unit (RN-106: one visitor per visit).

    ``status`` is the current state; every change is also a ``visit_change`` row.
    Recurring visits carry their weekdays (0 = Monday) and local minutes of the day.
    """

    __tablename__ = "visit"

    visitor_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True, nullable=False)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True, nullable=False)
    host_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10), nullable=False)
    status: Mapped[str] = mapped_column(String(10), nullable=False, index=True)
    pre_registered: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    expected_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    valid_from: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    valid_until: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, index=True)
    weekdays: Mapped[list | None] = mapped_column(JSONText)
    start_minute: Mapped[int | None] = mapped_column(Integer)
    end_minute: Mapped[int | None] = mapped_column(Integer)
    service_kind: Mapped[str | None] = mapped_column(String(10))
    notes: Mapped[str | None] = mapped_column(String(255))
    plate: Mapped[str | None] = mapped_column(String(16))
    photo_key: Mapped[str | None] = mapped_column(String(255))
    entered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    exited_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    overstay_alerted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    renewal_asked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)
    # RN-105: never deleted; a deactivation keeps the row with its reason.
    is_active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    inactive_reason: Mapped[str | None] = mapped_column(String(255))

    visitor: Mapped[Person] = relationship(lazy="joined")
    unit: Mapped[Unit] = relationship(lazy="joined")


class VisitPass(IdMixin, PublicIdMixin, TenantMixin, Base):
    """A signed QR pass of a visit; re-issuing revokes the old one and adds a new row.
    ``entries_used`` only grows, by a conditional UPDATE (single-entry passes spend once)."""

    __tablename__ = "visit_pass"

    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id"), index=True, nullable=False)
    key_version: Mapped[int] = mapped_column(Integer, nullable=False)
    valid_from: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    valid_until: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    entries_allowed: Mapped[int | None] = mapped_column(Integer)  # empty: no limit
    entries_used: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))

    visit: Mapped[Visit] = relationship(lazy="joined")


class VisitAuthorisation(IdMixin, TenantMixin, Base):
    """A resident's answer for a visit: prior (pre-registration), real time (a walk-in)
    or retroactive. Only a pending row is ever answered (first answer wins)."""

    __tablename__ = "visit_authorisation"

    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id"), index=True, nullable=False)
    kind: Mapped[str] = mapped_column(String(12), nullable=False)
    status: Mapped[str] = mapped_column(String(10), nullable=False)
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    channel: Mapped[str | None] = mapped_column(String(10))
    deny_reason: Mapped[str | None] = mapped_column(String(255))


class VisitChange(IdMixin, TenantMixin, Base):
    """One state change of a visit: from, to, who, when and why (append-only)."""

    __tablename__ = "visit_change"

    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id"), index=True, nullable=False)
    from_status: Mapped[str | None] = mapped_column(String(10))
    to_status: Mapped[str] = mapped_column(String(10), nullable=False)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    note: Mapped[str | None] = mapped_column(String(255))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)


class VisitPassage(IdMixin, TenantMixin, Base):
    """An entry or exit of a visit, pointing at its row in the hash-chained access log."""

    __tablename__ = "visit_passage"

    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id"), index=True, nullable=False)
    access_event_id: Mapped[int] = mapped_column(ForeignKey("access_event.id"), nullable=False)
    direction: Mapped[str] = mapped_column(String(8), nullable=False)
    method: Mapped[str] = mapped_column(String(8), nullable=False)
    guard_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    plate: Mapped[str | None] = mapped_column(String(16))
    photo_key: Mapped[str | None] = mapped_column(String(255))
    notes: Mapped[str | None] = mapped_column(String(255))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)
