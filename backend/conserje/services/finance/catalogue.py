"""The fine catalogue (admins write it, managers read it)."""
from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ...models import FineType
from ..actor import MANAGING_ROLES, Actor
from ..crud import TenantResource
from . import money
from .settings import get_settings


class FineTypes(TenantResource[FineType]):
    model = FineType
    entity = "fine_type"
    conflict_message = "a fine with this name already exists"
    read_roles = MANAGING_ROLES
    write_roles = frozenset({"admin"})

    def apply_filters(self, stmt, filters: dict[str, Any]):
        if filters.get("q"):
            stmt = stmt.where(FineType.name.ilike(f"%{filters['q']}%"))
        if "is_active" in filters:
            stmt = stmt.where(FineType.is_active.is_(filters["is_active"]))
        return stmt

    def validate(self, session: Session, actor: Actor, data: dict[str, Any],
                 obj: FineType | None) -> dict[str, Any]:
        if "amount" in data:
            currency = get_settings(session, actor.condominium_id).currency
            data["amount"] = money.checked_amount(data["amount"], currency)
        if "name" in data:
            self.ensure_unique(session, actor, obj, "name", name=data["name"])
        return data


fine_types = FineTypes()
