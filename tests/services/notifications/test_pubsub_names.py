"""Live events stay inside their Redis database: pub/sub ignores database numbers, so
channel names carry it (two installations or test runs may share one Redis server)."""
from __future__ import annotations

import time

import redis as redis_lib

from conserje.services.access.stream import channel
from conserje.services.notifications.channels import user_channel


def next_message(pubsub, seconds: float):
    """The next published message within ``seconds`` (subscribe confirmations skipped)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        message = pubsub.get_message(timeout=0.1)
        if message is not None:
            return message
    return None


def test_channels_of_different_databases_never_meet(redis_conn):
    url = redis_conn.connection_pool.connection_kwargs
    other = redis_lib.Redis(host=url.get("host", "127.0.0.1"), port=url.get("port", 6379),
                            db=(url.get("db", 0) + 1) % 16)
    assert channel(redis_conn, 1) != channel(other, 1)
    assert user_channel(redis_conn, 7) != user_channel(other, 7)
    listener = other.pubsub(ignore_subscribe_messages=True)
    listener.subscribe(channel(other, 1))
    mine = redis_conn.pubsub(ignore_subscribe_messages=True)
    mine.subscribe(channel(redis_conn, 1))
    redis_conn.publish(channel(redis_conn, 1), "hello")
    assert next_message(mine, 3)["data"] == b"hello"
    assert next_message(listener, 1) is None
    listener.close()
    mine.close()
