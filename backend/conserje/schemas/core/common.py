"""Schemas shared by several domains."""
from __future__ import annotations

from marshmallow import Schema, fields, validate


class SearchQuery(Schema):
    q = fields.String(validate=validate.Length(max=100),
                      metadata={"description": "free-text search"})


class ImportResult(Schema):
    created = fields.Integer(required=True, metadata={"description": "rows imported"})


class CsvUpload(Schema):
    file = fields.Raw(required=True, metadata={"type": "string", "format": "binary"})


def text(max_len: int, required: bool = False, allow_none: bool = False, **kwargs):
    """A trimmed string field with a length limit (empty strings are refused)."""
    return fields.String(required=required, allow_none=allow_none,
                         validate=validate.Length(min=1, max=max_len), **kwargs)
