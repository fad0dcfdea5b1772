"""Readiness checks of the components the API depends on."""
from __future__ import annotations

from typing import Callable

from redis import Redis
from sqlalchemy import text
from sqlalchemy.orm import Session

from conserje.storage import MediaStore


def _run(check: Callable[[], str]) -> dict:
    try:
        return {"status": "ok", "detail": check()}
    except Exception as exc:  # noqa: BLE001 - a health probe reports every failure
        return {"status": "error", "detail": f"{type(exc).__name__}: {exc}"}


def check_all(session: Session, redis: Redis, embedded_redis: bool, store: MediaStore,
              models: Callable[[], str]) -> dict:
    """Return ``{"status": "ok"|"degraded", "components": {...}}``."""

    def database() -> str:
        session.execute(text("SELECT 1")).scalar()
        return session.get_bind().dialect.name

    def redis_check() -> str:
        redis.ping()
        return "embedded (in-process jobs)" if embedded_redis else "server"

    components = {"database": _run(database), "redis": _run(redis_check),
                  "media": _run(store.check), "models": _run(models)}
    ok = all(c["status"] == "ok" for c in components.values())
    return {"status": "ok" if ok else "degraded", "components": components}
