"""Per-condominium finance settings, the charge catalogue, unit dues classes, and calendar
helpers."""
from __future__ import annotations

import calendar
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from conserje.models import ChargeType, Condominium, FinanceSettings, LedgerEntry, UnitFeeClass
from conserje.models.base import utcnow
from conserje.models.finance.ledger import (
    DEFAULT_REMINDER_OFFSETS,
    DUES_METHODS,
    INTEREST_KINDS,
    PROVIDERS,
)
from conserje.services.core import audit
from conserje.services.core.actor import Actor
from conserje.services.core.crud import TenantResource
from conserje.services.core.errors import Conflict, InvalidInput, NotFound
from conserje.services.finance import money
from conserje.services.setup.units import units

MONEY_FIELDS = ("dues_amount", "late_fee")


def get_settings(session: Session, condominium_id: int) -> FinanceSettings:
    """The condominium's settings; an unsaved default row when it never set any."""
    row = session.scalar(select(FinanceSettings)
                         .where(FinanceSettings.condominium_id == condominium_id))
    if row is not None:
        return row
    condo = session.get(Condominium, condominium_id)
    currency = condo.currency if condo and condo.currency in money.CURRENCY_EXPONENTS else "CLP"
    return FinanceSettings(condominium_id=condominium_id, currency=currency, billing_day=1,
                           due_day=10, dues_method="fixed", dues_amount=Decimal(0),
                           dues_by_class={}, interest_kind="none", interest_rate=Decimal(0),
                           late_fee=Decimal(0), grace_days=0, provider=None,
                           reminder_offsets=list(DEFAULT_REMINDER_OFFSETS),
                           quiet_from=21, quiet_until=8)


def read_settings(session: Session, actor: Actor) -> FinanceSettings:
    actor.require_capability("finance.read")
    return get_settings(session, actor.condominium_id)


def update_settings(session: Session, actor: Actor, data: dict[str, Any]) -> FinanceSettings:
    """Change the settings (only the fields given), checking amounts against the currency."""
    actor.require_capability("finance.bill")
    row = get_settings(session, actor.condominium_id)
    before = audit.snapshot(row) if row.id else None
    values = dict(data)
    currency = values.get("currency", row.currency)
    money.exponent(currency)
    if currency != row.currency and session.scalar(select(LedgerEntry.id).where(
            LedgerEntry.condominium_id == actor.condominium_id).limit(1)):
        raise Conflict("the currency cannot change once there are charges or payments",
                       {"currency": [f"the ledger is in {row.currency}"]})
    for name in MONEY_FIELDS:
        if name in data:
            values[name] = money.checked_amount(data[name], currency, name, allow_zero=True)
    if "dues_by_class" in data:
        values["dues_by_class"] = {
            str(k): str(money.checked_amount(v, currency, f"dues_by_class.{k}"))
            for k, v in (data["dues_by_class"] or {}).items()}
    _check_choices(values)
    for key, value in values.items():
        setattr(row, key, value)
    if row.id is None:
        session.add(row)
    session.flush()
    audit.record(session, actor_id=actor.user_id, condominium_id=actor.condominium_id,
                 action="update" if before else "create", entity="finance_settings",
                 entity_id=row.id, before=before, after=audit.snapshot(row))
    return row


def _check_choices(values: dict[str, Any]) -> None:
    if values.get("dues_method", "fixed") not in DUES_METHODS:
        raise InvalidInput("unknown dues method", {"dues_method": [f"one of {DUES_METHODS}"]})
    if values.get("interest_kind", "none") not in INTEREST_KINDS:
        raise InvalidInput("unknown interest kind",
                           {"interest_kind": [f"one of {INTEREST_KINDS}"]})
    if values.get("provider") not in (None, *PROVIDERS):
        raise InvalidInput("unknown payment provider", {"provider": [f"one of {PROVIDERS}"]})
    offsets = values.get("reminder_offsets")
    if offsets is not None and (len(offsets) > 10 or any(abs(o) > 90 for o in offsets)):
        raise InvalidInput("reminder rules: at most 10, within 90 days of the due date",
                           {"reminder_offsets": ["at most 10 values between -90 and 90"]})


def set_unit_class(session: Session, actor: Actor, unit_id: int, fee_class: str | None) -> None:
    """Put a unit in a dues class (``None`` removes it) for per-class dues."""
    actor.require_capability("finance.bill")
    units.get(session, actor, unit_id)  # 404 for other condominiums
    row = session.scalar(select(UnitFeeClass).where(UnitFeeClass.unit_id == unit_id))
    if fee_class is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(UnitFeeClass(condominium_id=actor.condominium_id, unit_id=unit_id,
                                 fee_class=fee_class))
    else:
        row.fee_class = fee_class
    session.flush()


def unit_classes(session: Session, condominium_id: int) -> dict[int, str]:
    rows = session.scalars(select(UnitFeeClass)
                           .where(UnitFeeClass.condominium_id == condominium_id))
    return {row.unit_id: row.fee_class for row in rows}


# -- charge catalogue: fines and other priced items (admins write it, managers read it) -

class ChargeTypes(TenantResource[ChargeType]):
    model = ChargeType
    entity = "charge_type"
    conflict_message = "a charge with this name is already in the catalogue"
    read_capability = "finance.read"
    write_capability = "finance.bill"

    def apply_filters(self, stmt, filters: dict[str, Any]):
        if filters.get("q"):
            stmt = stmt.where(ChargeType.name.ilike(f"%{filters['q']}%"))
        if "is_active" in filters:
            stmt = stmt.where(ChargeType.is_active.is_(filters["is_active"]))
        if filters.get("kind"):
            stmt = stmt.where(ChargeType.kind == filters["kind"])
        return stmt

    def validate(self, session: Session, actor: Actor, data: dict[str, Any],
                 obj: ChargeType | None) -> dict[str, Any]:
        if "amount" in data:
            currency = get_settings(session, actor.condominium_id).currency
            data["amount"] = money.checked_amount(data["amount"], currency)
        if "name" in data:
            self.ensure_unique(session, actor, obj, "name", name=data["name"])
        return data


charge_types = ChargeTypes()


# -- calendar -----------------------------------------------------------------------------

def local_now(session: Session, condominium_id: int, now: datetime | None = None) -> datetime:
    condo = session.get(Condominium, condominium_id)
    if condo is None:
        raise NotFound("condominium not found")
    return (now or utcnow()).astimezone(ZoneInfo(condo.time_zone or "UTC"))


def local_today(session: Session, condominium_id: int) -> date:
    """Today in the condominium's time zone: the booking date of new entries."""
    return local_now(session, condominium_id).date()


def day_in_month(year: int, month: int, day: int) -> date:
    """``day`` of the month, clamped to its last day (billing day 31 in February is the 28th)."""
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def parse_period(period: str) -> tuple[int, int]:
    try:
        year, month = (int(part) for part in period.split("-"))
        date(year, month, 1)
    except (ValueError, TypeError):
        raise InvalidInput("periods look like 2026-03", {"period": ["YYYY-MM"]}) from None
    return year, month


def period_dates(settings: FinanceSettings, period: str) -> tuple[date, date]:
    """Issue and due dates of a period's dues: due in the same month when the due day
    comes after the billing day, else in the next month."""
    year, month = parse_period(period)
    issued = day_in_month(year, month, settings.billing_day)
    if settings.due_day <= settings.billing_day:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return issued, day_in_month(year, month, settings.due_day)
