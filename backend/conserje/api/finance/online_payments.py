"""Online payments: how a unit can pay, provider checkouts, and provider webhooks."""
from __future__ import annotations

from flask import current_app, request
from flask_jwt_extended import current_user
from flask_smorest import Blueprint

from conserje.api.core.context import current_actor
from conserje.api.finance.accounts import accounts_blp
from conserje.extensions import db
from conserje.models import PROVIDERS
from conserje.schemas.finance.documents import (
    CheckoutRequestSchema,
    CheckoutSchema,
    PaymentOptionsSchema,
    WebhookResultSchema,
)
from conserje.services.core.errors import Conflict, NotFound
from conserje.services.finance import online
from conserje.services.finance.providers import PaymentProvider, ProviderSettings, build_provider

checkouts_blp = Blueprint("checkouts", __name__, url_prefix="/api/v1/checkouts",
                          description="Online payments at the condominium's provider")
webhooks_blp = Blueprint("webhooks", __name__, url_prefix="/api/v1/webhooks",
                         description="Signed notifications from payment providers (no JWT)")

CREDENTIALS = {"mercadopago": ("MERCADOPAGO_ACCESS_TOKEN", "MERCADOPAGO_WEBHOOK_SECRET"),
               "stripe": ("STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET")}


def provider_for(name: str) -> PaymentProvider:
    key_name, secret_name = CREDENTIALS[name]
    cfg = current_app.config
    if not cfg.get(key_name) or not cfg.get(secret_name):
        raise Conflict(f"{name} is not configured on this server (CONSERJE_{key_name})")
    return build_provider(name, ProviderSettings(cfg[key_name], cfg[secret_name],
                                                 cfg.get(f"{name.upper()}_API_BASE")))


def return_urls(provider: str) -> online.ReturnUrls:
    base = current_app.config["PUBLIC_URL"].rstrip("/")
    # The SPA's "My payments" page reads ?checkout= to tell the resident what happened.
    return online.ReturnUrls(success=f"{base}/my-finance?checkout=done",
                             cancel=f"{base}/my-finance?checkout=cancelled",
                             notification=f"{base}/api/v1/webhooks/{provider}")


@accounts_blp.route("/<int:unit_id>/payment-options", methods=["GET"])
@accounts_blp.response(200, PaymentOptionsSchema)
@accounts_blp.doc(summary="How the unit can pay: online provider or bank-transfer details")
def payment_options(unit_id):
    return online.payment_options(db.session, current_actor(), unit_id)


@checkouts_blp.route("", methods=["POST"])
@checkouts_blp.arguments(CheckoutRequestSchema)
@checkouts_blp.response(201, CheckoutSchema)
@checkouts_blp.alt_response(409, response="DEFAULT_ERROR",
                            description="No online payments here: bank-transfer details")
@checkouts_blp.alt_response(502, response="DEFAULT_ERROR", description="Provider failed")
@checkouts_blp.doc(summary="Start paying online: returns the provider's checkout URL")
def create_checkout(data):
    checkout = online.start_checkout(db.session, current_actor(), data["unit_id"],
                                     data.get("amount"), provider_for, return_urls,
                                     payer_email=current_user.email)
    db.session.commit()
    return checkout


@webhooks_blp.route("/<provider>", methods=["POST"])
@webhooks_blp.response(200, WebhookResultSchema)
@webhooks_blp.alt_response(401, response="DEFAULT_ERROR", description="Bad signature")
@webhooks_blp.doc(summary="Provider notification (mercadopago: x-signature; stripe: "
                          "Stripe-Signature); each payment is booked once", security=[])
def provider_webhook(provider):
    if provider not in PROVIDERS:
        raise NotFound("unknown provider")
    outcome = online.handle_webhook(db.session, provider_for(provider), request.headers,
                                    request.get_data(cache=True), request.args.to_dict())
    db.session.commit()
    return outcome
