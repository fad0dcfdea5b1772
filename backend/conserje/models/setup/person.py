"""People (residents, staff, visitors) and their memberships in units."""
from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from conserje.models.base import Base, IdMixin, PublicIdMixin, TenantMixin, TimestampMixin
from conserje.models.setup.unit import Unit

PERSON_KINDS = ("owner", "tenant", "family", "staff", "visitor")
# Chile RUT, Brazil CPF/RG/CNH/RNE, Argentina DNI, Uruguay/Bolivia CI, passports.
DOC_TYPES = ("rut", "cpf", "dni", "passport", "other", "rg", "cnh", "rne", "ci")
MEMBER_ROLES = ("owner", "tenant", "family", "resident")


class Person(IdMixin, PublicIdMixin, TenantMixin, TimestampMixin, Base):
    __tablename__ = "person"
    __table_args__ = (UniqueConstraint("condominium_id", "doc_type", "doc_number"),)

    first_name: Mapped[str] = mapped_column(String(80), nullable=False)
    last_name: Mapped[str] = mapped_column(String(80), nullable=False)
    doc_type: Mapped[str] = mapped_column(String(10), nullable=False)
    doc_number: Mapped[str] = mapped_column(String(32), nullable=False)
    phone: Mapped[str | None] = mapped_column(String(32))
    email: Mapped[str | None] = mapped_column(String(254))
    photo_key: Mapped[str | None] = mapped_column(String(255))
    kind: Mapped[str] = mapped_column(String(10), nullable=False)

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class UnitMember(IdMixin, TenantMixin, TimestampMixin, Base):
    """A person's link to a unit, with a role and an optional validity period."""

    __tablename__ = "unit_member"

    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(10), nullable=False)
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)

    unit: Mapped[Unit] = relationship(lazy="joined")
    person: Mapped[Person] = relationship(lazy="joined")

    def is_active_on(self, day: date) -> bool:
        return (self.starts_on is None or self.starts_on <= day) and (
            self.ends_on is None or day <= self.ends_on
        )
