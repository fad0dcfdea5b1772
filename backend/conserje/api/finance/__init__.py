"""HTTP endpoints of finance: settings, accounts, charges and payments, transfer proofs,
expenses, online checkouts and provider webhooks, risk models."""
from __future__ import annotations

from conserje.api.finance import accounts, documents, ledger, online_payments

BLUEPRINTS = (accounts.blp, accounts.accounts_blp, ledger.charges_blp, ledger.payments_blp,
              ledger.charge_types_blp, documents.proofs_blp, documents.expenses_blp,
              online_payments.checkouts_blp, online_payments.webhooks_blp, accounts.risk_blp)
