"""HTTP layer: flask-smorest Blueprints grouped by domain (the same names as services)."""
from __future__ import annotations

from flask import Flask

from conserje.api import access, core, faces, finance, gate, notifications, setup, visitors
from conserje.api.core.errors import register_error_handlers
from conserje.api.core.headers import register_security_headers
from conserje.api.core.static import register_static
from conserje.extensions import api

BLUEPRINTS = (*core.BLUEPRINTS, *setup.BLUEPRINTS, access.blp, access.events_blp,
              *faces.BLUEPRINTS, *gate.BLUEPRINTS, *finance.BLUEPRINTS, *visitors.BLUEPRINTS,
              notifications.blp)


def register_api(app: Flask) -> None:
    for blueprint in BLUEPRINTS:
        api.register_blueprint(blueprint)
    register_error_handlers(app)
    register_security_headers(app)
    register_static(app)
