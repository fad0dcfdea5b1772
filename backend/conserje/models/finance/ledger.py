"""Finance: per-condominium settings, the charge catalogue and the append-only unit ledger.

The ledger never changes a row: a charge or payment is undone by a *reversal* entry that
points at it (``reverses_id`` is unique, so nothing is reversed twice), and balances,
open amounts and aging are always derived from the entries and their allocations.
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Boolean, Date, ForeignKey, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from conserje.models.base import (
    Base,
    IdMixin,
    JSONText,
    PublicIdMixin,
    TenantMixin,
    TimestampMixin,
    UTCDateTime,
    utcnow,
)

DUES_METHODS = ("fixed", "unit_class", "coefficient")
INTEREST_KINDS = ("none", "simple", "compound")
PROVIDERS = ("mercadopago", "stripe")
ENTRY_TYPES = ("charge", "payment", "reversal")
CHARGE_KINDS = ("dues", "fine", "reservation", "interest", "late_fee", "other")
# Charges an administrator posts by hand (and the kinds of the charge catalogue); dues,
# interest and late fees only come from billing.
MANUAL_CHARGE_KINDS = ("fine", "reservation", "other")
PAYMENT_METHODS = ("online", "transfer", "cash")
DEFAULT_REMINDER_OFFSETS = [-5, -1, 1, 7, 15]


def money() -> Numeric:
    return Numeric(14, 2)


class FinanceSettings(IdMixin, TenantMixin, TimestampMixin, Base):
    """How a condominium bills: currency, calendar, dues rule, late rules, payments."""

    __tablename__ = "finance_settings"
    __table_args__ = (UniqueConstraint("condominium_id"),)

    currency: Mapped[str] = mapped_column(String(3), nullable=False)
    billing_day: Mapped[int] = mapped_column(Integer, default=1, nullable=False)
    due_day: Mapped[int] = mapped_column(Integer, default=10, nullable=False)
    dues_method: Mapped[str] = mapped_column(String(12), default="fixed", nullable=False)
    # fixed: each unit pays dues_amount; coefficient: dues_amount is the monthly total
    # prorated by ownership coefficient; unit_class: dues_by_class[class] per unit.
    dues_amount: Mapped[Decimal] = mapped_column(money(), default=Decimal(0), nullable=False)
    dues_by_class: Mapped[Any] = mapped_column(JSONText)
    interest_kind: Mapped[str] = mapped_column(String(10), default="none", nullable=False)
    # Monthly late interest in percent (1.5 = 1.5% a month).
    interest_rate: Mapped[Decimal] = mapped_column(Numeric(7, 4), default=Decimal(0),
                                                   nullable=False)
    late_fee: Mapped[Decimal] = mapped_column(money(), default=Decimal(0), nullable=False)
    grace_days: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    provider: Mapped[str | None] = mapped_column(String(16))
    bank_details: Mapped[str | None] = mapped_column(Text)
    reminder_offsets: Mapped[Any] = mapped_column(JSONText)
    quiet_from: Mapped[int] = mapped_column(Integer, default=21, nullable=False)
    quiet_until: Mapped[int] = mapped_column(Integer, default=8, nullable=False)


class ChargeType(IdMixin, TenantMixin, TimestampMixin, Base):
    """A priced item of the condominium's catalogue: fines (noise, pets, parking...),
    bookable spaces and other charges (a key copy, a parking space rent...)."""

    __tablename__ = "charge_type"
    __table_args__ = (UniqueConstraint("condominium_id", "name"),)

    kind: Mapped[str] = mapped_column(String(12), default="fine", nullable=False)
    name: Mapped[str] = mapped_column(String(80), nullable=False)
    amount: Mapped[Decimal] = mapped_column(money(), nullable=False)
    description: Mapped[str | None] = mapped_column(String(200))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)


class UnitFeeClass(IdMixin, TenantMixin, Base):
    """The dues class of a unit ("studio", "penthouse"...) for per-class dues."""

    __tablename__ = "unit_fee_class"
    __table_args__ = (UniqueConstraint("unit_id"),)

    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"),
                                         nullable=False)
    fee_class: Mapped[str] = mapped_column(String(30), nullable=False)


class LedgerEntry(IdMixin, PublicIdMixin, TenantMixin, Base):
    """One immutable line of a unit's account: a charge, a payment or a reversal."""

    __tablename__ = "ledger_entry"

    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"), index=True,
                                         nullable=False)
    entry_type: Mapped[str] = mapped_column(String(10), nullable=False)
    kind: Mapped[str] = mapped_column(String(12), nullable=False)
    amount: Mapped[Decimal] = mapped_column(money(), nullable=False)  # always > 0
    period: Mapped[str | None] = mapped_column(String(7))  # YYYY-MM
    description: Mapped[str | None] = mapped_column(String(200))
    booked_on: Mapped[date] = mapped_column(Date, nullable=False)
    due_on: Mapped[date | None] = mapped_column(Date)
    reverses_id: Mapped[int | None] = mapped_column(
        ForeignKey("ledger_entry.id", ondelete="CASCADE"), unique=True)
    # Idempotence key: "dues:<unit>:<period>", "interest:<unit>:<period>",
    # "stripe:<payment id>"... A second insert with the same key fails in the database.
    idem_key: Mapped[str | None] = mapped_column(String(120), unique=True)
    reference: Mapped[str | None] = mapped_column(String(120))
    receipt_code: Mapped[str | None] = mapped_column(String(20), unique=True)
    charge_type_id: Mapped[int | None] = mapped_column(
        ForeignKey("charge_type.id", ondelete="SET NULL"))
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)


class Allocation(IdMixin, TenantMixin, Base):
    """Part of a payment applied to a charge. Active while neither side is reversed."""

    __tablename__ = "ledger_allocation"

    payment_id: Mapped[int] = mapped_column(ForeignKey("ledger_entry.id", ondelete="CASCADE"),
                                            index=True, nullable=False)
    charge_id: Mapped[int] = mapped_column(ForeignKey("ledger_entry.id", ondelete="CASCADE"),
                                           index=True, nullable=False)
    amount: Mapped[Decimal] = mapped_column(money(), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)
