"""Readiness checks of the components the API depends on."""
from __future__ import annotations

import os
from typing import Callable

from redis import Redis
from sqlalchemy import text
from sqlalchemy.orm import Session

from ..storage import MediaStore


def _run(check: Callable[[], str]) -> dict:
    try:
        return {"status": "ok", "detail": check()}
    except Exception as exc:  # noqa: BLE001 - a health probe reports every failure
        return {"status": "error", "detail": f"{type(exc).__name__}: {exc}"}


def check_all(session: Session, redis: Redis, embedded_redis: bool, store: MediaStore,
              models_dir: str) -> dict:
    """Return ``{"status": "ok"|"degraded", "components": {...}}``."""

    def database() -> str:
        session.execute(text("SELECT 1")).scalar()
        return session.get_bind().dialect.name

    def redis_check() -> str:
        redis.ping()
        return "embedded (in-process jobs)" if embedded_redis else "server"

    def models() -> str:
        if not os.path.isdir(models_dir):
            return f"models folder {models_dir} does not exist yet (no optional models)"
        return f"models folder {models_dir}"

    components = {"database": _run(database), "redis": _run(redis_check),
                  "media": _run(store.check), "models": _run(models)}
    ok = all(c["status"] == "ok" for c in components.values())
    return {"status": "ok" if ok else "degraded", "components": components}
