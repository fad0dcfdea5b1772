"""Physical access points (pedestrian doors, vehicle barriers)."""
from __future__ import annotations

from sqlalchemy import Boolean, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from conserje.models.base import Base, IdMixin, PublicIdMixin, TenantMixin, TimestampMixin

GATE_DIRECTIONS = ("entry", "exit", "both")
GATE_KINDS = ("pedestrian", "vehicle")


class Gate(IdMixin, PublicIdMixin, TenantMixin, TimestampMixin, Base):
    __tablename__ = "gate"
    __table_args__ = (UniqueConstraint("condominium_id", "name"),)

    name: Mapped[str] = mapped_column(String(80), nullable=False)
    direction: Mapped[str] = mapped_column(String(8), nullable=False, default="both")
    kind: Mapped[str] = mapped_column(String(12), nullable=False, default="pedestrian")
    is_active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)
