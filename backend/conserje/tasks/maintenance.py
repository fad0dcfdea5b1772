"""Housekeeping jobs run from the scheduler's cron table."""
from __future__ import annotations

from flask import current_app

from conserje.extensions import db
from conserje.services.access.alerts import purge_unknown_snapshots
from conserje.services.setup.auth import purge_expired_revocations
from conserje.tasks.queues import job
from conserje.wiring import deps


@job("default")
def purge_expired_sessions() -> int:
    """Drop logout records whose tokens have expired anyway; return how many."""
    removed = purge_expired_revocations(db.session)
    db.session.commit()
    return removed


@job("default")
def purge_unknown_face_snapshots() -> int:
    """Delete unknown-face snapshots past CONSERJE_UNKNOWN_SNAPSHOT_DAYS; return how many."""
    purged = purge_unknown_snapshots(db.session, deps().store,
                                     current_app.config["UNKNOWN_SNAPSHOT_DAYS"])
    db.session.commit()
    return purged
