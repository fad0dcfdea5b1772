"""Online payments: start a checkout at the condominium's provider, and book the payment
when the provider's signed webhook confirms it.

A delivery is processed once: its event id is inserted into ``provider_event`` (unique
per provider) in the same transaction as the payment, and the payment itself carries the
idempotence key ``<provider>:<payment id>``, so redeliveries and concurrent deliveries,
even of different events about the same payment, book the money once.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Callable, Mapping

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from conserje.models import PaymentCheckout, ProviderEvent
from conserje.services.core.actor import Actor
from conserje.services.core.errors import Conflict, InvalidInput
from conserje.services.finance import ledger, money
from conserje.services.finance.accounts import scoped_unit
from conserje.services.finance.providers import CheckoutRequest, PaymentProvider
from conserje.services.finance.settings import get_settings, local_today

ProviderFactory = Callable[[str], PaymentProvider]


@dataclass
class PaymentOptions:
    unit_id: int
    amount_due: Decimal
    currency: str
    provider: str | None
    bank_details: str | None


def payment_options(session: Session, actor: Actor, unit_id: int) -> PaymentOptions:
    """How this unit can pay: online through the provider, or bank-transfer instructions."""
    scoped_unit(session, actor, unit_id)
    settings = get_settings(session, actor.condominium_id)
    due = max(ledger.load_account(session, actor.condominium_id, unit_id).balance, Decimal(0))
    return PaymentOptions(unit_id, due, settings.currency, settings.provider,
                          settings.bank_details)


@dataclass(frozen=True)
class ReturnUrls:
    success: str
    cancel: str
    notification: str


def start_checkout(session: Session, actor: Actor, unit_id: int, amount: Decimal | None,
                   providers: ProviderFactory, urls: Callable[[str], ReturnUrls],
                   payer_email: str | None = None) -> PaymentCheckout:
    """Create the provider's checkout for the unit's debt (or a given amount)."""
    options = payment_options(session, actor, unit_id)
    if options.provider is None:
        raise Conflict("this condominium takes no online payments: pay by bank transfer",
                       {"bank_details": [options.bank_details or "ask the administration"]})
    amount = options.amount_due if amount is None else \
        money.checked_amount(amount, options.currency)
    if amount <= 0:
        raise InvalidInput("nothing to pay", {"amount": ["the unit owes nothing"]})
    checkout = PaymentCheckout(condominium_id=actor.condominium_id, unit_id=unit_id,
                               amount=amount, provider=options.provider,
                               created_by_id=actor.user_id)
    session.add(checkout)
    session.flush()
    links = urls(options.provider)
    created = providers(options.provider).create_checkout(CheckoutRequest(
        reference=checkout.public_id, amount=amount, currency=options.currency,
        title="Pago gastos comunes", success_url=links.success, cancel_url=links.cancel,
        notification_url=links.notification, payer_email=payer_email))
    checkout.provider_ref, checkout.redirect_url = created.provider_ref, created.redirect_url
    session.flush()
    return checkout


@dataclass
class WebhookOutcome:
    status: str  # booked | duplicate | ignored
    payment_id: int | None = None


def handle_webhook(session: Session, provider: PaymentProvider, headers: Mapping[str, str],
                   body: bytes, query: Mapping[str, str]) -> WebhookOutcome:
    """Verify a delivery and book its payment once; the caller commits."""
    confirmed = provider.confirm_webhook(headers, body, query)
    if confirmed is None:
        return WebhookOutcome("ignored")
    checkout = session.scalar(select(PaymentCheckout).where(
        PaymentCheckout.public_id == (confirmed.reference or ""),
        PaymentCheckout.provider == provider.name))
    if checkout is None:
        return WebhookOutcome("ignored")  # signed, but not a checkout of ours
    event = ProviderEvent(condominium_id=checkout.condominium_id, provider=provider.name,
                          event_id=confirmed.event_id[:120])
    try:
        with session.begin_nested():
            session.add(event)
    except IntegrityError:
        return WebhookOutcome("duplicate")
    if not confirmed.paid:
        return WebhookOutcome("ignored")
    settings = get_settings(session, checkout.condominium_id)
    if confirmed.currency.upper() != settings.currency:
        raise InvalidInput("the payment is in another currency",
                           {"currency": [confirmed.currency]})
    try:
        payment = ledger.post_payment(
            session, checkout.condominium_id, checkout.unit_id, "online", confirmed.amount,
            local_today(session, checkout.condominium_id), reference=confirmed.payment_id,
            idem_key=f"{provider.name}:{confirmed.payment_id}"[:120],
            description=f"Pago en línea ({provider.name})",
            created_by_id=checkout.created_by_id)
    except Conflict:
        return WebhookOutcome("duplicate")  # another event about the same payment
    event.payment_id = payment.id
    session.flush()
    return WebhookOutcome("booked", payment.id)
