"""The live stream of gate events (server-sent events) for guards' consoles."""
from __future__ import annotations

from flask import Response, current_app
from flask_jwt_extended import get_jwt
from flask_smorest import Blueprint

from ..extensions import db, redis_store
from ..models import AppUser
from ..services.actor import GATE_ROLES, build_actor
from ..services.auth import is_session_revoked
from ..services.errors import AuthenticationFailed
from ..services.gate import stream
from ..schemas.events import StreamQuery, StreamTicket
from .context import current_actor

blp = Blueprint("events", __name__, url_prefix="/api/v1/events",
                description="Live access events and alerts (server-sent events)")


@blp.route("/stream-ticket", methods=["POST"])
@blp.response(201, StreamTicket)
@blp.doc(summary="A short-lived ticket to open the event stream (EventSource sends no headers)")
def stream_ticket():
    actor = current_actor()
    ticket = stream.issue_ticket(current_app.config["SECRET_KEY"], actor, get_jwt()["sid"])
    return {"ticket": ticket, "expires_in": stream.TICKET_SECONDS}


@blp.route("/stream", methods=["GET"])
@blp.arguments(StreamQuery, location="query")
@blp.response(200, description="text/event-stream: `access` and `alert` events of the "
                               "caller's condominium", content_type="text/event-stream")
@blp.doc(summary="Live gate events (authenticated by ?ticket=)", security=[])
def event_stream(query):
    ticket = stream.read_ticket(current_app.config["SECRET_KEY"], query["ticket"])
    user = db.session.get(AppUser, ticket.user_id)
    if user is None or not user.is_active or is_session_revoked(db.session, ticket.session_id):
        raise AuthenticationFailed("the session of this ticket has ended")
    actor = build_actor(db.session, user, ticket.condominium_id)
    actor.require(*GATE_ROLES)
    db.session.close()  # a stream lasts hours: hold no database connection meanwhile
    return Response(stream.events(redis_store.connection, actor),
                    mimetype="text/event-stream",
                    headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})
