"""One row per (cron entry, time slot) that some scheduler has run."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from conserje.models.base import Base, UTCDateTime, utcnow


class CronClaim(Base):
    """The primary key is the claim: the first scheduler to insert (entry, slot) runs
    it, every other process firing the same slot gets an integrity error and skips."""

    __tablename__ = "cron_claim"

    entry: Mapped[str] = mapped_column(String(60), primary_key=True)
    slot: Mapped[datetime] = mapped_column(UTCDateTime, primary_key=True)
    claimed_by: Mapped[str] = mapped_column(String(120), nullable=False)
    claimed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)
