"""Gate housekeeping run from the cron table."""
from __future__ import annotations

from flask import current_app

from ..extensions import db
from ..services.gate.alerts import purge_unknown_snapshots
from ..storage import media_store
from .queues import job


@job("default")
def purge_unknown_face_snapshots() -> int:
    """Delete unknown-face snapshots past CONSERJE_UNKNOWN_SNAPSHOT_DAYS; return how many."""
    purged = purge_unknown_snapshots(db.session, media_store(),
                                     current_app.config["UNKNOWN_SNAPSHOT_DAYS"])
    db.session.commit()
    return purged
