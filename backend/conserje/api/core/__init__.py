"""The HTTP kernel (request context, errors, CRUD views, uploads, exports, static files)
and its own endpoints: health, jobs, the audit trail."""
from __future__ import annotations

from conserje.api.core import audit, health, jobs

BLUEPRINTS = (health.blp, jobs.blp, audit.blp)
