"""Money in a currency's minor unit: parsing, rounding and exact prorating.

Amounts are ``Decimal`` everywhere. A currency's exponent says how many decimals it has
(CLP has none: $12.345 is twelve thousand pesos); prorating splits a total so the parts
add up to exactly the total in that unit (largest remainder method).
"""
from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Mapping, Sequence, TypeVar

from conserje.services.core.errors import InvalidInput

# ISO 4217 minor units of the currencies the platform bills in.
CURRENCY_EXPONENTS: dict[str, int] = {
    "CLP": 0, "BRL": 2, "BOB": 2, "ARS": 2, "PEN": 2, "MXN": 2, "USD": 2,
}
K = TypeVar("K")


def exponent(currency: str) -> int:
    """Decimals of ``currency``; unknown currencies are refused."""
    try:
        return CURRENCY_EXPONENTS[currency]
    except KeyError:
        raise InvalidInput(f"unsupported currency {currency}",
                           {"currency": [f"one of {sorted(CURRENCY_EXPONENTS)}"]}) from None


def quantum(currency: str) -> Decimal:
    return Decimal(1).scaleb(-exponent(currency))


def round_money(amount: Decimal, currency: str) -> Decimal:
    """Round half up to the currency's minor unit (interest, prorating remainders)."""
    return Decimal(amount).quantize(quantum(currency), rounding=ROUND_HALF_UP)


def checked_amount(amount: Decimal | str | int, currency: str, field: str = "amount",
                   allow_zero: bool = False) -> Decimal:
    """An amount given by a person: positive and with no more decimals than the currency has.

    A CLP charge of 1000.50 is an input error, not something to round silently.
    """
    try:
        value = Decimal(str(amount))
    except InvalidOperation:
        raise InvalidInput("not an amount", {field: ["not a number"]}) from None
    if not value.is_finite() or value < 0 or (value == 0 and not allow_zero):
        raise InvalidInput("amounts must be positive", {field: ["must be greater than 0"]})
    if value != value.quantize(quantum(currency), rounding=ROUND_DOWN):
        raise InvalidInput(f"{currency} amounts have {exponent(currency)} decimals",
                           {field: [f"at most {exponent(currency)} decimals in {currency}"]})
    if value >= Decimal("1e12"):
        raise InvalidInput("amount too large", {field: ["too large"]})
    return value.quantize(quantum(currency))


def prorate(total: Decimal, weights: Mapping[K, Decimal] | Sequence[tuple[K, Decimal]],
            currency: str) -> dict[K, Decimal]:
    """Split ``total`` by ``weights`` so the parts sum to ``total`` exactly.

    Each part is first rounded down to the minor unit; the units left over go, one each,
    to the largest remainders (ties: the order given), so no unit is ever off by more
    than one minor unit from its exact share.
    """
    items = list(weights.items()) if isinstance(weights, Mapping) else list(weights)
    weight_sum = sum((Decimal(w) for _, w in items), Decimal(0))
    if not items or weight_sum <= 0 or any(Decimal(w) < 0 for _, w in items):
        raise InvalidInput("cannot prorate without positive weights",
                           {"weights": ["every unit needs a positive coefficient"]})
    step = quantum(currency)
    total = Decimal(total).quantize(step)
    exact = [(key, total * Decimal(w) / weight_sum) for key, w in items]
    parts = {key: share.quantize(step, rounding=ROUND_DOWN) for key, share in exact}
    left = int((total - sum(parts.values(), Decimal(0))) / step)
    by_remainder = sorted(range(len(exact)),
                          key=lambda i: -(exact[i][1] - parts[exact[i][0]]))
    for index in by_remainder[:left]:
        parts[exact[index][0]] += step
    return parts
