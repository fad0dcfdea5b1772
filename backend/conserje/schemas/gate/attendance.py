"""Staff work schedules and attendance reports."""
from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from conserje.schemas.core.common import ResponseSchema

HHMM = {"type": "string", "example": "08:30"}


class ShiftSchema(Schema):
    weekday = fields.Integer(required=True, validate=validate.Range(0, 6),
                             metadata={"description": "0 = Monday ... 6 = Sunday"})
    start = fields.String(required=True, metadata=HHMM)
    end = fields.String(required=True, metadata={
        **HHMM, "description": "local time; not after start = the shift ends the next day"})


class ScheduleDump(ResponseSchema):
    weekday = fields.Integer(required=True)
    start = fields.Function(lambda s: f"{s.start_minute // 60:02d}:{s.start_minute % 60:02d}",
                            metadata=HHMM)
    end = fields.Function(lambda s: f"{(s.end_minute // 60) % 24:02d}:{s.end_minute % 60:02d}",
                          metadata=HHMM)


class WeekSchema(Schema):
    shifts = fields.List(fields.Nested(ShiftSchema), required=True,
                         validate=validate.Length(max=7))


class WeekDump(ResponseSchema):
    shifts = fields.List(fields.Nested(ScheduleDump), required=True)


class AttendanceQuery(Schema):
    day = fields.Date(metadata={"description": "one local day (YYYY-MM-DD); default today"})
    month = fields.String(validate=validate.Regexp(r"^\d{4}-(0[1-9]|1[0-2])$"),
                          metadata={"description": "a whole month (YYYY-MM)"})

    @validates_schema
    def one_period(self, data, **_kwargs):
        if "day" in data and "month" in data:
            raise ValidationError("give either day or month, not both", "day")


class ExportQuery(AttendanceQuery):
    format = fields.String(load_default="csv", validate=validate.OneOf(["csv", "xlsx"]))


class AttendanceDaySchema(ResponseSchema):
    person_id = fields.Integer(required=True)
    name = fields.String(required=True)
    day = fields.Date(required=True)
    scheduled_start = fields.String(allow_none=True)
    scheduled_end = fields.String(allow_none=True)
    first_entry = fields.DateTime(allow_none=True)
    last_exit = fields.DateTime(allow_none=True)
    status = fields.String(required=True, validate=validate.OneOf(
        ["on_time", "late", "absent", "pending", "unscheduled"]))
    late_minutes = fields.Integer(required=True)
    hours_worked = fields.Float(required=True)
    missing_exit = fields.Boolean(required=True)


class AttendanceTotals(ResponseSchema):
    person_id = fields.Integer(required=True)
    name = fields.String(required=True)
    scheduled_days = fields.Integer(required=True)
    on_time = fields.Integer(required=True)
    late = fields.Integer(required=True)
    late_minutes = fields.Integer(required=True)
    absent = fields.Integer(required=True)
    missing_exits = fields.Integer(required=True)
    hours_worked = fields.Float(required=True)


class AttendanceReport(ResponseSchema):
    first = fields.Date(required=True)
    last = fields.Date(required=True)
    time_zone = fields.String(required=True)
    days = fields.List(fields.Nested(AttendanceDaySchema), required=True)
    totals = fields.List(fields.Nested(AttendanceTotals), required=True)
