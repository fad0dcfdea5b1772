"""The in-app inbox's bodies."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from conserje.schemas.core.common import ResponseSchema


class NotificationSchema(ResponseSchema):
    id = fields.Integer(dump_only=True)
    topic = fields.String(dump_only=True)
    title = fields.String(dump_only=True)
    body = fields.String(dump_only=True)
    created_at = fields.DateTime(dump_only=True)
    read_at = fields.DateTime(dump_only=True, allow_none=True)


class NotificationQuery(Schema):
    unread = fields.Boolean()


class MarkReadRequest(Schema):
    ids = fields.List(fields.Integer(), required=True, validate=validate.Length(1, 200))
