"""Decision threshold calibration from the enrolled photos only.

The threshold answers "is the best match really this person?". It is set from the
scores that *impostors* get in a 1:N search: every enrolled photo is searched against
the centroids of every *other* person (leave-one-identity-out), its best score is an
impostor score, and the threshold is where a normal fitted to those scores leaves
``target_far`` above it. The fit extrapolates beyond the largest observed impostor score,
which a plain quantile of a few hundred scores cannot do at FAR 0.1%.
"""
from __future__ import annotations

from dataclasses import dataclass
from statistics import NormalDist

import numpy as np

from vision import defaults
from vision.embedders.base import l2_normalise
from vision.matching import centroid_sums


@dataclass(frozen=True)
class Calibration:
    threshold: float
    target_far: float
    genuine: np.ndarray  # each photo vs its own person's centroid without that photo
    impostor: np.ndarray  # each photo's best score among other people's centroids
    method: str = "normal-tail of leave-one-identity-out best impostor scores"


def calibrate(vectors, labels, target_far: float = defaults.TARGET_FAR) -> Calibration:
    """Compute the threshold for ``target_far`` from enrolled ``vectors`` and ``labels``."""
    vectors = l2_normalise(np.asarray(vectors, dtype=np.float32))
    labels = np.asarray(labels)
    people, sums = centroid_sums(vectors, labels)
    if len(people) < 2:
        raise ValueError("calibration needs at least two enrolled people")
    scores = vectors @ l2_normalise(sums).T
    own = labels[:, None] == people[None, :]
    impostor = np.where(own, -np.inf, scores).max(axis=1)
    counts = own.sum(axis=0)
    genuine = []
    for index, label in enumerate(labels):
        column = int(np.searchsorted(people, label))
        if counts[column] > 1:  # the person's centroid without this photo
            centroid = l2_normalise((sums[column] - vectors[index])[None, :])[0]
            genuine.append(float(vectors[index] @ centroid))
    z = NormalDist().inv_cdf(1.0 - target_far)
    threshold = float(impostor.mean() + z * impostor.std(ddof=1))
    return Calibration(min(threshold, 1.0), target_far, np.array(genuine), impostor)
