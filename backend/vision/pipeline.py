"""Detect -> align -> check quality -> embed, with per-stage timings."""
from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from vision.alignment import Aligner
from vision.detectors.base import FaceDetector
from vision.embedders.base import Embedder
from vision.quality import ENROLMENT, QualityRules, assess
from vision.types import AlignedFace, QualityReport


@dataclass(frozen=True)
class FaceAnalysis:
    face: AlignedFace
    quality: QualityReport
    embedding: np.ndarray | None  # None when the face failed quality and was not embedded


@dataclass
class Timings:
    """Milliseconds spent per stage for one image."""

    stages: dict[str, float] = field(default_factory=dict)

    def add(self, stage: str, started: float) -> None:
        self.stages[stage] = self.stages.get(stage, 0.0) + (time.perf_counter() - started) * 1000


class FacePipeline:
    """One detector, the aligner and one embedder, used together on every image."""

    def __init__(self, detector: FaceDetector, aligner: Aligner, embedder: Embedder):
        self.detector = detector
        self.aligner = aligner
        self.embedder = embedder

    def analyse(self, image: np.ndarray, rules: QualityRules = ENROLMENT,
                embed_low_quality: bool = False) -> tuple[list[FaceAnalysis], Timings]:
        """Every face in ``image`` with its quality report and (when good) its embedding."""
        timings = Timings()
        started = time.perf_counter()
        detections = self.detector.detect(image, min_face=rules.min_face_px)
        timings.add("detect", started)
        started = time.perf_counter()
        aligned = [self.aligner.align(image, d) for d in detections]
        timings.add("align", started)
        reports = [assess(image, face, rules) for face in aligned]
        wanted = [i for i, r in enumerate(reports) if r.ok or embed_low_quality]
        started = time.perf_counter()
        vectors = self.embedder.embed([aligned[i].chip for i in wanted])
        timings.add("embed", started)
        by_index = dict(zip(wanted, vectors))
        return [FaceAnalysis(face, report, by_index.get(i))
                for i, (face, report) in enumerate(zip(aligned, reports))], timings
