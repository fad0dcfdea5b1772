"""The access log (read-only, corrections as new events), presence, gate alerts and the
live stream of gate events (server-sent events) for guards' consoles."""
from __future__ import annotations

from flask import Response, make_response
from flask_jwt_extended import get_jwt
from flask_smorest import Blueprint

from conserje.api.core.context import current_actor
from conserje.api.core.crud import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from conserje.api.core.exports import csv_download
from conserje.extensions import db
from conserje.models import AppUser
from conserje.schemas.access import (
    AccessEventQuery,
    AccessEventSchema,
    AlertQuery,
    AlertSchema,
    CorrectionRequest,
    PresenceSchema,
    StreamQuery,
    StreamTicket,
)
from conserje.schemas.core.common import BINARY, EVENT_STREAM
from conserje.services.access import access_log, alerts, presence, stream
from conserje.services.core.actor import build_actor
from conserje.services.core.errors import AuthenticationFailed, NotFound
from conserje.services.gate import guard_actions
from conserje.services.setup.auth import is_session_revoked
from conserje.wiring import deps

blp = Blueprint("access", __name__, url_prefix="/api/v1",
                description="Access log, presence and gate alerts")
CSV_COLUMNS = ("id", "occurred_at", "gate_name", "direction", "method", "decision", "reason",
               "person_id", "person_name", "person_kind", "similarity", "model_version",
               "guard_id", "correction_of_id", "row_hash")
EXPORT_LIMIT = 50_000


@blp.route("/access-events", methods=["GET"])
@blp.arguments(AccessEventQuery, location="query")
@blp.response(200, AccessEventSchema(many=True))
@blp.paginate(page_size=DEFAULT_PAGE_SIZE, max_page_size=MAX_PAGE_SIZE)
@blp.doc(summary="The access log, newest first (filters: gate, person, unit, decision, dates)")
def list_events(filters, pagination_parameters):
    page = access_log.list_events(db.session, current_actor(), filters,
                                  pagination_parameters.page, pagination_parameters.page_size)
    pagination_parameters.item_count = page.total
    return page.items


@blp.route("/access-events/export", methods=["GET"])
@blp.arguments(AccessEventQuery, location="query")
@blp.response(200, BINARY, description="CSV of the filtered log", content_type="text/csv")
@blp.doc(summary="The filtered access log as CSV (UTF-8, at most 50,000 rows)")
def export_events(filters):
    stmt = access_log.filtered(current_actor(), filters).limit(EXPORT_LIMIT)
    rows = AccessEventSchema(many=True).dump(db.session.scalars(stmt))
    return csv_download(rows, CSV_COLUMNS, "access-events.csv")


@blp.route("/access-events/<int:event_id>", methods=["GET"])
@blp.response(200, AccessEventSchema)
@blp.doc(summary="One access event")
def get_event(event_id):
    return access_log.get_event(db.session, current_actor(), event_id)


@blp.route("/access-events/<int:event_id>/snapshot", methods=["GET"])
@blp.response(200, BINARY, description="The frame the event was decided on (JPEG)",
              content_type="image/jpeg")
@blp.doc(summary="The event's camera snapshot (gone once the retention purge ran)")
def event_snapshot(event_id):
    event = access_log.get_event(db.session, current_actor(), event_id)
    try:
        data = deps().store.get(event.snapshot_key) if event.snapshot_key else None
    except KeyError:
        data = None
    if data is None:
        raise NotFound("no snapshot for this event")
    response = make_response(data)
    response.headers["Content-Type"] = "image/jpeg"
    response.headers["Cache-Control"] = "no-store"  # faces: never cached
    return response


@blp.route("/access-events/<int:event_id>/corrections", methods=["POST"])
@blp.arguments(CorrectionRequest)
@blp.response(201, AccessEventSchema)
@blp.doc(summary="Correct an event: a new event that replaces it, with the reason")
def correct_event(data, event_id):
    reason = data.pop("reason")
    event = guard_actions.correct(db.session, current_actor(), deps().redis,
                                  event_id, reason, data)
    db.session.commit()
    return event


@blp.route("/presence", methods=["GET"])
@blp.response(200, PresenceSchema(many=True))
@blp.doc(summary="Who is inside now (last granted passage was an entry)")
def who_is_inside():
    return presence.inside_now(db.session, current_actor())


@blp.route("/alerts", methods=["GET"])
@blp.arguments(AlertQuery, location="query")
@blp.response(200, AlertSchema(many=True))
@blp.paginate(page_size=DEFAULT_PAGE_SIZE, max_page_size=MAX_PAGE_SIZE)
@blp.doc(summary="Gate alerts, newest first")
def list_alerts(query, pagination_parameters):
    page = alerts.list_alerts(db.session, current_actor(), query["pending"],
                              pagination_parameters.page, pagination_parameters.page_size)
    pagination_parameters.item_count = page.total
    return page.items


@blp.route("/alerts/<int:alert_id>/ack", methods=["POST"])
@blp.response(200, AlertSchema)
@blp.doc(summary="Acknowledge an alert")
def ack_alert(alert_id):
    alert = alerts.acknowledge(db.session, current_actor(), alert_id)
    db.session.commit()
    return alert


# --- the live stream ------------------------------------------------------------------

events_blp = Blueprint("events", __name__, url_prefix="/api/v1/events",
                description="Live access events, alerts, visits and your notifications "
                            "(server-sent events)")


@events_blp.route("/stream-ticket", methods=["POST"])
@events_blp.response(201, StreamTicket)
@events_blp.doc(summary="A short-lived ticket to open the event stream "
                        "(EventSource sends no headers)")
def stream_ticket():
    actor = current_actor()
    ticket = stream.issue_ticket(deps().secret, actor, get_jwt()["sid"])
    return {"ticket": ticket, "expires_in": stream.TICKET_SECONDS}


@events_blp.route("/stream", methods=["GET"])
@events_blp.arguments(StreamQuery, location="query")
@events_blp.response(200, EVENT_STREAM,
                     description="text/event-stream: `access` and `alert` events of the "
                                 "caller's condominium", content_type="text/event-stream")
@events_blp.doc(summary="Live gate events (authenticated by ?ticket=)", security=[])
def event_stream(query):
    ticket = stream.read_ticket(deps().secret, query["ticket"])
    user = db.session.get(AppUser, ticket.user_id)
    if user is None or not user.is_active or is_session_revoked(db.session, ticket.session_id):
        raise AuthenticationFailed("the session of this ticket has ended")
    actor = build_actor(db.session, user, ticket.condominium_id)
    db.session.close()  # a stream lasts hours: hold no database connection meanwhile
    return Response(stream.events(deps().redis, actor),
                    mimetype="text/event-stream",
                    headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})
