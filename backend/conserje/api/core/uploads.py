"""Archive uploads that a job will process: read with a size cap, kept in the media store
until the job is done (or removed again when the request's transaction fails)."""
from __future__ import annotations

import uuid

from flask import current_app, request

from conserje.extensions import db
from conserje.services.core.errors import InvalidInput, TooLarge
from conserje.services.core.tx import after_transaction
from conserje.wiring import deps


def read_file(field: str = "file", what: str = "the zip archive") -> bytes:
    """The uploaded file's bytes; a missing part is a 422, one over the cap a 413."""
    upload = request.files.get(field)
    if upload is None:
        raise InvalidInput(f"send {what}", {field: ["missing"]}, location="files")
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(f"{what} is larger than allowed")
    return data


def stash_zip(data: bytes, folder: str) -> str:
    """Store the archive for the job; the key is forgotten if the request rolls back."""
    key = f"{folder}/{uuid.uuid4()}.zip"
    deps().store.put(key, data, "application/zip")
    after_transaction(db.session, rolled_back=lambda: deps().store.delete(key))
    return key
