"""Serialising writers that read-then-append (the access log's hash chain) on every engine.

PostgreSQL and Oracle lock a row that stands for the chain's head (``SELECT ... FOR NO
KEY UPDATE`` / ``FOR UPDATE``): writers of one chain queue there; others do not wait.
SQLite has one writer at a time for the whole file: the connection takes the write lock
(``BEGIN IMMEDIATE``, waiting up to the busy timeout) before the head is read, so no
other writer can slip in between the read and the insert.
"""
from __future__ import annotations

from sqlalchemy import Select
from sqlalchemy.orm import Session


def lock_for_append(session: Session, head_row: Select) -> None:
    """Hold the lock that serialises appends behind ``head_row`` (a one-row SELECT) until
    the current transaction ends."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        session.execute(head_lock(head_row))
        return
    dbapi = connection.connection.dbapi_connection
    # pysqlite opens a transaction only before its first write, and that write took the
    # lock; with none open yet, take it now (a read-only snapshot would be too late).
    if not dbapi.in_transaction:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def head_lock(head_row: Select) -> Select:
    """``head_row`` locked: FOR NO KEY UPDATE on PostgreSQL (so inserts elsewhere that
    only reference the row, whose foreign-key checks take KEY SHARE, neither block nor
    deadlock with it), FOR UPDATE on Oracle."""
    return head_row.with_for_update(key_share=True)
