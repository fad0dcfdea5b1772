"""Consent, enrolment, identification and erasure through the API, on the shared photos,
with real models, the real database and real Redis."""
from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from sqlalchemy import select

from conserje.config import REPO_ROOT
from conserje.extensions import db
from conserje.models import Face, FaceEmbedding

FACES = REPO_ROOT.parent / "shared" / "datasets" / "faces"
MISC = REPO_ROOT.parent / "shared" / "datasets" / "faces_misc"
IMPOSTORS = REPO_ROOT.parent / "shared" / "datasets" / "faces_impostors"


def photos(*paths: Path) -> dict:
    return {"image": [(io.BytesIO(p.read_bytes()), p.name) for p in paths]}


def post_photos(client, url, headers, *paths, **form):
    data = photos(*paths)
    data.update(form)
    return client.post(url, data=data, headers=headers, content_type="multipart/form-data")


@pytest.fixture
def consented(client, admin, world):
    for key in ("person1", "person2"):
        res = client.post(f"/api/v1/people/{world.ids[key]}/biometric-consent",
                          json={"version": "2026-11"}, headers=admin)
        assert res.status_code == 201, res.json
    return world


def enrol(client, admin, person_id, *paths):
    return post_photos(client, f"/api/v1/people/{person_id}/faces", admin, *paths)


def test_enrolment_requires_consent(client, admin, world):
    res = enrol(client, admin, world.ids["person1"], FACES / "obama" / "1.jpg")
    assert res.status_code == 409 and "consent" in res.json["message"]


def test_consent_is_recorded_once_and_versioned(client, admin, consented):
    again = client.post(f"/api/v1/people/{consented.ids['person1']}/biometric-consent",
                        json={"version": "2026-12"}, headers=admin)
    assert again.status_code == 409
    assert client.post(f"/api/v1/people/{consented.ids['person1']}/biometric-consent",
                       json={}, headers=admin).status_code == 422


def test_enrol_reports_each_photo(client, admin, consented, app):
    corrupt = MISC / "labels.csv"  # not an image
    res = enrol(client, admin, consented.ids["person1"], FACES / "obama" / "1.jpg",
                FACES / "obama" / "2.jpg", MISC / "noface_darknet_eagle.jpg",
                MISC / "group_fr_two_people.jpg", corrupt)
    assert res.status_code == 201, res.json
    results = res.json["results"]
    assert [r["status"] for r in results] == ["accepted", "accepted", "rejected", "rejected",
                                              "rejected"]
    assert results[2]["reasons"] == ["no_face"]
    assert results[3]["reasons"] == ["multiple_faces"]
    assert results[4]["reasons"] == ["not_an_image"]
    assert results[0]["quality"]["ok"] is True
    listed = client.get(f"/api/v1/people/{consented.ids['person1']}/faces", headers=admin).json
    assert {f["id"] for f in listed} == {results[0]["face_id"], results[1]["face_id"]}
    # The same photo again adds nothing.
    dup = enrol(client, admin, consented.ids["person1"], FACES / "obama" / "1.jpg")
    assert dup.json["results"][0]["reasons"] == ["duplicate"]
    with app.app_context():
        assert db.session.query(Face).count() == 2
        assert db.session.query(FaceEmbedding).count() == 2
        keys = [f.image_key for f in db.session.scalars(select(Face))]
    media = Path(app.config["MEDIA_DIR"])
    assert all((media / key).is_file() for key in keys)


def test_identify_matches_enrolled_people_and_not_strangers(client, admin, consented, login):
    enrol(client, admin, consented.ids["person1"], *[FACES / "obama" / f"{n}.jpg"
                                                     for n in (1, 2, 3)])
    enrol(client, admin, consented.ids["person2"], FACES / "biden" / "1.jpg",
          FACES / "biden" / "2.jpg")
    guard = login("guard@a.test")
    res = post_photos(client, "/api/v1/faces/identify", guard, MISC / "group_fr_two_people.jpg")
    assert res.status_code == 200, res.json
    matched = {f["match"]["person_id"] for f in res.json["faces"] if f["decision"] == "match"}
    assert matched == {consented.ids["person1"], consented.ids["person2"]}
    face = next(f for f in res.json["faces"] if f["decision"] == "match")
    assert set(face["bbox"]) == {"x", "y", "w", "h"} and face["match"]["name"]
    stranger = post_photos(client, "/api/v1/faces/identify", guard,
                           sorted(IMPOSTORS.iterdir())[0])
    assert [f["decision"] for f in stranger.json["faces"]] == ["unknown"]
    nobody = post_photos(client, "/api/v1/faces/identify", guard,
                         MISC / "noface_cf_landscape.jpg")
    assert nobody.json["faces"] == []
    small = post_photos(client, "/api/v1/faces/identify", guard, FACES / "bill_clinton" / "1.jpg",
                        source="camera")
    assert small.json["faces"][0]["decision"] == "low_quality"
    assert "frame_too_small" in small.json["faces"][0]["quality"]["reasons"]


def test_erasure_leaves_nothing_behind(client, admin, consented, app, login):
    from conserje.services.faces.engine import galleries

    person = consented.ids["person1"]
    enrol(client, admin, person, FACES / "obama" / "1.jpg", FACES / "obama" / "2.jpg")
    guard = login("guard@a.test")
    probe = FACES / "obama" / "3.jpg"
    first = post_photos(client, "/api/v1/faces/identify", guard, probe)
    assert first.json["faces"][0]["decision"] == "match"
    assert person in galleries.cached_labels(consented.condo_id)  # now cached in this process
    with app.app_context():
        keys = [f.image_key for f in db.session.scalars(select(Face))]
    assert client.delete(f"/api/v1/people/{person}/biometric-consent",
                         headers=admin).status_code == 204
    media = Path(app.config["MEDIA_DIR"])
    assert keys and not any((media / key).exists() for key in keys)
    with app.app_context():
        assert db.session.query(Face).filter_by(person_id=person).count() == 0
        assert db.session.query(FaceEmbedding).filter_by(person_id=person).count() == 0
    after = post_photos(client, "/api/v1/faces/identify", guard, probe)
    assert after.json["faces"][0]["decision"] == "unknown"
    assert person not in galleries.cached_labels(consented.condo_id)
    # Without consent, no new enrolment.
    assert enrol(client, admin, person, probe).status_code == 409


def test_delete_one_face(client, admin, consented, app):
    res = enrol(client, admin, consented.ids["person1"], FACES / "obama" / "1.jpg",
                FACES / "obama" / "2.jpg")
    face_id = res.json["results"][0]["face_id"]
    url = f"/api/v1/people/{consented.ids['person1']}/faces/{face_id}"
    assert client.delete(url, headers=admin).status_code == 204
    assert client.delete(url, headers=admin).status_code == 404
    remaining = client.get(f"/api/v1/people/{consented.ids['person1']}/faces", headers=admin)
    assert len(remaining.json) == 1


def test_bad_uploads_are_4xx(client, admin, consented, app, monkeypatch):
    url = f"/api/v1/people/{consented.ids['person1']}/faces"
    assert client.post(url, data={}, headers=admin,
                       content_type="multipart/form-data").status_code == 422
    many = [FACES / "obama" / "1.jpg"] * 11
    assert post_photos(client, url, admin, *many).status_code == 422
    monkeypatch.setitem(app.config, "MAX_CONTENT_LENGTH", 10_000)
    assert post_photos(client, url, admin, FACES / "obama" / "1.jpg").status_code == 413
    monkeypatch.setitem(app.config, "MAX_CONTENT_LENGTH", 20 * 1024 * 1024)
    garbage = {"image": [(io.BytesIO(os.urandom(5000)), "x.jpg")]}
    res = client.post("/api/v1/faces/identify", data=garbage, headers=admin,
                      content_type="multipart/form-data")
    assert res.status_code == 422 and res.json["errors"]["files"]["image"] == ["not_an_image"]


def test_residents_cannot_enrol_or_identify(client, consented, login):
    resident = login("ana@a.test")
    own = enrol(client, resident, consented.ids["person1"], FACES / "obama" / "1.jpg")
    assert own.status_code == 403
    res = post_photos(client, "/api/v1/faces/identify", resident, FACES / "obama" / "1.jpg")
    assert res.status_code == 403


def test_face_photo_is_served_to_managers_only(client, admin, consented, login):
    res = enrol(client, admin, consented.ids["person1"], FACES / "obama" / "1.jpg")
    face_id = res.json["results"][0]["face_id"]
    url = f"/api/v1/people/{consented.ids['person1']}/faces/{face_id}/image"
    photo = client.get(url, headers=admin)
    assert photo.status_code == 200 and photo.data[:2] == b"\xff\xd8"
    assert photo.headers["Cache-Control"] == "no-store"
    assert client.get(url, headers=login("ana@a.test")).status_code == 403
    other = f"/api/v1/people/{consented.ids['person2']}/faces/{face_id}/image"
    assert client.get(other, headers=admin).status_code == 404
