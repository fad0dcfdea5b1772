"""Who is told about a unit: the people a notification about a unit reaches."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from conserje.models import AppUser, UnitMember, UserRole


def recipients(session: Session, condominium_id: int, unit_id: int, today: date
               ) -> list[AppUser]:
    """Active resident accounts of people currently living in the unit."""
    members = session.scalars(select(UnitMember).where(UnitMember.unit_id == unit_id,
                                                       UnitMember.condominium_id ==
                                                       condominium_id))
    people = [m.person_id for m in members if m.is_active_on(today)]
    if not people:
        return []
    return list(session.scalars(select(AppUser).join(UserRole).where(
        AppUser.person_id.in_(people), AppUser.is_active.is_(True),
        UserRole.condominium_id == condominium_id, UserRole.role_name == "resident")
        .order_by(AppUser.id)).unique())
