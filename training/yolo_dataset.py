"""YOLO-format face datasets: write one from labelled photos, read one from a zip.

Layout (what ultralytics trains on)::

    data.yaml                      path, train, val, names {0: face}
    images/train/*.jpg  images/val/*.jpg
    labels/train/*.txt  labels/val/*.txt   one "0 cx cy w h" line per face, normalised

Photos can be labelled by a teacher detector (``label_photos``): enrolment photos plus
dlib's boxes make a face set for fine-tuning a fast YOLO detector on the gate's own
cameras without hand labelling.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Iterable

import cv2
import numpy as np

from training.archives import size_problem, unsafe_path
from vision.detectors.base import FaceDetector
from vision.types import BBox

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".bmp", ".webp"}
MAX_ENTRIES = 20000
MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024


class DatasetError(ValueError):
    """The dataset cannot be used; ``problems`` lists why (machine-readable codes)."""

    def __init__(self, message: str, problems: dict[str, list[str]]):
        super().__init__(message)
        self.problems = problems


@dataclass
class LabelledPhoto:
    path: Path
    boxes: list[BBox]


@dataclass
class YoloDataset:
    root: Path
    train: int
    val: int
    rejected: list[dict] = field(default_factory=list)

    @property
    def yaml(self) -> Path:
        return self.root / "data.yaml"


def label_photos(paths: Iterable[Path], teacher: FaceDetector) -> list[LabelledPhoto]:
    """Every readable photo with the faces ``teacher`` finds (photos without any are kept
    as negatives: they teach the detector what is not a face)."""
    labelled = []
    for path in paths:
        image = cv2.imread(str(path))
        if image is not None:
            labelled.append(LabelledPhoto(Path(path), [f.bbox for f in teacher.detect(image)]))
    return labelled


def _label_line(box: BBox, width: int, height: int) -> str:
    cx, cy = (box.x + box.w / 2) / width, (box.y + box.h / 2) / height
    return f"0 {cx:.6f} {cy:.6f} {box.w / width:.6f} {box.h / height:.6f}"


def write_yolo_dataset(photos: list[LabelledPhoto], out: Path, val_every: int = 5) -> YoloDataset:
    """Write ``photos`` as a YOLO dataset in ``out``; every ``val_every``-th is for val."""
    counts = {"train": 0, "val": 0}
    for index, photo in enumerate(photos):
        image = cv2.imread(str(photo.path))
        if image is None:
            continue
        split = "val" if index % val_every == val_every - 1 else "train"
        stem = f"{index:06d}_{photo.path.stem}"
        for kind in ("images", "labels"):
            (out / kind / split).mkdir(parents=True, exist_ok=True)
        cv2.imwrite(str(out / "images" / split / f"{stem}.jpg"), image)
        height, width = image.shape[:2]
        lines = [_label_line(b, width, height) for b in photo.boxes]
        (out / "labels" / split / f"{stem}.txt").write_text("\n".join(lines))
        counts[split] += 1
    return _finish(out, counts["train"], counts["val"], [])


def _finish(root: Path, train: int, val: int, rejected: list[dict]) -> YoloDataset:
    if train == 0 or val == 0:
        raise DatasetError("a YOLO dataset needs images in images/train and images/val",
                           {"file": ["no_train_images" if train == 0 else "no_val_images"]})
    (root / "data.yaml").write_text(
        f"path: {root.resolve()}\ntrain: images/train\nval: images/val\nnames:\n  0: face\n")
    return YoloDataset(root, train, val, rejected)


def _problem(info: zipfile.ZipInfo, parts: tuple[str, ...]) -> str | None:
    if unsafe_path(info.filename):
        return "unsafe_path"
    if len(parts) != 3 or parts[0] not in ("images", "labels") or parts[1] not in ("train", "val"):
        return "wrong_layout"
    suffix = PurePosixPath(info.filename).suffix.lower()
    if (parts[0] == "images") != (suffix in IMAGE_SUFFIXES) or \
            (parts[0] == "labels" and suffix != ".txt"):
        return "wrong_file_type"
    return size_problem(info)


def _valid_labels(text: str) -> bool:
    for line in filter(None, (raw.strip() for raw in text.splitlines())):
        values = line.split()
        try:
            numbers = [float(v) for v in values[1:]]
        except ValueError:
            return False
        if values[0] != "0" or len(numbers) != 4 or not all(0 <= v <= 1 for v in numbers):
            return False
    return True


def extract_yolo_zip(data: bytes, out: Path) -> YoloDataset:
    """Unpack an uploaded YOLO face dataset safely into ``out``, entry by entry.

    Unsafe paths, other layouts, wrong file types, bombs and malformed label files are
    reported per entry and skipped; an image keeps its label file (none = no faces).
    """
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise DatasetError("the file is not a zip archive", {"file": ["not_a_zip"]})
    rejected: list[dict] = []
    total = 0
    counts = {"train": 0, "val": 0}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = [i for i in archive.infolist() if not i.is_dir()
                 and "__MACOSX/" not in i.filename]
        if len(infos) > MAX_ENTRIES:
            raise DatasetError("too many files", {"file": [f"at most {MAX_ENTRIES} files"]})
        for info in infos:
            parts = PurePosixPath(info.filename).parts
            problem = _problem(info, parts)
            total += info.file_size
            if problem is None and total > MAX_TOTAL_BYTES:
                problem = "archive_too_large"
            content = archive.read(info) if problem is None else b""
            if problem is None and parts[0] == "labels" and \
                    not _valid_labels(content.decode("utf-8", "replace")):
                problem = "bad_label_file"
            if problem is None and parts[0] == "images" and \
                    cv2.imdecode(np.frombuffer(content, np.uint8), cv2.IMREAD_COLOR) is None:
                problem = "not_an_image"
            if problem is not None:
                rejected.append({"entry": info.filename, "reason": problem})
                continue
            target = out.joinpath(*parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
            if parts[0] == "images":
                counts[parts[1]] += 1
    return _finish(out, counts["train"], counts["val"], rejected)

