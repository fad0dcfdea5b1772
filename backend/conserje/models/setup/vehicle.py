"""Vehicles registered to units (plates are stored normalised)."""
from __future__ import annotations

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from conserje.models.base import Base, IdMixin, TenantMixin, TimestampMixin
from conserje.models.setup.unit import Unit


class Vehicle(IdMixin, TenantMixin, TimestampMixin, Base):
    __tablename__ = "vehicle"
    __table_args__ = (UniqueConstraint("condominium_id", "plate"),)

    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"), index=True)
    plate: Mapped[str] = mapped_column(String(12), nullable=False)
    make: Mapped[str | None] = mapped_column(String(40))
    model: Mapped[str | None] = mapped_column(String(40))
    colour: Mapped[str | None] = mapped_column(String(30))

    unit: Mapped[Unit] = relationship(lazy="joined")
