"""Face detectors by name: ``detectors.get("dlib_hog")`` builds once and caches."""
from __future__ import annotations

from ..registry import Registry
from .base import FaceDetector

registry: Registry[FaceDetector] = Registry("face detector")


@registry.register("dlib_hog")
def _dlib_hog(**options) -> FaceDetector:
    from .dlib_hog import DlibHogDetector

    return DlibHogDetector(**options)


@registry.register("haar")
def _haar(**options) -> FaceDetector:
    from .haar import HaarDetector

    return HaarDetector(**options)


def get(name: str, **options) -> FaceDetector:
    """The cached detector ``name`` built with ``options``."""
    return registry.get(name, **options)


__all__ = ["FaceDetector", "get", "registry"]
