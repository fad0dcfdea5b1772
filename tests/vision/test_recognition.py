"""1:N identification on the shared set with a threshold calibrated on enrolled photos only.

Protocol (the same as bench/faces.py): identities with 3+ photos enrol their first two;
the rest are probes; faces_impostors are never enrolled.
"""
from __future__ import annotations

import numpy as np
import pytest

from training.calibration import calibrate
from training.folder_dataset import IMAGE_SUFFIXES, embed_paths, main_face, split_enrol_probe
from vision.matching import Gallery


@pytest.fixture(scope="module")
def protocol(datasets, pipeline):
    enrol_items, probe_items = split_enrol_probe(datasets / "faces")
    names = sorted({name for name, _ in enrol_items})
    enrolled = embed_paths(pipeline, enrol_items)
    labels = np.array([names.index(n) for n in enrolled.labels])
    probe_vectors = [(names.index(name), main_face(pipeline, path))
                     for name, path in probe_items]
    impostors = [main_face(pipeline, p) for p in sorted((datasets / "faces_impostors").iterdir())
                 if p.suffix.lower() in IMAGE_SUFFIXES]
    return enrolled.vectors, labels, probe_vectors, impostors


def test_rank1_tar_and_no_false_accepts(protocol):
    enrolled, labels, probes, impostors = protocol
    gallery = Gallery(enrolled.shape[1])
    gallery.add(labels, enrolled)
    calibration = calibrate(enrolled, labels, target_far=0.001)
    assert calibration.genuine.mean() > calibration.impostor.mean()

    found = [(label, gallery.search([v])[0][0]) for label, v in probes if v is not None]
    assert len(found) >= len(probes) - 1  # one profile photo is not detected
    rank1 = np.mean([match.label == label for label, match in found])
    tar = np.mean([match.label == label and match.similarity >= calibration.threshold
                   for label, match in found])
    detected_impostors = [v for v in impostors if v is not None]
    false_accepts = sum(gallery.search([v])[0][0].similarity >= calibration.threshold
                        for v in detected_impostors)
    assert len(detected_impostors) >= 28
    assert rank1 >= 0.98, rank1
    assert tar >= 0.85, tar
    assert false_accepts == 0, false_accepts


def test_a_stricter_far_raises_the_threshold(protocol):
    enrolled, labels, _, _ = protocol
    loose = calibrate(enrolled, labels, target_far=0.05).threshold
    strict = calibrate(enrolled, labels, target_far=0.0001).threshold
    assert loose < strict <= 1.0
