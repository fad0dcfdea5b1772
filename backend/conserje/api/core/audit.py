"""Read-only audit trail of the condominium (append-only: no write routes exist)."""
from __future__ import annotations

from flask_smorest import Blueprint
from marshmallow import Schema, fields

from conserje.api.core.context import current_actor
from conserje.api.core.crud import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from conserje.extensions import db
from conserje.schemas.core.common import ResponseSchema
from conserje.services.core import audit

blp = Blueprint("audit", __name__, url_prefix="/api/v1/audit",
                description="Who changed what, when, with before/after values")


class AuditEntrySchema(ResponseSchema):
    id = fields.Integer(required=True)
    actor_id = fields.Integer(allow_none=True)
    action = fields.String(required=True)
    entity = fields.String(required=True)
    entity_id = fields.Integer(allow_none=True)
    before_data = fields.Dict(allow_none=True)
    after_data = fields.Dict(allow_none=True)
    created_at = fields.DateTime(required=True)


class AuditQuery(Schema):
    entity = fields.String()
    entity_id = fields.Integer()
    actor_id = fields.Integer()
    action = fields.String()


@blp.route("", methods=["GET"])
@blp.arguments(AuditQuery, location="query")
@blp.response(200, AuditEntrySchema(many=True))
@blp.paginate(page_size=DEFAULT_PAGE_SIZE, max_page_size=MAX_PAGE_SIZE)
@blp.doc(summary="List audit entries, newest first (admins and managers)")
def list_audit(filters, pagination_parameters):
    rows, total = audit.list_entries(db.session, current_actor(), filters,
                                     pagination_parameters.page, pagination_parameters.page_size)
    pagination_parameters.item_count = total
    return rows
