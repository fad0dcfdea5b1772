"""Face jobs: dataset ingestion (queue ``ingest``), retraining and detector fine-tuning
(queue ``training``)."""
from __future__ import annotations

from flask import current_app

from ..extensions import db, redis_store
from ..models import FaceModel
from ..services import face_datasets, face_detectors, face_models
from ..services.face_engine import settings_from_config
from ..storage import media_store
from .queues import JobContext, job


@job("ingest", timeout=3600, tracked=True)
def ingest_face_dataset(ctx: JobContext, zip_key: str, create_missing: bool,
                        consent_version: str | None) -> dict:
    """Enrol the uploaded zip's photos; the zip is deleted afterwards either way."""
    store = media_store()
    try:
        data = store.get(zip_key)
        options = face_datasets.DatasetOptions(create_missing, consent_version)
        return face_datasets.ingest(db.session, ctx.actor, data, options, store,
                                    redis_store.connection,
                                    settings_from_config(current_app.config), ctx.progress)
    finally:
        store.delete(zip_key)


@job("training", timeout=6 * 3600, tracked=True)
def retrain_face_model(ctx: JobContext, model_id: int, activate_if_better: bool) -> dict:
    """Re-embed every enrolled face into a new model version, calibrate and evaluate it."""
    try:
        return face_models.retrain(db.session, ctx.actor, model_id, activate_if_better,
                                   media_store(), redis_store.connection,
                                   settings_from_config(current_app.config), ctx.progress)
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
    store = media_store()
    try:
        return face_detectors.finetune(
            ctx.actor, store.get(zip_key), face_detectors.FinetuneOptions(base, epochs, imgsz),
            current_app.config["MODELS_DIR"], ctx.progress)
    finally:
        store.delete(zip_key)
