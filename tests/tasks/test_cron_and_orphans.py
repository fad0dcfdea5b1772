"""The cron table runs each entry once per slot whatever the number of schedulers, and
jobs left unfinished by a dead process are marked failed when a process starts."""
from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

from rq import Queue
from sqlalchemy import select

from conserje.extensions import db
from conserje.models import CronClaim, FaceModel, JobRun
from conserje.models.base import utcnow
from conserje.scheduler import CRON_TABLE, CronRunner
from conserje.services.core import jobs
from conserje.services.core.actor import Actor
from conserje.tasks.recovery import ORPHANED, fail_orphaned_jobs

PURGE = next(e for e in CRON_TABLE if e.name == "purge-expired-sessions")


def test_two_schedulers_firing_the_same_slot_run_the_entry_once(app, redis_conn):
    runners = [CronRunner(app, (PURGE,)) for _ in range(4)]
    slot = runners[0].due[PURGE.name]  # the next 03:17 in the condominium's time zone
    assert {r.due[PURGE.name] for r in runners} == {slot}
    ran: list[list[str]] = []
    barrier = threading.Barrier(len(runners))

    def fire(runner):
        barrier.wait()
        ran.append(runner.run_due(slot + timedelta(seconds=1)))

    threads = [threading.Thread(target=fire, args=(r,)) for r in runners]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(ran) == [[], [], [], [PURGE.name]]
    assert Queue("default", connection=redis_conn).count == 1
    # Every runner moved on to the next day's slot, and the claim is recorded once.
    assert {r.due[PURGE.name] for r in runners} == {slot + timedelta(days=1)}
    with app.app_context():
        claims = db.session.scalars(select(CronClaim)).all()
        assert [(c.entry, c.slot) for c in claims] == [(PURGE.name, slot)]


def test_missed_slots_run_once_and_old_claims_are_pruned(app, redis_conn):
    entry = next(e for e in CRON_TABLE if e.name == "visit-request-timeouts")  # every 15 s
    runner = CronRunner(app, (entry,))
    start = datetime(2026, 12, 3, 12, 0, tzinfo=timezone.utc)
    runner.due[entry.name] = start - timedelta(days=2)
    assert runner.run_due(start - timedelta(days=2)) == [entry.name]
    runner.due[entry.name] = start
    assert runner.run_due(start + timedelta(minutes=1, seconds=1)) == [entry.name]
    assert runner.due[entry.name] == start + timedelta(minutes=1, seconds=15)
    with app.app_context():  # the two-day-old claim went when the new one was made
        assert [c.slot for c in db.session.scalars(select(CronClaim))] == [start]
    assert Queue("default", connection=redis_conn).count == 2


def _unfinished(app, world, state="started", age=timedelta(0), version=2):
    with app.app_context():
        actor = Actor(None, world.condo_id, frozenset({"admin"}))
        run = jobs.create(db.session, actor, "retrain_face_model")
        run.state, run.created_at = state, utcnow() - age
        model = FaceModel(condominium_id=world.condo_id, version_no=version, model_name="Dlib",
                          detector_name="haar", threshold=0.5, status="training")
        db.session.add(model)
        db.session.commit()
        return run.rq_id, model.id


def test_embedded_start_fails_every_unfinished_job_and_retraining_can_start_again(
        app, client, world, login):
    rq_id, model_id = _unfinished(app, world)
    with app.app_context():
        assert fail_orphaned_jobs(db.session, None) == 1
        run = db.session.scalar(select(JobRun).where(JobRun.rq_id == rq_id))
        assert (run.state, run.error) == ("failed", ORPHANED) and run.finished_at
        model = db.session.get(FaceModel, model_id)
        assert model.status == "failed" and "retrain" in model.report["error"]
        assert fail_orphaned_jobs(db.session, None) == 0
    admin = login("admin@a.test")
    job = client.get(f"/api/v1/jobs/{rq_id}", headers=admin).json
    assert job["state"] == "failed" and "orphaned" in job["error"]
    again = client.post("/api/v1/face-models/retrain", json={"activate": False}, headers=admin)
    assert again.status_code == 202, again.json


def test_with_redis_only_jobs_without_a_live_rq_job_are_orphans(app, world, redis_conn):
    lost, lost_model = _unfinished(app, world)  # started, its RQ job is gone
    young, _ = _unfinished(app, world, state="queued", version=3)  # committed, not queued yet
    with app.app_context():
        assert fail_orphaned_jobs(db.session, redis_conn) == 1
        states = {r.rq_id: r.state for r in db.session.scalars(select(JobRun))}
        assert states == {lost: "failed", young: "queued"}
        # A retraining job of the condominium may still be alive: its models wait.
        assert db.session.get(FaceModel, lost_model).status == "training"
