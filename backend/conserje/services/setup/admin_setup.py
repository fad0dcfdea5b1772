"""First-run setup done from the CLI."""
from __future__ import annotations

from sqlalchemy.orm import Session

from conserje.models import AppUser, Condominium
from conserje.services.core.actor import Actor
from conserje.services.core.errors import NotFound
from conserje.services.setup.auth import find_user_by_email
from conserje.services.setup.condominiums import first_condominium
from conserje.services.setup.users import create_user, hash_new_password, set_roles


def grant_admin(session: Session, email: str, password: str,
                condominium_id: int | None) -> tuple[AppUser, bool]:
    """Create an admin in the condominium, or make an existing account admin there."""
    condo = session.get(Condominium, condominium_id) if condominium_id else \
        first_condominium(session)
    if condo is None:
        raise NotFound("no such condominium: run `conserje init-db` first")
    user = find_user_by_email(session, email)
    if user is None:
        system = Actor(None, condo.id, frozenset({"admin"}))
        return create_user(session, system, {"email": email, "password": password,
                                             "roles": ["admin"]}), True
    user.password_hash = hash_new_password(password)
    user.is_active = True
    set_roles(user, condo.id, sorted(set(user.roles_in(condo.id)) | {"admin"}))
    session.flush()
    return user, False
