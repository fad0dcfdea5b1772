"""Gate kiosk devices, frames and their decisions, manual openings, gate status."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from conserje.models import ACCESS_DIRECTIONS
from conserje.schemas.core.common import ResponseSchema, text
from conserje.schemas.faces.recognition import BBoxSchema

DECISIONS = ["granted", "denied", "unknown", "retry"]


class DeviceCreate(Schema):
    name = text(80, required=True, metadata={"example": "Kiosko portón norte"})


class DeviceSchema(ResponseSchema):
    id = fields.Integer(required=True)
    public_id = fields.String(required=True)
    gate_id = fields.Integer(required=True)
    name = fields.String(required=True)
    created_at = fields.DateTime(required=True)
    last_seen_at = fields.DateTime(allow_none=True)
    revoked_at = fields.DateTime(allow_none=True)


class DeviceCreated(ResponseSchema):
    id = fields.Integer(required=True)
    token = fields.String(required=True, metadata={
        "description": "bearer token of the kiosk; shown only now, store it on the device"})


class FrameUpload(Schema):
    # The image part is read from request.files; it is here for the documentation.
    image = fields.Raw(metadata={"type": "string", "format": "binary",
                                 "description": "webcam frame, image/jpeg, 640x480 or more"})
    direction = fields.String(validate=validate.OneOf(ACCESS_DIRECTIONS), metadata={
        "description": "for two-way gates: which way the kiosk faces (default: from presence)"})


class PersonBrief(ResponseSchema):
    id = fields.Integer(required=True)
    name = fields.String(required=True)
    kind = fields.String(required=True)
    unit = fields.String(allow_none=True)


class FaceDecision(ResponseSchema):
    bbox = fields.Nested(BBoxSchema, required=True)
    person = fields.Nested(PersonBrief, allow_none=True, required=True)
    similarity = fields.Float(allow_none=True)
    decision = fields.String(required=True, validate=validate.OneOf(DECISIONS))
    reason = fields.String(required=True, metadata={
        "description": "resident, staff, visitor_authorised | inactive, outside_hours, "
                       "no_authorisation, blacklisted | no_match | frame_too_small, "
                       "face_too_small, too_dark, too_bright, blurry, not_frontal"})
    direction = fields.String(required=True)


class FrameResult(ResponseSchema):
    faces = fields.List(fields.Nested(FaceDecision), required=True)
    event_ids = fields.List(fields.Integer(), required=True)
    model_version = fields.Integer(required=True)


class ManualOpen(Schema):
    reason = text(255, required=True, metadata={"example": "delivery without QR"})
    direction = fields.String(validate=validate.OneOf(ACCESS_DIRECTIONS))
    person_id = fields.Integer(allow_none=True)


class GateStatus(ResponseSchema):
    id = fields.Integer(required=True)
    name = fields.String(required=True)
    direction = fields.String(required=True)
    kind = fields.String(required=True)
    is_active = fields.Boolean(required=True)
    device_name = fields.String(allow_none=True)
    server_time = fields.DateTime(required=True)
