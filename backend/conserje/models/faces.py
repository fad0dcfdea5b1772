"""Biometric data: consent records, enrolled face photos, their embeddings per model
version, and the model versions (each with its calibrated threshold)."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Integer, LargeBinary, Numeric, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from conserje.models.base import (
    Base,
    IdMixin,
    JSONText,
    PublicIdMixin,
    TenantMixin,
    UTCDateTime,
    utcnow,
)
from vision import defaults


class BiometricConsent(IdMixin, TenantMixin, Base):
    """A person's consent to face recognition; revoking it erases their biometric data.

    Rows are never updated except to set ``revoked_at``: the history of consents stays.
    """

    __tablename__ = "biometric_consent"

    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"),
                                           index=True, nullable=False)
    text_version: Mapped[str] = mapped_column(String(40), nullable=False)
    granted_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL"))
    granted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL"))


class FaceModel(IdMixin, TenantMixin, Base):
    """One version of the recognition stack for a condominium (model + detector +
    threshold). Exactly one is active; retraining adds a new version beside it."""

    __tablename__ = "face_model"
    __table_args__ = (UniqueConstraint("condominium_id", "version_no"),)

    version_no: Mapped[int] = mapped_column(Integer, nullable=False)
    model_name: Mapped[str] = mapped_column(String(30), nullable=False)
    detector_name: Mapped[str] = mapped_column(String(30), nullable=False)
    # The weights file (in the models folder) of detectors that need one, e.g. a
    # fine-tuned YOLO; None = the detector's default file.
    detector_weights: Mapped[str | None] = mapped_column(String(100))
    # Exact decimals in the database (no binary FLOAT columns), floats in Python.
    threshold: Mapped[float] = mapped_column(Numeric(9, 6, asdecimal=False), nullable=False)
    target_far: Mapped[float] = mapped_column(Numeric(9, 6, asdecimal=False), nullable=False,
                                              default=defaults.TARGET_FAR)
    is_active: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    status: Mapped[str] = mapped_column(String(12), default="ready", nullable=False)
    report: Mapped[Any] = mapped_column(JSONText, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)


class Face(IdMixin, PublicIdMixin, TenantMixin, Base):
    """An enrolled face photo: the image lives in the media store under ``image_key``."""

    __tablename__ = "face"
    # The same photo twice adds nothing (dataset re-uploads, double submissions).
    __table_args__ = (UniqueConstraint("condominium_id", "content_hash"),)

    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"),
                                           index=True, nullable=False)
    image_key: Mapped[str] = mapped_column(String(255), nullable=False)
    content_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    width: Mapped[int] = mapped_column(Integer, nullable=False)
    height: Mapped[int] = mapped_column(Integer, nullable=False)
    bbox: Mapped[Any] = mapped_column(JSONText, nullable=False)
    quality: Mapped[Any] = mapped_column(JSONText, nullable=False)
    source: Mapped[str] = mapped_column(String(10), default="upload", nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)


class FaceEmbedding(IdMixin, TenantMixin, Base):
    """A face's float32 vector under one model version."""

    __tablename__ = "face_embedding"
    __table_args__ = (UniqueConstraint("face_id", "face_model_id"),)

    face_id: Mapped[int] = mapped_column(ForeignKey("face.id", ondelete="CASCADE"),
                                         index=True, nullable=False)
    face_model_id: Mapped[int] = mapped_column(ForeignKey("face_model.id", ondelete="CASCADE"),
                                               index=True, nullable=False)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"),
                                           index=True, nullable=False)
    vector: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    dim: Mapped[int] = mapped_column(Integer, nullable=False)
