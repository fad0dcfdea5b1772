"""PDF receipts and monthly statements, read back with pypdf."""
from __future__ import annotations

import io

from pypdf import PdfReader

from tests.api.finance.test_finance import configure
from tests.api.test_bad_input import assert_error_shape


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_receipt_shows_allocation_balance_and_code(client, world, login):
    admin = login("admin@a.test")
    configure(client, admin)
    unit = world.ids["unit1"]
    for period in ("2026-02", "2026-03"):
        client.post("/api/v1/finance/billing-runs", json={"period": period}, headers=admin)
    pay = client.post("/api/v1/payments", json={"unit_id": unit, "method": "transfer",
                                                "amount": "70000", "reference": "OP-778",
                                                "paid_on": "2026-03-12"}, headers=admin).json
    ana = login("ana@a.test")
    res = client.get(f"/api/v1/payments/{pay['id']}/receipt.pdf", headers=ana)
    assert res.status_code == 200 and res.headers["Content-Type"] == "application/pdf"
    text = pdf_text(res.data)
    for expected in ("Condominio A", "A-101", "12/03/2026", "Transferencia", "OP-778",
                     "$ 70.000", "2026-02", "$ 50.000", "2026-03", "$ 20.000",
                     "$ 30.000", pay["receipt_code"]):
        assert expected in text, (expected, text)
    # Another unit's resident cannot download it; the admin can.
    bruno = login("bruno@a.test")
    assert client.get(f"/api/v1/payments/{pay['id']}/receipt.pdf",
                      headers=bruno).status_code == 404
    assert client.get(f"/api/v1/payments/{pay['id']}/receipt.pdf",
                      headers=admin).status_code == 200
    # The code on the receipt leads back to the payment (managers check receipts).
    checked = client.get(f"/api/v1/finance/receipts/{pay['receipt_code'].lower()}",
                         headers=admin)
    assert checked.json["id"] == pay["id"] and checked.json["amount"] == "70000.00"
    assert_error_shape(client.get("/api/v1/finance/receipts/NOPE", headers=admin), 404)
    assert client.get(f"/api/v1/finance/receipts/{pay['receipt_code']}",
                      headers=ana).status_code == 403
    client.post(f"/api/v1/payments/{pay['id']}/reversal", json={"reason": "error"},
                headers=admin)
    reversed_text = pdf_text(client.get(f"/api/v1/payments/{pay['id']}/receipt.pdf",
                                        headers=ana).data)
    assert "ANULADO" in reversed_text


def test_monthly_statement_pdf(client, world, login):
    admin = login("admin@a.test")
    configure(client, admin)
    unit = world.ids["unit1"]
    for period in ("2026-02", "2026-03"):
        client.post("/api/v1/finance/billing-runs", json={"period": period}, headers=admin)
    client.post("/api/v1/payments", json={"unit_id": unit, "method": "cash",
                                          "amount": "50000", "paid_on": "2026-03-05"},
                headers=admin)
    res = client.get(f"/api/v1/accounts/{unit}/statement.pdf?period=2026-03",
                     headers=login("ana@a.test"))
    assert res.status_code == 200
    text = pdf_text(res.data)
    for expected in ("Estado de cuenta 2026-03", "A-101", "Saldo anterior", "$ 50.000",
                     "Gastos comunes 2026-03", "Pago: Efectivo", "-$ 50.000", "Saldo al cierre",
                     "10/03/2026"):
        assert expected in text, (expected, text)
    assert_error_shape(client.get(f"/api/v1/accounts/{unit}/statement.pdf?period=March",
                                  headers=admin), 422)
    assert client.get(f"/api/v1/accounts/{world.ids['unit2']}/statement.pdf?period=2026-03",
                      headers=login("ana@a.test")).status_code == 404


def test_receipt_follows_a_reversed_charge(client, world, login):
    admin = login("admin@a.test")
    configure(client, admin)
    unit = world.ids["unit1"]
    fine = client.post("/api/v1/charges", json={"unit_id": unit, "kind": "fine",
                                                "amount": "30000", "description": "Ruidos"},
                       headers=admin).json
    pay = client.post("/api/v1/payments", json={"unit_id": unit, "method": "cash",
                                                "amount": "30000"}, headers=admin).json
    assert "Ruidos" in pdf_text(client.get(f"/api/v1/payments/{pay['id']}/receipt.pdf",
                                           headers=admin).data)
    client.post(f"/api/v1/charges/{fine['id']}/reversal", json={"reason": "error"},
                headers=admin)
    text = pdf_text(client.get(f"/api/v1/payments/{pay['id']}/receipt.pdf", headers=admin).data)
    assert "Ruidos" not in text and "Saldo a favor $ 30.000" in text
