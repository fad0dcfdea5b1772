"""Unauthenticated health probe for load balancers and compose health checks."""
from __future__ import annotations

from flask_smorest import Blueprint
from marshmallow import Schema, fields

from conserje.extensions import db, redis_store
from conserje.schemas.core.common import ResponseSchema
from conserje.services.core.health import check_all
from conserje.services.faces.engine import check_configured_model
from conserje.wiring import deps

blp = Blueprint("health", __name__, url_prefix="/api/v1/health", description="Health")


class ComponentHealth(Schema):
    status = fields.String(required=True)
    detail = fields.String(required=True)


class Health(ResponseSchema):
    status = fields.String(required=True)
    components = fields.Dict(keys=fields.String(), values=fields.Nested(ComponentHealth))


@blp.route("", methods=["GET"])
@blp.response(200, Health)
@blp.alt_response(503, schema=Health, description="A component is failing")
@blp.doc(security=[], summary="Status of database, Redis, media store and models")
def health():
    settings = deps().engine
    report = check_all(db.session, deps().redis, redis_store.is_embedded(),
                       deps().store, lambda: check_configured_model(settings))
    db.session.rollback()
    return report, (200 if report["status"] == "ok" else 503)
