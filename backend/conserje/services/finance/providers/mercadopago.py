"""Mercado Pago: Checkout Pro preferences and payment notifications.

The webhook carries ``x-signature: ts=<unix>,v1=<hex>`` and ``x-request-id``; v1 is the
HMAC-SHA256, keyed with the application's webhook secret, of the manifest
``id:<data.id>;request-id:<x-request-id>;ts:<ts>;``. The notification only names the
payment, so its amount and reference are read back from ``GET /v1/payments/<id>``.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import time
from decimal import Decimal
from typing import Mapping

from conserje.services.finance.providers.base import (
    CheckoutRequest,
    CheckoutSession,
    ConfirmedPayment,
    PaymentProvider,
    header_parts,
    refuse,
    signatures_match,
)

API_BASE = "https://api.mercadopago.com"


class MercadoPago(PaymentProvider):
    name = "mercadopago"

    @property
    def base(self) -> str:
        return (self.settings.api_base or API_BASE).rstrip("/")

    def _auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.settings.api_key}"}

    def create_checkout(self, request: CheckoutRequest) -> CheckoutSession:
        body = {
            "items": [{"id": request.reference, "title": request.title, "quantity": 1,
                       "currency_id": request.currency,
                       # MP reads a JSON number; str -> float keeps the exact cents given.
                       "unit_price": float(request.amount)}],
            "external_reference": request.reference,
            "notification_url": request.notification_url,
            "back_urls": {"success": request.success_url, "failure": request.cancel_url,
                          "pending": request.success_url},
            "auto_return": "approved",
        }
        if request.payer_email:
            body["payer"] = {"email": request.payer_email}
        data = self._call("POST", f"{self.base}/checkout/preferences", json=body,
                          headers={**self._auth(), "X-Idempotency-Key": request.reference})
        return CheckoutSession(provider_ref=str(data["id"]), redirect_url=data["init_point"])

    def verify(self, headers: Mapping[str, str], data_id: str) -> None:
        parts = header_parts(headers.get("x-signature"))
        ts, request_id = (parts.get("ts") or [""])[0], headers.get("x-request-id", "")
        if not ts or not parts.get("v1"):
            raise refuse("missing x-signature")
        if not ts.isdigit() or abs(time.time() - int(ts) / _ts_scale(ts)) > \
                self.settings.tolerance:
            raise refuse("stale or malformed timestamp")
        manifest = f"id:{data_id.lower() if data_id.isalnum() else data_id};" \
                   f"request-id:{request_id};ts:{ts};"
        expected = hmac.new(self.settings.webhook_secret.encode(), manifest.encode(),
                            hashlib.sha256).hexdigest()
        if not signatures_match(expected, parts["v1"]):
            raise refuse("signature does not match")

    def confirm_webhook(self, headers: Mapping[str, str], body: bytes,
                        query: Mapping[str, str]) -> ConfirmedPayment | None:
        data_id = query.get("data.id") or query.get("id") or ""
        if not data_id:
            raise refuse("no data.id")
        self.verify(headers, data_id)
        try:
            event = json.loads(body or b"{}")
        except ValueError:
            event = {}
        topic = query.get("type") or query.get("topic") or event.get("type")
        if topic != "payment":
            return None
        payment = self._call("GET", f"{self.base}/v1/payments/{data_id}", headers=self._auth())
        return ConfirmedPayment(
            event_id=str(event.get("id") or f"{data_id}:{headers.get('x-request-id', '')}"),
            payment_id=str(payment["id"]), reference=payment.get("external_reference"),
            amount=Decimal(str(payment["transaction_amount"])),
            currency=payment.get("currency_id", ""), paid=payment.get("status") == "approved")


def _ts_scale(ts: str) -> int:
    # Mercado Pago documents seconds but has sent milliseconds: accept both.
    return 1000 if len(ts) >= 13 else 1
