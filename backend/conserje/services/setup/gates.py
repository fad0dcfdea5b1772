"""Gates: the access points the kiosk and guards operate."""
from __future__ import annotations

from sqlalchemy import select

from conserje.models import AccessEvent, Gate
from conserje.services.core.crud import TenantResource
from conserje.services.core.errors import Conflict


class GateResource(TenantResource[Gate]):
    model = Gate
    entity = "gate"
    conflict_message = "a gate with this name already exists"
    read_capability = "gates.read"
    write_capability = "gates.manage"

    def apply_filters(self, stmt, filters):
        if filters.get("q"):
            stmt = stmt.where(Gate.name.ilike(f"%{filters['q'].strip()}%"))
        for key in ("kind", "direction"):
            if filters.get(key):
                stmt = stmt.where(getattr(Gate, key) == filters[key])
        return stmt

    def validate(self, session, actor, data, obj):
        if "name" in data:
            data["name"] = data["name"].strip()
            self.ensure_unique(session, actor, obj, "name", name=data["name"])
        return data

    def before_delete(self, session, actor, obj):
        # The access log is append-only: a gate with history is deactivated, not deleted.
        if session.scalar(select(AccessEvent.id).where(AccessEvent.gate_id == obj.id)
                          .limit(1)) is not None:
            raise Conflict("this gate has access history: deactivate it instead")


gates = GateResource()
