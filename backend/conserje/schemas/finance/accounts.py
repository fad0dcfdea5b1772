"""Finance schemas: settings, charge catalogue, ledger entries, balances, reports."""
from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from conserje.models import DUES_METHODS, INTEREST_KINDS, PROVIDERS
from conserje.models.finance.ledger import MANUAL_CHARGE_KINDS
from conserje.schemas.core.common import ResponseSchema, SearchQuery, text
from conserje.services.finance.money import CURRENCY_EXPONENTS

# Exact decimals travel as strings ("45000" or "74.50"), never as binary floats.
DECIMAL = {"type": "string", "format": "decimal", "example": "45000"}
PERIOD = validate.Regexp(r"^\d{4}-(0[1-9]|1[0-2])$", error="use YYYY-MM")


def amount(**kwargs):
    kwargs.setdefault("metadata", DECIMAL)
    return fields.Decimal(as_string=True, validate=validate.Range(min=0, min_inclusive=False),
                          **kwargs)


def money_out(**kwargs):
    kwargs.setdefault("metadata", DECIMAL)
    return fields.Decimal(as_string=True, dump_only=True, **kwargs)


class DateWindow(Schema):
    """``since``/``until`` query dates, refused when out of order."""

    since = fields.Date()
    until = fields.Date()

    @validates_schema
    def _ordered(self, data, **_kwargs):
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            raise ValidationError("must not be after until", "since")


class FinanceSettingsUpdate(Schema):
    currency = fields.String(validate=validate.OneOf(sorted(CURRENCY_EXPONENTS)))
    billing_day = fields.Integer(validate=validate.Range(1, 31))
    due_day = fields.Integer(validate=validate.Range(1, 31))
    dues_method = fields.String(validate=validate.OneOf(DUES_METHODS))
    dues_amount = fields.Decimal(as_string=True, metadata=DECIMAL,
                                 validate=validate.Range(min=0))
    dues_by_class = fields.Dict(keys=fields.String(validate=validate.Length(1, 30)),
                                values=fields.Decimal(as_string=True, metadata=DECIMAL),
                                allow_none=True)
    interest_kind = fields.String(validate=validate.OneOf(INTEREST_KINDS))
    interest_rate = fields.Decimal(as_string=True, metadata=DECIMAL,
                                   validate=validate.Range(0, 10))
    late_fee = fields.Decimal(as_string=True, metadata=DECIMAL, validate=validate.Range(min=0))
    grace_days = fields.Integer(validate=validate.Range(0, 60))
    provider = fields.String(allow_none=True, validate=validate.OneOf(PROVIDERS))
    bank_details = fields.String(allow_none=True, validate=validate.Length(max=2000))
    reminder_offsets = fields.List(fields.Integer(validate=validate.Range(-90, 90)),
                                   validate=validate.Length(max=10))
    quiet_from = fields.Integer(validate=validate.Range(0, 23))
    quiet_until = fields.Integer(validate=validate.Range(0, 23))


class FinanceSettingsSchema(ResponseSchema, FinanceSettingsUpdate):
    """The settings as stored: every field is in the answer."""


class UnitClassRequest(Schema):
    unit_id = fields.Integer(required=True)
    fee_class = text(30, required=True, allow_none=True)


class BillingRequest(Schema):
    period = fields.String(required=True, validate=PERIOD, metadata={"example": "2026-03"})


class BillingResultSchema(ResponseSchema):
    period = fields.String()
    created = fields.Integer()
    skipped = fields.Integer()
    total = money_out()
    late_fees = fields.Integer()
    interest_charges = fields.Integer()
    units_without_class = fields.List(fields.String())


class ChargeTypeCreate(Schema):
    kind = fields.String(load_default="fine", validate=validate.OneOf(MANUAL_CHARGE_KINDS))
    name = text(80, required=True)
    amount = amount(required=True)
    description = text(200, allow_none=True)
    is_active = fields.Boolean()


class ChargeTypeSchema(ResponseSchema, ChargeTypeCreate):
    id = fields.Integer(dump_only=True)


class ChargeTypeQuery(SearchQuery):
    kind = fields.String(validate=validate.OneOf(MANUAL_CHARGE_KINDS))
    is_active = fields.Boolean()


class EntrySchema(ResponseSchema):
    id = fields.Integer(dump_only=True)
    public_id = fields.String(dump_only=True)
    unit_id = fields.Integer(dump_only=True)
    unit_code = fields.String(dump_only=True)
    entry_type = fields.String(dump_only=True)
    kind = fields.String(dump_only=True)
    amount = money_out()
    open_amount = money_out(allow_none=True, metadata={
        **DECIMAL, "description": "charges: still owed; payments: unallocated credit"})
    status = fields.String(dump_only=True, metadata={
        "description": "open, partial, paid, reversed (charges); applied, credit, reversed "
                       "(payments); reversal"})
    period = fields.String(dump_only=True, allow_none=True)
    description = fields.String(dump_only=True, allow_none=True)
    booked_on = fields.Date(dump_only=True)
    due_on = fields.Date(dump_only=True, allow_none=True)
    reverses_id = fields.Integer(dump_only=True, allow_none=True)
    reference = fields.String(dump_only=True, allow_none=True)
    receipt_code = fields.String(dump_only=True, allow_none=True)
    created_at = fields.DateTime(dump_only=True)


class EntryQuery(DateWindow):
    unit_id = fields.Integer()
    kind = fields.String(validate=validate.Length(max=12))
    period = fields.String(validate=PERIOD)
    status = fields.String(validate=validate.OneOf(
        ["open", "partial", "unpaid", "paid", "reversed", "applied", "credit"]),
        metadata={"description": "unpaid = open or partial"})


class EntryExportQuery(EntryQuery):
    format = fields.String(load_default="csv", validate=validate.OneOf(["csv", "xlsx"]))


class ChargeCreate(Schema):
    unit_id = fields.Integer(required=True)
    kind = fields.String(required=True, validate=validate.OneOf(MANUAL_CHARGE_KINDS))
    charge_type_id = fields.Integer(allow_none=True)
    amount = amount(allow_none=True)
    description = text(200, allow_none=True)
    due_on = fields.Date(allow_none=True)
    period = fields.String(allow_none=True, validate=PERIOD)


class PaymentCreate(Schema):
    unit_id = fields.Integer(required=True)
    method = fields.String(required=True, validate=validate.OneOf(["cash", "transfer"]))
    amount = amount(required=True)
    paid_on = fields.Date(allow_none=True)
    reference = text(120, allow_none=True)
    description = text(200, allow_none=True)


class ReversalRequest(Schema):
    reason = text(200, required=True)


class AgingSchema(ResponseSchema):
    current = money_out()
    d1_30 = money_out()
    d31_60 = money_out()
    d61_90 = money_out()
    d90_plus = money_out()


class BalanceSchema(ResponseSchema):
    id = fields.Integer(attribute="unit_id", dump_only=True,
                        metadata={"description": "the unit's id"})
    unit_id = fields.Integer(dump_only=True)
    unit_code = fields.String(dump_only=True)
    balance = money_out(metadata={**DECIMAL, "description": "owed; negative is credit"})
    open_total = money_out()
    credit = money_out()
    aging = fields.Nested(AgingSchema, dump_only=True)
    oldest_due_on = fields.Date(dump_only=True, allow_none=True)
    days_late = fields.Integer(dump_only=True)


class StatementQuery(DateWindow):
    pass


class StatementPdfQuery(Schema):
    period = fields.String(validate=PERIOD, metadata={"example": "2026-03",
                                                      "description": "default: this month"})


class StatementLineSchema(ResponseSchema):
    entry = fields.Nested(EntrySchema, dump_only=True)
    signed_amount = money_out()
    running_balance = money_out()


class StatementSchema(ResponseSchema):
    unit_id = fields.Function(lambda s: s.unit.id, dump_only=True,
                              metadata={"type": "integer"})
    unit_code = fields.Function(lambda s: s.unit.code, dump_only=True,
                                metadata={"type": "string"})
    opening_balance = money_out()
    closing_balance = money_out()
    lines = fields.List(fields.Nested(StatementLineSchema), dump_only=True)


class DelinquencyQuery(Schema):
    min_days = fields.Integer(load_default=1, validate=validate.Range(0, 3650))


class DelinquencyExportQuery(DelinquencyQuery):
    format = fields.String(load_default="csv", validate=validate.OneOf(["csv", "xlsx", "pdf"]))


class ReportQuery(DateWindow):
    since = fields.Date(required=True)
    until = fields.Date(required=True)


class ReportExportQuery(ReportQuery):
    format = fields.String(load_default="csv", validate=validate.OneOf(["csv", "xlsx"]))


class ReportRowSchema(ResponseSchema):
    month = fields.String()
    direction = fields.String()
    category = fields.String()
    amount = money_out()


class MonthTotalSchema(ResponseSchema):
    month = fields.String()
    income = money_out()
    expense = money_out()
    net = money_out()


class IncomeExpenseSchema(ResponseSchema):
    rows = fields.List(fields.Nested(ReportRowSchema))
    months = fields.List(fields.Nested(MonthTotalSchema))
