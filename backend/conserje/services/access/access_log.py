"""The append-only access log: hash-chained rows per condominium, queries, corrections.

Each row's ``row_hash`` is the SHA-256 of a canonical JSON of its facts and of the
previous row's hash, so :func:`verify_chain` finds any row changed or deleted behind
the application's back. There is no update or delete path: a correction is a new row
pointing at the one it corrects.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import Select, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from conserje.models import AccessEvent, Condominium, UnitMember
from conserje.models.base import utcnow
from conserje.services.core.actor import Actor
from conserje.services.core.crud import Page
from conserje.services.core.errors import NotFound
from conserje.services.core.locks import lock_for_append

GENESIS = "0" * 64
# The facts a row's hash covers (the snapshot by content; its key may be purged).
HASHED = ("condominium_id", "seq_no", "gate_id", "person_id", "direction", "method",
          "decision", "reason", "similarity", "model_version", "snapshot_sha256", "guard_id",
          "device_id", "correction_of_id", "occurred_at", "prev_hash")


def canonical(event: AccessEvent) -> bytes:
    """The stable serialisation hashed into the chain."""
    values = {}
    for name in HASHED:
        value = getattr(event, name)
        if name == "similarity" and value is not None:
            value = f"{float(value):.4f}"
        elif isinstance(value, datetime):
            value = value.isoformat(timespec="microseconds")
        values[name] = value
    return json.dumps(values, sort_keys=True, separators=(",", ":")).encode()


def row_hash(event: AccessEvent) -> str:
    return hashlib.sha256(canonical(event)).hexdigest()


APPEND_ATTEMPTS = 5


def append(session: Session, condominium_id: int, **facts) -> AccessEvent:
    """Add one event at the end of the condominium's chain and flush it.

    Writers of one condominium are serialised before the head is read (see
    :func:`~conserje.services.core.locks.lock_for_append`); a unique violation on
    (condominium, seq_no) that still happens (a writer that bypassed the lock) is retried
    on a fresh head inside a savepoint, so the caller's transaction survives it."""
    session.flush()  # what the caller added is not part of the savepoint below
    lock_for_append(session, select(Condominium.id).where(Condominium.id == condominium_id))
    now = utcnow()
    facts.setdefault("occurred_at", now)
    # The hash covers the ISO text of the time: always UTC, as it reads back from the table.
    facts["occurred_at"] = facts["occurred_at"].astimezone(timezone.utc)
    if facts.get("similarity") is not None:
        facts["similarity"] = round(float(facts["similarity"]), 4)
    for attempt in range(1, APPEND_ATTEMPTS + 1):
        last = session.execute(select(AccessEvent.seq_no, AccessEvent.row_hash)
                               .where(AccessEvent.condominium_id == condominium_id)
                               .order_by(AccessEvent.seq_no.desc()).limit(1)).first()
        event = AccessEvent(condominium_id=condominium_id,
                            seq_no=(last.seq_no + 1) if last else 1,
                            prev_hash=last.row_hash if last else GENESIS, created_at=now,
                            **facts)
        event.row_hash = row_hash(event)
        try:
            with session.begin_nested():
                session.add(event)
        except IntegrityError as exc:
            if attempt == APPEND_ATTEMPTS or "seq_no" not in str(exc.orig).lower():
                raise
            continue
        return event
    raise AssertionError("unreachable")


@dataclass(frozen=True)
class ChainProblem:
    seq_no: int
    event_id: int
    problem: str  # changed, deleted_before, out_of_order


def verify_chain(session: Session, condominium_id: int) -> tuple[int, list[ChainProblem]]:
    """Recompute the chain; return the rows checked and every problem found."""
    problems: list[ChainProblem] = []
    expected_prev, expected_seq, count = GENESIS, 1, 0
    rows = session.scalars(select(AccessEvent).where(AccessEvent.condominium_id == condominium_id)
                           .order_by(AccessEvent.seq_no))
    for event in rows:
        count += 1
        if event.seq_no != expected_seq or event.prev_hash != expected_prev:
            problems.append(ChainProblem(event.seq_no, event.id, "deleted_before"))
        if row_hash(event) != event.row_hash:
            problems.append(ChainProblem(event.seq_no, event.id, "changed"))
        expected_prev, expected_seq = event.row_hash, event.seq_no + 1
    return count, problems


def head(session: Session, condominium_id: int) -> str:
    """The last row's hash: written down elsewhere, it also exposes a truncated tail."""
    return session.scalar(select(AccessEvent.row_hash)
                          .where(AccessEvent.condominium_id == condominium_id)
                          .order_by(AccessEvent.seq_no.desc()).limit(1)) or GENESIS


def superseded_ids() -> Select:
    """Ids of events a later correction replaces."""
    return select(AccessEvent.correction_of_id).where(AccessEvent.correction_of_id.isnot(None))


def effective_events(condominium_id: int) -> Select:
    """The events that count (corrections replace what they correct)."""
    return select(AccessEvent).where(AccessEvent.condominium_id == condominium_id,
                                     AccessEvent.id.not_in(superseded_ids()))


def filtered(actor: Actor, filters: dict) -> Select:
    """The caller's events, newest first, narrowed by the list filters."""
    actor.require_capability("access.monitor")
    stmt = select(AccessEvent).where(AccessEvent.condominium_id == actor.condominium_id)
    for key in ("gate_id", "person_id", "decision", "direction", "method"):
        if filters.get(key) is not None:
            stmt = stmt.where(getattr(AccessEvent, key) == filters[key])
    if filters.get("unit_id") is not None:
        members = select(UnitMember.person_id).where(UnitMember.unit_id == filters["unit_id"])
        stmt = stmt.where(AccessEvent.person_id.in_(members))
    if filters.get("since") is not None:
        stmt = stmt.where(AccessEvent.occurred_at >= filters["since"])
    if filters.get("until") is not None:
        stmt = stmt.where(AccessEvent.occurred_at < filters["until"])
    return stmt.order_by(AccessEvent.seq_no.desc())


def list_events(session: Session, actor: Actor, filters: dict, page: int,
                page_size: int) -> Page[AccessEvent]:
    stmt = filtered(actor, filters)
    total = session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery()))
    rows = session.scalars(stmt.limit(page_size).offset((page - 1) * page_size))
    return Page(list(rows), total or 0)


def get_event(session: Session, actor: Actor, event_id: int) -> AccessEvent:
    actor.require_capability("access.monitor")
    event = session.get(AccessEvent, event_id)
    if event is None or event.condominium_id != actor.condominium_id:
        raise NotFound("access event not found")
    return event
