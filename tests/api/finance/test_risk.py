"""Delinquency risk over the API: training is a tracked job on a real RQ worker; scores
and reasons are for managers only."""
from __future__ import annotations

from decimal import Decimal

from rq import SimpleWorker

from conserje.extensions import db, redis_store
from conserje.models import Unit
from conserje.services.core.actor import Actor
from conserje.services.finance.settings import local_today, update_settings
from conserje.services.finance.simulation import simulate
from conserje.tasks.queues import get_queue
from tests.api.test_bad_input import assert_error_shape


def test_train_job_then_scores_with_reasons(app, client, world, login):
    with app.app_context():
        db.session.add_all(Unit(condominium_id=world.condo_id, code=f"S-{i:02d}")
                           for i in range(30))
        actor = Actor(None, world.condo_id, frozenset({"admin"}))
        update_settings(db.session, actor, {"dues_amount": Decimal(55_000)})
        simulate(db.session, world.condo_id, 20, local_today(db.session, world.condo_id))
        db.session.commit()
    admin = login("admin@a.test")
    assert_error_shape(client.get("/api/v1/finance/risk", headers=admin), 404)
    accepted = client.post("/api/v1/risk-models", headers=admin)
    assert accepted.status_code == 202
    with app.app_context():
        SimpleWorker([get_queue("training")],
                     connection=redis_store.connection).work(burst=True)
    job = client.get(f"/api/v1/jobs/{accepted.json['job_id']}", headers=admin).json
    assert job["state"] == "finished", job
    models = client.get("/api/v1/risk-models", headers=admin).json
    assert len(models) == 1 and models[0]["is_active"]
    assert 0 <= float(models[0]["roc_auc"]) <= 1 and "test_periods" in models[0]["metrics"]
    ranking = client.get("/api/v1/finance/risk", headers=admin).json
    assert len(ranking) == 32 and ranking[0]["score"] >= ranking[-1]["score"]
    one = client.get(f"/api/v1/accounts/{ranking[0]['unit_id']}/risk", headers=admin).json
    assert one["unit_id"] == ranking[0]["unit_id"] and one["score"] == ranking[0]["score"]
    assert all(r["weight"] > 0 for r in one["reasons"])
    ana = login("ana@a.test")
    assert client.get("/api/v1/finance/risk", headers=ana).status_code == 403
    assert client.get(f"/api/v1/accounts/{world.ids['unit1']}/risk",
                      headers=ana).status_code in (403, 404)
    assert client.post("/api/v1/risk-models", headers=ana).status_code == 403
