"""Online payments through Mercado Pago and Stripe. Only the providers' HTTP APIs are
mocked (``responses``, with bodies shaped like the real ones); signatures are computed and
checked for real, and webhooks go through the real app and database."""
from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time

import pytest
import responses
from sqlalchemy import func, select

from conserje.extensions import db
from conserje.models import LedgerEntry, ProviderEvent
from tests.api.finance.test_finance import configure
from tests.api.test_bad_input import assert_error_shape

MP_SECRET, STRIPE_SECRET = "mp-webhook-secret", "whsec_test_secret"
MP_PREFERENCE = {
    "additional_info": "", "auto_return": "approved", "client_id": "6295877106812064",
    "collector_id": 202809963, "date_created": "2026-03-02T10:11:12.000-04:00",
    "id": "202809963-920c288b-4ebb-40be-966f-700250fa5370",
    "init_point": "https://www.mercadopago.cl/checkout/v1/redirect?pref_id=202809963-920c288b",
    "sandbox_init_point": "https://sandbox.mercadopago.cl/checkout/v1/redirect?pref_id=2028",
    "items": [{"id": "x", "title": "Pago gastos comunes", "quantity": 1, "unit_price": 50000,
               "currency_id": "CLP"}], "operation_type": "regular_payment",
}


def mp_payment(reference: str, status="approved", amount=50000, currency="CLP") -> dict:
    return {"id": 1318392212, "date_created": "2026-03-02T10:15:00.000-04:00",
            "date_approved": "2026-03-02T10:15:02.000-04:00", "status": status,
            "status_detail": "accredited", "currency_id": currency,
            "transaction_amount": amount, "external_reference": reference,
            "payment_method_id": "visa", "payment_type_id": "credit_card",
            "transaction_details": {"net_received_amount": 47620, "total_paid_amount": amount}}


def stripe_event(reference: str, amount=50000, event_id="evt_1PxYz2LkdIwHu7ix") -> bytes:
    return json.dumps({
        "id": event_id, "object": "event", "api_version": "2024-06-20",
        "created": int(time.time()), "type": "checkout.session.completed", "livemode": False,
        "data": {"object": {
            "id": "cs_test_a1b2c3", "object": "checkout.session", "amount_total": amount,
            "currency": "clp", "client_reference_id": reference, "mode": "payment",
            "payment_intent": "pi_3PxYz2LkdIwHu7ix0abc", "payment_status": "paid",
            "status": "complete", "metadata": {"checkout": reference}}},
    }).encode()


def stripe_signature(body: bytes, secret=STRIPE_SECRET, at: int | None = None) -> str:
    at = at or int(time.time())
    digest = hmac.new(secret.encode(), f"{at}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={at},v1={digest}"


def mp_headers(data_id: str, request_id="bb56a2f1-6aae-46ac-982e-9dcd3581d08e",
               secret=MP_SECRET) -> dict:
    ts = str(int(time.time()))
    manifest = f"id:{data_id};request-id:{request_id};ts:{ts};"
    digest = hmac.new(secret.encode(), manifest.encode(), hashlib.sha256).hexdigest()
    return {"x-signature": f"ts={ts},v1={digest}", "x-request-id": request_id}


@pytest.fixture
def providers(app, monkeypatch):
    for key, value in {"MERCADOPAGO_ACCESS_TOKEN": "APP_USR-123", "STRIPE_SECRET_KEY":
                       "sk_test_123", "MERCADOPAGO_WEBHOOK_SECRET": MP_SECRET,
                       "STRIPE_WEBHOOK_SECRET": STRIPE_SECRET,
                       "PUBLIC_URL": "https://condo.example"}.items():
        monkeypatch.setitem(app.config, key, value)


@pytest.fixture
def billed(client, world, login, providers):
    admin = login("admin@a.test")
    configure(client, admin, bank_details="Banco Estado, cta. 123")
    client.post("/api/v1/finance/billing-runs", json={"period": "2026-03"}, headers=admin)
    return admin


def start(client, login, world, provider, admin):
    client.patch("/api/v1/finance/settings", json={"provider": provider}, headers=admin)
    return client.post("/api/v1/checkouts", json={"unit_id": world.ids["unit1"]},
                       headers=login("ana@a.test"))


def balance(client, admin, world) -> str:
    return client.get(f"/api/v1/accounts/{world.ids['unit1']}", headers=admin).json["balance"]


def test_without_provider_residents_get_bank_transfer_details(client, world, login, billed):
    ana = login("ana@a.test")
    options = client.get(f"/api/v1/accounts/{world.ids['unit1']}/payment-options", headers=ana)
    assert options.json == {"unit_id": world.ids["unit1"], "amount_due": "50000.00",
                            "currency": "CLP", "provider": None,
                            "bank_details": "Banco Estado, cta. 123"}
    res = client.post("/api/v1/checkouts", json={"unit_id": world.ids["unit1"]}, headers=ana)
    assert_error_shape(res, 409)
    assert "Banco Estado" in json.dumps(res.json["errors"])


@responses.activate
def test_mercadopago_checkout_and_signed_webhook_pay_once(client, world, login, billed):
    pref = responses.post("https://api.mercadopago.com/checkout/preferences",
                          json=MP_PREFERENCE, status=201)
    checkout = start(client, login, world, "mercadopago", billed)
    assert checkout.status_code == 201, checkout.json
    assert checkout.json["redirect_url"] == MP_PREFERENCE["init_point"]
    sent = json.loads(pref.calls[0].request.body)
    reference = checkout.json["public_id"]
    assert sent["external_reference"] == reference and sent["items"][0]["unit_price"] == 50000
    assert sent["notification_url"] == "https://condo.example/api/v1/webhooks/mercadopago"
    assert sent["back_urls"]["success"] == "https://condo.example/my-finance?checkout=done"
    assert pref.calls[0].request.headers["Authorization"] == "Bearer APP_USR-123"

    responses.get("https://api.mercadopago.com/v1/payments/1318392212",
                  json=mp_payment(reference))
    body = json.dumps({"action": "payment.updated", "api_version": "v1", "type": "payment",
                       "data": {"id": "1318392212"}, "id": 118921734223,
                       "live_mode": False, "user_id": "202809963"})
    url = "/api/v1/webhooks/mercadopago?data.id=1318392212&type=payment"
    for expected in ("booked", "duplicate"):
        res = client.post(url, data=body, headers=mp_headers("1318392212"),
                          content_type="application/json")
        assert res.status_code == 200 and res.json["status"] == expected, res.json
    # A different event about the same payment (payment.created) still books nothing new.
    other = body.replace("118921734223", "118921734224")
    res = client.post(url, data=other, headers=mp_headers("1318392212"),
                      content_type="application/json")
    assert res.json["status"] == "duplicate"
    assert balance(client, billed, world) == "0.00"
    payments = client.get("/api/v1/payments", headers=login("ana@a.test")).json
    assert [(p["kind"], p["reference"]) for p in payments] == [("online", "1318392212")]


@responses.activate
def test_mercadopago_refuses_unsigned_and_missigned_deliveries(client, world, login, billed):
    url = "/api/v1/webhooks/mercadopago?data.id=1318392212&type=payment"
    body = json.dumps({"type": "payment", "data": {"id": "1318392212"}, "id": 1})
    bad = [{}, mp_headers("1318392212", secret="wrong"), mp_headers("999"),
           {**mp_headers("1318392212"), "x-request-id": "another-request"},
           {"x-signature": "ts=1,v1=abc", "x-request-id": "x"}]
    for headers in bad:
        assert_error_shape(client.post(url, data=body, headers=headers,
                                       content_type="application/json"), 401)
    assert not responses.calls  # nothing was fetched for an unverified delivery
    assert balance(client, billed, world) == "50000.00"


@responses.activate
def test_provider_failure_is_a_502(client, world, login, billed):
    responses.post("https://api.stripe.com/v1/checkout/sessions",
                   json={"error": {"type": "api_error"}}, status=500)
    assert_error_shape(start(client, login, world, "stripe", billed), 502)


@responses.activate
def test_stripe_checkout_session_and_webhook(client, world, login, billed):
    created = responses.post("https://api.stripe.com/v1/checkout/sessions", json={
        "id": "cs_test_a1b2c3", "object": "checkout.session", "amount_total": 50000,
        "currency": "clp", "mode": "payment", "payment_status": "unpaid", "status": "open",
        "url": "https://checkout.stripe.com/c/pay/cs_test_a1b2c3#fidkdWxOYHw"})
    checkout = start(client, login, world, "stripe", billed)
    assert checkout.status_code == 201
    assert checkout.json["redirect_url"].startswith("https://checkout.stripe.com/c/pay/")
    form = dict(p.split("=", 1) for p in created.calls[0].request.body.split("&"))
    # CLP is zero-decimal: 50.000 pesos travel as 50000.
    assert form["line_items%5B0%5D%5Bprice_data%5D%5Bunit_amount%5D"] == "50000"
    assert form["line_items%5B0%5D%5Bprice_data%5D%5Bcurrency%5D"] == "clp"

    body = stripe_event(checkout.json["public_id"], amount=20000)
    for signature in ("", "t=123,v1=abc", stripe_signature(body, secret="whsec_other"),
                      stripe_signature(body, at=int(time.time()) - 3600)):
        assert_error_shape(client.post("/api/v1/webhooks/stripe", data=body,
                                       headers={"Stripe-Signature": signature},
                                       content_type="application/json"), 401)
    tampered = body.replace(b"20000", b"90000")
    assert_error_shape(client.post("/api/v1/webhooks/stripe", data=tampered,
                                   headers={"Stripe-Signature": stripe_signature(body)},
                                   content_type="application/json"), 401)
    ok = client.post("/api/v1/webhooks/stripe", data=body,
                     headers={"Stripe-Signature": stripe_signature(body)},
                     content_type="application/json")
    assert ok.status_code == 200 and ok.json["status"] == "booked"
    assert balance(client, billed, world) == "30000.00"  # a partial payment


def test_twenty_concurrent_deliveries_book_one_payment(app, client, world, login, billed,
                                                        database_url):
    if not database_url.startswith("postgresql"):
        pytest.skip("concurrent writers need PostgreSQL (SQLite serialises the file)")
    with responses.RequestsMock() as mocked:
        mocked.post("https://api.stripe.com/v1/checkout/sessions",
                    json={"id": "cs_test_a1b2c3", "url": "https://checkout.stripe.com/c/pay/x"})
        checkout = start(client, login, world, "stripe", billed).json
    body = stripe_event(checkout["public_id"])
    barrier, results = threading.Barrier(20), []

    def deliver():
        local = app.test_client()
        barrier.wait()
        res = local.post("/api/v1/webhooks/stripe", data=body,
                         headers={"Stripe-Signature": stripe_signature(body)},
                         content_type="application/json")
        results.append((res.status_code, res.json.get("status")))

    threads = [threading.Thread(target=deliver) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [(200, "booked")] + [(200, "duplicate")] * 19
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(LedgerEntry)
                                 .where(LedgerEntry.kind == "online")) == 1
        assert db.session.scalar(select(func.count()).select_from(ProviderEvent)) == 1
    assert balance(client, billed, world) == "0.00"


@responses.activate
def test_pending_unknown_and_unused_events_book_nothing(client, world, login, billed):
    responses.post("https://api.mercadopago.com/checkout/preferences", json=MP_PREFERENCE)
    reference = start(client, login, world, "mercadopago", billed).json["public_id"]
    url = "/api/v1/webhooks/mercadopago?data.id=1318392212&type=payment"
    pending = responses.get("https://api.mercadopago.com/v1/payments/1318392212",
                            json=mp_payment(reference, status="in_process"))
    body = json.dumps({"type": "payment", "data": {"id": "1318392212"}, "id": 501})
    res = client.post(url, data=body, headers=mp_headers("1318392212"),
                      content_type="application/json")
    assert res.json["status"] == "ignored"
    # Later the payment is approved: a new notification books it.
    responses.replace(responses.GET, pending.url, json=mp_payment(reference))
    res = client.post(url, data=body.replace("501", "502"), headers=mp_headers("1318392212"),
                      content_type="application/json")
    assert res.json["status"] == "booked"
    # A signed payment for a checkout that is not ours, and a merchant-order topic.
    responses.replace(responses.GET, pending.url, json=mp_payment("someone-else"))
    res = client.post(url, data=body.replace("501", "503"), headers=mp_headers("1318392212"),
                      content_type="application/json")
    assert res.json["status"] == "ignored"
    other = "/api/v1/webhooks/mercadopago?data.id=777&type=merchant_order"
    res = client.post(other, data="{}", headers=mp_headers("777"),
                      content_type="application/json")
    assert res.json["status"] == "ignored"
    assert_error_shape(client.post("/api/v1/webhooks/paypal", data="{}"), 404)
    assert balance(client, billed, world) == "0.00"


def test_stripe_events_we_do_not_use_are_acknowledged(client, world, login, billed):
    body = json.dumps({"id": "evt_2", "type": "payment_intent.created",
                       "data": {"object": {"id": "pi_1", "object": "payment_intent"}}}).encode()
    res = client.post("/api/v1/webhooks/stripe", data=body,
                      headers={"Stripe-Signature": stripe_signature(body)},
                      content_type="application/json")
    assert res.status_code == 200 and res.json["status"] == "ignored"
    garbage = b"not json"
    assert_error_shape(client.post("/api/v1/webhooks/stripe", data=garbage,
                                   headers={"Stripe-Signature": stripe_signature(garbage)},
                                   content_type="application/json"), 401)
