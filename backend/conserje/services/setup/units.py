"""Buildings/towers and units."""
from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from conserje.models import Building, Unit, UnitMember, Vehicle
from conserje.services.core.crud import TenantResource, exists, resolve_reference
from conserje.services.core.errors import Conflict


def normalise_unit_code(code: str) -> str:
    return " ".join(code.split()).upper()


class BuildingResource(TenantResource[Building]):
    model = Building
    entity = "building"
    conflict_message = "a building with this name already exists"
    read_capability = "directory.read"
    write_capability = "units.manage"

    def apply_filters(self, stmt, filters):
        if filters.get("q"):
            like = f"%{filters['q'].lower()}%"
            stmt = stmt.where(or_(Building.name.ilike(like), Building.code.ilike(like)))
        return stmt

    def validate(self, session, actor, data, obj):
        if "name" in data:
            data["name"] = data["name"].strip()
            self.ensure_unique(session, actor, obj, "name", name=data["name"])
        return data

    def before_delete(self, session, actor, obj):
        if exists(session, select(Unit).where(Unit.building_id == obj.id)):
            raise Conflict("the building still has units; move or delete them first")


class UnitResource(TenantResource[Unit]):
    model = Unit
    entity = "unit"
    conflict_message = "a unit with this code already exists"
    read_capability = "directory.read"  # guards look units up; residents read their own
    write_capability = "units.manage"
    resident_reads = True

    def resident_scope(self, stmt, actor):
        return stmt.where(Unit.id.in_(actor.unit_ids))

    def apply_filters(self, stmt, filters):
        if filters.get("q"):
            stmt = stmt.where(Unit.code.ilike(f"%{filters['q'].strip()}%"))
        if filters.get("building_id") is not None:
            stmt = stmt.where(Unit.building_id == filters["building_id"])
        return stmt

    def validate(self, session: Session, actor, data, obj):
        if "building_id" in data:
            resolve_reference(session, actor, buildings, data["building_id"], "building_id")
        if "code" in data:
            data["code"] = normalise_unit_code(data["code"])
            self.ensure_unique(session, actor, obj, "code", code=data["code"])
        return data

    def before_delete(self, session, actor, obj):
        members = exists(session, select(UnitMember).where(UnitMember.unit_id == obj.id))
        vehicles = exists(session, select(Vehicle).where(Vehicle.unit_id == obj.id))
        if members or vehicles:
            raise Conflict("the unit still has residents or vehicles; remove them first")


buildings = BuildingResource()
units = UnitResource()
