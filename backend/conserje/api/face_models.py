"""Recognition model versions: list, retrain (a job), activate."""
from __future__ import annotations

from flask import current_app
from flask_smorest import Blueprint

from ..extensions import db, redis_store
from ..schemas.face_models import Catalogue, FaceModelSchema, RetrainRequest
from ..schemas.jobs import JobAccepted
from ..services import face_models
from ..services.face_engine import settings_from_config
from ..tasks.faces import retrain_face_model
from .context import current_actor

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
                                    data["target_far"], settings_from_config(current_app.config))
    run = retrain_face_model.enqueue_tracked(db.session, actor, model.id, data["activate"])
    db.session.commit()
    return {"job_id": run.rq_id}


@blp.route("/<int:model_id>/activate", methods=["POST"])
@blp.response(200, FaceModelSchema)
@blp.doc(summary="Serve identification with this version")
def activate(model_id):
    model = face_models.activate(db.session, current_actor(), model_id, redis_store.connection)
    db.session.commit()
    return model
