"""Alignment from five landmarks (dlib's 5-point shape predictor, any detector's box)."""
from __future__ import annotations

import os

import numpy as np

from vision.registry import NativeModel
from vision.types import AlignedFace, DetectedFace
from vision.weights import require_weight

SHAPE_PREDICTOR = "shape_predictor_5_face_landmarks.dat"
# dlib's ResNet was trained on 150 px chips with 25% padding around the landmarks.
CHIP_SIZE = 150
CHIP_PADDING = 0.25


class Aligner(NativeModel):
    """Finds 5 landmarks inside a detection and warps the face to the canonical chip;
    safe to share between threads (the shape predictor runs under the instance's lock)."""

    def __init__(self, models_dir: str | os.PathLike | None = None):
        import dlib

        self._dlib = dlib
        self.predictor = dlib.shape_predictor(str(require_weight(SHAPE_PREDICTOR, models_dir)))

    def align(self, image: np.ndarray, face: DetectedFace, size: int = CHIP_SIZE,
              padding: float = CHIP_PADDING) -> AlignedFace:
        """Return the face rotated and scaled so the eyes sit level at fixed positions."""
        rgb = np.ascontiguousarray(image[:, :, ::-1])
        box = face.bbox
        rect = self._dlib.rectangle(box.x, box.y, box.x + box.w, box.y + box.h)
        with self.exclusive():
            shape = self.predictor(rgb, rect)
        chip_rgb = self._dlib.get_face_chip(rgb, shape, size=size, padding=padding)
        landmarks = np.array([(p.x, p.y) for p in shape.parts()], dtype=np.float32)
        return AlignedFace(face, np.ascontiguousarray(chip_rgb[:, :, ::-1]), landmarks)
