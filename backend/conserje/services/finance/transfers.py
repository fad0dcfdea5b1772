"""Bank transfers with proof: a resident uploads the receipt, an admin approves or rejects.

Approval books the payment in the ledger (once: the proof moves from ``pending`` under a
row lock); rejection keeps the proof with the admin's reason. Proof files live in the
media store under ``finance/<condominium>/proofs/``.
"""
from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from conserje.models import TransferProof
from conserje.models.base import utcnow
from conserje.services.core import audit
from conserje.services.core.actor import Actor
from conserje.services.core.crud import Page
from conserje.services.core.errors import Conflict, InvalidInput, NotFound, TooLarge
from conserje.services.core.tx import after_transaction
from conserje.services.finance import ledger, money
from conserje.services.finance.accounts import require_money_access, scoped_unit
from conserje.services.finance.entries import paginate
from conserje.services.finance.settings import get_settings, local_today
from conserje.storage import MediaStore

MAX_DOCUMENT_BYTES = 8 * 1024 * 1024
# Magic numbers of the file types we keep: the declared content type is not trusted.
SIGNATURES = {b"%PDF-": ("application/pdf", "pdf"), b"\x89PNG\r\n\x1a\n": ("image/png", "png"),
              b"\xff\xd8\xff": ("image/jpeg", "jpg"), b"RIFF": ("image/webp", "webp")}


def sniff_document(data: bytes, field: str = "file") -> tuple[str, str]:
    """Content type and extension of an image or PDF, from its bytes."""
    if not data:
        raise InvalidInput("attach the document (PDF or image)", {field: ["missing or empty"]},
                           location="files")
    if len(data) > MAX_DOCUMENT_BYTES:
        raise TooLarge(f"documents are limited to {MAX_DOCUMENT_BYTES // 1024 // 1024} MB")
    for magic, kind in SIGNATURES.items():
        if data.startswith(magic) and (magic != b"RIFF" or data[8:12] == b"WEBP"):
            return kind
    raise InvalidInput("send a PDF, JPEG, PNG or WebP file", {field: ["unsupported file type"]},
                       location="files")


def store_document(session: Session, store: MediaStore, prefix: str, data: bytes,
                   field: str = "file") -> tuple[str, str]:
    """Put the document in the media store; it is removed again if the transaction fails."""
    content_type, ext = sniff_document(data, field)
    key = f"{prefix}/{uuid.uuid4().hex}.{ext}"
    store.put(key, data, content_type)
    after_transaction(session, rolled_back=lambda: store.delete(key))
    return key, content_type


def submit(session: Session, actor: Actor, data: dict[str, Any], document: bytes,
           store: MediaStore) -> TransferProof:
    """A resident (or manager) reports a transfer for one of their units, with its proof."""
    scoped_unit(session, actor, data["unit_id"])
    currency = get_settings(session, actor.condominium_id).currency
    amount = money.checked_amount(data["amount"], currency)
    paid_on: date = data["paid_on"]
    if paid_on > local_today(session, actor.condominium_id):
        raise InvalidInput("the transfer date is in the future", {"paid_on": ["future"]},
                           location="form")
    key, content_type = store_document(session, store,
                                       f"finance/{actor.condominium_id}/proofs", document)
    proof = TransferProof(condominium_id=actor.condominium_id, unit_id=data["unit_id"],
                          amount=amount, paid_on=paid_on, reference=data.get("reference"),
                          proof_key=key, proof_type=content_type, status="pending",
                          submitted_by_id=actor.user_id)
    session.add(proof)
    session.flush()
    return proof


def _scoped(actor: Actor):
    require_money_access(actor)
    stmt = select(TransferProof).where(TransferProof.condominium_id == actor.condominium_id)
    if not actor.can("finance.read"):
        stmt = stmt.where(TransferProof.unit_id.in_(sorted(actor.unit_ids)))
    return stmt


def list_proofs(session: Session, actor: Actor, filters: dict[str, Any], page: int,
                page_size: int) -> Page[TransferProof]:
    stmt = _scoped(actor)
    for name in ("status", "unit_id"):
        if name in filters:
            stmt = stmt.where(getattr(TransferProof, name) == filters[name])
    return paginate(session, stmt.order_by(TransferProof.id.desc()), page, page_size)


def get_proof(session: Session, actor: Actor, proof_id: int, lock: bool = False
              ) -> TransferProof:
    stmt = _scoped(actor).where(TransferProof.id == proof_id)
    proof = session.scalar(stmt.with_for_update() if lock else stmt)
    if proof is None:
        raise NotFound("transfer not found")
    return proof


def proof_file(session: Session, actor: Actor, proof_id: int,
               store: MediaStore) -> tuple[bytes, str]:
    proof = get_proof(session, actor, proof_id)
    return store.get(proof.proof_key), proof.proof_type


def review(session: Session, actor: Actor, proof_id: int, approve: bool,
           note: str | None = None, amount: Decimal | None = None) -> TransferProof:
    """Approve (book the payment; optionally for the amount actually received) or reject."""
    actor.require_capability("finance.manage")
    proof = get_proof(session, actor, proof_id, lock=True)
    if proof.status != "pending":
        raise Conflict(f"this transfer was already {proof.status}")
    if approve:
        received = proof.amount if amount is None else money.checked_amount(
            amount, get_settings(session, actor.condominium_id).currency)
        payment = ledger.post_payment(
            session, actor.condominium_id, proof.unit_id, "transfer", received, proof.paid_on,
            reference=proof.reference, idem_key=f"transfer:{proof.id}",
            description="Transferencia bancaria", created_by_id=actor.user_id)
        proof.payment_id = payment.id
    elif not note:
        raise InvalidInput("say why the transfer is rejected", {"note": ["required"]})
    proof.status = "approved" if approve else "rejected"
    proof.review_note = note
    proof.reviewed_by_id = actor.user_id
    proof.reviewed_at = utcnow()
    session.flush()
    audit.record(session, actor_id=actor.user_id, condominium_id=actor.condominium_id,
                 action=proof.status, entity="transfer_proof", entity_id=proof.id,
                 after=audit.snapshot(proof))
    return proof
