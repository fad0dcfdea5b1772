"""The acting user's in-app notifications (payment reminders and others)."""
from __future__ import annotations

from flask_smorest import Blueprint

from conserje.api.core.context import current_actor
from conserje.extensions import db
from conserje.schemas.notifications import MarkReadRequest, NotificationQuery, NotificationSchema
from conserje.services.notifications import inbox

blp = Blueprint("notifications", __name__, url_prefix="/api/v1/notifications",
                description="Your in-app notifications")


@blp.route("", methods=["GET"])
@blp.arguments(NotificationQuery, location="query")
@blp.response(200, NotificationSchema(many=True))
@blp.doc(summary="Your notifications in this condominium, newest first (200 at most)")
def list_notifications(query):
    return inbox.inbox(db.session, current_actor(), query.get("unread", False))


@blp.route("/read", methods=["POST"])
@blp.arguments(MarkReadRequest)
@blp.response(204)
@blp.doc(summary="Mark your notifications as read")
def mark_read(data):
    inbox.mark_read(db.session, current_actor(), data["ids"])
    db.session.commit()
