"""The acting user and condominium of the current request."""
from __future__ import annotations

from flask import g, request
from flask_jwt_extended import current_user, verify_jwt_in_request

from conserje.extensions import db, jwt
from conserje.models import AppUser
from conserje.services.core.actor import Actor, build_actor
from conserje.services.core.errors import InvalidInput
from conserje.services.setup.auth import is_session_revoked

CONDOMINIUM_HEADER = "X-Condominium-Id"


def requested_condominium_id() -> int | None:
    raw = request.headers.get(CONDOMINIUM_HEADER)
    if raw in (None, ""):
        return None
    try:
        return int(raw)
    except ValueError:
        raise InvalidInput(f"{CONDOMINIUM_HEADER} must be an integer id",
                           {CONDOMINIUM_HEADER: ["not an integer"]}, location="headers") from None


def current_actor() -> Actor:
    """Authenticate the request (access token) and resolve its condominium; cached per request."""
    if "actor" not in g:
        verify_jwt_in_request()
        g.actor = build_actor(db.session, current_user, requested_condominium_id())
        g.condominium_id = g.actor.condominium_id
    return g.actor


@jwt.user_lookup_loader
def _load_user(_header, payload) -> AppUser | None:
    user = db.session.get(AppUser, int(payload["sub"]))
    return user if user is not None and user.is_active else None


@jwt.token_in_blocklist_loader
def _is_revoked(_header, payload) -> bool:
    return is_session_revoked(db.session, payload.get("sid", ""))
