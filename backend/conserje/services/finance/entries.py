"""Charges, payments and reversals as the API sees them: scoped, filtered, explained.

Managers see and write the whole condominium; a resident only reads entries of their
own units (any other id is not found) and never writes the ledger directly.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from conserje.models import ChargeType, LedgerEntry, Unit
from conserje.models.finance.ledger import MANUAL_CHARGE_KINDS
from conserje.services.core import audit
from conserje.services.core.actor import Actor
from conserje.services.core.crud import Page
from conserje.services.core.errors import InvalidInput, NotFound
from conserje.services.finance import ledger, money
from conserje.services.finance.accounts import require_money_access, scoped_unit
from conserje.services.finance.settings import get_settings, local_today


@dataclass
class EntryView:
    """An entry with what the ledger derives about it (open amount, status)."""

    entry: LedgerEntry
    unit_code: str
    open_amount: Decimal | None
    status: str

    def __getattr__(self, name: str) -> Any:
        return getattr(self.entry, name)


def _status(entry: LedgerEntry, account: ledger.UnitAccount) -> tuple[str, Decimal | None]:
    if entry.entry_type == "reversal":
        return "reversal", None
    if entry.id in account.reversed_ids:
        return "reversed", Decimal(0)
    if entry.entry_type == "charge":
        left = account.open_by_charge.get(entry.id, Decimal(0))
        return ("paid" if left == 0 else "partial" if left < entry.amount else "open"), left
    left = account.left_by_payment.get(entry.id, Decimal(0))
    return ("credit" if left > 0 else "applied"), left


def views(session: Session, condominium_id: int, entries: list[LedgerEntry]) -> list[EntryView]:
    """Wrap entries with their derived status, deriving only the units they belong to."""
    unit_ids = sorted({e.unit_id for e in entries})
    accounts = ledger.load_accounts(session, condominium_id, unit_ids)
    codes = dict(session.execute(select(Unit.id, Unit.code).where(Unit.id.in_(unit_ids))).all())
    out = []
    for entry in entries:
        status, left = _status(entry, accounts[entry.unit_id])
        out.append(EntryView(entry, codes.get(entry.unit_id, ""), left, status))
    return out


def paginate(session: Session, stmt, page: int, page_size: int) -> Page:
    """One page of an ordered query, with the total count."""
    total = session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery()))
    rows = session.scalars(stmt.limit(page_size).offset((page - 1) * page_size))
    return Page(list(rows), total or 0)


def _scope(actor: Actor, stmt):
    require_money_access(actor)
    stmt = stmt.where(LedgerEntry.condominium_id == actor.condominium_id)
    if not actor.can("finance.read"):
        stmt = stmt.where(LedgerEntry.unit_id.in_(sorted(actor.unit_ids)))
    return stmt


def list_entries(session: Session, actor: Actor, entry_type: str, filters: dict[str, Any],
                 page: int, page_size: int) -> Page[EntryView]:
    """Charges or payments (with their reversals' effect), newest first."""
    stmt = _scope(actor, select(LedgerEntry).where(LedgerEntry.entry_type == entry_type))
    if "unit_id" in filters:
        stmt = stmt.where(LedgerEntry.unit_id == filters["unit_id"])
    for name in ("kind", "period"):
        if name in filters:
            stmt = stmt.where(getattr(LedgerEntry, name) == filters[name])
    if "since" in filters:
        stmt = stmt.where(LedgerEntry.booked_on >= filters["since"])
    if "until" in filters:
        stmt = stmt.where(LedgerEntry.booked_on <= filters["until"])
    stmt = stmt.order_by(LedgerEntry.booked_on.desc(), LedgerEntry.id.desc())
    start = (page - 1) * page_size
    if "status" not in filters:  # the usual case: only the page's units are derived
        found = paginate(session, stmt, page, page_size)
        return Page(views(session, actor.condominium_id, found.items), found.total)
    # A status is derived from the ledger, so the filter runs after deriving.
    wanted = {"unpaid": ("open", "partial")}.get(filters["status"], (filters["status"],))
    rows = [r for r in views(session, actor.condominium_id, list(session.scalars(stmt)))
            if r.status in wanted]
    return Page(rows[start:start + page_size], len(rows))


def get_entry(session: Session, actor: Actor, entry_id: int,
              entry_type: str | None = None) -> EntryView:
    stmt = _scope(actor, select(LedgerEntry).where(LedgerEntry.id == entry_id))
    if entry_type:
        stmt = stmt.where(LedgerEntry.entry_type == entry_type)
    entry = session.scalar(stmt)
    if entry is None:
        raise NotFound(f"{entry_type or 'entry'} not found")
    return views(session, actor.condominium_id, [entry])[0]


def create_charge(session: Session, actor: Actor, data: dict[str, Any]) -> EntryView:
    """A fine, reservation or other charge: from the catalogue or with its own amount."""
    actor.require_capability("finance.manage")
    scoped_unit(session, actor, data["unit_id"])
    kind = data["kind"]
    if kind not in MANUAL_CHARGE_KINDS:
        raise InvalidInput("dues, interest and late fees come from billing",
                           {"kind": [f"one of {MANUAL_CHARGE_KINDS}"]})
    settings = get_settings(session, actor.condominium_id)
    amount, description = data.get("amount"), data.get("description")
    charge_type = None
    if data.get("charge_type_id") is not None:
        charge_type = session.scalar(select(ChargeType).where(
            ChargeType.id == data["charge_type_id"],
            ChargeType.condominium_id == actor.condominium_id))
        if charge_type is None:
            raise NotFound("charge type not found", {"charge_type_id": ["not found"]})
        if charge_type.kind != kind:
            raise InvalidInput(f"this catalogue item is a {charge_type.kind}",
                               {"charge_type_id": [f"not a {kind}"]})
        amount = amount if amount is not None else charge_type.amount
        description = description or charge_type.name
    if amount is None:
        raise InvalidInput("say how much", {"amount": ["required without a fine type"]})
    amount = money.checked_amount(amount, settings.currency)
    today = local_today(session, actor.condominium_id)
    entry = ledger.post_charge(session, actor.condominium_id, data["unit_id"], kind, amount,
                               today, data.get("due_on") or today, period=data.get("period"),
                               description=description,
                               charge_type_id=charge_type.id if charge_type else None,
                               created_by_id=actor.user_id)
    _audit(session, actor, "create", entry)
    return get_entry(session, actor, entry.id)


def record_payment(session: Session, actor: Actor, data: dict[str, Any]) -> EntryView:
    """Cash or a transfer the administration saw arrive (no proof workflow needed)."""
    actor.require_capability("finance.manage")
    scoped_unit(session, actor, data["unit_id"])
    if data["method"] not in ("cash", "transfer"):
        raise InvalidInput("online payments come from the payment provider",
                           {"method": ["cash or transfer"]})
    settings = get_settings(session, actor.condominium_id)
    amount = money.checked_amount(data["amount"], settings.currency)
    paid_on = data.get("paid_on") or local_today(session, actor.condominium_id)
    if paid_on > local_today(session, actor.condominium_id):
        raise InvalidInput("payments cannot be dated in the future", {"paid_on": ["future"]})
    entry = ledger.post_payment(session, actor.condominium_id, data["unit_id"], data["method"],
                                amount, paid_on, reference=data.get("reference"),
                                description=data.get("description"),
                                created_by_id=actor.user_id)
    _audit(session, actor, "create", entry)
    return get_entry(session, actor, entry.id)


def reverse_entry(session: Session, actor: Actor, entry_id: int, entry_type: str,
                  reason: str) -> EntryView:
    """Reverse a charge or payment (admin only); the original stays as it was."""
    actor.require_capability("finance.bill")
    original = get_entry(session, actor, entry_id, entry_type)
    entry = ledger.reverse(session, actor.condominium_id, original.id, reason,
                           local_today(session, actor.condominium_id), actor.user_id)
    _audit(session, actor, "reverse", entry)
    return get_entry(session, actor, entry.id)


def _audit(session: Session, actor: Actor, action: str, entry: LedgerEntry) -> None:
    audit.record(session, actor_id=actor.user_id, condominium_id=actor.condominium_id,
                 action=action, entity="ledger_entry", entity_id=entry.id,
                 after=audit.snapshot(entry))



def find_by_receipt(session: Session, actor: Actor, code: str) -> EntryView:
    """The payment a receipt's verification code belongs to (managers check receipts)."""
    actor.require_capability("finance.read")
    entry = session.scalar(select(LedgerEntry).where(
        LedgerEntry.receipt_code == code.strip().upper(),
        LedgerEntry.condominium_id == actor.condominium_id))
    if entry is None:
        raise NotFound("no payment has this verification code")
    return views(session, actor.condominium_id, [entry])[0]
