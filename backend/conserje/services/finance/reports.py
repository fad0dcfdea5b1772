"""Income-vs-expense by month and category, and its CSV export.

Income is money received: active payments, split by the kind of charge each part paid
(dues, fines, reservations...) and ``advance`` for what is still unallocated credit.
"""
from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from conserje.models import Expense
from conserje.services.core.actor import Actor
from conserje.services.finance.ledger import load_accounts


@dataclass
class ReportRow:
    month: str
    direction: str  # income | expense
    category: str
    amount: Decimal


@dataclass
class MonthTotal:
    month: str
    income: Decimal
    expense: Decimal
    net: Decimal


def _month(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def income_expense(session: Session, actor: Actor, start: date, end: date
                   ) -> tuple[list[ReportRow], list[MonthTotal]]:
    """Rows per (month, direction, category) and totals per month, between two dates."""
    actor.require_capability("finance.read")
    sums: dict[tuple[str, str, str], Decimal] = defaultdict(Decimal)
    for account in load_accounts(session, actor.condominium_id).values():
        kinds = {c.id: c.kind for c in account.charges}
        for payment in account.payments:
            if not start <= payment.booked_on <= end:
                continue
            month = _month(payment.booked_on)
            allocated = _allocated_by_kind(account, payment.id, kinds)
            for kind, amount in allocated.items():
                sums[(month, "income", kind)] += amount
            unassigned = payment.amount - sum(allocated.values(), Decimal(0))
            if unassigned:
                sums[(month, "income", "advance")] += unassigned
    expenses = session.scalars(select(Expense).where(
        Expense.condominium_id == actor.condominium_id, Expense.spent_on >= start,
        Expense.spent_on <= end))
    for expense in expenses:
        sums[(_month(expense.spent_on), "expense", expense.category)] += expense.amount
    rows = [ReportRow(m, d, c, a) for (m, d, c), a in sorted(sums.items())]
    totals: dict[str, list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])
    for row in rows:
        totals[row.month][0 if row.direction == "income" else 1] += row.amount
    return rows, [MonthTotal(m, i, e, i - e) for m, (i, e) in sorted(totals.items())]


def _allocated_by_kind(account, payment_id: int, kinds: dict[int, str]) -> dict[str, Decimal]:
    out: dict[str, Decimal] = defaultdict(Decimal)
    for charge_id, amount in account.allocated_by_payment.get(payment_id, {}).items():
        if charge_id in kinds:
            out[kinds[charge_id]] += amount
    return out


def to_csv(rows: list[ReportRow]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["month", "direction", "category", "amount"])
    for row in rows:
        writer.writerow([row.month, row.direction, row.category, str(row.amount)])
    return buffer.getvalue().encode("utf-8")
