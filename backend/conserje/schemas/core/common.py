"""Schemas shared by several domains."""
from __future__ import annotations

import copy

from marshmallow import Schema, fields, validate
from marshmallow.schema import SchemaMeta

# A file answer (CSV, XLSX, PDF, JPEG...): the body is the file's bytes.
BINARY = {"type": "string", "format": "binary"}
# Server-sent events: ``event:``/``data:`` lines.
EVENT_STREAM = {"type": "string"}


def _always_present(field: fields.Field) -> fields.Field:
    if field.required:
        return field
    field = copy.copy(field)
    field.required = True
    return field


class _ResponseMeta(SchemaMeta):
    def __init__(cls, name, bases, attrs):
        super().__init__(name, bases, attrs)
        optional = set(getattr(cls.Meta, "optional", ()))
        cls._declared_fields = {
            name: field if name in optional else _always_present(field)
            for name, field in cls._declared_fields.items()}


class ResponseSchema(Schema, metaclass=_ResponseMeta):
    """A response body: every field is always in it (``null`` where ``allow_none``).

    Its fields are documented as required, so that the SPA's generated types have them
    non-optional. ``required`` only matters when loading, and response schemas are only
    dumped: the JSON bodies are the same. A key that an answer may leave out is listed in
    ``class Meta: optional = (...)``.
    """


class SearchQuery(Schema):
    q = fields.String(validate=validate.Length(max=100),
                      metadata={"description": "free-text search"})


class ImportResult(ResponseSchema):
    created = fields.Integer(required=True, metadata={"description": "rows imported"})


class CsvUpload(Schema):
    file = fields.Raw(required=True, metadata={"type": "string", "format": "binary"})


def text(max_len: int, required: bool = False, allow_none: bool = False, **kwargs):
    """A trimmed string field with a length limit (empty strings are refused)."""
    return fields.String(required=required, allow_none=allow_none,
                         validate=validate.Length(min=1, max=max_len), **kwargs)
