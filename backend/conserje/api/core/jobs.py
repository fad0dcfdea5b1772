"""Background jobs: state, progress and result; and the face dataset upload that starts one."""
from __future__ import annotations

from flask_smorest import Blueprint

from conserje.api.core.context import current_actor
from conserje.api.core.uploads import read_file, stash_zip
from conserje.extensions import db
from conserje.schemas.core.jobs import DatasetUpload, JobAccepted, JobSchema
from conserje.services.core import jobs
from conserje.services.faces import datasets as face_datasets
from conserje.tasks.faces import ingest_face_dataset

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
    actor.require_capability("faces.manage")
    data = read_file()
    face_datasets.check_zip(data)
    key = stash_zip(data, f"datasets/{actor.condominium_id}")
    run = ingest_face_dataset.enqueue_tracked(db.session, actor, key,
                                              options["create_missing"],
                                              options["consent_version"])
    db.session.commit()
    return {"job_id": run.rq_id}
