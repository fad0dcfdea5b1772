"""Typed results shared by the vision modules (pure data, no model objects)."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class BBox:
    """Axis-aligned box in pixel coordinates of the analysed image."""

    x: int
    y: int
    w: int
    h: int

    def clip(self, width: int, height: int) -> "BBox":
        x0, y0 = max(0, self.x), max(0, self.y)
        x1, y1 = min(width, self.x + self.w), min(height, self.y + self.h)
        return BBox(x0, y0, max(0, x1 - x0), max(0, y1 - y0))

    def as_dict(self) -> dict[str, int]:
        return {"x": self.x, "y": self.y, "w": self.w, "h": self.h}


@dataclass(frozen=True)
class DetectedFace:
    bbox: BBox
    score: float
    detector: str


@dataclass(frozen=True)
class AlignedFace:
    """A face cropped and rotated to the canonical pose from its 5 landmarks."""

    detection: DetectedFace
    chip: np.ndarray  # BGR uint8, square
    landmarks: np.ndarray  # (5, 2) float32 in image coordinates


@dataclass(frozen=True)
class QualityReport:
    """Photo checks; ``reasons`` holds machine-readable codes of the failed checks."""

    ok: bool
    reasons: tuple[str, ...]
    metrics: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"ok": self.ok, "reasons": list(self.reasons),
                "metrics": {k: round(v, 3) for k, v in self.metrics.items()}}


@dataclass(frozen=True)
class FaceEmbedding:
    vector: np.ndarray  # float32, L2-normalised
    model: str  # e.g. "Dlib"
    dim: int


@dataclass(frozen=True)
class Match:
    label: int  # the gallery label (a person id)
    similarity: float  # cosine similarity in [-1, 1]
