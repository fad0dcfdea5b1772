"""The `conserje` command on a fresh database, in real subprocesses."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import ScratchPostgres

CONSERJE = str(Path(sys.executable).with_name("conserje"))


@contextmanager
def fresh_database_url(tmp_path):
    requested = os.environ.get("CONSERJE_TEST_DATABASE_URL", "")
    if requested.startswith("postgresql"):
        with ScratchPostgres(requested) as url:
            yield url
    else:
        yield f"sqlite:///{tmp_path / 'cli.db'}"


def minimal_env(database_url: str, tmp_path: Path) -> dict:
    # Only the two variables the contract promises are enough (plus a scratch media dir
    # so the test does not write into the checkout).
    return {"PATH": os.environ["PATH"], "HOME": str(tmp_path),
            "CONSERJE_DATABASE_URL": database_url, "CONSERJE_SECRET_KEY": "cli-test-secret",
            "CONSERJE_VAR_DIR": str(tmp_path / "var")}


def run(env, *args, check=True):
    result = subprocess.run([CONSERJE, *args], env=env, capture_output=True, text=True,
                            timeout=120)
    if check:
        assert result.returncode == 0, result.stderr[-2000:]
    return result


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def http(method, url, body=None, token=None):
    request = urllib.request.Request(url, method=method,
                                     data=json.dumps(body).encode() if body else None)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read() or b"null")


def test_init_create_admin_serve_gives_a_working_api(tmp_path):
    with fresh_database_url(tmp_path) as url:
        env = minimal_env(url, tmp_path)
        assert "condominium #1" in run(env, "init-db").stdout
        run(env, "init-db")  # idempotent
        assert "created admin" in run(env, "create-admin", "--email", "root@x.test",
                                      "--password", "s3cret-pass").stdout
        assert "updated admin" in run(env, "create-admin", "--email", "root@x.test",
                                      "--password", "s3cret-pass").stdout
        port = free_port()
        server = subprocess.Popen([CONSERJE, "serve", "--port", str(port)], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}/api/v1"
        try:
            for _ in range(100):
                try:
                    status, health = http("GET", f"{base}/health")
                    break
                except OSError:
                    time.sleep(0.2)
            else:
                pytest.fail("server did not start")
            assert status == 200 and health["status"] == "ok", health
            status, tokens = http("POST", f"{base}/auth/login",
                                  {"email": "root@x.test", "password": "s3cret-pass"})
            assert status == 200
            status, unit = http("POST", f"{base}/units", {"code": "A-102"},
                                tokens["access_token"])
            assert status == 201 and unit["code"] == "A-102"
            status, _ = http("GET", f"{base}/units/{unit['id']}", token=tokens["access_token"])
            assert status == 200
        finally:
            server.terminate()
            server.wait(timeout=20)


def test_seed_demo_is_idempotent_and_logs_in(tmp_path):
    with fresh_database_url(tmp_path) as url:
        env = minimal_env(url, tmp_path)
        run(env, "init-db")
        first = run(env, "seed-demo").stdout
        assert "16 units" in first and "admin@demo.conserje.app" in first
        assert "24 months of dues and payments" in first
        assert "already present" in run(env, "seed-demo").stdout


def test_missing_secret_and_missing_redis_are_clear_errors(tmp_path):
    env = minimal_env(f"sqlite:///{tmp_path / 'x.db'}", tmp_path)
    del env["CONSERJE_SECRET_KEY"]
    result = run(env, "init-db", check=False)
    assert result.returncode != 0 and "CONSERJE_SECRET_KEY is not set" in result.stderr
    env["CONSERJE_SECRET_KEY"] = "s"
    for command in ("worker", "scheduler"):
        result = run(env, command, check=False)
        assert result.returncode != 0 and "CONSERJE_REDIS_URL is not set" in result.stderr


def test_seed_demo_without_init_db_fails_clearly(tmp_path):
    env = minimal_env(f"sqlite:///{tmp_path / 'empty.db'}", tmp_path)
    result = run(env, "seed-demo", check=False)
    assert result.returncode != 0


def test_models_lists_what_is_available_and_what_file_is_missing(tmp_path):
    env = {**minimal_env(f"sqlite:///{tmp_path}/db.sqlite", tmp_path),
           "CONSERJE_MODELS_DIR": str(tmp_path / "models")}
    (tmp_path / "models").mkdir()
    lines = run(env, "models").stdout.splitlines()
    assert any(line.startswith("face model Dlib") and "available" in line for line in lines)
    assert any("SFace" in line and "missing face_recognition_sface_2021dec.onnx" in line
               for line in lines)
    assert any(line.startswith("detector   yolo") and "missing yolo_face.onnx" in line
               for line in lines)
    (tmp_path / "models" / "yolo_face.onnx").write_bytes(b"operator-provided")
    lines = run(env, "models").stdout.splitlines()
    assert any(line.startswith("detector   yolo") and "available" in line for line in lines)
