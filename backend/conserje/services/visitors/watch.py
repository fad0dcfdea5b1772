"""What the cron jobs watch: requests past their deadline (RN-103), visitors inside too
long (RN-107), recurring visitors about to expire (renewal asked 7 days before), and
visits whose validity ended without an entry."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from conserje.models import Gate, Visit
from conserje.models.base import utcnow
from conserje.services.access import alerts
from conserje.services.access.stream import publish_alert
from conserje.services.core.actor import Actor
from conserje.services.core.deps import Deps
from conserje.services.core.errors import Conflict
from conserje.services.visitors.journal import record_change, set_status, tell_residents
from conserje.services.visitors.settings import get_settings


def overstays(session: Session, deps: Deps) -> int:
    """Alert the guards (once per stay) and the resident about each visitor inside for
    longer than the condominium allows."""
    now, count = utcnow(), 0
    rows = session.scalars(select(Visit).where(Visit.status == "inside",
                                               Visit.overstay_alerted_at.is_(None)))
    for visit in list(rows):
        limit = get_settings(session, visit.condominium_id).overstay_minutes
        if visit.entered_at is None or visit.entered_at + timedelta(minutes=limit) > now:
            continue
        gate_id = session.scalar(select(Gate.id).where(
            Gate.condominium_id == visit.condominium_id).order_by(Gate.id).limit(1))
        if gate_id is not None:
            alert = alerts.raise_alert(
                session, visit.condominium_id, "overstay", gate_id,
                f"{visit.visitor.full_name} (unit {visit.unit.code}) has been inside "
                f"for more than {limit} minutes")
            publish_alert(session, deps.redis, alert)
        visit.overstay_alerted_at = now
        record_change(session, visit, visit.status, None, f"overstay over {limit} minutes")
        tell_residents(session, deps, visit, "visit_overstay",
                       f"{visit.visitor.full_name} sigue dentro",
                       f"Lleva más de {limit // 60} h {limit % 60} min en el condominio.")
        count += 1
    return count


def remind_exit(session: Session, actor: Actor, deps: Deps, visit: Visit) -> int:
    """A guard asks the unit to remind its visitor to leave (and to record the exit)."""
    actor.require_capability("visitors.desk")
    if visit.status != "inside":
        raise Conflict("this visitor is not inside", {"visit": [visit.status]})
    record_change(session, visit, visit.status, actor.user_id, "exit reminder sent")
    return tell_residents(session, deps, visit, "visit_exit_reminder",
                          f"Recordatorio de salida: {visit.visitor.full_name}",
                          "Por favor recuerde a su visita registrar la salida en portería.")


def renewal_requests(session: Session, deps: Deps) -> int:
    """Ask residents to renew recurring visitors expiring within ``renewal_days``."""
    now, count = utcnow(), 0
    rows = session.scalars(select(Visit).where(
        Visit.kind == "recurring", Visit.is_active.is_(True),
        Visit.renewal_asked_at.is_(None), Visit.valid_until > now))
    for visit in list(rows):
        days = get_settings(session, visit.condominium_id).renewal_days
        if visit.valid_until - now > timedelta(days=days):
            continue
        visit.renewal_asked_at = now
        record_change(session, visit, visit.status, None, "renewal requested")
        tell_residents(session, deps, visit, "visit_renewal",
                       f"Renovar a {visit.visitor.full_name}",
                       f"La autorización vence el {visit.valid_until:%d/%m/%Y}. "
                       "Renuévela con un clic desde la aplicación.")
        count += 1
    return count


def expire_unused(session: Session) -> int:
    """Visits whose validity ended while waiting for the visitor become ``expired``."""
    rows = session.scalars(select(Visit).where(
        Visit.status.in_(("expected", "approved", "pending", "call")),
        Visit.valid_until < utcnow()))
    count = 0
    for visit in list(rows):
        set_status(session, visit, "expired", None, "validity ended")
        count += 1
    return count
