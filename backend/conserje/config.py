"""Configuration read from ``CONSERJE_*`` environment variables.

Every variable is documented in ``.env.example``. ``Config.from_env()`` is what the
processes use; tests build ``TestConfig`` with explicit overrides.
"""
from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from vision import defaults

REPO_ROOT = Path(__file__).resolve().parents[2]


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(f"CONSERJE_{name}")
    return value if value not in (None, "") else default


def _env_int(name: str, default: int) -> int:
    raw = _env(name)
    return int(raw) if raw is not None else default


def _env_bool(name: str, default: bool = False) -> bool:
    raw = _env(name)
    return default if raw is None else raw.strip().lower() in {"1", "true", "yes", "on"}


class Config:
    """Flask configuration; attribute names follow Flask/extension conventions."""

    def __init__(self, **overrides):
        var_dir = Path(_env("VAR_DIR", str(REPO_ROOT / "var")))
        self.VAR_DIR = str(var_dir)
        self.SECRET_KEY = _env("SECRET_KEY")
        self.SQLALCHEMY_DATABASE_URI = _env("DATABASE_URL", f"sqlite:///{var_dir / 'conserje.db'}")
        self.SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
        self.REDIS_URL = _env("REDIS_URL", "")
        self.MEDIA_DIR = _env("MEDIA_DIR", str(var_dir / "media"))
        self.S3_BUCKET = _env("S3_BUCKET", "")
        self.S3_ENDPOINT_URL = _env("S3_ENDPOINT_URL", "")
        self.S3_ACCESS_KEY = _env("S3_ACCESS_KEY", "")
        self.S3_SECRET_KEY = _env("S3_SECRET_KEY", "")
        self.S3_REGION = _env("S3_REGION", "us-east-1")
        self.MODELS_DIR = _env("MODELS_DIR", str(var_dir / "models"))
        self.MIGRATIONS_DIR = _env("MIGRATIONS_DIR", str(REPO_ROOT / "db" / "migrations"))
        self.FRONTEND_DIST = _env("FRONTEND_DIST", str(REPO_ROOT / "frontend" / "dist"))
        self.WARM_MODELS = _env_bool("WARM_MODELS")
        # The recognition stack a condominium starts with (retraining can change it).
        self.FACE_MODEL = _env("FACE_MODEL", defaults.FACE_MODEL)
        self.FACE_DETECTOR = _env("FACE_DETECTOR", defaults.FACE_DETECTOR)
        # Weights file in MODELS_DIR for a detector that needs one (yolo: yolo_face.onnx).
        self.FACE_DETECTOR_WEIGHTS = _env("FACE_DETECTOR_WEIGHTS", "")
        # Decision threshold (cosine similarity to a person's centroid) used until the
        # first retraining calibrates one from the enrolled photos.
        self.FACE_THRESHOLD = float(_env("FACE_THRESHOLD", str(defaults.FACE_THRESHOLD)))
        self.FACE_TARGET_FAR = float(_env("FACE_TARGET_FAR", str(defaults.TARGET_FAR)))
        self.MAX_FACE_IMAGES_PER_REQUEST = _env_int("MAX_FACE_IMAGES_PER_REQUEST", 10)
        self.MAX_CONTENT_LENGTH = _env_int("MAX_UPLOAD_MB", 20) * 1024 * 1024
        self.JWT_ACCESS_TOKEN_EXPIRES = timedelta(minutes=_env_int("ACCESS_TOKEN_MINUTES", 15))
        self.JWT_REFRESH_TOKEN_EXPIRES = timedelta(days=_env_int("REFRESH_TOKEN_DAYS", 30))
        # Brute-force protection for /auth/login (failed attempts per account, all
        # attempts per client IP, both within LOGIN_WINDOW_SECONDS).
        self.LOGIN_MAX_FAILURES_PER_ACCOUNT = _env_int("LOGIN_MAX_FAILURES_PER_ACCOUNT", 5)
        self.LOGIN_MAX_ATTEMPTS_PER_IP = _env_int("LOGIN_MAX_ATTEMPTS_PER_IP", 30)
        self.LOGIN_WINDOW_SECONDS = _env_int("LOGIN_WINDOW_SECONDS", 900)
        # argon2id cost of new password hashes (the library's defaults: 3 passes, 64 MiB).
        self.PASSWORD_HASH_TIME_COST = _env_int("PASSWORD_HASH_TIME_COST", 3)
        self.PASSWORD_HASH_MEMORY_KIB = _env_int("PASSWORD_HASH_MEMORY_KIB", 65536)
        # Gate: one event per person and gate within this window; unknown-face snapshots
        # kept this many days; staff may enter this long before/after their shift;
        # attendance counts an arrival as late after this grace.
        self.GATE_DEBOUNCE_SECONDS = _env_int("GATE_DEBOUNCE_SECONDS", 30)
        self.UNKNOWN_SNAPSHOT_DAYS = _env_int("UNKNOWN_SNAPSHOT_DAYS", 7)
        self.STAFF_ACCESS_MARGIN_MINUTES = _env_int("STAFF_ACCESS_MARGIN_MINUTES", 60)
        self.ATTENDANCE_GRACE_MINUTES = _env_int("ATTENDANCE_GRACE_MINUTES", 5)
        self.DEFAULT_CONDOMINIUM_NAME = _env("DEFAULT_CONDOMINIUM_NAME", "Mi Condominio")
        self.DEFAULT_TIME_ZONE = _env("DEFAULT_TIME_ZONE", "America/Santiago")
        self.DEFAULT_CURRENCY = _env("DEFAULT_CURRENCY", "CLP")
        self.DEFAULT_COUNTRY = _env("DEFAULT_COUNTRY", "CL")
        self.LOG_LEVEL = _env("LOG_LEVEL", "WARNING")
        # Finance: the address providers send residents back to and post webhooks to,
        # and the platform's provider credentials (each condominium picks its provider).
        self.PUBLIC_URL = _env("PUBLIC_URL", "http://127.0.0.1:5000")
        self.MERCADOPAGO_ACCESS_TOKEN = _env("MERCADOPAGO_ACCESS_TOKEN", "")
        self.MERCADOPAGO_WEBHOOK_SECRET = _env("MERCADOPAGO_WEBHOOK_SECRET", "")
        self.STRIPE_SECRET_KEY = _env("STRIPE_SECRET_KEY", "")
        self.STRIPE_WEBHOOK_SECRET = _env("STRIPE_WEBHOOK_SECRET", "")
        # Outgoing mail (payment reminders); empty host: in-app notifications only.
        self.SMTP_HOST = _env("SMTP_HOST", "")
        self.SMTP_PORT = _env_int("SMTP_PORT", 587)
        self.SMTP_USER = _env("SMTP_USER", "")
        self.SMTP_PASSWORD = _env("SMTP_PASSWORD", "")
        self.SMTP_STARTTLS = _env_bool("SMTP_STARTTLS", True)
        self.MAIL_FROM = _env("MAIL_FROM", "Conserje <no-reply@conserje.app>")
        # Visitors: Web Push (VAPID key pair; empty = no push), WhatsApp and SMS provider
        # gateways as signed JSON webhooks (empty URL = channel off).
        self.VAPID_PRIVATE_KEY = _env("VAPID_PRIVATE_KEY", "")
        self.VAPID_PUBLIC_KEY = _env("VAPID_PUBLIC_KEY", "")
        self.VAPID_SUBJECT = _env("VAPID_SUBJECT", "mailto:admin@conserje.app")
        self.WHATSAPP_WEBHOOK_URL = _env("WHATSAPP_WEBHOOK_URL", "")
        self.WHATSAPP_WEBHOOK_SECRET = _env("WHATSAPP_WEBHOOK_SECRET", "")
        self.SMS_WEBHOOK_URL = _env("SMS_WEBHOOK_URL", "")
        self.SMS_WEBHOOK_SECRET = _env("SMS_WEBHOOK_SECRET", "")

        # flask-smorest / OpenAPI: Swagger UI assets are served locally (no CDN).
        self.API_TITLE = "Conserje API"
        self.API_VERSION = "v1"
        self.OPENAPI_VERSION = "3.0.3"
        self.OPENAPI_URL_PREFIX = "/api"
        self.OPENAPI_JSON_PATH = "openapi.json"
        self.OPENAPI_SWAGGER_UI_PATH = "/docs"
        self.OPENAPI_SWAGGER_UI_URL = "/api/docs/assets/"
        self.API_SPEC_OPTIONS = {
            "components": {
                "securitySchemes": {
                    "bearerAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}
                }
            },
            "security": [{"bearerAuth": []}],
        }
        self.JSON_SORT_KEYS = False
        self.TESTING = False

        for key, value in overrides.items():
            setattr(self, key, value)

    def validate(self) -> None:
        """Refuse to start without the settings that have no safe default."""
        if not self.SECRET_KEY:
            raise RuntimeError(
                "CONSERJE_SECRET_KEY is not set: export a long random string "
                "(e.g. `python -c 'import secrets; print(secrets.token_urlsafe(48))'`)."
            )
        self.JWT_SECRET_KEY = self.SECRET_KEY


class TestConfig(Config):
    """Configuration for the test suite: explicit database, fast password hashing."""

    def __init__(self, **overrides):
        # Cheap hashes keep the suite fast; production keeps the library defaults.
        defaults = {"TESTING": True, "SECRET_KEY": "test-secret-key-" + "x" * 32,
                    "PASSWORD_HASH_TIME_COST": 1, "PASSWORD_HASH_MEMORY_KIB": 1024}
        defaults.update(overrides)
        super().__init__(**defaults)
