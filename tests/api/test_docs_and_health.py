"""OpenAPI document, Swagger UI with local assets, SPA serving, and the health probe."""
from __future__ import annotations

import json

from conserje.config import REPO_ROOT


def test_openapi_document_lists_the_contract(client):
    spec = client.get("/api/openapi.json").json
    assert spec["openapi"].startswith("3.")
    for path in ("/api/v1/auth/login", "/api/v1/units/{obj_id}", "/api/v1/people",
                 "/api/v1/memberships", "/api/v1/users", "/api/v1/vehicles", "/api/v1/gates",
                 "/api/v1/health", "/api/v1/imports/units"):
        assert path in spec["paths"], path
    membership = spec["components"]["schemas"]["Membership"]["properties"]
    assert {"unit_id", "person_id"} <= set(membership)
    user = spec["components"]["schemas"]["UserCreate"]["properties"]
    assert {"email", "password", "roles", "person_id"} <= set(user)
    assert spec["paths"]["/api/v1/auth/login"]["post"]["security"] == []


def test_swagger_ui_is_served_without_a_cdn(client):
    page = client.get("/api/docs")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower() and "https://" not in html
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css", "swagger-ui-standalone-preset.js"):
        res = client.get(f"/api/docs/assets/{asset}")
        assert res.status_code == 200 and len(res.data) > 1000, asset


def test_committed_openapi_document_is_current(client):
    """The SPA's generated client is built from frontend/openapi.json: keep it in sync
    (`make openapi`)."""
    committed = json.loads((REPO_ROOT / "frontend" / "openapi.json").read_text())
    assert committed == client.get("/api/openapi.json").json


def test_spa_fallback_when_not_built(client):
    res = client.get("/")
    assert res.status_code == 200 and "make build" in res.get_data(as_text=True)
    assert client.get("/api/v1/unknown").status_code == 404


def test_spa_serves_index_for_client_routes(app, client, tmp_path, monkeypatch):
    (tmp_path / "index.html").write_text("<div id=root>spa</div>")
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "app.js").write_text("console.log(1)")
    monkeypatch.setitem(app.config, "FRONTEND_DIST", str(tmp_path))
    assert "spa" in client.get("/units/12").get_data(as_text=True)
    assert client.get("/assets/app.js").get_data(as_text=True) == "console.log(1)"


def test_health_reports_every_component(client):
    res = client.get("/api/v1/health")
    assert res.status_code == 200
    assert set(res.json["components"]) == {"database", "redis", "media", "models"}
    assert all(c["status"] == "ok" for c in res.json["components"].values())
    assert res.json["components"]["redis"]["detail"] == "server"


def test_health_degrades_when_redis_is_down(tmp_path, database_url):
    from conserje import create_app
    from conserje.config import TestConfig

    broken = create_app(TestConfig(SQLALCHEMY_DATABASE_URI=database_url,
                                   REDIS_URL="redis://127.0.0.1:1/0", MEDIA_DIR=str(tmp_path)))
    res = broken.test_client().get("/api/v1/health")
    assert res.status_code == 503 and res.json["components"]["redis"]["status"] == "error"
    assert res.json["components"]["database"]["status"] == "ok"


def test_a_configured_model_without_weights_stops_the_start(tmp_path, database_url):
    import pytest

    from conserje import create_app
    from conserje.config import TestConfig
    from vision.weights import MissingWeights

    with pytest.raises(MissingWeights) as err:
        create_app(TestConfig(SQLALCHEMY_DATABASE_URI=database_url, FACE_MODEL="SFace",
                              MODELS_DIR=str(tmp_path)))
    assert "face_recognition_sface_2021dec.onnx" in str(err.value)
    assert "CONSERJE_MODELS_DIR" in str(err.value)


def test_warm_start_builds_the_default_models(tmp_path, database_url):
    from conserje import create_app
    from conserje.config import TestConfig
    from vision import embedders

    embedders.registry.clear()
    app = create_app(TestConfig(SQLALCHEMY_DATABASE_URI=database_url, WARM_MODELS=True,
                                MODELS_DIR=str(tmp_path), MEDIA_DIR=str(tmp_path)))
    assert app.test_client().get("/api/v1/health").json["components"]["models"]["status"] == "ok"
    assert "Dlib" in embedders.registry.built()


def test_a_yolo_detector_without_its_file_stops_the_start(tmp_path, database_url,
                                                           trained_face_detector):
    import shutil

    import pytest

    from conserje import create_app
    from conserje.config import TestConfig
    from vision.weights import MissingWeights

    config = dict(SQLALCHEMY_DATABASE_URI=database_url, FACE_DETECTOR="yolo",
                  MODELS_DIR=str(tmp_path), MEDIA_DIR=str(tmp_path))
    with pytest.raises(MissingWeights) as err:
        create_app(TestConfig(**config))
    assert "yolo_face.onnx" in str(err.value) and "CONSERJE_FACE_DETECTOR_WEIGHTS" in str(err.value)
    models_dir, result = trained_face_detector
    shutil.copy(models_dir / result.onnx, tmp_path / result.onnx)
    app = create_app(TestConfig(**config, FACE_DETECTOR_WEIGHTS=result.onnx))
    assert app.test_client().get("/api/v1/health").json["components"]["models"]["status"] == "ok"


def test_the_spa_gets_a_content_security_policy_and_nothing_is_framed(client, app, tmp_path,
                                                                      monkeypatch):
    (tmp_path / "index.html").write_text("<!doctype html><div id=root>spa</div>")
    monkeypatch.setitem(app.config, "FRONTEND_DIST", str(tmp_path))
    page = client.get("/visitors")
    csp = page.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "'unsafe-eval'" not in csp and "script-src 'self' 'unsafe-inline'" not in csp
    for res in (page, client.get("/api/v1/health"), client.get("/api/docs")):
        assert res.headers["X-Frame-Options"] == "DENY"
        assert res.headers["X-Content-Type-Options"] == "nosniff"
        assert res.headers["Referrer-Policy"] == "same-origin"
    # Swagger UI starts with an inline script: its page carries no CSP that would block it.
    assert "Content-Security-Policy" not in client.get("/api/docs").headers
    assert "Content-Security-Policy" not in client.get("/api/v1/health").headers
