"""A synthetic demo condominium: towers, units, residents, staff, vehicles, gates, users.

Names and documents are generated (valid RUT check digits); nothing comes from
real people or from the shared datasets.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from conserje.models import Condominium
from conserje.services.core.actor import Actor
from conserje.services.core.errors import InvalidInput
from conserje.services.finance import expenses, prediction
from conserje.services.finance.settings import charge_types, local_today, update_settings
from conserje.services.finance.simulation import simulate
from conserje.services.setup.auth import find_user_by_email
from conserje.services.setup.documents import _rut_check_digit
from conserje.services.setup.gates import gates
from conserje.services.setup.people import memberships, people
from conserje.services.setup.units import buildings, units
from conserje.services.setup.users import create_user
from conserje.services.setup.vehicles import vehicles
from conserje.services.visitors.demo import seed_visits

DEMO_ADMIN_EMAIL = "admin@demo.conserje.app"
DEMO_PASSWORD = "conserje-demo"
DEMO_NAME = "Condominio Los Aromos"

FIRST_NAMES = ["Camila", "Mateo", "Valentina", "Benjamín", "Isidora", "Agustín", "Florencia",
               "Tomás", "Josefa", "Vicente", "Antonella", "Martín", "Catalina", "Joaquín",
               "Fernanda", "Lucas", "Emilia", "Gaspar", "Renata", "Maximiliano"]
LAST_NAMES = ["González", "Muñoz", "Rojas", "Díaz", "Pérez", "Soto", "Contreras", "Silva",
              "Martínez", "Sepúlveda", "Morales", "Rodríguez", "López", "Fuentes", "Hernández",
              "Torres", "Araya", "Flores", "Espinoza", "Valenzuela"]
CARS = [("Toyota", "Yaris", "blanco"), ("Suzuki", "Swift", "rojo"), ("Hyundai", "Tucson", "gris"),
        ("Chevrolet", "Sail", "negro"), ("Kia", "Rio", "azul"), ("Nissan", "Versa", "plata")]


@dataclass
class DemoSummary:
    condominium_id: int
    units: int
    people: int
    vehicles: int
    gates: int
    created: bool
    finance_months: int = 0


def _rut(rng: random.Random) -> str:
    body = str(rng.randint(8_000_000, 24_999_999))
    return f"{body}-{_rut_check_digit(body)}"


def _plate(rng: random.Random) -> str:
    letters = "BCDFGHJKLPRSTVWXYZ"  # Chilean plates skip vowels
    return "".join(rng.choice(letters) for _ in range(4)) + f"{rng.randint(10, 99)}"


def seed_demo(session: Session, condominium: Condominium, seed: int = 7) -> DemoSummary:
    """Fill ``condominium`` with demo data; a second call changes nothing."""
    if find_user_by_email(session, DEMO_ADMIN_EMAIL) is not None:
        return DemoSummary(condominium.id, 0, 0, 0, 0, created=False)
    rng = random.Random(seed)
    condominium.name = DEMO_NAME
    actor = Actor(None, condominium.id, frozenset({"admin"}))
    create_user(session, actor, {"email": DEMO_ADMIN_EMAIL, "password": DEMO_PASSWORD,
                                 "roles": ["admin"]})
    create_user(session, actor, {"email": "guardia@demo.conserje.app",
                                 "password": DEMO_PASSWORD, "roles": ["guard"]})

    unit_rows, person_count, vehicle_count = [], 0, 0
    for tower in ("A", "B"):
        building = buildings.create(session, actor, {"name": f"Torre {tower}", "code": tower})
        for floor in range(1, 5):
            for door in (1, 2):
                unit_rows.append(units.create(session, actor, {
                    "code": f"{tower}-{floor}0{door}", "building_id": building.id,
                    "floor": floor, "area_m2": Decimal(rng.choice([54, 68, 82, 95])),
                    "coefficient": Decimal("0.062500"),
                }))
    for index, unit in enumerate(unit_rows):
        household = 1 + index % 3
        for member in range(household):
            kind = "owner" if member == 0 else "family"
            person = people.create(session, actor, {
                "first_name": rng.choice(FIRST_NAMES), "last_name": rng.choice(LAST_NAMES),
                "doc_type": "rut", "doc_number": _rut(rng), "kind": kind,
                "phone": f"+569{rng.randint(10_000_000, 99_999_999)}",
            })
            memberships.create(session, actor, {"unit_id": unit.id, "person_id": person.id,
                                                "role": kind})
            person_count += 1
            if index == 0 and member == 0:
                create_user(session, actor, {"email": "residente@demo.conserje.app",
                                             "password": DEMO_PASSWORD, "roles": ["resident"],
                                             "person_id": person.id})
        if index % 2 == 0:
            make, model, colour = rng.choice(CARS)
            vehicles.create(session, actor, {"unit_id": unit.id, "plate": _plate(rng),
                                             "make": make, "model": model, "colour": colour})
            vehicle_count += 1
    for first, last in (("Rosa", "Carrasco"), ("Héctor", "Villalobos")):
        people.create(session, actor, {"first_name": first, "last_name": last, "doc_type": "rut",
                                       "doc_number": _rut(rng), "kind": "staff"})
        person_count += 1
    gate_specs = [("Portón vehicular", "both", "vehicle"), ("Acceso peatonal", "both",
                  "pedestrian"), ("Salida de emergencia", "exit", "pedestrian")]
    for name, direction, kind in gate_specs:
        gates.create(session, actor, {"name": name, "direction": direction, "kind": kind})
    months = _seed_finance(session, actor, rng)
    seed_visits(session, condominium.id, rng)  # a month of visitors for the visitor pages
    return DemoSummary(condominium.id, len(unit_rows), person_count, vehicle_count,
                       len(gate_specs), created=True, finance_months=months)


FINANCE_MONTHS = 24
EXPENSES = [("Aseo Limpio Ltda.", "aseo", 180_000), ("Enel", "electricidad", 95_000),
            ("Ascensores Andinos", "mantención", 120_000), ("Guardias del Sur", "seguridad",
                                                            420_000)]


def _seed_finance(session: Session, actor: Actor, rng: random.Random) -> int:
    """Two years of dues, payments (punctual, chronic late and sliding payers), fines,
    expenses, and a first delinquency model trained on that history."""
    update_settings(session, actor, {
        "currency": "CLP", "dues_method": "coefficient", "dues_amount": Decimal(1_040_000),
        "billing_day": 1, "due_day": 10, "interest_kind": "simple",
        "interest_rate": Decimal("1.0"), "bank_details": "Banco Estado · Cuenta corriente "
        "N° 123456789 · RUT 76.543.210-K · pagos@losaromos.cl"})
    for kind, name, amount in (("fine", "Ruidos molestos", 25_000),
                               ("fine", "Mascota sin correa", 15_000),
                               ("fine", "Estacionamiento indebido", 20_000),
                               ("other", "Copia de control de portón", 12_000),
                               ("reservation", "Quincho (4 horas)", 30_000)):
        charge_types.create(session, actor, {"kind": kind, "name": name,
                                             "amount": Decimal(amount)})
    today = local_today(session, actor.condominium_id)
    summary = simulate(session, actor.condominium_id, FINANCE_MONTHS, today,
                       seed=rng.randint(1, 999))
    for period in summary.periods:
        year, month = (int(p) for p in period.split("-"))
        for supplier, category, amount in EXPENSES:
            spent = date(year, month, rng.randint(3, 25))
            if spent <= today:
                expenses.create(session, actor, {
                    "supplier": supplier, "category": category, "spent_on": spent,
                    "amount": Decimal(round(amount * rng.uniform(0.85, 1.2), -3))})
    try:
        prediction.train(session, actor.condominium_id, today)
    except InvalidInput:
        pass  # a history without late payers: no model to show
    return FINANCE_MONTHS
