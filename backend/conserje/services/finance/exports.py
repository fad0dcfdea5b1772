"""Rows for the finance downloads (charges, payments, delinquency ranking, income vs
expense) and the delinquency report as PDF.

Rows are plain dictionaries of strings and numbers so the API's CSV/XLSX writer can take
them as they are; amounts stay exact (Decimal rendered as text, never a float).
"""
from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from conserje.models import Condominium
from conserje.services.core.actor import Actor
from conserje.services.finance.accounts import BUCKETS, delinquency
from conserje.services.finance.entries import list_entries
from conserje.services.finance.ledger import ZERO
from conserje.services.finance.receipts import Document, format_money
from conserje.services.finance.reports import income_expense
from conserje.services.finance.settings import get_settings

# The most rows one download carries (like the access-log export): a bigger ledger is
# filtered by dates first.
EXPORT_LIMIT = 50_000
ENTRY_COLUMNS = ("id", "unit_code", "booked_on", "due_on", "kind", "period", "description",
                 "amount", "open_amount", "status", "reverses_id", "reference",
                 "receipt_code")
DELINQUENCY_COLUMNS = ("rank", "unit_code", "days_late", "oldest_due_on", "open_total",
                       "credit", "balance", *BUCKETS)
INCOME_EXPENSE_COLUMNS = ("month", "direction", "category", "amount")
BUCKET_NAMES = {"current": "Al día", "d1_30": "1-30", "d31_60": "31-60", "d61_90": "61-90",
                "d90_plus": "+90"}


def _text(value: Any) -> Any:
    """Dates and decimals as ISO/plain text; ints and text unchanged; None as empty."""
    if value is None:
        return ""
    if isinstance(value, (int, str)):
        return value
    return value.isoformat() if isinstance(value, date) else str(value)


def entry_rows(session: Session, actor: Actor, entry_type: str,
               filters: dict[str, Any]) -> list[dict[str, Any]]:
    """Charges or payments matching the JSON list's filters, newest first (managers)."""
    actor.require_capability("finance.read")
    page = list_entries(session, actor, entry_type, filters, 1, EXPORT_LIMIT)
    return [{column: _text(getattr(row, column)) for column in ENTRY_COLUMNS}
            for row in page.items]


def delinquency_rows(session: Session, actor: Actor, today: date,
                     min_days: int) -> list[dict[str, Any]]:
    """The delinquency ranking with one column per aging bucket."""
    ranking = delinquency(session, actor, today, min_days)[:EXPORT_LIMIT]
    rows = []
    for rank, row in enumerate(ranking, start=1):
        rows.append({"rank": rank, "unit_code": row.unit_code, "days_late": row.days_late,
                     "oldest_due_on": _text(row.oldest_due_on),
                     "open_total": _text(row.open_total), "credit": _text(row.credit),
                     "balance": _text(row.balance),
                     **{name: _text(row.aging[name]) for name in BUCKETS}})
    return rows


def income_expense_rows(session: Session, actor: Actor, since: date,
                        until: date) -> list[dict[str, Any]]:
    """The income-vs-expense report's rows (month, direction, category, amount)."""
    rows, _ = income_expense(session, actor, since, until)
    return [{"month": r.month, "direction": r.direction, "category": r.category,
             "amount": _text(r.amount)} for r in rows]


def delinquency_pdf(session: Session, actor: Actor, today: date,
                    min_days: int) -> tuple[bytes, str]:
    """The delinquency ranking as a printable report: one line per unit with its days
    late and debt, its aging by bucket, and the totals."""
    ranking = delinquency(session, actor, today, min_days)
    currency = get_settings(session, actor.condominium_id).currency
    condo = session.get(Condominium, actor.condominium_id)
    doc = Document(f"Informe de morosidad al {today:%d/%m/%Y}", condo.name)
    doc.row(f"Unidades con deuda vencida (mínimo {min_days} días): {len(ranking)}", bold=True)
    doc.ln(2)
    for rank, row in enumerate(ranking, start=1):
        doc.row(f"{rank}. Unidad {row.unit_code} - {row.days_late} días de atraso",
                format_money(row.open_total, currency), bold=True)
        buckets = "  ".join(f"{BUCKET_NAMES[name]}: {format_money(row.aging[name], currency)}"
                            for name in BUCKETS if row.aging[name])
        doc.row(f"    {buckets}")
    doc.ln(3)
    total = sum((row.open_total for row in ranking), start=ZERO)
    doc.row("Deuda vencida total", format_money(total, currency), bold=True)
    for name in BUCKETS:
        amount = sum((row.aging[name] for row in ranking), start=ZERO)
        doc.row(f"Tramo {BUCKET_NAMES[name]}", format_money(amount, currency))
    return bytes(doc.output()), f"morosidad-{today.isoformat()}.pdf"
