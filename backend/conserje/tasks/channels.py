"""The notification channels this installation is configured for, built once per job run:
the in-app inbox (pushed to the user's live stream) always; e-mail, Web Push, WhatsApp and
SMS when their settings are present (CONSERJE_SMTP_*, CONSERJE_VAPID_*,
CONSERJE_WHATSAPP_WEBHOOK_*, CONSERJE_SMS_WEBHOOK_*). Finance reminders and visitor
notifications go through the same list."""
from __future__ import annotations

from flask import current_app

from ..extensions import redis_store
from ..services.notify import (Channel, EmailChannel, InAppChannel, SmtpSettings,
                               VapidSettings, WebhookChannel, WebhookSettings, WebPushChannel)


def configured_channels() -> list[Channel]:
    """Every channel whose settings are configured, in-app first."""
    cfg = current_app.config
    channels: list[Channel] = [InAppChannel(redis_store.connection)]
    if cfg.get("SMTP_HOST"):
        channels.append(EmailChannel(SmtpSettings(
            cfg["SMTP_HOST"], int(cfg["SMTP_PORT"]), cfg.get("SMTP_USER") or "",
            cfg.get("SMTP_PASSWORD") or "", bool(cfg.get("SMTP_STARTTLS")), cfg["MAIL_FROM"])))
    if cfg.get("VAPID_PRIVATE_KEY"):
        channels.append(WebPushChannel(VapidSettings(cfg["VAPID_PRIVATE_KEY"],
                                                     cfg["VAPID_SUBJECT"])))
    for name in ("whatsapp", "sms"):
        url = cfg.get(f"{name.upper()}_WEBHOOK_URL")
        if url:
            channels.append(WebhookChannel(name, WebhookSettings(
                url, cfg.get(f"{name.upper()}_WEBHOOK_SECRET") or "")))
    return channels
