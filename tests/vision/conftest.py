"""Real models on the real photos of ../shared/datasets (built once per test run)."""
from __future__ import annotations

from pathlib import Path

import cv2
import pytest

from conserje.config import REPO_ROOT

DATASETS = REPO_ROOT.parent / "shared" / "datasets"


@pytest.fixture(scope="session")
def datasets() -> Path:
    assert (DATASETS / "faces").is_dir(), f"the shared datasets are missing at {DATASETS}"
    return DATASETS


@pytest.fixture(scope="session")
def pipeline(tmp_path_factory):
    from vision import detectors, embedders
    from vision.alignment import Aligner
    from vision.pipeline import FacePipeline

    models_dir = tmp_path_factory.mktemp("models")  # empty: Dlib comes from the package
    return FacePipeline(detectors.get("dlib_hog", upsample=1), Aligner(),
                        embedders.get("Dlib", models_dir=str(models_dir)))


def read(path: Path):
    image = cv2.imread(str(path))
    assert image is not None, path
    return image
