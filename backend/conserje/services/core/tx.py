"""Side effects that must wait for the transaction: file deletions, cache invalidation.

Deleting a photo before the commit could leave a row pointing at nothing; telling other
processes to reload a gallery before it could let them cache the old rows; a photo
stored for a row that never commits must not stay behind.
"""
from __future__ import annotations

from typing import Callable

from sqlalchemy import event
from sqlalchemy.orm import Session, scoped_session

_COMMITTED = "conserje_after_commit"
_ROLLED_BACK = "conserje_after_rollback"


def after_transaction(session: Session | scoped_session, *,
                      committed: Callable[[], None] | None = None,
                      rolled_back: Callable[[], None] | None = None) -> None:
    """Run ``committed`` when the current transaction commits, or ``rolled_back`` when it
    rolls back instead; each pending action runs at most once."""
    if committed:
        session.info.setdefault(_COMMITTED, []).append(committed)
    if rolled_back:
        session.info.setdefault(_ROLLED_BACK, []).append(rolled_back)


def on_commit(session: Session | scoped_session, action: Callable[[], None]) -> None:
    after_transaction(session, committed=action)


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    session.info.pop(_ROLLED_BACK, None)
    for action in session.info.pop(_COMMITTED, []):
        action()


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop(_COMMITTED, None)
    for action in session.info.pop(_ROLLED_BACK, []):
        action()
