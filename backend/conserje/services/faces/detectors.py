"""Face detector fine-tuning: an uploaded YOLO dataset -> a new ONNX detector file in the
models folder, which a retraining can then use (``detector_weights``)."""
from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from conserje.services.core.actor import Actor
from conserje.services.core.errors import InvalidInput
from conserje.services.faces.datasets import check_zip
from training.detector_finetune import SCRATCH_BASES, finetune_detector, resolve_base
from training.yolo_dataset import DatasetError, extract_yolo_zip
from vision import defaults


@dataclass(frozen=True)
class FinetuneOptions:
    base: str = defaults.DETECTOR_BASE
    epochs: int = defaults.DETECTOR_EPOCHS
    imgsz: int = defaults.DETECTOR_IMGSZ


def check_request(actor: Actor, data: bytes, options: FinetuneOptions, models_dir: str) -> None:
    """Refuse, before queueing, a non-zip or a base that cannot be found."""
    actor.require_capability("faces.finetune")
    check_zip(data)
    if options.base not in SCRATCH_BASES:
        try:
            resolve_base(options.base, Path(models_dir))
        except RuntimeError as exc:
            raise InvalidInput(str(exc), {"base": [options.base]}) from None


def finetune(actor: Actor, data: bytes, options: FinetuneOptions, models_dir: str,
             progress: Callable[[float], None]) -> dict:
    """Unpack the dataset, train, export; the result names the new ONNX file."""
    actor.require_capability("faces.finetune")
    with tempfile.TemporaryDirectory(prefix="conserje-yolo-ds-") as folder:
        try:
            dataset = extract_yolo_zip(data, Path(folder))
        except DatasetError as exc:
            raise InvalidInput(str(exc), exc.problems) from None
        progress(5)
        result = finetune_detector(dataset.yaml, Path(models_dir), options.base, options.epochs,
                                   options.imgsz, progress=lambda p: progress(5 + 0.95 * p))
    return {**result.as_dict(), "train_images": dataset.train, "val_images": dataset.val,
            "rejected": dataset.rejected}
