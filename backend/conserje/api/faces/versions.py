"""Recognition model versions: list, retrain (a job), activate."""
from __future__ import annotations

from flask import current_app
from flask_smorest import Blueprint

from conserje.api.core.context import current_actor
from conserje.api.core.uploads import read_file, stash_zip
from conserje.extensions import db
from conserje.schemas.core.jobs import JobAccepted
from conserje.schemas.faces.versions import (
    Catalogue,
    DetectorFinetuneUpload,
    FaceModelSchema,
    RetrainRequest,
)
from conserje.services.faces import detectors as face_detectors, versions as face_models
from conserje.tasks.faces import finetune_face_detector, retrain_face_model
from conserje.wiring import deps

blp = Blueprint("face_models", __name__, url_prefix="/api/v1/face-models",
                description="Face recognition model versions and retraining")


@blp.route("", methods=["GET"])
@blp.response(200, FaceModelSchema(many=True))
@blp.doc(summary="Model versions with their evaluation reports")
def list_models():
    return face_models.list_models(db.session, current_actor())


@blp.route("/available", methods=["GET"])
@blp.response(200, Catalogue)
@blp.doc(summary="Face models and detectors this installation can use (weights present)")
def available():
    return face_models.catalogue(current_actor(), current_app.config["MODELS_DIR"])


@blp.route("/retrain", methods=["POST"])
@blp.arguments(RetrainRequest)
@blp.response(202, JobAccepted)
@blp.doc(summary="Re-embed every enrolled face with the chosen model and detector, "
                 "calibrate the threshold and evaluate (a job)")
def retrain(data):
    actor = current_actor()
    model = face_models.new_version(db.session, actor, data["model"], data["detector"],
                                    data["target_far"], deps().engine,
                                    data["detector_weights"])
    run = retrain_face_model.enqueue_tracked(db.session, actor, model.id, data["activate"])
    db.session.commit()
    return {"job_id": run.rq_id}


@blp.route("/<int:model_id>/activate", methods=["POST"])
@blp.response(200, FaceModelSchema)
@blp.doc(summary="Serve identification with this version")
def activate(model_id):
    model = face_models.activate(db.session, current_actor(), model_id, deps().redis)
    db.session.commit()
    return model


@blp.route("/detectors/finetune", methods=["POST"])
@blp.arguments(DetectorFinetuneUpload, location="form", content_type="multipart/form-data")
@blp.response(202, JobAccepted)
@blp.doc(summary="Fine-tune a YOLO face detector on a YOLO-format zip and export it to ONNX "
                 "(a job on a worker with the training extra); use the file as a retraining's "
                 "detector_weights")
def finetune_detector(form):
    actor = current_actor()
    data = read_file()
    options = face_detectors.FinetuneOptions(form["base"], form["epochs"], form["imgsz"])
    face_detectors.check_request(actor, data, options, current_app.config["MODELS_DIR"])
    key = stash_zip(data, f"detector-datasets/{actor.condominium_id}")
    run = finetune_face_detector.enqueue_tracked(db.session, actor, key, options.base,
                                                 options.epochs, options.imgsz)
    db.session.commit()
    return {"job_id": run.rq_id}
