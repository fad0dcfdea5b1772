"""Ledger invariants on the real database, for random sequences of charges, payments and
reversals (hypothesis), plus the allocation rules spelled out by hand."""
from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conserje.extensions import db
from conserje.models import Condominium, Unit
from conserje.services.core.errors import Conflict
from conserje.services.finance import ledger
from conserje.services.finance.accounts import BUCKETS, aging

START = date(2026, 1, 1)


def _unit() -> tuple[int, int]:
    condo = Condominium(name="Ledger", time_zone="America/Santiago", currency="CLP")
    db.session.add(condo)
    db.session.flush()
    unit = Unit(condominium_id=condo.id, code="L-1")
    db.session.add(unit)
    db.session.flush()
    return condo.id, unit.id


def test_payment_pays_oldest_charges_first_and_keeps_credit(app_ctx):
    condo, unit = _unit()
    march = ledger.post_charge(db.session, condo, unit, "dues", Decimal(50_000),
                               START, date(2026, 3, 10))
    feb = ledger.post_charge(db.session, condo, unit, "dues", Decimal(50_000),
                             START, date(2026, 2, 10))
    pay = ledger.post_payment(db.session, condo, unit, "cash", Decimal(70_000), START)
    account = ledger.load_account(db.session, condo, unit)
    assert account.open_by_charge == {march.id: Decimal(30_000), feb.id: Decimal(0)}
    assert ledger.allocations_of(db.session, pay.id) == {feb.id: Decimal(50_000),
                                                         march.id: Decimal(20_000)}
    ledger.post_payment(db.session, condo, unit, "transfer", Decimal(40_000), START)
    account = ledger.load_account(db.session, condo, unit)
    assert account.open_total == 0 and account.credit == Decimal(10_000)
    assert account.balance == Decimal(-10_000)
    # Credit pays the next charge as soon as it is posted.
    april = ledger.post_charge(db.session, condo, unit, "fine", Decimal(15_000), START,
                               date(2026, 4, 10))
    account = ledger.load_account(db.session, condo, unit)
    assert account.open_by_charge[april.id] == Decimal(5_000) and account.credit == 0
    db.session.rollback()


def test_reversals_are_new_entries_and_happen_once(app_ctx):
    condo, unit = _unit()
    charge = ledger.post_charge(db.session, condo, unit, "fine", Decimal(20_000), START, START)
    pay = ledger.post_payment(db.session, condo, unit, "cash", Decimal(20_000), START)
    reversal = ledger.reverse(db.session, condo, pay.id, "cheque rebotado", START)
    assert reversal.reverses_id == pay.id and reversal.entry_type == "reversal"
    assert ledger.load_account(db.session, condo, unit).open_by_charge[charge.id] == 20_000
    with pytest.raises(Conflict):
        ledger.reverse(db.session, condo, pay.id, "again", START)
    with pytest.raises(Conflict):
        ledger.reverse(db.session, condo, reversal.id, "undo the undo", START)
    ledger.reverse(db.session, condo, charge.id, "multa anulada", START)
    account = ledger.load_account(db.session, condo, unit)
    assert account.balance == 0 and account.charges == [] and account.payments == []
    db.session.rollback()


def test_reversed_charge_frees_its_payment_for_other_debt(app_ctx):
    condo, unit = _unit()
    wrong = ledger.post_charge(db.session, condo, unit, "fine", Decimal(30_000), START, START)
    pay = ledger.post_payment(db.session, condo, unit, "cash", Decimal(30_000), START)
    dues = ledger.post_charge(db.session, condo, unit, "dues", Decimal(20_000), START,
                              date(2026, 2, 10))
    ledger.reverse(db.session, condo, wrong.id, "multa mal cursada", START)
    account = ledger.load_account(db.session, condo, unit)
    assert account.open_by_charge == {dues.id: Decimal(0)}
    assert account.left_by_payment == {pay.id: Decimal(10_000)} and account.balance == -10_000
    # The original allocation still exists (nothing is deleted); it just stopped counting.
    assert ledger.allocations_of(db.session, pay.id) == {wrong.id: Decimal(30_000),
                                                         dues.id: Decimal(20_000)}
    db.session.rollback()


def test_duplicate_idempotence_key_is_a_conflict(app_ctx):
    condo, unit = _unit()
    ledger.post_charge(db.session, condo, unit, "dues", Decimal(1), START, START,
                       idem_key="dues:x:2026-01")
    with pytest.raises(Conflict):
        ledger.post_charge(db.session, condo, unit, "dues", Decimal(1), START, START,
                           idem_key="dues:x:2026-01")
    assert len(ledger.load_account(db.session, condo, unit).charges) == 1
    db.session.rollback()


operation = st.one_of(
    st.tuples(st.just("charge"), st.integers(1, 200_000), st.integers(-120, 60)),
    st.tuples(st.just("pay"), st.integers(1, 250_000), st.just(0)),
    st.tuples(st.just("reverse"), st.integers(0, 40), st.just(0)),
)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(ops=st.lists(operation, min_size=1, max_size=25))
def test_ledger_invariants_hold_for_any_sequence(app_ctx, ops):
    condo, unit = _unit()
    posted, reversed_ids = [], set()
    try:
        for index, (op, value, offset) in enumerate(ops):
            day = START + timedelta(days=index)
            if op == "charge":
                posted.append(ledger.post_charge(db.session, condo, unit, "dues",
                                                 Decimal(value), day,
                                                 day + timedelta(days=offset)))
            elif op == "pay":
                posted.append(ledger.post_payment(db.session, condo, unit, "cash",
                                                  Decimal(value), day))
            elif posted:
                target = posted[value % len(posted)]
                if target.id in reversed_ids:
                    with pytest.raises(Conflict):
                        ledger.reverse(db.session, condo, target.id, "r", day)
                else:
                    ledger.reverse(db.session, condo, target.id, "r", day)
                    reversed_ids.add(target.id)
            _check_invariants(condo, unit, posted, reversed_ids, day)
    finally:
        db.session.rollback()


def _check_invariants(condo, unit, posted, reversed_ids, today):
    account = ledger.load_account(db.session, condo, unit)
    active = [e for e in posted if e.id not in reversed_ids]
    expected = sum((e.amount if e.entry_type == "charge" else -e.amount for e in active),
                   Decimal(0))
    assert account.balance == expected
    assert account.balance == account.open_total - account.credit
    # Never money in favour and debt at the same time: settlement applies credit at once.
    assert account.open_total == 0 or account.credit == 0
    for charge in account.charges:
        assert 0 <= account.open_by_charge[charge.id] <= charge.amount
    for payment in account.payments:
        assert 0 <= account.left_by_payment[payment.id] <= payment.amount
    buckets = aging(account, today)
    assert set(buckets) == set(BUCKETS) and sum(buckets.values()) == account.open_total
