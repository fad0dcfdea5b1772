"""Finance cron jobs through real Redis and a real RQ worker (in process, burst)."""
from __future__ import annotations

from decimal import Decimal

from rq import SimpleWorker
from sqlalchemy import select

from conserje.extensions import db, redis_store
from conserje.models import AppNotification, LedgerEntry
from conserje.scheduler import CRON_TABLE
from conserje.services.core.actor import Actor
from conserje.services.finance.settings import update_settings
from conserje.tasks.finance import run_due_billing, send_payment_reminders
from conserje.tasks.queues import get_queue


def _work() -> None:
    SimpleWorker([get_queue("default")], connection=redis_store.connection).work(burst=True)


def test_cron_table_has_the_finance_jobs():
    tasks = {entry.task for entry in CRON_TABLE}
    assert {"conserje.tasks.finance:run_due_billing",
            "conserje.tasks.finance:send_payment_reminders"} <= tasks


def test_billing_and_reminder_jobs_on_a_worker(app_ctx, world):
    actor = Actor(None, world.condo_id, frozenset({"admin"}))
    update_settings(db.session, actor, {"dues_amount": Decimal(40_000), "billing_day": 1,
                                        "due_day": 10, "reminder_offsets": [-1]})
    db.session.commit()
    # 09:00 in Santiago on the billing day; then again an hour later (nothing new).
    first = run_due_billing.enqueue("2026-03-01T09:00:00-03:00")
    again = run_due_billing.enqueue("2026-03-01T10:00:00-03:00")
    other_day = run_due_billing.enqueue("2026-03-09T09:00:00-03:00")
    _work()
    assert first.return_value() == {str(world.condo_id): {
        "period": "2026-03", "dues": 2, "late_fees": 0, "interest": 0}}
    assert again.return_value()[str(world.condo_id)]["dues"] == 0
    assert other_day.return_value() == {}
    dues = db.session.scalars(select(LedgerEntry).where(LedgerEntry.kind == "dues")).all()
    assert len(dues) == 2 and {d.amount for d in dues} == {Decimal(40_000)}

    reminder = send_payment_reminders.enqueue("2026-03-09T12:00:00-03:00")
    _work()
    assert reminder.return_value() == {str(world.condo_id): 2}
    titles = {n.title for n in db.session.scalars(select(AppNotification))}
    assert titles == {"Recordatorio: vence en 1 día(s) el pago de la unidad A-101",
                      "Recordatorio: vence en 1 día(s) el pago de la unidad A-102"}
