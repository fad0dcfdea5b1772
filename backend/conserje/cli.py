"""The ``conserje`` console command: database, users, demo data and the processes."""
from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

import click
from dotenv import load_dotenv
from flask import current_app

from conserje import create_app
from conserje.extensions import db, redis_store


@click.group()
def main() -> None:
    """Conserje: condominium management with AI gate security."""
    load_dotenv(override=False)  # a local .env fills in what the environment lacks


def with_appcontext(func):
    """Run the command inside an app built from the environment."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            app = create_app()
        except RuntimeError as exc:  # configuration errors: a message, not a traceback
            raise click.ClickException(str(exc)) from exc
        with app.app_context():
            return func(*args, **kwargs)

    return wrapper


def alembic_config():
    from alembic.config import Config as AlembicConfig

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", current_app.config["MIGRATIONS_DIR"])
    cfg.set_main_option("sqlalchemy.url",
                        current_app.config["SQLALCHEMY_DATABASE_URI"].replace("%", "%%"))
    cfg.attributes["configure_logger"] = False
    return cfg


@main.command("init-db")
@with_appcontext
def init_db() -> None:
    """Migrate the database to the latest revision; create a first condominium if none."""
    import logging

    from alembic import command

    from conserje.services.setup.condominiums import ensure_condominium

    logging.getLogger("alembic").setLevel(logging.WARNING)

    uri = current_app.config["SQLALCHEMY_DATABASE_URI"]
    if uri.startswith("sqlite:///"):
        Path(uri.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    command.upgrade(alembic_config(), "head")
    cfg = current_app.config
    condo = ensure_condominium(db.session, cfg["DEFAULT_CONDOMINIUM_NAME"],
                               cfg["DEFAULT_TIME_ZONE"], cfg["DEFAULT_CURRENCY"],
                               cfg["DEFAULT_COUNTRY"])
    db.session.commit()
    click.echo(f"database at head; condominium #{condo.id} {condo.name!r}")


@main.command("create-admin")
@click.option("--email", required=True)
@click.option("--password", required=True)
@click.option("--condominium-id", type=int, default=None,
              help="defaults to the first condominium")
@with_appcontext
def create_admin(email: str, password: str, condominium_id: int | None) -> None:
    """Create an admin account (or give an existing account the admin role)."""
    from conserje.services.setup.admin_setup import grant_admin

    try:
        user, created = grant_admin(db.session, email, password, condominium_id)
    except Exception as exc:  # noqa: BLE001 - report domain errors as CLI errors
        db.session.rollback()
        raise click.ClickException(getattr(exc, "message", str(exc))) from exc
    db.session.commit()
    click.echo(f"{'created' if created else 'updated'} admin {user.email}")


@main.command("seed-demo")
@with_appcontext
def seed_demo() -> None:
    """Fill the first condominium with a synthetic demo (idempotent)."""
    from conserje.services.demo.seed import DEMO_ADMIN_EMAIL, DEMO_PASSWORD, seed_demo as seed
    from conserje.services.setup.condominiums import first_condominium

    condo = first_condominium(db.session)
    if condo is None:
        raise click.ClickException("no condominium: run `conserje init-db` first")
    summary = seed(db.session, condo)
    db.session.commit()
    if summary.created:
        click.echo(f"demo: {summary.units} units, {summary.people} people, "
                   f"{summary.vehicles} vehicles, {summary.gates} gates, "
                   f"{summary.finance_months} months of dues and payments")
    else:
        click.echo("demo data already present")
    click.echo(f"log in as {DEMO_ADMIN_EMAIL} / {DEMO_PASSWORD}")


def recover_orphaned_jobs(app) -> None:
    """Mark the jobs a dead process left unfinished ``failed`` (see tasks.recovery)."""
    from sqlalchemy.exc import SQLAlchemyError

    from conserje.tasks.recovery import fail_orphaned_jobs

    with app.app_context():
        embedded = redis_store.is_embedded(app)
        try:
            fail_orphaned_jobs(db.session, None if embedded else redis_store.connection)
        except SQLAlchemyError as exc:  # e.g. no tables yet: serve still answers /health
            click.echo(f"could not check for orphaned jobs ({type(exc).__name__}); "
                       "run `conserje init-db`", err=True)
        finally:
            db.session.remove()


@main.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--workers", type=int, default=None,
              help="gunicorn workers (default 1 when embedded, 2 with Redis)")
@click.option("--threads", type=int, default=4, show_default=True)
def serve(host: str, port: int, workers: int | None, threads: int) -> None:
    """Serve the API and the built SPA with gunicorn; without Redis, also run the jobs
    and the cron table in the worker process."""
    from gunicorn.app.base import BaseApplication

    try:
        app = create_app()
    except RuntimeError as exc:
        raise click.ClickException(str(exc)) from exc
    embedded = redis_store.is_embedded(app)
    # Embedded mode keeps jobs and counters in process memory: one process only.
    workers = workers or (1 if embedded else 2)
    recover_orphaned_jobs(app)
    with app.app_context():
        db.engine.dispose()  # no database connection may cross gunicorn's fork

    def post_worker_init(worker) -> None:
        # Embedded, the queue and the job thread live in the worker process, so the cron
        # table runs there too (the master's queue is not the worker's after the fork);
        # with several workers each runs it and the cron claims let one enqueue a slot.
        from conserje.scheduler import start_in_thread

        if workers == 1:
            recover_orphaned_jobs(app)  # a restarted worker's jobs died with the last one
        start_in_thread(app)

    class Server(BaseApplication):
        def load_config(self):
            settings = {"bind": f"{host}:{port}", "workers": workers, "threads": threads,
                        "accesslog": "-", "worker_class": "gthread"}
            if embedded:
                settings["post_worker_init"] = post_worker_init
            for key, value in settings.items():
                self.cfg.set(key, value)

        def load(self):
            return app

    Server().run()


@main.command("worker")
@click.argument("queues", nargs=-1)
@click.option("--burst", is_flag=True, help="exit when the queues are empty")
@with_appcontext
def worker(queues: tuple[str, ...], burst: bool) -> None:
    """Run an RQ worker on the ingest, training and default queues."""
    from rq import Worker

    from conserje.tasks.queues import QUEUES

    if redis_store.is_embedded():
        raise click.ClickException("CONSERJE_REDIS_URL is not set: without Redis, jobs run "
                                   "inside the api process and no worker is needed")
    recover_orphaned_jobs(current_app._get_current_object())
    Worker(list(queues or QUEUES), connection=redis_store.connection).work(burst=burst)


@main.command("scheduler")
@with_appcontext
def scheduler() -> None:
    """Run the cron scheduler (it only enqueues jobs)."""
    from conserje.scheduler import run_scheduler

    if redis_store.is_embedded():
        raise click.ClickException("CONSERJE_REDIS_URL is not set: without Redis, "
                                   "`conserje serve` runs the cron table itself")
    run_scheduler(current_app._get_current_object())


@main.command("openapi")
@click.option("--output", type=click.Path(dir_okay=False), default="-")
def openapi(output: str) -> None:
    """Write the OpenAPI document (input of the SPA's generated client)."""
    from conserje.config import Config
    from conserje.extensions import api

    # The document does not depend on secrets: export works on a bare checkout.
    create_app(Config(SECRET_KEY="openapi-export-only"))
    text = json.dumps(api.spec.to_dict(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    if output == "-":
        sys.stdout.write(text)
    else:
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}")


@main.command("models")
def models() -> None:
    """List the face models and detectors: available, or which file is missing."""
    from conserje.config import Config
    from vision import detectors, embedders
    from vision.embedders import MODEL_FILES

    models_dir = Config().MODELS_DIR
    for name, path in embedders.weight_status(models_dir).items():
        state = f"available ({path})" if path else f"missing {MODEL_FILES[name]} in {models_dir}"
        click.echo(f"face model {name:<13} {state}")
    for name, path in detectors.weight_status(models_dir).items():
        state = ("available (no weights file needed)" if path == "" else
                 f"available ({path})" if path else
                 f"missing {detectors.DETECTOR_FILES[name]} in {models_dir} "
                 "(python -m training finetune-detector makes one)")
        click.echo(f"detector   {name:<13} {state}")


@main.command("verify-log")
@click.option("--condominium-id", type=int, default=None,
              help="check one condominium (default: every one)")
@click.option("--expect-head", default=None,
              help="the last hash written down earlier: also detects a cut-off tail")
@with_appcontext
def verify_log(condominium_id: int | None, expect_head: str | None) -> None:
    """Recompute the access log's hash chain; exit 1 if any row was changed or deleted."""
    from sqlalchemy import select

    from conserje.models import Condominium
    from conserje.services.access.access_log import head, verify_chain

    ids = [condominium_id] if condominium_id else \
        list(db.session.scalars(select(Condominium.id).order_by(Condominium.id)))
    broken = False
    for condo in ids:
        checked, problems = verify_chain(db.session, condo)
        last = head(db.session, condo)
        for problem in problems:
            broken = True
            click.echo(f"condominium {condo}: row seq {problem.seq_no} (id {problem.event_id}) "
                       f"{problem.problem.replace('_', ' ')}")
        if expect_head and condominium_id and last != expect_head:
            broken = True
            click.echo(f"condominium {condo}: head {last} is not the expected {expect_head}")
        click.echo(f"condominium {condo}: {checked} events, "
                   f"{'BROKEN' if problems else 'intact'}, head {last}")
    if broken:
        sys.exit(1)
