"""The face embedder interface."""
from __future__ import annotations

import abc

import numpy as np


class Embedder(abc.ABC):
    """Turns aligned face chips into L2-normalised float32 vectors."""

    name: str = "base"
    dim: int = 0

    @abc.abstractmethod
    def embed(self, chips: list[np.ndarray]) -> np.ndarray:
        """Return an (n, dim) float32 array of unit vectors for ``chips`` (BGR uint8)."""


def l2_normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)
