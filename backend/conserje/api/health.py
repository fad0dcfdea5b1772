"""Unauthenticated health probe for load balancers and compose health checks."""
from __future__ import annotations

from flask import current_app
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from ..extensions import db, redis_store
from ..services.face_engine import check_configured_model, settings_from_config
from ..services.health import check_all
from ..storage import media_store

blp = Blueprint("health", __name__, url_prefix="/api/v1/health", description="Health")


class ComponentHealth(Schema):
    status = fields.String(required=True)
    detail = fields.String(required=True)


class Health(Schema):
    status = fields.String(required=True)
    components = fields.Dict(keys=fields.String(), values=fields.Nested(ComponentHealth))


@blp.route("", methods=["GET"])
@blp.response(200, Health)
@blp.alt_response(503, schema=Health, description="A component is failing")
@blp.doc(security=[], summary="Status of database, Redis, media store and models")
def health():
    settings = settings_from_config(current_app.config)
    report = check_all(db.session, redis_store.connection, redis_store.is_embedded(),
                       media_store(), lambda: check_configured_model(settings))
    db.session.rollback()
    return report, (200 if report["status"] == "ok" else 503)
