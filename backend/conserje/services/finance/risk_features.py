"""Payment-history features for delinquency prediction, computed at a cutoff date.

Only what was known before the cutoff counts: dues charges due before it, payments
booked before it. A charge's payment date is when its (active) allocations reached its
amount, dated by the paying entries' booking dates.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from conserje.models import LedgerEntry
from conserje.services.finance.accounts import signed
from conserje.services.finance.ledger import ACCOUNT_COLUMNS, load_accounts

FEATURES = ("mean_days_late", "max_days_late", "share_on_time", "share_partial",
            "months_owed", "balance_trend", "last_late")
LATE_CAP = 120  # days: beyond this, "very late" is all the model needs to know


@dataclass
class DuesRecord:
    period: str
    issued_on: date
    due_on: date
    amount: Decimal
    paid_by_due: Decimal
    fully_paid_on: date | None


@dataclass
class UnitHistory:
    unit_id: int
    dues: list[DuesRecord] = field(default_factory=list)
    # (booking date, balance after that day's entries), ascending.
    balance_days: list[date] = field(default_factory=list)
    balance_values: list[Decimal] = field(default_factory=list)

    def balance_before(self, day: date) -> Decimal:
        index = bisect_left(self.balance_days, day)
        return self.balance_values[index - 1] if index else Decimal(0)


def load_histories(session: Session, condominium_id: int) -> dict[int, UnitHistory]:
    """Every unit's dues record and daily balance series, in a few queries."""
    accounts = load_accounts(session, condominium_id)
    entries = session.execute(select(*ACCOUNT_COLUMNS).where(
        LedgerEntry.condominium_id == condominium_id).order_by(LedgerEntry.booked_on,
                                                               LedgerEntry.id)).all()
    types = {e.id: e.entry_type for e in entries}
    histories = {uid: UnitHistory(uid) for uid in accounts}
    for entry in entries:
        history = histories.setdefault(entry.unit_id, UnitHistory(entry.unit_id))
        value = (history.balance_values[-1] if history.balance_values else Decimal(0)) + \
            signed(entry, types)
        if history.balance_days and history.balance_days[-1] == entry.booked_on:
            history.balance_values[-1] = value
        else:
            history.balance_days.append(entry.booked_on)
            history.balance_values.append(value)
    for unit_id, account in accounts.items():
        paid_on = {p.id: p.booked_on for p in account.payments}
        parts: dict[int, list[tuple[date, Decimal]]] = {}
        for payment_id, charges in account.allocated_by_payment.items():
            for charge_id, amount in charges.items():
                parts.setdefault(charge_id, []).append((paid_on[payment_id], amount))
        for charge in sorted((c for c in account.charges if c.kind == "dues"),
                             key=lambda c: c.due_on or c.booked_on):
            running, full, by_due = Decimal(0), None, Decimal(0)
            for day, amount in sorted(parts.get(charge.id, [])):
                running += amount
                if day <= (charge.due_on or charge.booked_on):
                    by_due += amount
                if full is None and running >= charge.amount:
                    full = day
            histories[unit_id].dues.append(DuesRecord(
                charge.period or "", charge.booked_on, charge.due_on or charge.booked_on,
                charge.amount, by_due, full))
    return histories


def days_late(record: DuesRecord, cutoff: date) -> int:
    if record.fully_paid_on is not None and record.fully_paid_on < cutoff:
        return min(LATE_CAP, max(0, (record.fully_paid_on - record.due_on).days))
    return min(LATE_CAP, max(0, (cutoff - record.due_on).days))


def features_at(history: UnitHistory, cutoff: date) -> list[float] | None:
    """The feature vector (``FEATURES`` order) at ``cutoff``; None without 3 known dues."""
    known = [d for d in history.dues if d.due_on < cutoff][-12:]
    if len(known) < 3:
        return None
    lates = [days_late(d, cutoff) for d in known]
    on_time = [d.fully_paid_on is not None and d.fully_paid_on <= d.due_on < cutoff
               for d in known]
    partial = [0 < d.paid_by_due < d.amount for d in known]
    dues = float(known[-1].amount) or 1.0
    now = float(history.balance_before(cutoff))
    before = float(history.balance_before(known[-3].due_on))
    return [sum(lates) / len(lates), float(max(lates)), sum(on_time) / len(known),
            sum(partial) / len(known), now / dues, (now - before) / dues,
            1.0 if lates[-1] > 0 else 0.0]


def paid_late(record: DuesRecord) -> bool:
    """The label: the charge was not fully paid by its due date."""
    return record.fully_paid_on is None or record.fully_paid_on > record.due_on


def training_rows(histories: dict[int, UnitHistory], last_day: date
                  ) -> list[tuple[str, int, list[float], int]]:
    """(period, unit, features at the period's issue date, paid late?) for every dues
    charge whose due date is before ``last_day`` (so its outcome is known)."""
    rows = []
    for unit_id, history in histories.items():
        for record in history.dues:
            if record.due_on >= last_day:
                continue
            vector = features_at(history, record.issued_on)
            if vector is not None:
                rows.append((record.period, unit_id, vector, int(paid_late(record))))
    return sorted(rows)
