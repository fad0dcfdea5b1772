"""Who is acting and within which condominium: the input of every scoped service call."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from sqlalchemy import select
from sqlalchemy.orm import Session

from conserje.models import AppUser, UnitMember
from conserje.services.core.errors import Forbidden, InvalidInput, NotFound
from conserje.services.core.permissions import CAPABILITIES, RESIDENT, capabilities_of

# The capability held by every role that sees the whole condominium (no unit scoping).
WHOLE_CONDOMINIUM = "directory.read"


@dataclass(frozen=True)
class Actor:
    user_id: int | None
    condominium_id: int
    roles: frozenset[str]
    person_id: int | None = None
    # Units the actor belongs to (active memberships of their linked person).
    unit_ids: frozenset[int] = field(default_factory=frozenset)

    @cached_property
    def capabilities(self) -> frozenset[str]:
        """What the caller may do in this condominium (names from ``permissions``).

        Services narrow only residents (``is_resident``) to their own units, so for a caller
        who also holds a whole-condominium role a resident role would grant its rights
        unscoped: it adds nothing, exactly as the services have always treated such callers.
        """
        held = capabilities_of(self.roles)
        if WHOLE_CONDOMINIUM in held and self.roles & RESIDENT:
            return capabilities_of(self.roles - RESIDENT)
        return held

    def can(self, capability: str) -> bool:
        if capability not in CAPABILITIES:  # a typo must fail loudly, not deny quietly
            raise KeyError(f"unknown capability {capability!r}")
        return capability in self.capabilities

    def require_capability(self, capability: str) -> None:
        if not self.can(capability):
            raise Forbidden("your role does not allow this operation")

    @property
    def sees_whole_condominium(self) -> bool:
        return self.can(WHOLE_CONDOMINIUM)

    @property
    def is_resident(self) -> bool:
        """A resident-only caller: everything they reach is limited to their units."""
        return bool(self.roles & RESIDENT) and not self.sees_whole_condominium


def build_actor(session: Session, user: AppUser, requested_condominium_id: int | None,
                today: date | None = None) -> Actor:
    """Resolve the condominium a request acts in and the user's roles and units there.

    A user with one condominium never has to name it; a user with several must
    (``X-Condominium-Id``). Naming one the user does not belong to is a 404.
    """
    memberships = user.condominium_ids()
    if requested_condominium_id is None:
        if len(memberships) != 1:
            if not memberships:
                raise Forbidden("this account has no role in any condominium")
            raise InvalidInput("several condominiums: send the X-Condominium-Id header",
                               {"X-Condominium-Id": ["required for this account"]},
                               location="headers")
        condominium_id = memberships[0]
    elif requested_condominium_id in memberships:
        condominium_id = requested_condominium_id
    else:
        raise NotFound("condominium not found")

    unit_ids: frozenset[int] = frozenset()
    if user.person_id is not None:
        today = today or date.today()
        rows = session.scalars(
            select(UnitMember).where(
                UnitMember.person_id == user.person_id,
                UnitMember.condominium_id == condominium_id,
            )
        )
        unit_ids = frozenset(m.unit_id for m in rows if m.is_active_on(today))
    return Actor(user.id, condominium_id, frozenset(user.roles_in(condominium_id)),
                 user.person_id, unit_ids)
