"""Condominium setup resources: buildings, units, people, memberships, vehicles, gates.

Each resource has an input schema (``UnitCreate``; ``UnitUpdate`` is its partial form)
and a response schema (``Unit``) that adds the read-only fields, all always present.
"""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from conserje.models import DOC_TYPES, GATE_DIRECTIONS, GATE_KINDS, MEMBER_ROLES, PERSON_KINDS
from conserje.schemas.core.common import ResponseSchema, SearchQuery, text

STRING = {"type": "string"}
# Exact decimals travel as strings ("74.50"), never as binary floats.
DECIMAL = {"type": "string", "format": "decimal", "example": "74.50"}


class BuildingCreate(Schema):
    name = text(80, required=True)
    code = text(20, allow_none=True)


class BuildingSchema(ResponseSchema, BuildingCreate):
    id = fields.Integer(dump_only=True)


class UnitCreate(Schema):
    building_id = fields.Integer(allow_none=True)
    code = text(20, required=True, metadata={"example": "A-102"})
    floor = fields.Integer(allow_none=True, validate=validate.Range(-10, 300))
    area_m2 = fields.Decimal(places=2, as_string=True, allow_none=True,
                             validate=validate.Range(0, 100000), metadata=DECIMAL)
    coefficient = fields.Decimal(places=6, as_string=True, allow_none=True,
                                 validate=validate.Range(0, 1), metadata=DECIMAL)


class UnitSchema(ResponseSchema, UnitCreate):
    id = fields.Integer(dump_only=True)
    public_id = fields.String(dump_only=True)
    building_name = fields.Function(lambda u: u.building.name if u.building else None,
                                    dump_only=True, allow_none=True, metadata=STRING)
    created_at = fields.DateTime(dump_only=True)


class UnitQuery(SearchQuery):
    building_id = fields.Integer()


class PersonCreate(Schema):
    first_name = text(80, required=True)
    last_name = text(80, required=True)
    doc_type = fields.String(required=True, validate=validate.OneOf(DOC_TYPES))
    doc_number = text(32, required=True)
    phone = fields.String(allow_none=True, validate=validate.Length(max=32))
    email = fields.Email(allow_none=True, validate=validate.Length(max=254))
    kind = fields.String(required=True, validate=validate.OneOf(PERSON_KINDS))


class PersonSchema(ResponseSchema, PersonCreate):
    id = fields.Integer(dump_only=True)
    public_id = fields.String(dump_only=True)
    full_name = fields.String(dump_only=True)
    photo_key = fields.String(dump_only=True, allow_none=True)
    created_at = fields.DateTime(dump_only=True)


class PersonQuery(SearchQuery):
    kind = fields.String(validate=validate.OneOf(PERSON_KINDS))
    unit_id = fields.Integer()


class MembershipCreate(Schema):
    unit_id = fields.Integer(required=True)
    person_id = fields.Integer(required=True)
    role = fields.String(required=True, validate=validate.OneOf(MEMBER_ROLES))
    starts_on = fields.Date(allow_none=True)
    ends_on = fields.Date(allow_none=True)


class MembershipSchema(ResponseSchema, MembershipCreate):
    id = fields.Integer(dump_only=True)
    unit_code = fields.Function(lambda m: m.unit.code, dump_only=True, metadata=STRING)
    person_name = fields.Function(lambda m: m.person.full_name, dump_only=True,
                                  metadata=STRING)


class MembershipQuery(Schema):
    unit_id = fields.Integer()
    person_id = fields.Integer()
    role = fields.String(validate=validate.OneOf(MEMBER_ROLES))


class VehicleCreate(Schema):
    unit_id = fields.Integer(required=True)
    plate = text(16, required=True, metadata={"example": "BBCL-42"})
    make = fields.String(allow_none=True, validate=validate.Length(max=40))
    model = fields.String(allow_none=True, validate=validate.Length(max=40))
    colour = fields.String(allow_none=True, validate=validate.Length(max=30))


class VehicleSchema(ResponseSchema, VehicleCreate):
    id = fields.Integer(dump_only=True)
    unit_code = fields.Function(lambda v: v.unit.code, dump_only=True, metadata=STRING)


class VehicleQuery(SearchQuery):
    unit_id = fields.Integer()


class GateCreate(Schema):
    name = text(80, required=True)
    direction = fields.String(load_default="both", validate=validate.OneOf(GATE_DIRECTIONS))
    kind = fields.String(load_default="pedestrian", validate=validate.OneOf(GATE_KINDS))
    is_active = fields.Boolean(load_default=True)


class GateSchema(ResponseSchema, GateCreate):
    id = fields.Integer(dump_only=True)
    public_id = fields.String(dump_only=True)


class GateQuery(SearchQuery):
    kind = fields.String(validate=validate.OneOf(GATE_KINDS))
    direction = fields.String(validate=validate.OneOf(GATE_DIRECTIONS))
