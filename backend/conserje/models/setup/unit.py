"""Housing units (apartments, houses, offices)."""
from __future__ import annotations

from decimal import Decimal

from sqlalchemy import ForeignKey, Integer, Numeric, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from conserje.models.base import Base, IdMixin, PublicIdMixin, TenantMixin, TimestampMixin
from conserje.models.setup.condominium import Building


class Unit(IdMixin, PublicIdMixin, TenantMixin, TimestampMixin, Base):
    __tablename__ = "unit"
    __table_args__ = (UniqueConstraint("condominium_id", "code"),)

    building_id: Mapped[int | None] = mapped_column(
        ForeignKey("building.id", ondelete="SET NULL"), index=True
    )
    code: Mapped[str] = mapped_column(String(20), nullable=False)
    floor: Mapped[int | None] = mapped_column(Integer)
    area_m2: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))
    # Ownership coefficient ("alícuota"/"fração ideal") used to prorate common dues.
    coefficient: Mapped[Decimal | None] = mapped_column(Numeric(9, 6))

    building: Mapped[Building | None] = relationship(lazy="joined")
