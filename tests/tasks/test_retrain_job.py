"""Retraining: a new model version re-embeds every enrolled face, calibrates its
threshold, evaluates, and is activated only when asked and not worse."""
from __future__ import annotations

import io

import pytest
from rq import SimpleWorker

from conserje.config import REPO_ROOT

FACES = REPO_ROOT.parent / "shared" / "datasets" / "faces"
PEOPLE = {"person1": "obama", "person2": "bill_clinton", "person_extra": "colin_powell"}


def post_photos(client, url, headers, *paths):
    data = {"image": [(io.BytesIO(p.read_bytes()), p.name) for p in paths]}
    return client.post(url, data=data, headers=headers, content_type="multipart/form-data")


@pytest.fixture
def enrolled(client, world, login):
    admin = login("admin@a.test")
    extra = client.post("/api/v1/people", json={"first_name": "Colin", "last_name": "P",
                                                 "doc_type": "passport", "doc_number": "CP1",
                                                 "kind": "staff"}, headers=admin).json
    ids = {**world.ids, "person_extra": extra["id"]}
    for key, folder in PEOPLE.items():
        client.post(f"/api/v1/people/{ids[key]}/biometric-consent", json={"version": "v1"},
                    headers=admin)
        res = post_photos(client, f"/api/v1/people/{ids[key]}/faces", admin,
                          *[FACES / folder / f"{n}.jpg" for n in (1, 2, 3)])
        assert sum(r["status"] == "accepted" for r in res.json["results"]) >= 2, res.json
    return admin


def run_training(app, redis_conn):
    with app.app_context():
        SimpleWorker(["training"], connection=redis_conn).work(burst=True)


def test_retrain_calibrates_evaluates_and_activates(app, client, enrolled, redis_conn):
    admin = enrolled
    versions = client.get("/api/v1/face-models", headers=admin).json
    assert [v["version"] for v in versions] == [1] and versions[0]["is_active"]
    res = client.post("/api/v1/face-models/retrain",
                      json={"model": "Dlib", "detector": "haar", "activate": True},
                      headers=admin)
    assert res.status_code == 202
    run_training(app, redis_conn)
    job = client.get(f"/api/v1/jobs/{res.json['job_id']}", headers=admin).json
    assert job["state"] == "finished", job
    assert job["result"]["activated"] is True
    versions = client.get("/api/v1/face-models", headers=admin).json
    new = versions[-1]
    assert new["version"] == 2 and new["detector"] == "haar" and new["is_active"]
    assert not versions[0]["is_active"]
    report = new["report"]
    assert report["people"] == 3 and report["rank1"] == 1.0
    assert 0 < report["threshold"] < 1 and report["threshold"] == pytest.approx(new["threshold"])
    hist = report["histogram"]
    assert len(hist["bins"]) == len(hist["genuine"]) + 1 == len(hist["impostor"]) + 1
    assert sum(hist["impostor"]) == report["faces"]
    # Identification now runs on version 2 with its calibrated threshold.
    probe = post_photos(client, "/api/v1/faces/identify", admin, FACES / "obama" / "4.jpg").json
    assert probe["model_version"] == 2
    assert probe["threshold"] == pytest.approx(new["threshold"])


def test_activation_by_hand_and_refusals(app, client, enrolled, redis_conn, login):
    admin = enrolled
    job_id = client.post("/api/v1/face-models/retrain", json={"activate": False},
                         headers=admin).json["job_id"]
    run_training(app, redis_conn)
    assert client.get(f"/api/v1/jobs/{job_id}", headers=admin).json["result"]["activated"] is False
    versions = client.get("/api/v1/face-models", headers=admin).json
    assert [v["is_active"] for v in versions] == [True, False]
    switched = client.post(f"/api/v1/face-models/{versions[1]['id']}/activate", headers=admin)
    assert switched.status_code == 200 and switched.json["is_active"]
    missing = client.post("/api/v1/face-models/retrain", json={"model": "ArcFace"},
                          headers=admin)
    assert missing.status_code == 422 and "arcface_weights.onnx" in missing.json["message"]
    bad = client.post("/api/v1/face-models/retrain", json={"detector": "nope"}, headers=admin)
    assert bad.status_code == 422
    guard = login("guard@a.test")
    assert client.post("/api/v1/face-models/retrain", json={}, headers=guard).status_code == 403
    assert client.get("/api/v1/face-models", headers=guard).status_code == 403


def test_catalogue_and_consent_lookup(client, world, login):
    admin = login("admin@a.test")
    catalogue = client.get("/api/v1/face-models/available", headers=admin).json
    models = {m["name"]: m for m in catalogue["models"]}
    assert models["Dlib"]["available"] and not models["ArcFace"]["available"]
    assert models["ArcFace"]["file"] == "arcface_weights.onnx"
    assert {d["name"] for d in catalogue["detectors"]} >= {"dlib_hog", "haar"}
    url = f"/api/v1/people/{world.ids['person1']}/biometric-consent"
    assert client.get(url, headers=admin).status_code == 404
    client.post(url, json={"version": "2026-11"}, headers=admin)
    assert client.get(url, headers=admin).json["version"] == "2026-11"
    assert client.get("/api/v1/face-models/available",
                      headers=login("guard@a.test")).status_code == 403
