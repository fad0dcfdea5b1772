"""The unit ledger: append charges, payments and reversals, and allocate payments.

Nothing here updates or deletes an entry. After every write the unit is *settled*:
unallocated payment money (credit) is applied to open charges, oldest due first, so a
unit never has credit and open charges at the same time. Writes to one unit are
serialised by locking its row, so concurrent payments cannot allocate the same debt.
"""
from __future__ import annotations

import secrets
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Iterable

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from conserje.models import CHARGE_KINDS, PAYMENT_METHODS, Allocation, LedgerEntry, Unit
from conserje.services.core.errors import Conflict, InvalidInput, NotFound

ZERO = Decimal(0)
# What deriving an account reads from each entry (no texts, no timestamps to convert).
ACCOUNT_COLUMNS = (LedgerEntry.id, LedgerEntry.unit_id, LedgerEntry.entry_type, LedgerEntry.kind,
                   LedgerEntry.amount, LedgerEntry.period, LedgerEntry.booked_on,
                   LedgerEntry.due_on, LedgerEntry.reverses_id)
RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


@dataclass
class UnitAccount:
    """A unit's derived state: what each active charge still owes, what each payment
    has left unallocated, and which entries are reversed."""

    unit_id: int
    charges: list[LedgerEntry] = field(default_factory=list)
    payments: list[LedgerEntry] = field(default_factory=list)
    reversed_ids: set[int] = field(default_factory=set)
    open_by_charge: dict[int, Decimal] = field(default_factory=dict)
    left_by_payment: dict[int, Decimal] = field(default_factory=dict)
    # Active allocations: payment id -> charge id -> amount.
    allocated_by_payment: dict[int, dict[int, Decimal]] = field(default_factory=dict)

    @property
    def open_total(self) -> Decimal:
        return sum(self.open_by_charge.values(), ZERO)

    @property
    def credit(self) -> Decimal:
        return sum(self.left_by_payment.values(), ZERO)

    @property
    def balance(self) -> Decimal:
        """What the unit owes (negative: money in its favour)."""
        return self.open_total - self.credit

    def open_charges(self) -> list[LedgerEntry]:
        """Active charges with something left to pay, oldest due first."""
        rows = [c for c in self.charges if self.open_by_charge.get(c.id, ZERO) > 0]
        return sorted(rows, key=charge_order)


def charge_order(charge: LedgerEntry) -> tuple:
    return (charge.due_on or charge.booked_on, charge.booked_on, charge.id)


def derive(entries: Iterable[LedgerEntry],
           allocations: Iterable[Allocation]) -> dict[int, UnitAccount]:
    """Fold entries and allocations into one :class:`UnitAccount` per unit (pure).

    ``entries`` may be ORM objects or plain rows with the same attribute names."""
    accounts: dict[int, UnitAccount] = {}
    by_id: dict[int, LedgerEntry] = {}
    reversed_ids: set[int] = set()
    for entry in entries:
        by_id[entry.id] = entry
        if entry.entry_type == "reversal" and entry.reverses_id is not None:
            reversed_ids.add(entry.reverses_id)
    for entry in by_id.values():
        account = accounts.setdefault(entry.unit_id, UnitAccount(entry.unit_id))
        if entry.entry_type == "reversal":
            account.reversed_ids.add(entry.reverses_id)
        elif entry.id not in reversed_ids:
            target = account.charges if entry.entry_type == "charge" else account.payments
            target.append(entry)
    for account in accounts.values():
        account.open_by_charge = {c.id: c.amount for c in account.charges}
        account.left_by_payment = {p.id: p.amount for p in account.payments}
    for alloc in allocations:
        account = accounts.get(by_id[alloc.charge_id].unit_id) if alloc.charge_id in by_id \
            else None
        if account is None or alloc.charge_id in reversed_ids or alloc.payment_id in reversed_ids:
            continue  # an allocation dies with either side
        account.open_by_charge[alloc.charge_id] -= alloc.amount
        account.left_by_payment[alloc.payment_id] -= alloc.amount
        paid = account.allocated_by_payment.setdefault(alloc.payment_id, {})
        paid[alloc.charge_id] = paid.get(alloc.charge_id, ZERO) + alloc.amount
    return accounts


def load_accounts(session: Session, condominium_id: int,
                  unit_ids: Iterable[int] | None = None) -> dict[int, UnitAccount]:
    """Every account of the condominium (or of ``unit_ids``) in two queries."""
    # Plain rows, not ORM objects: a condominium's whole history loads ~20x faster, and
    # derived accounts are read-only anyway (rows have the same attribute names).
    entries = select(*ACCOUNT_COLUMNS).where(LedgerEntry.condominium_id == condominium_id)
    allocs = select(Allocation.payment_id, Allocation.charge_id, Allocation.amount).where(
        Allocation.condominium_id == condominium_id)
    if unit_ids is not None:
        ids = list(unit_ids)
        entries = entries.where(LedgerEntry.unit_id.in_(ids))
        allocs = allocs.where(Allocation.charge_id.in_(
            select(LedgerEntry.id).where(LedgerEntry.unit_id.in_(ids))))
    session.flush()
    accounts = derive(session.execute(entries.order_by(LedgerEntry.id)).all(),
                      session.execute(allocs.order_by(Allocation.id)).all())
    for unit_id in unit_ids or ():
        accounts.setdefault(unit_id, UnitAccount(unit_id))
    return accounts


def load_account(session: Session, condominium_id: int, unit_id: int) -> UnitAccount:
    return load_accounts(session, condominium_id, [unit_id])[unit_id]


def lock_unit(session: Session, condominium_id: int, unit_id: int) -> None:
    """Lock the unit row for this transaction: ledger writes to one unit run one at a time."""
    found = session.scalar(select(Unit.id).where(Unit.id == unit_id,
                                                 Unit.condominium_id == condominium_id)
                           .with_for_update())
    if found is None:
        raise NotFound("unit not found", {"unit_id": ["not found"]})


def settle(session: Session, condominium_id: int, unit_id: int) -> UnitAccount:
    """Apply unallocated payments to open charges, oldest payment to oldest charge."""
    session.flush()
    account = load_account(session, condominium_id, unit_id)
    payments = sorted((p for p in account.payments if account.left_by_payment[p.id] > 0),
                      key=lambda p: (p.booked_on, p.id))
    for charge in account.open_charges():
        for payment in payments:
            owed = account.open_by_charge[charge.id]
            left = account.left_by_payment[payment.id]
            if owed <= 0:
                break
            if left <= 0:
                continue
            applied = min(owed, left)
            session.add(Allocation(condominium_id=condominium_id, payment_id=payment.id,
                                   charge_id=charge.id, amount=applied))
            account.open_by_charge[charge.id] -= applied
            account.left_by_payment[payment.id] -= applied
    session.flush()
    return account


def _insert(session: Session, entry: LedgerEntry) -> LedgerEntry:
    """Insert in a savepoint so a duplicate idempotence key is a clean ``Conflict``."""
    try:
        with session.begin_nested():
            session.add(entry)
    except IntegrityError:
        raise Conflict("this entry was already recorded",
                       {"idem_key": [entry.idem_key or "duplicate"]}) from None
    return entry


def post_charge(session: Session, condominium_id: int, unit_id: int, kind: str,
                amount: Decimal, booked_on: date, due_on: date, *, period: str | None = None,
                description: str | None = None, idem_key: str | None = None,
                charge_type_id: int | None = None, created_by_id: int | None = None
                ) -> LedgerEntry:
    """Charge a unit; credit it already has pays the new charge at once."""
    if kind not in CHARGE_KINDS:
        raise InvalidInput("unknown charge kind", {"kind": [f"one of {CHARGE_KINDS}"]})
    lock_unit(session, condominium_id, unit_id)
    entry = _insert(session, LedgerEntry(
        condominium_id=condominium_id, unit_id=unit_id, entry_type="charge", kind=kind,
        amount=amount, booked_on=booked_on, due_on=due_on, period=period,
        description=description, idem_key=idem_key, charge_type_id=charge_type_id,
        created_by_id=created_by_id))
    settle(session, condominium_id, unit_id)
    return entry


def post_payment(session: Session, condominium_id: int, unit_id: int, method: str,
                 amount: Decimal, booked_on: date, *, reference: str | None = None,
                 idem_key: str | None = None, description: str | None = None,
                 created_by_id: int | None = None) -> LedgerEntry:
    """Record money received; it pays the oldest open charges, the rest is credit."""
    if method not in PAYMENT_METHODS:
        raise InvalidInput("unknown payment method", {"method": [f"one of {PAYMENT_METHODS}"]})
    lock_unit(session, condominium_id, unit_id)
    code = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(12))
    entry = _insert(session, LedgerEntry(
        condominium_id=condominium_id, unit_id=unit_id, entry_type="payment", kind=method,
        amount=amount, booked_on=booked_on, reference=reference, idem_key=idem_key,
        description=description, receipt_code=code, created_by_id=created_by_id))
    settle(session, condominium_id, unit_id)
    return entry


def reverse(session: Session, condominium_id: int, entry_id: int, reason: str,
            booked_on: date, created_by_id: int | None = None) -> LedgerEntry:
    """Undo a charge or payment with a new entry; its allocations stop counting and the
    unit is settled again (a reversed charge's payments become credit for other debt)."""
    original = session.scalar(select(LedgerEntry).where(
        LedgerEntry.id == entry_id, LedgerEntry.condominium_id == condominium_id))
    if original is None:
        raise NotFound("entry not found")
    if original.entry_type == "reversal":
        raise Conflict("a reversal cannot be reversed; record a new entry instead")
    lock_unit(session, condominium_id, original.unit_id)
    if session.scalar(select(LedgerEntry.id).where(LedgerEntry.reverses_id == original.id)):
        raise Conflict("this entry is already reversed")
    entry = _insert(session, LedgerEntry(
        condominium_id=condominium_id, unit_id=original.unit_id, entry_type="reversal",
        kind=original.kind, amount=original.amount, booked_on=booked_on,
        period=original.period, reverses_id=original.id, description=reason,
        created_by_id=created_by_id))
    settle(session, condominium_id, original.unit_id)
    return entry


def allocations_of(session: Session, payment_id: int) -> dict[int, Decimal]:
    """Charge id -> amount this payment was ever applied to, including allocations that
    stopped counting when either side was reversed (history; see ``allocated_by_payment``
    for the current state)."""
    totals: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for alloc in session.scalars(select(Allocation).where(Allocation.payment_id == payment_id)):
        totals[alloc.charge_id] += alloc.amount
    return dict(totals)
