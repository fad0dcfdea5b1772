"""Domain errors raised by services; ``api.errors`` maps them to HTTP responses."""
from __future__ import annotations


class DomainError(Exception):
    """Base class: ``message`` is safe to show to the caller."""

    def __init__(self, message: str, errors: dict | None = None, location: str | None = None):
        super().__init__(message)
        self.message = message
        # Field name -> messages. ``location`` (json, files, query, headers) is where the
        # fields came from; when None, the API layer uses the request body's location.
        self.errors = errors or {}
        self.location = location


class NotFound(DomainError):
    """The object does not exist *for this caller* (other tenants' rows included)."""


class Forbidden(DomainError):
    """The caller's roles do not allow the operation at all."""


class Conflict(DomainError):
    """The operation clashes with existing data (duplicate code, email, plate...)."""


class InvalidInput(DomainError):
    """The data is well-formed but breaks a business rule; ``errors`` says where."""


class AuthenticationFailed(DomainError):
    """Wrong credentials, inactive account or unusable token."""


class TooLarge(DomainError):
    """The upload is larger than this operation accepts."""


class RateLimited(DomainError):
    def __init__(self, message: str, retry_after: int):
        super().__init__(message)
        self.retry_after = retry_after


class UpstreamFailed(DomainError):
    """A service outside the machine (payment provider, mail server) failed or is down."""
