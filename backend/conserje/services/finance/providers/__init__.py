"""Online payment providers behind one interface (``base.PaymentProvider``)."""
from __future__ import annotations

from conserje.services.finance.providers.base import (
    CheckoutRequest,
    CheckoutSession,
    ConfirmedPayment,
    PaymentProvider,
    ProviderSettings,
)
from conserje.services.finance.providers.mercadopago import MercadoPago
from conserje.services.finance.providers.stripe import Stripe


def build_provider(name: str, settings: ProviderSettings) -> PaymentProvider:
    """The adapter for ``name`` configured with the platform's credentials."""

    adapters = {"mercadopago": MercadoPago, "stripe": Stripe}
    return adapters[name](settings)


__all__ = ["CheckoutRequest", "CheckoutSession", "ConfirmedPayment", "PaymentProvider",
           "ProviderSettings", "build_provider"]
