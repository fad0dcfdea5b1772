"""Photo quality checks with machine-readable reasons.

Enrolment photos are judged by the face itself (a 250x250 photo with a ~100 px face is
fine); photos from the gate webcam must also meet the 640x480 minimum of the photo rules.
"""
from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from vision.types import AlignedFace, QualityReport


@dataclass(frozen=True)
class QualityRules:
    min_face_px: int = 60  # shorter side of the detected box
    min_brightness: float = 50.0  # mean grey level of the aligned face, 0-255
    max_brightness: float = 215.0
    # Variance of the Laplacian of the 150 px aligned face; LFW-style crops with ~100 px
    # faces sit around 20-80, a visibly out-of-focus face under 10.
    min_sharpness: float = 12.0
    max_yaw: float = 0.35  # nose offset from the eyes' midline, in eye distances
    min_frame: tuple[int, int] | None = None  # (width, height) for camera frames


ENROLMENT = QualityRules()
# At the gate the subject stands close to the camera: an 80 px face in a 640x480 frame is
# about 1.5 m away with a typical webcam, and the detector need not upsample the frame.
GATE_CAMERA = QualityRules(min_face_px=80, min_frame=(640, 480))


def yaw_ratio(landmarks: np.ndarray) -> float:
    """How far the nose sits from the eyes' midline, in inter-ocular distances.

    dlib's 5 points: 0-1 one eye's corners, 2-3 the other's, 4 the base of the nose.
    """
    eye_a, eye_b = landmarks[0:2].mean(axis=0), landmarks[2:4].mean(axis=0)
    eye_distance = float(np.linalg.norm(eye_a - eye_b)) or 1.0
    axis = (eye_b - eye_a) / eye_distance
    midpoint = (eye_a + eye_b) / 2
    return float(np.dot(landmarks[4] - midpoint, axis) / eye_distance)


def assess(image: np.ndarray, face: AlignedFace, rules: QualityRules = ENROLMENT) -> QualityReport:
    """Check one aligned face found in ``image``."""
    reasons: list[str] = []
    height, width = image.shape[:2]
    if rules.min_frame and (width < rules.min_frame[0] or height < rules.min_frame[1]):
        reasons.append("frame_too_small")
    box = face.detection.bbox
    size = float(min(box.w, box.h))
    if size < rules.min_face_px:
        reasons.append("face_too_small")
    grey = cv2.cvtColor(face.chip, cv2.COLOR_BGR2GRAY)
    # The centre of the chip is the face itself, without background or hair.
    h, w = grey.shape
    inner = grey[h // 4: 3 * h // 4, w // 4: 3 * w // 4]
    brightness = float(inner.mean())
    if brightness < rules.min_brightness:
        reasons.append("too_dark")
    elif brightness > rules.max_brightness:
        reasons.append("too_bright")
    sharpness = float(cv2.Laplacian(grey, cv2.CV_64F).var())
    if sharpness < rules.min_sharpness:
        reasons.append("blurry")
    yaw = yaw_ratio(face.landmarks)
    if abs(yaw) > rules.max_yaw:
        reasons.append("not_frontal")
    return QualityReport(not reasons, tuple(reasons), {
        "face_px": size, "brightness": brightness, "sharpness": sharpness, "yaw": yaw})
