"""HTTP endpoints of visitor control: visits, passes, QR scans, walk-ins, visitors,
blacklists and settings."""
from __future__ import annotations

from conserje.api.visitors import registry, visits

BLUEPRINTS = (visits.blp, visits.scans_blp, registry.blp, registry.blocks_blp,
              registry.admin_blp)
