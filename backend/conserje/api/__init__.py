"""HTTP layer: one flask-smorest Blueprint per domain."""
from __future__ import annotations

from flask import Flask

from conserje.api import access, notifications
from conserje.api.core import audit, health, jobs
from conserje.api.core.errors import register_error_handlers
from conserje.api.core.static import register_static
from conserje.api.faces import recognition as faces, versions as face_models
from conserje.api.finance import (
    accounts as finance,
    documents as finance_docs,
    ledger,
    online_payments,
)
from conserje.api.gate import attendance, gates as gate
from conserje.api.setup import auth, imports, resources as setup, users
from conserje.api.visitors import registry as visitors, visits
from conserje.extensions import api

FINANCE_BLUEPRINTS = (finance.blp, finance.accounts_blp, ledger.charges_blp, ledger.payments_blp,
                      ledger.charge_types_blp, finance_docs.proofs_blp, finance_docs.expenses_blp,
                      online_payments.checkouts_blp, online_payments.webhooks_blp,
                      notifications.blp, finance.risk_blp)
VISITOR_BLUEPRINTS = (visits.blp, visits.scans_blp, visitors.blp, visitors.blocks_blp,
                      visitors.admin_blp)


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
    api.ma_plugin.converter.add_attribute_function(_nullable_ref)
    for blueprint in (health.blp, auth.blp, *setup.BLUEPRINTS, users.blp, imports.blp, audit.blp,
                      faces.blp, jobs.blp, face_models.blp, gate.blp, access.blp, access.events_blp,
                      attendance.blp, *FINANCE_BLUEPRINTS, *VISITOR_BLUEPRINTS):
        api.register_blueprint(blueprint)
    register_error_handlers(app)
    register_static(app)
