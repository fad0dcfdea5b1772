"""Bulk CSV imports for condominium setup."""
from __future__ import annotations

from flask_smorest import Blueprint

from conserje.api.core.context import current_actor
from conserje.extensions import db
from conserje.schemas.core.common import CsvUpload, ImportResult
from conserje.services.core.errors import TooLarge
from conserje.services.setup import imports

blp = Blueprint("imports", __name__, url_prefix="/api/v1/imports",
                description="CSV imports: every row valid, or nothing imported")

MAX_CSV_BYTES = 2 * 1024 * 1024


def _read(upload) -> bytes:
    data = upload.read(MAX_CSV_BYTES + 1)
    if len(data) > MAX_CSV_BYTES:
        raise TooLarge(f"CSV files are limited to {MAX_CSV_BYTES // 1024 // 1024} MB")
    return data


@blp.route("/units", methods=["POST"])
@blp.arguments(CsvUpload, location="files")
@blp.response(201, ImportResult)
@blp.doc(summary="Import units: code, building, floor, area_m2, coefficient")
def import_units(files):
    created = imports.import_units(db.session, current_actor(), _read(files["file"]))
    db.session.commit()
    return {"created": created}


@blp.route("/residents", methods=["POST"])
@blp.arguments(CsvUpload, location="files")
@blp.response(201, ImportResult)
@blp.doc(summary="Import residents: unit_code, first_name, last_name, doc_type, doc_number, "
                 "kind, role, email, phone, starts_on")
def import_residents(files):
    created = imports.import_residents(db.session, current_actor(), _read(files["file"]))
    db.session.commit()
    return {"created": created}
