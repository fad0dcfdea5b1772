"""Finance schemas for documents: transfer proofs, expenses and their files."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from conserje.schemas.core.common import BINARY, ResponseSchema, SearchQuery, text
from conserje.schemas.finance.accounts import amount, money_out


class DocumentUpload(Schema):
    # The file part is read from request.files; it is here for the documentation.
    file = fields.Raw(metadata={**BINARY, "description": "PDF, JPEG, PNG or WebP"})


class TransferProofSchema(ResponseSchema):
    id = fields.Integer(dump_only=True)
    public_id = fields.String(dump_only=True)
    unit_id = fields.Integer(dump_only=True)
    amount = money_out()
    paid_on = fields.Date(dump_only=True)
    reference = fields.String(dump_only=True, allow_none=True)
    proof_type = fields.String(dump_only=True)
    status = fields.String(dump_only=True)
    review_note = fields.String(dump_only=True, allow_none=True)
    payment_id = fields.Integer(dump_only=True, allow_none=True)
    created_at = fields.DateTime(dump_only=True)
    reviewed_at = fields.DateTime(dump_only=True, allow_none=True)


class TransferProofForm(DocumentUpload):
    unit_id = fields.Integer(required=True)
    amount = amount(required=True)
    paid_on = fields.Date(required=True)
    reference = text(120)


class TransferProofQuery(Schema):
    status = fields.String(validate=validate.OneOf(["pending", "approved", "rejected"]))
    unit_id = fields.Integer()


class ReviewRequest(Schema):
    note = text(200, allow_none=True)
    amount = amount(allow_none=True, metadata={
        "type": "string", "format": "decimal",
        "description": "approve for the amount actually received (default: as reported)"})


class ExpenseCreate(Schema):
    supplier = text(120, required=True)
    category = text(60, required=True, metadata={"example": "mantención"})
    amount = amount(required=True)
    spent_on = fields.Date(required=True)
    description = text(200, allow_none=True)


class ExpenseSchema(ResponseSchema, ExpenseCreate):
    id = fields.Integer(dump_only=True)
    public_id = fields.String(dump_only=True)
    has_invoice = fields.Function(lambda e: bool(e.invoice_key), dump_only=True,
                                  metadata={"type": "boolean"})
    created_at = fields.DateTime(dump_only=True)


class ExpenseQuery(SearchQuery):
    category = text(60)
    since = fields.Date()
    until = fields.Date()


class PaymentOptionsSchema(ResponseSchema):
    unit_id = fields.Integer()
    amount_due = money_out()
    currency = fields.String()
    provider = fields.String(allow_none=True, metadata={
        "description": "mercadopago or stripe; null: pay by bank transfer"})
    bank_details = fields.String(allow_none=True)


class CheckoutRequestSchema(Schema):
    unit_id = fields.Integer(required=True)
    amount = amount(allow_none=True, metadata={
        "type": "string", "format": "decimal", "description": "default: the unit's debt"})


class CheckoutSchema(ResponseSchema):
    id = fields.Integer(dump_only=True)
    public_id = fields.String(dump_only=True)
    unit_id = fields.Integer(dump_only=True)
    amount = money_out()
    provider = fields.String(dump_only=True)
    redirect_url = fields.String(dump_only=True)


class WebhookResultSchema(ResponseSchema):
    status = fields.String(metadata={"description": "booked, duplicate or ignored"})
    payment_id = fields.Integer(allow_none=True)


class RiskModelSchema(ResponseSchema):
    id = fields.Integer(dump_only=True)
    trained_through = fields.String(dump_only=True)
    roc_auc = money_out(allow_none=True, metadata={"type": "string", "format": "decimal",
                                                   "description": "time-split validation"})
    precision_top10 = money_out(allow_none=True, metadata={"type": "string",
                                                           "format": "decimal"})
    baseline_auc = money_out(allow_none=True, metadata={
        "type": "string", "format": "decimal",
        "description": "AUC of 'last month was late' alone, same validation rows"})
    metrics = fields.Dict(dump_only=True)
    is_active = fields.Boolean(dump_only=True)
    created_at = fields.DateTime(dump_only=True)


class RiskReasonSchema(ResponseSchema):
    feature = fields.String()
    value = fields.Float()
    weight = fields.Float(metadata={"description": "how much it raises the score"})


class UnitRiskSchema(ResponseSchema):
    unit_id = fields.Integer()
    unit_code = fields.String()
    score = fields.Float(metadata={"description": "probability of paying the next dues late"})
    reasons = fields.List(fields.Nested(RiskReasonSchema))
