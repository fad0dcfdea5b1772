"""Consent, enrolled faces and identification results."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from conserje.schemas.core.common import ResponseSchema


class ConsentRequest(Schema):
    version = fields.String(required=True, validate=validate.Length(min=1, max=40),
                            metadata={"description": "version of the consent text shown",
                                      "example": "2026-11"})


class ConsentSchema(ResponseSchema):
    id = fields.Integer(required=True)
    person_id = fields.Integer(required=True)
    version = fields.String(attribute="text_version", required=True)
    granted_by_id = fields.Integer(allow_none=True)
    granted_at = fields.DateTime(required=True)
    revoked_at = fields.DateTime(allow_none=True)


class BBoxSchema(ResponseSchema):
    x = fields.Integer(required=True)
    y = fields.Integer(required=True)
    w = fields.Integer(required=True)
    h = fields.Integer(required=True)


class QualitySchema(ResponseSchema):
    ok = fields.Boolean(required=True)
    reasons = fields.List(fields.String(), required=True,
                          metadata={"description": "no_face, multiple_faces, face_too_small, "
                                    "too_dark, too_bright, blurry, not_frontal, "
                                    "frame_too_small, not_an_image, too_large, duplicate"})
    metrics = fields.Dict(keys=fields.String(), values=fields.Float())


class FaceSchema(ResponseSchema):
    id = fields.Integer(required=True)
    public_id = fields.String(required=True)
    person_id = fields.Integer(required=True)
    width = fields.Integer(required=True)
    height = fields.Integer(required=True)
    bbox = fields.Nested(BBoxSchema, required=True)
    quality = fields.Nested(QualitySchema, required=True)
    source = fields.String(required=True)
    created_at = fields.DateTime(required=True)


class EnrolResult(ResponseSchema):
    filename = fields.String(required=True)
    status = fields.String(required=True, validate=validate.OneOf(["accepted", "rejected"]))
    face_id = fields.Integer(allow_none=True)
    reasons = fields.List(fields.String(), required=True)
    quality = fields.Nested(QualitySchema, allow_none=True)


class EnrolResponse(ResponseSchema):
    results = fields.List(fields.Nested(EnrolResult), required=True)


class ImageUpload(Schema):
    image = fields.List(fields.Raw(metadata={"type": "string", "format": "binary"}),
                        metadata={"description": "one or more photos (field repeated)"})


class IdentifyUpload(Schema):
    # The image part is read from request.files; it is here for the documentation.
    image = fields.Raw(metadata={"type": "string", "format": "binary"})
    source = fields.String(load_default="upload", validate=validate.OneOf(["upload", "camera"]),
                           metadata={"description": "camera: apply the gate camera rules "
                                     "(640x480 minimum)"})


class MatchSchema(ResponseSchema):
    person_id = fields.Integer(required=True)
    name = fields.String(required=True)
    kind = fields.String(required=True)
    similarity = fields.Float(required=True)


class IdentifiedFace(ResponseSchema):
    bbox = fields.Nested(BBoxSchema, required=True)
    quality = fields.Nested(QualitySchema, required=True)
    match = fields.Nested(MatchSchema, allow_none=True, required=True)
    decision = fields.String(required=True,
                             validate=validate.OneOf(["match", "unknown", "low_quality"]))


class IdentifyResponse(ResponseSchema):
    faces = fields.List(fields.Nested(IdentifiedFace), required=True)
    model_version = fields.Integer(required=True)
    threshold = fields.Float(required=True)
    timings_ms = fields.Dict(keys=fields.String(), values=fields.Float())
