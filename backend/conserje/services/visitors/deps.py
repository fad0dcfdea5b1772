"""What the visitor services need from outside the database, in one value built by the
API handler or the job: Redis (live stream), the media store, the face engine settings,
the application secret (pass keys) and the notification channels."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from redis import Redis

from ...storage import MediaStore
from ..face_engine import EngineSettings
from ..notify import Channel


@dataclass(frozen=True)
class Deps:
    redis: Redis
    store: MediaStore
    secret: str
    engine: EngineSettings | None = None
    channels: Sequence[Channel] = field(default_factory=tuple)
