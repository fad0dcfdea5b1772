"""Notification channels: one interface, an in-app inbox row per user (and, with Redis,
the user's live stream), e-mail (SMTP), Web Push (VAPID) and WhatsApp/SMS providers
behind a signed JSON webhook.

Channels receive messages inside the caller's transaction. The in-app channel adds rows
to it; the others send only once the transaction commits, so a rolled-back reminder
never leaves a message behind.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import logging
import smtplib
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Sequence

from sqlalchemy import select

from conserje.models import AppNotification, PushSubscription
from conserje.services.core.ports import Channel, Message
from conserje.services.core.tx import on_commit

log = logging.getLogger(__name__)


def pubsub_name(redis, name: str) -> str:
    """``name`` scoped to the connection's Redis database. Pub/sub ignores database
    numbers, so without it two installations (or test runs) sharing one Redis server
    would hear each other's events."""
    kwargs = getattr(getattr(redis, "connection_pool", None), "connection_kwargs", {}) or {}
    return f"{name}@{kwargs.get('db', 0)}"


def user_channel(redis, user_id: int) -> str:
    """The Redis pub/sub channel of one user's live notifications."""
    return pubsub_name(redis, f"conserje:user-events:{user_id}")


class InAppChannel(Channel):
    name = "in_app"

    def __init__(self, redis=None):
        self.redis = redis  # when given, each message also goes to the user's live stream

    def deliver(self, session, condominium_id, messages):
        rows = []
        for message in messages:
            row = AppNotification(condominium_id=condominium_id, user_id=message.user_id,
                                  topic=message.topic, title=message.title, body=message.body)
            session.add(row)
            rows.append((row, message))
        session.flush()
        if self.redis is not None:
            for row, message in rows:
                live = json.dumps({"type": "notification", "data": {
                    "id": row.id, "topic": row.topic, "title": row.title, "body": row.body,
                    **message.data}}, default=str)
                on_commit(session, lambda ch=user_channel(self.redis, message.user_id), body=live:
                          self.redis.publish(ch, body))
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
                    for filename, mime, content in message.attachments:
                        maintype, subtype = mime.split("/", 1)
                        mail.add_attachment(content, maintype=maintype, subtype=subtype,
                                            filename=filename)
                    smtp.send_message(mail)
        except (OSError, smtplib.SMTPException) as exc:
            log.error("could not send %d e-mails: %s", len(messages), exc)


@dataclass(frozen=True)
class VapidSettings:
    private_key: str  # PEM or base64url raw key, as pywebpush takes it
    subject: str = "mailto:admin@conserje.app"
    ttl: int = 120


class WebPushChannel(Channel):
    """Web Push to every browser the user subscribed (RFC 8030 + VAPID, RFC 8291 aes128gcm
    encryption by pywebpush). Subscriptions the push service says are gone are dropped."""

    name = "web_push"

    def __init__(self, settings: VapidSettings):
        self.settings = settings

    def deliver(self, session, condominium_id, messages):
        by_user = {m.user_id: m for m in messages}
        subs = list(session.scalars(select(PushSubscription).where(
            PushSubscription.condominium_id == condominium_id,
            PushSubscription.user_id.in_(list(by_user)))))
        jobs = [(sub.id, {"endpoint": sub.endpoint,
                          "keys": {"p256dh": sub.p256dh, "auth": sub.auth_secret}},
                 json.dumps({"title": by_user[sub.user_id].title,
                             "body": by_user[sub.user_id].body, "topic": by_user[sub.user_id].topic,
                             **by_user[sub.user_id].data}, default=str)) for sub in subs]
        if jobs:
            on_commit(session, lambda: self.send(jobs))
        return len(jobs)

    def send(self, jobs) -> list[int]:
        """Push each payload; return the ids of subscriptions that no longer exist."""
        from pywebpush import WebPushException, webpush

        gone = []
        for sub_id, info, payload in jobs:
            try:
                webpush(info, payload, vapid_private_key=self.settings.private_key,
                        vapid_claims={"sub": self.settings.subject}, ttl=self.settings.ttl,
                        timeout=10)
            except WebPushException as exc:
                status = getattr(exc.response, "status_code", None)
                if status in (404, 410):
                    gone.append(sub_id)
                log.error("web push to subscription %s failed: %s", sub_id, exc)
            except OSError as exc:
                log.error("web push to subscription %s failed: %s", sub_id, exc)
        return gone


@dataclass(frozen=True)
class WebhookSettings:
    url: str
    secret: str
    timeout: float = 10.0


class WebhookChannel(Channel):
    """WhatsApp or SMS through a provider's HTTP gateway: one JSON POST per message,
    signed with ``X-Conserje-Signature: sha256=<HMAC of the body>`` so the adapter on the
    provider's side (or the provider itself) can check it came from us."""

    def __init__(self, name: str, settings: WebhookSettings):
        self.name = name  # "whatsapp" or "sms"
        self.settings = settings

    def deliver(self, session, condominium_id, messages):
        bodies = [self.body(condominium_id, m) for m in messages if m.phone]
        if bodies:
            on_commit(session, lambda: self.send(bodies))
        return len(bodies)

    def body(self, condominium_id: int, message: Message) -> bytes:
        return json.dumps({"channel": self.name, "to": message.phone, "topic": message.topic,
                           "title": message.title, "text": message.body,
                           "condominium_id": condominium_id, "data": message.data},
                          default=str, sort_keys=True, separators=(",", ":")).encode()

    def signature(self, body: bytes) -> str:
        return "sha256=" + hmac.new(self.settings.secret.encode(), body,
                                    hashlib.sha256).hexdigest()

    def send(self, bodies: Sequence[bytes]) -> int:
        """POST each body; failures are logged (the in-app channel still has them)."""
        import requests

        sent = 0
        for body in bodies:
            try:
                response = requests.post(
                    self.settings.url, data=body, timeout=self.settings.timeout,
                    headers={"Content-Type": "application/json",
                             "X-Conserje-Signature": self.signature(body)})
                response.raise_for_status()
                sent += 1
            except requests.RequestException as exc:
                log.error("%s webhook failed: %s", self.name, exc)
        return sent
