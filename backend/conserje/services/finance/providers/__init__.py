"""Online payment providers behind one interface (``base.PaymentProvider``)."""
from __future__ import annotations

from .base import (CheckoutRequest, CheckoutSession, ConfirmedPayment, PaymentProvider,
                   ProviderSettings)


def build_provider(name: str, settings: ProviderSettings) -> PaymentProvider:
    """The adapter for ``name`` configured with the platform's credentials."""
    from .mercadopago import MercadoPago
    from .stripe import Stripe

    adapters = {"mercadopago": MercadoPago, "stripe": Stripe}
    return adapters[name](settings)


__all__ = ["CheckoutRequest", "CheckoutSession", "ConfirmedPayment", "PaymentProvider",
           "ProviderSettings", "build_provider"]
