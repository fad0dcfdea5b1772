"""Read side of the ledger: balances, aging, statements, open charges, delinquency.

Everything is derived from the entries and allocations (``ledger.derive``); nothing
stores a balance that could drift from the entries.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from conserje.models import LedgerEntry, Unit
from conserje.services.core.actor import Actor
from conserje.services.core.errors import Forbidden, NotFound
from conserje.services.finance.ledger import ZERO, UnitAccount, load_account, load_accounts

BUCKETS = ("current", "d1_30", "d31_60", "d61_90", "d90_plus")


def bucket_of(due_on: date | None, today: date) -> str:
    """Aging bucket of an open amount by days past its due date."""
    late = (today - due_on).days if due_on else 0
    if late <= 0:
        return "current"
    if late <= 30:
        return "d1_30"
    if late <= 60:
        return "d31_60"
    if late <= 90:
        return "d61_90"
    return "d90_plus"


def aging(account: UnitAccount, today: date) -> dict[str, Decimal]:
    buckets = {name: ZERO for name in BUCKETS}
    for charge in account.open_charges():
        buckets[bucket_of(charge.due_on, today)] += account.open_by_charge[charge.id]
    return buckets


@dataclass
class Balance:
    unit_id: int
    unit_code: str
    balance: Decimal
    open_total: Decimal
    credit: Decimal
    aging: dict[str, Decimal]
    oldest_due_on: date | None = None
    days_late: int = 0


def require_money_access(actor: Actor) -> None:
    """Money is for managers and residents; guards and staff see none of it."""
    if not actor.can("finance.read") and not actor.can("finance.own"):
        raise Forbidden("your role does not see the condominium's money")


def scoped_unit(session: Session, actor: Actor, unit_id: int) -> Unit:
    """A unit the actor may see money of: managers any unit of the condominium, residents
    only their own (any other id is simply not found)."""
    require_money_access(actor)
    unit = session.scalar(select(Unit).where(Unit.id == unit_id,
                                             Unit.condominium_id == actor.condominium_id))
    if unit is None or (not actor.can("finance.read") and unit_id not in actor.unit_ids):
        raise NotFound("unit not found")
    return unit


def own_unit_ids(actor: Actor) -> list[int]:
    require_money_access(actor)
    if not actor.unit_ids and not actor.can("finance.read"):
        raise Forbidden("your account is not linked to a unit")
    return sorted(actor.unit_ids)


def balance_of(unit: Unit, account: UnitAccount, today: date) -> Balance:
    opened = account.open_charges()
    oldest = opened[0].due_on if opened else None
    late = max(0, (today - oldest).days) if oldest else 0
    return Balance(unit.id, unit.code, account.balance, account.open_total, account.credit,
                   aging(account, today), oldest, late)


def unit_balance(session: Session, actor: Actor, unit_id: int, today: date) -> Balance:
    unit = scoped_unit(session, actor, unit_id)
    return balance_of(unit, load_account(session, actor.condominium_id, unit_id), today)


@dataclass
class StatementLine:
    entry: LedgerEntry
    signed_amount: Decimal
    running_balance: Decimal


@dataclass
class Statement:
    unit: Unit
    opening_balance: Decimal
    lines: list[StatementLine] = field(default_factory=list)
    closing_balance: Decimal = ZERO


def signed(entry: LedgerEntry, types: dict[int, str]) -> Decimal:
    """+ for what the unit owes, - for what it paid; a reversal negates its original."""
    if entry.entry_type == "charge":
        return entry.amount
    if entry.entry_type == "payment":
        return -entry.amount
    return -entry.amount if types.get(entry.reverses_id) == "charge" else entry.amount


def statement(session: Session, actor: Actor, unit_id: int, start: date | None,
              end: date | None) -> Statement:
    """Entries of a unit between two booking dates with a running balance."""
    unit = scoped_unit(session, actor, unit_id)
    entries = list(session.scalars(select(LedgerEntry).where(
        LedgerEntry.unit_id == unit_id, LedgerEntry.condominium_id == actor.condominium_id)
        .order_by(LedgerEntry.booked_on, LedgerEntry.id)))
    types = {e.id: e.entry_type for e in entries}
    result = Statement(unit, ZERO)
    running = ZERO
    for entry in entries:
        amount = signed(entry, types)
        if start and entry.booked_on < start:
            result.opening_balance += amount
            running += amount
            continue
        if end and entry.booked_on > end:
            break
        running += amount
        result.lines.append(StatementLine(entry, amount, running))
    result.closing_balance = running
    return result


def delinquency(session: Session, actor: Actor, today: date, min_days: int = 1) -> list[Balance]:
    """Units owing money past due, most days late first, then largest debt."""
    actor.require_capability("finance.read")
    units = {u.id: u for u in session.scalars(
        select(Unit).where(Unit.condominium_id == actor.condominium_id))}
    accounts = load_accounts(session, actor.condominium_id, list(units))
    rows = [balance_of(units[uid], acc, today) for uid, acc in accounts.items() if uid in units]
    rows = [r for r in rows if r.days_late >= min_days and r.open_total > 0]
    return sorted(rows, key=lambda r: (-r.days_late, -r.open_total, r.unit_code))


def balances(session: Session, actor: Actor, today: date) -> list[Balance]:
    """Balances of every unit (managers) or of the resident's own units."""
    stmt = select(Unit).where(Unit.condominium_id == actor.condominium_id)
    if not actor.can("finance.read"):
        stmt = stmt.where(Unit.id.in_(own_unit_ids(actor)))
    units = list(session.scalars(stmt.order_by(Unit.code)))
    accounts = load_accounts(session, actor.condominium_id, [u.id for u in units])
    return [balance_of(unit, accounts[unit.id], today) for unit in units]
