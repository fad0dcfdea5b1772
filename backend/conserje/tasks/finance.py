"""Finance jobs run from the cron table: billing on each condominium's billing day and
due-date reminders."""
from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import select

from conserje.extensions import db
from conserje.models import FinanceSettings
from conserje.services.core.errors import DomainError
from conserje.services.finance import billing, prediction, reminders, settings
from conserje.tasks.queues import JobContext, job
from conserje.wiring import deps

log = logging.getLogger(__name__)


def _moment(at: str | None) -> datetime | None:
    return datetime.fromisoformat(at) if at else None


@job("default")
def run_due_billing(at: str | None = None) -> dict:
    """Bill every condominium whose billing day it is (in its time zone): late fees and
    interest on overdue debt first, then the period's dues. Runs hourly; idempotent.
    ``at`` (ISO time with offset) replaces "now" for manual catch-up runs."""
    done: dict = {}
    for condominium_id, period, today in billing.due_today(db.session, _moment(at)):
        late = billing.apply_late_charges(db.session, condominium_id, period, today)
        db.session.commit()
        dues = billing.bill_period(db.session, condominium_id, period)
        db.session.commit()
        done[str(condominium_id)] = {"period": period, "dues": dues.created,
                                     "late_fees": late.late_fees,
                                     "interest": late.interest_charges}
        log.info("billed condominium %s for %s: %s", condominium_id, period, done)
    return done


@job("default")
def send_payment_reminders(at: str | None = None) -> dict:
    """Send the due-date reminders due this hour in every condominium (quiet hours and
    each condominium's rules respected; each reminder once, ever)."""
    channels, sent = deps().channels, {}
    for row in db.session.scalars(select(FinanceSettings)).all():
        count = reminders.send_due_reminders(db.session, row.condominium_id, channels,
                                             _moment(at))
        db.session.commit()
        if count:
            sent[str(row.condominium_id)] = count
    return sent


@job("training", timeout=3600, tracked=True)
def train_risk_model(ctx: JobContext) -> dict:
    """Train and validate the condominium's delinquency model (asked for from the API)."""
    today = settings.local_today(db.session, ctx.actor.condominium_id)
    ctx.progress(10)
    model = prediction.train(db.session, ctx.actor.condominium_id, today)
    return {"model_id": model.id, **{k: model.metrics[k] for k in (
        "roc_auc", "precision_top10", "baseline_auc", "train_rows", "test_rows")}}


@job("training", timeout=6 * 3600)
def retrain_risk_models() -> dict:
    """Monthly: retrain every condominium's model on the history that grew since."""
    trained = {}
    for row in db.session.scalars(select(FinanceSettings)).all():
        today = settings.local_today(db.session, row.condominium_id)
        try:
            model = prediction.train(db.session, row.condominium_id, today)
        except DomainError as exc:  # too little history yet: nothing to learn
            db.session.rollback()
            log.info("no risk model for condominium %s: %s", row.condominium_id, exc.message)
            continue
        db.session.commit()
        trained[str(row.condominium_id)] = float(model.roc_auc or 0)
    return trained
