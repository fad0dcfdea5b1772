"""Unknown-face snapshots expire: the cron job deletes the files and clears the keys,
and the hash chain stays intact."""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from conserje.extensions import db
from conserje.models import AccessEvent
from conserje.models.base import utcnow
from conserje.scheduler import CRON_TABLE, resolve
from conserje.services.access import access_log
from conserje.tasks.maintenance import purge_unknown_face_snapshots
from conserje.wiring import deps


def _event(world, decision, days_ago, key):
    deps().store.put(key, b"\xff\xd8 fake jpeg \xff\xd9", "image/jpeg")
    return access_log.append(db.session, world.condo_id, gate_id=world.ids["gate"],
                             person_id=None if decision == "unknown" else world.ids["person1"],
                             direction="entry", method="face", decision=decision,
                             reason="x", snapshot_key=key, snapshot_sha256="cd" * 32,
                             occurred_at=utcnow() - timedelta(days=days_ago))


def test_old_unknown_snapshots_are_purged(app_ctx, world):
    entry = next(e for e in CRON_TABLE if e.name == "purge-unknown-face-snapshots")
    assert resolve(entry) is purge_unknown_face_snapshots
    old_unknown = _event(world, "unknown", 8, "gate/t/old-unknown.jpg")
    new_unknown = _event(world, "unknown", 2, "gate/t/new-unknown.jpg")
    old_granted = _event(world, "granted", 30, "gate/t/old-granted.jpg")
    db.session.commit()
    ids = (old_unknown.id, new_unknown.id, old_granted.id)

    assert purge_unknown_face_snapshots() == 1  # run as the worker would, in this process

    media = Path(app_ctx.config["MEDIA_DIR"])
    keys = {e.id: e.snapshot_key for e in db.session.query(AccessEvent).filter(
        AccessEvent.id.in_(ids))}
    assert keys == {ids[0]: None, ids[1]: "gate/t/new-unknown.jpg",
                    ids[2]: "gate/t/old-granted.jpg"}
    assert not (media / "gate/t/old-unknown.jpg").exists()
    assert (media / "gate/t/new-unknown.jpg").exists()
    assert (media / "gate/t/old-granted.jpg").exists()
    assert access_log.verify_chain(db.session, world.condo_id) == (3, [])
    assert purge_unknown_face_snapshots() == 0
