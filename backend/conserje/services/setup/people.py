"""People and their unit memberships."""
from __future__ import annotations

from sqlalchemy import delete, func, or_, select, update

from conserje.models import AccessEvent, AppUser, Person, UnitMember
from conserje.services.core.crud import TenantResource, resolve_reference
from conserje.services.core.errors import Conflict, Forbidden, InvalidInput
from conserje.services.setup.documents import normalise_document
from conserje.services.setup.units import units

# What residents may change about the people of their own units.
RESIDENT_EDITABLE = frozenset({"phone", "email"})


class PersonResource(TenantResource[Person]):
    model = Person
    entity = "person"
    conflict_message = "a person with this document already exists"
    read_capability = "people.read"
    write_capability = "people.manage"  # residents: people of their own units only
    resident_reads = True
    resident_writes = True

    def resident_scope(self, stmt, actor):
        members = select(UnitMember.person_id).where(UnitMember.unit_id.in_(actor.unit_ids))
        return stmt.where(Person.id.in_(members))

    def apply_filters(self, stmt, filters):
        if filters.get("q"):
            words = filters["q"].split()
            for word in words:
                like = f"%{word.lower()}%"
                stmt = stmt.where(or_(
                    func.lower(Person.first_name).like(like),
                    func.lower(Person.last_name).like(like),
                    func.lower(Person.doc_number).like(like.replace(".", "")),
                    func.lower(Person.email).like(like),
                ))
        if filters.get("kind"):
            stmt = stmt.where(Person.kind == filters["kind"])
        if filters.get("unit_id") is not None:
            members = select(UnitMember.person_id).where(UnitMember.unit_id == filters["unit_id"])
            stmt = stmt.where(Person.id.in_(members))
        return stmt

    def validate(self, session, actor, data, obj):
        if actor.is_resident:
            if obj is None:
                raise Forbidden("residents cannot register people here")
            if set(data) - RESIDENT_EDITABLE:
                raise Forbidden("residents may only change phone and email")
        for key in ("first_name", "last_name"):
            if key in data:
                data[key] = " ".join(data[key].split())
        if "email" in data and data["email"]:
            data["email"] = data["email"].strip().lower()
        if "doc_type" in data or "doc_number" in data:
            doc_type = data.get("doc_type", obj.doc_type if obj else None)
            number = data.get("doc_number", obj.doc_number if obj else None)
            if doc_type is None or number is None:
                raise InvalidInput("document type and number go together",
                                   {"doc_number": ["required with doc_type"]})
            data["doc_type"], data["doc_number"] = doc_type, normalise_document(doc_type, number)
            self.ensure_unique(session, actor, obj, "doc_number", doc_type=doc_type,
                               doc_number=data["doc_number"])
        return data

    def before_delete(self, session, actor, obj):
        if session.scalar(select(AccessEvent.id).where(AccessEvent.person_id == obj.id)
                          .limit(1)) is not None:
            raise Conflict("this person appears in the access log and cannot be deleted")
        session.execute(delete(UnitMember).where(UnitMember.person_id == obj.id))
        session.execute(update(AppUser).where(AppUser.person_id == obj.id).values(person_id=None))


class MembershipResource(TenantResource[UnitMember]):
    model = UnitMember
    entity = "unit_member"
    conflict_message = "this person already belongs to this unit"
    read_capability = "people.read"
    write_capability = "memberships.manage"
    resident_reads = True

    def resident_scope(self, stmt, actor):
        return stmt.where(UnitMember.unit_id.in_(actor.unit_ids))

    def apply_filters(self, stmt, filters):
        for key in ("unit_id", "person_id"):
            if filters.get(key) is not None:
                stmt = stmt.where(getattr(UnitMember, key) == filters[key])
        if filters.get("role"):
            stmt = stmt.where(UnitMember.role == filters["role"])
        return stmt

    def validate(self, session, actor, data, obj):
        unit_id = data.get("unit_id", obj.unit_id if obj else None)
        person_id = data.get("person_id", obj.person_id if obj else None)
        if "unit_id" in data:
            resolve_reference(session, actor, units, data["unit_id"], "unit_id")
        if "person_id" in data:
            resolve_reference(session, actor, people, data["person_id"], "person_id")
        starts = data.get("starts_on", obj.starts_on if obj else None)
        ends = data.get("ends_on", obj.ends_on if obj else None)
        if starts and ends and ends < starts:
            raise InvalidInput("the membership ends before it starts",
                               {"ends_on": ["must be on or after starts_on"]})
        self.ensure_unique(session, actor, obj, "person_id", unit_id=unit_id, person_id=person_id)
        return data


people = PersonResource()
memberships = MembershipResource()

