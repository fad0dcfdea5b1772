"""Face jobs: dataset ingestion (queue ``ingest``), retraining and detector fine-tuning
(queue ``training``)."""
from __future__ import annotations

from conserje.extensions import db
from conserje.models import FaceModel
from conserje.services.faces import (
    datasets as face_datasets,
    detectors as face_detectors,
    versions as face_models,
)
from conserje.tasks.queues import JobContext, job
from conserje.wiring import deps


@job("ingest", timeout=3600, tracked=True)
def ingest_face_dataset(ctx: JobContext, zip_key: str, create_missing: bool,
                        consent_version: str | None) -> dict:
    """Enrol the uploaded zip's photos; the zip is deleted afterwards either way."""
    store = deps().store
    try:
        data = store.get(zip_key)
        options = face_datasets.DatasetOptions(create_missing, consent_version)
        return face_datasets.ingest(db.session, ctx.actor, data, options, deps(),
                                    ctx.progress)
    finally:
        store.delete(zip_key)


@job("training", timeout=6 * 3600, tracked=True)
def retrain_face_model(ctx: JobContext, model_id: int, activate_if_better: bool) -> dict:
    """Re-embed every enrolled face into a new model version, calibrate and evaluate it."""
    try:
        return face_models.retrain(db.session, ctx.actor, model_id, activate_if_better,
                                   deps(), ctx.progress)
    except Exception:
        db.session.rollback()
        model = db.session.get(FaceModel, model_id)
        if model is not None:
            model.status = "failed"
            db.session.commit()
        raise


@job("training", timeout=12 * 3600, tracked=True)
def finetune_face_detector(ctx: JobContext, zip_key: str, base: str, epochs: int,
                           imgsz: int) -> dict:
    """Fine-tune a YOLO face detector on the uploaded dataset and export it to ONNX."""
    store = deps().store
    try:
        return face_detectors.finetune(
            ctx.actor, store.get(zip_key), face_detectors.FinetuneOptions(base, epochs, imgsz),
            deps().engine.models_dir, ctx.progress)
    finally:
        store.delete(zip_key)
