"""Fixed-window login throttling on Redis (or the embedded fakeredis)."""
from __future__ import annotations

import hashlib

from redis import Redis

from conserje.services.core.errors import RateLimited


class LoginThrottle:
    """Counts failed logins per account and all login attempts per client IP.

    Keys expire with the window, so a locked-out account unlocks by itself; the
    ``Retry-After`` value is the remaining lifetime of the key that tripped.
    """

    def __init__(self, redis: Redis, max_account_failures: int, max_ip_attempts: int,
                 window_seconds: int, prefix: str = "conserje:login"):
        self.redis = redis
        self.max_account_failures = max_account_failures
        self.max_ip_attempts = max_ip_attempts
        self.window = window_seconds
        self.prefix = prefix

    def _key(self, kind: str, value: str) -> str:
        # Hash so that raw emails never sit in Redis.
        digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]
        return f"{self.prefix}:{kind}:{digest}"

    def _retry_after(self, key: str) -> int:
        ttl = self.redis.ttl(key)
        return int(ttl) if ttl and ttl > 0 else self.window

    def _bump(self, key: str) -> int:
        pipe = self.redis.pipeline()
        pipe.incr(key)
        pipe.expire(key, self.window, nx=True)
        count, _ = pipe.execute()
        return int(count)

    def register_attempt(self, email: str, ip: str) -> None:
        """Call before checking the password; raises ``RateLimited`` when over a limit."""
        ip_key = self._key("ip", ip or "unknown")
        if self._bump(ip_key) > self.max_ip_attempts:
            raise RateLimited("too many login attempts from this address",
                              self._retry_after(ip_key))
        account_key = self._key("account", email)
        failures = int(self.redis.get(account_key) or 0)
        if failures >= self.max_account_failures:
            raise RateLimited("too many failed logins for this account",
                              self._retry_after(account_key))

    def register_failure(self, email: str) -> None:
        self._bump(self._key("account", email))

    def register_success(self, email: str) -> None:
        self.redis.delete(self._key("account", email))
