"""Folder datasets (``<root>/<identity>/<photo>``) turned into embeddings, offline."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from vision import defaults, detectors, embedders
from vision.alignment import Aligner
from vision.pipeline import FacePipeline

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".bmp"}


@dataclass
class EmbeddedSet:
    vectors: np.ndarray  # (n, dim) float32
    labels: np.ndarray  # (n,) identity names
    paths: list[str]
    missed: list[str]  # photos where no face was found

    def save(self, path: str | Path) -> None:
        np.savez_compressed(path, vectors=self.vectors, labels=self.labels,
                            paths=np.array(self.paths), missed=np.array(self.missed))

    @classmethod
    def load(cls, path: str | Path) -> "EmbeddedSet":
        data = np.load(path, allow_pickle=False)
        return cls(data["vectors"], data["labels"], data["paths"].tolist(),
                   data["missed"].tolist())


def build_pipeline(model: str = defaults.FACE_MODEL, detector: str = defaults.FACE_DETECTOR,
                   models_dir: str | None = None,
                   detector_weights: str | None = None) -> FacePipeline:
    """The same pipeline the API uses, without Flask."""
    return FacePipeline(detectors.build(detector, models_dir, detector_weights),
                        Aligner(models_dir),
                        embedders.get(model, models_dir=models_dir))


def photos_by_identity(root: str | Path) -> dict[str, list[Path]]:
    root = Path(root)
    return {folder.name: sorted(p for p in folder.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
            for folder in sorted(root.iterdir()) if folder.is_dir()}


def main_face(pipeline: FacePipeline, path: Path) -> np.ndarray | None:
    """The embedding of the biggest face in the photo, or None."""
    image = cv2.imread(str(path))
    if image is None:
        return None
    results, _ = pipeline.analyse(image, embed_low_quality=True)
    if not results:
        return None
    return max(results, key=lambda r: r.face.detection.bbox.w * r.face.detection.bbox.h).embedding


def embed_paths(pipeline: FacePipeline, items: list[tuple[str, Path]]) -> EmbeddedSet:
    vectors, labels, paths, missed = [], [], [], []
    for label, path in items:
        vector = main_face(pipeline, path)
        if vector is None:
            missed.append(str(path))
            continue
        vectors.append(vector)
        labels.append(label)
        paths.append(str(path))
    dim = pipeline.embedder.dim
    return EmbeddedSet(np.array(vectors, dtype=np.float32).reshape(-1, dim), np.array(labels),
                       paths, missed)


def split_enrol_probe(root: str | Path, enrol_per_person: int = 2, min_photos: int = 3):
    """The benchmark protocol: identities with ``min_photos``+ photos enrol their first
    ``enrol_per_person``; the rest of their photos are probes."""
    enrol, probe = [], []
    for name, photos in photos_by_identity(root).items():
        if len(photos) >= min_photos:
            enrol += [(name, p) for p in photos[:enrol_per_person]]
            probe += [(name, p) for p in photos[enrol_per_person:]]
    return enrol, probe
