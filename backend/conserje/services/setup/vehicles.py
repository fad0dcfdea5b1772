"""Vehicles and licence-plate normalisation."""
from __future__ import annotations

import re

from conserje.models import Vehicle
from conserje.services.core.crud import TenantResource, resolve_reference
from conserje.services.core.errors import InvalidInput
from conserje.services.setup.units import units


def normalise_plate(raw: str) -> str:
    """Upper-case letters and digits only: ``ab-cd 12`` and ``ABCD12`` are the same plate."""
    plate = re.sub(r"[^A-Za-z0-9]", "", raw).upper()
    if not 4 <= len(plate) <= 10:
        raise InvalidInput("invalid plate", {"plate": ["a plate has 4 to 10 letters/digits"]})
    return plate


class VehicleResource(TenantResource[Vehicle]):
    model = Vehicle
    entity = "vehicle"
    conflict_message = "a vehicle with this plate is already registered"
    read_capability = "vehicles.read"
    write_capability = "vehicles.write"
    resident_reads = True
    resident_writes = True

    def resident_scope(self, stmt, actor):
        return stmt.where(Vehicle.unit_id.in_(actor.unit_ids))

    def apply_filters(self, stmt, filters):
        if filters.get("q"):
            compact = re.sub(r"[^A-Za-z0-9]", "", filters["q"]).upper()
            stmt = stmt.where(Vehicle.plate.like(f"%{compact}%"))
        if filters.get("unit_id") is not None:
            stmt = stmt.where(Vehicle.unit_id == filters["unit_id"])
        return stmt

    def validate(self, session, actor, data, obj):
        if "unit_id" in data:
            resolve_reference(session, actor, units, data["unit_id"], "unit_id")
        if "plate" in data:
            data["plate"] = normalise_plate(data["plate"])
            self.ensure_unique(session, actor, obj, "plate", plate=data["plate"])
        return data


vehicles = VehicleResource()
