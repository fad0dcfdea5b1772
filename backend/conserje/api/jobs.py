"""Background jobs: state, progress and result; and the face dataset upload that starts one."""
from __future__ import annotations

import uuid

from flask import current_app, request
from flask_smorest import Blueprint

from ..extensions import db
from ..schemas.jobs import DatasetUpload, JobAccepted, JobSchema
from ..services import face_datasets, jobs
from ..services.errors import InvalidInput, TooLarge
from ..services.tx import after_transaction
from ..storage import media_store
from ..tasks.faces import ingest_face_dataset
from .context import current_actor

blp = Blueprint("jobs", __name__, url_prefix="/api/v1", description="Background jobs")


@blp.route("/jobs/<job_id>", methods=["GET"])
@blp.response(200, JobSchema)
@blp.doc(summary="A job's state (queued, started, finished, failed), progress and result")
def get_job(job_id):
    return jobs.get(db.session, current_actor(), job_id)


@blp.route("/face-datasets", methods=["POST"])
@blp.arguments(DatasetUpload, location="form", content_type="multipart/form-data")
@blp.response(202, JobAccepted)
@blp.doc(summary="Upload a zip of face photos (a folder per person: person id or document "
                 "number); ingestion runs as a job")
def upload_dataset(options):
    actor = current_actor()
    actor.require("admin", "manager")
    upload = request.files.get("file")
    if upload is None:
        raise InvalidInput("send the zip archive", {"file": ["missing"]}, location="files")
    data = upload.read(current_app.config["MAX_CONTENT_LENGTH"] + 1)
    if len(data) > current_app.config["MAX_CONTENT_LENGTH"]:
        raise TooLarge("the archive is larger than allowed")
    face_datasets.check_zip(data)
    key = f"datasets/{actor.condominium_id}/{uuid.uuid4()}.zip"
    media_store().put(key, data, "application/zip")
    after_transaction(db.session, rolled_back=lambda: media_store().delete(key))
    run = ingest_face_dataset.enqueue_tracked(db.session, actor, key,
                                              options["create_missing"],
                                              options["consent_version"])
    db.session.commit()
    return {"job_id": run.rq_id}
