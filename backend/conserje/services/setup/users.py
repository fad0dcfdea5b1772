"""User accounts within a condominium (scoped through their ``UserRole`` rows)."""
from __future__ import annotations

from typing import Any

from sqlalchemy import Select, exists as sql_exists, func, select
from sqlalchemy.orm import Session

from conserje.models import ROLES, AppUser, UserRole
from conserje.services.core import audit
from conserje.services.core.actor import Actor
from conserje.services.core.crud import Page, resolve_reference
from conserje.services.core.errors import Conflict, Forbidden, InvalidInput, NotFound
from conserje.services.setup.auth import find_user_by_email, normalise_email
from conserje.services.setup.passwords import MIN_PASSWORD_LENGTH, hash_password
from conserje.services.setup.people import people


def _in_condominium(condominium_id: int, role: str | None = None):
    cond = (UserRole.user_id == AppUser.id) & (UserRole.condominium_id == condominium_id)
    if role:
        cond &= UserRole.role_name == role
    return sql_exists().where(cond)


def _scoped(actor: Actor) -> Select:
    return select(AppUser).where(_in_condominium(actor.condominium_id))


def hash_new_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput("password too short",
                           {"password": [f"at least {MIN_PASSWORD_LENGTH} characters"]})
    return hash_password(password)


def _check_roles(roles: list[str]) -> list[str]:
    unknown = sorted(set(roles) - set(ROLES))
    if unknown or not roles:
        raise InvalidInput("invalid roles", {"roles": [f"choose from {', '.join(ROLES)}"]})
    return sorted(set(roles))


def set_roles(user: AppUser, condominium_id: int, roles: list[str]) -> None:
    # Edit in place: replacing rows would INSERT before DELETE and hit the unique key.
    held = set(user.roles_in(condominium_id))
    for row in [r for r in user.roles if r.condominium_id == condominium_id]:
        if row.role_name not in roles:
            user.roles.remove(row)
    for role in sorted(set(roles) - held):
        user.roles.append(UserRole(condominium_id=condominium_id, role_name=role))


def _snapshot(user: AppUser, condominium_id: int) -> dict[str, Any]:
    return {**audit.snapshot(user), "roles": user.roles_in(condominium_id)}


def list_users(session: Session, actor: Actor, filters: dict[str, Any], page: int,
               page_size: int) -> Page[AppUser]:
    actor.require_capability("users.read")
    stmt = _scoped(actor)
    if filters.get("q"):
        stmt = stmt.where(func.lower(AppUser.email).like(f"%{filters['q'].strip().lower()}%"))
    if filters.get("role"):
        stmt = stmt.where(_in_condominium(actor.condominium_id, filters["role"]))
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.scalars(stmt.order_by(AppUser.id).limit(page_size)
                           .offset((page - 1) * page_size))
    return Page(list(rows), total)


def get_user(session: Session, actor: Actor, user_id: int) -> AppUser:
    actor.require_capability("users.read")
    user = session.scalar(_scoped(actor).where(AppUser.id == user_id))
    if user is None:
        raise NotFound("user not found")
    return user


def create_user(session: Session, actor: Actor, data: dict[str, Any]) -> AppUser:
    actor.require_capability("users.manage")
    email = normalise_email(data["email"])
    if find_user_by_email(session, email) is not None:
        raise Conflict("this email is already registered", {"email": ["already registered"]})
    resolve_reference(session, actor, people, data.get("person_id"), "person_id")
    user = AppUser(email=email, password_hash=hash_new_password(data["password"]),
                   is_active=data.get("is_active", True), person_id=data.get("person_id"))
    set_roles(user, actor.condominium_id, _check_roles(data["roles"]))
    session.add(user)
    session.flush()
    audit.record(session, actor_id=actor.user_id, condominium_id=actor.condominium_id,
                 action="create", entity="app_user", entity_id=user.id,
                 after=_snapshot(user, actor.condominium_id))
    return user


def update_user(session: Session, actor: Actor, user_id: int, data: dict[str, Any]) -> AppUser:
    actor.require_capability("users.manage")
    user = get_user(session, actor, user_id)
    before = _snapshot(user, actor.condominium_id)
    if user.id == actor.user_id and (data.get("is_active") is False or
                                     ("roles" in data and "admin" not in data["roles"])):
        raise InvalidInput("you cannot lock yourself out",
                           {"roles": ["keep your own admin role and account active"]})
    if "password" in data:
        user.password_hash = hash_new_password(data["password"])
    if "roles" in data:
        set_roles(user, actor.condominium_id, _check_roles(data["roles"]))
    if "is_active" in data:
        user.is_active = data["is_active"]
    if "person_id" in data:
        resolve_reference(session, actor, people, data["person_id"], "person_id")
        user.person_id = data["person_id"]
    session.flush()
    audit.record(session, actor_id=actor.user_id, condominium_id=actor.condominium_id,
                 action="update", entity="app_user", entity_id=user.id, before=before,
                 after=_snapshot(user, actor.condominium_id))
    return user


def remove_user(session: Session, actor: Actor, user_id: int) -> None:
    """Take the user out of this condominium; drop the account if it has no other."""
    actor.require_capability("users.manage")
    user = get_user(session, actor, user_id)
    if user.id == actor.user_id:
        raise Forbidden("you cannot remove your own account")
    before = _snapshot(user, actor.condominium_id)
    set_roles(user, actor.condominium_id, [])
    if not user.roles:
        session.delete(user)
    session.flush()
    audit.record(session, actor_id=actor.user_id, condominium_id=actor.condominium_id,
                 action="delete", entity="app_user", entity_id=user_id, before=before)
