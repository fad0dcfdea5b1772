"""Condominium (the tenant) and its buildings/towers."""
from __future__ import annotations

from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from conserje.models.base import Base, IdMixin, PublicIdMixin, TenantMixin, TimestampMixin


class Condominium(IdMixin, PublicIdMixin, TimestampMixin, Base):
    __tablename__ = "condominium"

    name: Mapped[str] = mapped_column(String(120), nullable=False)
    time_zone: Mapped[str] = mapped_column(String(64), nullable=False, default="UTC")
    currency: Mapped[str] = mapped_column(String(3), nullable=False, default="CLP")
    country: Mapped[str] = mapped_column(String(2), nullable=False, default="CL")


class Building(IdMixin, TenantMixin, TimestampMixin, Base):
    """A tower or block inside a condominium."""

    __tablename__ = "building"
    __table_args__ = (UniqueConstraint("condominium_id", "name"),)

    name: Mapped[str] = mapped_column(String(80), nullable=False)
    code: Mapped[str | None] = mapped_column(String(20))
