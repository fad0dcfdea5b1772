"""HTTP layer: flask-smorest Blueprints grouped by domain (the same names as services)."""
from __future__ import annotations

from flask import Flask

from conserje.api import access, core, faces, finance, gate, notifications, setup, visitors
from conserje.api.core.errors import register_error_handlers
from conserje.api.core.headers import register_security_headers
from conserje.api.core.static import register_static
from conserje.extensions import api
from conserje.schemas import live

BLUEPRINTS = (*core.BLUEPRINTS, *setup.BLUEPRINTS, access.blp, access.events_blp,
              *faces.BLUEPRINTS, *gate.BLUEPRINTS, *finance.BLUEPRINTS, *visitors.BLUEPRINTS,
              notifications.blp)


def _nullable_ref(self, field, ret, **_kwargs) -> dict:
    """Document a nullable nested schema as ``{allOf: [$ref], nullable: true}``.

    apispec writes ``anyOf: [{type: object, nullable: true}, $ref]`` for OpenAPI 3.0, which
    generated clients read as "an empty object, null or the schema".
    """
    any_of = ret.get("anyOf")
    if field.allow_none and any_of and len(any_of) == 2 and \
            {"type": "object", "nullable": True} in any_of:
        ref = next(part for part in any_of if "$ref" in part)
        del ret["anyOf"]
        ret.update({"allOf": [ref], "nullable": True})
    return {}


def register_api(app: Flask) -> None:
    converter = api.ma_plugin.converter
    if _nullable_ref.__name__ not in {f.__name__ for f in converter.attribute_functions}:
        converter.add_attribute_function(_nullable_ref)  # once per process, not per app
    for blueprint in BLUEPRINTS:
        api.register_blueprint(blueprint)
    # Live-stream payloads and job results: components without an operation (see live.py).
    for name, schema in live.COMPONENTS.items():
        if name not in api.spec.components.schemas:
            api.spec.components.schema(name, schema=schema)
    register_error_handlers(app)
    register_security_headers(app)
    register_static(app)
