"""Builds test data through the real services (the same code paths as the API)."""
from __future__ import annotations

from conserje.extensions import db
from conserje.models import Condominium
from conserje.services.core.actor import Actor
from conserje.services.setup.gates import gates
from conserje.services.setup.people import memberships, people
from conserje.services.setup.units import buildings, units
from conserje.services.setup.users import create_user
from conserje.services.setup.vehicles import vehicles

PASSWORD = "correct-horse-9"
# Valid Chilean RUTs (check digits computed by hand: 11.111.111-1, 12.345.678-5, ...).
RUTS = ["11111111-1", "12345678-5", "22222222-2", "7654321-6", "15555555-6", "9876543-3"]


def _condo(name: str) -> Condominium:
    condo = Condominium(name=name, time_zone="America/Santiago", currency="CLP", country="CL")
    db.session.add(condo)
    db.session.flush()
    return condo


def build_world():
    """Condominium A with units A-101 and A-102 (a resident each) and all staff roles;
    condominium B with one unit, one person and its own admin."""
    from tests.conftest import World

    condo, other = _condo("Condominio A"), _condo("Condominio B")
    sys_a = Actor(None, condo.id, frozenset({"admin"}))
    sys_b = Actor(None, other.id, frozenset({"admin"}))
    tower = buildings.create(db.session, sys_a, {"name": "Torre A", "code": "A"})
    unit1 = units.create(db.session, sys_a, {"code": "A-101", "building_id": tower.id, "floor": 1})
    unit2 = units.create(db.session, sys_a, {"code": "A-102", "building_id": tower.id, "floor": 1})
    p1 = people.create(db.session, sys_a, {"first_name": "Ana", "last_name": "Rojas",
                                           "doc_type": "rut", "doc_number": RUTS[0],
                                           "kind": "owner"})
    p2 = people.create(db.session, sys_a, {"first_name": "Bruno", "last_name": "Soto",
                                           "doc_type": "rut", "doc_number": RUTS[1],
                                           "kind": "owner"})
    m1 = memberships.create(db.session, sys_a, {"unit_id": unit1.id, "person_id": p1.id,
                                                "role": "owner"})
    m2 = memberships.create(db.session, sys_a, {"unit_id": unit2.id, "person_id": p2.id,
                                                "role": "owner"})
    v1 = vehicles.create(db.session, sys_a, {"unit_id": unit1.id, "plate": "BBCL-11"})
    v2 = vehicles.create(db.session, sys_a, {"unit_id": unit2.id, "plate": "CCDF-22"})
    gate = gates.create(db.session, sys_a, {"name": "Portón", "kind": "vehicle"})
    users = {}
    for role in ("admin", "manager", "guard", "staff"):
        users[role] = create_user(db.session, sys_a, {"email": f"{role}@a.test",
                                                      "password": PASSWORD, "roles": [role]})
    users["resident1"] = create_user(db.session, sys_a, {
        "email": "ana@a.test", "password": PASSWORD, "roles": ["resident"], "person_id": p1.id})
    users["resident2"] = create_user(db.session, sys_a, {
        "email": "bruno@a.test", "password": PASSWORD, "roles": ["resident"],
        "person_id": p2.id})

    unit_b = units.create(db.session, sys_b, {"code": "B-1"})
    pb = people.create(db.session, sys_b, {"first_name": "Carla", "last_name": "Díaz",
                                           "doc_type": "rut", "doc_number": RUTS[2],
                                           "kind": "owner"})
    users["admin_b"] = create_user(db.session, sys_b, {"email": "admin@b.test",
                                                       "password": PASSWORD, "roles": ["admin"]})
    db.session.commit()
    ids = {
        "building": tower.id, "unit1": unit1.id, "unit2": unit2.id, "person1": p1.id,
        "person2": p2.id, "member1": m1.id, "member2": m2.id, "vehicle1": v1.id,
        "vehicle2": v2.id, "gate": gate.id, "unit_b": unit_b.id, "person_b": pb.id,
        **{f"user_{k}": u.id for k, u in users.items()},
    }
    return World(condo.id, other.id, ids, PASSWORD)
