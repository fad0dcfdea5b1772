"""The face detector interface."""
from __future__ import annotations

import abc

import cv2
import numpy as np

from vision.registry import NativeModel
from vision.types import BBox, DetectedFace


class FaceDetector(NativeModel, abc.ABC):
    """Finds faces in a BGR image; implementations are built once and reused.

    Safe to call from several threads: ``_detect`` runs under the instance's lock
    (:mod:`vision.registry`), the resizing before it does not.

    Images whose longer side exceeds ``max_side`` are searched at that size and the boxes
    scaled back: a 4608 px photo costs what a 1280 px one does, and faces that small in
    such a photo are below the minimum size anyway.
    """

    name: str = "base"
    max_side: int = 1280

    def detect(self, image: np.ndarray, min_face: int | None = None) -> list[DetectedFace]:
        """Return every face in ``image`` (BGR uint8, H x W x 3), best score first.

        ``min_face`` (pixels) lets a detector skip work on faces too small to be used,
        e.g. dlib's HOG need not upsample a gate frame when faces must be 80 px.
        """
        longer = max(image.shape[:2])
        if longer <= self.max_side:
            with self.exclusive():
                return self._detect(image, min_face)
        scale = self.max_side / longer
        small = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        with self.exclusive():
            found = self._detect(small, round(min_face * scale) if min_face else None)
        return [DetectedFace(BBox(round(f.bbox.x / scale), round(f.bbox.y / scale),
                                  round(f.bbox.w / scale), round(f.bbox.h / scale)),
                             f.score, f.detector)
                for f in found]

    @abc.abstractmethod
    def _detect(self, image: np.ndarray, min_face: int | None) -> list[DetectedFace]:
        """Detect at the given size; faces under ``min_face`` pixels may be skipped.

        Called with the instance's lock held: implementations need no lock of their own.
        """
