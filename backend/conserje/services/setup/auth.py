"""Login, session revocation and the users of a condominium."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from conserje.models import AppUser, RevokedToken
from conserje.models.base import utcnow
from conserje.services.core import audit
from conserje.services.core.errors import AuthenticationFailed
from conserje.services.setup.passwords import DUMMY_HASH, verify_password
from conserje.services.setup.throttle import LoginThrottle


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_user_by_email(session: Session, email: str) -> AppUser | None:
    return session.scalar(
        select(AppUser).where(func.lower(AppUser.email) == normalise_email(email))
    )


def authenticate(session: Session, throttle: LoginThrottle, email: str, password: str,
                 client_ip: str) -> AppUser:
    """Check credentials under the login throttle; return the user or raise."""
    throttle.register_attempt(email, client_ip)
    user = find_user_by_email(session, email)
    # Always run one argon2 verification so timing does not reveal unknown emails.
    valid = verify_password(user.password_hash if user else DUMMY_HASH, password)
    if not (user and valid and user.is_active):
        throttle.register_failure(email)
        raise AuthenticationFailed("wrong email or password")
    throttle.register_success(email)
    user.last_login_at = utcnow()
    audit.record(session, actor_id=user.id, condominium_id=None, action="login",
                 entity="app_user", entity_id=user.id)
    return user


def revoke_session(session: Session, session_key: str, expires_at: datetime) -> None:
    """Refuse every token of this login session from now on (logout)."""
    if not is_session_revoked(session, session_key):
        session.add(RevokedToken(session_key=session_key, expires_at=expires_at))
        session.flush()


def is_session_revoked(session: Session, session_key: str) -> bool:
    return session.scalar(
        select(RevokedToken.id).where(RevokedToken.session_key == session_key)
    ) is not None


def purge_expired_revocations(session: Session, now: datetime | None = None) -> int:
    """Revocations outlive their tokens only until the tokens expire anyway."""
    cutoff = now or utcnow()
    result = session.execute(delete(RevokedToken).where(RevokedToken.expires_at < cutoff))
    return result.rowcount or 0
