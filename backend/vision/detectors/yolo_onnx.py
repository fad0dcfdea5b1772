"""YOLO face detector exported to ONNX (by ``python -m training finetune-detector``),
run on onnxruntime: no torch or ultralytics in the API or kiosk process.

The file is what ultralytics' ONNX export writes for a detection (or pose) model: input
``images`` (1 x 3 x S x S, RGB in [0, 1], letterboxed), output ``output0`` of shape
(1, 4 + classes [+ keypoints], anchors) with centre-x, centre-y, width, height in input
pixels and per-class scores already through the sigmoid. Its metadata names the classes
and the training image size; we use the class named ``face`` (or class 0). The
confidence threshold comes from the training report beside the file when there is one.
"""
from __future__ import annotations

import ast
import json
from pathlib import Path

import cv2
import numpy as np

from vision.detectors.base import FaceDetector
from vision.types import BBox, DetectedFace

GREY = 114  # ultralytics' letterbox padding value
DEFAULT_CONF = 0.35  # used when the model comes without a calibrated threshold


def _metadata(session) -> dict[str, str]:
    return dict(session.get_modelmeta().custom_metadata_map or {})


def _face_class(names: str | None) -> int:
    if not names:
        return 0
    try:
        mapping = ast.literal_eval(names)
    except (ValueError, SyntaxError):
        return 0
    return next((int(k) for k, v in mapping.items() if str(v).lower() == "face"), 0)


def sidecar_conf(weights: Path) -> float:
    """The threshold the training run calibrated (``<name>.json`` beside the file)."""
    report = weights.with_suffix(".json")
    try:
        return float(json.loads(report.read_text())["conf"])
    except (OSError, ValueError, KeyError, TypeError):
        return DEFAULT_CONF


def letterbox(image: np.ndarray, size: int) -> tuple[np.ndarray, float, tuple[int, int]]:
    """Resize keeping the aspect ratio and pad to ``size`` x ``size`` (grey, centred).

    Returns the padded image, the scale and the (left, top) padding, to map boxes back.
    """
    height, width = image.shape[:2]
    scale = min(size / height, size / width)
    new_w, new_h = round(width * scale), round(height * scale)
    resized = cv2.resize(image, (new_w, new_h), interpolation=cv2.INTER_LINEAR) \
        if (new_w, new_h) != (width, height) else image
    left, top = (size - new_w) // 2, (size - new_h) // 2
    canvas = np.full((size, size, 3), GREY, dtype=np.uint8)
    canvas[top:top + new_h, left:left + new_w] = resized
    return canvas, scale, (left, top)


class YoloOnnxDetector(FaceDetector):
    """Faces from a YOLO detection model in ONNX form, decoded and NMS-filtered here."""

    name = "yolo"

    def __init__(self, weights: str | Path, conf: float | None = None, iou: float = 0.45,
                 imgsz: int | None = None, threads: int | None = None):
        import onnxruntime as ort

        self.weights = Path(weights)
        options = ort.SessionOptions()
        if threads:
            options.intra_op_num_threads = threads
        self.session = ort.InferenceSession(str(self.weights), options,
                                            providers=["CPUExecutionProvider"])
        meta = _metadata(self.session)
        self.input_name = self.session.get_inputs()[0].name
        shape = self.session.get_inputs()[0].shape
        fixed = shape[-1] if isinstance(shape[-1], int) else None
        trained = ast.literal_eval(meta["imgsz"])[0] if "imgsz" in meta else None
        self.imgsz = int(imgsz or fixed or trained or 640)
        self.class_id = _face_class(meta.get("names"))
        self.classes = len(ast.literal_eval(meta["names"])) if "names" in meta else 1
        self.conf = conf if conf is not None else sidecar_conf(self.weights)
        self.iou = iou

    def _detect(self, image: np.ndarray, min_face: int | None) -> list[DetectedFace]:
        padded, scale, (left, top) = letterbox(image, self.imgsz)
        blob = cv2.cvtColor(padded, cv2.COLOR_BGR2RGB).transpose(2, 0, 1)[None]
        # FaceDetector.detect holds the instance lock: one run per session at a time
        # keeps latency flat (onnxruntime would otherwise split the cores between runs).
        (raw,) = self.session.run(None, {self.input_name: blob.astype(np.float32) / 255.0})[:1]
        # Small faces are kept: the quality check tells the person to come closer.
        return self.decode(raw[0], scale, (left, top), image.shape[:2])

    def decode(self, output: np.ndarray, scale: float, pad: tuple[int, int],
               shape: tuple[int, int]) -> list[DetectedFace]:
        """Boxes of the face class above ``conf`` after NMS, in original image pixels."""
        scores = output[4 + self.class_id]
        keep = scores >= self.conf
        if not keep.any():
            return []
        cx, cy, w, h = (output[i][keep] for i in range(4))
        scores = scores[keep]
        x0 = (cx - w / 2 - pad[0]) / scale
        y0 = (cy - h / 2 - pad[1]) / scale
        boxes = np.stack([x0, y0, w / scale, h / scale], axis=1)
        chosen = cv2.dnn.NMSBoxes(boxes.tolist(), scores.tolist(), self.conf, self.iou)
        height, width = shape
        faces = []
        for i in np.ravel(chosen):
            x, y, bw, bh = boxes[i]
            box = BBox(round(x), round(y), round(bw), round(bh)).clip(width, height)
            if box.w <= 1 or box.h <= 1:
                continue
            faces.append(DetectedFace(box, float(scores[i]), self.name))
        return sorted(faces, key=lambda f: -f.score)
