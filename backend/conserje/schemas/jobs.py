from __future__ import annotations

from marshmallow import Schema, fields


class JobAccepted(Schema):
    job_id = fields.String(required=True)


class JobSchema(Schema):
    id = fields.String(attribute="rq_id", required=True)
    kind = fields.String(required=True)
    state = fields.String(required=True, metadata={"enum": ["queued", "started", "finished",
                                                            "failed"]})
    progress = fields.Integer(required=True, metadata={"description": "0-100"})
    result = fields.Raw(allow_none=True)
    error = fields.String(allow_none=True)
    created_at = fields.DateTime(required=True)
    finished_at = fields.DateTime(allow_none=True)


class DatasetUpload(Schema):
    file = fields.Raw(required=True, metadata={"type": "string", "format": "binary"})


class DatasetOptionsSchema(Schema):
    create_missing = fields.Boolean(load_default=False)
    consent_version = fields.String(load_default=None, allow_none=True)
