"""Tickets for the live event stream."""
from __future__ import annotations

from marshmallow import Schema, fields


class StreamTicket(Schema):
    ticket = fields.String(required=True, metadata={
        "description": "pass as ?ticket= to GET /events/stream within expires_in seconds"})
    expires_in = fields.Integer(required=True)


class StreamQuery(Schema):
    ticket = fields.String(required=True)
