"""Queue names and the one decorator that turns a function into an RQ job.

Jobs run inside an application context built once per worker process, so they can use
the same services and session as the API.
"""
from __future__ import annotations

import functools
from typing import Any, Callable

from flask import Flask, current_app, has_app_context
from rq import Queue

from ..extensions import redis_store

QUEUES = ("ingest", "training", "default")
_worker_app: Flask | None = None


def _app() -> Flask:
    global _worker_app
    if _worker_app is None:
        from .. import create_app

        _worker_app = create_app()
    return _worker_app


def get_queue(name: str = "default") -> Queue:
    if redis_store.is_embedded():
        from .embedded import ensure_embedded_worker

        ensure_embedded_worker(current_app._get_current_object(), list(QUEUES))
    return Queue(name, connection=redis_store.connection)


def job(queue: str = "default", timeout: int = 600) -> Callable:
    """Mark ``func`` as a background job; ``func.enqueue(*args)`` queues it."""
    if queue not in QUEUES:
        raise ValueError(f"unknown queue {queue!r}")

    def decorate(func: Callable) -> Callable:
        @functools.wraps(func)
        def run(*args: Any, **kwargs: Any):
            if has_app_context():
                return func(*args, **kwargs)
            with _app().app_context():
                return func(*args, **kwargs)

        def enqueue(*args: Any, **kwargs: Any):
            return get_queue(queue).enqueue(run, args=args, kwargs=kwargs, job_timeout=timeout)

        run.enqueue = enqueue  # type: ignore[attr-defined]
        run.queue_name = queue  # type: ignore[attr-defined]
        return run

    return decorate

