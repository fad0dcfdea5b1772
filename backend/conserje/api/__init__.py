"""HTTP layer: flask-smorest Blueprints grouped by domain (the same names as services)."""
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


def register_api(app: Flask) -> None:
    for blueprint in (health.blp, auth.blp, *setup.BLUEPRINTS, users.blp, imports.blp, audit.blp,
                      faces.blp, jobs.blp, face_models.blp, gate.blp, access.blp, access.events_blp,
                      attendance.blp, *FINANCE_BLUEPRINTS, *VISITOR_BLUEPRINTS):
        api.register_blueprint(blueprint)
    register_error_handlers(app)
    register_static(app)
