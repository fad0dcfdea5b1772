"""Monthly billing: dues rules, idempotence (also across two database sessions), late fees
and interest, and the condominium's own billing day and time zone."""
from __future__ import annotations

import threading
from datetime import date, datetime, timezone
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from conserje.extensions import db
from conserje.models import Condominium, LedgerEntry, Unit
from conserje.services.core.actor import Actor
from conserje.services.core.errors import InvalidInput
from conserje.services.finance import billing, ledger
from conserje.services.finance.settings import period_dates, set_unit_class, update_settings


def _condo(units: int = 3, coefficients=None, currency="CLP") -> tuple[Actor, list[int]]:
    condo = Condominium(name="Billing", time_zone="America/Santiago", currency=currency)
    db.session.add(condo)
    db.session.flush()
    ids = []
    for index in range(units):
        unit = Unit(condominium_id=condo.id, code=f"U-{index + 1}",
                    coefficient=coefficients[index] if coefficients else None)
        db.session.add(unit)
        db.session.flush()
        ids.append(unit.id)
    return Actor(None, condo.id, frozenset({"admin"})), ids


def _dues(actor) -> dict[int, Decimal]:
    rows = db.session.scalars(select(LedgerEntry).where(
        LedgerEntry.condominium_id == actor.condominium_id, LedgerEntry.kind == "dues"))
    return {row.unit_id: row.amount for row in rows}


def test_coefficient_dues_sum_exactly_to_the_total(app_ctx):
    actor, units = _condo(3, [Decimal("0.333333"), Decimal("0.333333"), Decimal("0.333334")])
    update_settings(db.session, actor, {"dues_method": "coefficient",
                                        "dues_amount": Decimal(1_000_000)})
    result = billing.bill_period(db.session, actor.condominium_id, "2026-03")
    assert result.created == 3 and result.total == Decimal(1_000_000)
    assert sum(_dues(actor).values()) == Decimal(1_000_000)
    db.session.rollback()


def test_billing_twice_charges_once(app_ctx):
    actor, units = _condo(2)
    update_settings(db.session, actor, {"dues_amount": Decimal(45_000), "billing_day": 1,
                                        "due_day": 10})
    first = billing.bill_period(db.session, actor.condominium_id, "2026-03")
    second = billing.bill_period(db.session, actor.condominium_id, "2026-03")
    assert (first.created, second.created, second.skipped) == (2, 0, 2)
    charge = db.session.scalar(select(LedgerEntry).where(LedgerEntry.unit_id == units[0]))
    assert (charge.booked_on, charge.due_on, charge.period) == \
        (date(2026, 3, 1), date(2026, 3, 10), "2026-03")
    db.session.rollback()


def test_unit_class_dues_and_units_left_out(app_ctx):
    actor, units = _condo(3)
    update_settings(db.session, actor, {"dues_method": "unit_class",
                                        "dues_by_class": {"depto": "50000", "casa": "80000"}})
    set_unit_class(db.session, actor, units[0], "depto")
    set_unit_class(db.session, actor, units[1], "casa")
    result = billing.bill_period(db.session, actor.condominium_id, "2026-04")
    assert _dues(actor) == {units[0]: Decimal(50_000), units[1]: Decimal(80_000)}
    assert result.units_without_class == ["U-3"]
    db.session.rollback()


def test_bad_settings_and_periods_are_refused(app_ctx):
    actor, _ = _condo(1)
    with pytest.raises(InvalidInput):
        billing.bill_period(db.session, actor.condominium_id, "2026-03")  # nothing configured
    with pytest.raises(InvalidInput):
        update_settings(db.session, actor, {"dues_amount": Decimal("10.5")})  # CLP decimals
    update_settings(db.session, actor, {"dues_method": "coefficient",
                                        "dues_amount": Decimal(1000)})
    with pytest.raises(InvalidInput) as exc:
        billing.bill_period(db.session, actor.condominium_id, "2026-03")
    assert "coefficient" in exc.value.errors
    with pytest.raises(InvalidInput):
        billing.bill_period(db.session, actor.condominium_id, "2026-13")
    db.session.rollback()


def test_due_day_before_billing_day_falls_next_month_and_days_clamp(app_ctx):
    actor, _ = _condo(1)
    settings = update_settings(db.session, actor, {"billing_day": 31, "due_day": 5})
    assert period_dates(settings, "2026-02") == (date(2026, 2, 28), date(2026, 3, 5))
    assert period_dates(settings, "2026-12") == (date(2026, 12, 31), date(2027, 1, 5))
    db.session.rollback()


def test_late_fee_and_simple_interest_apply_once(app_ctx):
    actor, units = _condo(1)
    update_settings(db.session, actor, {"dues_amount": Decimal(100_000), "late_fee": 5_000,
                                        "interest_kind": "simple",
                                        "interest_rate": Decimal("1.5")})
    billing.bill_period(db.session, actor.condominium_id, "2026-03")
    for _ in range(2):
        late = billing.apply_late_charges(db.session, actor.condominium_id, "2026-04",
                                          date(2026, 4, 1))
    assert (late.late_fees, late.interest_charges) == (0, 0)  # the second run adds nothing
    account = ledger.load_account(db.session, actor.condominium_id, units[0])
    kinds = sorted((c.kind, c.amount) for c in account.charges)
    # 1.5% of the 100.000 dues: simple interest ignores the late fee.
    assert kinds == [("dues", 100_000), ("interest", 1_500), ("late_fee", 5_000)]
    db.session.rollback()


def test_billing_day_follows_the_condominium_time_zone(app_ctx):
    actor, _ = _condo(1)
    update_settings(db.session, actor, {"dues_amount": Decimal(1000), "billing_day": 1})
    # 02:30 UTC on 1 March is still 28 February in Santiago (UTC-3).
    early = datetime(2026, 3, 1, 2, 30, tzinfo=timezone.utc)
    later = datetime(2026, 3, 1, 4, 0, tzinfo=timezone.utc)
    due = {c for c, *_ in billing.due_today(db.session, early)}
    assert actor.condominium_id not in due
    assert (actor.condominium_id, "2026-03", date(2026, 3, 1)) in \
        billing.due_today(db.session, later)
    # A scheduler that was down catches up for a few days, then leaves the month alone.
    catch_up = datetime(2026, 3, 4, 15, 0, tzinfo=timezone.utc)
    assert (actor.condominium_id, "2026-03", date(2026, 3, 4)) in \
        billing.due_today(db.session, catch_up)
    too_late = datetime(2026, 3, 5, 15, 0, tzinfo=timezone.utc)
    assert actor.condominium_id not in {c for c, *_ in billing.due_today(db.session, too_late)}
    db.session.rollback()


def test_two_processes_billing_at_once_charge_once(app):
    """Two sessions (two connections) bill the same period concurrently."""
    with app.app_context():
        actor, units = _condo(4)
        update_settings(db.session, actor, {"dues_amount": Decimal(30_000)})
        db.session.commit()
        engine = db.engine
    barrier = threading.Barrier(2)
    errors = []

    def run():
        with app.app_context(), Session(engine) as session:
            try:
                barrier.wait()
                billing.bill_period(session, actor.condominium_id, "2026-05")
                session.commit()
            except Exception as exc:  # SQLite may refuse the second writer: retry once
                session.rollback()
                errors.append(exc)
                billing.bill_period(session, actor.condominium_id, "2026-05")
                session.commit()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with app.app_context():
        count = db.session.scalar(select(func.count()).select_from(LedgerEntry).where(
            LedgerEntry.condominium_id == actor.condominium_id))
        assert count == 4
