"""Detector fine-tuning through the API: a YOLO zip -> a job on a real RQ worker -> an
ONNX detector in the models folder that a retraining then uses."""
from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

from rq import SimpleWorker

from tests.tasks.test_retrain_job import enrolled  # noqa: F401 (fixture)


def _zip_folder(root: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.parts[-3] in ("images", "labels"):
                archive.write(path, path.relative_to(root).as_posix())
    return buffer.getvalue()


def _upload(client, headers, data: bytes, **form):
    return client.post("/api/v1/face-models/detectors/finetune",
                       data={"file": (io.BytesIO(data), "set.zip"), **form},
                       headers=headers, content_type="multipart/form-data")


def _work(app, redis_conn):
    with app.app_context():
        SimpleWorker(["training"], connection=redis_conn).work(burst=True)


def test_finetune_job_exports_a_detector_listed_as_available(app, client, world, login,
                                                            face_detector_set, redis_conn):
    admin = login("admin@a.test")
    res = _upload(client, admin, _zip_folder(face_detector_set.root), epochs="2", imgsz="96")
    assert res.status_code == 202, res.json
    _work(app, redis_conn)
    job = client.get(f"/api/v1/jobs/{res.json['job_id']}", headers=admin).json
    assert job["state"] == "finished", job
    result = job["result"]
    assert result["train_images"] == face_detector_set.train and result["rejected"] == []
    assert (Path(app.config["MODELS_DIR"]) / result["onnx"]).is_file()
    catalogue = client.get("/api/v1/face-models/available", headers=admin).json
    assert result["onnx"] in [d["onnx"] for d in catalogue["trained_detectors"]]
    # The zip was only kept for the job.
    assert not list((Path(app.config["MEDIA_DIR"]) / "detector-datasets").rglob("*.zip"))


def test_retraining_with_a_fine_tuned_detector(app, client, enrolled, trained_face_detector,  # noqa: F811
                                               redis_conn):
    admin = enrolled
    models_dir, result = trained_face_detector
    target = Path(app.config["MODELS_DIR"])
    target.mkdir(parents=True, exist_ok=True)
    for name in (result.onnx, "yolo_face_test.json"):  # the model and its calibrated conf
        shutil.copy(models_dir / name, target / name)
    res = client.post("/api/v1/face-models/retrain",
                      json={"detector": "yolo", "detector_weights": result.onnx}, headers=admin)
    assert res.status_code == 202, res.json
    _work(app, redis_conn)
    job = client.get(f"/api/v1/jobs/{res.json['job_id']}", headers=admin).json
    assert job["state"] == "finished", job
    version = client.get("/api/v1/face-models", headers=admin).json[-1]
    assert (version["detector"], version["detector_weights"]) == ("yolo", result.onnx)
    # The enrolled photos were found again by the fine-tuned detector and re-embedded.
    assert version["status"] == "ready", version["report"]
    report = version["report"]
    assert report["people"] == 3 and report["faces"] + report["faces_not_detected"] == 9


def test_bad_requests_are_refused_before_queueing(app, client, world, login, redis_conn):
    admin = login("admin@a.test")
    not_zip = _upload(client, admin, b"just text")
    assert not_zip.status_code == 422 and "zip" in not_zip.json["message"]
    bad_base = _upload(client, admin, _zip_single(), base="yolov8n.pt")
    assert bad_base.status_code == 422 and "yolov8n.pt not found" in bad_base.json["message"]
    too_many = _upload(client, admin, _zip_single(), epochs="100000")
    assert too_many.status_code == 422
    missing = client.post("/api/v1/face-models/detectors/finetune", data={}, headers=admin,
                          content_type="multipart/form-data")
    assert missing.status_code == 422
    guard = login("guard@a.test")
    assert _upload(client, guard, _zip_single()).status_code == 403
    for weights, status in (("../../etc/passwd", 422), ("nope.onnx", 422)):
        res = client.post("/api/v1/face-models/retrain",
                          json={"detector": "yolo", "detector_weights": weights}, headers=admin)
        assert res.status_code == status, res.json
    plain = client.post("/api/v1/face-models/retrain",
                        json={"detector": "haar", "detector_weights": "x.onnx"}, headers=admin)
    assert plain.status_code == 422
    assert redis_conn.llen("rq:queue:training") == 0


def _zip_single() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("labels/train/a.txt", "")
    return buffer.getvalue()
