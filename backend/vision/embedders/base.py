"""The face embedder interface."""
from __future__ import annotations

import abc

import numpy as np

from vision.registry import NativeModel


class Embedder(NativeModel, abc.ABC):
    """Turns aligned face chips into L2-normalised float32 vectors; safe to share
    between threads (``_embed`` runs under the instance's lock, see :mod:`vision.registry`)."""

    name: str = "base"
    dim: int = 0

    def embed(self, chips: list[np.ndarray]) -> np.ndarray:
        """Return an (n, dim) float32 array of unit vectors for ``chips`` (BGR uint8)."""
        if not chips:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self.exclusive():
            return self._embed(chips)

    @abc.abstractmethod
    def _embed(self, chips: list[np.ndarray]) -> np.ndarray:
        """Embed a non-empty batch; called with the instance's lock held."""


def l2_normalise(vectors: np.ndarray) -> np.ndarray:
    """Scale each row to unit length (rows of zeros stay zero)."""
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)
