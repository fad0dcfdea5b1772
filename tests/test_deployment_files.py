"""docker-compose.yml, .env.example and the configuration agree with each other."""
from __future__ import annotations

import re

import yaml

from conserje.config import REPO_ROOT


def env_example_names() -> set[str]:
    text = (REPO_ROOT / ".env.example").read_text()
    return set(re.findall(r"^([A-Z][A-Z0-9_]*)=", text, flags=re.M))


def compose() -> dict:
    return yaml.safe_load((REPO_ROOT / "docker-compose.yml").read_text())


def test_every_compose_variable_is_documented():
    documented = env_example_names()
    services = compose()["services"]
    assert {"oracle", "redis", "minio", "api", "worker", "scheduler"} <= set(services)
    for name, service in services.items():
        env = service.get("environment") or {}
        keys = env.keys() if isinstance(env, dict) else [e.split("=", 1)[0] for e in env]
        missing = {k for k in keys if k.startswith("CONSERJE_")} - documented
        assert not missing, f"{name}: {missing} not in .env.example"
    interpolated = set(re.findall(r"\$\{(\w+)", (REPO_ROOT / "docker-compose.yml").read_text()))
    assert interpolated - documented == set()


def test_long_running_services_have_health_checks():
    for name, service in compose()["services"].items():
        if name != "minio-init":
            assert "healthcheck" in service, name


def test_backend_roles_share_one_dockerfile():
    services = compose()["services"]
    assert {services[role]["image"] for role in ("api", "scheduler")} == {"conserje-backend"}
    # The worker is the same Dockerfile with the training extra (detector fine-tuning).
    builds = [services[role]["build"] for role in ("api", "worker", "scheduler")]
    assert all(b == "." or b.get("context") == "." for b in builds)
    assert services["worker"]["build"]["args"] == {"EXTRAS": "training"}
    assert "ARG EXTRAS" in (REPO_ROOT / "Dockerfile").read_text()


def test_every_setting_read_by_config_is_documented():
    source = (REPO_ROOT / "backend" / "conserje" / "config.py").read_text()
    read = {f"CONSERJE_{n}" for n in re.findall(r'_env(?:_int|_bool)?\("(\w+)"', source)}
    assert read and read - env_example_names() == set()


def test_oracle_bootstrap_creates_the_application_user():
    sql = (REPO_ROOT / "db" / "oracle" / "sql" / "create_app_user.sql").read_text()
    assert "CREATE USER conserje" in sql and "GRANT CREATE SESSION" in sql
    oracle = compose()["services"]["oracle"]
    assert any("container-entrypoint-initdb.d" in v for v in oracle["volumes"])
