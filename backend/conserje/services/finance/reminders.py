"""Due-date reminders: for each open charge, one message per rule of the condominium
(days relative to the due date, e.g. -5, -1, 1, 7, 15) to the unit's resident accounts.

A reminder is claimed by inserting its ``payment_reminder`` row (unique per unit, charge
and rule) before anything is sent, so it goes out once even across restarts and
concurrent schedulers. Nothing is sent during the condominium's quiet hours: the hourly
job sends it at the next allowed hour, up to ``CATCH_UP_DAYS`` late.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Sequence

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from conserje.models import PaymentReminder, Unit
from conserje.services.core.ports import Channel, Message
from conserje.services.finance import ledger
from conserje.services.finance.receipts import format_money
from conserje.services.finance.settings import get_settings, local_now
from conserje.services.notifications.delivery import deliver
from conserje.services.notifications.recipients import recipients

CATCH_UP_DAYS = 3


def in_quiet_hours(hour: int, quiet_from: int, quiet_until: int) -> bool:
    """Whether ``hour`` falls in [quiet_from, quiet_until), wrapping past midnight."""
    if quiet_from == quiet_until:
        return False
    if quiet_from < quiet_until:
        return quiet_from <= hour < quiet_until
    return hour >= quiet_from or hour < quiet_until


def _text(offset: int, code: str, amount: str, due: date) -> tuple[str, str]:
    if offset < 0:
        title = f"Recordatorio: vence en {-offset} día(s) el pago de la unidad {code}"
    elif offset == 0:
        title = f"Hoy vence el pago de la unidad {code}"
    else:
        title = f"Pago atrasado {offset} día(s): unidad {code}"
    body = (f"Monto pendiente: {amount}. Fecha de vencimiento: {due:%d/%m/%Y}.\n"
            "Puede pagar en línea o informar una transferencia desde la aplicación.")
    return title, body


def send_due_reminders(session: Session, condominium_id: int, channels: Sequence[Channel],
                       now: datetime | None = None) -> int:
    """Send every reminder due now for the condominium; return how many were claimed."""
    settings = get_settings(session, condominium_id)
    local = local_now(session, condominium_id, now)
    if settings.id is None or in_quiet_hours(local.hour, settings.quiet_from,
                                             settings.quiet_until):
        return 0
    today, offsets = local.date(), sorted(set(settings.reminder_offsets or []))
    codes = dict(session.execute(select(Unit.id, Unit.code)
                                 .where(Unit.condominium_id == condominium_id)).all())
    sent = 0
    for unit_id, account in ledger.load_accounts(session, condominium_id).items():
        for charge in account.open_charges():
            if charge.due_on is None:
                continue
            offset = current_rule(offsets, charge.due_on, today)
            claim = None if offset is None else \
                _claim(session, condominium_id, unit_id, charge.id, offset)
            if claim is None:
                continue
            amount = format_money(account.open_by_charge[charge.id], settings.currency)
            title, body = _text(offset, codes.get(unit_id, ""), amount, charge.due_on)
            messages = [Message(u.id, u.email, "payment_reminder", title, body)
                        for u in recipients(session, condominium_id, unit_id, today)]
            deliver(session, channels, condominium_id, messages)
            claim.recipients = len(messages)
            sent += 1
    return sent


def current_rule(offsets: Sequence[int], due_on: date, today: date) -> int | None:
    """The latest rule whose day has come, if it came at most ``CATCH_UP_DAYS`` ago.

    Only the latest: after downtime, "due tomorrow" must not go out once it is overdue.
    """
    passed = [o for o in offsets if due_on + timedelta(days=o) <= today]
    if not passed:
        return None
    latest = max(passed)
    return latest if today <= due_on + timedelta(days=latest + CATCH_UP_DAYS) else None


def _claim(session: Session, condominium_id: int, unit_id: int, charge_id: int,
           offset: int) -> PaymentReminder | None:
    """The reminder's row, or None when another run (or process) already sent it."""
    claim = PaymentReminder(condominium_id=condominium_id, unit_id=unit_id,
                            charge_id=charge_id, offset_days=offset)
    try:
        with session.begin_nested():
            session.add(claim)
    except IntegrityError:
        return None
    return claim
