"""Per-process recognition state: the pipelines and the galleries of enrolled faces.

Models come from the ``vision`` registries (built once per process). A gallery is loaded
from the database per (condominium, model version) and kept; every change to enrolled
faces bumps a generation counter in Redis after the commit, and every process compares
it before searching, so an erased person disappears from every API and worker cache.
"""
from __future__ import annotations

import threading

import numpy as np
from redis import Redis
from sqlalchemy import select
from sqlalchemy.orm import Session

from conserje.models import FaceEmbedding, FaceModel
from conserje.services.core.deps import EngineSettings
from vision import detectors, embedders
from vision.alignment import Aligner
from vision.matching import Gallery
from vision.pipeline import FacePipeline
from vision.weights import MissingWeights, find_weight


def check_configured_model(settings: EngineSettings) -> str:
    """Fail fast, naming the file, when the configured model's weights are absent."""
    if settings.default_model not in embedders.MODEL_FILES:
        raise MissingWeights(f"unknown face model {settings.default_model!r} in "
                             f"CONSERJE_FACE_MODEL; choose from {', '.join(embedders.MODEL_FILES)}")
    path = find_weight(embedders.MODEL_FILES[settings.default_model], settings.models_dir)
    if path is None:
        raise MissingWeights(
            f"weights file {embedders.MODEL_FILES[settings.default_model]} for "
            f"CONSERJE_FACE_MODEL={settings.default_model} not found in {settings.models_dir} "
            "(CONSERJE_MODELS_DIR); models are never downloaded")
    if settings.default_detector not in detectors.registry.names():
        raise MissingWeights(f"unknown detector {settings.default_detector!r} in "
                             "CONSERJE_FACE_DETECTOR")
    detector_file = detectors.weights_file(settings.default_detector,
                                           settings.default_detector_weights)
    if detector_file and find_weight(detector_file, settings.models_dir) is None:
        raise MissingWeights(
            f"weights file {detector_file} for CONSERJE_FACE_DETECTOR="
            f"{settings.default_detector} not found in {settings.models_dir} "
            "(CONSERJE_MODELS_DIR, CONSERJE_FACE_DETECTOR_WEIGHTS); train one with "
            "`python -m training finetune-detector`")
    return f"{settings.default_model} ({path.name}), detector {settings.default_detector}"


def warm(settings: EngineSettings) -> None:
    """Build the default pipeline now rather than on the first request."""
    pipeline_for(settings.default_model, settings.default_detector, settings.models_dir,
                 settings.default_detector_weights)


_aligners: dict[str, Aligner] = {}
_lock = threading.Lock()


def pipeline_for(model_name: str, detector_name: str, models_dir: str,
                 detector_weights: str | None = None) -> FacePipeline:
    """A recognition stack; its models are built once per process."""
    with _lock:
        aligner = _aligners.get(models_dir) or _aligners.setdefault(models_dir, Aligner(models_dir))
    return FacePipeline(detectors.build(detector_name, models_dir, detector_weights), aligner,
                        embedders.get(model_name, models_dir=models_dir))


def pipeline_of(model: FaceModel, settings: EngineSettings) -> FacePipeline:
    """The pipeline of one model version."""
    return pipeline_for(model.model_name, model.detector_name, settings.models_dir,
                        model.detector_weights)


def generation_key(condominium_id: int) -> str:
    return f"conserje:gallery-generation:{condominium_id}"


class GalleryCache:
    def __init__(self) -> None:
        self._entries: dict[tuple[int, int], tuple[int, Gallery]] = {}
        self._lock = threading.Lock()

    def get(self, session: Session, redis: Redis, face_model: FaceModel) -> Gallery:
        """The gallery of ``face_model``, reloaded when another process changed it."""
        key = (face_model.condominium_id, face_model.id)
        generation = int(redis.get(generation_key(face_model.condominium_id)) or 0)
        entry = self._entries.get(key)
        if entry is not None and entry[0] == generation:
            return entry[1]
        rows = session.execute(
            select(FaceEmbedding.person_id, FaceEmbedding.face_id, FaceEmbedding.vector,
                   FaceEmbedding.dim)
            .where(FaceEmbedding.face_model_id == face_model.id)).all()
        dim = rows[0].dim if rows else embedders.get(face_model.model_name).dim
        gallery = Gallery(dim)
        if rows:
            gallery.add([r.person_id for r in rows],
                        np.stack([np.frombuffer(r.vector, dtype=np.float32) for r in rows]),
                        keys=[r.face_id for r in rows])
        with self._lock:
            self._entries[key] = (generation, gallery)
        return gallery

    def clear(self) -> None:
        """Forget every cached gallery of this process (tests reset Redis and reuse ids)."""
        with self._lock:
            self._entries.clear()

    @staticmethod
    def invalidate(redis: Redis, condominium_id: int) -> None:
        redis.incr(generation_key(condominium_id))

    def cached_labels(self, condominium_id: int) -> set[int]:
        """Every person id held in this process's galleries of the condominium."""
        return {int(label) for (condo, _), (_, gallery) in self._entries.items()
                if condo == condominium_id for label in gallery.labels}


galleries = GalleryCache()
