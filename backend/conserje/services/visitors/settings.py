"""The visitor rules of a condominium (approval timeout and action, overstay, renewal
notice, denials before a visitor is flagged, emergency mode) and QR key rotation."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from conserje.models import Condominium, VisitorSettings
from conserje.models.base import utcnow
from conserje.services.core import audit
from conserje.services.core.actor import Actor
from conserje.services.core.errors import InvalidInput

EDITABLE = ("approval_timeout_s", "timeout_action", "overstay_minutes", "renewal_days",
            "flag_after_denials", "walk_in_pass_minutes", "emergency_mode")


def get_settings(session: Session, condominium_id: int) -> VisitorSettings:
    """The condominium's row, created with the defaults the first time it is needed."""
    row = session.scalar(select(VisitorSettings).where(
        VisitorSettings.condominium_id == condominium_id))
    if row is None:
        row = VisitorSettings(condominium_id=condominium_id, approval_timeout_s=120,
                              timeout_action="deny", overstay_minutes=240, renewal_days=7,
                              flag_after_denials=3, walk_in_pass_minutes=30,
                              emergency_mode=False, pass_key_version=1, pass_key_min=1)
        session.add(row)
        session.flush()
    return row


def read_settings(session: Session, actor: Actor) -> VisitorSettings:
    actor.require_capability("visitors.settings.read")
    return get_settings(session, actor.condominium_id)


def update_settings(session: Session, actor: Actor, data: dict) -> VisitorSettings:
    """Change the rules (admins); every change is audited."""
    actor.require_capability("visitors.settings.manage")
    row = get_settings(session, actor.condominium_id)
    before = {key: getattr(row, key) for key in EDITABLE}
    for key in EDITABLE:
        if key in data:
            setattr(row, key, data[key])
    session.flush()
    audit.record(session, actor_id=actor.user_id, condominium_id=actor.condominium_id,
                 action="update", entity="visitor_settings", entity_id=row.id, before=before,
                 after={key: getattr(row, key) for key in EDITABLE})
    return row


def rotate_key(session: Session, actor: Actor, retire_old: bool) -> VisitorSettings:
    """Sign new passes with the next key version; ``retire_old`` also stops accepting
    passes signed with earlier versions (after a leak)."""
    actor.require_capability("visitors.settings.manage")
    row = get_settings(session, actor.condominium_id)
    row.pass_key_version += 1
    if retire_old:
        row.pass_key_min = row.pass_key_version
    session.flush()
    audit.record(session, actor_id=actor.user_id, condominium_id=actor.condominium_id,
                 action="rotate_key", entity="visitor_settings", entity_id=row.id,
                 after={"version": row.pass_key_version, "min": row.pass_key_min})
    return row


def local_time(session: Session, condominium_id: int, moment: datetime | None = None
               ) -> datetime:
    """``moment`` (default now) in the condominium's time zone."""
    zone = session.scalar(select(Condominium.time_zone).where(Condominium.id == condominium_id))
    return (moment or utcnow()).astimezone(ZoneInfo(zone or "UTC"))


def check_window(weekdays: list | None, start_minute: int | None, end_minute: int | None
                 ) -> None:
    """A recurring schedule must name days and a forward range of minutes."""
    if not weekdays or any(not isinstance(d, int) or not 0 <= d <= 6 for d in weekdays):
        raise InvalidInput("a recurring visit needs weekdays 0 (Monday) to 6",
                           {"weekdays": ["required: weekdays 0-6"]})
    if start_minute is None or end_minute is None or not 0 <= start_minute < end_minute <= 1440:
        raise InvalidInput("a recurring visit needs its hours",
                           {"start_time": ["start must be before end"]})
