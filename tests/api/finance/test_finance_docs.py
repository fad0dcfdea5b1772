"""Transfer proofs (upload, review), expenses with invoices, and the income-vs-expense
report with its CSV export."""
from __future__ import annotations

import csv
import io

from tests.api.finance.test_finance import configure
from tests.api.test_bad_input import assert_error_shape

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def upload_proof(client, headers, unit_id, data=PDF, amount="50000", paid_on="2026-03-05"):
    return client.post("/api/v1/transfer-proofs", headers=headers,
                       content_type="multipart/form-data",
                       data={"unit_id": str(unit_id), "amount": amount, "paid_on": paid_on,
                             "reference": "TRX-1", "file": (io.BytesIO(data), "proof.pdf")})


def test_resident_reports_transfer_and_admin_approves(client, admin, world, login):
    configure(client, admin)
    client.post("/api/v1/finance/billing-runs", json={"period": "2026-03"}, headers=admin)
    ana = login("ana@a.test")
    proof = upload_proof(client, ana, world.ids["unit1"])
    assert proof.status_code == 201, proof.json
    assert proof.json["status"] == "pending" and proof.json["proof_type"] == "application/pdf"
    proof_id = proof.json["id"]
    # Pending transfers are not money yet.
    assert client.get("/api/v1/accounts", headers=ana).json[0]["balance"] == "50000.00"
    file = client.get(f"/api/v1/transfer-proofs/{proof_id}/file", headers=admin)
    assert file.data == PDF and file.headers["Content-Type"] == "application/pdf"
    approved = client.post(f"/api/v1/transfer-proofs/{proof_id}/approve", json={},
                           headers=admin)
    assert approved.status_code == 200 and approved.json["payment_id"]
    assert_error_shape(client.post(f"/api/v1/transfer-proofs/{proof_id}/approve", json={},
                                   headers=admin), 409)
    assert client.get("/api/v1/accounts", headers=ana).json[0]["balance"] == "0.00"
    payments = client.get("/api/v1/payments", headers=ana).json
    assert [(p["kind"], p["reference"]) for p in payments] == [("transfer", "TRX-1")]


def test_rejection_needs_a_reason_and_books_nothing(client, admin, world, login):
    configure(client, admin)
    proof = upload_proof(client, login("ana@a.test"), world.ids["unit1"], data=PNG)
    assert proof.json["proof_type"] == "image/png"
    url = f"/api/v1/transfer-proofs/{proof.json['id']}/reject"
    assert_error_shape(client.post(url, json={}, headers=admin), 422)
    rejected = client.post(url, json={"note": "no llegó el dinero"}, headers=admin)
    assert rejected.json["status"] == "rejected" and rejected.json["payment_id"] is None
    assert client.get("/api/v1/payments", headers=admin).json == []


def test_proof_uploads_are_checked(client, admin, world, login):
    configure(client, admin)
    ana = login("ana@a.test")
    assert_error_shape(upload_proof(client, ana, world.ids["unit1"], data=b"MZ\x90\x00exe"),
                       422)
    assert_error_shape(upload_proof(client, ana, world.ids["unit1"], data=b""), 422)
    assert_error_shape(upload_proof(client, ana, world.ids["unit1"], amount="12.5"), 422)
    assert_error_shape(upload_proof(client, ana, world.ids["unit1"], paid_on="2999-01-01"), 422)
    assert_error_shape(upload_proof(client, ana, world.ids["unit2"]), 404)
    no_file = client.post("/api/v1/transfer-proofs", headers=ana,
                          content_type="multipart/form-data",
                          data={"unit_id": str(world.ids["unit1"]), "amount": "1",
                                "paid_on": "2026-01-01"})
    assert_error_shape(no_file, 422)
    assert "file" in no_file.json["errors"]["files"]
    # Residents cannot approve, even their own transfer; others' proofs are not found.
    own = upload_proof(client, ana, world.ids["unit1"]).json["id"]
    assert client.post(f"/api/v1/transfer-proofs/{own}/approve", json={},
                       headers=ana).status_code == 403
    bruno = login("bruno@a.test")
    assert client.get(f"/api/v1/transfer-proofs/{own}/file", headers=bruno).status_code == 404


def test_expenses_invoices_and_income_expense_report(client, admin, world):
    configure(client, admin)
    client.post("/api/v1/finance/billing-runs", json={"period": "2026-03"}, headers=admin)
    client.post("/api/v1/payments", json={"unit_id": world.ids["unit1"], "method": "cash",
                                          "amount": "60000", "paid_on": "2026-03-08"},
                headers=admin)
    expense = client.post("/api/v1/expenses", json={
        "supplier": "Ascensores Sur", "category": "Mantención", "amount": "35000",
        "spent_on": "2026-03-15"}, headers=admin)
    assert expense.status_code == 201 and expense.json["has_invoice"] is False
    url = f"/api/v1/expenses/{expense.json['id']}/invoice"
    assert client.get(url, headers=admin).status_code == 404
    put = client.put(url, headers=admin, content_type="multipart/form-data",
                     data={"file": (io.BytesIO(PDF), "factura.pdf")})
    assert put.status_code == 200 and put.json["has_invoice"] is True
    assert client.get(url, headers=admin).data == PDF
    assert_error_shape(client.post("/api/v1/expenses", json={
        "supplier": "X", "category": "y", "amount": "1.5", "spent_on": "2026-03-15"},
        headers=admin), 422)

    query = "since=2026-03-01&until=2026-03-31"
    report = client.get(f"/api/v1/finance/income-expense?{query}", headers=admin).json
    assert {(r["direction"], r["category"], r["amount"]) for r in report["rows"]} == {
        ("income", "dues", "50000.00"), ("income", "advance", "10000.00"),
        ("expense", "mantención", "35000.00")}
    assert report["months"] == [{"month": "2026-03", "income": "60000.00",
                                 "expense": "35000.00", "net": "25000.00"}]
    exported = client.get(f"/api/v1/finance/income-expense.csv?{query}", headers=admin)
    assert exported.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(exported.data.decode())))
    assert len(rows) == 3 and rows[0].keys() == {"month", "direction", "category", "amount"}
    assert_error_shape(client.get("/api/v1/finance/income-expense?since=x", headers=admin),
                       422)
    backwards = client.get("/api/v1/finance/income-expense?since=2026-04-01&until=2026-03-01",
                           headers=admin)
    assert_error_shape(backwards, 422)
    assert "since" in backwards.json["errors"]["query"]
