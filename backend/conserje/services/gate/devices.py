"""Gate kiosk devices and their bearer tokens.

A device token is shown once at creation; only its SHA-256 is stored. It authenticates
a kiosk for one gate: posting frames (and QR scans) and reading that gate's status.
"""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from conserje.models import Gate, GateDevice
from conserje.models.base import utcnow
from conserje.services.core import audit
from conserje.services.core.actor import Actor
from conserje.services.core.errors import AuthenticationFailed, Forbidden, NotFound
from conserje.services.setup.gates import gates

TOKEN_PREFIX = "cgd_"  # tells a device token from a JWT in the Authorization header
SEEN_RESOLUTION = timedelta(minutes=1)


@dataclass(frozen=True)
class GateCaller:
    """Who posts to a gate: a kiosk device (bound to its gate) or a guard/admin user."""

    actor: Actor
    device: GateDevice | None = None

    @property
    def guard_id(self) -> int | None:
        return self.actor.user_id


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def is_device_token(token: str) -> bool:
    return token.startswith(TOKEN_PREFIX)


def create_device(session: Session, actor: Actor, gate_id: int, name: str) -> tuple[GateDevice,
                                                                                      str]:
    """Register a kiosk for the gate; return the row and the token (never stored)."""
    actor.require_capability("gates.devices")
    gate = gates.get(session, actor, gate_id)
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    device = GateDevice(condominium_id=actor.condominium_id, gate_id=gate.id, name=name.strip(),
                        token_hash=token_digest(token), created_by_id=actor.user_id)
    session.add(device)
    session.flush()
    audit.record(session, actor_id=actor.user_id, condominium_id=actor.condominium_id,
                 action="create", entity="gate_device", entity_id=device.id,
                 after={"gate_id": gate.id, "name": device.name})
    return device, token


def list_devices(session: Session, actor: Actor, gate_id: int) -> list[GateDevice]:
    actor.require_capability("gates.manage")
    gate = gates.get(session, actor, gate_id)
    return list(session.scalars(select(GateDevice).where(GateDevice.gate_id == gate.id)
                                .order_by(GateDevice.id)))


def revoke_device(session: Session, actor: Actor, gate_id: int, device_id: int) -> GateDevice:
    """Revoke the device's token for good (the row stays: events reference it)."""
    actor.require_capability("gates.devices")
    device = next((d for d in list_devices(session, actor, gate_id) if d.id == device_id), None)
    if device is None:
        raise NotFound("device not found")
    if device.revoked_at is None:
        device.revoked_at = utcnow()
        audit.record(session, actor_id=actor.user_id, condominium_id=actor.condominium_id,
                     action="revoke", entity="gate_device", entity_id=device.id)
    session.flush()
    return device


def authenticate_device(session: Session, token: str, gate_id: int) -> GateCaller:
    """The caller of a device token, for its own gate only; raise otherwise."""
    device = session.scalar(select(GateDevice).where(
        GateDevice.token_hash == token_digest(token)))
    if device is None or device.revoked_at is not None:
        raise AuthenticationFailed("unknown or revoked device token")
    if device.gate_id != gate_id:
        raise Forbidden("this device belongs to another gate")
    now = utcnow()
    # At most one write a minute: a kiosk posts several frames a second, and a write at
    # the start of each would hold SQLite's lock for the whole recognition.
    if device.last_seen_at is None or now - device.last_seen_at > SEEN_RESOLUTION:
        device.last_seen_at = now
    # The device acts with no user and no role a user endpoint would accept.
    return GateCaller(Actor(None, device.condominium_id, frozenset({"gate_device"})), device)


def user_caller(session: Session, actor: Actor, gate_id: int) -> GateCaller:
    """A guard, manager or admin operating the gate from the browser."""
    actor.require_capability("access.operate")
    gates.get(session, actor, gate_id)
    return GateCaller(actor)


def load_gate(session: Session, caller: GateCaller, gate_id: int) -> Gate:
    gate = session.get(Gate, gate_id)
    if gate is None or gate.condominium_id != caller.actor.condominium_id:
        raise NotFound("gate not found")
    return gate
