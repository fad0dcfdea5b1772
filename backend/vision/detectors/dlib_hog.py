"""dlib's HOG + linear SVM frontal face detector (no weights file needed)."""
from __future__ import annotations

import cv2
import numpy as np

from vision.detectors.base import FaceDetector
from vision.types import BBox, DetectedFace


class DlibHogDetector(FaceDetector):
    """``upsample`` doubles the image that many times: finds faces down to ~40 px
    (1) instead of ~80 px (0), at about 4x the cost; skipped when the caller only wants
    faces of 80 px and more."""

    NATIVE_MIN_FACE = 80

    name = "dlib_hog"

    def __init__(self, upsample: int = 1, threshold: float = 0.0):
        import dlib

        self.detector = dlib.get_frontal_face_detector()
        self.upsample = upsample
        self.threshold = threshold

    def _detect(self, image: np.ndarray, min_face: int | None) -> list[DetectedFace]:
        gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
        upsample = 0 if (min_face or 0) >= self.NATIVE_MIN_FACE else self.upsample
        rects, scores, _ = self.detector.run(gray, upsample, self.threshold)
        height, width = gray.shape
        faces = []
        for rect, score in zip(rects, scores):
            box = BBox(rect.left(), rect.top(), rect.width(), rect.height()).clip(width, height)
            if box.w > 0 and box.h > 0:
                faces.append(DetectedFace(box, float(score), self.name))
        return sorted(faces, key=lambda f: -f.score)
