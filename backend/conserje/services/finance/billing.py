"""Monthly billing: dues for every unit of a period, late fees and late interest.

Every charge carries an idempotence key (``dues:<unit>:<period>``,
``interest:<unit>:<period>``, ``late_fee:<charge>``) that is unique in the database, so
running a period twice, or from two processes at once, charges each unit once.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from conserje.models import FinanceSettings, LedgerEntry, Unit
from conserje.services.core.errors import Conflict, InvalidInput
from conserje.services.finance import ledger, money
from conserje.services.finance.settings import (
    get_settings,
    local_now,
    parse_period,
    period_dates,
    unit_classes,
)

INTEREST_BASE_KINDS = {"simple": ("dues", "fine", "reservation", "other"),
                       "compound": ("dues", "fine", "reservation", "other", "interest",
                                    "late_fee")}


@dataclass
class BillingResult:
    period: str
    created: int = 0
    skipped: int = 0
    total: Decimal = Decimal(0)
    late_fees: int = 0
    interest_charges: int = 0
    units_without_class: list[str] = field(default_factory=list)


def dues_for_units(settings: FinanceSettings, units: list[Unit],
                   classes: dict[int, str]) -> tuple[dict[int, Decimal], list[str]]:
    """Each unit's dues under the condominium's rule, and the units left out (no class)."""
    currency = settings.currency
    if settings.dues_method == "coefficient":
        missing = [u.code for u in units if not u.coefficient or u.coefficient <= 0]
        if missing:
            raise InvalidInput("every unit needs an ownership coefficient to prorate dues",
                               {"coefficient": [f"missing for {', '.join(missing[:20])}"]})
        return money.prorate(settings.dues_amount, [(u.id, u.coefficient) for u in units],
                             currency), []
    if settings.dues_method == "unit_class":
        table = settings.dues_by_class or {}
        amounts, left_out = {}, []
        for unit in units:
            fee_class = classes.get(unit.id)
            if fee_class in table:
                amounts[unit.id] = Decimal(table[fee_class])
            else:
                left_out.append(unit.code)
        return amounts, left_out
    return {u.id: settings.dues_amount for u in units}, []


def bill_period(session: Session, condominium_id: int, period: str,
                created_by_id: int | None = None) -> BillingResult:
    """Charge every unit its dues for ``period`` (YYYY-MM); units already billed are skipped."""
    parse_period(period)
    settings = get_settings(session, condominium_id)
    if settings.id is None or settings.dues_amount <= 0 and settings.dues_method != "unit_class":
        raise InvalidInput("set the dues in the finance settings first",
                           {"dues_amount": ["not configured"]})
    units = list(session.scalars(select(Unit).where(Unit.condominium_id == condominium_id)
                                 .order_by(Unit.id)))
    amounts, left_out = dues_for_units(settings, units, unit_classes(session, condominium_id))
    issued, due = period_dates(settings, period)
    keys = {f"dues:{unit_id}:{period}": unit_id for unit_id in amounts}
    done = set(session.scalars(select(LedgerEntry.idem_key)
                               .where(LedgerEntry.idem_key.in_(list(keys)))))
    result = BillingResult(period, units_without_class=left_out)
    for key, unit_id in keys.items():
        if key in done or amounts[unit_id] <= 0:
            result.skipped += 1
            continue
        try:
            ledger.post_charge(session, condominium_id, unit_id, "dues", amounts[unit_id],
                               issued, due, period=period, description=f"Gastos comunes {period}",
                               idem_key=key, created_by_id=created_by_id)
        except Conflict:
            result.skipped += 1  # another process billed this unit a moment ago
            continue
        result.created += 1
        result.total += amounts[unit_id]
    return result


def apply_late_charges(session: Session, condominium_id: int, period: str,
                       today: date) -> BillingResult:
    """Late fee once per overdue dues charge, and the period's interest on overdue debt."""
    settings = get_settings(session, condominium_id)
    result = BillingResult(period)
    if settings.id is None:
        return result
    _, due = period_dates(settings, period)
    cutoff = today - timedelta(days=settings.grace_days)
    accounts = ledger.load_accounts(session, condominium_id)
    for unit_id, account in accounts.items():
        overdue = [c for c in account.open_charges() if c.due_on and c.due_on < cutoff]
        if settings.late_fee > 0:
            for charge in (c for c in overdue if c.kind == "dues"):
                if _try_charge(session, condominium_id, unit_id, "late_fee", settings.late_fee,
                               today, due, period, f"late_fee:{charge.id}",
                               f"Multa por atraso {charge.period or ''}".strip()):
                    result.late_fees += 1
        rate = settings.interest_rate / Decimal(100)
        if settings.interest_kind == "none" or rate <= 0:
            continue
        base_kinds = INTEREST_BASE_KINDS[settings.interest_kind]
        base = sum((account.open_by_charge[c.id] for c in overdue if c.kind in base_kinds),
                   Decimal(0))
        interest = money.round_money(base * rate, settings.currency)
        if interest > 0 and _try_charge(session, condominium_id, unit_id, "interest", interest,
                                        today, due, period, f"interest:{unit_id}:{period}",
                                        f"Interés por mora {period}"):
            result.interest_charges += 1
            result.total += interest
    return result


def _try_charge(session, condominium_id, unit_id, kind, amount, booked_on, due_on, period,
                key, description) -> bool:
    if session.scalar(select(LedgerEntry.id).where(LedgerEntry.idem_key == key)):
        return False
    try:
        ledger.post_charge(session, condominium_id, unit_id, kind, amount, booked_on, due_on,
                           period=period, description=description, idem_key=key)
    except Conflict:
        return False
    return True


CATCH_UP_DAYS = 3


def due_today(session: Session, now: datetime | None = None) -> list[tuple[int, str, date]]:
    """(condominium, period, local date) for every condominium whose billing day it is in
    its own time zone, or was up to ``CATCH_UP_DAYS`` ago (a scheduler that was down
    bills late rather than never; the unique keys make the extra runs no-ops)."""
    out = []
    for settings in session.scalars(select(FinanceSettings)):
        local = local_now(session, settings.condominium_id, now)
        period = f"{local.year:04d}-{local.month:02d}"
        issued, _ = period_dates(settings, period)
        if issued <= local.date() <= issued + timedelta(days=CATCH_UP_DAYS):
            out.append((settings.condominium_id, period, local.date()))
    return out
