"""The unit a visit is for, as the caller may name it."""
from __future__ import annotations

from sqlalchemy.orm import Session

from conserje.models import Unit
from conserje.services.core.actor import Actor
from conserje.services.core.errors import Forbidden, NotFound


def own_unit(session: Session, actor: Actor, unit_id: int) -> Unit:
    """The unit, if the caller may invite to it (residents: only their own)."""
    unit = session.get(Unit, unit_id)
    if unit is None or unit.condominium_id != actor.condominium_id or (
            actor.is_resident and unit_id not in actor.unit_ids):
        raise NotFound("unit not found")
    if not actor.can("visitors.own") and not actor.can("visitors.manage"):
        raise Forbidden("residents and the administration pre-register visits")
    return unit
