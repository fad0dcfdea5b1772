"""Transfer proofs: documents are checked by their bytes, and an approval books once even
when two administrators press the button at the same moment."""
from __future__ import annotations

import threading
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from conserje.extensions import db
from conserje.models import LedgerEntry
from conserje.services.core.actor import Actor
from conserje.services.core.errors import Conflict, InvalidInput
from conserje.services.finance import transfers
from conserje.wiring import deps

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"


def test_documents_are_recognised_by_their_bytes():
    assert transfers.sniff_document(PDF) == ("application/pdf", "pdf")
    assert transfers.sniff_document(b"\xff\xd8\xff\xe0rest") == ("image/jpeg", "jpg")
    assert transfers.sniff_document(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == ("image/webp", "webp")
    for bad in (b"RIFF\x00\x00\x00\x00WAVEfmt ", b"<html>%PDF-", b"GIF89a"):
        with pytest.raises(InvalidInput):
            transfers.sniff_document(bad)


def test_two_admins_approving_at_once_book_one_payment(app, world, database_url):
    if not database_url.startswith("postgresql"):
        pytest.skip("concurrent writers need PostgreSQL (SQLite serialises the file)")
    admin = Actor(world.ids["user_admin"], world.condo_id, frozenset({"admin"}))
    resident = Actor(world.ids["user_resident1"], world.condo_id, frozenset({"resident"}),
                     world.ids["person1"], frozenset({world.ids["unit1"]}))
    with app.app_context():
        proof = transfers.submit(db.session, resident, {
            "unit_id": world.ids["unit1"], "amount": Decimal(25_000),
            "paid_on": date(2026, 1, 5)}, PDF, deps().store)
        db.session.commit()
        proof_id, engine = proof.id, db.engine
    barrier, outcomes = threading.Barrier(2), []

    def approve():
        with app.app_context(), Session(engine) as session:
            barrier.wait()
            try:
                transfers.review(session, admin, proof_id, True)
                session.commit()
                outcomes.append("approved")
            except Conflict:
                session.rollback()
                outcomes.append("conflict")

    threads = [threading.Thread(target=approve) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["approved", "conflict"]
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(LedgerEntry)
                                 .where(LedgerEntry.kind == "transfer")) == 1
