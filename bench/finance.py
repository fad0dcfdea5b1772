"""Finance at scale on PostgreSQL: delinquency model vs a naive baseline, and report times.

Seeds a scratch PostgreSQL database with one condominium of --units units and --months
months of dues and payments (the simulated punctual / chronic late / sliding payers of
services/finance/simulation.py, posted through the real ledger), then:

* trains the delinquency model (logistic regression on payment-history features) and
  prints its ROC AUC and precision among the riskiest 10% on the held-out latest periods,
  next to the baseline "late last month => late next month" on the same rows;
* times (median of --repeat runs, milliseconds) the reports an administrator opens:
  balances of every unit, delinquency ranking with aging, income-vs-expense over the whole
  history and its CSV, one unit's statement and PDF, risk scores of every unit, and one
  billing run of a new period for every unit (once).

Prints numbers; asserts none. Needs the machine's PostgreSQL (trust auth):

    .venv/bin/python bench/finance.py [--units 1000] [--months 24] [--repeat 5]
        [--admin-url postgresql+psycopg://127.0.0.1:5432/test]
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import uuid
from datetime import date
from decimal import Decimal

from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from conserje import create_app
from conserje.config import REPO_ROOT, TestConfig
from conserje.extensions import db
from conserje.models import Condominium, Unit
from conserje.services.core.actor import Actor
from conserje.services.finance import accounts, billing, prediction, receipts, reports, settings
from conserje.services.finance.simulation import simulate


def timed_ms(action, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
        db.session.rollback()
    return statistics.median(samples)


def seed(units: int, months: int, today: date) -> Actor:
    condo = Condominium(name="Bench", time_zone="America/Santiago", currency="CLP")
    db.session.add(condo)
    db.session.flush()
    db.session.add_all(Unit(condominium_id=condo.id, code=f"U-{i:04d}",
                            coefficient=Decimal(1) / units) for i in range(units))
    actor = Actor(None, condo.id, frozenset({"admin"}))
    settings.update_settings(db.session, actor, {
        "dues_method": "coefficient", "dues_amount": Decimal(65_000 * units)})
    simulate(db.session, condo.id, months, today, seed=3)
    db.session.commit()
    return actor


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=1000)
    parser.add_argument("--months", type=int, default=24)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--admin-url", default="postgresql+psycopg://127.0.0.1:5432/test")
    args = parser.parse_args()
    name = f"conserje_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(args.admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(args.admin_url).set(database=name).render_as_string(False)
    try:
        run(url, args)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def run(url: str, args) -> None:
    cfg = AlembicConfig(str(REPO_ROOT / "alembic.ini"))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    cfg.attributes["configure_logger"] = False
    command.upgrade(cfg, "head")
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(TestConfig(SQLALCHEMY_DATABASE_URI=url, MEDIA_DIR=tmp, REDIS_URL=""))
        with app.app_context():
            today = date.today()
            start = time.perf_counter()
            actor = seed(args.units, args.months, today)
            print(f"seeded {args.units} units x {args.months} months through the ledger "
                  f"in {time.perf_counter() - start:.1f} s")
            start = time.perf_counter()
            model = prediction.train(db.session, actor.condominium_id, today)
            db.session.commit()
            m = model.metrics
            print(f"\ntrained in {time.perf_counter() - start:.1f} s on {m['train_rows']} "
                  f"rows; validated on {m['test_rows']} rows of {', '.join(m['test_periods'])}"
                  f" (late rate {m['positive_rate']:.2f})")
            print(f"{'delinquency (paid late next month)':40s} {'ROC AUC':>8s} {'prec@10%':>9s}")
            print(f"{'model':40s} {m['roc_auc']:8.3f} {m['precision_top10']:9.3f}")
            print(f"{'baseline: late last month':40s} {m['baseline_auc']:8.3f} "
                  f"{m['baseline_precision_top10']:9.3f}")
            report(actor, today, args.repeat)
            db.session.remove()
            db.engine.dispose()  # the scratch database can be dropped now


def report(actor: Actor, today: date, repeat: int) -> None:
    session, condo = db.session, actor.condominium_id
    unit = accounts.balances(session, actor, today)[0].unit_id
    since = date(today.year - 3, 1, 1)
    checks = {
        "balances, every unit": lambda: accounts.balances(session, actor, today),
        "delinquency ranking + aging": lambda: accounts.delinquency(session, actor, today),
        "income vs expense, whole history": lambda: reports.income_expense(
            session, actor, since, today),
        "income vs expense CSV": lambda: reports.to_csv(reports.income_expense(
            session, actor, since, today)[0]),
        "one unit's statement": lambda: accounts.statement(session, actor, unit, None, None),
        "one unit's statement PDF": lambda: receipts.monthly_statement(
            session, actor, unit, today.strftime("%Y-%m")),
        "risk scores, every unit": lambda: prediction.scores(session, actor, today),
    }
    print(f"\n{'report (median of ' + str(repeat) + ')':40s} {'ms':>9s}")
    for label, action in checks.items():
        print(f"{label:40s} {timed_ms(action, repeat):9.1f}")
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    start = time.perf_counter()
    result = billing.bill_period(session, condo, f"{year:04d}-{month:02d}")
    session.commit()
    print(f"{'billing run, ' + str(result.created) + ' units (once)':40s} "
          f"{(time.perf_counter() - start) * 1000:9.1f}")


if __name__ == "__main__":
    main()
