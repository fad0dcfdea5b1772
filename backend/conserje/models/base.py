"""Declarative base, naming convention and portable column types.

Everything here is Oracle-first: identifiers stay under 30 characters, constraint names
come from the naming convention, JSON is stored as text and times are UTC-aware.
"""
from __future__ import annotations

import hashlib
import json
import uuid
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import TIMESTAMP, ForeignKey, Identity, Integer, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

ORACLE_MAX_IDENTIFIER = 30


def short_identifier(name: str) -> str:
    """Deterministically shorten ``name`` to Oracle's 30-character identifier limit."""
    if len(name) <= ORACLE_MAX_IDENTIFIER:
        return name
    digest = hashlib.sha1(name.encode()).hexdigest()[:8]
    return f"{name[: ORACLE_MAX_IDENTIFIER - 9]}_{digest}"


def _columns_name(prefix: str):
    def token(constraint, table) -> str:
        columns = "_".join(col.name for col in constraint.columns)
        return short_identifier(f"{prefix}_{table.name}_{columns}")

    return token


def _fk_name(constraint, table) -> str:
    column = constraint.column_keys[0] if constraint.column_keys else "ref"
    return short_identifier(f"fk_{table.name}_{column}")


def _ck_name(constraint, table) -> str:
    return short_identifier(f"ck_{table.name}_{constraint.name}")


NAMING_CONVENTION = {
    "ix_name": _columns_name("ix"),
    "uq_name": _columns_name("uq"),
    "fk_name": _fk_name,
    "ck_name": _ck_name,
    "ix": "%(ix_name)s",
    "uq": "%(uq_name)s",
    "fk": "%(fk_name)s",
    "ck": "%(ck_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def new_public_id() -> str:
    return str(uuid.uuid4())


class UTCDateTime(TypeDecorator):
    """Timezone-aware UTC datetimes on every backend (SQLite returns naive values)."""

    # TIMESTAMP, not DateTime: on Oracle DateTime renders as DATE (no time zone).
    impl = TIMESTAMP(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


class JSONText(TypeDecorator):
    """JSON stored as text (CLOB on Oracle): portable across every dialect we support."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect):
        return None if value is None else json.dumps(value, default=str, sort_keys=True)

    def process_result_value(self, value: str | None, dialect):
        return None if value is None else json.loads(value)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class IdMixin:
    id: Mapped[int] = mapped_column(Integer, Identity(), primary_key=True)


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(
        UTCDateTime, default=utcnow, onupdate=utcnow, nullable=False
    )


class PublicIdMixin:
    public_id: Mapped[str] = mapped_column(
        String(36), default=new_public_id, unique=True, nullable=False
    )


class TenantMixin:
    """Every tenant row belongs to exactly one condominium."""

    condominium_id: Mapped[int] = mapped_column(
        ForeignKey("condominium.id", ondelete="CASCADE"), index=True, nullable=False
    )
