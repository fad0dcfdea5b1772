"""Shared fixtures: a real database (SQLite, or PostgreSQL via CONSERJE_TEST_DATABASE_URL),
real Redis, the real app. Tables are emptied after each test, not mocked."""
from __future__ import annotations

import os
import uuid
from dataclasses import dataclass

import pytest
import redis as redis_lib
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from conserje import create_app
from conserje.config import REPO_ROOT, TestConfig
from conserje.extensions import db
from conserje.models import Base

TEST_REDIS_URL = os.environ.get("CONSERJE_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
POSTGRES_ADMIN_URL = os.environ.get("CONSERJE_TEST_POSTGRES_URL",
                                    "postgresql+psycopg://127.0.0.1:5432/test")


def _migrate(url: str) -> None:
    from alembic import command
    from alembic.config import Config as AlembicConfig

    cfg = AlembicConfig(str(REPO_ROOT / "alembic.ini"))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    cfg.attributes["configure_logger"] = False
    command.upgrade(cfg, "head")


class ScratchPostgres:
    """A throw-away PostgreSQL database created from an admin URL and dropped after."""

    def __init__(self, admin_url: str):
        self.admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        self.name = f"conserje_t_{uuid.uuid4().hex[:12]}"
        self.url = make_url(admin_url).set(database=self.name).render_as_string(False)

    def __enter__(self) -> str:
        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{self.name}"'))
        return self.url

    def __exit__(self, *exc) -> None:
        with self.admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
        self.admin.dispose()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    """A migrated empty database for the whole run."""
    requested = os.environ.get("CONSERJE_TEST_DATABASE_URL")
    if requested and requested.startswith("postgresql"):
        with ScratchPostgres(requested) as url:
            _migrate(url)
            yield url
        return
    path = tmp_path_factory.mktemp("db") / "conserje-test.db"
    url = f"sqlite:///{path}"
    _migrate(url)
    yield url


@pytest.fixture(scope="session")
def app(database_url, tmp_path_factory):
    media = tmp_path_factory.mktemp("media")
    application = create_app(TestConfig(
        SQLALCHEMY_DATABASE_URI=database_url, REDIS_URL=TEST_REDIS_URL, MEDIA_DIR=str(media),
        MODELS_DIR=str(media / "models"), FRONTEND_DIST=str(media / "no-dist"),
    ))
    # No app context stays pushed: each test-client request gets its own, as in production.
    return application


@pytest.fixture(scope="session")
def redis_conn():
    conn = redis_lib.Redis.from_url(TEST_REDIS_URL)
    conn.ping()
    return conn


@pytest.fixture(autouse=True)
def _clean_state(request, redis_conn):
    """Empty every table and the test Redis database after each test."""
    yield
    redis_conn.flushdb()
    # The generation counters just went back to zero and the next test may reuse the same
    # condominium and model ids: no gallery cached by this test may answer for the next.
    from conserje.services.faces.engine import galleries

    galleries.clear()
    if "app" not in request.fixturenames:
        return
    with request.getfixturevalue("app").app_context():
        with db.engine.begin() as conn:
            for table in reversed(Base.metadata.sorted_tables):
                conn.execute(table.delete())


@pytest.fixture
def client(app):
    return app.test_client()


@dataclass
class World:
    """Two condominiums with units, people and users of each role (see ``build_world``)."""
    condo_id: int
    other_condo_id: int
    ids: dict
    password: str = "correct-horse-9"


@pytest.fixture
def world(app) -> World:
    from tests.factories import build_world

    with app.app_context():
        return build_world()


@pytest.fixture
def app_ctx(app):
    """An app context for direct service/database work inside a test."""
    with app.app_context():
        yield app


def auth_headers(client, email: str, password: str = "correct-horse-9",
                 condominium_id: int | None = None) -> dict:
    response = client.post("/api/v1/auth/login", json={"email": email, "password": password})
    assert response.status_code == 200, response.json
    headers = {"Authorization": f"Bearer {response.json['access_token']}"}
    if condominium_id is not None:
        headers["X-Condominium-Id"] = str(condominium_id)
    return headers


@pytest.fixture
def login(client):
    def _login(email: str, password: str = "correct-horse-9", condominium_id=None) -> dict:
        return auth_headers(client, email, password, condominium_id)
    return _login



SHARED_FACES = REPO_ROOT.parent / "shared" / "datasets" / "faces"


@pytest.fixture(scope="session")
def face_detector_set(tmp_path_factory):
    """A YOLO face set from 30 identities' first 3 shared photos, labelled by dlib's HOG
    detector (the identities after them stay unseen for held-out checks)."""
    from training.yolo_dataset import label_photos, write_yolo_dataset
    from vision import detectors

    paths = [p for folder in sorted(SHARED_FACES.iterdir())[:30]
             for p in sorted(folder.iterdir())[:3]]
    labelled = label_photos(paths, detectors.build("dlib_hog"))
    return write_yolo_dataset(labelled, tmp_path_factory.mktemp("yolo-set"))


@pytest.fixture(scope="session")
def trained_face_detector(face_detector_set, tmp_path_factory):
    """A small YOLO face detector trained from scratch in this run (no weights ship with
    any package), exported to ONNX: (models folder, training result)."""
    from training.detector_finetune import finetune_detector

    models_dir = tmp_path_factory.mktemp("trained-detector")
    result = finetune_detector(face_detector_set.yaml, models_dir, "yolov8n.yaml", epochs=40,
                               imgsz=160, name="yolo_face_test")
    return models_dir, result


# The demo world's signed-in roles, as request headers.
@pytest.fixture
def admin(world, login):
    return login("admin@a.test")


@pytest.fixture
def guard(world, login):
    return login("guard@a.test")


@pytest.fixture
def ana(world, login):
    return login("ana@a.test")
