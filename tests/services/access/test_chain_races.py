"""Issue 12 item 4: appends to the hash chain from concurrent writers, on SQLite and
PostgreSQL (real database, real threads): serialised, retried on a seq_no clash, and the
SQLite connection settings that let writers wait instead of failing."""
from __future__ import annotations

import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import event, insert, text
from sqlalchemy.exc import OperationalError

from conserje.extensions import db
from conserje.models import AccessEvent
from conserje.services.access import access_log
from tests.services.access.test_access_log import verify_log


def _append_one(app, world, n):
    with app.app_context():
        access_log.append(db.session, world.condo_id, gate_id=world.ids["gate"],
                          direction="entry", method="face", decision="unknown",
                          reason=f"writer {n}")
        db.session.commit()


def test_fifty_parallel_appenders_build_one_intact_chain(app, app_ctx, world, database_url,
                                                         tmp_path):
    with ThreadPoolExecutor(max_workers=50) as pool:
        list(pool.map(lambda n: _append_one(app, world, n), range(50)))
    db.session.expire_all()
    assert access_log.verify_chain(db.session, world.condo_id) == (50, [])
    reasons = set(db.session.scalars(db.select(AccessEvent.reason)))
    assert reasons == {f"writer {n}" for n in range(50)}
    checked = verify_log(database_url, tmp_path, "--condominium-id", str(world.condo_id))
    assert checked.returncode == 0, checked.stderr
    assert "50 events, intact" in checked.stdout


def test_a_seq_no_clash_is_retried_on_a_fresh_head(app_ctx, world):
    """A writer that bypassed the lock takes seq 1 right after this one read the head:
    the append is retried behind it, and the caller's transaction goes on."""
    _append_first = {"done": False}
    connection = db.session.connection()

    @event.listens_for(connection, "after_cursor_execute")
    def _intrude(conn, cursor, statement, parameters, context, executemany):
        if _append_first["done"] or not statement.lstrip().upper().startswith("SELECT") or \
                "FROM access_event" not in statement or "ORDER BY" not in statement:
            return
        _append_first["done"] = True
        intruder = AccessEvent(condominium_id=world.condo_id, seq_no=1,
                               prev_hash=access_log.GENESIS, gate_id=world.ids["gate"],
                               direction="exit", method="manual", decision="granted",
                               reason="intruder", occurred_at=access_log.utcnow(),
                               created_at=access_log.utcnow())
        intruder.row_hash = access_log.row_hash(intruder)
        values = {c.name: getattr(intruder, c.key) for c in AccessEvent.__table__.columns
                  if c.name != "id" and getattr(intruder, c.key, None) is not None}
        conn.execute(insert(AccessEvent.__table__).values(**values))

    try:
        ours = access_log.append(db.session, world.condo_id, gate_id=world.ids["gate"],
                                 direction="entry", method="qr", decision="denied",
                                 reason="ours")
    finally:
        event.remove(connection, "after_cursor_execute", _intrude)
    db.session.commit()
    assert _append_first["done"]
    assert ours.seq_no == 2
    rows = db.session.execute(text("SELECT seq_no, reason FROM access_event ORDER BY seq_no"))
    assert [tuple(r) for r in rows] == [(1, "intruder"), (2, "ours")]
    assert access_log.verify_chain(db.session, world.condo_id) == (2, [])


def test_sqlite_connections_use_wal_and_a_busy_timeout(app_ctx, database_url):
    if not database_url.startswith("sqlite"):
        pytest.skip("SQLite connection settings")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 15_000
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_sqlite_writer_waits_for_a_long_transaction_instead_of_failing(app, app_ctx, world,
                                                                      database_url):
    if not database_url.startswith("sqlite"):
        pytest.skip("SQLite's single writer")
    started, release = threading.Event(), threading.Event()

    def long_writer():
        with app.app_context(), db.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE condominium SET name = name")
            started.set()
            release.wait(10)

    writer = threading.Thread(target=long_writer)
    writer.start()
    assert started.wait(10)
    threading.Timer(2.0, release.set).start()
    _append_one(app, world, 0)  # waits for the lock (busy timeout), then appends
    writer.join()
    db.session.expire_all()
    assert access_log.verify_chain(db.session, world.condo_id) == (1, [])


def test_a_locked_database_is_a_503_with_retry_after(app, tmp_path):
    """The one place that answers an escaped "database is locked": 503, never a 500."""
    path = tmp_path / "locked.db"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN IMMEDIATE")
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": 0})
    try:
        with pytest.raises(OperationalError) as caught, engine.begin() as conn:
            conn.exec_driver_sql("PRAGMA busy_timeout=0")
            conn.exec_driver_sql("INSERT INTO t VALUES (1)")
    finally:
        holder.rollback() if holder.in_transaction else None
        holder.close()
        engine.dispose()
    with app.test_request_context("/api/v1/gates/1/qr-scans", method="POST"):
        response = app.make_response(app.handle_user_exception(caught.value))
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "1"
    assert response.json["message"] == "the database is busy, try again"


def test_the_chain_head_lock_renders_on_postgresql_and_oracle():
    from sqlalchemy import select
    from sqlalchemy.dialects import oracle, postgresql

    from conserje.models import Condominium
    from conserje.services.core.locks import head_lock

    stmt = head_lock(select(Condominium.id).where(Condominium.id == 1))
    assert str(stmt.compile(dialect=postgresql.dialect())).endswith("FOR NO KEY UPDATE")
    assert str(stmt.compile(dialect=oracle.dialect())).endswith("FOR UPDATE")
