"""Finance downloads: charges, payments, the delinquency ranking (CSV, XLSX, PDF) and the
income-vs-expense report (XLSX), read back the way a spreadsheet or a viewer would."""
from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from tests.api.finance.test_finance import configure
from tests.api.finance.test_receipts import pdf_text
from tests.api.test_bad_input import assert_error_shape

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def ledger(client, world, login):
    """Two overdue dues per unit (2025-01, 2025-02), a fine for A-101 and a transfer
    paying one month of A-102."""
    admin = login("admin@a.test")
    configure(client, admin)
    for period in ("2025-01", "2025-02"):
        client.post("/api/v1/finance/billing-runs", json={"period": period}, headers=admin)
    fine = client.post("/api/v1/charges", json={
        "unit_id": world.ids["unit1"], "kind": "fine", "amount": "15000",
        "description": "=HYPERLINK(\"x\") ruido"}, headers=admin)
    assert fine.status_code == 201, fine.json
    world.ids["fine"] = fine.json["id"]
    client.post("/api/v1/payments", json={"unit_id": world.ids["unit2"], "method": "transfer",
                                          "amount": "50000", "paid_on": "2026-01-10"},
                headers=admin)
    return admin


def csv_rows(res) -> list[dict]:
    assert res.status_code == 200, res.data[:300]
    assert res.headers["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(res.data.decode("utf-8"))))


def xlsx_rows(res) -> list[list]:
    assert res.status_code == 200, res.data[:300]
    assert res.headers["Content-Type"] == XLSX
    sheet = load_workbook(io.BytesIO(res.data)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_charges_export_applies_the_list_filters(client, world, ledger):
    res = client.get(f"/api/v1/charges/export?unit_id={world.ids['unit1']}&kind=fine",
                     headers=ledger)
    assert 'filename="charges.csv"' in res.headers["Content-Disposition"]
    rows = csv_rows(res)
    assert [(r["unit_code"], r["kind"], r["amount"], r["status"]) for r in rows] == \
        [("A-101", "fine", "15000.00", "open")]
    assert rows[0]["description"].startswith("'=HYPERLINK")  # stays text in a spreadsheet
    # The same filters as the JSON list, status included (derived from the ledger).
    unpaid = csv_rows(client.get("/api/v1/charges/export?status=unpaid", headers=ledger))
    listed = client.get("/api/v1/charges?status=unpaid&page_size=100", headers=ledger).json
    assert [int(r["id"]) for r in unpaid] == [r["id"] for r in listed]
    assert len(unpaid) == 4  # 2 dues + fine for A-101, A-102's February dues
    paid = csv_rows(client.get("/api/v1/charges/export?status=paid&period=2025-01",
                               headers=ledger))
    assert [(r["unit_code"], r["period"]) for r in paid] == [("A-102", "2025-01")]


def test_charges_and_payments_export_as_xlsx(client, world, ledger):
    res = client.get("/api/v1/charges/export?format=xlsx&since=2020-01-01", headers=ledger)
    assert 'filename="charges.xlsx"' in res.headers["Content-Disposition"]
    rows = xlsx_rows(res)
    assert rows[0][:4] == ["id", "unit_code", "booked_on", "due_on"]
    assert len(rows) == 1 + 5
    payments = xlsx_rows(client.get("/api/v1/payments/export?format=xlsx", headers=ledger))
    header = payments[0]
    assert len(payments) == 2
    record = dict(zip(header, payments[1]))
    assert record["unit_code"] == "A-102" and record["kind"] == "transfer"
    assert record["amount"] == "50000.00" and record["status"] == "applied"
    assert record["receipt_code"]


def test_delinquency_export_has_aging_buckets(client, world, ledger):
    rows = csv_rows(client.get("/api/v1/finance/delinquency/export", headers=ledger))
    assert [(r["rank"], r["unit_code"]) for r in rows] == [("1", "A-101"), ("2", "A-102")]
    assert rows[0]["d90_plus"] == "100000.00" and rows[0]["open_total"] == "115000.00"
    assert int(rows[0]["days_late"]) > 300 and rows[1]["open_total"] == "50000.00"
    sheet = xlsx_rows(client.get("/api/v1/finance/delinquency/export?format=xlsx&min_days=1",
                                 headers=ledger))
    assert sheet[0] == ["rank", "unit_code", "days_late", "oldest_due_on", "open_total",
                        "credit", "balance", "current", "d1_30", "d31_60", "d61_90",
                        "d90_plus"]
    assert [row[1] for row in sheet[1:]] == ["A-101", "A-102"]
    # Nobody is 100 years late: an empty ranking is still a file with its header.
    assert csv_rows(client.get("/api/v1/finance/delinquency/export?min_days=3650",
                               headers=ledger)) == []


def test_delinquency_report_pdf(client, world, ledger):
    res = client.get("/api/v1/finance/delinquency/export?format=pdf", headers=ledger)
    assert res.status_code == 200 and res.headers["Content-Type"] == "application/pdf"
    assert "morosidad-" in res.headers["Content-Disposition"]
    text = pdf_text(res.data)
    for expected in ("Informe de morosidad", "Unidades con deuda vencida", "1. Unidad A-101",
                     "2. Unidad A-102", "$ 115.000", "+90: $ 100.000", "Deuda vencida total",
                     "$ 165.000"):
        assert expected in text, (expected, text)


def test_income_expense_export_as_xlsx(client, world, ledger):
    client.post("/api/v1/expenses", json={"supplier": "Gasfiter", "category": "reparaciones",
                                          "amount": "9000", "spent_on": "2026-01-05"},
                headers=ledger)
    res = client.get("/api/v1/finance/income-expense/export?format=xlsx&since=2026-01-01"
                     "&until=2026-01-31", headers=ledger)
    assert "income-expense-2026-01-01-2026-01-31.xlsx" in res.headers["Content-Disposition"]
    rows = xlsx_rows(res)
    assert rows[0] == ["month", "direction", "category", "amount"]
    assert sorted(rows[1:]) == [["2026-01", "expense", "reparaciones", "9000.00"],
                                ["2026-01", "income", "dues", "50000.00"]]


@pytest.mark.parametrize("url", [
    "/api/v1/charges/export", "/api/v1/payments/export?format=xlsx",
    "/api/v1/finance/delinquency/export", "/api/v1/finance/delinquency/export?format=pdf",
    "/api/v1/finance/income-expense/export?since=2026-01-01&until=2026-01-31",
])
@pytest.mark.parametrize("email", ["ana@a.test", "guard@a.test", "staff@a.test"])
def test_exports_are_for_managers_only(client, world, ledger, login, url, email):
    res = client.get(url, headers=login(email))
    assert_error_shape(res, 403)
    assert client.get(url, headers=login("manager@a.test")).status_code == 200


@pytest.mark.parametrize("url", [
    "/api/v1/charges/export?format=pdf", "/api/v1/charges/export?status=late",
    "/api/v1/charges/export?since=2026-02-01&until=2026-01-01",
    "/api/v1/charges/export?unit_id=abc", "/api/v1/payments/export?period=March",
    "/api/v1/finance/delinquency/export?format=docx",
    "/api/v1/finance/delinquency/export?min_days=-1",
    "/api/v1/finance/income-expense/export?format=xlsx&since=2026-01-01",
    "/api/v1/finance/income-expense/export?format=pdf&since=2026-01-01&until=2026-01-31",
])
def test_bad_export_filters_are_422(client, world, ledger, url):
    assert_error_shape(client.get(url, headers=ledger), 422)


def test_another_units_id_in_a_filter_exports_nothing_of_another_condominium(
        client, world, ledger, login):
    other_admin = login("admin@b.test")
    res = client.get(f"/api/v1/charges/export?unit_id={world.ids['unit1']}",
                     headers=other_admin)
    assert csv_rows(res) == []
