"""Expenses (egresos): supplier, category, amount, date and the invoice file."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from conserje.models import Expense
from conserje.services.core import audit
from conserje.services.core.actor import Actor
from conserje.services.core.crud import Page
from conserje.services.core.errors import InvalidInput, NotFound
from conserje.services.core.tx import on_commit
from conserje.services.finance import money
from conserje.services.finance.entries import paginate
from conserje.services.finance.settings import get_settings, local_today
from conserje.services.finance.transfers import store_document
from conserje.storage import MediaStore


def create(session: Session, actor: Actor, data: dict[str, Any]) -> Expense:
    actor.require_capability("finance.manage")
    currency = get_settings(session, actor.condominium_id).currency
    if data["spent_on"] > local_today(session, actor.condominium_id):
        raise InvalidInput("expenses are recorded once spent", {"spent_on": ["future"]})
    expense = Expense(condominium_id=actor.condominium_id, supplier=data["supplier"],
                      category=data["category"].strip().lower(),
                      amount=money.checked_amount(data["amount"], currency),
                      spent_on=data["spent_on"], description=data.get("description"),
                      created_by_id=actor.user_id)
    session.add(expense)
    session.flush()
    audit.record(session, actor_id=actor.user_id, condominium_id=actor.condominium_id,
                 action="create", entity="expense", entity_id=expense.id,
                 after=audit.snapshot(expense))
    return expense


def get(session: Session, actor: Actor, expense_id: int) -> Expense:
    actor.require_capability("finance.read")
    expense = session.scalar(select(Expense).where(
        Expense.id == expense_id, Expense.condominium_id == actor.condominium_id))
    if expense is None:
        raise NotFound("expense not found")
    return expense


def list_expenses(session: Session, actor: Actor, filters: dict[str, Any], page: int,
                  page_size: int) -> Page[Expense]:
    actor.require_capability("finance.read")
    stmt = select(Expense).where(Expense.condominium_id == actor.condominium_id)
    if filters.get("category"):
        stmt = stmt.where(Expense.category == filters["category"].strip().lower())
    if filters.get("q"):
        stmt = stmt.where(Expense.supplier.ilike(f"%{filters['q']}%"))
    if "since" in filters:
        stmt = stmt.where(Expense.spent_on >= filters["since"])
    if "until" in filters:
        stmt = stmt.where(Expense.spent_on <= filters["until"])
    return paginate(session, stmt.order_by(Expense.spent_on.desc(), Expense.id.desc()), page,
                    page_size)


def attach_invoice(session: Session, actor: Actor, expense_id: int, data: bytes,
                   store: MediaStore) -> Expense:
    """Store (or replace) the expense's invoice; the old file goes once this commits."""
    expense = get(session, actor, expense_id)
    old = expense.invoice_key
    expense.invoice_key, expense.invoice_type = store_document(
        session, store, f"finance/{actor.condominium_id}/invoices", data)
    if old:
        on_commit(session, lambda: store.delete(old))
    session.flush()
    return expense


def invoice(session: Session, actor: Actor, expense_id: int,
            store: MediaStore) -> tuple[bytes, str]:
    expense = get(session, actor, expense_id)
    if not expense.invoice_key:
        raise NotFound("this expense has no invoice")
    return store.get(expense.invoice_key), expense.invoice_type or "application/octet-stream"
