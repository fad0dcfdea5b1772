"""The cron table, as data, and the loop that enqueues it once per slot.

The scheduler never runs work itself and never runs inside ``create_app``: it only puts
jobs on the RQ queues. It runs as ``conserje scheduler`` with Redis, and embedded (no
Redis) as a thread in each ``conserje serve`` worker process, whose job thread runs what
it enqueues (see ``cli.serve``).

Each entry runs at most once per slot however many schedulers fire it: a scheduler
first inserts a ``cron_claim`` row keyed (entry, slot) and only the one whose insert
commits enqueues. A row in the database and not a file lock because the database is the
one thing every process shares in both modes, also across machines (two api hosts on
one PostgreSQL, a scheduler started twice by mistake), and SQLite and PostgreSQL both
make a primary key insert atomic; a file lock would only cover one host and would need
a "last slot run" file beside it anyway.
"""
from __future__ import annotations

import importlib
import logging
import os
import socket
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger
from flask import Flask
from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError

from conserje.extensions import db
from conserje.models import CronClaim

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CronEntry:
    name: str
    task: str  # "module:function" of a function decorated with ``tasks.queues.job``
    cron: dict = field(default_factory=dict)  # APScheduler CronTrigger fields


CRON_TABLE: tuple[CronEntry, ...] = (
    CronEntry("purge-expired-sessions", "conserje.tasks.maintenance:purge_expired_sessions",
              {"hour": 3, "minute": 17}),
    CronEntry("purge-unknown-face-snapshots",
              "conserje.tasks.maintenance:purge_unknown_face_snapshots", {"hour": 3, "minute": 41}),
    # Hourly, because each condominium bills on its own day in its own time zone; the
    # job skips the others and charges each unit once per period (unique keys).
    CronEntry("finance-billing", "conserje.tasks.finance:run_due_billing", {"minute": 5}),
    # Hourly too: quiet hours and time zones differ; each reminder is sent once.
    CronEntry("payment-reminders", "conserje.tasks.finance:send_payment_reminders",
              {"minute": 20}),
    # Monthly, after the first days' payments are in.
    CronEntry("risk-model-retraining", "conserje.tasks.finance:retrain_risk_models",
              {"day": 3, "hour": 4, "minute": 40}),
    # Visitors: a walk-in request times out after ~2 minutes, so check every 15 seconds.
    CronEntry("visit-request-timeouts", "conserje.tasks.visitors:expire_visit_requests",
              {"second": "*/15"}),
    CronEntry("visit-overstays", "conserje.tasks.visitors:watch_visits", {"minute": "*/5"}),
    CronEntry("visit-renewals", "conserje.tasks.visitors:request_visit_renewals",
              {"hour": 9, "minute": 7}),
)


def resolve(entry: CronEntry):
    module, _, name = entry.task.partition(":")
    return getattr(importlib.import_module(module), name)


# Claims are kept this long (the 15-second entry writes 5,760 a day), then pruned.
CLAIMS_KEPT = timedelta(days=1)
# The longest the loop sleeps: a stop request or a changed clock is noticed this fast.
MAX_SLEEP_S = 5.0


def claim(entry: str, slot: datetime) -> bool:
    """True for the one caller that claims ``entry`` at ``slot``; False for the others."""
    db.session.add(CronClaim(entry=entry, slot=slot.astimezone(timezone.utc),
                             claimed_by=f"{socket.gethostname()}:{os.getpid()}"[:120]))
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return False
    return True


def prune_claims(entry: str, slot: datetime) -> None:
    """Forget ``entry``'s claims older than :data:`CLAIMS_KEPT` before ``slot``."""
    db.session.execute(delete(CronClaim).where(CronClaim.entry == entry,
                                               CronClaim.slot < slot - CLAIMS_KEPT))
    db.session.commit()


class CronRunner:
    """Fires the entries of ``table`` at their slots, each enqueued by one scheduler.

    Slots come from the entries' cron triggers in the app's time zone, so every process
    computes the same slot times. Slots missed while the process was stopped are not
    caught up; several missed while it was busy run once (like APScheduler's coalesce).
    """

    def __init__(self, app: Flask, table: tuple[CronEntry, ...] = CRON_TABLE):
        self.app = app
        zone = ZoneInfo(app.config["DEFAULT_TIME_ZONE"])
        self.entries = {entry.name: entry for entry in table}
        self.triggers = {entry.name: CronTrigger(timezone=zone, **entry.cron)
                         for entry in table}
        now = datetime.now(zone)
        self.due = {name: trigger.get_next_fire_time(None, now)
                    for name, trigger in self.triggers.items()}

    def fire(self, entry: CronEntry, slot: datetime) -> bool:
        """Claim ``entry`` at ``slot`` and enqueue it; False when another process did."""
        with self.app.app_context():
            try:
                if not claim(entry.name, slot):
                    return False
                job = resolve(entry).enqueue()
                log.info("enqueued %s (slot %s) as job %s", entry.name, slot.isoformat(),
                         job.id)
            except Exception:  # noqa: BLE001 - one bad run must not stop the others
                log.exception("cron entry %s at %s failed to enqueue", entry.name, slot)
                db.session.remove()
                return False
            try:  # after the enqueue: a failed clean-up must not cost the slot its run
                prune_claims(entry.name, slot)
            except Exception:  # noqa: BLE001 - the next run prunes them
                log.warning("could not prune old claims of %s", entry.name, exc_info=True)
            finally:
                db.session.remove()
        return True

    def run_due(self, now: datetime | None = None) -> list[str]:
        """Fire every entry whose slot has come; returns the names this process ran."""
        now = now or datetime.now(timezone.utc)
        ran = []
        for name, slot in self.due.items():
            if slot is None or slot > now:
                continue
            if self.fire(self.entries[name], slot):
                ran.append(name)
            # The first slot after now (cron fields are whole seconds): given a previous
            # time, APScheduler would answer the slot after it, replaying missed ones.
            self.due[name] = self.triggers[name].get_next_fire_time(
                None, max(now, slot + timedelta(seconds=1)))
        return ran

    def seconds_to_next(self) -> float:
        slots = [slot for slot in self.due.values() if slot is not None]
        if not slots:
            return MAX_SLEEP_S
        wait = (min(slots) - datetime.now(timezone.utc)).total_seconds()
        return min(max(wait, 0.0), MAX_SLEEP_S)

    def run_forever(self, stop: threading.Event | None = None) -> None:
        """Fire entries at their slots until ``stop`` is set."""
        stop = stop or threading.Event()
        log.info("scheduler started with %d entries", len(self.entries))
        while not stop.is_set():
            self.run_due()
            stop.wait(self.seconds_to_next())


def run_scheduler(app: Flask) -> None:
    """Block forever, enqueueing each cron entry at its slots (``conserje scheduler``)."""
    CronRunner(app).run_forever()


def start_in_thread(app: Flask) -> threading.Thread:
    """Run the cron table in a daemon thread of this process (embedded ``serve``)."""
    runner = CronRunner(app)
    thread = threading.Thread(target=runner.run_forever, name="conserje-cron", daemon=True)
    thread.start()
    return thread
