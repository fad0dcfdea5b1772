"""Visitor jobs run from the cron table (approval timeouts, overstays, renewals, ended
visits) and the channels every visitor notification goes through."""
from __future__ import annotations

from flask import current_app

from ..extensions import db, redis_store
from ..services.face_engine import settings_from_config
from ..services.notify import (Channel, InAppChannel, VapidSettings, WebhookChannel,
                               WebhookSettings, WebPushChannel)
from ..services.visitors import approvals, watch
from ..services.visitors.journal import Deps
from ..storage import media_store
from .finance import reminder_channels
from .queues import job


def visitor_channels() -> list[Channel]:
    """In-app (with the live stream) always; e-mail, Web Push, WhatsApp and SMS when
    configured (CONSERJE_SMTP_*, CONSERJE_VAPID_*, CONSERJE_WHATSAPP_*, CONSERJE_SMS_*)."""
    cfg = current_app.config
    channels: list[Channel] = [InAppChannel(redis_store.connection)]
    channels += [c for c in reminder_channels() if not isinstance(c, InAppChannel)]
    if cfg.get("VAPID_PRIVATE_KEY"):
        channels.append(WebPushChannel(VapidSettings(cfg["VAPID_PRIVATE_KEY"],
                                                     cfg["VAPID_SUBJECT"])))
    for name in ("whatsapp", "sms"):
        url = cfg.get(f"{name.upper()}_WEBHOOK_URL")
        if url:
            channels.append(WebhookChannel(name, WebhookSettings(
                url, cfg.get(f"{name.upper()}_WEBHOOK_SECRET") or "")))
    return channels


def visitor_deps() -> Deps:
    """Everything the visitor services need, from the app's configuration."""
    return Deps(redis=redis_store.connection, store=media_store(),
                secret=current_app.config["SECRET_KEY"],
                engine=settings_from_config(current_app.config), channels=visitor_channels())


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
