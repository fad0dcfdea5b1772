"""Finance reminders and visitor notifications go through one list of channels, built
from the configuration: in-app always, the others exactly when configured."""
from __future__ import annotations

from conserje.tasks.channels import configured_channels

CONFIGURED = {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": 2525, "VAPID_PRIVATE_KEY": "k",
              "VAPID_SUBJECT": "mailto:a@b.c", "WHATSAPP_WEBHOOK_URL": "https://wa.test/hook",
              "WHATSAPP_WEBHOOK_SECRET": "s", "SMS_WEBHOOK_URL": ""}


def test_only_configured_channels_are_built(app):
    with app.app_context():
        saved = {key: app.config.get(key) for key in CONFIGURED}
        try:
            for key in CONFIGURED:
                app.config[key] = ""
            assert [c.name for c in configured_channels()] == ["in_app"]
            app.config.update(CONFIGURED)
            channels = configured_channels()
            assert [c.name for c in channels] == ["in_app", "email", "web_push", "whatsapp"]
            assert channels[0].redis is not None  # in-app messages reach the live stream too
        finally:
            app.config.update(saved)
