"""Jobs go through real Redis and a real `conserje worker` process."""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from apscheduler.triggers.cron import CronTrigger

from conserje.extensions import db
from conserje.models import RevokedToken
from conserje.models.base import utcnow
from conserje.scheduler import CRON_TABLE, resolve
from conserje.tasks.maintenance import purge_expired_sessions
from tests.conftest import TEST_REDIS_URL


def test_purge_job_runs_on_a_real_worker(app, database_url, tmp_path):
    with app.app_context():
        db.session.add_all([
            RevokedToken(session_key="old", expires_at=utcnow() - timedelta(days=1)),
            RevokedToken(session_key="live", expires_at=utcnow() + timedelta(days=1)),
        ])
        db.session.commit()
        job = purge_expired_sessions.enqueue()
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path),
           "CONSERJE_DATABASE_URL": database_url, "CONSERJE_REDIS_URL": TEST_REDIS_URL,
           "CONSERJE_SECRET_KEY": "worker-test", "CONSERJE_MEDIA_DIR": str(tmp_path)}
    worker = Path(sys.executable).with_name("conserje")
    result = subprocess.run([str(worker), "worker", "--burst", "default"], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    job.refresh()
    assert job.get_status() == "finished" and job.return_value() == 1
    with app.app_context():
        assert [t.session_key for t in db.session.query(RevokedToken)] == ["live"]


def test_cron_table_entries_are_valid_jobs():
    assert CRON_TABLE
    for entry in CRON_TABLE:
        task = resolve(entry)
        assert callable(getattr(task, "enqueue", None)), entry.name
        CronTrigger(**entry.cron)  # raises on an invalid schedule


def test_embedded_mode_runs_jobs_in_a_worker_thread(database_url, tmp_path):
    """Without Redis, the same job runs on the in-process fakeredis queue."""
    import time

    from conserje import create_app
    from conserje.config import TestConfig

    embedded = create_app(TestConfig(SQLALCHEMY_DATABASE_URI=database_url, REDIS_URL="",
                                     MEDIA_DIR=str(tmp_path)))
    with embedded.app_context():
        db.session.add(RevokedToken(session_key="stale", expires_at=utcnow() - timedelta(hours=1)))
        db.session.commit()
        job = purge_expired_sessions.enqueue()
        for _ in range(100):
            if job.get_status(refresh=True) == "finished":
                break
            time.sleep(0.1)
        assert job.get_status() == "finished" and job.return_value() == 1
        assert db.session.query(RevokedToken).count() == 0
