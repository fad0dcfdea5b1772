"""The gallery: every enrolled embedding of one model version in one float32 matrix,
searched 1:N with a single matrix product."""
from __future__ import annotations

import threading

import numpy as np

from vision.embedders.base import l2_normalise
from vision.types import Match


class Gallery:
    """Rows are unit vectors with an integer label (a person id); a label may own many rows.

    Similarity is cosine. A probe is scored against each person's *centroid* (the mean of
    their photos, renormalised): several photos per person average out pose and light, and
    on the shared set this separates people better than the best single photo does.
    Thread-safe: the API and kiosk threads search while enrolment adds or erases rows.
    """

    def __init__(self, dim: int):
        self.dim = dim
        self._vectors = np.zeros((0, dim), dtype=np.float32)
        self._labels = np.zeros((0,), dtype=np.int64)
        self._keys = np.zeros((0,), dtype=np.int64)  # row identity, e.g. the face id
        self._lock = threading.RLock()
        self._centroids: tuple[np.ndarray, np.ndarray] | None = None

    def __len__(self) -> int:
        return len(self._labels)

    @property
    def labels(self) -> np.ndarray:
        return self._labels.copy()

    def add(self, labels, vectors, keys=None) -> None:
        vectors = l2_normalise(np.asarray(vectors, dtype=np.float32).reshape(-1, self.dim))
        labels = np.asarray(labels, dtype=np.int64).reshape(-1)
        keys = labels if keys is None else np.asarray(keys, dtype=np.int64).reshape(-1)
        if not len(vectors) == len(labels) == len(keys):
            raise ValueError("labels, vectors and keys must have the same length")
        with self._lock:
            self._vectors = np.concatenate([self._vectors, vectors])
            self._labels = np.concatenate([self._labels, labels])
            self._keys = np.concatenate([self._keys, keys])
            self._centroids = None

    def remove_label(self, label: int) -> int:
        """Drop every row of ``label`` (erasure); return how many went."""
        return self._remove(self._labels != label)

    def remove_key(self, key: int) -> int:
        return self._remove(self._keys != key)

    def _remove(self, keep: np.ndarray) -> int:
        with self._lock:
            removed = int((~keep).sum())
            self._vectors, self._labels, self._keys = (
                self._vectors[keep], self._labels[keep], self._keys[keep])
            self._centroids = None
        return removed

    def centroids(self) -> tuple[np.ndarray, np.ndarray]:
        """(labels, unit centroid per label), rebuilt after any change."""
        with self._lock:
            if self._centroids is None:
                self._centroids = centroids(self._vectors, self._labels)
            return self._centroids

    def search(self, probes, k: int = 1) -> list[list[Match]]:
        """For each probe vector, the ``k`` most similar people, best first."""
        probes = l2_normalise(np.asarray(probes, dtype=np.float32).reshape(-1, self.dim))
        labels, centroids = self.centroids()
        if len(labels) == 0:
            return [[] for _ in range(len(probes))]
        scores = probes @ centroids.T  # (probes, people): one matrix product for all
        k = min(k, len(labels))
        top = np.argpartition(-scores, k - 1, axis=1)[:, :k]
        results = []
        for row, candidates in zip(scores, top):
            ordered = candidates[np.argsort(-row[candidates])]
            results.append([Match(int(labels[i]), float(row[i])) for i in ordered])
        return results


def centroid_sums(vectors: np.ndarray, labels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(distinct labels, the sum of each label's vectors).

    The sum normalised is the person's unit centroid; the sum minus one photo's vector,
    normalised, is the centroid without that photo (leave-one-out evaluation).
    """
    vectors = np.asarray(vectors, dtype=np.float32)
    vectors = vectors.reshape(-1, vectors.shape[-1])
    people, inverse = np.unique(np.asarray(labels), return_inverse=True)
    sums = np.zeros((len(people), vectors.shape[1]), dtype=np.float32)
    # Measured at 100k people: np.add.at 0.23 s, sort + add.reduceat 0.85 s.
    np.add.at(sums, inverse.reshape(-1), vectors)
    return people, sums


def centroids(vectors: np.ndarray, labels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(distinct labels, unit centroid per label) of unit ``vectors``: the one centroid
    used by the gallery, threshold calibration and evaluation."""
    people, sums = centroid_sums(vectors, labels)
    return people, (l2_normalise(sums) if len(people) else sums)
