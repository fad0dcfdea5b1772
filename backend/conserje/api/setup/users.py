"""User accounts of the current condominium (admins manage them)."""
from __future__ import annotations

from flask_smorest import Blueprint

from conserje.api.core.crud import register_crud
from conserje.schemas.setup.users import UserCreate, UserQuery, UserSchema, UserUpdate
from conserje.services.setup import users as user_service

blp = Blueprint("users", __name__, url_prefix="/api/v1/users",
                description="Login accounts and their roles in this condominium")


class _UserService:
    """Adapts the users service module to the standard resource protocol."""

    list = staticmethod(user_service.list_users)
    get = staticmethod(user_service.get_user)
    create = staticmethod(user_service.create_user)
    update = staticmethod(user_service.update_user)
    delete = staticmethod(user_service.remove_user)


register_crud(blp, _UserService(), UserSchema, UserQuery, create=UserCreate, update=UserUpdate,
              noun="user")
