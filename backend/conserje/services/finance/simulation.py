"""Synthetic payment behaviour for the demo and the benchmark (never for real data).

Three kinds of payers: punctual ones (pay before the due date, rarely a little late),
chronic late payers (weeks late, sometimes partial, now and then a skipped month caught
up later) and units sliding into arrears (punctual, then later and partial each month,
then nothing). Everything is posted through the real ledger, in date order, so
allocations are what they would have been.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from conserje.models import Unit
from conserje.services.finance import billing, ledger, money
from conserje.services.finance.settings import get_settings, period_dates, unit_classes

PROFILE_WEIGHTS = (("punctual", 0.6), ("late", 0.22), ("sliding", 0.18))


@dataclass
class SimulationSummary:
    periods: list[str]
    profiles: dict[str, int] = field(default_factory=dict)
    charges: int = 0
    payments: int = 0


def last_periods(today: date, months: int) -> list[str]:
    year, month, out = today.year, today.month, []
    for _ in range(months):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return out[::-1]


def _plan(profile: str, index: int, slide_at: int, due: date, amount: Decimal,
          rng: random.Random, currency: str) -> list[tuple[date, Decimal]]:
    """Payments (date, amount) one unit makes for one period's dues."""
    if profile == "punctual":
        late = rng.randint(3, 15) if rng.random() < 0.06 else -rng.randint(0, 8)
        return [(due + timedelta(days=late), amount)]
    if profile == "sliding" and index >= slide_at:
        step = index - slide_at
        if step >= 5 or rng.random() < 0.15 * step:
            return []  # stopped paying
        share = Decimal(str(max(0.3, 1 - 0.15 * step)))
        return [(due + timedelta(days=8 + 12 * step + rng.randint(0, 6)),
                 money.round_money(amount * share, currency))]
    if profile == "late":
        if rng.random() < 0.1:
            return []  # skipped; caught up with a bigger payment later
        days = rng.randint(8, 50)
        if rng.random() < 0.25:
            first = money.round_money(amount * Decimal("0.6"), currency)
            return [(due + timedelta(days=days), first),
                    (due + timedelta(days=days + 25), amount - first)]
        catch_up = amount if rng.random() < 0.12 else 0
        return [(due + timedelta(days=days), amount + catch_up)]
    return [(due - timedelta(days=rng.randint(0, 6)), amount)]


def simulate(session: Session, condominium_id: int, months: int, today: date,
             seed: int = 11) -> SimulationSummary:
    """Bill the last ``months`` periods and post each unit's payments up to ``today``."""
    rng = random.Random(seed)
    settings = get_settings(session, condominium_id)
    units = list(session.scalars(select(Unit).where(Unit.condominium_id == condominium_id)
                                 .order_by(Unit.id)))
    amounts, _ = billing.dues_for_units(settings, units, unit_classes(session, condominium_id))
    periods = last_periods(today, months)
    names, weights = zip(*PROFILE_WEIGHTS)
    profile = {u.id: rng.choices(names, weights)[0] for u in units}
    slide_at = {u.id: rng.randint(months // 3, max(months // 3, months - 4)) for u in units}
    events: list[tuple[date, int, str | int, Decimal]] = []
    for index, period in enumerate(periods):
        issued, due = period_dates(settings, period)
        events.append((issued, 0, period, Decimal(0)))
        for unit in units:
            for paid_on, amount in _plan(profile[unit.id], index, slide_at[unit.id], due,
                                         amounts.get(unit.id, Decimal(0)), rng,
                                         settings.currency):
                if paid_on <= today and amount > 0:
                    events.append((max(paid_on, issued), 1, unit.id, amount))
    summary = SimulationSummary(periods, {n: list(profile.values()).count(n) for n in names})
    for day, kind, target, amount in sorted(events, key=lambda e: (e[0], e[1], str(e[2]))):
        if kind == 0:
            summary.charges += billing.bill_period(session, condominium_id, str(target)).created
        else:
            ledger.post_payment(session, condominium_id, int(target),
                                rng.choice(("transfer", "transfer", "cash", "online")),
                                amount, day, description="Pago simulado")
            summary.payments += 1
    return summary
