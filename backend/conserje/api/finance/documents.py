"""Documents of finance: bank-transfer proofs for review and expenses with invoices."""
from __future__ import annotations

from flask import make_response, request
from flask_smorest import Blueprint

from conserje.api.core.context import current_actor
from conserje.api.core.crud import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from conserje.extensions import db
from conserje.schemas.core.common import BINARY
from conserje.schemas.finance.documents import (
    DocumentUpload,
    ExpenseCreate,
    ExpenseQuery,
    ExpenseSchema,
    ReviewRequest,
    TransferProofForm,
    TransferProofQuery,
    TransferProofSchema,
)
from conserje.services.finance import expenses, transfers
from conserje.wiring import deps

proofs_blp = Blueprint("transfer-proofs", __name__, url_prefix="/api/v1/transfer-proofs",
                       description="Bank transfers reported with a proof, reviewed by admins")
expenses_blp = Blueprint("expenses", __name__, url_prefix="/api/v1/expenses",
                         description="Expenses (egresos) with supplier invoices")


def _document() -> bytes:
    """The uploaded ``file`` part (empty when missing: the service reports it, after it
    has checked the caller may act on the object at all)."""
    upload = request.files.get("file")
    return b"" if upload is None else upload.read(transfers.MAX_DOCUMENT_BYTES + 1)


def _file_response(data: bytes, content_type: str):
    response = make_response(data)
    response.headers["Content-Type"] = content_type
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@proofs_blp.route("", methods=["POST"])
@proofs_blp.arguments(TransferProofForm, location="form", content_type="multipart/form-data")
@proofs_blp.response(201, TransferProofSchema)
@proofs_blp.doc(summary="Report a bank transfer with its proof (multipart `file`: PDF or "
                        "image); it waits for an admin")
def submit_proof(form):
    proof = transfers.submit(db.session, current_actor(), form, _document(), deps().store)
    db.session.commit()
    return proof


@proofs_blp.route("", methods=["GET"])
@proofs_blp.arguments(TransferProofQuery, location="query")
@proofs_blp.response(200, TransferProofSchema(many=True))
@proofs_blp.paginate(page_size=DEFAULT_PAGE_SIZE, max_page_size=MAX_PAGE_SIZE)
@proofs_blp.doc(summary="Reported transfers (residents: their own units)")
def list_proofs(filters, pagination_parameters):
    page = transfers.list_proofs(db.session, current_actor(), filters,
                                 pagination_parameters.page, pagination_parameters.page_size)
    pagination_parameters.item_count = page.total
    return page.items


@proofs_blp.route("/<int:proof_id>", methods=["GET"])
@proofs_blp.response(200, TransferProofSchema)
@proofs_blp.doc(summary="One reported transfer")
def get_proof(proof_id):
    return transfers.get_proof(db.session, current_actor(), proof_id)


@proofs_blp.route("/<int:proof_id>/file", methods=["GET"])
@proofs_blp.response(200, BINARY, description="The proof as uploaded (PDF or image)",
                     content_type="application/octet-stream")
@proofs_blp.doc(summary="Download the transfer's proof")
def proof_file(proof_id):
    return _file_response(*transfers.proof_file(db.session, current_actor(), proof_id,
                                                deps().store))


@proofs_blp.route("/<int:proof_id>/approve", methods=["POST"])
@proofs_blp.arguments(ReviewRequest)
@proofs_blp.response(200, TransferProofSchema)
@proofs_blp.alt_response(409, response="DEFAULT_ERROR", description="Already reviewed")
@proofs_blp.doc(summary="Approve: the payment is booked and allocated (admins, managers)")
def approve_proof(data, proof_id):
    proof = transfers.review(db.session, current_actor(), proof_id, True, data.get("note"),
                             data.get("amount"))
    db.session.commit()
    return proof


@proofs_blp.route("/<int:proof_id>/reject", methods=["POST"])
@proofs_blp.arguments(ReviewRequest)
@proofs_blp.response(200, TransferProofSchema)
@proofs_blp.doc(summary="Reject with a reason (admins, managers)")
def reject_proof(data, proof_id):
    proof = transfers.review(db.session, current_actor(), proof_id, False, data.get("note"))
    db.session.commit()
    return proof


@expenses_blp.route("", methods=["POST"])
@expenses_blp.arguments(ExpenseCreate)
@expenses_blp.response(201, ExpenseSchema)
@expenses_blp.doc(summary="Record an expense (admins, managers)")
def create_expense(data):
    expense = expenses.create(db.session, current_actor(), data)
    db.session.commit()
    return expense


@expenses_blp.route("", methods=["GET"])
@expenses_blp.arguments(ExpenseQuery, location="query")
@expenses_blp.response(200, ExpenseSchema(many=True))
@expenses_blp.paginate(page_size=DEFAULT_PAGE_SIZE, max_page_size=MAX_PAGE_SIZE)
@expenses_blp.doc(summary="Expenses, newest first")
def list_expenses(filters, pagination_parameters):
    page = expenses.list_expenses(db.session, current_actor(), filters,
                                  pagination_parameters.page, pagination_parameters.page_size)
    pagination_parameters.item_count = page.total
    return page.items


@expenses_blp.route("/<int:expense_id>", methods=["GET"])
@expenses_blp.response(200, ExpenseSchema)
@expenses_blp.doc(summary="One expense")
def get_expense(expense_id):
    return expenses.get(db.session, current_actor(), expense_id)


@expenses_blp.route("/<int:expense_id>/invoice", methods=["PUT"])
@expenses_blp.arguments(DocumentUpload, location="form", content_type="multipart/form-data")
@expenses_blp.response(200, ExpenseSchema)
@expenses_blp.doc(summary="Attach or replace the invoice (multipart `file`: PDF or image)")
def put_invoice(_files, expense_id):
    expense = expenses.attach_invoice(db.session, current_actor(), expense_id, _document(),
                                      deps().store)
    db.session.commit()
    return expense


@expenses_blp.route("/<int:expense_id>/invoice", methods=["GET"])
@expenses_blp.response(200, BINARY, description="The invoice file", content_type="application/pdf")
@expenses_blp.doc(summary="Download the invoice")
def get_invoice(expense_id):
    return _file_response(*expenses.invoice(db.session, current_actor(), expense_id,
                                            deps().store))
