"""Drop and re-create one PostgreSQL database; print its SQLAlchemy URL.

Used by the end-to-end tests so that a run on PostgreSQL starts from an empty database
(`python scripts/reset_postgres_db.py postgresql+psycopg://127.0.0.1/test conserje_e2e`).
"""
from __future__ import annotations

import re
import sys

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url


def main(admin_url: str, name: str) -> None:
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", name):
        raise SystemExit(f"refusing odd database name {name!r}")
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    print(make_url(admin_url).set(database=name).render_as_string(hide_password=False))


if __name__ == "__main__":
    main(*sys.argv[1:3])
