"""Face dataset zips: uploaded through the API, ingested by a real RQ worker on real
Redis, with a per-image report; hostile archives are refused entry by entry."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from rq import SimpleWorker

from conserje.config import REPO_ROOT

FACES = REPO_ROOT.parent / "shared" / "datasets" / "faces"


def build_zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def upload(client, headers, data: bytes, **form):
    payload = {"file": (io.BytesIO(data), "faces.zip"), **form}
    return client.post("/api/v1/face-datasets", data=payload, headers=headers,
                       content_type="multipart/form-data")


def run_worker(app, redis_conn):
    with app.app_context():
        SimpleWorker(["ingest"], connection=redis_conn).work(burst=True)


def test_dataset_is_ingested_with_a_report_and_twice_adds_nothing(app, client, admin, world,
                                                                   redis_conn):
    obama, biden = FACES / "obama", FACES / "biden"
    hostile = {
        "set/11111111-1/a.jpg": (obama / "1.jpg").read_bytes(),      # by document number
        "set/11111111-1/b.jpg": (obama / "2.jpg").read_bytes(),
        f"set/{world.ids['person2']}/c.jpg": (biden / "1.jpg").read_bytes(),  # by person id
        "set/99999999-9/d.jpg": (biden / "2.jpg").read_bytes(),      # nobody has this document
        "set/11111111-1/notes.txt": b"hello",
        "set/11111111-1/inner.zip": build_zip({"x.jpg": b"x"}),
        "set/11111111-1/broken.jpg": b"\xff\xd8not really a jpeg",
        "set/11111111-1/bomb.jpg": b"\0" * 5_000_000,
        "set/../evil.jpg": (obama / "3.jpg").read_bytes(),
    }
    data = build_zip(hostile)
    accepted = upload(client, admin, data, consent_version="2026-11")
    assert accepted.status_code == 202, accepted.json
    job_id = accepted.json["job_id"]
    queued = client.get(f"/api/v1/jobs/{job_id}", headers=admin).json
    assert queued["state"] == "queued" and queued["progress"] == 0

    run_worker(app, redis_conn)
    done = client.get(f"/api/v1/jobs/{job_id}", headers=admin).json
    assert done["state"] == "finished" and done["progress"] == 100, done
    report = {Path(r["path"]).name: r for r in done["result"]["images"]}
    assert done["result"]["accepted"] == 3
    # The result is the DatasetReport component of the API document (the SPA's type).
    schemas = client.get("/api/openapi.json").json["components"]["schemas"]
    assert set(done["result"]) == set(schemas["DatasetReport"]["properties"])
    assert all(set(r) <= set(schemas["DatasetImage"]["properties"])
               and set(schemas["DatasetImage"]["required"]) <= set(r)
               for r in done["result"]["images"])
    accepted_names = {n for n, r in report.items() if r["status"] == "accepted"}
    assert accepted_names == {"a.jpg", "b.jpg", "c.jpg"}
    assert report["d.jpg"]["reasons"] == ["unknown_person"]
    assert report["notes.txt"]["reasons"] == ["not_an_image"]
    assert report["inner.zip"]["reasons"] == ["nested_archive"]
    assert report["broken.jpg"]["reasons"] == ["not_an_image"]
    assert report["bomb.jpg"]["reasons"] == ["zip_bomb"]
    assert report["evil.jpg"]["reasons"] == ["unsafe_path"]
    faces = client.get(f"/api/v1/people/{world.ids['person1']}/faces", headers=admin).json
    assert len(faces) == 2 and {f["source"] for f in faces} == {"dataset"}
    media = Path(app.config["MEDIA_DIR"])
    assert not list((media / "datasets").rglob("*.zip"))  # the upload is not kept

    again = upload(client, admin, data, consent_version="2026-11").json["job_id"]
    run_worker(app, redis_conn)
    second = client.get(f"/api/v1/jobs/{again}", headers=admin).json["result"]
    assert second["accepted"] == 0
    repeated = [r for r in second["images"] if r["path"].endswith(("a.jpg", "c.jpg"))]
    assert {tuple(r["reasons"]) for r in repeated} == {("duplicate",)}


def test_people_without_consent_are_skipped_unless_given(app, client, admin, world, redis_conn):
    data = build_zip({"11111111-1/a.jpg": (FACES / "obama" / "1.jpg").read_bytes()})
    job_id = upload(client, admin, data).json["job_id"]
    run_worker(app, redis_conn)
    result = client.get(f"/api/v1/jobs/{job_id}", headers=admin).json["result"]
    assert result["accepted"] == 0 and result["images"][0]["reasons"] == ["no_consent"]


def test_create_missing_people(app, client, admin, world, redis_conn):
    data = build_zip({"P-12345/a.jpg": (FACES / "biden" / "1.jpg").read_bytes()})
    job_id = upload(client, admin, data, create_missing="true",
                    consent_version="2026-11").json["job_id"]
    run_worker(app, redis_conn)
    result = client.get(f"/api/v1/jobs/{job_id}", headers=admin).json["result"]
    assert result["accepted"] == 1
    created = client.get("/api/v1/people?q=P-12345", headers=admin).json
    assert len(created) == 1 and created[0]["kind"] == "visitor"


def test_bad_uploads_and_job_scoping(client, admin, world, login):
    assert upload(client, admin, b"not a zip").status_code == 422
    missing = client.post("/api/v1/face-datasets", data={}, headers=admin,
                          content_type="multipart/form-data")
    assert missing.status_code == 422 and "file" in missing.json["errors"]["files"]
    guard = login("guard@a.test")
    assert upload(client, guard, build_zip({"a/b.jpg": b"x"})).status_code == 403
    job_id = upload(client, admin, build_zip({"a/b.jpg": b"x"})).json["job_id"]
    assert client.get(f"/api/v1/jobs/{job_id}", headers=login("admin@b.test")).status_code == 404
    assert client.get("/api/v1/jobs/nope", headers=admin).status_code == 404


def test_a_failing_job_is_reported_as_failed(app, client, admin, world, redis_conn):
    data = build_zip({"11111111-1/a.jpg": (FACES / "obama" / "1.jpg").read_bytes()})
    job_id = upload(client, admin, data).json["job_id"]
    for stored in (Path(app.config["MEDIA_DIR"]) / "datasets").rglob("*.zip"):
        stored.unlink()  # the upload vanished before the worker got to it
    run_worker(app, redis_conn)
    job = client.get(f"/api/v1/jobs/{job_id}", headers=admin).json
    assert job["state"] == "failed" and "KeyError" in job["error"]
    assert job["finished_at"] is not None
