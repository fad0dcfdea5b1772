"""DeepFace recognition models, fed with our aligned chips.

DeepFace's ``build_model`` downloads missing weights; we never let it: the weights file
must already be in the models folder (or a package), else :class:`MissingWeights`.
"""
from __future__ import annotations

import os
import tempfile
import threading
from pathlib import Path

import cv2
import numpy as np

from vision.embedders.base import Embedder, l2_normalise
from vision.weights import MissingWeights, find_weight, provision_deepface_home

# DeepFace model name -> the weights file its ONNX (or dlib) implementation loads.
MODEL_FILES: dict[str, str] = {
    "Dlib": "dlib_face_recognition_resnet_model_v1.dat",
    "SFace": "face_recognition_sface_2021dec.onnx",
    "ArcFace": "arcface_weights.onnx",
    "Facenet": "facenet_weights.onnx",
    "Facenet512": "facenet512_weights.onnx",
    "VGG-Face": "vgg_face_weights.onnx",
    "OpenFace": "openface_weights.onnx",
    "DeepID": "deepid_weights.onnx",
    "DeepFace": "VGGFace2_DeepFace_weights_val-0.9034.onnx",
    "GhostFaceNet": "ghostfacenet_v1.onnx",
}
_build_lock = threading.Lock()


def weight_status(models_dir: str | os.PathLike | None) -> dict[str, Path | None]:
    """For every known model: the weights file found, or None."""
    return {name: find_weight(file, models_dir) for name, file in MODEL_FILES.items()}


class DeepFaceEmbedder(Embedder):
    """Any DeepFace recognition model whose weights file is present locally."""

    def __init__(self, model: str = "Dlib", models_dir: str | None = None,
                 deepface_home: str | None = None):
        if model not in MODEL_FILES:
            raise KeyError(f"unknown face model {model!r}; choose from {', '.join(MODEL_FILES)}")
        weight = find_weight(MODEL_FILES[model], models_dir)
        if weight is None:
            where = Path(models_dir or ".") / MODEL_FILES[model]
            raise MissingWeights(f"weights file {MODEL_FILES[model]} for face model {model} not "
                                 f"found; put it at {where} (CONSERJE_MODELS_DIR) - models are "
                                 "never downloaded")
        # DeepFace reads weights from $DEEPFACE_HOME/.deepface/weights: a private folder
        # of links to our files, so it never finds a reason to download.
        home = deepface_home or str(Path(tempfile.gettempdir()) / "conserje-deepface-home")
        with _build_lock:
            provision_deepface_home(home, {MODEL_FILES[model]: weight})
            # ONNX is the engine we ship (onnxruntime); never TF/torch in the API process.
            os.environ.setdefault("DEEPFACE_BACKEND_ENGINE", "onnx")
            from deepface.modules import modeling

            self.client = modeling.build_model(task="facial_recognition", model_name=model)
        self.name = model
        self.dim = int(self.client.output_shape)
        self.input_size = tuple(int(v) for v in self.client.input_shape)  # (width, height)

    def _embed(self, chips: list[np.ndarray]) -> np.ndarray:
        width, height = self.input_size
        batch = np.stack([cv2.resize(chip, (width, height), interpolation=cv2.INTER_AREA)
                          if chip.shape[:2] != (height, width) else chip for chip in chips])
        # DeepFace's own preprocessing hands models BGR floats in [0, 1].
        vectors = self.client.forward(batch.astype(np.float32) / 255.0)
        return l2_normalise(np.asarray(vectors, dtype=np.float32).reshape(len(chips), -1))
