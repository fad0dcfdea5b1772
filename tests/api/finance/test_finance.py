"""Finance API: settings, billing runs, charges, payments, reversals, balances, statements,
delinquency; residents only ever see their own units."""
from __future__ import annotations

import json

import pytest

from tests.api.test_bad_input import assert_error_shape


def configure(client, admin, **extra):
    body = {"dues_amount": "50000", "billing_day": 1, "due_day": 10, **extra}
    res = client.patch("/api/v1/finance/settings", json=body, headers=admin)
    assert res.status_code == 200, res.json
    return res.json


def test_settings_defaults_then_saved(client, admin, login):
    res = client.get("/api/v1/finance/settings", headers=admin)
    assert res.status_code == 200 and res.json["currency"] == "CLP"
    assert res.json["reminder_offsets"] == [-5, -1, 1, 7, 15]
    saved = configure(client, admin, interest_kind="compound", interest_rate="1.2")
    assert saved["dues_amount"] == "50000.00" and saved["interest_kind"] == "compound"
    assert client.get("/api/v1/finance/settings",
                      headers=login("ana@a.test")).status_code == 403
    assert client.patch("/api/v1/finance/settings", json={"due_day": 5},
                        headers=login("manager@a.test")).status_code == 403
    # The currency may change until money is booked in it.
    assert configure(client, admin, currency="BRL", dues_amount="450.50")["currency"] == "BRL"
    client.post("/api/v1/finance/billing-runs", json={"period": "2026-03"}, headers=admin)
    moved = client.patch("/api/v1/finance/settings", json={"currency": "CLP",
                                                           "dues_amount": "1000"}, headers=admin)
    assert_error_shape(moved, 409)
    assert "currency" in moved.json["errors"]["json"]


@pytest.mark.parametrize("body", [
    {"dues_amount": "10.5"},            # CLP has no decimals
    {"dues_amount": "-1"},
    {"billing_day": 0}, {"due_day": 32},
    {"dues_method": "magic"}, {"currency": "EUR"}, {"provider": "paypal"},
    {"reminder_offsets": [1] * 11}, {"interest_rate": "abc"},
])
def test_bad_settings_are_422(client, admin, body):
    assert_error_shape(client.patch("/api/v1/finance/settings", json=body, headers=admin), 422)


def test_billing_run_charges_each_unit_once(client, admin, world):
    configure(client, admin)
    first = client.post("/api/v1/finance/billing-runs", json={"period": "2026-03"},
                        headers=admin)
    assert first.status_code == 200 and first.json["created"] == 2, first.json
    again = client.post("/api/v1/finance/billing-runs", json={"period": "2026-03"},
                        headers=admin)
    assert again.json["created"] == 0 and again.json["skipped"] == 2
    charges = client.get("/api/v1/charges?period=2026-03", headers=admin)
    assert len(charges.json) == 2 and {c["status"] for c in charges.json} == {"open"}
    page = client.get("/api/v1/charges?period=2026-03&page_size=1&page=2", headers=admin)
    assert json.loads(page.headers["X-Pagination"])["total"] == 2
    assert [c["id"] for c in page.json] == [charges.json[1]["id"]]
    assert_error_shape(client.post("/api/v1/finance/billing-runs", json={"period": "2026-3"},
                                   headers=admin), 422)


def test_payment_allocation_reversal_and_statement(client, admin, world):
    configure(client, admin)
    unit = world.ids["unit1"]
    client.post("/api/v1/finance/billing-runs", json={"period": "2026-03"}, headers=admin)
    fine = client.post("/api/v1/charges", json={"unit_id": unit, "kind": "fine",
                                                "amount": "10000", "description": "Ruidos"},
                       headers=admin)
    assert fine.status_code == 201 and fine.json["status"] == "open"
    pay = client.post("/api/v1/payments", json={"unit_id": unit, "method": "cash",
                                                "amount": "55000"}, headers=admin)
    assert pay.status_code == 201, pay.json
    assert pay.json["receipt_code"] and pay.json["status"] == "applied"
    balance = client.get(f"/api/v1/accounts/{unit}", headers=admin).json
    assert balance["balance"] == "5000.00" and balance["open_total"] == "5000.00"
    unpaid = client.get(f"/api/v1/charges?unit_id={unit}&status=unpaid", headers=admin).json
    assert [(c["id"], c["status"], c["open_amount"]) for c in unpaid] == \
        [(fine.json["id"], "partial", "5000.00")]
    # Reversing the payment reopens everything; a second reversal is refused.
    rev = client.post(f"/api/v1/payments/{pay.json['id']}/reversal",
                      json={"reason": "cheque sin fondos"}, headers=admin)
    assert rev.status_code == 201 and rev.json["reverses_id"] == pay.json["id"]
    again = client.post(f"/api/v1/payments/{pay.json['id']}/reversal", json={"reason": "x"},
                        headers=admin)
    assert_error_shape(again, 409)
    assert client.get(f"/api/v1/payments/{pay.json['id']}",
                      headers=admin).json["status"] == "reversed"
    statement = client.get(f"/api/v1/accounts/{unit}/statement", headers=admin).json
    assert [line["signed_amount"] for line in statement["lines"]] == \
        ["50000.00", "10000.00", "-55000.00", "55000.00"]
    assert statement["closing_balance"] == "60000.00"


def test_bad_charges_and_payments_are_4xx(client, admin, world):
    configure(client, admin)
    unit = world.ids["unit1"]
    cases = [
        ("/api/v1/charges", {"unit_id": unit, "kind": "dues", "amount": "1"}, 422),
        ("/api/v1/charges", {"unit_id": unit, "kind": "fine"}, 422),
        ("/api/v1/charges", {"unit_id": unit, "kind": "fine", "amount": "0.5"}, 422),
        ("/api/v1/charges", {"unit_id": world.ids["unit_b"], "kind": "other",
                             "amount": "1"}, 404),
        ("/api/v1/charges", {"unit_id": unit, "kind": "fine", "charge_type_id": 999}, 404),
        ("/api/v1/payments", {"unit_id": unit, "method": "online", "amount": "1"}, 422),
        ("/api/v1/payments", {"unit_id": unit, "method": "cash", "amount": "1e3"}, 201),
        ("/api/v1/payments", {"unit_id": unit, "method": "cash", "amount": "12,5"}, 422),
        ("/api/v1/payments", {"unit_id": unit, "method": "cash", "amount": "1",
                              "paid_on": "2999-01-01"}, 422),
    ]
    for url, body, code in cases:
        res = client.post(url, json=body, headers=admin)
        assert res.status_code == code, (body, res.json)
    assert_error_shape(client.get("/api/v1/charges?status=weird", headers=admin), 422)
    assert_error_shape(client.get("/api/v1/charges/999999", headers=admin), 404)


def test_charge_catalogue_feeds_fines_and_other_charges(client, admin, world, login):
    configure(client, admin)
    fine = client.post("/api/v1/charge-types", json={"name": "Mascota suelta",
                                                     "amount": "15000"}, headers=admin)
    assert fine.status_code == 201 and fine.json["kind"] == "fine"
    key = client.post("/api/v1/charge-types", json={"kind": "other", "name": "Copia de llave",
                                                    "amount": "8000"}, headers=admin).json
    dup = client.post("/api/v1/charge-types", json={"name": "Mascota suelta", "amount": "1"},
                      headers=admin)
    assert_error_shape(dup, 409)
    patched = client.patch(f"/api/v1/charge-types/{key['id']}", json={"amount": "9000"},
                           headers=admin).json
    assert (patched["kind"], patched["amount"]) == ("other", "9000.00")
    assert [c["name"] for c in client.get("/api/v1/charge-types?kind=other",
                                          headers=admin).json] == ["Copia de llave"]
    charge = client.post("/api/v1/charges", json={"unit_id": world.ids["unit2"], "kind": "fine",
                                                  "charge_type_id": fine.json["id"]},
                         headers=admin)
    assert charge.json["amount"] == "15000.00" and charge.json["description"] == "Mascota suelta"
    mismatch = client.post("/api/v1/charges", json={"unit_id": world.ids["unit2"],
                                                    "kind": "fine", "charge_type_id": key["id"]},
                           headers=admin)
    assert_error_shape(mismatch, 422)
    assert "charge_type_id" in mismatch.json["errors"]["json"]
    assert_error_shape(client.post("/api/v1/charge-types", json={
        "kind": "dues", "name": "x", "amount": "1"}, headers=admin), 422)
    assert client.get("/api/v1/charge-types", headers=login("ana@a.test")).status_code == 403


def test_resident_sees_only_own_money(client, admin, world, login):
    configure(client, admin)
    client.post("/api/v1/finance/billing-runs", json={"period": "2026-03"}, headers=admin)
    ana = login("ana@a.test")
    mine = client.get("/api/v1/accounts", headers=ana).json
    assert [row["unit_id"] for row in mine] == [world.ids["unit1"]]
    assert mine[0]["balance"] == "50000.00"
    charges = client.get("/api/v1/charges", headers=ana).json
    assert {c["unit_id"] for c in charges} == {world.ids["unit1"]}
    other = client.get(f"/api/v1/charges?unit_id={world.ids['unit2']}", headers=ana).json
    assert other == []
    assert client.get(f"/api/v1/accounts/{world.ids['unit2']}", headers=ana).status_code == 404
    assert client.post("/api/v1/payments", json={"unit_id": world.ids["unit1"],
                                                 "method": "cash", "amount": "1"},
                       headers=ana).status_code == 403
    assert client.get("/api/v1/finance/delinquency", headers=ana).status_code == 403
    guard = login("guard@a.test")
    for url in ("/api/v1/accounts", "/api/v1/charges", "/api/v1/payments",
                "/api/v1/transfer-proofs", f"/api/v1/accounts/{world.ids['unit1']}"):
        assert client.get(url, headers=guard).status_code == 403, url


def test_delinquency_ranks_by_days_late_with_aging(client, admin, world):
    configure(client, admin)
    for period in ("2025-01", "2025-02"):
        client.post("/api/v1/finance/billing-runs", json={"period": period}, headers=admin)
    client.post("/api/v1/payments", json={"unit_id": world.ids["unit2"], "method": "transfer",
                                          "amount": "50000"}, headers=admin)
    rows = client.get("/api/v1/finance/delinquency", headers=admin).json
    assert [r["unit_id"] for r in rows] == [world.ids["unit1"], world.ids["unit2"]]
    assert rows[0]["aging"]["d90_plus"] == "100000.00" and rows[0]["days_late"] > 300
    assert rows[1]["open_total"] == "50000.00"


def test_dues_by_unit_class(client, admin, world, login):
    configure(client, admin, dues_method="unit_class", dues_by_class={"casa": "80000"})
    put = client.put("/api/v1/finance/unit-classes", json={"unit_id": world.ids["unit1"],
                                                          "fee_class": "casa"}, headers=admin)
    assert put.status_code == 204
    assert client.get("/api/v1/finance/unit-classes", headers=admin).json == \
        [{"unit_id": world.ids["unit1"], "fee_class": "casa"}]
    result = client.post("/api/v1/finance/billing-runs", json={"period": "2026-03"},
                         headers=admin).json
    assert result["created"] == 1 and result["units_without_class"] == ["A-102"]
    assert_error_shape(client.put("/api/v1/finance/unit-classes", json={
        "unit_id": world.ids["unit_b"], "fee_class": "casa"}, headers=admin), 404)
    assert client.get("/api/v1/finance/unit-classes",
                      headers=login("ana@a.test")).status_code == 403


def test_late_charges_run_and_statement_window(client, admin, world, login):
    configure(client, admin, late_fee="5000", interest_kind="compound", interest_rate="2")
    client.post("/api/v1/finance/billing-runs", json={"period": "2025-01"}, headers=admin)
    client.post("/api/v1/payments", json={"unit_id": world.ids["unit2"], "method": "cash",
                                          "amount": "50000", "paid_on": "2025-01-05"},
                headers=admin)
    first = client.post("/api/v1/finance/late-charges", json={"period": "2025-02"},
                        headers=admin).json
    again = client.post("/api/v1/finance/late-charges", json={"period": "2025-02"},
                        headers=admin).json
    assert (first["late_fees"], first["interest_charges"]) == (1, 1)  # unit1 only
    assert (again["late_fees"], again["interest_charges"]) == (0, 0)
    # 2% of the overdue debt as it stood before this run (the new fee is not in the base).
    kinds = {c["kind"]: c["amount"] for c in client.get(
        f"/api/v1/charges?unit_id={world.ids['unit1']}", headers=admin).json}
    assert kinds == {"dues": "50000.00", "late_fee": "5000.00", "interest": "1000.00"}
    assert client.post("/api/v1/finance/late-charges", json={"period": "2025-02"},
                       headers=login("manager@a.test")).status_code == 403
    window = client.get(f"/api/v1/accounts/{world.ids['unit2']}/statement"
                        "?since=2025-01-03&until=2025-01-31", headers=admin).json
    assert window["opening_balance"] == "50000.00" and window["closing_balance"] == "0.00"
    assert [line["entry"]["kind"] for line in window["lines"]] == ["cash"]
