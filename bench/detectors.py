"""Face detectors side by side: latency on 640x480 gate frames and faces found.

* dlib_hog (the default), haar, and yolo: a YOLOv8n face detector trained here from
  scratch on dlib-labelled shared photos (``--epochs``, ``--imgsz``; the identities after
  the first 30 are never seen in training), or an ONNX file given with ``--yolo``.
* Latency: the median over ``--runs`` of each detector on 640x480 frames made from
  the unseen identities' photos (a face of ~150 px, as the gate camera sees one).
* Faces found: on the unseen photos (one face each) and on faces_misc's annotated
  group photos and no-face scenes (counts in labels.csv), against the expected count.
* Baseline: dlib_hog in the same process; ratios are yolo or haar over dlib_hog.

    .venv/bin/python bench/detectors.py [--yolo FILE.onnx] [--epochs 40] [--imgsz 160]
"""
from __future__ import annotations

import argparse
import csv
import statistics
import tempfile
import time
from pathlib import Path

import cv2
import numpy as np

from conserje.config import REPO_ROOT
from training.detector_finetune import finetune_detector
from training.yolo_dataset import label_photos, write_yolo_dataset
from vision import detectors
from vision.detectors.yolo_onnx import YoloOnnxDetector

DATASETS = REPO_ROOT.parent / "shared" / "datasets"


def gate_frame(photo: np.ndarray) -> np.ndarray:
    """The photo scaled to 375 px high (an LFW face: ~150 px), centred on a grey 640x480
    frame, as the gate camera sees a person at arm's length."""
    scale = min(375 / photo.shape[0], 600 / photo.shape[1])
    face = cv2.resize(photo, None, fx=scale, fy=scale)
    frame = np.full((480, 640, 3), 90, np.uint8)
    y, x = (480 - face.shape[0]) // 2, (640 - face.shape[1]) // 2
    frame[y:y + face.shape[0], x:x + face.shape[1]] = face
    return frame


def train_yolo(epochs: int, imgsz: int, folder: Path) -> Path:
    paths = [p for d in sorted((DATASETS / "faces").iterdir())[:30]
             for p in sorted(d.iterdir())[:3]]
    dataset = write_yolo_dataset(label_photos(paths, detectors.build("dlib_hog")), folder / "ds")
    started = time.perf_counter()
    result = finetune_detector(dataset.yaml, folder / "models", epochs=epochs, imgsz=imgsz)
    print(f"trained yolov8n from scratch: {dataset.train} train / {dataset.val} val photos, "
          f"{epochs} epochs at {imgsz} px in {time.perf_counter() - started:.0f} s; "
          f"val mAP50 {result.metrics['mAP50']:.3f}, best-F1 confidence {result.conf}")
    return folder / "models" / result.onnx


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--yolo", type=Path, default=None)
    parser.add_argument("--epochs", type=int, default=40)
    parser.add_argument("--imgsz", type=int, default=160)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        onnx = args.yolo or train_yolo(args.epochs, args.imgsz, Path(scratch))
        chosen = {"dlib_hog": detectors.build("dlib_hog"), "haar": detectors.build("haar"),
                  "yolo": YoloOnnxDetector(onnx)}
        unseen = [cv2.imread(str(sorted(d.iterdir())[0]))
                  for d in sorted((DATASETS / "faces").iterdir())[30:]]
        frames = [gate_frame(p) for p in unseen]
        with open(DATASETS / "faces_misc" / "labels.csv") as f:
            labelled = [(row["image"], int(row["expected_faces"])) for row in csv.DictReader(f)
                        if row["expected_faces"]]
        print(f"\n{'detector':<10}{'ms/640x480':>12}{'vs dlib':>9}{'unseen 1-face':>15}"
              f"{'group+no-face exact':>21}")
        base = None
        for name, detector in chosen.items():
            times = []
            for i in range(args.runs):
                frame = frames[i % len(frames)]
                started = time.perf_counter()
                detector.detect(frame, min_face=80)
                times.append((time.perf_counter() - started) * 1000)
            ms = statistics.median(times)
            base = base or ms
            single = sum(len(detector.detect(p)) == 1 for p in unseen)
            exact = sum(len(detector.detect(cv2.imread(str(DATASETS / "faces_misc" / image))))
                        == expected for image, expected in labelled)
            print(f"{name:<10}{ms:>12.1f}{ms / base:>9.2f}{f'{single}/{len(unseen)}':>15}"
                  f"{f'{exact}/{len(labelled)}':>21}")


if __name__ == "__main__":
    main()
