"""Visitor records: one person row (kind visitor) plus a profile; found again by
document, name or plate; the photo rules of RN-100; a face seen before under another
document raises an alert (returning visitors are recognised by face)."""
from __future__ import annotations

import uuid
from dataclasses import dataclass

import cv2
import numpy as np
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from conserje.models import BiometricConsent, Gate, Person, Visitor
from conserje.services.access import alerts
from conserje.services.access.stream import publish_alert
from conserje.services.core.actor import Actor
from conserje.services.core.deps import Deps
from conserje.services.core.errors import InvalidInput, NotFound
from conserje.services.core.tx import after_transaction
from conserje.services.faces.consent import active_consent
from conserje.services.faces.recognition import Upload, enrol, identify_image
from conserje.services.setup.documents import normalise_document
from vision.images import ImageError, decode_image

MIN_PHOTO = (640, 480)  # seed 003: minimum resolution of the visitor's photo
THUMB_PX = 160
PHOTO_FIELD = "photo"


def upsert_visitor(session: Session, actor: Actor, data: dict) -> Visitor:
    """The visitor with this document (created when new); blanks filled from ``data``
    (seed 003: a returning visitor's data and photo are reused)."""
    doc_type = data["doc_type"]
    number = normalise_document(doc_type, data["doc_number"])
    person = session.scalar(select(Person).where(
        Person.condominium_id == actor.condominium_id, Person.doc_type == doc_type,
        Person.doc_number == number))
    if person is None:
        person = Person(condominium_id=actor.condominium_id, kind="visitor",
                        first_name=" ".join(data["first_name"].split()),
                        last_name=" ".join(data["last_name"].split()),
                        doc_type=doc_type, doc_number=number)
        session.add(person)
    for key in ("phone", "email"):
        if data.get(key) and not getattr(person, key):
            setattr(person, key, data[key].strip())
    session.flush()
    visitor = session.scalar(select(Visitor).where(Visitor.person_id == person.id))
    if visitor is None:
        visitor = Visitor(condominium_id=actor.condominium_id, person_id=person.id,
                          category="common", created_by_id=actor.user_id)
        session.add(visitor)
    if data.get("plate"):
        visitor.plate = normalise_plate(data["plate"])
    if data.get("whatsapp"):
        visitor.whatsapp = data["whatsapp"].strip()
    session.flush()
    return visitor


def normalise_plate(plate: str) -> str:
    return "".join(ch for ch in plate.upper() if ch.isalnum())[:16]


def profile_of(session: Session, person_id: int) -> Visitor | None:
    return session.scalar(select(Visitor).where(Visitor.person_id == person_id))


def get_visitor(session: Session, actor: Actor, visitor_id: int) -> Visitor:
    actor.require_capability("visitors.desk")
    visitor = session.get(Visitor, visitor_id)
    if visitor is None or visitor.condominium_id != actor.condominium_id:
        raise NotFound("visitor not found")
    return visitor


def search(session: Session, actor: Actor, q: str | None, limit: int = 50) -> list[Visitor]:
    """Guards look visitors up by name, document or plate (every word must match)."""
    actor.require_capability("visitors.desk")
    stmt = select(Visitor).join(Person, Person.id == Visitor.person_id).where(
        Visitor.condominium_id == actor.condominium_id)
    for word in (q or "").split():
        like = f"%{word.lower().replace('.', '').replace('-', '')}%"
        stmt = stmt.where(or_(
            func.lower(Person.first_name).like(f"%{word.lower()}%"),
            func.lower(Person.last_name).like(f"%{word.lower()}%"),
            func.lower(func.replace(Person.doc_number, "-", "")).like(like),
            func.lower(Visitor.plate).like(like)))
    return list(session.scalars(stmt.order_by(Person.last_name, Person.first_name).limit(limit)))


@dataclass(frozen=True)
class CheckedPhoto:
    key: str
    matched_person_id: int | None


def check_photo(session: Session, condominium_id: int, data: bytes | None, deps: Deps
                ) -> CheckedPhoto | None:
    """RN-100: the photo must be at least 640x480 with one frontal, well-lit, sharp face;
    it is stored (with a thumbnail) only when it passes. Returns the face's match."""
    if not data:
        raise InvalidInput("a photo of the visitor is required",
                           {PHOTO_FIELD: ["missing"]}, location="files")

    def bad(*codes: str):
        return InvalidInput("the photo does not meet the rules: take it again",
                            {PHOTO_FIELD: list(codes)}, location="files")

    try:
        image = decode_image(data, max_pixels=4096 * 4096)
    except ImageError as exc:
        raise bad(exc.code) from exc
    height, width = image.shape[:2]
    if width < MIN_PHOTO[0] or height < MIN_PHOTO[1]:
        raise bad("frame_too_small")
    result = identify_image(session, condominium_id, image, deps.redis, deps.engine, camera=True)
    if not result["faces"]:
        raise bad("no_face")
    if len(result["faces"]) > 1:
        raise bad("multiple_faces")
    [face] = result["faces"]
    if face["quality"]["reasons"]:
        raise bad(*face["quality"]["reasons"])
    key = f"visitors/{condominium_id}/{uuid.uuid4()}.jpg"
    deps.store.put(key, _jpeg(image, 90), "image/jpeg")
    scale = THUMB_PX / max(width, height)
    deps.store.put(f"{key}.thumb.jpg",
                   _jpeg(cv2.resize(image, (int(width * scale), int(height * scale)),
                                    interpolation=cv2.INTER_AREA), 80), "image/jpeg")
    after_transaction(session, rolled_back=lambda: (deps.store.delete(key),
                                                    deps.store.delete(f"{key}.thumb.jpg")))
    match = face["match"]
    return CheckedPhoto(key, match["person_id"] if match else None)


def _jpeg(image: np.ndarray, quality: int) -> bytes:
    return cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])[1].tobytes()


def alert_if_other_document(session: Session, deps: Deps, visitor: Visitor,
                            matched_person_id: int | None, gate: Gate) -> bool:
    """The photo's face belongs to someone registered under another document: alert the
    guards (seed 003: same visitor, different documents)."""
    if matched_person_id is None or matched_person_id == visitor.person_id:
        return False
    other = session.get(Person, matched_person_id)
    message = (f"{visitor.person.full_name} ({visitor.person.doc_type.upper()} "
               f"{visitor.person.doc_number}) has the face of {other.full_name} "
               f"({other.doc_type.upper()} {other.doc_number})")
    alert = alerts.raise_alert(session, visitor.condominium_id, "doc_mismatch", gate.id, message)
    publish_alert(session, deps.redis, alert)
    return True


def enrol_face(session: Session, actor: Actor, visitor: Visitor, data: bytes, deps: Deps
               ) -> bool:
    """With the visitor's consent, add the photo to the face gallery so that the next
    visit is recognised (and another document under the same face is noticed)."""

    # The guard registers the consent the visitor gives at the gate; enrolment itself is
    # a managing operation, done here on the guard's behalf.
    acting = Actor(actor.user_id, actor.condominium_id, frozenset({"manager"}))
    if active_consent(session, visitor.person_id) is None:
        session.add(BiometricConsent(condominium_id=actor.condominium_id,
                                     person_id=visitor.person_id, text_version="gate-visitor",
                                     granted_by_id=actor.user_id))
        session.flush()
    results = enrol(session, acting, visitor.person_id, [Upload("visitor.jpg", data)],
                    deps, source="visitor")
    return any(r["status"] == "accepted" for r in results)
