"""Login, token refresh, logout and the current user's profile."""
from __future__ import annotations

import uuid

from flask import current_app, request
from flask_jwt_extended import (
    create_access_token,
    create_refresh_token,
    current_user,
    get_jwt,
    get_jwt_identity,
    jwt_required,
)
from flask_smorest import Blueprint
from sqlalchemy import select

from conserje.api.core.context import current_actor, requested_condominium_id
from conserje.extensions import db
from conserje.models import AppUser, Condominium
from conserje.models.base import utcnow
from conserje.schemas.setup.auth import AccessToken, LoginRequest, Me, TokenPair
from conserje.services.core.actor import Actor, build_actor
from conserje.services.setup import auth as auth_service
from conserje.services.setup.throttle import LoginThrottle
from conserje.wiring import deps

blp = Blueprint("auth", __name__, url_prefix="/api/v1/auth", description="Authentication")


def _throttle() -> LoginThrottle:
    cfg = current_app.config
    return LoginThrottle(deps().redis, cfg["LOGIN_MAX_FAILURES_PER_ACCOUNT"],
                         cfg["LOGIN_MAX_ATTEMPTS_PER_IP"], cfg["LOGIN_WINDOW_SECONDS"])


def _expires_in() -> int:
    return int(current_app.config["JWT_ACCESS_TOKEN_EXPIRES"].total_seconds())


def _profile(user: AppUser, actor: Actor) -> dict:
    condos = db.session.scalars(
        select(Condominium).where(Condominium.id.in_(user.condominium_ids()))
        .order_by(Condominium.id)).all()
    return {
        "id": user.id, "email": user.email, "person_id": user.person_id,
        "roles": sorted(actor.roles), "unit_ids": sorted(actor.unit_ids),
        "capabilities": sorted(actor.capabilities),
        "condominium": next(c for c in condos if c.id == actor.condominium_id),
        "condominiums": [{"id": c.id, "name": c.name, "roles": user.roles_in(c.id)}
                         for c in condos],
    }


@blp.route("/login", methods=["POST"])
@blp.arguments(LoginRequest)
@blp.response(200, TokenPair)
@blp.alt_response(401, response="DEFAULT_ERROR", description="Wrong email or password")
@blp.alt_response(429, response="DEFAULT_ERROR",
                  description="Too many attempts; the Retry-After header says when to retry")
@blp.doc(security=[], summary="Exchange email and password for access and refresh tokens")
def login(data):
    user = auth_service.authenticate(db.session, _throttle(), data["email"], data["password"],
                                     request.remote_addr or "")
    db.session.commit()
    # Without a header, a multi-condominium user starts in their first condominium.
    condo_id = requested_condominium_id() or next(iter(user.condominium_ids()), None)
    actor = build_actor(db.session, user, condo_id)
    # One session id in both tokens: logout revokes the pair at once.
    claims = {"sid": str(uuid.uuid4())}
    return {
        "access_token": create_access_token(identity=str(user.id), additional_claims=claims),
        "refresh_token": create_refresh_token(identity=str(user.id), additional_claims=claims),
        "token_type": "bearer", "expires_in": _expires_in(), "user": _profile(user, actor),
    }


@blp.route("/refresh", methods=["POST"])
@jwt_required(refresh=True)
@blp.response(200, AccessToken)
@blp.doc(summary="Get a new access token with the refresh token")
def refresh():
    claims = {"sid": get_jwt()["sid"]}
    access = create_access_token(identity=get_jwt_identity(), additional_claims=claims)
    return {"access_token": access, "token_type": "bearer", "expires_in": _expires_in()}


@blp.route("/logout", methods=["POST"])
@jwt_required(verify_type=False)
@blp.response(204)
@blp.doc(summary="Revoke this session: its access and refresh tokens stop working")
def logout():
    expires_at = utcnow() + current_app.config["JWT_REFRESH_TOKEN_EXPIRES"]
    auth_service.revoke_session(db.session, get_jwt()["sid"], expires_at)
    db.session.commit()


@blp.route("/me", methods=["GET"])
@blp.response(200, Me)
@blp.doc(summary="The current user, their roles and condominiums")
def me():
    return _profile(current_user, current_actor())
