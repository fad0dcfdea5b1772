"""Visitors, visits, passes, authorisations, blacklists, visitor settings and KPIs."""
from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, post_load, validate, validates_schema

from conserje.models import (
    AUTH_CHANNELS,
    DOC_TYPES,
    PASSAGE_METHODS,
    SERVICE_KINDS,
    TIMEOUT_ACTIONS,
    VISIT_KINDS,
    VISIT_STATUSES,
)
from conserje.schemas.core.common import ResponseSchema, text

STRING = {"type": "string"}
DATE = {"type": "string", "format": "date"}
DATE_TIME = {"type": "string", "format": "date-time"}
HHMM = validate.Regexp(r"^([01]\d|2[0-3]):[0-5]\d$|^24:00$", error="use HH:MM")
AWARE = {"default_timezone": None}


def _minutes(value: str | None) -> int | None:
    if value is None:
        return None
    hours, minutes = value.split(":")
    return int(hours) * 60 + int(minutes)


class VisitorInput(Schema):
    first_name = text(80, required=True)
    last_name = text(80, required=True)
    doc_type = fields.String(required=True, validate=validate.OneOf(DOC_TYPES))
    doc_number = text(32, required=True)
    phone = text(32, allow_none=True)
    whatsapp = text(32, allow_none=True)
    email = fields.Email(allow_none=True)
    plate = text(16, allow_none=True)


class VisitCreate(Schema):
    """One visitor per visit (RN-106): a group is several pre-registrations."""
    unit_id = fields.Integer(required=True)
    kind = fields.String(required=True, validate=validate.OneOf(("single", "period",
                                                                  "recurring", "vip")))
    visitor = fields.Nested(VisitorInput, required=True)
    expected_at = fields.AwareDateTime(**AWARE)
    valid_from = fields.AwareDateTime(**AWARE)
    valid_until = fields.AwareDateTime(**AWARE)
    entries_allowed = fields.Integer(allow_none=True, validate=validate.Range(1, 1000))
    weekdays = fields.List(fields.Integer(validate=validate.Range(0, 6)),
                           validate=validate.Length(max=7))
    start_time = fields.String(validate=HHMM, metadata={"example": "08:00"})
    end_time = fields.String(validate=HHMM, metadata={"example": "17:00"})
    service_kind = fields.String(validate=validate.OneOf(SERVICE_KINDS))
    notes = text(255, allow_none=True)

    @post_load
    def to_minutes(self, data, **kwargs):
        data["start_minute"] = _minutes(data.pop("start_time", None))
        data["end_minute"] = _minutes(data.pop("end_time", None))
        return data


class WalkInForm(Schema):
    """Multipart form of a walk-in: the visitor's fields, the unit and gate, and `photo`."""
    gate_id = fields.Integer(required=True)
    unit_id = fields.Integer(required=True)
    first_name = text(80, required=True)
    last_name = text(80, required=True)
    doc_type = fields.String(required=True, validate=validate.OneOf(DOC_TYPES))
    doc_number = text(32, required=True)
    phone = text(32)
    plate = text(16)
    notes = text(255)
    biometric_consent = fields.Boolean(load_default=False, metadata={
        "description": "the visitor agrees to be recognised by face next time"})
    photo = fields.Raw(metadata={"type": "string", "format": "binary"})


class PassSchema(ResponseSchema):
    """The visit's current pass (the QR text is exactly what the code encodes)."""
    id = fields.String()
    qr_payload = fields.String()
    png_url = fields.String()
    svg_url = fields.String()
    # The handler writes these instants in ISO 8601 already.
    valid_from = fields.String(metadata=DATE_TIME)
    valid_until = fields.String(metadata=DATE_TIME)
    entries_allowed = fields.Integer(allow_none=True)
    entries_used = fields.Integer()
    key_id = fields.String()


class VisitorSchema(ResponseSchema):
    id = fields.Integer(required=True)
    person_id = fields.Integer(required=True)
    name = fields.Function(lambda v: v.person.full_name, metadata=STRING)
    doc_type = fields.Function(lambda v: v.person.doc_type, metadata=STRING)
    doc_number = fields.Function(lambda v: v.person.doc_number, metadata=STRING)
    phone = fields.Function(lambda v: v.person.phone, allow_none=True, metadata=STRING)
    plate = fields.String(allow_none=True)
    category = fields.String(required=True)
    flagged = fields.Function(lambda v: v.flagged_at is not None, metadata={"type": "boolean"})
    has_photo = fields.Function(lambda v: v.person.photo_key is not None,
                                metadata={"type": "boolean"})


class VisitSchema(ResponseSchema):
    id = fields.Integer(required=True)
    public_id = fields.String(required=True)
    kind = fields.String(required=True, validate=validate.OneOf(VISIT_KINDS))
    status = fields.String(required=True, validate=validate.OneOf(VISIT_STATUSES))
    unit_id = fields.Integer(required=True)
    unit = fields.Function(lambda v: v.unit.code, metadata=STRING)
    visitor_person_id = fields.Integer(attribute="visitor_id", required=True)
    visitor_name = fields.Function(lambda v: v.visitor.full_name, metadata=STRING)
    visitor_doc = fields.Function(lambda v: f"{v.visitor.doc_type.upper()} "
                                            f"{v.visitor.doc_number}", metadata=STRING)
    pre_registered = fields.Boolean(required=True)
    expected_at = fields.DateTime(allow_none=True)
    valid_from = fields.DateTime(required=True)
    valid_until = fields.DateTime(required=True)
    weekdays = fields.List(fields.Integer(), allow_none=True)
    start_minute = fields.Integer(allow_none=True)
    end_minute = fields.Integer(allow_none=True)
    service_kind = fields.String(allow_none=True)
    notes = fields.String(allow_none=True)
    plate = fields.String(allow_none=True)
    has_photo = fields.Function(lambda v: v.photo_key is not None, metadata={"type": "boolean"})
    entered_at = fields.DateTime(allow_none=True)
    exited_at = fields.DateTime(allow_none=True)
    is_active = fields.Boolean(required=True)
    inactive_reason = fields.String(allow_none=True)
    created_at = fields.DateTime(required=True)
    alerts = fields.Function(lambda v: getattr(v, "raised_alerts", []),
                             metadata={"type": "array", "items": STRING})
    # On pre-registration: the channels the pass went out by to the visitor.
    pass_sent_by = fields.Function(lambda v: getattr(v, "pass_sent_by", []),
                                   metadata={"type": "array", "items": STRING})
    # The pass is attached by the handler (its QR text needs the signing key); lists
    # answer null.
    pass_ = fields.Nested(PassSchema, attribute="pass_view", data_key="pass", allow_none=True,
                          dump_default=None)


class VisitQuery(Schema):
    status = fields.String(validate=validate.OneOf(VISIT_STATUSES))
    kind = fields.String(validate=validate.OneOf(VISIT_KINDS))
    unit_id = fields.Integer()
    visitor_id = fields.Integer()
    active = fields.Boolean()
    q = fields.String(validate=validate.Length(max=100))
    since = fields.AwareDateTime(**AWARE)
    until = fields.AwareDateTime(**AWARE)


class ScanRequest(Schema):
    payload = fields.String(required=True, validate=validate.Length(min=1, max=2000),
                            metadata={"description": "the text read from the QR code"})


class QrFrameUpload(Schema):
    image = fields.Raw(metadata={"type": "string", "format": "binary"})


class VisitPhotoUpload(Schema):
    photo = fields.Raw(metadata={"type": "string", "format": "binary"})


class PassDeliverySchema(ResponseSchema):
    sent_by = fields.List(fields.String(), required=True,
                          metadata={"description": "channels that took the pass: email, "
                                                   "whatsapp, sms"})


class ScanResultSchema(ResponseSchema):
    decision = fields.String(required=True, validate=validate.OneOf(("granted", "denied")))
    reason = fields.String(required=True)
    event_id = fields.Integer(allow_none=True)
    visit = fields.Nested(VisitSchema, allow_none=True)


class AnswerRequest(Schema):
    decision = fields.String(required=True, validate=validate.OneOf(("approve", "deny")))
    channel = fields.String(load_default="app", validate=validate.OneOf(AUTH_CHANNELS))
    reason = text(255)


class AuthorisationSchema(ResponseSchema):
    id = fields.Integer(required=True)
    kind = fields.String(required=True)
    status = fields.String(required=True)
    requested_at = fields.DateTime(required=True)
    expires_at = fields.DateTime(allow_none=True)
    answered_at = fields.DateTime(allow_none=True)
    answered_by_id = fields.Integer(allow_none=True)
    channel = fields.String(allow_none=True)
    deny_reason = fields.String(allow_none=True)


class ChangeSchema(ResponseSchema):
    from_status = fields.String(allow_none=True)
    to_status = fields.String(required=True)
    actor_id = fields.Integer(allow_none=True)
    note = fields.String(allow_none=True)
    changed_at = fields.DateTime(required=True)


class PassageSchema(ResponseSchema):
    id = fields.Integer(required=True)
    access_event_id = fields.Integer(required=True)
    direction = fields.String(required=True)
    method = fields.String(required=True)
    guard_id = fields.Integer(allow_none=True)
    plate = fields.String(allow_none=True)
    notes = fields.String(allow_none=True)
    occurred_at = fields.DateTime(required=True)


class TimelineSchema(ResponseSchema):
    changes = fields.List(fields.Nested(ChangeSchema), required=True)
    authorisations = fields.List(fields.Nested(AuthorisationSchema), required=True)
    passages = fields.List(fields.Nested(PassageSchema), required=True)


class EntryRequest(Schema):
    gate_id = fields.Integer(required=True)
    method = fields.String(load_default="document", validate=validate.OneOf(PASSAGE_METHODS))
    plate = text(16)
    notes = text(255)


class ExitRequest(Schema):
    gate_id = fields.Integer(required=True)
    notes = text(255)


class ReasonRequest(Schema):
    reason = text(255, required=True)


class RenewRequest(Schema):
    valid_until = fields.AwareDateTime(required=True, **AWARE)


class BlockCreate(Schema):
    visitor_id = fields.Integer(required=True)
    unit_id = fields.Integer(allow_none=True, metadata={
        "description": "empty: the whole condominium (administration only)"})
    reason = text(255, required=True)


class BlockSchema(ResponseSchema):
    id = fields.Integer(required=True)
    person_id = fields.Integer(required=True)
    visitor_name = fields.Function(lambda b: b.person.full_name, metadata=STRING)
    unit_id = fields.Integer(allow_none=True)
    reason = fields.String(required=True)
    created_by_id = fields.Integer(allow_none=True)
    created_at = fields.DateTime(required=True)
    lifted_at = fields.DateTime(allow_none=True)
    lift_reason = fields.String(allow_none=True)


class BlockQuery(Schema):
    active = fields.Boolean(load_default=True)


class VisitorSettingsUpdate(Schema):
    approval_timeout_s = fields.Integer(validate=validate.Range(15, 3600))
    timeout_action = fields.String(validate=validate.OneOf(TIMEOUT_ACTIONS))
    overstay_minutes = fields.Integer(validate=validate.Range(10, 7 * 24 * 60))
    renewal_days = fields.Integer(validate=validate.Range(1, 60))
    flag_after_denials = fields.Integer(validate=validate.Range(1, 100))
    walk_in_pass_minutes = fields.Integer(validate=validate.Range(5, 24 * 60))
    emergency_mode = fields.Boolean()


class VisitorSettingsSchema(ResponseSchema, VisitorSettingsUpdate):
    pass_key_version = fields.Integer(dump_only=True)
    pass_key_min = fields.Integer(dump_only=True)


class RotateRequest(Schema):
    retire_old = fields.Boolean(load_default=False)


class PushSubscriptionInput(Schema):
    endpoint = fields.Url(required=True, schemes={"https", "http"})
    p256dh = text(255, required=True)
    auth = text(64, required=True)


class PushKey(ResponseSchema):
    public_key = fields.String(allow_none=True, required=True)


class KpiQuery(Schema):
    since = fields.Date(required=True)
    until = fields.Date(required=True)

    @validates_schema
    def ordered(self, data, **kwargs):
        if data["until"] < data["since"]:
            raise ValidationError("until must not be before since", "until")


class DayCount(ResponseSchema):
    day = fields.String(metadata=DATE)
    entries = fields.Integer()


class HourCount(ResponseSchema):
    hour = fields.Integer(metadata={"description": "0-23, local time"})
    entries = fields.Integer()


class VisitorKpis(ResponseSchema):
    since = fields.String(metadata=DATE)
    until = fields.String(metadata=DATE)
    unique_visitors = fields.Integer()
    entries = fields.Integer()
    visitors_per_day = fields.Float()
    per_day = fields.List(fields.Nested(DayCount))
    per_hour = fields.List(fields.Nested(HourCount))
    peak_hour = fields.Integer(allow_none=True)
    approval_rate = fields.Float(allow_none=True, metadata={"description": "0-1"})
    average_stay_minutes = fields.Float(allow_none=True)
    recurring_visitors = fields.Integer()
    one_off_visitors = fields.Integer()
    methods = fields.Dict(keys=fields.String(), values=fields.Integer(),
                          metadata={"description": "entries per passage method"})
    pre_registration_rate = fields.Float(allow_none=True, metadata={"description": "0-1"})
    average_response_seconds = fields.Float(allow_none=True)
