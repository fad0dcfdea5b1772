"""Visitor jobs run from the cron table (approval timeouts, overstays, renewals, ended
visits), with the services' dependencies built from the configuration."""
from __future__ import annotations

from flask import current_app

from ..extensions import db, redis_store
from ..services.face_engine import settings_from_config
from ..services.visitors import approvals, watch
from ..services.visitors.journal import Deps
from ..storage import media_store
from .channels import configured_channels
from .queues import job


def visitor_deps() -> Deps:
    """Everything the visitor services need, from the app's configuration."""
    return Deps(redis=redis_store.connection, store=media_store(),
                secret=current_app.config["SECRET_KEY"],
                engine=settings_from_config(current_app.config), channels=configured_channels())


@job("default")
def expire_visit_requests() -> int:
    """Apply the timeout action to unanswered walk-in requests (RN-103)."""
    count = approvals.expire_overdue(db.session, visitor_deps())
    db.session.commit()
    return count


@job("default")
def watch_visits() -> dict:
    """Overstay alerts (RN-107) and visits whose validity ended."""
    deps = visitor_deps()
    result = {"overstays": watch.overstays(db.session, deps),
              "expired": watch.expire_unused(db.session)}
    db.session.commit()
    return result


@job("default")
def request_visit_renewals() -> int:
    """Ask residents to renew recurring visitors a week before they expire."""
    count = watch.renewal_requests(db.session, visitor_deps())
    db.session.commit()
    return count
