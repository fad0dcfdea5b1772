"""One mapping from domain errors (and JWT failures) to the documented JSON error shape."""
from __future__ import annotations

from http import HTTPStatus

from flask import Flask, jsonify, request
from sqlalchemy.exc import OperationalError

from conserje.extensions import db, jwt
from conserje.services.core import errors as domain

STATUS_BY_ERROR: dict[type[domain.DomainError], int] = {
    domain.NotFound: 404,
    domain.Forbidden: 403,
    domain.Conflict: 409,
    domain.InvalidInput: 422,
    domain.AuthenticationFailed: 401,
    domain.RateLimited: 429,
    domain.TooLarge: 413,
    domain.UpstreamFailed: 502,
}


def error_response(code: int, message: str, errors: dict | None = None, headers=None):
    body = {"code": code, "status": HTTPStatus(code).phrase, "message": message}
    if errors:
        body["errors"] = errors
    response = jsonify(body)
    response.status_code = code
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


def _body_location() -> str:
    # The same locations webargs uses, so every 4xx nests field errors the same way.
    return "files" if request.mimetype == "multipart/form-data" else "json"


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(domain.DomainError)
    def handle_domain_error(exc: domain.DomainError):
        db.session.rollback()
        code = next(status for cls, status in STATUS_BY_ERROR.items() if isinstance(exc, cls))
        headers = {"Retry-After": str(exc.retry_after)} \
            if isinstance(exc, domain.RateLimited) else None
        errors = {exc.location or _body_location(): exc.errors} if exc.errors else None
        return error_response(code, exc.message, errors, headers)

    @app.errorhandler(OperationalError)
    def handle_database_busy(exc: OperationalError):
        # SQLite: a writer waited the whole busy timeout (or its read snapshot went stale)
        # for the write lock. Nothing was written; the client may simply send it again.
        if not is_database_locked(exc):
            raise exc
        db.session.rollback()
        return error_response(503, "the database is busy, try again",
                              headers={"Retry-After": str(BUSY_RETRY_AFTER_S)})


BUSY_RETRY_AFTER_S = 1


def is_database_locked(exc: OperationalError) -> bool:
    message = str(exc.orig).lower()
    return "database is locked" in message or "database is busy" in message


@jwt.expired_token_loader
def _expired(_header, _payload):
    return error_response(401, "the token has expired")


@jwt.invalid_token_loader
def _invalid(reason: str):
    return error_response(401, f"invalid token: {reason}")


@jwt.unauthorized_loader
def _missing(reason: str):
    return error_response(401, reason)


@jwt.revoked_token_loader
def _revoked(_header, _payload):
    return error_response(401, "the session was logged out")


@jwt.user_lookup_error_loader
def _unknown_user(_header, _payload):
    return error_response(401, "the account no longer exists or is disabled")


@jwt.needs_fresh_token_loader
def _needs_fresh(_header, _payload):
    return error_response(401, "a fresh login is required")
