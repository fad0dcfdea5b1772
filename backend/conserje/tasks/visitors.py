"""Visitor jobs run from the cron table (approval timeouts, overstays, renewals, ended
visits), with the services' dependencies built from the configuration."""
from __future__ import annotations

from conserje.extensions import db
from conserje.services.visitors import approvals, watch
from conserje.tasks.queues import job
from conserje.wiring import deps


@job("default")
def expire_visit_requests() -> int:
    """Apply the timeout action to unanswered walk-in requests (RN-103)."""
    count = approvals.expire_overdue(db.session, deps())
    db.session.commit()
    return count


@job("default")
def watch_visits() -> dict:
    """Overstay alerts (RN-107) and visits whose validity ended."""
    result = {"overstays": watch.overstays(db.session, deps()),
              "expired": watch.expire_unused(db.session)}
    db.session.commit()
    return result


@job("default")
def request_visit_renewals() -> int:
    """Ask residents to renew recurring visitors a week before they expire."""
    count = watch.renewal_requests(db.session, deps())
    db.session.commit()
    return count
