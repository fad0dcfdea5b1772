from __future__ import annotations

from marshmallow import Schema, fields

from conserje.schemas.core.common import ResponseSchema


class JobAccepted(ResponseSchema):
    job_id = fields.String(required=True)


class JobSchema(ResponseSchema):
    id = fields.String(attribute="rq_id", required=True)
    kind = fields.String(required=True)
    state = fields.String(required=True, metadata={"enum": ["queued", "started", "finished",
                                                            "failed"]})
    progress = fields.Integer(required=True, metadata={"description": "0-100"})
    result = fields.Raw(allow_none=True, metadata={
        "type": "object", "additionalProperties": {},
        "description": "what the finished job made (e.g. the dataset report of "
                       "ingest_face_dataset)"})
    error = fields.String(allow_none=True)
    created_at = fields.DateTime(required=True)
    finished_at = fields.DateTime(allow_none=True)


class DatasetUpload(Schema):
    # The file part is read from request.files; it is here for the documentation.
    file = fields.Raw(metadata={"type": "string", "format": "binary",
                                "description": "zip: a folder per person (id or document)"})
    create_missing = fields.Boolean(load_default=False)
    consent_version = fields.String(load_default=None, allow_none=True, metadata={
        "description": "records consent (this text version) for people who lack it"})
