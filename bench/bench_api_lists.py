"""Median latency of the setup API's list/search endpoints on a seeded SQLite database.

Baseline: GET /api/v1/health in the same process (framework + one trivial query), so the
ratios say what scoping, search and pagination cost on top. Prints numbers; asserts none.

    .venv/bin/python bench/bench_api_lists.py [--people 5000] [--repeat 200]
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from alembic import command
from alembic.config import Config as AlembicConfig

from conserje import create_app
from conserje.config import REPO_ROOT, TestConfig
from conserje.extensions import db
from conserje.services.core.actor import Actor
from conserje.services.demo.seed import DEMO_ADMIN_EMAIL, DEMO_PASSWORD, seed_demo
from conserje.services.setup.condominiums import ensure_condominium
from conserje.services.setup.people import people


def median_ms(client, url, headers, repeat) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url, headers=headers)
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        cfg = AlembicConfig(str(REPO_ROOT / "alembic.ini"))
        cfg.set_main_option("sqlalchemy.url", url)
        cfg.attributes["configure_logger"] = False
        command.upgrade(cfg, "head")
        app = create_app(TestConfig(SQLALCHEMY_DATABASE_URI=url, MEDIA_DIR=tmp, REDIS_URL=""))
        with app.app_context():
            condo = ensure_condominium(db.session, "Bench", "UTC", "CLP", "CL")
            seed_demo(db.session, condo)
            actor = Actor(None, condo.id, frozenset({"admin"}))
            for n in range(args.people):
                people.create(db.session, actor, {"first_name": f"Nombre{n}",
                                                  "last_name": f"Apellido{n % 97}",
                                                  "doc_type": "passport",
                                                  "doc_number": f"P{n:07d}", "kind": "visitor"})
            db.session.commit()
        client = app.test_client()
        start = time.perf_counter()
        login = client.post("/api/v1/auth/login",
                            json={"email": DEMO_ADMIN_EMAIL, "password": DEMO_PASSWORD})
        login_ms = (time.perf_counter() - start) * 1000
        headers = {"Authorization": f"Bearer {login.json['access_token']}"}
        baseline = median_ms(client, "/api/v1/health", {}, args.repeat)
        print(f"people rows: {args.people + 35}, repeats: {args.repeat}")
        print(f"login (argon2 verify + tokens), one call: {login_ms:.1f} ms")
        print(f"{'endpoint':<48}{'median ms':>10}{'x health':>10}")
        print(f"{'GET /health (baseline)':<48}{baseline:>10.2f}{1:>10.2f}")
        for url in ("/api/v1/units?page_size=20", "/api/v1/people?page_size=20",
                    "/api/v1/people?q=apellido42&page_size=20", "/api/v1/people?q=P0001234",
                    "/api/v1/people?page=100&page_size=20", "/api/v1/vehicles?q=B"):
            value = median_ms(client, url, headers, args.repeat)
            print(f"{'GET ' + url.removeprefix('/api/v1'):<48}{value:>10.2f}"
                  f"{value / baseline:>10.2f}")


if __name__ == "__main__":
    main()
