"""The access log's hash chain: `conserje verify-log` finds rows changed or deleted with
raw SQL behind the application's back."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from conserje.extensions import db
from conserje.services.access import access_log

CONSERJE = str(Path(sys.executable).with_name("conserje"))


def verify_log(database_url, tmp_path, *args):
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path),
           "CONSERJE_DATABASE_URL": database_url, "CONSERJE_SECRET_KEY": "verify-test",
           "CONSERJE_VAR_DIR": str(tmp_path / "var")}
    return subprocess.run([CONSERJE, "verify-log", *args], env=env, capture_output=True,
                          text=True, timeout=120)


def _append_five(world):
    for n in range(5):
        access_log.append(db.session, world.condo_id, gate_id=world.ids["gate"],
                          person_id=world.ids["person1"] if n % 2 else None,
                          direction="entry" if n % 2 else "exit", method="face",
                          decision="granted" if n % 2 else "unknown", reason="resident",
                          similarity=0.9612345, model_version=1, snapshot_sha256="ab" * 32)
    db.session.commit()


def test_chain_links_each_row_to_the_previous_one(app_ctx, world):
    _append_five(world)
    checked, problems = access_log.verify_chain(db.session, world.condo_id)
    assert (checked, problems) == (5, [])
    rows = db.session.execute(text("SELECT seq_no, prev_hash, row_hash FROM access_event "
                                   "ORDER BY seq_no")).all()
    assert rows[0].prev_hash == access_log.GENESIS
    assert all(b.prev_hash == a.row_hash for a, b in zip(rows, rows[1:]))
    assert access_log.head(db.session, world.condo_id) == rows[-1].row_hash
    # Another condominium has its own chain.
    assert access_log.verify_chain(db.session, world.other_condo_id) == (0, [])


def test_verify_log_detects_an_update_and_a_delete(app_ctx, world, database_url, tmp_path):
    _append_five(world)
    intact = verify_log(database_url, tmp_path, "--condominium-id", str(world.condo_id))
    assert intact.returncode == 0, intact.stderr
    assert "5 events, intact" in intact.stdout
    head = access_log.head(db.session, world.condo_id)

    with db.engine.begin() as conn:
        conn.execute(text("UPDATE access_event SET decision = 'denied' WHERE seq_no = 2 "
                          "AND condominium_id = :c"), {"c": world.condo_id})
    changed = verify_log(database_url, tmp_path)
    assert changed.returncode == 1
    assert "row seq 2" in changed.stdout and "changed" in changed.stdout

    with db.engine.begin() as conn:
        conn.execute(text("UPDATE access_event SET decision = 'granted' WHERE seq_no = 2 "
                          "AND condominium_id = :c"), {"c": world.condo_id})
        conn.execute(text("DELETE FROM access_event WHERE seq_no = 4 AND condominium_id = :c"),
                     {"c": world.condo_id})
    deleted = verify_log(database_url, tmp_path, "--condominium-id", str(world.condo_id))
    assert deleted.returncode == 1
    assert "row seq 5" in deleted.stdout and "deleted before" in deleted.stdout
    assert "row seq 2" not in deleted.stdout  # the first change was put back

    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM access_event WHERE seq_no = 5 AND condominium_id = :c"),
                     {"c": world.condo_id})
    cut = verify_log(database_url, tmp_path, "--condominium-id", str(world.condo_id),
                     "--expect-head", head)
    assert cut.returncode == 1 and "is not the expected" in cut.stdout


def test_a_local_time_is_hashed_as_the_utc_time_read_back(app_ctx, world):
    """A caller passing a Santiago time gets the same chain as one passing UTC."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    local = datetime(2026, 11, 30, 9, 15, tzinfo=ZoneInfo("America/Santiago"))
    event = access_log.append(db.session, world.condo_id, gate_id=world.ids["gate"],
                              person_id=None, direction="entry", method="manual",
                              decision="granted", occurred_at=local)
    db.session.commit()
    assert event.occurred_at.utcoffset().total_seconds() == 0
    assert access_log.verify_chain(db.session, world.condo_id) == (1, [])
