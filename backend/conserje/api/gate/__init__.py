"""HTTP endpoints of the gate: kiosk devices, frames, manual openings, work schedules and
attendance."""
from __future__ import annotations

from conserje.api.gate import attendance, gates

BLUEPRINTS = (gates.blp, attendance.blp)
