"""Embedded mode: without Redis, an RQ worker thread inside this process runs the jobs.

Jobs go through the same RQ queues (on the in-process fakeredis server), so progress and
results behave as with real workers; the thread is started on first use in each process
(gunicorn forks after the app is built, and threads do not survive a fork).
"""
from __future__ import annotations

import logging
import os
import threading

from flask import Flask
from rq import SimpleWorker
from rq.timeouts import TimerDeathPenalty

log = logging.getLogger(__name__)
_lock = threading.Lock()


class ThreadWorker(SimpleWorker):
    """A SimpleWorker that can live outside the main thread: no signal handlers, and job
    timeouts enforced by a timer instead of SIGALRM."""

    death_penalty_class = TimerDeathPenalty

    def _install_signal_handlers(self) -> None:
        pass


def ensure_embedded_worker(app: Flask, queue_names: list[str]) -> None:
    """Start this process's worker thread for ``app`` unless it is already running."""
    state = app.extensions.setdefault("conserje_embedded_worker", {})
    if state.get("pid") == os.getpid() and state["thread"].is_alive():
        return
    with _lock:
        if state.get("pid") == os.getpid() and state["thread"].is_alive():
            return
        connection = app.extensions["conserje_redis"]
        worker = ThreadWorker(queue_names, connection=connection)

        def work() -> None:
            with app.app_context():
                worker.work(with_scheduler=False, logging_level="WARNING")

        thread = threading.Thread(target=work, name="conserje-embedded-worker", daemon=True)
        thread.start()
        state.update(pid=os.getpid(), thread=thread, worker=worker)
        log.info("embedded RQ worker thread started for %s", queue_names)
