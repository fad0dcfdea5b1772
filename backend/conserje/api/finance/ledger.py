"""Charges, payments and reversals; the charge catalogue."""
from __future__ import annotations

from flask import make_response
from flask_smorest import Blueprint

from conserje.api.core.context import current_actor
from conserje.api.core.crud import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, register_crud
from conserje.api.core.exports import csv_download, xlsx_download
from conserje.extensions import db
from conserje.schemas.core.common import BINARY
from conserje.schemas.finance.accounts import (
    ChargeCreate,
    ChargeTypeCreate,
    ChargeTypeQuery,
    ChargeTypeSchema,
    EntryExportQuery,
    EntryQuery,
    EntrySchema,
    PaymentCreate,
    ReversalRequest,
)
from conserje.services.finance import entries, exports, receipts
from conserje.services.finance.settings import charge_types

charges_blp = Blueprint("charges", __name__, url_prefix="/api/v1/charges",
                        description="Charges to units: dues, fines, reservations, interest")
payments_blp = Blueprint("payments", __name__, url_prefix="/api/v1/payments",
                         description="Payments received (cash, transfer, online)")
charge_types_blp = Blueprint("charge-types", __name__, url_prefix="/api/v1/charge-types",
                             description="The catalogue of fines and other priced charges")
register_crud(charge_types_blp, charge_types, ChargeTypeSchema, ChargeTypeQuery,
              create=ChargeTypeCreate, noun="charge type")


def _register_entries(blp: Blueprint, entry_type: str, create_schema, create, noun: str):
    @blp.route("", methods=["GET"])
    @blp.arguments(EntryQuery, location="query")
    @blp.response(200, EntrySchema(many=True))
    @blp.paginate(page_size=DEFAULT_PAGE_SIZE, max_page_size=MAX_PAGE_SIZE)
    @blp.doc(summary=f"List {noun}s, newest first (residents: their own units)")
    def list_rows(filters, pagination_parameters):
        page = entries.list_entries(db.session, current_actor(), entry_type, filters,
                                    pagination_parameters.page,
                                    pagination_parameters.page_size)
        pagination_parameters.item_count = page.total
        return page.items

    @blp.route("/export", methods=["GET"])
    @blp.arguments(EntryExportQuery, location="query")
    @blp.response(200, BINARY, description=f"CSV or XLSX of the filtered {noun}s",
                  content_type="text/csv")
    @blp.doc(summary=f"The filtered {noun}s as CSV or XLSX (managers; at most "
                     f"{exports.EXPORT_LIMIT:,} rows)")
    def export_rows(filters):
        fmt = filters.pop("format")
        rows = exports.entry_rows(db.session, current_actor(), entry_type, filters)
        name = f"{noun}s.{fmt}"
        if fmt == "xlsx":
            return xlsx_download(rows, exports.ENTRY_COLUMNS, f"{noun}s", name)
        return csv_download(rows, exports.ENTRY_COLUMNS, name)

    @blp.route("", methods=["POST"])
    @blp.arguments(create_schema)
    @blp.response(201, EntrySchema)
    @blp.doc(summary=f"Record a {noun} (admins and managers)")
    def create_row(data):
        row = create(db.session, current_actor(), data)
        db.session.commit()
        return row

    @blp.route("/<int:entry_id>", methods=["GET"])
    @blp.response(200, EntrySchema)
    @blp.alt_response(404, response="DEFAULT_ERROR", description="Not found for you")
    @blp.doc(summary=f"One {noun} with its open amount and status")
    def get_row(entry_id):
        return entries.get_entry(db.session, current_actor(), entry_id, entry_type)

    @blp.route("/<int:entry_id>/reversal", methods=["POST"])
    @blp.arguments(ReversalRequest)
    @blp.response(201, EntrySchema)
    @blp.alt_response(409, response="DEFAULT_ERROR", description="Already reversed")
    @blp.doc(summary=f"Reverse a {noun} with a new entry (admins); nothing is deleted")
    def reverse_row(data, entry_id):
        row = entries.reverse_entry(db.session, current_actor(), entry_id, entry_type,
                                    data["reason"])
        db.session.commit()
        return row


_register_entries(charges_blp, "charge", ChargeCreate, entries.create_charge, "charge")
_register_entries(payments_blp, "payment", PaymentCreate, entries.record_payment, "payment")


@payments_blp.route("/<int:entry_id>/receipt.pdf", methods=["GET"])
@payments_blp.response(200, BINARY, description="The payment's receipt",
                       content_type="application/pdf")
@payments_blp.alt_response(404, response="DEFAULT_ERROR", description="Not found for you")
@payments_blp.doc(summary="Download the payment's PDF receipt (residents: their own units)")
def payment_receipt(entry_id):
    data, name = receipts.payment_receipt(db.session, current_actor(), entry_id)
    return pdf_response(data, name)


def pdf_response(data: bytes, filename: str):
    response = make_response(data)
    response.headers["Content-Type"] = "application/pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "private, no-store"
    return response
