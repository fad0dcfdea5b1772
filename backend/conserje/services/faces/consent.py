"""Biometric consent, model versions, and erasure of a person's face data."""
from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from conserje.models import BiometricConsent, Face, FaceEmbedding, FaceModel
from conserje.models.base import utcnow
from conserje.services.core import audit
from conserje.services.core.actor import Actor
from conserje.services.core.deps import Deps, EngineSettings
from conserje.services.core.errors import Conflict, NotFound
from conserje.services.core.tx import on_commit
from conserje.services.faces.engine import galleries
from conserje.services.setup.people import people


def active_consent(session: Session, person_id: int) -> BiometricConsent | None:
    return session.scalar(select(BiometricConsent).where(
        BiometricConsent.person_id == person_id, BiometricConsent.revoked_at.is_(None)))


def current_consent(session: Session, actor: Actor, person_id: int) -> BiometricConsent:
    """The person's active consent; NotFound when none is recorded."""
    person = people.get(session, actor, person_id)
    consent = active_consent(session, person.id)
    if consent is None:
        raise NotFound("no active biometric consent for this person")
    return consent


def record_consent(session: Session, actor: Actor, person_id: int,
                   text_version: str) -> BiometricConsent:
    """Record that the person consented to face recognition under ``text_version``."""
    actor.require_capability("faces.consent")
    person = people.get(session, actor, person_id)
    if active_consent(session, person.id) is not None:
        raise Conflict("consent is already recorded for this person; revoke it first")
    consent = BiometricConsent(condominium_id=actor.condominium_id, person_id=person.id,
                               text_version=text_version, granted_by_id=actor.user_id)
    session.add(consent)
    session.flush()
    audit.record(session, actor_id=actor.user_id, condominium_id=actor.condominium_id,
                 action="consent", entity="person", entity_id=person.id,
                 after={"text_version": text_version})
    return consent


def revoke_consent(session: Session, actor: Actor, person_id: int, deps: Deps) -> int:
    """Revoke the consent and erase every face of the person; return faces erased."""
    actor.require_capability("faces.consent")
    person = people.get(session, actor, person_id)
    consent = active_consent(session, person.id)
    if consent is None:
        raise NotFound("no active consent for this person")
    consent.revoked_at = utcnow()
    consent.revoked_by_id = actor.user_id
    return erase_faces(session, actor, person.id, deps)


def erase_faces(session: Session, actor: Actor, person_id: int, deps: Deps,
                face_id: int | None = None) -> int:
    """Delete faces (all of the person's, or one), their embeddings and their images.

    Images and every process's cached gallery go once the transaction commits.
    """
    query = select(Face).where(Face.condominium_id == actor.condominium_id,
                               Face.person_id == person_id)
    if face_id is not None:
        query = query.where(Face.id == face_id)
    faces = list(session.scalars(query))
    if face_id is not None and not faces:
        raise NotFound("face not found")
    ids = [f.id for f in faces]
    keys = [f.image_key for f in faces]
    if ids:
        session.execute(delete(FaceEmbedding).where(FaceEmbedding.face_id.in_(ids)))
        session.execute(delete(Face).where(Face.id.in_(ids)))
    audit.record(session, actor_id=actor.user_id, condominium_id=actor.condominium_id,
                 action="erase", entity="face", entity_id=face_id,
                 before={"person_id": person_id, "faces": ids})

    def purge() -> None:
        for key in keys:
            deps.store.delete(key)
        galleries.invalidate(deps.redis, actor.condominium_id)

    on_commit(session, purge)
    return len(ids)


def active_model(session: Session, condominium_id: int, settings: EngineSettings) -> FaceModel:
    """The condominium's active model version; version 1 is created on first use."""
    model = session.scalar(select(FaceModel).where(FaceModel.condominium_id == condominium_id,
                                                   FaceModel.is_active.is_(True)))
    if model is None:
        model = FaceModel(condominium_id=condominium_id, version_no=1,
                          model_name=settings.default_model,
                          detector_name=settings.default_detector,
                          detector_weights=settings.default_detector_weights,
                          threshold=settings.default_threshold, target_far=settings.target_far,
                          is_active=True, status="ready", report=None)
        session.add(model)
        session.flush()
    return model
