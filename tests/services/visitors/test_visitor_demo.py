"""The demo's visits: a month of entries and exits through the hash-chained log, with
every KPI filled."""
from __future__ import annotations

import random
from datetime import timedelta

from conserje.extensions import db
from conserje.models.base import utcnow
from conserje.services.access.access_log import verify_chain
from conserje.services.visitors.demo import seed_visits


def test_demo_visits_fill_the_kpis_and_keep_the_chain(app, world, client, login):
    with app.app_context():
        count = seed_visits(db.session, world.condo_id, random.Random(3), days=10)
        db.session.commit()
        checked, problems = verify_chain(db.session, world.condo_id)
    assert count >= 10 and checked >= count and problems == []
    today = utcnow().date()
    kpis = client.get(f"/api/v1/visitor-admin/kpis?since={today - timedelta(days=12)}"
                      f"&until={today}", headers=login("admin@a.test")).json
    assert kpis["unique_visitors"] > 0 and kpis["average_stay_minutes"] >= 20
    assert set(kpis["methods"]) <= {"qr", "document"} and 8 <= kpis["peak_hour"] <= 21
    assert kpis["recurring_visitors"] == 1 and kpis["one_off_visitors"] > 0
    assert 0 < kpis["approval_rate"] <= 1 and kpis["average_response_seconds"] > 0
    assert client.get("/api/v1/visits/inside", headers=login("guard@a.test")).json == []
