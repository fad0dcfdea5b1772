"""Evaluation of a gallery of enrolled faces: rank-1, TAR at the threshold, EER and the
score histograms shown in the admin console."""
from __future__ import annotations

import numpy as np

from training.calibration import Calibration
from vision.embedders.base import l2_normalise
from vision.matching import centroid_sums


def leave_one_out_rank1(vectors: np.ndarray, labels: np.ndarray) -> float | None:
    """Each photo of a person with 2+ photos searched against every centroid, its own
    person's centroid rebuilt without it. None when nobody has two photos."""
    vectors = l2_normalise(vectors)
    labels = np.asarray(labels)
    people, sums = centroid_sums(vectors, labels)
    counts = (labels[:, None] == people[None, :]).sum(axis=0)
    hits, trials = 0, 0
    for vector, label in zip(vectors, labels):
        column = int(np.searchsorted(people, label))
        if counts[column] < 2:
            continue
        centroids = sums.copy()
        centroids[column] -= vector  # the person's centroid without this photo
        scores = l2_normalise(centroids) @ vector
        hits += people[int(np.argmax(scores))] == label
        trials += 1
    return hits / trials if trials else None


def equal_error_rate(genuine: np.ndarray, impostor: np.ndarray) -> float | None:
    if not len(genuine) or not len(impostor):
        return None
    thresholds = np.unique(np.concatenate([genuine, impostor]))
    frr = np.array([(genuine < t).mean() for t in thresholds])
    far = np.array([(impostor >= t).mean() for t in thresholds])
    index = int(np.argmin(np.abs(frr - far)))
    return float((frr[index] + far[index]) / 2)


def histogram(scores: np.ndarray, bins: np.ndarray) -> list[int]:
    return np.histogram(scores, bins=bins)[0].astype(int).tolist()


def evaluate(vectors, labels, calibration: Calibration) -> dict:
    """The report stored with a model version (plain JSON types)."""
    vectors = np.asarray(vectors, dtype=np.float32)
    labels = np.asarray(labels)
    genuine, impostor = calibration.genuine, calibration.impostor
    low = float(min(genuine.min() if len(genuine) else 1.0, impostor.min()))
    bins = np.linspace(max(-1.0, low - 0.01), 1.0, 41)
    return {
        "people": int(len(np.unique(labels))),
        "faces": int(len(labels)),
        "threshold": round(calibration.threshold, 6),
        "target_far": calibration.target_far,
        "method": calibration.method,
        "rank1": leave_one_out_rank1(vectors, labels),
        "tar_at_threshold": float((genuine >= calibration.threshold).mean())
        if len(genuine) else None,
        "far_at_threshold": float((impostor >= calibration.threshold).mean()),
        "eer": equal_error_rate(genuine, impostor),
        "histogram": {"bins": [round(float(b), 4) for b in bins],
                      "genuine": histogram(genuine, bins),
                      "impostor": histogram(impostor, bins)},
    }
