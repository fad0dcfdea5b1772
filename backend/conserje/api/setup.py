"""Condominium setup: buildings, units, people, memberships, vehicles and gates."""
from __future__ import annotations

from flask_smorest import Blueprint

from ..schemas.setup import (BuildingSchema, GateQuery, GateSchema, MembershipQuery,
                             MembershipSchema, PersonQuery, PersonSchema, UnitQuery, UnitSchema,
                             VehicleQuery, VehicleSchema)
from ..schemas.common import SearchQuery
from ..services.gates import gates
from ..services.people import memberships, people
from ..services.units import buildings, units
from ..services.vehicles import vehicles
from .crud import register_crud

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

register_crud(buildings_blp, buildings, BuildingSchema, SearchQuery, noun="building")
register_crud(units_blp, units, UnitSchema, UnitQuery, noun="unit")
register_crud(people_blp, people, PersonSchema, PersonQuery, noun="person")
register_crud(memberships_blp, memberships, MembershipSchema, MembershipQuery,
              noun="membership")
register_crud(vehicles_blp, vehicles, VehicleSchema, VehicleQuery, noun="vehicle")
register_crud(gates_blp, gates, GateSchema, GateQuery, noun="gate")

BLUEPRINTS = [buildings_blp, units_blp, people_blp, memberships_blp, vehicles_blp, gates_blp]
