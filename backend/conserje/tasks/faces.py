"""Face jobs: dataset ingestion (queue ``ingest``)."""
from __future__ import annotations

from flask import current_app

from ..extensions import db, redis_store
from ..services import face_datasets
from ..services.face_engine import settings_from_config
from ..storage import media_store
from .queues import JobContext, job


@job("ingest", timeout=3600, tracked=True)
def ingest_face_dataset(ctx: JobContext, zip_key: str, create_missing: bool,
                        consent_version: str | None) -> dict:
    """Enrol the uploaded zip's photos; the zip is deleted afterwards either way."""
    store = media_store()
    try:
        data = store.get(zip_key)
        options = face_datasets.DatasetOptions(create_missing, consent_version)
        return face_datasets.ingest(db.session, ctx.actor, data, options, store,
                                    redis_store.connection,
                                    settings_from_config(current_app.config), ctx.progress)
    finally:
        store.delete(zip_key)
