"""Unbound extensions, bound to an app in ``create_app``."""
from __future__ import annotations

from flask import Flask, current_app
from flask_jwt_extended import JWTManager
from flask_smorest import Api
from flask_sqlalchemy import SQLAlchemy
from redis import Redis

from conserje.models.base import Base

db = SQLAlchemy(model_class=Base)
jwt = JWTManager()
api = Api()


class RedisConnector:
    """One Redis connection per app: a real server, or in-process fakeredis.

    With ``CONSERJE_REDIS_URL`` empty the app runs embedded: jobs and counters live in
    an in-memory fakeredis server shared by every connection of this process.
    """

    def init_app(self, app: Flask) -> None:
        url = app.config.get("REDIS_URL")
        if url:
            conn = Redis.from_url(url)
        else:
            import fakeredis

            conn = fakeredis.FakeRedis(server=fakeredis.FakeServer())
        app.extensions["conserje_redis"] = conn

    @property
    def connection(self) -> Redis:
        return current_app.extensions["conserje_redis"]

    @staticmethod
    def is_embedded(app: Flask | None = None) -> bool:
        return not (app or current_app).config.get("REDIS_URL")


redis_store = RedisConnector()
