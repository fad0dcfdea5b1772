"""OpenCV Haar cascade detector (the cascade ships inside the opencv 4.x wheel)."""
from __future__ import annotations

import os

import cv2
import numpy as np

from vision.detectors.base import FaceDetector
from vision.types import BBox, DetectedFace
from vision.weights import MissingWeights

CASCADE = "haarcascade_frontalface_default.xml"


class HaarDetector(FaceDetector):
    name = "haar"

    def __init__(self, min_face: int = 40, scale_factor: float = 1.1, min_neighbors: int = 5):
        path = os.path.join(cv2.data.haarcascades, CASCADE)
        self.cascade = cv2.CascadeClassifier(path)
        if self.cascade.empty():
            raise MissingWeights(f"OpenCV cascade {CASCADE} not found in {path}: install "
                                 "opencv-contrib-python-headless 4.x (the 5.x wheels ship none)")
        self.min_face = min_face
        self.scale_factor = scale_factor
        self.min_neighbors = min_neighbors

    def _detect(self, image: np.ndarray, min_face: int | None) -> list[DetectedFace]:
        smallest = max(self.min_face, min_face or 0)
        gray = cv2.equalizeHist(cv2.cvtColor(image, cv2.COLOR_BGR2GRAY))
        boxes, _, weights = self.cascade.detectMultiScale3(
            gray, scaleFactor=self.scale_factor, minNeighbors=self.min_neighbors,
            minSize=(smallest, smallest), outputRejectLevels=True)
        faces = [DetectedFace(BBox(int(x), int(y), int(w), int(h)), float(score), self.name)
                 for (x, y, w, h), score in zip(boxes, np.ravel(weights))]
        return sorted(faces, key=lambda f: -f.score)
