"""Delinquency prediction: model versions, training (a job) and risk scores."""
from __future__ import annotations

from flask_smorest import Blueprint

from ..extensions import db
from ..schemas.finance_docs import RiskModelSchema, UnitRiskSchema
from ..schemas.jobs import JobAccepted
from ..services.finance import prediction, settings
from ..tasks.finance import train_risk_model
from .context import current_actor
from .finance import accounts_blp, blp as finance_blp

blp = Blueprint("risk-models", __name__, url_prefix="/api/v1/risk-models",
                description="Delinquency prediction models")


@blp.route("", methods=["GET"])
@blp.response(200, RiskModelSchema(many=True))
@blp.doc(summary="Trained models with their validation metrics, newest first")
def list_models():
    return prediction.list_models(db.session, current_actor())


@blp.route("", methods=["POST"])
@blp.response(202, JobAccepted)
@blp.doc(summary="Train and validate a new model on the payment history (a job)")
def train():
    actor = current_actor()
    actor.require("admin")
    run = train_risk_model.enqueue_tracked(db.session, actor)
    db.session.commit()
    return {"job_id": run.rq_id}


def _today():
    return settings.local_today(db.session, current_actor().condominium_id)


@finance_blp.route("/risk", methods=["GET"])
@finance_blp.response(200, UnitRiskSchema(many=True))
@finance_blp.doc(summary="Units by risk of paying their next dues late, with reasons")
def risk_ranking():
    return prediction.scores(db.session, current_actor(), _today())


@accounts_blp.route("/<int:unit_id>/risk", methods=["GET"])
@accounts_blp.response(200, UnitRiskSchema)
@accounts_blp.doc(summary="One unit's delinquency risk and its top reasons (managers)")
def unit_risk(unit_id):
    return prediction.scores(db.session, current_actor(), _today(), unit_id)[0]
