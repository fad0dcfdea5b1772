"""Biometric consent, face enrolment and erasure, and 1:N identification."""
from __future__ import annotations

from flask import current_app, make_response, request
from flask_smorest import Blueprint

from conserje.api.core.context import current_actor
from conserje.extensions import db
from conserje.schemas.core.common import BINARY
from conserje.schemas.faces.recognition import (
    ConsentRequest,
    ConsentSchema,
    EnrolResponse,
    FaceSchema,
    IdentifyResponse,
    IdentifyUpload,
    ImageUpload,
)
from conserje.services.core.errors import InvalidInput
from conserje.services.faces import consent as biometrics, recognition as faces
from conserje.wiring import deps

blp = Blueprint("faces", __name__, url_prefix="/api/v1",
                description="Face recognition: consent, enrolment, erasure, identification")


def _uploads(field: str = "image") -> list[faces.Upload]:
    files = request.files.getlist(field)
    if not files:
        raise InvalidInput("send at least one photo", {field: ["missing"]})
    limit = current_app.config["MAX_FACE_IMAGES_PER_REQUEST"]
    if len(files) > limit:
        raise InvalidInput(f"at most {limit} photos per request", {field: ["too many files"]})
    return [faces.Upload(f.filename or "photo", f.read()) for f in files]


@blp.route("/people/<int:person_id>/biometric-consent", methods=["POST"])
@blp.arguments(ConsentRequest)
@blp.response(201, ConsentSchema)
@blp.doc(summary="Record the person's consent to face recognition")
def record_consent(data, person_id):
    consent = biometrics.record_consent(db.session, current_actor(), person_id, data["version"])
    db.session.commit()
    return consent


@blp.route("/people/<int:person_id>/biometric-consent", methods=["GET"])
@blp.response(200, ConsentSchema)
@blp.alt_response(404, response="DEFAULT_ERROR", description="No active consent")
@blp.doc(summary="The person's active consent")
def get_consent(person_id):
    return biometrics.current_consent(db.session, current_actor(), person_id)


@blp.route("/people/<int:person_id>/biometric-consent", methods=["DELETE"])
@blp.response(204)
@blp.doc(summary="Revoke consent: erases the person's photos, embeddings and cached copies")
def revoke_consent(person_id):
    biometrics.revoke_consent(db.session, current_actor(), person_id, deps())
    db.session.commit()


@blp.route("/people/<int:person_id>/faces", methods=["POST"])
@blp.arguments(ImageUpload, location="files")
@blp.response(201, EnrolResponse)
@blp.doc(summary="Enrol face photos (multipart `image`, repeatable): accepted or rejected "
                 "with reasons, per photo")
def enrol_faces(_files, person_id):
    results = faces.enrol(db.session, current_actor(), person_id, _uploads(), deps())
    db.session.commit()
    return {"results": results}


@blp.route("/people/<int:person_id>/faces", methods=["GET"])
@blp.response(200, FaceSchema(many=True))
@blp.doc(summary="The person's enrolled faces")
def list_faces(person_id):
    return faces.list_faces(db.session, current_actor(), person_id)


@blp.route("/people/<int:person_id>/faces", methods=["DELETE"])
@blp.response(204)
@blp.doc(summary="Erase every face of the person (images, embeddings, gallery entries)")
def erase_faces(person_id):
    actor = current_actor()
    faces.list_faces(db.session, actor, person_id)  # scope check: 404 for other units
    actor.require_capability("faces.manage")
    biometrics.erase_faces(db.session, actor, person_id, deps())
    db.session.commit()


@blp.route("/people/<int:person_id>/faces/<int:face_id>", methods=["DELETE"])
@blp.response(204)
@blp.doc(summary="Delete one enrolled face")
def delete_face(person_id, face_id):
    actor = current_actor()
    faces.list_faces(db.session, actor, person_id)
    actor.require_capability("faces.manage")
    biometrics.erase_faces(db.session, actor, person_id, deps(), face_id=face_id)
    db.session.commit()


@blp.route("/people/<int:person_id>/faces/<int:face_id>/image", methods=["GET"])
@blp.response(200, BINARY, description="The enrolled photo (JPEG)",
              content_type="image/jpeg")
@blp.doc(summary="The photo of one enrolled face")
def face_image(person_id, face_id):
    data = faces.face_image(db.session, current_actor(), person_id, face_id, deps().store)
    response = make_response(data)
    response.headers["Content-Type"] = "image/jpeg"
    # Biometric data: never cached by browsers or proxies.
    response.headers["Cache-Control"] = "no-store"
    return response


@blp.route("/faces/identify", methods=["POST"])
@blp.arguments(IdentifyUpload, location="form", content_type="multipart/form-data")
@blp.response(200, IdentifyResponse)
@blp.doc(summary="Find and identify every face in a photo (multipart `image`)")
def identify(form):
    upload = request.files.get("image")
    if upload is None:
        raise InvalidInput("send a photo", {"image": ["missing"]}, location="files")
    result = faces.identify(db.session, current_actor(), upload.read(), deps(),
                            camera=form["source"] == "camera")
    db.session.commit()  # the first call creates the condominium's model version 1
    return result
