"""The payment provider interface: start a checkout, and turn a signed webhook delivery
into a confirmed payment. Adapters talk to the provider's HTTP API with ``requests``."""
from __future__ import annotations

import abc
import hmac
from dataclasses import dataclass
from decimal import Decimal
from typing import Mapping

import requests

from conserje.services.core.errors import AuthenticationFailed, UpstreamFailed

HTTP_TIMEOUT = (5, 20)  # connect, read (seconds)


@dataclass(frozen=True)
class ProviderSettings:
    """Credentials from the configuration (CONSERJE_MERCADOPAGO_* / CONSERJE_STRIPE_*)."""

    api_key: str
    webhook_secret: str
    api_base: str | None = None
    # Seconds a signed delivery stays acceptable (replay protection, Stripe's "t=").
    tolerance: int = 300


@dataclass(frozen=True)
class CheckoutRequest:
    reference: str  # our checkout's public id; comes back in the webhook
    amount: Decimal
    currency: str
    title: str
    success_url: str
    cancel_url: str
    notification_url: str
    payer_email: str | None = None


@dataclass(frozen=True)
class CheckoutSession:
    provider_ref: str
    redirect_url: str


@dataclass(frozen=True)
class ConfirmedPayment:
    """A payment the provider says is done, read from a verified webhook."""

    event_id: str
    payment_id: str
    reference: str | None
    amount: Decimal
    currency: str
    paid: bool


class PaymentProvider(abc.ABC):
    name: str

    def __init__(self, settings: ProviderSettings):
        self.settings = settings

    @abc.abstractmethod
    def create_checkout(self, request: CheckoutRequest) -> CheckoutSession:
        """Create the hosted checkout the resident is redirected to."""

    @abc.abstractmethod
    def confirm_webhook(self, headers: Mapping[str, str], body: bytes,
                        query: Mapping[str, str]) -> ConfirmedPayment | None:
        """Verify the delivery's signature (``AuthenticationFailed`` when it does not
        match) and return the payment it reports, or None for events we do not use."""

    # -- helpers shared by the adapters ----------------------------------------------------
    def _call(self, method: str, url: str, **kwargs) -> dict:
        try:
            response = requests.request(method, url, timeout=HTTP_TIMEOUT, **kwargs)
        except requests.RequestException as exc:
            raise UpstreamFailed(f"{self.name} is not reachable: {type(exc).__name__}") from None
        if response.status_code >= 400:
            raise UpstreamFailed(f"{self.name} answered {response.status_code}")
        try:
            return response.json()
        except ValueError:
            raise UpstreamFailed(f"{self.name} answered something that is not JSON") from None


def signatures_match(expected_hex: str, candidates: list[str]) -> bool:
    """Constant-time comparison against every signature the header carries."""
    return any(hmac.compare_digest(expected_hex, c) for c in candidates if c)


def refuse(reason: str) -> AuthenticationFailed:
    return AuthenticationFailed(f"webhook refused: {reason}")


def header_parts(value: str | None) -> dict[str, list[str]]:
    """``t=1,v1=abc,v1=def`` -> {"t": ["1"], "v1": ["abc", "def"]} (both providers' style)."""
    parts: dict[str, list[str]] = {}
    for item in (value or "").split(","):
        key, _, val = item.strip().partition("=")
        if key and val:
            parts.setdefault(key.strip(), []).append(val.strip())
    return parts
