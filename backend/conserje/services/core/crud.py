"""Tenant-scoped create/read/update/delete shared by the setup resources.

Each resource subclasses ``TenantResource`` and names the capabilities that read and write
it (``permissions``), whether residents reach it at all, how a resident's view is narrowed
to their own units, how to search, and how to validate.
Every query starts from ``scoped_query`` so no code path can cross condominiums.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from conserje.services.core import audit
from conserje.services.core.actor import Actor
from conserje.services.core.errors import Conflict, Forbidden, NotFound

T = TypeVar("T")


@dataclass
class Page(Generic[T]):
    items: list[T]
    total: int


class TenantResource(Generic[T]):
    model: ClassVar[type]
    entity: ClassVar[str]
    conflict_message: ClassVar[str] = "this record already exists"
    read_capability: ClassVar[str] = "directory.read"
    write_capability: ClassVar[str]
    # Residents reach the resource, narrowed to their own units by ``resident_scope``,
    # even without the capability (which names the whole condominium's rows).
    resident_reads: ClassVar[bool] = False
    resident_writes: ClassVar[bool] = False

    # -- hooks -------------------------------------------------------------------------
    def resident_scope(self, stmt: Select, actor: Actor) -> Select:
        """Narrow ``stmt`` to rows of the resident's own units."""
        raise NotImplementedError

    def apply_filters(self, stmt: Select, filters: dict[str, Any]) -> Select:
        return stmt

    def validate(self, session: Session, actor: Actor, data: dict[str, Any],
                 obj: T | None) -> dict[str, Any]:
        """Check and normalise ``data`` (a create when ``obj`` is None); return values to set."""
        return data

    def before_delete(self, session: Session, actor: Actor, obj: T) -> None:
        """Refuse (raise) or clean up dependants before ``obj`` is deleted."""

    # -- access ------------------------------------------------------------------------
    def _authorise(self, actor: Actor, write: bool) -> None:
        if actor.can(self.write_capability if write else self.read_capability):
            return
        if actor.is_resident and (self.resident_writes if write else self.resident_reads):
            return
        raise Forbidden("your role does not allow this operation")

    def scoped_query(self, actor: Actor) -> Select:
        stmt = select(self.model).where(self.model.condominium_id == actor.condominium_id)
        if actor.is_resident:
            stmt = self.resident_scope(stmt, actor)
        return stmt

    def _load(self, session: Session, actor: Actor, obj_id: int) -> T:
        obj = session.scalar(self.scoped_query(actor).where(self.model.id == obj_id))
        if obj is None:
            raise NotFound(f"{self.entity} not found")
        return obj

    # -- operations --------------------------------------------------------------------
    def get(self, session: Session, actor: Actor, obj_id: int) -> T:
        self._authorise(actor, write=False)
        return self._load(session, actor, obj_id)

    def list(self, session: Session, actor: Actor, filters: dict[str, Any],
             page: int, page_size: int) -> Page[T]:
        self._authorise(actor, write=False)
        stmt = self.apply_filters(self.scoped_query(actor), filters)
        total = session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery()))
        rows = session.scalars(
            stmt.order_by(self.model.id).limit(page_size).offset((page - 1) * page_size)
        ).unique()
        return Page(list(rows), total or 0)

    def create(self, session: Session, actor: Actor, data: dict[str, Any]) -> T:
        self._authorise(actor, write=True)
        values = self.validate(session, actor, dict(data), None)
        obj = self.model(condominium_id=actor.condominium_id, **values)
        session.add(obj)
        self._flush(session)
        audit.record(session, actor_id=actor.user_id, condominium_id=actor.condominium_id,
                     action="create", entity=self.entity, entity_id=obj.id,
                     after=audit.snapshot(obj))
        return obj

    def update(self, session: Session, actor: Actor, obj_id: int, data: dict[str, Any]) -> T:
        self._authorise(actor, write=True)
        obj = self._load(session, actor, obj_id)
        before = audit.snapshot(obj)
        for key, value in self.validate(session, actor, dict(data), obj).items():
            setattr(obj, key, value)
        self._flush(session)
        audit.record(session, actor_id=actor.user_id, condominium_id=actor.condominium_id,
                     action="update", entity=self.entity, entity_id=obj.id,
                     before=before, after=audit.snapshot(obj))
        return obj

    def delete(self, session: Session, actor: Actor, obj_id: int) -> None:
        self._authorise(actor, write=True)
        obj = self._load(session, actor, obj_id)
        self.before_delete(session, actor, obj)
        before = audit.snapshot(obj)
        session.delete(obj)
        self._flush(session)
        audit.record(session, actor_id=actor.user_id, condominium_id=actor.condominium_id,
                     action="delete", entity=self.entity, entity_id=obj_id, before=before)

    def ensure_unique(self, session: Session, actor: Actor, obj: T | None, field: str,
                      **values: Any) -> None:
        """Raise ``Conflict`` naming ``field`` when another row has these ``values``."""
        stmt = select(self.model).where(self.model.condominium_id == actor.condominium_id)
        for key, value in values.items():
            stmt = stmt.where(getattr(self.model, key) == value)
        if obj is not None:
            stmt = stmt.where(self.model.id != obj.id)
        if exists(session, stmt):
            raise Conflict(self.conflict_message, {field: ["already exists"]})

    def _flush(self, session: Session) -> None:
        try:
            session.flush()
        except IntegrityError as exc:
            # The pre-checks in ``validate`` catch the usual cases; this is the race.
            raise Conflict(self.conflict_message) from exc


def resolve_reference(session: Session, actor: Actor, resource: TenantResource,
                      obj_id: int | None, field: str):
    """Load a referenced row the actor may see, or report the field as not found."""
    if obj_id is None:
        return None
    obj = session.scalar(resource.scoped_query(actor).where(resource.model.id == obj_id))
    if obj is None:
        raise NotFound(f"{field} not found", {field: ["not found"]})
    return obj


def exists(session: Session, stmt: Select) -> bool:
    return session.scalar(select(stmt.exists())) is True
