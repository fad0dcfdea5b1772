"""Bulk import of units and residents from CSV: every row valid, or nothing imported."""
from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from conserje.models import DOC_TYPES, MEMBER_ROLES, PERSON_KINDS, Building, Person, Unit
from conserje.services.core.actor import Actor
from conserje.services.core.errors import DomainError, InvalidInput
from conserje.services.setup.documents import normalise_document
from conserje.services.setup.people import memberships, people
from conserje.services.setup.units import buildings, normalise_unit_code, units

MAX_ROWS = 5000
UNIT_COLUMNS = ("code", "building", "floor", "area_m2", "coefficient")
RESIDENT_COLUMNS = ("unit_code", "first_name", "last_name", "doc_type", "doc_number", "kind",
                    "role", "email", "phone", "starts_on")


class RowError(Exception):
    def __init__(self, field: str, message: str):
        self.field, self.message = field, message


def read_csv(data: bytes, required: tuple[str, ...], allowed: tuple[str, ...]) -> list[dict]:
    """Decode and parse a CSV file (comma or semicolon, UTF-8 with or without BOM)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")  # spreadsheets in the region often save Latin-1
    if not text.strip():
        raise InvalidInput("the file is empty", {"file": ["empty file"]})
    first_line = text.splitlines()[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in required if c not in header]
    unknown = [c for c in header if c not in allowed]
    if missing or unknown:
        problems = ([f"missing columns: {', '.join(missing)}"] if missing else []) + \
                   ([f"unknown columns: {', '.join(unknown)}"] if unknown else [])
        raise InvalidInput("the CSV header is not valid", {"file": problems})
    rows = []
    for raw in reader:
        if None in raw:
            raise InvalidInput("a row has more fields than the header",
                               {"rows": {str(reader.line_num): {"file": ["too many fields"]}}})
        row = {k.strip().lower(): (v or "").strip() for k, v in raw.items()}
        if any(row.values()):
            rows.append((reader.line_num, row))
    if len(rows) > MAX_ROWS:
        raise InvalidInput("too many rows", {"file": [f"at most {MAX_ROWS} rows per file"]})
    if not rows:
        raise InvalidInput("the file has no data rows", {"file": ["no rows"]})
    return rows


def _parse(row: dict, field: str, parse: Callable[[str], Any], required: bool = False):
    value = row.get(field, "")
    if not value:
        if required:
            raise RowError(field, "required")
        return None
    try:
        return parse(value)
    except (ValueError, InvalidOperation):
        raise RowError(field, f"invalid value {value!r}") from None


def _choice(options: tuple[str, ...]) -> Callable[[str], str]:
    def parse(value: str) -> str:
        value = value.lower()
        if value not in options:
            raise ValueError(value)
        return value
    return parse


def _decimal(value: str) -> Decimal:
    return Decimal(value.replace(",", "."))


def _run_rows(session: Session, rows, handle: Callable[[dict], None]) -> int:
    """Apply ``handle`` to each row inside a savepoint; roll all back on any error."""
    errors: dict[str, dict[str, list[str]]] = {}
    savepoint = session.begin_nested()
    for line, row in rows:
        try:
            with session.begin_nested():
                handle(row)
        except RowError as exc:
            errors[str(line)] = {exc.field: [exc.message]}
        except DomainError as exc:
            errors[str(line)] = {k: list(v) for k, v in exc.errors.items()} or \
                                {"row": [exc.message]}
    if errors:
        savepoint.rollback()
        raise InvalidInput(f"{len(errors)} row(s) have errors; nothing was imported",
                           {"rows": errors})
    savepoint.commit()
    return len(rows)


def import_units(session: Session, actor: Actor, data: bytes) -> int:
    """Create units (and any buildings they name) from CSV; return how many rows."""
    actor.require_capability("units.manage")
    rows = read_csv(data, ("code",), UNIT_COLUMNS)

    def handle(row: dict) -> None:
        building_id = None
        if row.get("building"):
            building = session.scalar(select(Building).where(
                Building.condominium_id == actor.condominium_id,
                Building.name == row["building"]))
            building = building or buildings.create(session, actor, {"name": row["building"]})
            building_id = building.id
        units.create(session, actor, {
            "code": _parse(row, "code", normalise_unit_code, required=True),
            "building_id": building_id,
            "floor": _parse(row, "floor", int),
            "area_m2": _parse(row, "area_m2", _decimal),
            "coefficient": _parse(row, "coefficient", _decimal),
        })

    return _run_rows(session, rows, handle)


def import_residents(session: Session, actor: Actor, data: bytes) -> int:
    """Create people (or reuse them by document) and link them to units from CSV."""
    actor.require_capability("people.manage")
    rows = read_csv(data, ("unit_code", "first_name", "last_name", "doc_type", "doc_number"),
                    RESIDENT_COLUMNS)

    def handle(row: dict) -> None:
        code = _parse(row, "unit_code", normalise_unit_code, required=True)
        unit = session.scalar(select(Unit).where(Unit.condominium_id == actor.condominium_id,
                                                 Unit.code == code))
        if unit is None:
            raise RowError("unit_code", f"unit {code} does not exist")
        doc_type = _parse(row, "doc_type", _choice(DOC_TYPES), required=True)
        doc_number = normalise_document(doc_type, _parse(row, "doc_number", str, required=True))
        kind = _parse(row, "kind", _choice(PERSON_KINDS)) or "owner"
        person = session.scalar(select(Person).where(
            Person.condominium_id == actor.condominium_id, Person.doc_type == doc_type,
            Person.doc_number == doc_number))
        if person is None:
            person = people.create(session, actor, {
                "first_name": _parse(row, "first_name", str, required=True),
                "last_name": _parse(row, "last_name", str, required=True),
                "doc_type": doc_type, "doc_number": doc_number, "kind": kind,
                "email": _parse(row, "email", str), "phone": _parse(row, "phone", str),
            })
        default_role = kind if kind in MEMBER_ROLES else "resident"
        memberships.create(session, actor, {
            "unit_id": unit.id, "person_id": person.id,
            "role": _parse(row, "role", _choice(MEMBER_ROLES)) or default_role,
            "starts_on": _parse(row, "starts_on", date.fromisoformat),
        })

    return _run_rows(session, rows, handle)
