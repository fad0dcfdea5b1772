"""Notifications to people: the in-app inbox and the Web Push subscriptions of browsers."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from conserje.models.base import Base, IdMixin, TenantMixin, UTCDateTime, utcnow


class AppNotification(IdMixin, TenantMixin, Base):
    """An in-app message to one user (the first notification channel)."""

    __tablename__ = "app_notification"

    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"),
                                         index=True, nullable=False)
    topic: Mapped[str] = mapped_column(String(40), nullable=False)
    title: Mapped[str] = mapped_column(String(160), nullable=False)
    body: Mapped[str] = mapped_column(Text, nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class PushSubscription(IdMixin, TenantMixin, Base):
    """A browser's Web Push subscription for one user (endpoint + keys from the browser)."""

    __tablename__ = "push_subscription"

    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"),
                                         index=True, nullable=False)
    endpoint: Mapped[str] = mapped_column(Text, nullable=False)
    p256dh: Mapped[str] = mapped_column(String(255), nullable=False)
    auth_secret: Mapped[str] = mapped_column(String(64), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)
