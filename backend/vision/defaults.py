"""Recognition and training defaults, in one place.

Read by the configuration (``CONSERJE_FACE_*``), the API schemas, the services, the
training CLI and the SPA (through ``GET /face-models/catalogue``). Changing a default here
changes it everywhere.
"""
from __future__ import annotations

# Recognition: DeepFace's Dlib ResNet on dlib's HOG detector (README, "Measured").
FACE_MODEL = "Dlib"
FACE_DETECTOR = "dlib_hog"
# Cosine similarity a match needs before a model version is calibrated.
FACE_THRESHOLD = 0.95
# The false-accept rate calibration aims at (0.1%).
TARGET_FAR = 0.001

# Detector fine-tuning (ultralytics, from scratch: never a hub name).
DETECTOR_BASE = "yolov8n.yaml"
DETECTOR_EPOCHS = 30
DETECTOR_IMGSZ = 320
DETECTOR_BATCH = 16


def as_dict() -> dict:
    """The defaults as the catalogue endpoint serves them."""
    return {"model": FACE_MODEL, "detector": FACE_DETECTOR, "threshold": FACE_THRESHOLD,
            "target_far": TARGET_FAR, "detector_base": DETECTOR_BASE,
            "detector_epochs": DETECTOR_EPOCHS, "detector_imgsz": DETECTOR_IMGSZ}
