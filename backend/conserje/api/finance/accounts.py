"""Finance administration: settings, billing runs, balances, delinquency, reports and
delinquency-risk models."""
from __future__ import annotations

from flask import make_response
from flask_smorest import Blueprint

from conserje.api.core.context import current_actor
from conserje.api.core.crud import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from conserje.api.core.exports import csv_download, xlsx_download
from conserje.api.finance.ledger import pdf_response
from conserje.extensions import db
from conserje.schemas.core.common import BINARY
from conserje.schemas.core.jobs import JobAccepted
from conserje.schemas.finance.accounts import (
    BalanceSchema,
    BillingRequest,
    BillingResultSchema,
    DelinquencyExportQuery,
    DelinquencyQuery,
    EntrySchema,
    FinanceSettingsSchema,
    FinanceSettingsUpdate,
    IncomeExpenseSchema,
    ReportExportQuery,
    ReportQuery,
    StatementPdfQuery,
    StatementQuery,
    StatementSchema,
    UnitClassRequest,
)
from conserje.schemas.finance.documents import RiskModelSchema, UnitRiskSchema
from conserje.services.finance import (
    accounts,
    billing,
    entries,
    exports,
    prediction,
    receipts,
    reports,
    settings,
)
from conserje.tasks.finance import train_risk_model

blp = Blueprint("finance", __name__, url_prefix="/api/v1/finance",
                description="Finance settings, billing, delinquency and reports")
accounts_blp = Blueprint("accounts", __name__, url_prefix="/api/v1/accounts",
                         description="Unit balances and statements (residents: their own)")
risk_blp = Blueprint("risk-models", __name__, url_prefix="/api/v1/risk-models",
                     description="Delinquency prediction models")


def _today():
    return settings.local_today(db.session, current_actor().condominium_id)


@blp.route("/settings", methods=["GET"])
@blp.response(200, FinanceSettingsSchema)
@blp.doc(summary="The condominium's finance settings (defaults until saved)")
def get_settings():
    return settings.read_settings(db.session, current_actor())


@blp.route("/settings", methods=["PATCH"])
@blp.arguments(FinanceSettingsUpdate)
@blp.response(200, FinanceSettingsSchema)
@blp.doc(summary="Change finance settings (admins; only the fields sent)")
def update_settings(data):
    row = settings.update_settings(db.session, current_actor(), data)
    db.session.commit()
    return row


@blp.route("/unit-classes", methods=["GET"])
@blp.response(200, UnitClassRequest(many=True))
@blp.doc(summary="Every unit's dues class (units without one are left out)")
def list_unit_classes():
    actor = current_actor()
    actor.require_capability("finance.read")
    classes = settings.unit_classes(db.session, actor.condominium_id)
    return [{"unit_id": unit_id, "fee_class": name} for unit_id, name in sorted(classes.items())]


@blp.route("/unit-classes", methods=["PUT"])
@blp.arguments(UnitClassRequest)
@blp.response(204)
@blp.doc(summary="Put a unit in a dues class (null removes it) for per-class dues")
def put_unit_class(data):
    settings.set_unit_class(db.session, current_actor(), data["unit_id"], data["fee_class"])
    db.session.commit()


@blp.route("/billing-runs", methods=["POST"])
@blp.arguments(BillingRequest)
@blp.response(200, BillingResultSchema)
@blp.doc(summary="Bill a period's dues now (admins); units already billed are skipped")
def run_billing(data):
    actor = current_actor()
    actor.require_capability("finance.bill")
    result = billing.bill_period(db.session, actor.condominium_id, data["period"],
                                 actor.user_id)
    db.session.commit()
    return result


@blp.route("/late-charges", methods=["POST"])
@blp.arguments(BillingRequest)
@blp.response(200, BillingResultSchema)
@blp.doc(summary="Apply late fees and the period's interest on overdue debt (admins)")
def run_late_charges(data):
    actor = current_actor()
    actor.require_capability("finance.bill")
    result = billing.apply_late_charges(db.session, actor.condominium_id, data["period"],
                                        _today())
    db.session.commit()
    return result


@blp.route("/delinquency", methods=["GET"])
@blp.arguments(DelinquencyQuery, location="query")
@blp.response(200, BalanceSchema(many=True))
@blp.doc(summary="Units with overdue debt, most days late first, with aging buckets")
def delinquency(query):
    return accounts.delinquency(db.session, current_actor(), _today(), query["min_days"])


@blp.route("/delinquency/export", methods=["GET"])
@blp.arguments(DelinquencyExportQuery, location="query")
@blp.response(200, BINARY, description="CSV, XLSX or PDF of the ranking", content_type="text/csv")
@blp.doc(summary="The delinquency ranking with aging buckets as CSV, XLSX or a PDF report")
def delinquency_export(query):
    actor, today = current_actor(), _today()
    if query["format"] == "pdf":
        return pdf_response(*exports.delinquency_pdf(db.session, actor, today,
                                                     query["min_days"]))
    rows = exports.delinquency_rows(db.session, actor, today, query["min_days"])
    name = f"delinquency-{today}.{query['format']}"
    if query["format"] == "xlsx":
        return xlsx_download(rows, exports.DELINQUENCY_COLUMNS, "delinquency", name)
    return csv_download(rows, exports.DELINQUENCY_COLUMNS, name)


@blp.route("/income-expense", methods=["GET"])
@blp.arguments(ReportQuery, location="query")
@blp.response(200, IncomeExpenseSchema)
@blp.doc(summary="Income (payments by what they paid) vs expenses, by month and category")
def income_expense(query):
    rows, months = reports.income_expense(db.session, current_actor(), query["since"],
                                          query["until"])
    return {"rows": rows, "months": months}


@blp.route("/income-expense.csv", methods=["GET"])
@blp.arguments(ReportQuery, location="query")
@blp.response(200, BINARY, description="CSV: month, direction, category, amount",
              content_type="text/csv")
@blp.doc(summary="The income-vs-expense report as CSV")
def income_expense_csv(query):
    rows, _ = reports.income_expense(db.session, current_actor(), query["since"],
                                     query["until"])
    response = make_response(reports.to_csv(rows))
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    response.headers["Content-Disposition"] = \
        f'attachment; filename="income-expense-{query["since"]}-{query["until"]}.csv"'
    return response


@blp.route("/income-expense/export", methods=["GET"])
@blp.arguments(ReportExportQuery, location="query")
@blp.response(200, BINARY, description="CSV or XLSX: month, direction, category, amount",
              content_type="text/csv")
@blp.doc(summary="The income-vs-expense report as CSV or XLSX")
def income_expense_export(query):
    rows = exports.income_expense_rows(db.session, current_actor(), query["since"],
                                       query["until"])
    name = f"income-expense-{query['since']}-{query['until']}.{query['format']}"
    if query["format"] == "xlsx":
        return xlsx_download(rows, exports.INCOME_EXPENSE_COLUMNS, "income-expense", name)
    return csv_download(rows, exports.INCOME_EXPENSE_COLUMNS, name)


@accounts_blp.route("", methods=["GET"])
@accounts_blp.response(200, BalanceSchema(many=True))
@accounts_blp.paginate(page_size=DEFAULT_PAGE_SIZE, max_page_size=MAX_PAGE_SIZE)
@accounts_blp.doc(summary="Balances with aging: every unit (managers) or your own units")
def list_balances(pagination_parameters):
    rows = accounts.balances(db.session, current_actor(), _today())
    pagination_parameters.item_count = len(rows)
    start = pagination_parameters.first_item
    return rows[start:start + pagination_parameters.page_size]


@blp.route("/receipts/<code>", methods=["GET"])
@blp.response(200, EntrySchema)
@blp.alt_response(404, response="DEFAULT_ERROR", description="Unknown code")
@blp.doc(summary="Check a receipt: the payment its verification code belongs to")
def verify_receipt(code):
    return entries.find_by_receipt(db.session, current_actor(), code)


@accounts_blp.route("/<int:unit_id>", methods=["GET"])
@accounts_blp.response(200, BalanceSchema)
@accounts_blp.alt_response(404, response="DEFAULT_ERROR", description="Not your unit")
@accounts_blp.doc(summary="A unit's balance and aging")
def unit_balance(unit_id):
    return accounts.unit_balance(db.session, current_actor(), unit_id, _today())


@accounts_blp.route("/<int:unit_id>/statement", methods=["GET"])
@accounts_blp.arguments(StatementQuery, location="query")
@accounts_blp.response(200, StatementSchema)
@accounts_blp.doc(summary="A unit's entries with running balance between two dates")
def unit_statement(query, unit_id):
    return accounts.statement(db.session, current_actor(), unit_id, query.get("since"),
                              query.get("until"))


@accounts_blp.route("/<int:unit_id>/statement.pdf", methods=["GET"])
@accounts_blp.arguments(StatementPdfQuery, location="query")
@accounts_blp.response(200, BINARY, description="The month's statement",
                       content_type="application/pdf")
@accounts_blp.doc(summary="A unit's monthly statement as PDF")
def unit_statement_pdf(query, unit_id):
    period = query.get("period") or _today().strftime("%Y-%m")
    data, name = receipts.monthly_statement(db.session, current_actor(), unit_id, period)
    return pdf_response(data, name)


@risk_blp.route("", methods=["GET"])
@risk_blp.response(200, RiskModelSchema(many=True))
@risk_blp.doc(summary="Trained models with their validation metrics, newest first")
def list_models():
    return prediction.list_models(db.session, current_actor())


@risk_blp.route("", methods=["POST"])
@risk_blp.response(202, JobAccepted)
@risk_blp.doc(summary="Train and validate a new model on the payment history (a job)")
def train():
    actor = current_actor()
    actor.require_capability("finance.risk_models")
    run = train_risk_model.enqueue_tracked(db.session, actor)
    db.session.commit()
    return {"job_id": run.rq_id}


@blp.route("/risk", methods=["GET"])
@blp.response(200, UnitRiskSchema(many=True))
@blp.doc(summary="Units by risk of paying their next dues late, with reasons")
def risk_ranking():
    return prediction.scores(db.session, current_actor(), _today())


@accounts_blp.route("/<int:unit_id>/risk", methods=["GET"])
@accounts_blp.response(200, UnitRiskSchema)
@accounts_blp.doc(summary="One unit's delinquency risk and its top reasons (managers)")
def unit_risk(unit_id):
    return prediction.scores(db.session, current_actor(), _today(), unit_id)[0]
