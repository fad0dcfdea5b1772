"""HTTP layer: one flask-smorest Blueprint per domain."""
from __future__ import annotations

from flask import Flask

from ..extensions import api
from . import (access, attendance, audit, auth, face_models, faces, finance, finance_docs, gate,
               health, imports, jobs, ledger, notifications, online_payments, setup, users,
               visitors, visits)
from .errors import register_error_handlers
from .static import register_static

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
