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


SQLITE_BUSY_TIMEOUT_MS = 15_000


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """Every SQLite connection: foreign keys on (SQLite ignores them and ON DELETE unless
    asked), WAL (readers never wait for the writer) and a 15 s busy timeout (a writer
    waits for the write lock instead of failing with "database is locked")."""
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        if cursor.execute("PRAGMA database_list").fetchone()[2]:  # a file, not :memory:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()


__all__ = ["create_app", "Config"]
