"""Model versions: list, activate, and retrain (re-embed, calibrate, evaluate)."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import numpy as np
from redis import Redis
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from conserje.models import Face, FaceEmbedding, FaceModel
from conserje.services.core.actor import Actor
from conserje.services.core.deps import Deps, EngineSettings
from conserje.services.core.errors import InvalidInput, NotFound
from conserje.services.core.tx import on_commit
from conserje.services.faces.engine import galleries, pipeline_of
from training.calibration import calibrate
from training.detector_finetune import trained_detectors
from training.evaluation import evaluate
from vision import defaults, detectors, embedders
from vision.images import ImageError, decode_image
from vision.weights import MissingWeights


def list_models(session: Session, actor: Actor) -> list[FaceModel]:
    actor.require_capability("faces.manage")
    return list(session.scalars(select(FaceModel).where(
        FaceModel.condominium_id == actor.condominium_id).order_by(FaceModel.version_no)))


def catalogue(actor: Actor, models_dir: str) -> dict:
    """Every face model with its weights file and whether it is present; the detectors."""
    actor.require_capability("faces.manage")
    status = embedders.weight_status(models_dir)
    detector_status = detectors.weight_status(models_dir)
    return {"models": [{"name": name, "file": embedders.MODEL_FILES[name],
                        "available": status[name] is not None} for name in status],
            "detectors": [{"name": name, "file": detectors.DETECTOR_FILES.get(name),
                           "available": found is not None}
                          for name, found in detector_status.items()],
            "trained_detectors": trained_detectors(Path(models_dir)),
            "defaults": defaults.as_dict()}


def _get(session: Session, actor: Actor, model_id: int) -> FaceModel:
    model = session.scalar(select(FaceModel).where(
        FaceModel.id == model_id, FaceModel.condominium_id == actor.condominium_id))
    if model is None:
        raise NotFound("model version not found")
    return model


def activate(session: Session, actor: Actor, model_id: int, redis: Redis) -> FaceModel:
    """Make this version the one that serves identification."""
    actor.require_capability("faces.activate")
    model = _get(session, actor, model_id)
    if model.status != "ready":
        raise InvalidInput("only a ready model version can be activated",
                           {"status": [model.status]})
    session.execute(update(FaceModel).where(FaceModel.condominium_id == actor.condominium_id)
                    .values(is_active=False))
    model.is_active = True
    session.flush()
    on_commit(session, lambda: galleries.invalidate(redis, actor.condominium_id))
    return model


def _check_detector(name: str, weights: str | None, settings: EngineSettings) -> None:
    if name not in detectors.registry.names():
        raise InvalidInput("unknown detector", {"detector": detectors.registry.names()})
    if weights is not None and (name not in detectors.DETECTOR_FILES or
                                Path(weights).name != weights):
        raise InvalidInput("detector_weights names a file in the models folder, for a "
                           "detector that loads one", {"detector_weights": [weights]})
    try:
        detectors.build(name, settings.models_dir, weights)
    except MissingWeights as exc:
        raise InvalidInput(str(exc), {"detector_weights": [str(exc)]}) from None
    except Exception as exc:  # a corrupt or foreign ONNX file: onnxruntime's own errors
        raise InvalidInput(f"detector weights cannot be loaded: {exc}",
                           {"detector_weights": ["unreadable"]}) from None


def new_version(session: Session, actor: Actor, model_name: str, detector_name: str,
                target_far: float, settings: EngineSettings,
                detector_weights: str | None = None) -> FaceModel:
    """Check the choice (weights present, names known) and add a version in training."""
    actor.require_capability("faces.manage")
    _check_detector(detector_name, detector_weights, settings)
    try:
        embedders.get(model_name, models_dir=settings.models_dir)
    except KeyError:
        raise InvalidInput("unknown face model", {"model": list(embedders.MODEL_FILES)}) from None
    except MissingWeights as exc:
        raise InvalidInput(str(exc), {"model": [str(exc)]}) from None
    latest = session.scalar(select(func.max(FaceModel.version_no)).where(
        FaceModel.condominium_id == actor.condominium_id)) or 0
    model = FaceModel(condominium_id=actor.condominium_id, version_no=latest + 1,
                      model_name=model_name, detector_name=detector_name,
                      detector_weights=detector_weights,
                      threshold=settings.default_threshold, target_far=target_far,
                      is_active=False, status="training")
    session.add(model)
    session.flush()
    return model


def _main_vector(pipeline, image: np.ndarray, stored_box: dict):
    analyses, _ = pipeline.analyse(image, embed_low_quality=True)
    if not analyses:
        return None

    def overlap(analysis) -> float:
        box = analysis.face.detection.bbox
        x0, y0 = max(box.x, stored_box["x"]), max(box.y, stored_box["y"])
        x1 = min(box.x + box.w, stored_box["x"] + stored_box["w"])
        y1 = min(box.y + box.h, stored_box["y"] + stored_box["h"])
        return max(0, x1 - x0) * max(0, y1 - y0)

    return max(analyses, key=overlap).embedding


def retrain(session: Session, actor: Actor, model_id: int, activate_if_better: bool,
            deps: Deps, progress: Callable[[float], None]) -> dict:
    """Re-embed every enrolled face into the version, calibrate, evaluate, report."""
    store, redis, settings = deps.store, deps.redis, deps.engine
    model = _get(session, actor, model_id)
    pipeline = pipeline_of(model, settings)
    faces = list(session.scalars(select(Face).where(
        Face.condominium_id == actor.condominium_id).order_by(Face.id)))
    vectors, labels, missed = [], [], 0
    for index, face in enumerate(faces, start=1):
        try:
            vector = _main_vector(pipeline, decode_image(store.get(face.image_key)), face.bbox)
        except (KeyError, ImageError):  # a photo lost from the media store
            vector = None
        if vector is None:
            missed += 1
        else:
            session.add(FaceEmbedding(condominium_id=actor.condominium_id, face_id=face.id,
                                      face_model_id=model.id, person_id=face.person_id,
                                      vector=np.asarray(vector, np.float32).tobytes(),
                                      dim=int(len(vector))))
            vectors.append(vector)
            labels.append(face.person_id)
        if index % max(1, len(faces) // 20) == 0 or index == len(faces):
            session.flush()
            progress(90 * index / len(faces))
    if len(set(labels)) < 2:
        model.status = "failed"
        model.report = {"error": "calibration needs faces of at least two people",
                        "faces": len(labels)}
        return {"model_id": model.id, "activated": False, **model.report}
    calibration = calibrate(np.stack(vectors), np.array(labels), model.target_far)
    report = {**evaluate(np.stack(vectors), np.array(labels), calibration),
              "faces_not_detected": missed}
    model.threshold = calibration.threshold
    model.report = report
    model.status = "ready"
    active = session.scalar(select(FaceModel).where(
        FaceModel.condominium_id == actor.condominium_id, FaceModel.is_active.is_(True)))
    activated = False
    if activate_if_better and _not_worse(report, active.report if active else None):
        activate(session, Actor(actor.user_id, actor.condominium_id, frozenset({"admin"})),
                 model.id, redis)
        activated = True
    progress(100)
    return {"model_id": model.id, "version": model.version_no, "activated": activated,
            "threshold": model.threshold, "rank1": report["rank1"],
            "tar_at_threshold": report["tar_at_threshold"], "eer": report["eer"]}


def _not_worse(new: dict, current: dict | None) -> bool:
    """Rank-1 and TAR at the target FAR may not drop (a model never evaluated loses)."""
    if not current or current.get("rank1") is None:
        return True
    return all((new.get(key) or 0) >= (current.get(key) or 0) - 1e-9
               for key in ("rank1", "tar_at_threshold"))
