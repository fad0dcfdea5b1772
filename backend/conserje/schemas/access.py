"""The access log, presence, gate alerts and live stream tickets."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from conserje.models import ACCESS_DECISIONS, ACCESS_DIRECTIONS, ACCESS_METHODS
from conserje.schemas.core.common import ResponseSchema, text

STRING = {"type": "string"}


class AccessEventSchema(ResponseSchema):
    id = fields.Integer(required=True)
    seq_no = fields.Integer(required=True)
    gate_id = fields.Integer(required=True)
    gate_name = fields.Function(lambda e: e.gate.name, metadata=STRING)
    person_id = fields.Integer(allow_none=True)
    person_name = fields.Function(lambda e: e.person.full_name if e.person else None,
                                  allow_none=True, metadata=STRING)
    person_kind = fields.Function(lambda e: e.person.kind if e.person else None,
                                  allow_none=True, metadata=STRING)
    direction = fields.String(required=True)
    method = fields.String(required=True)
    decision = fields.String(required=True)
    reason = fields.String(allow_none=True)
    similarity = fields.Float(allow_none=True)
    model_version = fields.Integer(allow_none=True)
    has_snapshot = fields.Function(lambda e: e.snapshot_key is not None,
                                   metadata={"type": "boolean"})
    guard_id = fields.Integer(allow_none=True)
    device_id = fields.Integer(allow_none=True)
    correction_of_id = fields.Integer(allow_none=True)
    occurred_at = fields.DateTime(required=True)
    created_at = fields.DateTime(required=True)
    row_hash = fields.String(required=True)


class AccessEventQuery(Schema):
    gate_id = fields.Integer()
    person_id = fields.Integer()
    unit_id = fields.Integer()
    decision = fields.String(validate=validate.OneOf(ACCESS_DECISIONS))
    direction = fields.String(validate=validate.OneOf(ACCESS_DIRECTIONS))
    method = fields.String(validate=validate.OneOf(ACCESS_METHODS))
    since = fields.AwareDateTime(default_timezone=None, metadata={
        "description": "from this instant (ISO 8601 with offset)"})
    until = fields.AwareDateTime(default_timezone=None,
                                 metadata={"description": "before this instant"})


class CorrectionRequest(Schema):
    reason = text(255, required=True, metadata={"example": "the visitor was misidentified"})
    person_id = fields.Integer(allow_none=True)
    direction = fields.String(validate=validate.OneOf(ACCESS_DIRECTIONS))
    decision = fields.String(validate=validate.OneOf(ACCESS_DECISIONS))


class PresenceSchema(ResponseSchema):
    person_id = fields.Function(lambda p: p.person.id, metadata={"type": "integer"})
    name = fields.Function(lambda p: p.person.full_name, metadata=STRING)
    kind = fields.Function(lambda p: p.person.kind, metadata=STRING)
    units = fields.List(fields.String(), required=True)
    since = fields.DateTime(required=True)
    gate_id = fields.Integer(required=True)
    event_id = fields.Integer(required=True)


class AlertSchema(ResponseSchema):
    id = fields.Integer(required=True)
    kind = fields.String(required=True)
    gate_id = fields.Integer(required=True)
    access_event_id = fields.Integer(allow_none=True)
    message = fields.String(required=True, metadata={
        "description": "where it happened (the gate's name); the kind says what"})
    created_at = fields.DateTime(required=True)
    acked_at = fields.DateTime(allow_none=True)
    acked_by_id = fields.Integer(allow_none=True)


class AlertQuery(Schema):
    pending = fields.Boolean(load_default=False,
                             metadata={"description": "only alerts nobody acknowledged"})


class StreamTicket(ResponseSchema):
    ticket = fields.String(required=True, metadata={
        "description": "pass as ?ticket= to GET /events/stream within expires_in seconds"})
    expires_in = fields.Integer(required=True)


class StreamQuery(Schema):
    ticket = fields.String(required=True)
