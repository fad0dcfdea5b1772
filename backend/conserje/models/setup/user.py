"""Login accounts, their per-condominium roles, and revoked sessions."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from conserje.models.base import Base, IdMixin, PublicIdMixin, TimestampMixin, UTCDateTime, utcnow

ROLES = ("admin", "manager", "guard", "resident", "staff")


class AppUser(IdMixin, PublicIdMixin, TimestampMixin, Base):
    """A login account. Accounts are global; access comes from ``UserRole`` rows."""

    __tablename__ = "app_user"

    email: Mapped[str] = mapped_column(String(254), unique=True, nullable=False)
    password_hash: Mapped[str] = mapped_column(String(255), nullable=False)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    roles: Mapped[list["UserRole"]] = relationship(
        back_populates="user", cascade="all, delete-orphan", lazy="selectin"
    )

    def roles_in(self, condominium_id: int) -> list[str]:
        return sorted(r.role_name for r in self.roles if r.condominium_id == condominium_id)

    def condominium_ids(self) -> list[int]:
        return sorted({r.condominium_id for r in self.roles})


class UserRole(IdMixin, Base):
    """One role a user holds in one condominium (the tenant boundary for users)."""

    __tablename__ = "user_role"
    __table_args__ = (UniqueConstraint("user_id", "condominium_id", "role_name"),)

    user_id: Mapped[int] = mapped_column(
        ForeignKey("app_user.id", ondelete="CASCADE"), index=True, nullable=False
    )
    condominium_id: Mapped[int] = mapped_column(
        ForeignKey("condominium.id", ondelete="CASCADE"), index=True, nullable=False
    )
    role_name: Mapped[str] = mapped_column(String(16), nullable=False)

    user: Mapped[AppUser] = relationship(back_populates="roles")


class RevokedToken(IdMixin, Base):
    """A logged-out session: every JWT carrying this session id is refused."""

    __tablename__ = "revoked_token"

    session_key: Mapped[str] = mapped_column(String(36), unique=True, nullable=False)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, index=True)
    revoked_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)
