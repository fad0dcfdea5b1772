"""Conserje: condominium management with AI gate security.

``create_app`` is the only way to build the Flask application (api, CLI and tests).
"""
from __future__ import annotations

import logging

from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import Engine

from conserje.config import Config


def create_app(config: Config | None = None) -> Flask:
    """Build the Flask app from ``config`` (default: ``CONSERJE_*`` environment)."""
    config = config or Config()
    config.validate()

    app = Flask(__name__)
    app.config.from_object(config)
    logging.basicConfig(level=app.config["LOG_LEVEL"])

    # Imported here, not at module level: `import conserje.config` (Alembic, scripts) must
    # not pull in the API, the services and the face models.
    from conserje import (
        models,  # noqa: F401 - registers every table on the metadata
        wiring,
    )
    from conserje.api import register_api
    from conserje.extensions import api, db, jwt, redis_store
    from conserje.services.setup import passwords

    passwords.configure(app.config["PASSWORD_HASH_TIME_COST"],
                        app.config["PASSWORD_HASH_MEMORY_KIB"])
    db.init_app(app)
    jwt.init_app(app)
    api.init_app(app)
    redis_store.init_app(app)
    wiring.init_app(app)
    register_api(app)

    from conserje.services.faces.engine import check_configured_model, warm

    face_settings = wiring.deps_of(app).engine
    check_configured_model(face_settings)  # a missing weights file stops the start, by name
    if app.config["WARM_MODELS"]:
        warm(face_settings)

    return app


@event.listens_for(Engine, "connect")
def _sqlite_foreign_keys(dbapi_connection, _record) -> None:
    # SQLite ignores foreign keys (and ON DELETE) unless asked on every connection.
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()


__all__ = ["create_app", "Config"]
