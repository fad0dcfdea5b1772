"""Jobs orphaned by a dead process are marked ``failed`` when a process that runs jobs
starts (``conserje serve``, ``conserje worker``), so they can be started again.

A JobRun stays ``queued``/``started`` and a FaceModel ``training`` forever when the
process running the job dies (a crash, a restart, a deploy). Embedded, the queue lives
in the process's memory, so at start every unfinished row is an orphan. With Redis, a
row is an orphan when its RQ job is gone, has ended without telling the row, or was
started by a worker that no longer exists.
"""
from __future__ import annotations

import logging
from datetime import timedelta

from redis import Redis
from rq import Worker
from rq.exceptions import NoSuchJobError
from rq.job import Job, JobStatus
from sqlalchemy import select
from sqlalchemy.orm import Session

from conserje.models import FaceModel, JobRun
from conserje.models.base import utcnow
from conserje.services.core import jobs

log = logging.getLogger(__name__)

ORPHANED = ("orphaned: the process running this job stopped before it ended (a crash or "
            "a restart); start it again")
# A tracked job's row is committed just before its RQ job is queued (after the commit):
# a queued row younger than this may simply not be on the queue yet.
QUEUE_GRACE = timedelta(minutes=2)
RETRAIN_KIND = "retrain_face_model"


def _is_orphan(run: JobRun, redis: Redis, live_workers: set[str]) -> bool:
    try:
        job = Job.fetch(run.rq_id, connection=redis)
    except NoSuchJobError:
        return run.state == "started" or utcnow() - run.created_at > QUEUE_GRACE
    status = job.get_status(refresh=False)
    if status in (JobStatus.FAILED, JobStatus.STOPPED, JobStatus.CANCELED):
        return True  # RQ gave up on it (e.g. its work horse was killed); the row never heard
    if status == JobStatus.STARTED:
        return bool(job.worker_name) and job.worker_name not in live_workers
    return False


def fail_orphaned_jobs(session: Session, redis: Redis | None) -> int:
    """Mark orphaned job rows and face models ``failed``; ``redis`` None = embedded
    (every unfinished row is an orphan). Returns how many job rows were marked."""
    unfinished = list(session.scalars(select(JobRun).where(
        JobRun.state.in_(("queued", "started")))))
    live = {w.name for w in Worker.all(connection=redis)} if redis is not None else set()
    orphans = [run for run in unfinished if redis is None or _is_orphan(run, redis, live)]
    marked = 0
    for run in orphans:
        session.refresh(run)  # the job may have ended since the select: keep its ending
        if run.state in ("queued", "started"):
            jobs.mark(session, run, "failed", error=ORPHANED)
            marked += 1
    # A FaceModel does not name its job: a condominium's versions still in training are
    # orphans when no retraining job of that condominium is still alive.
    alive = {run.condominium_id for run in unfinished
             if run not in orphans and run.kind == RETRAIN_KIND}
    models = [model for model in session.scalars(select(FaceModel).where(
        FaceModel.status == "training")) if model.condominium_id not in alive]
    for model in models:
        model.status = "failed"
        model.report = {"error": f"retraining {ORPHANED}: POST /api/v1/face-models/retrain "
                                 "adds a new version"}
    session.commit()
    if marked or models:
        log.warning("marked %d orphaned jobs and %d face model versions failed", marked,
                    len(models))
    return marked
