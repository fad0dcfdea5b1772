"""The cron table, as data, and the process that enqueues it (``conserje scheduler``).

The scheduler never runs work itself and never runs inside ``create_app``: it only puts
jobs on the RQ queues, so that any number of api processes can run beside it.
"""
from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass, field

from flask import Flask

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


def run_scheduler(app: Flask) -> None:
    """Block forever, enqueueing each cron entry at its time (in the app's time zone)."""
    from apscheduler.schedulers.blocking import BlockingScheduler
    from apscheduler.triggers.cron import CronTrigger

    scheduler = BlockingScheduler(timezone=app.config["DEFAULT_TIME_ZONE"])
    for entry in CRON_TABLE:
        task = resolve(entry)

        def fire(task=task, entry=entry):
            with app.app_context():
                job = task.enqueue()
                log.info("enqueued %s as job %s", entry.name, job.id)

        scheduler.add_job(fire, CronTrigger(**entry.cron), id=entry.name, name=entry.name)
    log.info("scheduler started with %d entries", len(CRON_TABLE))
    scheduler.start()
