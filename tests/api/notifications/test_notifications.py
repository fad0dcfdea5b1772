"""In-app notifications: each user reads and marks only their own."""
from __future__ import annotations

from conserje.extensions import db
from conserje.models import AppNotification
from tests.api.test_bad_input import assert_error_shape


def test_users_see_and_mark_only_their_notifications(app, client, world, login):
    with app.app_context():
        rows = [AppNotification(condominium_id=world.condo_id, user_id=world.ids[key],
                                topic="payment_reminder", title=f"hola {key}", body="...")
                for key in ("user_resident1", "user_resident2")]
        db.session.add_all(rows)
        db.session.commit()
        ana_id, bruno_id = rows[0].id, rows[1].id
    ana = login("ana@a.test")
    mine = client.get("/api/v1/notifications", headers=ana).json
    assert [(n["id"], n["read_at"]) for n in mine] == [(ana_id, None)]
    assert client.post("/api/v1/notifications/read", json={"ids": [ana_id, bruno_id]},
                       headers=ana).status_code == 204
    assert client.get("/api/v1/notifications?unread=true", headers=ana).json == []
    bruno = login("bruno@a.test")
    assert [n["read_at"] for n in client.get("/api/v1/notifications",
                                             headers=bruno).json] == [None]
    assert_error_shape(client.post("/api/v1/notifications/read", json={"ids": []},
                                   headers=ana), 422)
