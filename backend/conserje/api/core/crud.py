"""Standard collection/item views for a tenant-scoped resource service.

Handlers stay thin: resolve the actor, call the service, commit, serialise.
"""
from __future__ import annotations

from typing import Any, Protocol

from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import Schema

from conserje.api.core.context import current_actor
from conserje.extensions import db
from conserje.services.core.actor import Actor


class ResourceService(Protocol):
    def list(self, session, actor: Actor, filters: dict, page: int, page_size: int): ...
    def get(self, session, actor: Actor, obj_id: int) -> Any: ...
    def create(self, session, actor: Actor, data: dict) -> Any: ...
    def update(self, session, actor: Actor, obj_id: int, data: dict) -> Any: ...
    def delete(self, session, actor: Actor, obj_id: int) -> None: ...


DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


def _partial_init(self, *args, **kwargs):
    kwargs.setdefault("partial", True)
    Schema.__init__(self, *args, **kwargs)


def register_crud(blp: Blueprint, service: ResourceService, schema: type[Schema],
                  query: type[Schema], *, create: type[Schema] | None = None,
                  update: type[Schema] | None = None, noun: str) -> None:
    """Add ``GET/POST /`` and ``GET/PATCH/DELETE /<id>`` routes for ``service`` to ``blp``."""
    create_schema = create or schema
    if update is None:
        # A named subclass keeps the OpenAPI component names unique (``UnitUpdate``).
        name = create_schema.__name__.removesuffix("Schema").removesuffix("Create") + "Update"
        update = type(name, (create_schema,), {"__init__": _partial_init})
    update_schema = update

    @blp.route("")
    class Collection(MethodView):
        @blp.doc(summary=f"List {noun}s (paginated, searchable)")
        @blp.arguments(query, location="query")
        @blp.response(200, schema(many=True))
        @blp.paginate(page_size=DEFAULT_PAGE_SIZE, max_page_size=MAX_PAGE_SIZE)
        def get(self, filters, pagination_parameters):
            page = service.list(db.session, current_actor(), filters,
                                pagination_parameters.page, pagination_parameters.page_size)
            pagination_parameters.item_count = page.total
            return page.items

        @blp.doc(summary=f"Create a {noun}")
        @blp.alt_response(409, response="DEFAULT_ERROR", description="Duplicate")
        @blp.arguments(create_schema)
        @blp.response(201, schema)
        def post(self, data):
            obj = service.create(db.session, current_actor(), data)
            db.session.commit()
            return obj

    @blp.route("/<int:obj_id>")
    class Item(MethodView):
        @blp.doc(summary=f"Get one {noun}")
        @blp.alt_response(404, response="DEFAULT_ERROR", description="Not found for you")
        @blp.response(200, schema)
        def get(self, obj_id):
            return service.get(db.session, current_actor(), obj_id)

        @blp.doc(summary=f"Change a {noun} (only the fields sent)")
        @blp.arguments(update_schema)
        @blp.response(200, schema)
        def patch(self, data, obj_id):
            obj = service.update(db.session, current_actor(), obj_id, data)
            db.session.commit()
            return obj

        @blp.doc(summary=f"Delete a {noun}")
        @blp.response(204)
        def delete(self, obj_id):
            service.delete(db.session, current_actor(), obj_id)
            db.session.commit()

