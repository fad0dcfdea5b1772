"""Fine-tune a YOLO face detector with ultralytics and export it to ONNX for CPU inference.

ultralytics and torch are needed here only (``pip install -e .[training]``, the worker's
extra); the API and the kiosk run the exported ONNX file on onnxruntime
(``vision.detectors.yolo_onnx``). Training is fully offline: ultralytics is told not to
reach the network, not to install packages and to keep its settings in our folder.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import numpy as np

from vision import defaults
from vision.detectors.yolo_onnx import DEFAULT_CONF

SCRATCH_BASES = ("yolov8n.yaml", "yolov8s.yaml", "yolo11n.yaml", "yolo11s.yaml")


class TrainingUnavailable(RuntimeError):
    """ultralytics/torch are not installed, or the base weights file is missing."""


@dataclass
class DetectorTrainingResult:
    """What a fine-tuning run produced: file names in ``out_dir`` and validation metrics."""

    onnx: str
    weights: str
    base: str
    epochs: int
    imgsz: int
    metrics: dict[str, float]
    conf: float  # the confidence threshold of the best F1 on the validation images
    trained_at: str

    def as_dict(self) -> dict:
        return asdict(self)


def _ultralytics(config_dir: Path):
    os.environ.setdefault("YOLO_OFFLINE", "1")
    os.environ.setdefault("YOLO_AUTOINSTALL", "false")
    os.environ.setdefault("YOLO_CONFIG_DIR", str(config_dir))
    try:
        import ultralytics
    except ImportError as exc:
        raise TrainingUnavailable(
            "detector fine-tuning needs ultralytics and torch: install the training extra "
            "(pip install -c constraints.txt -e '.[training]') on the worker") from exc
    ultralytics.settings.update(sync=False, clearml=False, comet=False, dvc=False,
                                mlflow=False, raytune=False, wandb=False, tensorboard=False)
    return ultralytics


def resolve_base(base: str, models_dir: Path | None) -> str:
    """A model yaml to train from scratch, or a ``.pt`` file in ``models_dir`` to start from.

    Never a hub name: ultralytics would try to download ``yolov8n.pt``.
    """
    if base in SCRATCH_BASES:
        return base
    candidates = [Path(base)] + ([models_dir / base] if models_dir else [])
    found = next((p for p in candidates if p.suffix == ".pt" and p.is_file()), None)
    if found is None:
        raise TrainingUnavailable(
            f"base weights file {base} not found; put it in CONSERJE_MODELS_DIR or train from "
            f"scratch with one of {', '.join(SCRATCH_BASES)} (weights are never downloaded)")
    return str(found)


def finetune_detector(data_yaml: Path, out_dir: Path, base: str = defaults.DETECTOR_BASE,
                      epochs: int = defaults.DETECTOR_EPOCHS, imgsz: int = defaults.DETECTOR_IMGSZ,
                      batch: int = defaults.DETECTOR_BATCH,
                      name: str | None = None,
                      progress: Callable[[float], None] | None = None) -> DetectorTrainingResult:
    """Train on ``data_yaml`` (from ``base``), validate, export ``<name>.onnx`` and keep
    ``<name>.pt`` (a base for the next fine-tune) and ``<name>.json`` in ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc)
    name = name or f"yolo_face_{stamp:%Y%m%d%H%M%S}"
    with tempfile.TemporaryDirectory(prefix="conserje-yolo-") as scratch:
        # ultralytics reads its settings folder once per process: a folder that outlives
        # this run, not the scratch one deleted at its end.
        ultralytics = _ultralytics(Path(tempfile.gettempdir()) / "conserje-ultralytics")
        model = ultralytics.YOLO(resolve_base(base, out_dir))
        if progress is not None:
            model.add_callback("on_train_epoch_end",
                               lambda trainer: progress(90 * (trainer.epoch + 1) / trainer.epochs))
        model.train(data=str(data_yaml), epochs=epochs, imgsz=imgsz, batch=batch,
                    device="cpu", workers=0, project=scratch, name="run", exist_ok=True,
                    plots=False, verbose=False, amp=False, seed=0, deterministic=True)
        best = Path(model.trainer.best if Path(model.trainer.best).is_file()
                    else model.trainer.last)
        trained = ultralytics.YOLO(str(best))
        validation = trained.val(data=str(data_yaml), imgsz=imgsz, batch=batch, device="cpu",
                                 workers=0, plots=False, verbose=False, project=scratch,
                                 name="val", exist_ok=True)
        onnx_file = Path(trained.export(format="onnx", imgsz=imgsz, dynamic=False,
                                        simplify=False, device="cpu"))
        shutil.copyfile(onnx_file, out_dir / f"{name}.onnx")
        shutil.copyfile(best, out_dir / f"{name}.pt")
    metrics = {key.replace("metrics/", "").replace("(B)", ""): round(float(value), 4)
               for key, value in validation.results_dict.items()}
    result = DetectorTrainingResult(f"{name}.onnx", f"{name}.pt", base, epochs, imgsz, metrics,
                                    best_f1_conf(validation.box), stamp.isoformat())
    (out_dir / f"{name}.json").write_text(json.dumps(result.as_dict(), indent=2))
    if progress is not None:
        progress(100)
    return result


def best_f1_conf(box_metrics, floor: float = 0.05) -> float:
    """The confidence where F1 on the validation set peaks (ultralytics' F1 curve over
    1,000 thresholds), so the detector's default threshold fits this very model."""
    curve = np.asarray(getattr(box_metrics, "f1_curve", []), dtype=float)
    if curve.size == 0 or not np.isfinite(curve).any():
        return DEFAULT_CONF
    grid = np.asarray(getattr(box_metrics, "px", np.linspace(0, 1, curve.shape[-1])))
    return round(max(floor, float(grid[int(np.nanargmax(curve.mean(axis=0)))])), 3)


def trained_detectors(models_dir: Path) -> list[dict]:
    """Reports of the fine-tuned detectors in ``models_dir`` whose ONNX file is present."""
    reports = []
    for report in sorted(models_dir.glob("yolo_face*.json")) if models_dir.is_dir() else []:
        data = json.loads(report.read_text())
        if (models_dir / data.get("onnx", "")).is_file():
            reports.append(data)
    return reports
