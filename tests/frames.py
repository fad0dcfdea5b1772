"""Gate camera frames made from the shared photos: the face scaled to a chosen size and
centred on a grey 640x480 frame, as a webcam at the gate would see it."""
from __future__ import annotations

import functools
import io
from pathlib import Path

import cv2
import numpy as np

from conserje.config import REPO_ROOT

DATASETS = REPO_ROOT.parent / "shared" / "datasets"
FACES = DATASETS / "faces"
IMPOSTORS = DATASETS / "faces_impostors"


@functools.lru_cache(maxsize=1)
def _detector():
    from vision import detectors

    return detectors.get("dlib_hog", upsample=1)


def gate_frame(photo: Path, face_px: int = 150, size=(640, 480)) -> np.ndarray:
    """``photo`` warped so its largest face is ``face_px`` wide in the frame's centre."""
    image = cv2.imread(str(photo))
    assert image is not None, photo
    box = max((d.bbox for d in _detector().detect(image, min_face=20)),
              key=lambda b: b.w * b.h)
    scale = face_px / box.w
    width, height = size
    matrix = np.float32([[scale, 0, width / 2 - scale * (box.x + box.w / 2)],
                         [0, scale, height / 2 - scale * (box.y + box.h / 2)]])
    return cv2.warpAffine(image, matrix, size, borderMode=cv2.BORDER_CONSTANT,
                          borderValue=(128, 128, 128))


def jpeg(frame: np.ndarray, quality: int = 90) -> bytes:
    ok, data = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return data.tobytes()


def frame_upload(data: bytes, name: str = "frame.jpg", content_type: str = "image/jpeg",
                 **form) -> dict:
    """A multipart body for POST /gates/{id}/frames."""
    from werkzeug.datastructures import FileStorage

    return {"image": FileStorage(io.BytesIO(data), filename=name, content_type=content_type),
            **form}
