"""Housekeeping jobs run from the scheduler's cron table."""
from __future__ import annotations

from ..extensions import db
from ..services.auth import purge_expired_revocations
from .queues import job


@job("default")
def purge_expired_sessions() -> int:
    """Drop logout records whose tokens have expired anyway; return how many."""
    removed = purge_expired_revocations(db.session)
    db.session.commit()
    return removed
