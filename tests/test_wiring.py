"""The composition root: one dependencies object per process, built from the
configuration; finance reminders and visitor notifications go through one list of
channels (in-app always, the others exactly when configured)."""
from __future__ import annotations

from conserje import wiring
from conserje.config import TestConfig as AppTestConfig
from conserje.storage import LocalMediaStore

CONFIGURED = {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": 2525, "VAPID_PRIVATE_KEY": "k",
              "VAPID_SUBJECT": "mailto:a@b.c", "WHATSAPP_WEBHOOK_URL": "https://wa.test/hook",
              "WHATSAPP_WEBHOOK_SECRET": "s", "SMS_WEBHOOK_URL": ""}


def test_only_configured_channels_are_built(app):
    with app.app_context():
        redis = wiring.deps().redis
        bare = {**app.config, **{key: "" for key in CONFIGURED}}
        assert [c.name for c in wiring.build_channels(bare, redis)] == ["in_app"]
        channels = wiring.build_channels({**app.config, **CONFIGURED}, redis)
        assert [c.name for c in channels] == ["in_app", "email", "web_push", "whatsapp"]
        assert channels[0].redis is redis  # in-app messages reach the live stream too


def test_the_app_builds_its_dependencies_once(app):
    with app.app_context():
        first, again = wiring.deps(), wiring.deps()
        assert first is again
        assert first.secret == app.config["SECRET_KEY"]
        assert isinstance(first.store, LocalMediaStore)
        assert first.engine.models_dir == app.config["MODELS_DIR"]
        assert first.engine.default_model == app.config["FACE_MODEL"]
        assert first.gate.debounce_seconds == int(app.config["GATE_DEBOUNCE_SECONDS"])
        assert [c.name for c in first.channels][0] == "in_app"


def test_an_s3_bucket_in_the_configuration_gives_the_s3_store(tmp_path):
    config = vars(AppTestConfig()) | {"S3_BUCKET": "media", "S3_ENDPOINT_URL": "http://127.0.0.1:9"}
    assert type(wiring.build_store(config)).__name__ == "S3MediaStore"
    assert isinstance(wiring.build_store(config | {"S3_BUCKET": "", "MEDIA_DIR": str(tmp_path)}),
                      LocalMediaStore)
