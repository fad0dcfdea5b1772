"""Job rows: one per RQ job, scoped to a condominium, with state, progress and result."""
from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from conserje.models import JobRun
from conserje.models.base import utcnow
from conserje.services.core.actor import Actor
from conserje.services.core.errors import NotFound


def create(session: Session, actor: Actor, kind: str) -> JobRun:
    run = JobRun(condominium_id=actor.condominium_id, rq_id=str(uuid.uuid4()), kind=kind,
                 state="queued", progress=0, created_by_id=actor.user_id)
    session.add(run)
    session.flush()
    return run


def get(session: Session, actor: Actor, rq_id: str) -> JobRun:
    run = session.scalar(select(JobRun).where(JobRun.rq_id == rq_id,
                                              JobRun.condominium_id == actor.condominium_id))
    if run is None or not (actor.can("jobs.read_all") or run.created_by_id == actor.user_id):
        raise NotFound("job not found")
    return run


def mark(session: Session, run: JobRun, state: str, *, progress: int | None = None,
         result: Any = None, error: str | None = None) -> None:
    run.state = state
    if progress is not None:
        run.progress = max(0, min(100, progress))
    if result is not None:
        run.result = result
    if error is not None:
        run.error = error[:4000]
    if state in ("finished", "failed"):
        run.finished_at = utcnow()
