"""HTTP layer: one flask-smorest Blueprint per domain."""
from __future__ import annotations

from flask import Flask

from ..extensions import api
from . import (access, attendance, audit, auth, face_models, faces, gate, health, imports, jobs,
               setup, users)
from .errors import register_error_handlers
from .static import register_static


def register_api(app: Flask) -> None:
    for blueprint in (health.blp, auth.blp, *setup.BLUEPRINTS, users.blp, imports.blp, audit.blp,
                      faces.blp, jobs.blp, face_models.blp, gate.blp, access.blp, access.events_blp,
                      attendance.blp):
        api.register_blueprint(blueprint)
    register_error_handlers(app)
    register_static(app)
