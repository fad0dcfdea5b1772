"""Condominium setup resources: buildings, units, people, memberships, vehicles, gates."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from conserje.models import DOC_TYPES, GATE_DIRECTIONS, GATE_KINDS, MEMBER_ROLES, PERSON_KINDS
from conserje.schemas.core.common import SearchQuery, text

STRING = {"type": "string"}
# Exact decimals travel as strings ("74.50"), never as binary floats.
DECIMAL = {"type": "string", "format": "decimal", "example": "74.50"}


class BuildingSchema(Schema):
    id = fields.Integer(dump_only=True)
    name = text(80, required=True)
    code = text(20, allow_none=True)


class UnitSchema(Schema):
    id = fields.Integer(dump_only=True)
    public_id = fields.String(dump_only=True)
    building_id = fields.Integer(allow_none=True)
    building_name = fields.Function(lambda u: u.building.name if u.building else None,
                                    dump_only=True, allow_none=True, metadata=STRING)
    code = text(20, required=True, metadata={"example": "A-102"})
    floor = fields.Integer(allow_none=True, validate=validate.Range(-10, 300))
    area_m2 = fields.Decimal(places=2, as_string=True, allow_none=True,
                             validate=validate.Range(0, 100000), metadata=DECIMAL)
    coefficient = fields.Decimal(places=6, as_string=True, allow_none=True,
                                 validate=validate.Range(0, 1), metadata=DECIMAL)
    created_at = fields.DateTime(dump_only=True)


class UnitQuery(SearchQuery):
    building_id = fields.Integer()


class PersonSchema(Schema):
    id = fields.Integer(dump_only=True)
    public_id = fields.String(dump_only=True)
    first_name = text(80, required=True)
    last_name = text(80, required=True)
    full_name = fields.String(dump_only=True)
    doc_type = fields.String(required=True, validate=validate.OneOf(DOC_TYPES))
    doc_number = text(32, required=True)
    phone = fields.String(allow_none=True, validate=validate.Length(max=32))
    email = fields.Email(allow_none=True, validate=validate.Length(max=254))
    photo_key = fields.String(dump_only=True, allow_none=True)
    kind = fields.String(required=True, validate=validate.OneOf(PERSON_KINDS))
    created_at = fields.DateTime(dump_only=True)


class PersonQuery(SearchQuery):
    kind = fields.String(validate=validate.OneOf(PERSON_KINDS))
    unit_id = fields.Integer()


class MembershipSchema(Schema):
    id = fields.Integer(dump_only=True)
    unit_id = fields.Integer(required=True)
    person_id = fields.Integer(required=True)
    role = fields.String(required=True, validate=validate.OneOf(MEMBER_ROLES))
    starts_on = fields.Date(allow_none=True)
    ends_on = fields.Date(allow_none=True)
    unit_code = fields.Function(lambda m: m.unit.code, dump_only=True, metadata=STRING)
    person_name = fields.Function(lambda m: m.person.full_name, dump_only=True,
                                  metadata=STRING)


class MembershipQuery(Schema):
    unit_id = fields.Integer()
    person_id = fields.Integer()
    role = fields.String(validate=validate.OneOf(MEMBER_ROLES))


class VehicleSchema(Schema):
    id = fields.Integer(dump_only=True)
    unit_id = fields.Integer(required=True)
    unit_code = fields.Function(lambda v: v.unit.code, dump_only=True, metadata=STRING)
    plate = text(16, required=True, metadata={"example": "BBCL-42"})
    make = fields.String(allow_none=True, validate=validate.Length(max=40))
    model = fields.String(allow_none=True, validate=validate.Length(max=40))
    colour = fields.String(allow_none=True, validate=validate.Length(max=30))


class VehicleQuery(SearchQuery):
    unit_id = fields.Integer()


class GateSchema(Schema):
    id = fields.Integer(dump_only=True)
    public_id = fields.String(dump_only=True)
    name = text(80, required=True)
    direction = fields.String(load_default="both", validate=validate.OneOf(GATE_DIRECTIONS))
    kind = fields.String(load_default="pedestrian", validate=validate.OneOf(GATE_KINDS))
    is_active = fields.Boolean(load_default=True)


class GateQuery(SearchQuery):
    kind = fields.String(validate=validate.OneOf(GATE_KINDS))
    direction = fields.String(validate=validate.OneOf(GATE_DIRECTIONS))
