"""Delinquency prediction: will a unit pay its next dues late?

A scaled logistic regression is trained on every (unit, period) of the condominium's
history, with the features of ``risk_features`` at each bill's issue date and the label
"paid after its due date". It is validated on a time-based split (the latest periods are
never trained on) for ROC AUC and precision among the riskiest 10%, next to a baseline
that only looks at whether last month's dues were late. The stored model is then refit
on all periods; scores come with the features that push them up most.
"""
from __future__ import annotations

import math
import pickle
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import StandardScaler
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from conserje.models import RiskModel, Unit
from conserje.services.core.actor import Actor
from conserje.services.core.errors import InvalidInput, NotFound
from conserje.services.finance.accounts import scoped_unit
from conserje.services.finance.risk_features import (
    FEATURES,
    features_at,
    load_histories,
    training_rows,
)

BASELINE = FEATURES.index("last_late")


def _pipeline() -> Pipeline:
    return make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000,
                                                              class_weight="balanced"))


def precision_at_top(y_true: np.ndarray, scores: np.ndarray, share: float = 0.1) -> float:
    """Share of true positives among the ``share`` highest scores (at least one row)."""
    top = max(1, math.ceil(len(scores) * share))
    order = np.argsort(-scores, kind="stable")[:top]
    return float(y_true[order].mean())


@dataclass
class Evaluation:
    roc_auc: float
    precision_top10: float
    baseline_auc: float
    baseline_precision_top10: float
    train_rows: int
    test_rows: int
    test_periods: list[str]
    positive_rate: float


def evaluate(rows, test_share: float = 0.25) -> tuple[Evaluation, Pipeline]:
    """Train on the older periods, score the newest ones; return the metrics and the
    model refit on every period."""
    periods = sorted({period for period, *_ in rows})
    if len(periods) < 6:
        raise InvalidInput("at least 6 months of payment history are needed",
                           {"history": [f"{len(periods)} months"]})
    test_periods = periods[-max(2, round(len(periods) * test_share)):]
    x = np.array([r[2] for r in rows], dtype=float)
    y = np.array([r[3] for r in rows], dtype=int)
    is_test = np.array([r[0] in test_periods for r in rows])
    if len(set(y[~is_test])) < 2 or len(set(y[is_test])) < 2:
        raise InvalidInput("the history needs both late and on-time payments to learn from",
                           {"history": ["one class only"]})
    model = _pipeline().fit(x[~is_test], y[~is_test])
    scores = model.predict_proba(x[is_test])[:, 1]
    baseline = x[is_test][:, BASELINE]
    result = Evaluation(
        roc_auc=float(roc_auc_score(y[is_test], scores)),
        precision_top10=precision_at_top(y[is_test], scores),
        baseline_auc=float(roc_auc_score(y[is_test], baseline)),
        baseline_precision_top10=precision_at_top(y[is_test], baseline),
        train_rows=int((~is_test).sum()), test_rows=int(is_test.sum()),
        test_periods=test_periods, positive_rate=float(y.mean()))
    return result, _pipeline().fit(x, y)


def _dec(value: float) -> Decimal:
    return Decimal(str(round(value, 4)))


def train(session: Session, condominium_id: int, today: date) -> RiskModel:
    """Train, validate and store a new active model for the condominium."""
    rows = training_rows(load_histories(session, condominium_id), today)
    result, model = evaluate(rows)
    session.execute(update(RiskModel).where(RiskModel.condominium_id == condominium_id)
                    .values(is_active=False))
    row = RiskModel(condominium_id=condominium_id, trained_through=max(r[0] for r in rows),
                    roc_auc=_dec(result.roc_auc), precision_top10=_dec(result.precision_top10),
                    baseline_auc=_dec(result.baseline_auc), metrics=vars(result),
                    model_blob=pickle.dumps(model), is_active=True)
    session.add(row)
    session.flush()
    return row


def active_model(session: Session, condominium_id: int) -> RiskModel:
    row = session.scalar(select(RiskModel).where(RiskModel.condominium_id == condominium_id,
                                                 RiskModel.is_active.is_(True)))
    if row is None:
        raise NotFound("no delinquency model yet: train one first")
    return row


def list_models(session: Session, actor: Actor) -> list[RiskModel]:
    actor.require_capability("finance.read")
    return list(session.scalars(select(RiskModel).where(
        RiskModel.condominium_id == actor.condominium_id).order_by(RiskModel.id.desc())))


@dataclass
class UnitRisk:
    unit_id: int
    unit_code: str
    score: float
    reasons: list[dict]


def _reasons(model: Pipeline, vector: list[float], top: int = 3) -> list[dict]:
    """The features that raise this unit's score most (coefficient x standardised value)."""
    scaler, regression = model[0], model[-1]
    scaled = (np.array(vector) - scaler.mean_) / scaler.scale_
    push = regression.coef_[0] * scaled
    order = [i for i in np.argsort(-push) if push[i] > 0][:top]
    return [{"feature": FEATURES[i], "value": round(float(vector[i]), 3),
             "weight": round(float(push[i]), 3)} for i in order]


def scores(session: Session, actor: Actor, today: date, unit_id: int | None = None
           ) -> list[UnitRisk]:
    """Risk that each unit (or one unit) pays its next dues late, highest first."""
    actor.require_capability("finance.read")
    if unit_id is not None:
        scoped_unit(session, actor, unit_id)
    model: Pipeline = pickle.loads(active_model(session, actor.condominium_id).model_blob)
    histories = load_histories(session, actor.condominium_id)
    codes = dict(session.execute(select(Unit.id, Unit.code).where(
        Unit.condominium_id == actor.condominium_id)).all())
    rows = [(uid, vector) for uid, history in histories.items()
            if unit_id is None or uid == unit_id
            if (vector := features_at(history, today)) is not None]
    if unit_id is not None and not rows:
        raise NotFound("not enough payment history for this unit")
    if not rows:
        return []
    probabilities = model.predict_proba(np.array([v for _, v in rows]))[:, 1]
    out = [UnitRisk(uid, codes.get(uid, ""), round(float(p), 4), _reasons(model, vector))
           for (uid, vector), p in zip(rows, probabilities)]
    return sorted(out, key=lambda r: (-r.score, r.unit_code))
