"""Money rules: currency minor units and exact prorating (largest remainder)."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from conserje.services.core.errors import InvalidInput
from conserje.services.finance.money import checked_amount, prorate, round_money


def test_clp_has_no_decimals_and_usd_has_two():
    assert checked_amount("12345", "CLP") == Decimal("12345")
    assert checked_amount("10.5", "USD") == Decimal("10.50")
    with pytest.raises(InvalidInput) as exc:
        checked_amount("1000.50", "CLP")
    assert "amount" in exc.value.errors
    for bad in ("-1", "0", "abc", "NaN", "1.001"):
        with pytest.raises(InvalidInput):
            checked_amount(bad, "BRL")
    with pytest.raises(InvalidInput):
        checked_amount("10", "EUR")  # not a billing currency here


def test_round_money_half_up_in_minor_units():
    assert round_money(Decimal("100.5"), "CLP") == Decimal("101")
    assert round_money(Decimal("0.125"), "PEN") == Decimal("0.13")


def test_prorate_by_coefficient_sums_exactly():
    # Three equal coefficients of 100.000 CLP: 33.333 + 33.333 + 33.334 (one unit left over).
    parts = prorate(Decimal(100_000), [(1, Decimal("0.333333")), (2, Decimal("0.333333")),
                                       (3, Decimal("0.333334"))], "CLP")
    assert sum(parts.values()) == Decimal(100_000)
    assert sorted(parts.values()) == [Decimal(33_333), Decimal(33_333), Decimal(33_334)]
    usd = prorate(Decimal("100.00"), {"a": Decimal(1), "b": Decimal(1), "c": Decimal(1)}, "USD")
    assert usd == {"a": Decimal("33.34"), "b": Decimal("33.33"), "c": Decimal("33.33")}


def test_prorate_refuses_missing_weights():
    with pytest.raises(InvalidInput):
        prorate(Decimal(10), {1: Decimal(0)}, "CLP")
    with pytest.raises(InvalidInput):
        prorate(Decimal(10), {}, "CLP")


@given(total=st.integers(min_value=0, max_value=10**9),
       weights=st.lists(st.integers(min_value=1, max_value=10**6), min_size=1, max_size=60),
       currency=st.sampled_from(["CLP", "BRL", "USD"]))
def test_prorate_parts_sum_to_total_and_stay_within_one_unit(total, weights, currency):
    step = Decimal(1) if currency == "CLP" else Decimal("0.01")
    amount = Decimal(total) * step
    parts = prorate(amount, list(enumerate(Decimal(w) for w in weights)), currency)
    assert sum(parts.values()) == amount
    weight_sum = sum(weights)
    for index, weight in enumerate(weights):
        exact = amount * Decimal(weight) / Decimal(weight_sum)
        assert abs(parts[index] - exact) < step
        assert parts[index] == parts[index].quantize(step)
