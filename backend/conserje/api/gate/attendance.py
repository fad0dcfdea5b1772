"""Staff work schedules and the attendance report (JSON, CSV, XLSX)."""
from __future__ import annotations

import calendar
from datetime import date

from flask import current_app
from flask_smorest import Blueprint

from conserje.api.core.context import current_actor
from conserje.api.core.exports import csv_download, xlsx_download
from conserje.extensions import db
from conserje.schemas.core.common import BINARY
from conserje.schemas.gate.attendance import (
    AttendanceQuery,
    AttendanceReport,
    ExportQuery,
    WeekDump,
    WeekSchema,
)
from conserje.services.gate import attendance, schedules

blp = Blueprint("attendance", __name__, url_prefix="/api/v1",
                description="Staff work schedules and attendance")
COLUMNS = ("day", "person_id", "name", "scheduled_start", "scheduled_end", "first_entry",
           "last_exit", "status", "late_minutes", "hours_worked", "missing_exit")


def _period(query: dict) -> tuple[date | None, date | None]:
    if "month" not in query:
        day = query.get("day")  # None: the condominium's today
        return day, day
    year, month = (int(x) for x in query["month"].split("-"))
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _report(query: dict) -> dict:
    first, last = _period(query)
    return attendance.report(db.session, current_actor(), first, last,
                             current_app.config["ATTENDANCE_GRACE_MINUTES"])


@blp.route("/people/<int:person_id>/work-schedules", methods=["GET"])
@blp.response(200, WeekDump)
@blp.doc(summary="The staff person's weekly shifts (local time)")
def get_week(person_id):
    return {"shifts": schedules.list_schedules(db.session, current_actor(), person_id)}


@blp.route("/people/<int:person_id>/work-schedules", methods=["PUT"])
@blp.arguments(WeekSchema)
@blp.response(200, WeekDump)
@blp.doc(summary="Replace the staff person's weekly shifts")
def put_week(data, person_id):
    rows = schedules.replace_schedules(db.session, current_actor(), person_id, data["shifts"])
    db.session.commit()
    return {"shifts": rows}


@blp.route("/attendance", methods=["GET"])
@blp.arguments(AttendanceQuery, location="query")
@blp.response(200, AttendanceReport)
@blp.doc(summary="Staff attendance for one day or one month, from the access log")
def attendance_report(query):
    return _report(query)


@blp.route("/attendance/export", methods=["GET"])
@blp.arguments(ExportQuery, location="query")
@blp.response(200, BINARY, description="CSV or XLSX of the days", content_type="text/csv")
@blp.doc(summary="The attendance report as CSV or XLSX")
def attendance_export(query):
    result = _report(query)
    rows = attendance.flat_rows(result, result["time_zone"])
    name = f"attendance-{result['first']}-{result['last']}.{query['format']}"
    if query["format"] == "xlsx":
        return xlsx_download(rows, COLUMNS, "attendance", name)
    return csv_download(rows, COLUMNS, name)
