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
