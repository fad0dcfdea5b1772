"""Condominium setup: buildings, units, people, memberships, vehicles and gates."""
from __future__ import annotations

from flask_smorest import Blueprint

from conserje.api.core.crud import register_crud
from conserje.schemas.core.common import SearchQuery
from conserje.schemas.setup.resources import (
    BuildingCreate,
    BuildingSchema,
    GateCreate,
    GateQuery,
    GateSchema,
    MembershipCreate,
    MembershipQuery,
    MembershipSchema,
    PersonCreate,
    PersonQuery,
    PersonSchema,
    UnitCreate,
    UnitQuery,
    UnitSchema,
    VehicleCreate,
    VehicleQuery,
    VehicleSchema,
)
from conserje.services.setup.gates import gates
from conserje.services.setup.people import memberships, people
from conserje.services.setup.units import buildings, units
from conserje.services.setup.vehicles import vehicles

buildings_blp = Blueprint("buildings", __name__, url_prefix="/api/v1/buildings",
                          description="Buildings and towers")
units_blp = Blueprint("units", __name__, url_prefix="/api/v1/units", description="Units")
people_blp = Blueprint("people", __name__, url_prefix="/api/v1/people",
                       description="Residents, staff and visitors")
memberships_blp = Blueprint("memberships", __name__, url_prefix="/api/v1/memberships",
                            description="Who belongs to which unit")
vehicles_blp = Blueprint("vehicles", __name__, url_prefix="/api/v1/vehicles",
                         description="Vehicles by unit")
gates_blp = Blueprint("gates", __name__, url_prefix="/api/v1/gates", description="Gates")

register_crud(buildings_blp, buildings, BuildingSchema, SearchQuery, create=BuildingCreate,
              noun="building")
register_crud(units_blp, units, UnitSchema, UnitQuery, create=UnitCreate, noun="unit")
register_crud(people_blp, people, PersonSchema, PersonQuery, create=PersonCreate, noun="person")
register_crud(memberships_blp, memberships, MembershipSchema, MembershipQuery,
              create=MembershipCreate, noun="membership")
register_crud(vehicles_blp, vehicles, VehicleSchema, VehicleQuery, create=VehicleCreate,
              noun="vehicle")
register_crud(gates_blp, gates, GateSchema, GateQuery, create=GateCreate, noun="gate")

BLUEPRINTS = [buildings_blp, units_blp, people_blp, memberships_blp, vehicles_blp, gates_blp]
