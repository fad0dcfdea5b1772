"""The append-only access log (hash-chained per condominium) that every way in writes to
(face, QR, document, manual, plate), and the alerts raised at the gates."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, Numeric, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from conserje.models.base import Base, IdMixin, TenantMixin, UTCDateTime, utcnow
from conserje.models.setup.gate import Gate
from conserje.models.setup.person import Person

ACCESS_METHODS = ("face", "qr", "plate", "manual", "document")
ACCESS_DECISIONS = ("granted", "denied", "unknown")
ACCESS_DIRECTIONS = ("entry", "exit")
ALERT_KINDS = ("unknown_face", "blacklisted", "doc_mismatch", "overstay", "flagged_visitor")


class AccessEvent(IdMixin, TenantMixin, Base):
    """One entry or exit decision. Never updated or deleted (except ``snapshot_key``, which
    the retention purge clears; the chain covers the photo's SHA-256 instead of its key).

    ``prev_hash`` is the ``row_hash`` of the condominium's previous row (by ``seq_no``),
    so changing or deleting any row breaks the chain (``conserje verify-log``).
    """

    __tablename__ = "access_event"
    __table_args__ = (UniqueConstraint("condominium_id", "seq_no"),)

    seq_no: Mapped[int] = mapped_column(Integer, nullable=False)
    # No ON DELETE: people, gates and guards with history cannot silently vanish from it.
    gate_id: Mapped[int] = mapped_column(ForeignKey("gate.id"), index=True, nullable=False)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    direction: Mapped[str] = mapped_column(String(8), nullable=False)
    method: Mapped[str] = mapped_column(String(8), nullable=False)
    decision: Mapped[str] = mapped_column(String(10), nullable=False)
    reason: Mapped[str | None] = mapped_column(String(255))
    similarity: Mapped[float | None] = mapped_column(Numeric(6, 4, asdecimal=False))
    model_version: Mapped[int | None] = mapped_column(Integer)
    snapshot_key: Mapped[str | None] = mapped_column(String(255))
    snapshot_sha256: Mapped[str | None] = mapped_column(String(64))
    guard_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), index=True)
    device_id: Mapped[int | None] = mapped_column(ForeignKey("gate_device.id"))
    correction_of_id: Mapped[int | None] = mapped_column(ForeignKey("access_event.id"),
                                                         index=True)
    # When it happened (a correction keeps the moment it corrects) and when it was written.
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)
    prev_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    row_hash: Mapped[str] = mapped_column(String(64), nullable=False)

    person: Mapped[Person | None] = relationship(lazy="joined")
    gate: Mapped[Gate] = relationship(lazy="joined")


class GateAlert(IdMixin, TenantMixin, Base):
    """Something a guard must look at (an unknown face...); acknowledged once."""

    __tablename__ = "gate_alert"

    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    gate_id: Mapped[int] = mapped_column(ForeignKey("gate.id", ondelete="CASCADE"),
                                         index=True, nullable=False)
    access_event_id: Mapped[int | None] = mapped_column(ForeignKey("access_event.id"),
                                                        index=True)
    message: Mapped[str] = mapped_column(String(255), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False,
                                                 index=True)
    acked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    acked_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL"))
