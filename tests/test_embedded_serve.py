"""The default install (no Redis) runs the cron table inside `conserje serve`: a walk-in
whose approval times out gets its timeout action with no other process started; jobs a
dead server left unfinished are failed when it starts again."""
from __future__ import annotations

import os
import subprocess
import time

import pytest
import requests

from tests.frames import FACES, gate_frame, jpeg
from tests.test_cli import CONSERJE, free_port, minimal_env, run

DEMO_PASSWORD = "conserje-demo"


def login(base: str, email: str) -> dict:
    res = requests.post(f"{base}/auth/login", json={"email": email, "password": DEMO_PASSWORD},
                        timeout=30)
    assert res.status_code == 200, res.text
    return {"Authorization": f"Bearer {res.json()['access_token']}"}


def wait_for(base: str, server: subprocess.Popen) -> None:
    for _ in range(300):
        if server.poll() is not None:
            pytest.fail(f"serve exited: {server.stdout.read()[-3000:]}")
        try:
            if requests.get(f"{base}/health", timeout=5).status_code == 200:
                return
        except requests.ConnectionError:
            time.sleep(0.2)
    pytest.fail("server did not start")


def leave_an_orphan(url: str, tmp_path) -> str:
    """A retraining a crashed server left behind: its job row started, its version in
    training. Returns the job id."""
    from conserje import config, create_app
    from conserje.extensions import db
    from conserje.models import FaceModel
    from conserje.services.core import jobs
    from conserje.services.core.actor import Actor
    from conserje.services.setup.condominiums import first_condominium

    app = create_app(config.TestConfig(SQLALCHEMY_DATABASE_URI=url, REDIS_URL="",
                                       MEDIA_DIR=str(tmp_path / "media")))
    with app.app_context():
        condo = first_condominium(db.session)
        run = jobs.create(db.session, Actor(None, condo.id, frozenset({"admin"})),
                          "retrain_face_model")
        run.state = "started"
        db.session.add(FaceModel(condominium_id=condo.id, version_no=99, model_name="Dlib",
                                 detector_name="haar", threshold=0.5, status="training"))
        db.session.commit()
        return run.rq_id


def test_walk_in_times_out_with_only_serve_running(tmp_path):
    url = f"sqlite:///{tmp_path / 'embedded.db'}"
    env = minimal_env(url, tmp_path)
    # The worktree's code, not whichever checkout the console script was installed from.
    env["PYTHONPATH"] = os.environ.get("PYTHONPATH", "")
    assert "CONSERJE_REDIS_URL" not in env
    run(env, "init-db")
    run(env, "seed-demo")
    orphan = leave_an_orphan(url, tmp_path)
    port = free_port()
    server = subprocess.Popen([CONSERJE, "serve", "--port", str(port)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}/api/v1"
    try:
        wait_for(base, server)
        admin = login(base, "admin@demo.conserje.app")
        guard = login(base, "guardia@demo.conserje.app")
        job = requests.get(f"{base}/jobs/{orphan}", headers=admin, timeout=30).json()
        assert job["state"] == "failed" and job["error"].startswith("orphaned"), job
        versions = requests.get(f"{base}/face-models", headers=admin, timeout=30).json()
        assert [v["status"] for v in versions if v["version"] == 99] == ["failed"]
        res = requests.patch(f"{base}/visitor-admin/settings", headers=admin, timeout=30,
                             json={"approval_timeout_s": 15, "timeout_action": "deny"})
        assert res.status_code == 200, res.text
        gate = requests.get(f"{base}/gates", headers=admin, timeout=30).json()[0]["id"]
        unit = requests.get(f"{base}/units", headers=admin, timeout=30).json()[0]["id"]
        photo = jpeg(gate_frame(FACES / "obama" / "3.jpg"))
        res = requests.post(f"{base}/visits/walk-ins", headers=guard, timeout=60,
                            data={"gate_id": gate, "unit_id": unit, "first_name": "Pedro",
                                  "last_name": "Pérez", "doc_type": "rut",
                                  "doc_number": "15555555-6"},
                            files={"photo": ("photo.jpg", photo, "image/jpeg")})
        assert res.status_code == 201, res.text
        visit = res.json()
        assert visit["status"] == "pending"
        started = time.monotonic()
        # 15 s timeout + the 15 s cron step + the job: well under a minute and a half.
        while time.monotonic() - started < 90:
            status = requests.get(f"{base}/visits/{visit['id']}", headers=guard,
                                  timeout=30).json()["status"]
            if status != "pending":
                break
            time.sleep(2)
        assert status == "denied", f"still {status} after {time.monotonic() - started:.0f}s"
        assert time.monotonic() - started >= 10  # not before its timeout
    finally:
        server.terminate()
        server.wait(timeout=30)
