"""File downloads built from rows of dictionaries: CSV and XLSX, safe to open in a
spreadsheet (a cell that starts like a formula stays text)."""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from flask import Response, make_response

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """The value, with a leading apostrophe when a spreadsheet would run it as a formula
    (names and reasons are typed by people: "=HYPERLINK(...)" must stay text)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _download(body, content_type: str, filename: str) -> Response:
    response = make_response(body)
    response.headers["Content-Type"] = content_type
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_download(rows: Iterable[dict], columns: Sequence[str], filename: str) -> Response:
    """A UTF-8 CSV with a header row of ``columns``."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    writer.writerows({key: safe_cell(value) for key, value in row.items()} for row in rows)
    return _download(out.getvalue(), "text/csv; charset=utf-8", filename)


def xlsx_download(rows: Iterable[dict], columns: Sequence[str], sheet_title: str,
                  filename: str) -> Response:
    """One worksheet with a header row of ``columns``."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = sheet_title
    sheet.append(list(columns))
    for row in rows:
        sheet.append([safe_cell(row.get(column)) for column in columns])
    out = io.BytesIO()
    book.save(out)
    return _download(out.getvalue(), XLSX, filename)
