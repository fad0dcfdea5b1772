"""Delinquency prediction on simulated histories: features respect the cutoff, the
time-split validation is stored, scores come with reasons."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import numpy as np
import pytest

from conserje.extensions import db
from conserje.models import Condominium, Unit
from conserje.services.core.actor import Actor
from conserje.services.core.errors import InvalidInput
from conserje.services.finance import prediction
from conserje.services.finance.risk_features import FEATURES, features_at, load_histories
from conserje.services.finance.settings import update_settings
from conserje.services.finance.simulation import simulate

TODAY = date(2026, 11, 20)


def _simulated(units: int, months: int) -> Actor:
    condo = Condominium(name="Sim", time_zone="America/Santiago", currency="CLP")
    db.session.add(condo)
    db.session.flush()
    db.session.add_all(Unit(condominium_id=condo.id, code=f"S-{i:03d}") for i in range(units))
    actor = Actor(None, condo.id, frozenset({"admin"}))
    update_settings(db.session, actor, {"dues_amount": Decimal(60_000), "due_day": 10})
    simulate(db.session, condo.id, months, TODAY, seed=5)
    return actor


def test_features_only_use_the_past(app_ctx):
    actor = _simulated(4, 8)
    history = next(iter(load_histories(db.session, actor.condominium_id).values()))
    assert features_at(history, history.dues[2].due_on) is None  # two known dues only
    cutoff = history.dues[5].issued_on
    vector = features_at(history, cutoff)
    assert len(vector) == len(FEATURES)
    # Payments after the cutoff do not change what was known at the cutoff.
    for record in history.dues:
        if record.fully_paid_on and record.fully_paid_on >= cutoff:
            record.fully_paid_on = None
    assert features_at(history, cutoff) == vector
    db.session.rollback()


def test_training_validates_on_later_periods_and_beats_a_coin(app_ctx):
    actor = _simulated(60, 24)
    model = prediction.train(db.session, actor.condominium_id, TODAY)
    metrics = model.metrics
    assert metrics["train_rows"] > metrics["test_rows"] > 0
    assert min(metrics["test_periods"]) > "2026-03"  # the newest periods are held out
    assert float(model.roc_auc) > 0.7 and 0 <= float(model.precision_top10) <= 1
    assert float(model.baseline_auc) == pytest.approx(metrics["baseline_auc"], abs=1e-4)
    risks = prediction.scores(db.session, actor, TODAY)
    assert len(risks) == 60 and risks[0].score >= risks[-1].score
    assert risks[0].reasons and risks[0].reasons[0]["feature"] in FEATURES
    # Retraining keeps a single active model.
    prediction.train(db.session, actor.condominium_id, TODAY)
    assert [m.is_active for m in prediction.list_models(db.session, actor)] == [True, False]
    db.session.rollback()


def test_not_enough_history_is_an_input_error(app_ctx):
    actor = _simulated(5, 4)
    with pytest.raises(InvalidInput):
        prediction.train(db.session, actor.condominium_id, TODAY)
    db.session.rollback()


def test_precision_at_top():
    y = np.array([1, 0, 0, 0, 0, 0, 0, 0, 0, 1])
    scores = np.linspace(1, 0, 10)
    assert prediction.precision_at_top(y, scores) == 1.0
    assert prediction.precision_at_top(y, -scores) == 1.0
    assert prediction.precision_at_top(y, scores, 0.5) == 0.2
