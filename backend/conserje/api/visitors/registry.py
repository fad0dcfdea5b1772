"""Visitor records, blacklists, the condominium's visitor rules and pass keys, Web Push
subscriptions and the visitor KPIs."""
from __future__ import annotations

from flask import current_app
from flask_smorest import Blueprint
from sqlalchemy import delete

from conserje.api.core.context import current_actor
from conserje.extensions import db
from conserje.models import PushSubscription
from conserje.schemas.core.common import SearchQuery
from conserje.schemas.visitors import (
    BlockCreate,
    BlockQuery,
    BlockSchema,
    KpiQuery,
    PushKey,
    PushSubscriptionInput,
    ReasonRequest,
    RotateRequest,
    VisitorKpis,
    VisitorSchema,
    VisitorSettingsSchema,
    VisitorSettingsUpdate,
)
from conserje.services.visitors import blocks, kpis, registry, settings

blp = Blueprint("visitors", __name__, url_prefix="/api/v1/visitors",
                description="Visitor records (guards search them at the gate)")
blocks_blp = Blueprint("visitor_blocks", __name__, url_prefix="/api/v1/visitor-blocks",
                       description="Blacklists: per unit (residents) and global (admins)")
admin_blp = Blueprint("visitor_admin", __name__, url_prefix="/api/v1/visitor-admin",
                      description="Visitor rules, pass keys, KPIs; push subscriptions")


@blp.route("", methods=["GET"])
@blp.arguments(SearchQuery, location="query")
@blp.response(200, VisitorSchema(many=True))
@blp.doc(summary="Search visitors by name, document or plate (50 at most)")
def search_visitors(query):
    return registry.search(db.session, current_actor(), query.get("q"))


@blp.route("/<int:visitor_id>", methods=["GET"])
@blp.response(200, VisitorSchema)
@blp.doc(summary="One visitor")
def get_visitor(visitor_id):
    return registry.get_visitor(db.session, current_actor(), visitor_id)


@blocks_blp.route("", methods=["POST"])
@blocks_blp.arguments(BlockCreate)
@blocks_blp.response(201, BlockSchema)
@blocks_blp.doc(summary="Blacklist a visitor for a unit, or (admins) the whole condominium")
def create_block(data):
    entry = blocks.block(db.session, current_actor(), data["visitor_id"], None,
                         data.get("unit_id"), data["reason"])
    db.session.commit()
    return entry


@blocks_blp.route("", methods=["GET"])
@blocks_blp.arguments(BlockQuery, location="query")
@blocks_blp.response(200, BlockSchema(many=True))
@blocks_blp.doc(summary="Blacklist entries (residents: their units')")
def list_blocks(query):
    return blocks.list_blocks(db.session, current_actor(), query["active"])


@blocks_blp.route("/<int:block_id>/lift", methods=["POST"])
@blocks_blp.arguments(ReasonRequest)
@blocks_blp.response(200, BlockSchema)
@blocks_blp.doc(summary="Lift a blacklist entry with a reason (kept in the history)")
def lift_block(data, block_id):
    entry = blocks.lift(db.session, current_actor(), block_id, data["reason"])
    db.session.commit()
    return entry


@admin_blp.route("/settings", methods=["GET"])
@admin_blp.response(200, VisitorSettingsSchema)
@admin_blp.doc(summary="The condominium's visitor rules")
def get_settings():
    row = settings.read_settings(db.session, current_actor())
    db.session.commit()
    return row


@admin_blp.route("/settings", methods=["PATCH"])
@admin_blp.arguments(VisitorSettingsUpdate)
@admin_blp.response(200, VisitorSettingsSchema)
@admin_blp.doc(summary="Change the visitor rules (admins)")
def patch_settings(data):
    row = settings.update_settings(db.session, current_actor(), data)
    db.session.commit()
    return row


@admin_blp.route("/pass-key/rotate", methods=["POST"])
@admin_blp.arguments(RotateRequest)
@admin_blp.response(200, VisitorSettingsSchema)
@admin_blp.doc(summary="Sign new passes with a new key (optionally refusing older passes)")
def rotate_key(data):
    row = settings.rotate_key(db.session, current_actor(), data["retire_old"])
    db.session.commit()
    return row


@admin_blp.route("/kpis", methods=["GET"])
@admin_blp.arguments(KpiQuery, location="query")
@admin_blp.response(200, VisitorKpis, description="The visitor metrics of the date range")
@admin_blp.doc(summary="Visitor KPIs for a date range (managers)")
def visitor_kpis(query):
    return kpis.kpis(db.session, current_actor(), query["since"], query["until"])


@admin_blp.route("/push-key", methods=["GET"])
@admin_blp.response(200, PushKey)
@admin_blp.doc(summary="The server's VAPID public key for Web Push (null: push is off)")
def push_key():
    current_actor()
    return {"public_key": current_app.config.get("VAPID_PUBLIC_KEY") or None}


@admin_blp.route("/push-subscriptions", methods=["POST"])
@admin_blp.arguments(PushSubscriptionInput)
@admin_blp.response(204)
@admin_blp.doc(summary="Register this browser for Web Push notifications")
def subscribe_push(data):
    actor = current_actor()
    db.session.execute(delete(PushSubscription).where(
        PushSubscription.user_id == actor.user_id,
        PushSubscription.endpoint == data["endpoint"]))
    db.session.add(PushSubscription(condominium_id=actor.condominium_id, user_id=actor.user_id,
                                    endpoint=data["endpoint"], p256dh=data["p256dh"],
                                    auth_secret=data["auth"]))
    db.session.commit()
