"""The YOLO face detector on onnxruntime: the same boxes as ultralytics' own inference
on the exported file, and a clear error when no weights file is configured."""
from __future__ import annotations

import os

import pytest

from tests.vision.conftest import read
from vision import detectors
from vision.detectors.yolo_onnx import YoloOnnxDetector, letterbox
from vision.weights import MissingWeights


def _held_out(datasets, count=12):
    # The detector was trained on the first 30 identities: these are photos it never saw.
    folders = sorted((datasets / "faces").iterdir())[30:30 + count]
    return [sorted(folder.iterdir())[0] for folder in folders]


def test_decoding_matches_ultralytics_on_the_same_onnx_file(trained_face_detector, datasets):
    models_dir, result = trained_face_detector
    os.environ.setdefault("YOLO_OFFLINE", "1")
    from ultralytics import YOLO

    reference = YOLO(str(models_dir / result.onnx), task="detect")
    ours = YoloOnnxDetector(models_dir / result.onnx, conf=0.1)
    compared = 0
    for path in _held_out(datasets):
        image = read(path)
        found = ours.detect(image)
        theirs = reference.predict(image, imgsz=ours.imgsz, conf=0.1, iou=0.45, verbose=False)[0]
        assert len(found) == len(theirs.boxes), path
        for face, (x0, y0, x1, y1), score in zip(found, theirs.boxes.xyxy.tolist(),
                                                 theirs.boxes.conf.tolist()):
            box = face.bbox
            assert box.x == pytest.approx(x0, abs=2) and box.y == pytest.approx(y0, abs=2)
            assert box.x + box.w == pytest.approx(x1, abs=2)
            assert box.y + box.h == pytest.approx(y1, abs=2)
            assert face.score == pytest.approx(score, abs=1e-3)
            compared += 1
    assert compared > 0  # the trained model finds faces on unseen photos


def test_pipeline_runs_with_the_yolo_detector(trained_face_detector, datasets, pipeline):
    from vision.pipeline import FacePipeline

    models_dir, result = trained_face_detector
    built = detectors.build("yolo", str(models_dir), result.onnx)
    assert built is detectors.build("yolo", str(models_dir), result.onnx)  # cached
    assert built.weights == models_dir / result.onnx and built.imgsz == 160
    # A model trained for a minute on 90 photos is unsure of itself: a low threshold.
    detector = YoloOnnxDetector(models_dir / result.onnx, conf=0.1)
    yolo_pipeline = FacePipeline(detector, pipeline.aligner, pipeline.embedder)
    faces = [analysis for path in _held_out(datasets)
             for analysis in yolo_pipeline.analyse(read(path))[0]]
    assert faces and all(a.face.detection.detector == "yolo" for a in faces)
    assert any(a.embedding is not None for a in faces)


def test_letterbox_keeps_the_aspect_and_centres():
    import numpy as np

    image = np.zeros((480, 640, 3), np.uint8)
    padded, scale, (left, top) = letterbox(image, 320)
    assert padded.shape == (320, 320, 3) and scale == 0.5 and (left, top) == (0, 40)


def test_missing_weights_name_the_file_and_the_setting(tmp_path):
    with pytest.raises(MissingWeights, match="yolo_face.onnx not found.*CONSERJE_MODELS_DIR"):
        detectors.build("yolo", str(tmp_path))
    assert detectors.weight_status(str(tmp_path))["yolo"] is None
    assert detectors.weight_status(str(tmp_path))["haar"] == ""
