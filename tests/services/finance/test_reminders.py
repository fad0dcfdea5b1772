"""Payment reminders through the in-app channel and real SMTP (a local aiosmtpd server):
rules relative to the due date, quiet hours, once per unit+charge+rule even when two
schedulers run at once."""
from __future__ import annotations

import socket
import threading
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from conserje.extensions import db
from conserje.models import AppNotification, PaymentReminder
from conserje.services.core.actor import Actor
from conserje.services.finance import billing, ledger, reminders
from conserje.services.finance.settings import update_settings
from conserje.services.notifications.channels import EmailChannel, InAppChannel, SmtpSettings


class Inbox:
    def __init__(self):
        self.mails = []

    async def handle_DATA(self, server, session, envelope):
        self.mails.append((envelope.rcpt_tos, envelope.content.decode("utf-8", "replace")))
        return "250 OK"


@pytest.fixture
def smtp():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox, SmtpSettings("127.0.0.1", port, starttls=False)
    controller.stop()


def at(local_hour: int, day: int) -> datetime:
    return datetime(2026, 3, day, local_hour, 0, tzinfo=ZoneInfo("America/Santiago"))


def bill(world) -> int:
    actor = Actor(None, world.condo_id, frozenset({"admin"}))
    update_settings(db.session, actor, {"dues_amount": Decimal(50_000), "due_day": 10,
                                        "reminder_offsets": [-5, -1, 1, 7]})
    billing.bill_period(db.session, world.condo_id, "2026-03")
    db.session.commit()
    return world.condo_id


def test_reminders_go_once_by_app_and_email(app_ctx, world, smtp):
    inbox, settings = smtp
    condo = bill(world)
    channels = [InAppChannel(), EmailChannel(settings)]
    assert reminders.send_due_reminders(db.session, condo, channels, at(15, 9)) == 2
    db.session.commit()  # e-mails leave on commit
    assert sorted(rcpt for rcpt, _ in inbox.mails) == [["ana@a.test"], ["bruno@a.test"]]
    assert "vence en 1" in inbox.mails[0][1] and "$ 50.000" in inbox.mails[0][1]
    rows = db.session.scalars(select(AppNotification)).all()
    assert {r.user_id for r in rows} == {world.ids["user_resident1"],
                                         world.ids["user_resident2"]}
    # The next hour, and a restarted scheduler, send nothing again.
    assert reminders.send_due_reminders(db.session, condo, channels, at(16, 9)) == 0
    db.session.commit()
    assert len(inbox.mails) == 2


def test_quiet_hours_and_paid_charges(app_ctx, world, smtp):
    _, settings = smtp
    condo = bill(world)
    ledger.post_payment(db.session, condo, world.ids["unit2"], "cash", Decimal(50_000),
                        datetime(2026, 3, 5).date())
    db.session.commit()
    channels = [InAppChannel()]
    assert reminders.send_due_reminders(db.session, condo, channels, at(23, 11)) == 0
    assert reminders.send_due_reminders(db.session, condo, channels, at(6, 11)) == 0
    assert reminders.send_due_reminders(db.session, condo, channels, at(9, 11)) == 1
    db.session.commit()
    claimed = db.session.scalars(select(PaymentReminder)).all()
    assert [(r.unit_id, r.offset_days, r.recipients) for r in claimed] == \
        [(world.ids["unit1"], 1, 1)]


def test_quiet_hours_wrap_midnight():
    assert reminders.in_quiet_hours(22, 21, 8) and reminders.in_quiet_hours(3, 21, 8)
    assert not reminders.in_quiet_hours(8, 21, 8) and not reminders.in_quiet_hours(12, 21, 8)
    assert reminders.in_quiet_hours(13, 13, 15) and not reminders.in_quiet_hours(9, 9, 9)


def test_two_schedulers_at_once_send_each_reminder_once(app, world, smtp, database_url):
    if not database_url.startswith("postgresql"):
        pytest.skip("concurrent writers need PostgreSQL (SQLite serialises the file)")
    inbox, settings = smtp
    with app.app_context():
        condo = bill(world)
        engine = db.engine
    barrier = threading.Barrier(2)

    def scheduler():
        with app.app_context(), Session(engine) as session:
            barrier.wait()
            reminders.send_due_reminders(session, condo, [InAppChannel(),
                                                          EmailChannel(settings)], at(15, 9))
            session.commit()

    threads = [threading.Thread(target=scheduler) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(PaymentReminder)) == 2
        assert db.session.scalar(select(func.count()).select_from(AppNotification)) == 2
    assert len(inbox.mails) == 2
