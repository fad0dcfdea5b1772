"""PDF receipts for payments and monthly statements for units (fpdf2, core fonts).

A receipt shows the condominium, unit, what the payment paid (charge, period, amount),
the balance right after it and the receipt's verification code; a reversed payment's
receipt says so. Everything is recomputed from the ledger, nothing is stored as a file.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from fpdf import FPDF
from sqlalchemy import select
from sqlalchemy.orm import Session

from conserje.models import Condominium, LedgerEntry
from conserje.services.core.actor import Actor
from conserje.services.finance import accounts, ledger
from conserje.services.finance.entries import get_entry
from conserje.services.finance.money import exponent
from conserje.services.finance.settings import (
    day_in_month,
    get_settings,
    parse_period,
    period_dates,
)

METHOD_NAMES = {"cash": "Efectivo", "transfer": "Transferencia", "online": "Pago en línea"}


def format_money(amount: Decimal, currency: str) -> str:
    """``$ 1.234.567`` / ``BRL 1.234,56``: Latin American separators, exact decimals."""
    places = exponent(currency)
    text = f"{abs(amount):,.{places}f}".replace(",", "_").replace(".", ",").replace("_", ".")
    sign = "-" if amount < 0 else ""
    return f"{sign}{'$' if currency == 'CLP' else currency} {text}"


def _latin1(text: str) -> str:
    # The PDF core fonts are Latin-1: accents stay, anything else becomes "?".
    return text.encode("latin-1", "replace").decode("latin-1")


class Document(FPDF):
    """An A4 page headed by the condominium and a title, with label-amount rows (shared
    by receipts, statements and the delinquency report)."""

    def __init__(self, title: str, condominium: str):
        super().__init__(format="A4")
        self.set_title(_latin1(title))
        self.add_page()
        self.set_font("Helvetica", "B", 15)
        self.cell(0, 9, _latin1(condominium), new_x="LMARGIN", new_y="NEXT")
        self.set_font("Helvetica", "", 12)
        self.cell(0, 7, _latin1(title), new_x="LMARGIN", new_y="NEXT")
        self.ln(3)

    def row(self, left: str, right: str = "", bold: bool = False) -> None:
        self.set_font("Helvetica", "B" if bold else "", 10)
        self.cell(130, 6, _latin1(left))
        self.cell(0, 6, _latin1(right), align="R", new_x="LMARGIN", new_y="NEXT")


def balance_after(session: Session, entry: LedgerEntry) -> Decimal:
    """The unit's balance including every entry up to this one."""
    rows = list(session.scalars(select(LedgerEntry).where(
        LedgerEntry.unit_id == entry.unit_id, LedgerEntry.id <= entry.id)))
    types = {r.id: r.entry_type for r in rows}
    return sum((accounts.signed(r, types) for r in rows), Decimal(0))


def payment_receipt(session: Session, actor: Actor, payment_id: int) -> tuple[bytes, str]:
    """The receipt PDF of a payment the actor may see, and a file name."""
    view = get_entry(session, actor, payment_id, "payment")
    payment = view.entry
    condo = session.get(Condominium, actor.condominium_id)
    currency = get_settings(session, actor.condominium_id).currency
    doc = Document(f"Comprobante de pago N° {payment.id}", condo.name)
    doc.row("Unidad", view.unit_code)
    doc.row("Fecha de pago", payment.booked_on.strftime("%d/%m/%Y"))
    doc.row("Medio de pago", METHOD_NAMES.get(payment.kind, payment.kind))
    if payment.reference:
        doc.row("Referencia", payment.reference)
    doc.row("Monto pagado", format_money(payment.amount, currency), bold=True)
    doc.ln(3)
    doc.row("Aplicado a", bold=True)
    if view.status == "reversed":
        paid = ledger.allocations_of(session, payment.id)  # what it had paid, for the record
    else:  # what it pays now: a reversed charge's share went on to other debt or credit
        account = ledger.load_account(session, actor.condominium_id, payment.unit_id)
        paid = account.allocated_by_payment.get(payment.id, {})
    charges = {c.id: c for c in session.scalars(
        select(LedgerEntry).where(LedgerEntry.id.in_(list(paid))))}
    for charge_id, amount in sorted(paid.items(), key=lambda kv: ledger.charge_order(
            charges[kv[0]])):
        charge = charges[charge_id]
        label = f"{charge.description or charge.kind} (período {charge.period or '-'})"
        doc.row(label, format_money(amount, currency))
    left = payment.amount - sum(paid.values(), Decimal(0))
    if left > 0 and view.status != "reversed":
        doc.row("Saldo a favor", format_money(left, currency))
    doc.ln(3)
    doc.row("Saldo de la unidad después de este pago",
            format_money(balance_after(session, payment), currency), bold=True)
    if view.status == "reversed":
        doc.row("PAGO ANULADO (reversado)", bold=True)
    doc.ln(6)
    doc.row(f"Código de verificación: {payment.receipt_code}", bold=True)
    return bytes(doc.output()), f"comprobante-{payment.receipt_code}.pdf"


def monthly_statement(session: Session, actor: Actor, unit_id: int,
                      period: str) -> tuple[bytes, str]:
    """A unit's statement for one month: opening balance, every entry, closing balance."""
    year, month = parse_period(period)
    start, end = date(year, month, 1), day_in_month(year, month, 31)
    result = accounts.statement(session, actor, unit_id, start, end)
    settings = get_settings(session, actor.condominium_id)
    currency = settings.currency
    condo = session.get(Condominium, actor.condominium_id)
    doc = Document(f"Estado de cuenta {period} - Unidad {result.unit.code}", condo.name)
    doc.row("Saldo anterior", format_money(result.opening_balance, currency), bold=True)
    for line in result.lines:
        entry = line.entry
        what = entry.description or (f"Pago: {METHOD_NAMES.get(entry.kind, entry.kind)}"
                                     if entry.entry_type == "payment" else entry.kind)
        label = f"{entry.booked_on.strftime('%d/%m')}  {what}"
        if entry.entry_type == "reversal":
            label = f"{label} (reverso)"
        doc.row(label, format_money(line.signed_amount, currency))
    doc.row("Saldo al cierre", format_money(result.closing_balance, currency), bold=True)
    doc.ln(3)
    doc.row(f"Vencimiento del período: {period_dates(settings, period)[1]:%d/%m/%Y}")
    return bytes(doc.output()), f"estado-{result.unit.code}-{period}.pdf"
