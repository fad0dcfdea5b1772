"""What the live event stream (``GET /events/stream``) and job results carry.

Server-sent events and ``Job.result`` are not request/response bodies, so OpenAPI has no
place for them on an operation; they are published as components of the document so that
the SPA's generated client types them too. Each mirrors the dict its service builds
(``services.access.stream.event_payload``/``alert_payload``,
``services.visitors.journal.visit_summary``, ``services.faces.datasets.ingest``).
"""
from __future__ import annotations

from marshmallow import fields, validate

from conserje.schemas.core.common import ResponseSchema

STRING = {"type": "string"}


class LivePerson(ResponseSchema):
    id = fields.Integer()
    name = fields.String()
    kind = fields.String()
    unit = fields.String(allow_none=True, metadata={"description": "the person's first unit"})


class LiveAccessEvent(ResponseSchema):
    """``event: access``: one entry or exit written to the log."""
    id = fields.Integer()
    seq_no = fields.Integer()
    gate_id = fields.Integer()
    gate_name = fields.String(allow_none=True)
    person = fields.Nested(LivePerson, allow_none=True)
    direction = fields.String(validate=validate.OneOf(("entry", "exit")))
    method = fields.String()
    decision = fields.String(validate=validate.OneOf(("granted", "denied", "unknown")))
    reason = fields.String(allow_none=True)
    similarity = fields.Float(allow_none=True)
    model_version = fields.Integer(allow_none=True)
    has_snapshot = fields.Boolean()
    guard_id = fields.Integer(allow_none=True)
    correction_of_id = fields.Integer(allow_none=True)
    occurred_at = fields.DateTime()


class LiveAlert(ResponseSchema):
    """``event: alert``: something a guard must look at."""
    id = fields.Integer()
    kind = fields.String()
    gate_id = fields.Integer()
    access_event_id = fields.Integer(allow_none=True)
    message = fields.String()
    created_at = fields.DateTime()
    acked_at = fields.DateTime(allow_none=True)


class LiveVisitor(ResponseSchema):
    id = fields.Integer()
    name = fields.String()
    doc_type = fields.String(allow_none=True)
    doc_number = fields.String(allow_none=True)


class LiveVisit(ResponseSchema):
    """``event: visit``: a visit's new state (guard console, the resident's app)."""
    id = fields.Integer()
    status = fields.String()
    kind = fields.String()
    unit = fields.String()
    unit_id = fields.Integer()
    visitor = fields.Nested(LiveVisitor)
    has_photo = fields.Boolean()
    plate = fields.String(allow_none=True)
    at = fields.DateTime()


class DatasetImage(ResponseSchema):
    path = fields.String()
    status = fields.String(validate=validate.OneOf(("accepted", "rejected")))
    reasons = fields.List(fields.String())
    person_id = fields.Integer(allow_none=True)
    face_id = fields.Integer(allow_none=True)

    class Meta:
        optional = ("person_id", "face_id")


class DatasetReport(ResponseSchema):
    """``Job.result`` of a face-dataset ingestion."""
    accepted = fields.Integer()
    rejected = fields.Integer()
    images = fields.List(fields.Nested(DatasetImage))


COMPONENTS = {"LiveAccessEvent": LiveAccessEvent, "LiveAlert": LiveAlert,
              "LiveVisit": LiveVisit, "DatasetReport": DatasetReport}
