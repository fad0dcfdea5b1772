"""Face detectors by name: ``detectors.get("dlib_hog")`` builds once and caches.

``dlib_hog`` and ``haar`` need no weights file; ``yolo`` runs a YOLO face model exported
to ONNX (``python -m training finetune-detector`` makes one; no package ships one), found
in the models folder as :data:`YOLO_FACE_FILE` unless a file name is given.
"""
from __future__ import annotations

import os
from pathlib import Path

from vision.detectors.base import FaceDetector
from vision.registry import Registry
from vision.weights import find_weight, require_weight

registry: Registry[FaceDetector] = Registry("face detector")

YOLO_FACE_FILE = "yolo_face.onnx"
# Detector name -> the weights file it needs by default (absent: it needs none).
DETECTOR_FILES: dict[str, str] = {"yolo": YOLO_FACE_FILE}


@registry.register("dlib_hog")
def _dlib_hog(**options) -> FaceDetector:
    from vision.detectors.dlib_hog import DlibHogDetector

    return DlibHogDetector(**options)


@registry.register("haar")
def _haar(**options) -> FaceDetector:
    from vision.detectors.haar import HaarDetector

    return HaarDetector(**options)


@registry.register("yolo")
def _yolo(models_dir: str | None = None, weights: str | None = None, **options) -> FaceDetector:
    from vision.detectors.yolo_onnx import YoloOnnxDetector

    return YoloOnnxDetector(require_weight(weights or YOLO_FACE_FILE, models_dir), **options)


def weights_file(name: str, weights: str | None = None) -> str | None:
    """The file detector ``name`` loads (``weights`` overrides the default), or None."""
    return weights or DETECTOR_FILES.get(name)


def weight_status(models_dir: str | os.PathLike | None) -> dict[str, Path | str | None]:
    """For every detector: the weights file found, "" when it needs none, or None."""
    return {name: (find_weight(DETECTOR_FILES[name], models_dir) if name in DETECTOR_FILES
                   else "") for name in registry.names()}


def build(name: str, models_dir: str | None = None, weights: str | None = None) -> FaceDetector:
    """The cached detector ``name`` as the product runs it: dlib upsampled once (faces
    down to ~40 px), weights-file detectors from ``models_dir`` (``weights`` overrides
    the default file name)."""
    if name == "dlib_hog":
        return get(name, upsample=1)
    if name in DETECTOR_FILES:
        return get(name, models_dir=models_dir, weights=weights)
    return get(name)


def get(name: str, **options) -> FaceDetector:
    """The cached detector ``name`` built with ``options``."""
    return registry.get(name, **options)


__all__ = ["DETECTOR_FILES", "FaceDetector", "YOLO_FACE_FILE", "build", "get", "registry",
           "weight_status", "weights_file"]
