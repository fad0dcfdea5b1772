"""Alerts raised at the gates (unknown faces...), their acknowledgement, and the
retention purge of unknown-face snapshots."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from conserje.models import AccessEvent, GateAlert
from conserje.models.base import utcnow
from conserje.services.core.actor import Actor
from conserje.services.core.crud import Page
from conserje.services.core.errors import NotFound
from conserje.services.core.tx import on_commit
from conserje.storage import MediaStore


def raise_alert(session: Session, condominium_id: int, kind: str, gate_id: int,
                message: str, event_id: int | None = None) -> GateAlert:
    alert = GateAlert(condominium_id=condominium_id, kind=kind, gate_id=gate_id,
                      access_event_id=event_id, message=message[:255])
    session.add(alert)
    session.flush()
    return alert


def list_alerts(session: Session, actor: Actor, pending_only: bool, page: int,
                page_size: int) -> Page[GateAlert]:
    """The condominium's alerts, newest first (only unacknowledged ones when asked)."""
    actor.require_capability("access.monitor")
    stmt = select(GateAlert).where(GateAlert.condominium_id == actor.condominium_id)
    if pending_only:
        stmt = stmt.where(GateAlert.acked_at.is_(None))
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.scalars(stmt.order_by(GateAlert.id.desc()).limit(page_size)
                           .offset((page - 1) * page_size))
    return Page(list(rows), total)


def acknowledge(session: Session, actor: Actor, alert_id: int) -> GateAlert:
    """Mark the alert seen by the acting guard (acknowledging twice keeps the first)."""
    actor.require_capability("access.operate")
    alert = session.get(GateAlert, alert_id)
    if alert is None or alert.condominium_id != actor.condominium_id:
        raise NotFound("alert not found")
    if alert.acked_at is None:
        alert.acked_at = utcnow()
        alert.acked_by_id = actor.user_id
        session.flush()
    return alert


def purge_unknown_snapshots(session: Session, store: MediaStore, days: int) -> int:
    """Delete unknown-face snapshots older than ``days`` and clear their keys.

    The keys are the one column of the log that may change: the chain covers the
    photo's SHA-256, not where it was stored. Files go once the keys are committed away.
    """
    cutoff = utcnow() - timedelta(days=days)
    rows = session.execute(select(AccessEvent.id, AccessEvent.snapshot_key).where(
        AccessEvent.decision == "unknown", AccessEvent.snapshot_key.isnot(None),
        AccessEvent.occurred_at < cutoff)).all()
    if not rows:
        return 0
    ids, keys = [r.id for r in rows], {r.snapshot_key for r in rows}
    session.execute(update(AccessEvent).where(AccessEvent.id.in_(ids))
                    .values(snapshot_key=None))
    still_used = set(session.scalars(select(AccessEvent.snapshot_key).where(
        AccessEvent.snapshot_key.in_(keys))))  # a correction may still show the photo

    def delete_files() -> None:
        for key in keys - still_used:
            store.delete(key)

    on_commit(session, delete_files)
    return len(ids)
