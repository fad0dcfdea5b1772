"""Stripe: Checkout Sessions and signed webhook events.

``Stripe-Signature: t=<unix>,v1=<hex>[,v1=...]``: v1 is the HMAC-SHA256, keyed with the
endpoint's ``whsec_`` secret, of ``"<t>.<raw body>"``. The event body is trusted once the
signature matches and ``t`` is recent (replays are refused after the tolerance).
Amounts travel in the currency's minor unit (CLP is zero-decimal in Stripe too).
"""
from __future__ import annotations

import hashlib
import hmac
import json
import time
from decimal import Decimal
from typing import Mapping

from conserje.services.finance.money import exponent
from conserje.services.finance.providers.base import (
    CheckoutRequest,
    CheckoutSession,
    ConfirmedPayment,
    PaymentProvider,
    header_parts,
    refuse,
    signatures_match,
)

API_BASE = "https://api.stripe.com"
PAID_EVENTS = ("checkout.session.completed", "checkout.session.async_payment_succeeded")


def to_minor(amount: Decimal, currency: str) -> int:
    return int(amount.scaleb(exponent(currency)))


def from_minor(value: int, currency: str) -> Decimal:
    return Decimal(value).scaleb(-exponent(currency))


class Stripe(PaymentProvider):
    name = "stripe"

    def create_checkout(self, request: CheckoutRequest) -> CheckoutSession:
        form = {
            "mode": "payment",
            "client_reference_id": request.reference,
            "metadata[checkout]": request.reference,
            "line_items[0][quantity]": "1",
            "line_items[0][price_data][currency]": request.currency.lower(),
            "line_items[0][price_data][unit_amount]": str(to_minor(request.amount,
                                                                   request.currency)),
            "line_items[0][price_data][product_data][name]": request.title,
            "success_url": request.success_url,
            "cancel_url": request.cancel_url,
        }
        if request.payer_email:
            form["customer_email"] = request.payer_email
        base = (self.settings.api_base or API_BASE).rstrip("/")
        data = self._call("POST", f"{base}/v1/checkout/sessions", data=form,
                          headers={"Authorization": f"Bearer {self.settings.api_key}",
                                   "Idempotency-Key": request.reference})
        return CheckoutSession(provider_ref=data["id"], redirect_url=data["url"])

    def verify(self, header: str | None, body: bytes) -> None:
        parts = header_parts(header)
        timestamp = (parts.get("t") or [""])[0]
        if not timestamp.isdigit() or not parts.get("v1"):
            raise refuse("missing Stripe-Signature")
        if abs(time.time() - int(timestamp)) > self.settings.tolerance:
            raise refuse("timestamp outside the tolerance")
        signed = timestamp.encode() + b"." + body
        expected = hmac.new(self.settings.webhook_secret.encode(), signed,
                            hashlib.sha256).hexdigest()
        if not signatures_match(expected, parts["v1"]):
            raise refuse("signature does not match")

    def confirm_webhook(self, headers: Mapping[str, str], body: bytes,
                        query: Mapping[str, str]) -> ConfirmedPayment | None:
        self.verify(headers.get("Stripe-Signature"), body)
        try:
            event = json.loads(body)
            session = event["data"]["object"]
            event_type, event_id = event["type"], event["id"]
        except (ValueError, KeyError, TypeError):
            raise refuse("not a Stripe event") from None
        if event_type not in PAID_EVENTS or session.get("object") != "checkout.session":
            return None
        currency = str(session.get("currency", "")).upper()
        return ConfirmedPayment(
            event_id=event_id, payment_id=str(session.get("payment_intent") or session["id"]),
            reference=session.get("client_reference_id"),
            amount=from_minor(int(session.get("amount_total") or 0), currency),
            currency=currency, paid=session.get("payment_status") == "paid")
