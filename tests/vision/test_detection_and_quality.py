"""Detection on group and no-face photos; quality checks with machine-readable reasons."""
from __future__ import annotations

import csv

import cv2
import numpy as np
import pytest

from tests.vision.conftest import read
from vision import detectors
from vision.quality import GATE_CAMERA, yaw_ratio


def labelled_misc(datasets):
    with open(datasets / "faces_misc" / "labels.csv") as fh:
        return [(row["image"], int(row["expected_faces"])) for row in csv.DictReader(fh)
                if row["expected_faces"]]


def test_no_face_images_yield_no_face(datasets):
    detector = detectors.get("dlib_hog", upsample=1)
    for name, expected in labelled_misc(datasets):
        if expected == 0:
            assert detector.detect(read(datasets / "faces_misc" / name)) == [], name


def test_group_photos_find_the_labelled_faces(datasets):
    """Every labelled face is found except two that HOG cannot see (a face behind dark
    sunglasses in group_cf_000_5, a half-hidden ~35 px face in group_cf_016_8)."""
    detector = detectors.get("dlib_hog", upsample=1)
    known_misses = {"group_cf_000_5.jpg": 1, "group_cf_016_8.jpg": 1}
    for name, expected in labelled_misc(datasets):
        if expected:
            found = len(detector.detect(read(datasets / "faces_misc" / name)))
            assert found >= expected - known_misses.get(name, 0), (name, found, expected)
            assert found <= expected + 1, (name, found, expected)  # edge people, no clutter


def test_large_photos_are_searched_downscaled_with_boxes_in_original_pixels(datasets):
    detector = detectors.get("dlib_hog", upsample=1)
    image = read(datasets / "faces_misc" / "group_deepface_couple.jpg")
    faces = detector.detect(image)
    assert len(faces) == 2
    height, width = image.shape[:2]
    for face in faces:
        box = face.bbox
        assert 0 <= box.x < width and 0 <= box.y < height and box.w > 200  # full-size boxes


def test_haar_detector_finds_a_frontal_face(datasets):
    faces = detectors.get("haar").detect(read(datasets / "faces" / "obama" / "1.jpg"))
    assert len(faces) >= 1 and faces[0].bbox.w > 60


def test_enrolment_photos_of_250px_are_accepted(datasets, pipeline):
    """The shared set's LFW crops (250x250, faces ~100 px) pass the enrolment checks."""
    paths = sorted((datasets / "faces").glob("*/*.jpg"))[:120]
    accepted = 0
    for path in paths:
        results, _ = pipeline.analyse(read(path))
        accepted += any(r.quality.ok for r in results)
    assert accepted / len(paths) >= 0.9


def test_dark_blurry_and_small_faces_are_rejected_with_reasons(datasets, pipeline):
    image = read(datasets / "faces" / "bill_clinton" / "1.jpg")
    dark = (image * 0.15).astype(np.uint8)
    blurry = cv2.GaussianBlur(image, (0, 0), 4)
    for variant, reason in ((dark, "too_dark"), (blurry, "blurry")):
        results, _ = pipeline.analyse(variant, embed_low_quality=True)
        assert results and reason in results[0].quality.reasons, reason
        assert results[0].embedding is not None  # embedded on request, not by default
    # A 250x250 photo is fine for enrolment but not as a gate camera frame (640x480 rule).
    results, _ = pipeline.analyse(image, rules=GATE_CAMERA)
    assert "frame_too_small" in results[0].quality.reasons
    tiny = cv2.resize(image, (90, 90))
    results, _ = pipeline.analyse(cv2.copyMakeBorder(tiny, 80, 80, 80, 80, cv2.BORDER_REPLICATE))
    assert all("face_too_small" in r.quality.reasons for r in results)


def test_yaw_ratio_from_landmarks():
    frontal = np.array([[30, 40], [40, 40], [60, 40], [70, 40], [50, 60]], dtype=np.float32)
    turned = frontal.copy()
    turned[4] = [68, 60]
    assert abs(yaw_ratio(frontal)) < 0.05
    assert abs(yaw_ratio(turned)) > 0.35


def test_rejected_quality_is_reported_not_raised(datasets, pipeline):
    results, timings = pipeline.analyse(read(datasets / "faces" / "obama" / "1.jpg"))
    report = results[0].quality
    assert report.ok and report.reasons == ()
    assert set(report.as_dict()["metrics"]) == {"face_px", "brightness", "sharpness", "yaw"}
    assert {"detect", "align", "embed"} <= set(timings.stages)


@pytest.mark.parametrize("name", ["dlib_hog", "haar"])
def test_detectors_are_cached(name):
    assert detectors.get(name) is detectors.get(name)
