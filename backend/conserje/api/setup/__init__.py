"""HTTP endpoints of the registry: sign-in, buildings, units, people, memberships,
vehicles, gates, users and CSV imports."""
from __future__ import annotations

from conserje.api.setup import auth, imports, resources, users

BLUEPRINTS = (auth.blp, *resources.BLUEPRINTS, users.blp, imports.blp)
