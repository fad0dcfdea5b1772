"""Notification channels: one interface, an in-app inbox row per user and e-mail (SMTP).

Channels receive messages inside the caller's transaction. The in-app channel adds rows
to it; the e-mail channel sends only once the transaction commits, so a rolled-back
reminder never leaves a mail behind.
"""
from __future__ import annotations

import abc
import logging
import smtplib
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Sequence

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..models import AppNotification
from ..models.base import utcnow
from .actor import Actor
from .tx import on_commit

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Message:
    user_id: int
    email: str | None
    topic: str
    title: str
    body: str


class Channel(abc.ABC):
    name: str

    @abc.abstractmethod
    def deliver(self, session: Session, condominium_id: int, messages: Sequence[Message]) -> int:
        """Hand ``messages`` to the channel; return how many it accepted."""


class InAppChannel(Channel):
    name = "in_app"

    def deliver(self, session, condominium_id, messages):
        for message in messages:
            session.add(AppNotification(condominium_id=condominium_id, user_id=message.user_id,
                                        topic=message.topic, title=message.title,
                                        body=message.body))
        session.flush()
        return len(messages)


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int = 587
    user: str = ""
    password: str = ""
    starttls: bool = True
    sender: str = "Conserje <no-reply@conserje.app>"
    timeout: float = 15.0


class EmailChannel(Channel):
    name = "email"

    def __init__(self, settings: SmtpSettings):
        self.settings = settings

    def deliver(self, session, condominium_id, messages):
        mails = [m for m in messages if m.email]
        if mails:
            on_commit(session, lambda: self.send(mails))
        return len(mails)

    def send(self, messages: Sequence[Message]) -> None:
        """One SMTP connection for the batch; a failure is logged, not raised (the
        reminder is already recorded as sent: at most once beats twice)."""
        cfg = self.settings
        try:
            with smtplib.SMTP(cfg.host, cfg.port, timeout=cfg.timeout) as smtp:
                if cfg.starttls:
                    smtp.starttls()
                if cfg.user:
                    smtp.login(cfg.user, cfg.password)
                for message in messages:
                    mail = EmailMessage()
                    mail["From"], mail["To"] = cfg.sender, message.email
                    mail["Subject"] = message.title
                    mail.set_content(message.body)
                    smtp.send_message(mail)
        except (OSError, smtplib.SMTPException) as exc:
            log.error("could not send %d e-mails: %s", len(messages), exc)


def inbox(session: Session, actor: Actor, unread_only: bool = False) -> list[AppNotification]:
    """The acting user's in-app notifications in this condominium, newest first."""
    stmt = select(AppNotification).where(AppNotification.user_id == actor.user_id,
                                         AppNotification.condominium_id == actor.condominium_id)
    if unread_only:
        stmt = stmt.where(AppNotification.read_at.is_(None))
    return list(session.scalars(stmt.order_by(AppNotification.id.desc()).limit(200)))


def mark_read(session: Session, actor: Actor, ids: Sequence[int]) -> None:
    """Mark the user's own notifications read (other ids are silently not theirs)."""
    session.execute(update(AppNotification).where(
        AppNotification.id.in_(list(ids)), AppNotification.user_id == actor.user_id,
        AppNotification.condominium_id == actor.condominium_id).values(read_at=utcnow()))
