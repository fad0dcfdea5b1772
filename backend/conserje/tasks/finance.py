"""Finance jobs run from the cron table: billing on each condominium's billing day."""
from __future__ import annotations

import logging

from ..extensions import db
from ..services.finance import billing
from .queues import job

log = logging.getLogger(__name__)


@job("default")
def run_due_billing() -> dict:
    """Bill every condominium whose billing day it is (in its time zone): late fees and
    interest on overdue debt first, then the period's dues. Runs hourly; idempotent."""
    done: dict = {}
    for condominium_id, period, today in billing.due_today(db.session):
        late = billing.apply_late_charges(db.session, condominium_id, period, today)
        db.session.commit()
        dues = billing.bill_period(db.session, condominium_id, period)
        db.session.commit()
        done[str(condominium_id)] = {"period": period, "dues": dues.created,
                                     "late_fees": late.late_fees,
                                     "interest": late.interest_charges}
        log.info("billed condominium %s for %s: %s", condominium_id, period, done)
    return done
