"""The one permission vocabulary: named capabilities, and the roles that hold them.

Services check capabilities (``actor.require_capability("finance.bill")``), never role
names; ``GET /auth/me`` returns the caller's capabilities and the SPA shows what they
allow. A role's rights change here and nowhere else.

Residents' capabilities are always limited to their own units by the services (BOLA):
holding ``vehicles.write`` lets a resident change their own unit's vehicles only.
"""
from __future__ import annotations

from typing import Iterable

ADMIN = frozenset({"admin"})
MANAGING = frozenset({"admin", "manager"})
GATE = MANAGING | {"guard"}
GUARD = frozenset({"guard"})
RESIDENT = frozenset({"resident"})
STAFF = frozenset({"staff"})

CAPABILITIES: dict[str, frozenset[str]] = {
    # setup: the condominium's registry
    "units.read": MANAGING | RESIDENT,  # the units pages (residents: their own)
    "units.manage": MANAGING,
    "directory.read": GATE,  # look up units, people, vehicles and gates (gate forms, pickers)
    "people.read": GATE,
    "people.manage": MANAGING,
    "memberships.manage": MANAGING,
    "vehicles.read": GATE | RESIDENT,
    "vehicles.write": MANAGING | RESIDENT,
    "gates.read": GATE,
    "gates.manage": MANAGING,
    "gates.devices": ADMIN,  # kiosk device tokens
    "users.read": MANAGING,
    "users.manage": ADMIN,
    "audit.read": MANAGING,
    "jobs.read_all": MANAGING,  # others' background jobs (everyone sees their own)
    # access: the log, alerts, presence, the guard console
    "access.monitor": GATE,
    "access.operate": GATE,  # manual openings, corrections, acknowledging alerts
    # The guard console: streaming it marks its user as the guard on duty (who gets the
    # gate's alerts); managers watching the same stream are not on duty.
    "access.on_duty": GUARD,
    # faces
    "faces.manage": MANAGING,  # photos, datasets, model versions, retraining
    "faces.activate": ADMIN,  # switch the model version that serves identification
    "faces.finetune": ADMIN,  # train a face detector
    "faces.identify": GATE,
    "faces.consent": MANAGING | RESIDENT,
    # visitors
    "visitors.desk": GATE,  # walk-ins, QR scans, entries and exits
    "visitors.manage": MANAGING,  # visits and blacklists of any unit
    "visitors.own": RESIDENT,  # a resident's own visitors
    "visitors.block_global": MANAGING,  # blacklist for the whole condominium
    "visitors.kpis": MANAGING,
    "visitors.settings.read": GATE,
    "visitors.settings.manage": ADMIN,
    # gate: staff attendance
    "attendance.read": MANAGING,
    "attendance.manage": MANAGING,
    "attendance.own": STAFF,
    # finance
    "finance.read": MANAGING,
    "finance.manage": MANAGING,  # charges, fines, expenses, transfer reviews
    "finance.bill": ADMIN,  # billing runs, settings, reversals
    "finance.own": RESIDENT,  # a resident's own account and payments
    "finance.risk_models": ADMIN,  # train a delinquency-risk model (a background job)
}


def capabilities_of(roles: Iterable[str]) -> frozenset[str]:
    """Every capability any of ``roles`` holds."""
    held = set(roles)
    return frozenset(name for name, allowed in CAPABILITIES.items() if held & allowed)


def roles_with(capability: str) -> frozenset[str]:
    """The roles holding ``capability`` (a KeyError names an unknown one at once)."""
    return CAPABILITIES[capability]
