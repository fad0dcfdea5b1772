"""Finance workflows around the ledger: transfer proofs awaiting review, online checkouts
and provider webhook events, expenses, reminders and notifications, risk models."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
    Numeric,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from conserje.models.base import (
    Base,
    IdMixin,
    JSONText,
    PublicIdMixin,
    TenantMixin,
    UTCDateTime,
    utcnow,
)
from conserje.models.finance.ledger import money

PROOF_STATES = ("pending", "approved", "rejected")


class TransferProof(IdMixin, PublicIdMixin, TenantMixin, Base):
    """A resident's bank transfer with its receipt image/PDF, waiting for an admin.

    Approval books a payment entry in the ledger; the proof itself is workflow, not money.
    """

    __tablename__ = "transfer_proof"

    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"), index=True,
                                         nullable=False)
    amount: Mapped[Decimal] = mapped_column(money(), nullable=False)
    paid_on: Mapped[date] = mapped_column(Date, nullable=False)
    reference: Mapped[str | None] = mapped_column(String(120))
    proof_key: Mapped[str] = mapped_column(String(255), nullable=False)
    proof_type: Mapped[str] = mapped_column(String(60), nullable=False)
    status: Mapped[str] = mapped_column(String(10), default="pending", nullable=False)
    review_note: Mapped[str | None] = mapped_column(String(200))
    payment_id: Mapped[int | None] = mapped_column(
        ForeignKey("ledger_entry.id", ondelete="SET NULL"))
    submitted_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL"))
    reviewed_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL"))
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)


class PaymentCheckout(IdMixin, PublicIdMixin, TenantMixin, Base):
    """An online payment started by a resident at a provider (preference / session)."""

    __tablename__ = "payment_checkout"

    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"), index=True,
                                         nullable=False)
    amount: Mapped[Decimal] = mapped_column(money(), nullable=False)
    provider: Mapped[str] = mapped_column(String(16), nullable=False)
    provider_ref: Mapped[str | None] = mapped_column(String(120))
    redirect_url: Mapped[str | None] = mapped_column(String(1000))
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)


class ProviderEvent(IdMixin, TenantMixin, Base):
    """A webhook delivery already processed; the unique key makes redeliveries no-ops."""

    __tablename__ = "provider_event"
    __table_args__ = (UniqueConstraint("provider", "event_id"),)

    provider: Mapped[str] = mapped_column(String(16), nullable=False)
    event_id: Mapped[str] = mapped_column(String(120), nullable=False)
    payment_id: Mapped[int | None] = mapped_column(
        ForeignKey("ledger_entry.id", ondelete="SET NULL"))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)


class Expense(IdMixin, PublicIdMixin, TenantMixin, Base):
    """Money the condominium spent (egreso), with its supplier invoice in the media store."""

    __tablename__ = "expense"

    supplier: Mapped[str] = mapped_column(String(120), nullable=False)
    category: Mapped[str] = mapped_column(String(60), nullable=False)
    amount: Mapped[Decimal] = mapped_column(money(), nullable=False)
    spent_on: Mapped[date] = mapped_column(Date, nullable=False)
    description: Mapped[str | None] = mapped_column(String(200))
    invoice_key: Mapped[str | None] = mapped_column(String(255))
    invoice_type: Mapped[str | None] = mapped_column(String(60))
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)


class PaymentReminder(IdMixin, TenantMixin, Base):
    """A due-date reminder already sent: once per unit, charge and rule, ever."""

    __tablename__ = "payment_reminder"
    __table_args__ = (UniqueConstraint("unit_id", "charge_id", "offset_days"),)

    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"),
                                         nullable=False)
    charge_id: Mapped[int] = mapped_column(ForeignKey("ledger_entry.id", ondelete="CASCADE"),
                                           index=True, nullable=False)
    offset_days: Mapped[int] = mapped_column(Integer, nullable=False)
    recipients: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)


class RiskModel(IdMixin, TenantMixin, Base):
    """A trained delinquency model with its time-split validation metrics."""

    __tablename__ = "risk_model"

    trained_through: Mapped[str] = mapped_column(String(7), nullable=False)
    roc_auc: Mapped[Decimal | None] = mapped_column(Numeric(6, 4))
    precision_top10: Mapped[Decimal | None] = mapped_column(Numeric(6, 4))
    baseline_auc: Mapped[Decimal | None] = mapped_column(Numeric(6, 4))
    metrics: Mapped[Any] = mapped_column(JSONText)
    model_blob: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)
