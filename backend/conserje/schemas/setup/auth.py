from __future__ import annotations

from marshmallow import Schema, fields, validate


class LoginRequest(Schema):
    email = fields.String(required=True, validate=validate.Length(min=3, max=254))
    password = fields.String(required=True, load_only=True,
                             validate=validate.Length(min=1, max=256))


class CondominiumSummary(Schema):
    id = fields.Integer(required=True)
    name = fields.String(required=True)
    time_zone = fields.String(required=True)
    currency = fields.String(required=True)
    country = fields.String(required=True)


class CondominiumRoles(Schema):
    id = fields.Integer(required=True)
    name = fields.String(required=True)
    roles = fields.List(fields.String(), required=True)


class Me(Schema):
    id = fields.Integer(required=True)
    email = fields.String(required=True)
    person_id = fields.Integer(allow_none=True)
    roles = fields.List(fields.String(), required=True)
    unit_ids = fields.List(fields.Integer(), required=True)
    # What the roles allow in this condominium (names from services.core.permissions);
    # the SPA shows and hides pages and buttons by these, never by role names.
    capabilities = fields.List(fields.String(), required=True,
                               metadata={"description": "Capabilities held in this "
                                         "condominium, sorted (e.g. units.read, finance.bill)"})
    condominium = fields.Nested(CondominiumSummary, required=True)
    condominiums = fields.List(fields.Nested(CondominiumRoles), required=True)


class TokenPair(Schema):
    access_token = fields.String(required=True)
    refresh_token = fields.String(required=True)
    token_type = fields.String(required=True)
    expires_in = fields.Integer(required=True)
    user = fields.Nested(Me, required=True)


class AccessToken(Schema):
    access_token = fields.String(required=True)
    token_type = fields.String(required=True)
    expires_in = fields.Integer(required=True)
