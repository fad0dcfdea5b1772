"""What services need from outside the database, as one object.

``conserje.wiring`` builds a :class:`Deps` once per process (in ``create_app``, so once
for the API and once per worker) from the configuration; handlers and jobs hand it to
services. Services never read the configuration or the Flask app themselves.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from redis import Redis

from conserje.services.core.ports import Channel
from conserje.storage import MediaStore
from vision import defaults


@dataclass(frozen=True)
class EngineSettings:
    """Face recognition settings: where weights live and what a new model version uses."""
    models_dir: str
    default_model: str = defaults.FACE_MODEL
    default_detector: str = defaults.FACE_DETECTOR
    default_threshold: float = defaults.FACE_THRESHOLD
    target_far: float = defaults.TARGET_FAR
    default_detector_weights: str | None = None


@dataclass(frozen=True)
class GateSettings:
    """How the gate treats repeated frames and staff arriving around their shift."""
    debounce_seconds: int = 30
    staff_margin_minutes: int = 60


@dataclass(frozen=True)
class Deps:
    """The shared dependencies of one process (see the module docstring)."""
    redis: Redis
    store: MediaStore
    secret: str
    engine: EngineSettings | None = None
    channels: Sequence[Channel] = field(default_factory=tuple)
    gate: GateSettings = field(default_factory=GateSettings)
