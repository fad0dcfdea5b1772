"""Queue names and the one decorator that turns a function into an RQ job.

Jobs run inside the application context of the process that runs them (``conserje
worker`` builds the app, and so its dependencies, once per worker), so they use the same
services, session and ``wiring.deps()`` as the API. Tracked jobs (``tracked=True``) get a
``JobRun`` row: queued -> started -> finished/failed, with progress in the row and in
RQ's ``job.meta``; the function receives a :class:`JobContext` as first argument.
"""
from __future__ import annotations

import functools
from typing import Any, Callable

from flask import current_app, has_app_context
from rq import Queue, get_current_job
from sqlalchemy import select

from conserje.extensions import db, redis_store
from conserje.models import JobRun
from conserje.services.core import jobs
from conserje.services.core.actor import Actor
from conserje.services.core.tx import on_commit
from conserje.tasks.embedded import ensure_embedded_worker
from conserje.wiring import deps

QUEUES = ("ingest", "training", "default")
def get_queue(name: str = "default") -> Queue:
    if redis_store.is_embedded():
        ensure_embedded_worker(current_app._get_current_object(), list(QUEUES))
    return Queue(name, connection=deps().redis)


class JobContext:
    """What a tracked job knows about itself: its row, its actor, and progress reports."""

    def __init__(self, run: JobRun):
        self.run = run
        self.actor = Actor(run.created_by_id, run.condominium_id, frozenset({"admin"}))

    def progress(self, percent: float) -> None:
        percent = int(percent)
        if percent == self.run.progress:
            return
        jobs.mark(db.session, self.run, "started", progress=percent)
        db.session.commit()
        current = get_current_job()
        if current is not None:
            current.meta["progress"] = percent
            current.save_meta()


def _run_tracked(func: Callable, rq_id: str, args, kwargs):
    run = db.session.scalar(select(JobRun).where(JobRun.rq_id == rq_id))
    if run is None:
        raise LookupError(f"no job row for {rq_id}")
    jobs.mark(db.session, run, "started", progress=0)
    db.session.commit()
    try:
        result = func(JobContext(run), *args, **kwargs)
    except Exception as exc:
        db.session.rollback()
        jobs.mark(db.session, run, "failed", error=f"{type(exc).__name__}: {exc}")
        db.session.commit()
        raise
    jobs.mark(db.session, run, "finished", progress=100, result=result)
    db.session.commit()
    return result


def job(queue: str = "default", timeout: int = 600, tracked: bool = False) -> Callable:
    """Mark ``func`` as a background job; ``func.enqueue(*args)`` queues it.

    A tracked job is queued with ``func.enqueue_tracked(session, actor, *args)``: it
    creates the job row and queues the work once the caller commits.
    """
    if queue not in QUEUES:
        raise ValueError(f"unknown queue {queue!r}")

    def decorate(func: Callable) -> Callable:
        @functools.wraps(func)
        def run(*args: Any, **kwargs: Any):
            call = (lambda: _run_tracked(func, args[0], args[1:], kwargs)) if tracked else \
                (lambda: func(*args, **kwargs))
            if not has_app_context():
                # The process that runs jobs builds the app (and its Deps) once:
                # `conserje worker`, or the embedded worker thread of `conserje serve`.
                raise RuntimeError(f"job {func.__name__} needs an application context: run "
                                   "workers with `conserje worker`")
            return call()

        def enqueue(*args: Any, **kwargs: Any):
            return get_queue(queue).enqueue(run, args=args, kwargs=kwargs, job_timeout=timeout)

        def enqueue_tracked(session, actor: Actor, *args: Any) -> JobRun:
            row = jobs.create(session, actor, func.__name__)
            rq_id = row.rq_id
            # The worker must find the committed row: queue only after the commit.
            on_commit(session, lambda: get_queue(queue).enqueue(
                run, args=(rq_id, *args), job_id=rq_id, job_timeout=timeout))
            return row

        run.enqueue = enqueue  # type: ignore[attr-defined]
        run.enqueue_tracked = enqueue_tracked  # type: ignore[attr-defined]
        run.queue_name = queue  # type: ignore[attr-defined]
        return run

    return decorate

