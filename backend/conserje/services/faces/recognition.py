"""Enrolment of face photos and 1:N identification."""
from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass

import cv2
import numpy as np
from redis import Redis
from sqlalchemy import select
from sqlalchemy.orm import Session

from conserje.models import Face, FaceEmbedding, Person
from conserje.services.core import audit
from conserje.services.core.actor import Actor
from conserje.services.core.deps import Deps, EngineSettings
from conserje.services.core.errors import Conflict, InvalidInput, NotFound
from conserje.services.core.tx import after_transaction
from conserje.services.faces.consent import active_consent, active_model
from conserje.services.faces.engine import galleries, pipeline_of
from conserje.services.setup.people import people
from conserje.storage import MediaStore
from vision.images import ImageError, decode_image
from vision.quality import ENROLMENT, GATE_CAMERA


@dataclass(frozen=True)
class Upload:
    filename: str
    data: bytes


def _rejected(filename: str, *reasons: str, quality: dict | None = None) -> dict:
    return {"filename": filename, "status": "rejected", "face_id": None,
            "reasons": list(reasons), "quality": quality}


def list_faces(session: Session, actor: Actor, person_id: int) -> list[Face]:
    person = people.get(session, actor, person_id)
    return list(session.scalars(select(Face).where(Face.person_id == person.id)
                                .order_by(Face.id)))


def face_image(session: Session, actor: Actor, person_id: int, face_id: int,
               store: MediaStore) -> bytes:
    """The stored photo of one enrolled face (for thumbnails in the admin console)."""
    actor.require_capability("faces.manage")
    face = next((f for f in list_faces(session, actor, person_id) if f.id == face_id), None)
    if face is None:
        raise NotFound("face not found")
    try:
        return store.get(face.image_key)
    except KeyError:
        raise NotFound("the photo is no longer in the media store") from None


def enrol(session: Session, actor: Actor, person_id: int, uploads: list[Upload], deps: Deps,
          source: str = "upload") -> list[dict]:
    """Check each photo and enrol the good ones; one result per upload, in order."""
    store, redis, settings = deps.store, deps.redis, deps.engine
    actor.require_capability("faces.manage")
    person = people.get(session, actor, person_id)
    if active_consent(session, person.id) is None:
        raise Conflict("no biometric consent is recorded for this person: record it with "
                       "POST /people/{id}/biometric-consent before enrolling faces")
    model = active_model(session, actor.condominium_id, settings)
    pipeline = pipeline_of(model, settings)
    results, stored_keys = [], []
    for upload in uploads:
        result = _enrol_one(session, actor, person, upload, model.id, pipeline, store, source)
        if result["status"] == "accepted":
            stored_keys.append(result.pop("_key"))
        results.append(result)
    if stored_keys:
        audit.record(session, actor_id=actor.user_id, condominium_id=actor.condominium_id,
                     action="enrol", entity="person", entity_id=person.id,
                     after={"faces": [r["face_id"] for r in results if "face_id" in r]})
        after_transaction(
            session, committed=lambda: galleries.invalidate(redis, actor.condominium_id),
            # Photos stored for rows that never commit would be orphans.
            rolled_back=lambda: [store.delete(key) for key in stored_keys])
    return results


def _enrol_one(session, actor, person: Person, upload: Upload, model_id: int, pipeline,
               store: MediaStore, source: str) -> dict:
    try:
        image = decode_image(upload.data)
    except ImageError as exc:
        return _rejected(upload.filename, exc.code)
    digest = hashlib.sha256(upload.data).hexdigest()
    existing = session.scalar(select(Face).where(Face.condominium_id == actor.condominium_id,
                                                 Face.content_hash == digest))
    if existing is not None:
        return {**_rejected(upload.filename, "duplicate"), "face_id": existing.id}
    analyses, _ = pipeline.analyse(image, rules=ENROLMENT)
    if not analyses:
        return _rejected(upload.filename, "no_face")
    if len(analyses) > 1:
        return _rejected(upload.filename, "multiple_faces")
    analysis = analyses[0]
    if not analysis.quality.ok:
        return _rejected(upload.filename, *analysis.quality.reasons,
                         quality=analysis.quality.as_dict())
    public_id = str(uuid.uuid4())
    key = f"faces/{actor.condominium_id}/{person.id}/{public_id}.jpg"
    ok, encoded = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 92])
    store.put(key, encoded.tobytes() if ok else upload.data, "image/jpeg")
    height, width = image.shape[:2]
    face = Face(condominium_id=actor.condominium_id, person_id=person.id, public_id=public_id,
                image_key=key, content_hash=digest, width=width, height=height,
                bbox=analysis.face.detection.bbox.as_dict(),
                quality=analysis.quality.as_dict(), source=source)
    session.add(face)
    session.flush()
    vector = np.asarray(analysis.embedding, dtype=np.float32)
    session.add(FaceEmbedding(condominium_id=actor.condominium_id, face_id=face.id,
                              face_model_id=model_id, person_id=person.id,
                              vector=vector.tobytes(), dim=int(vector.shape[0])))
    return {"filename": upload.filename, "status": "accepted", "face_id": face.id,
            "reasons": [], "quality": analysis.quality.as_dict(), "_key": key}


def identify(session: Session, actor: Actor, data: bytes, deps: Deps,
             camera: bool = False) -> dict:
    """Every face in the image with its best match above the threshold, if any."""
    actor.require_capability("faces.identify")
    try:
        image = decode_image(data)
    except ImageError as exc:
        raise InvalidInput(str(exc), {"image": [exc.code]}) from exc
    return identify_image(session, actor.condominium_id, image, deps.redis, deps.engine, camera)


def identify_image(session: Session, condominium_id: int, image: np.ndarray, redis: Redis,
                   settings: EngineSettings, camera: bool = False) -> dict:
    """:func:`identify` on a decoded image, for callers that checked access themselves
    (the gate kiosk's frames)."""
    model = active_model(session, condominium_id, settings)
    pipeline = pipeline_of(model, settings)
    analyses, timings = pipeline.analyse(image, rules=GATE_CAMERA if camera else ENROLMENT)
    gallery = galleries.get(session, redis, model)
    embedded = [i for i, a in enumerate(analyses) if a.embedding is not None]
    searched = gallery.search([analyses[i].embedding for i in embedded]) if embedded else []
    best_by_index = {i: row[0] for i, row in zip(embedded, searched) if row}
    names = {p.id: p for p in session.scalars(select(Person).where(
        Person.id.in_({m.label for m in best_by_index.values()})))}
    faces = []
    for index, analysis in enumerate(analyses):
        best = best_by_index.get(index)
        decision, match = "low_quality", None
        if analysis.embedding is not None:
            decision = "unknown"
            if best is not None and best.similarity >= model.threshold and best.label in names:
                person = names[best.label]
                decision = "match"
                match = {"person_id": person.id, "name": person.full_name, "kind": person.kind,
                         "similarity": round(best.similarity, 4)}
        faces.append({"bbox": analysis.face.detection.bbox.as_dict(),
                      "quality": analysis.quality.as_dict(), "match": match,
                      "decision": decision,
                      # The best score even below the threshold: the access log keeps it.
                      "best_similarity": round(best.similarity, 4) if best else None})
    return {"faces": faces, "model_version": model.version_no, "threshold": model.threshold,
            "timings_ms": {k: round(v, 1) for k, v in timings.stages.items()}}
