"""The visitor's photo attached by the resident when pre-registering (seed 003, "Dados do
Pré-Cadastro: Foto"): the walk-in photo rules apply, it is stored with a thumbnail, the
guard sees it when the QR is scanned (UC-100 steps 4-5), other units' visits are 404."""
from __future__ import annotations

import io

import cv2
import numpy as np
import pytest

from tests.api.visitors.test_visits import good_photo, pre_register, scan
from tests.frames import FACES, gate_frame, jpeg


def attach(client, headers, visit_id, data=None):
    form = {} if data is None else {"photo": (io.BytesIO(data), "photo.jpg", "image/jpeg")}
    return client.post(f"/api/v1/visits/{visit_id}/photo", data=form, headers=headers,
                       content_type="multipart/form-data")


def test_resident_attaches_the_photo_and_the_guard_sees_it_at_the_scan(client, world, login):
    ana, guard = login("ana@a.test"), login("guard@a.test")
    visit = pre_register(client, ana, world.ids["unit1"]).json
    assert visit["has_photo"] is False
    assert client.get(f"/api/v1/visits/{visit['id']}/photo", headers=ana).status_code == 404
    res = attach(client, ana, visit["id"], good_photo("obama", 3))
    assert res.status_code == 200, res.json
    assert res.json["has_photo"] is True and res.json["pass"]["id"] == visit["pass"]["id"]
    # The guard scans the QR: the visit comes with its photo to compare with the face.
    result = scan(client, guard, world.ids["gate"], visit["pass"]["qr_payload"]).json
    assert result["decision"] == "granted" and result["visit"]["has_photo"] is True
    full = client.get(f"/api/v1/visits/{visit['id']}/photo", headers=guard)
    thumb = client.get(f"/api/v1/visits/{visit['id']}/photo?thumb=1", headers=guard)
    assert full.status_code == thumb.status_code == 200
    assert full.data[:2] == thumb.data[:2] == b"\xff\xd8" and len(thumb.data) < len(full.data)
    shape = cv2.imdecode(np.frombuffer(thumb.data, np.uint8), 1).shape
    assert max(shape[:2]) == 160  # the thumbnail for a quick look
    history = client.get(f"/api/v1/visits/{visit['id']}/history", headers=ana).json
    assert "photo attached" in [c["note"] for c in history["changes"]]


def test_bad_photos_get_422_with_the_reason(client, world, login):
    ana = login("ana@a.test")
    visit_id = pre_register(client, ana, world.ids["unit1"]).json["id"]

    def reasons(data=None):
        res = attach(client, ana, visit_id, data)
        assert res.status_code == 422, res.json
        return res.json["errors"]["files"]["photo"]

    assert reasons() == ["missing"]
    assert reasons(b"\xff\xd8 not really a jpeg") == ["not_an_image"]
    huge = cv2.imencode(".png", np.zeros((4200, 4200), np.uint8))[1].tobytes()
    assert reasons(huge) == ["too_large"]
    assert reasons(jpeg(np.full((600, 800, 3), 180, np.uint8))) == ["no_face"]
    small = jpeg(gate_frame(FACES / "obama" / "3.jpg", size=(320, 240), face_px=100))
    assert reasons(small) == ["frame_too_small"]
    assert client.get(f"/api/v1/visits/{visit_id}", headers=ana).json["has_photo"] is False


def test_another_units_visit_is_404_and_guards_cannot_attach(client, world, login):
    ana, bruno, guard = login("ana@a.test"), login("bruno@a.test"), login("guard@a.test")
    visit_id = pre_register(client, bruno, world.ids["unit2"]).json["id"]
    assert attach(client, ana, visit_id, b"x").status_code == 404
    assert attach(client, ana, 999_999, b"x").status_code == 404
    assert attach(client, guard, visit_id, b"x").status_code == 403
    assert client.post(f"/api/v1/visits/{visit_id}/photo", data={}).status_code == 401


def test_a_closed_visit_takes_no_photo(client, world, login):
    ana = login("ana@a.test")
    visit_id = pre_register(client, ana, world.ids["unit1"]).json["id"]
    client.post(f"/api/v1/visits/{visit_id}/deactivate", json={"reason": "no viene"},
                headers=ana)
    res = attach(client, ana, visit_id, good_photo("obama", 3))
    assert res.status_code == 409, res.json
    assert res.json["errors"]["files"]["visit"] == ["cancelled"]  # the body was multipart


def test_a_second_photo_replaces_the_first(app, client, world, login):
    from conserje.extensions import db
    from conserje.models import Visit
    from conserje.wiring import deps

    ana = login("ana@a.test")
    visit_id = pre_register(client, ana, world.ids["unit1"]).json["id"]
    assert attach(client, ana, visit_id, good_photo("obama", 3)).status_code == 200
    with app.app_context():
        first = db.session.get(Visit, visit_id).photo_key
    assert attach(client, ana, visit_id, good_photo("obama", 4)).status_code == 200
    with app.app_context():
        visit = db.session.get(Visit, visit_id)
        store = deps().store
        assert visit.photo_key != first
        # The visitor's own photo (reused on the next visit) is the first one: it stays.
        assert visit.visitor.photo_key == first and store.get(first)
        assert store.get(visit.photo_key)[:2] == b"\xff\xd8"
        second = visit.photo_key
    assert attach(client, ana, visit_id, good_photo("obama", 2)).status_code == 200
    with app.app_context():
        with pytest.raises(KeyError):  # replaced and pointed at by nothing: deleted
            deps().store.get(second)
        with pytest.raises(KeyError):
            deps().store.get(f"{second}.thumb.jpg")
        assert deps().store.get(first)
