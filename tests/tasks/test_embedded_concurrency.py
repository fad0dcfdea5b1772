"""Embedded mode (no Redis): a retraining job runs on the API process's job thread while
identify requests and gate frames arrive on other threads. They share the process's
native models; before vision.registry's per-instance lock this aborted the process with
heap corruption. Every request must be answered and every job must finish."""
from __future__ import annotations

import io
import threading
import time

import pytest

from conserje import config, create_app
from tests.conftest import auth_headers
from tests.frames import FACES, gate_frame, jpeg

PEOPLE = {"person1": "obama", "person2": "bill_clinton", "person_extra": "colin_powell"}
ROUNDS = 3
CLIENTS = 3


@pytest.fixture
def embedded(database_url, tmp_path, world):
    """An app on the same database as ``world`` but without Redis: jobs run in a thread."""
    app = create_app(config.TestConfig(SQLALCHEMY_DATABASE_URI=database_url, REDIS_URL="",
                                MEDIA_DIR=str(tmp_path), MODELS_DIR=str(tmp_path / "models"),
                                FRONTEND_DIST=str(tmp_path / "no-dist")))
    client = app.test_client()
    admin = auth_headers(client, "admin@a.test")
    extra = client.post("/api/v1/people", headers=admin, json={
        "first_name": "Colin", "last_name": "P", "doc_type": "passport", "doc_number": "CP1",
        "kind": "staff"}).json
    ids = {**world.ids, "person_extra": extra["id"]}
    for key, folder in PEOPLE.items():
        person = ids[key]
        client.post(f"/api/v1/people/{person}/biometric-consent", json={"version": "v1"},
                    headers=admin)
        data = {"image": [(io.BytesIO((FACES / folder / f"{n}.jpg").read_bytes()), f"{n}.jpg")
                          for n in (1, 2, 3)]}
        res = client.post(f"/api/v1/people/{person}/faces", data=data, headers=admin,
                          content_type="multipart/form-data")
        assert res.status_code == 201, res.json
    return app, admin, auth_headers(client, "guard@a.test")


def traffic(app, guard, gate_id, stop, statuses) -> None:
    """Identify requests and gate frames, alternating, until ``stop`` is set."""
    client = app.test_client()
    photo = (FACES / "obama" / "3.jpg").read_bytes()
    frame = jpeg(gate_frame(FACES / "obama" / "4.jpg"))
    while not stop.is_set():
        res = client.post("/api/v1/faces/identify", headers=guard,
                          data={"image": (io.BytesIO(photo), "probe.jpg")},
                          content_type="multipart/form-data")
        statuses.append(("identify", res.status_code))
        res = client.post(f"/api/v1/gates/{gate_id}/frames", headers=guard,
                          data={"image": (io.BytesIO(frame), "frame.jpg", "image/jpeg")},
                          content_type="multipart/form-data")
        statuses.append(("frame", res.status_code))


def test_retraining_beside_identify_and_gate_traffic(embedded, world):
    app, admin, guard = embedded
    client = app.test_client()
    statuses: list[tuple[str, int]] = []
    for round_no in range(ROUNDS):
        # Haar (whose cascade crashed first when shared) in the job, then in the
        # requests too once the new version is active.
        res = client.post("/api/v1/face-models/retrain", headers=admin,
                          json={"model": "Dlib", "detector": "haar", "activate": True})
        assert res.status_code == 202, res.json
        stop = threading.Event()
        threads = [threading.Thread(target=traffic,
                                    args=(app, guard, world.ids["gate"], stop, statuses))
                   for _ in range(CLIENTS)]
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            job = client.get(f"/api/v1/jobs/{res.json['job_id']}", headers=admin).json
            if job["state"] in ("finished", "failed"):
                break
            time.sleep(0.5)
        stop.set()
        for thread in threads:
            thread.join(timeout=120)
        assert job["state"] == "finished", (round_no, job)
        assert job["result"]["activated"] is True
    print(f"{len(statuses)} requests in {ROUNDS} rounds")
    assert len(statuses) >= ROUNDS * CLIENTS
    assert [s for s in statuses if s[1] != 200] == []
    versions = client.get("/api/v1/face-models", headers=admin).json
    assert [v["status"] for v in versions] == ["ready"] * (ROUNDS + 1)
