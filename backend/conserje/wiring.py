"""The composition root: everything services depend on is built here, once per process.

``create_app`` calls :func:`init_app` (the API process, and each worker process, which
builds its own app); handlers and jobs get the result with :func:`deps` and hand it to
services. Nothing else reads ``CONSERJE_*`` settings to build a store, a channel or the
face-engine settings.
"""
from __future__ import annotations

from typing import Mapping

from flask import Flask, current_app
from redis import Redis

from conserje.services.core.deps import Deps, EngineSettings, GateSettings
from conserje.services.core.ports import Channel
from conserje.services.notifications.channels import (
    EmailChannel,
    InAppChannel,
    SmtpSettings,
    VapidSettings,
    WebhookChannel,
    WebhookSettings,
    WebPushChannel,
)
from conserje.storage import LocalMediaStore, MediaStore, S3MediaStore


def build_store(config: Mapping) -> MediaStore:
    """The media store: an S3 bucket when ``CONSERJE_S3_BUCKET`` is set, else a folder."""
    if config.get("S3_BUCKET"):
        return S3MediaStore(config["S3_BUCKET"], config.get("S3_ENDPOINT_URL"),
                            config.get("S3_ACCESS_KEY"), config.get("S3_SECRET_KEY"),
                            config.get("S3_REGION"))
    return LocalMediaStore(config["MEDIA_DIR"])


def build_engine_settings(config: Mapping) -> EngineSettings:
    """Face-engine settings from ``CONSERJE_FACE_*`` and ``CONSERJE_MODELS_DIR``."""
    return EngineSettings(config["MODELS_DIR"], config["FACE_MODEL"], config["FACE_DETECTOR"],
                          config["FACE_THRESHOLD"], config["FACE_TARGET_FAR"],
                          config.get("FACE_DETECTOR_WEIGHTS") or None)


def build_channels(config: Mapping, redis: Redis) -> list[Channel]:
    """Every notification channel whose settings are configured, in-app first: e-mail
    (CONSERJE_SMTP_*), Web Push (CONSERJE_VAPID_*), WhatsApp and SMS gateways
    (CONSERJE_WHATSAPP_WEBHOOK_*, CONSERJE_SMS_WEBHOOK_*)."""
    channels: list[Channel] = [InAppChannel(redis)]
    if config.get("SMTP_HOST"):
        channels.append(EmailChannel(SmtpSettings(
            config["SMTP_HOST"], int(config["SMTP_PORT"]), config.get("SMTP_USER") or "",
            config.get("SMTP_PASSWORD") or "", bool(config.get("SMTP_STARTTLS")),
            config["MAIL_FROM"])))
    if config.get("VAPID_PRIVATE_KEY"):
        channels.append(WebPushChannel(VapidSettings(config["VAPID_PRIVATE_KEY"],
                                                     config["VAPID_SUBJECT"])))
    for name in ("whatsapp", "sms"):
        url = config.get(f"{name.upper()}_WEBHOOK_URL")
        if url:
            channels.append(WebhookChannel(name, WebhookSettings(
                url, config.get(f"{name.upper()}_WEBHOOK_SECRET") or "")))
    return channels


def build_deps(config: Mapping, redis: Redis) -> Deps:
    """The dependencies object every service call of this process receives."""
    return Deps(redis=redis, store=build_store(config), secret=config["SECRET_KEY"],
                engine=build_engine_settings(config),
                channels=tuple(build_channels(config, redis)),
                gate=GateSettings(int(config["GATE_DEBOUNCE_SECONDS"]),
                                  int(config["STAFF_ACCESS_MARGIN_MINUTES"])))


def init_app(app: Flask) -> None:
    """Build this process's dependencies (after the Redis connection exists)."""
    app.extensions["conserje_deps"] = build_deps(app.config, app.extensions["conserje_redis"])


def deps_of(app: Flask) -> Deps:
    """``app``'s dependencies, built by :func:`init_app`."""
    return app.extensions["conserje_deps"]


def deps() -> Deps:
    """The current app's dependencies (in a request, a job or a CLI command)."""
    return deps_of(current_app)
