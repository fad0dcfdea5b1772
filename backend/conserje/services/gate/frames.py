"""One webcam frame at a gate: validate, recognise (the shared identify pipeline, gate
camera rules), decide per face, log debounced events, raise alerts for unknown faces."""
from __future__ import annotations

import hashlib
import uuid

import cv2
import numpy as np
from redis import Redis
from sqlalchemy.orm import Session

from conserje.models import Condominium, Gate, Person
from conserje.models.base import utcnow
from conserje.services.access import access_log, alerts
from conserje.services.access.presence import last_direction
from conserje.services.access.stream import (
    on_duty_guard,
    person_summary,
    publish_alert,
    publish_event,
)
from conserje.services.core.deps import Deps
from conserje.services.core.errors import InvalidInput
from conserje.services.core.tx import after_transaction
from conserje.services.faces.recognition import identify_image
from conserje.services.gate.decisions import decide, facts_for
from conserje.services.gate.devices import GateCaller
from conserje.services.visitors.passages import face_passage
from conserje.storage import MediaStore
from vision.images import ImageError, decode_image

FRAME_TYPES = frozenset({"image/jpeg", "image/png", "image/webp"})
MAX_FRAME_PIXELS = 4096 * 4096  # a webcam frame; anything larger is not one


def decode_frame(data: bytes, content_type: str | None) -> np.ndarray:
    """The frame as a BGR image, or InvalidInput with a reason code; nothing here runs a
    model, so bad frames never reach one."""
    def bad(code: str, message: str):
        return InvalidInput(message, {"image": [code]}, location="files")

    if (content_type or "").split(";")[0].strip().lower() not in FRAME_TYPES:
        raise bad("unsupported_type", "send the frame as image/jpeg (or PNG/WebP)")
    # A JPEG cut short still decodes (grey bottom rows): require its end-of-image marker.
    if data[:2] == b"\xff\xd8" and not data.rstrip(b"\x00").endswith(b"\xff\xd9"):
        raise bad("truncated", "the JPEG is truncated")
    try:
        return decode_image(data, max_pixels=MAX_FRAME_PIXELS)
    except ImageError as exc:
        raise bad(exc.code, str(exc)) from exc


def _direction(session: Session, gate: Gate, person_id: int | None, requested: str | None) -> str:
    if gate.direction != "both":
        return gate.direction
    if requested:
        return requested
    # A two-way gate without a hint: whoever is inside is leaving.
    if person_id is not None and last_direction(session, gate.condominium_id,
                                                person_id) == "entry":
        return "exit"
    return "entry"


def _debounced(redis: Redis, gate_id: int, person_id: int | None, seconds: int) -> bool:
    """True when this person (or an unknown face) was already logged here just now."""
    key = f"conserje:gate-debounce:{gate_id}:{person_id or 'unknown'}"
    return not redis.set(key, 1, nx=True, ex=max(1, seconds))


class _Snapshot:
    """The frame stored once in the media store, on the first event that needs it."""

    def __init__(self, image: np.ndarray, data: bytes, store: MediaStore, session: Session,
                 condominium_id: int, gate_id: int):
        self.image, self.data, self.store, self.session = image, data, store, session
        self.prefix = f"gate/{condominium_id}/{gate_id}/{utcnow():%Y/%m/%d}"
        self.saved: tuple[str, str] | None = None

    def save(self) -> tuple[str, str]:
        if self.saved is None:
            data = self.data
            if data[:2] != b"\xff\xd8":
                data = cv2.imencode(".jpg", self.image, [cv2.IMWRITE_JPEG_QUALITY, 85])[1].tobytes()
            key = f"{self.prefix}/{uuid.uuid4()}.jpg"
            self.store.put(key, data, "image/jpeg")
            after_transaction(self.session, rolled_back=lambda: self.store.delete(key))
            self.saved = (key, hashlib.sha256(data).hexdigest())
        return self.saved


def process_frame(session: Session, caller: GateCaller, gate: Gate, data: bytes,
                  content_type: str | None, requested_direction: str | None,
                  deps: Deps) -> dict:
    """Every face in the frame with its decision, and the ids of the events logged."""
    redis, store, engine, settings = deps.redis, deps.store, deps.engine, deps.gate
    image = decode_frame(data, content_type)
    condo = session.get(Condominium, gate.condominium_id)
    result = identify_image(session, gate.condominium_id, image, redis, engine, camera=True)
    now = utcnow()
    snapshot = _Snapshot(image, data, store, session, gate.condominium_id, gate.id)
    guard_id = caller.guard_id or on_duty_guard(redis, gate.condominium_id)
    faces, event_ids = [], []
    for face in result["faces"]:
        match = face["match"]
        person = session.get(Person, match["person_id"]) if match else None
        direction = _direction(session, gate, person.id if person else None, requested_direction)
        facts = facts_for(session, person, gate.id, now, condo.time_zone,
                          settings.staff_margin_minutes) if person else None
        verdict = decide(face["quality"]["reasons"], person is not None, facts, direction)
        similarity = match["similarity"] if match else face.get("best_similarity")
        faces.append({"bbox": face["bbox"], "person": person_summary(session, person),
                      "similarity": similarity, "decision": verdict.decision,
                      "reason": verdict.reason, "direction": direction})
        if verdict.decision == "retry" or \
                _debounced(redis, gate.id, person.id if person else None,
                           settings.debounce_seconds):
            continue
        key, digest = snapshot.save()
        event = access_log.append(
            session, gate.condominium_id, gate_id=gate.id, person_id=person.id if person else None,
            direction=direction, method="face", decision=verdict.decision, reason=verdict.reason,
            similarity=similarity, model_version=result["model_version"], snapshot_key=key,
            snapshot_sha256=digest, guard_id=guard_id,
            device_id=caller.device.id if caller.device else None, occurred_at=now)
        event_ids.append(event.id)
        publish_event(session, redis, event)
        if verdict.reason == "visitor_authorised":
            face_passage(session, deps, event)  # the visit's entry or exit
        if verdict.decision == "unknown" or verdict.reason == "blacklisted":
            kind = "unknown_face" if verdict.decision == "unknown" else "blacklisted"
            alert = alerts.raise_alert(session, gate.condominium_id, kind, gate.id,
                                       gate.name, event.id)
            publish_alert(session, redis, alert)
    return {"faces": faces, "event_ids": event_ids, "model_version": result["model_version"]}
