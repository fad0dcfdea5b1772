"""Fine-tuning a YOLO face detector: a dataset labelled by a teacher detector, trained
with ultralytics in this run, exported to ONNX; uploaded YOLO zips checked entry by entry."""
from __future__ import annotations

import io
import json
import zipfile

import cv2
import pytest

from training.detector_finetune import TrainingUnavailable, resolve_base, trained_detectors
from training.yolo_dataset import DatasetError, extract_yolo_zip


def test_teacher_labels_become_normalised_yolo_lines(face_detector_set):
    labels = sorted((face_detector_set.root / "labels").rglob("*.txt"))
    images = sorted((face_detector_set.root / "images").rglob("*.jpg"))
    assert len(labels) == len(images) == face_detector_set.train + face_detector_set.val
    assert face_detector_set.val > 0
    lines = [line.split() for p in labels for line in p.read_text().splitlines()]
    assert len(lines) >= len(labels) * 0.9  # nearly every LFW photo has a face dlib finds
    assert all(v[0] == "0" and all(0 < float(x) <= 1 for x in v[1:]) for v in lines)
    assert "0: face" in face_detector_set.yaml.read_text()


def test_training_learns_faces_and_exports_onnx(trained_face_detector):
    models_dir, result = trained_face_detector
    assert (models_dir / result.onnx).stat().st_size > 1_000_000
    assert (models_dir / result.weights).is_file()
    # Validation on held-out photos: a model that learned nothing scores ~0 here.
    assert result.metrics["mAP50"] > 0.3, result.metrics
    assert result.imgsz == 160 and result.epochs == 40
    assert 0.05 <= result.conf < 1  # the best-F1 threshold on the validation photos
    listed = trained_detectors(models_dir)
    assert [d["onnx"] for d in listed] == [result.onnx]
    assert json.loads((models_dir / "yolo_face_test.json").read_text())["metrics"] == \
        result.metrics


def test_a_base_is_a_yaml_or_a_local_checkpoint_never_a_download(trained_face_detector,
                                                                  tmp_path):
    models_dir, result = trained_face_detector
    assert resolve_base("yolov8n.yaml", None) == "yolov8n.yaml"
    assert resolve_base(result.weights, models_dir) == str(models_dir / result.weights)
    with pytest.raises(TrainingUnavailable, match="yolov8n.pt not found"):
        resolve_base("yolov8n.pt", tmp_path)


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_uploaded_zip_is_unpacked_safely_with_a_report(face_detector_set, tmp_path):
    jpg = sorted((face_detector_set.root / "images" / "train").glob("*.jpg"))[0].read_bytes()
    data = _zip({
        "images/train/a.jpg": jpg, "labels/train/a.txt": b"0 0.5 0.5 0.4 0.4\n",
        "images/val/b.jpg": jpg, "labels/val/b.txt": b"",
        "../../evil.jpg": jpg,
        "images/train/sub/c.jpg": jpg,
        "images/train/d.txt": b"0 0.5 0.5 0.4 0.4",
        "labels/train/e.txt": b"3 0.5 0.5 2.0 0.4",
        "images/train/f.jpg": b"not really a jpeg",
        "images/train/g.zip": b"PK",
        "images/train/bomb.jpg": b"\0" * 5_000_000,
    })
    dataset = extract_yolo_zip(data, tmp_path / "ds")
    assert (dataset.train, dataset.val) == (1, 1)
    reasons = {r["entry"]: r["reason"] for r in dataset.rejected}
    assert reasons == {"../../evil.jpg": "unsafe_path", "images/train/sub/c.jpg": "wrong_layout",
                       "images/train/d.txt": "wrong_file_type",
                       "labels/train/e.txt": "bad_label_file",
                       "images/train/f.jpg": "not_an_image",
                       "images/train/g.zip": "wrong_file_type",
                       "images/train/bomb.jpg": "zip_bomb"}
    assert not (tmp_path / "evil.jpg").exists() and not (tmp_path.parent / "evil.jpg").exists()
    assert cv2.imread(str(tmp_path / "ds" / "images" / "val" / "b.jpg")) is not None


def test_unusable_archives_are_refused(tmp_path):
    with pytest.raises(DatasetError, match="not a zip"):
        extract_yolo_zip(b"plain text", tmp_path / "a")
    with pytest.raises(DatasetError) as refused:
        extract_yolo_zip(_zip({"photos/person/1.jpg": b"x"}), tmp_path / "b")
    assert refused.value.problems == {"file": ["no_train_images"]}
