from __future__ import annotations

from flask import g
from marshmallow import Schema, fields, validate

from conserje.models import ROLES
from conserje.schemas.core.common import ResponseSchema, SearchQuery


def _roles_field(**kwargs):
    return fields.List(fields.String(validate=validate.OneOf(ROLES)),
                       validate=validate.Length(min=1), **kwargs)


class UserSchema(ResponseSchema):
    id = fields.Integer(required=True)
    email = fields.String(required=True)
    # Roles are per condominium: those held in the condominium the request acts in.
    roles = fields.Function(lambda u: u.roles_in(g.condominium_id), required=True,
                            metadata={"type": "array", "items": {"type": "string"}})
    is_active = fields.Boolean(required=True)
    person_id = fields.Integer(allow_none=True)
    last_login_at = fields.DateTime(allow_none=True)
    created_at = fields.DateTime(required=True)


class UserCreate(Schema):
    email = fields.Email(required=True, validate=validate.Length(max=254))
    password = fields.String(required=True, load_only=True,
                             validate=validate.Length(min=8, max=256))
    roles = _roles_field(required=True)
    is_active = fields.Boolean(load_default=True)
    person_id = fields.Integer(allow_none=True)


class UserUpdate(Schema):
    password = fields.String(load_only=True, validate=validate.Length(min=8, max=256))
    roles = _roles_field()
    is_active = fields.Boolean()
    person_id = fields.Integer(allow_none=True)


class UserQuery(SearchQuery):
    role = fields.String(validate=validate.OneOf(ROLES))
