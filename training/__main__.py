"""``python -m training``: the offline steps behind the worker's jobs, without Flask.

    python -m training import-dataset DIR --out enrolled.npz     # folder -> embeddings
    python -m training calibrate enrolled.npz [--far 0.001]      # -> threshold (JSON)
    python -m training evaluate DIR [--impostors DIR] [--out report.json]
    python -m training label-faces DIR --out yolo_set/          # photos -> YOLO face set
    python -m training finetune-detector yolo_set/data.yaml --out MODELS_DIR \
        [--base yolov8n.yaml|file.pt] [--epochs 30] [--imgsz 320]  # -> yolo_face_*.onnx
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from training.calibration import calibrate
from training.evaluation import evaluate
from training.folder_dataset import (
    EmbeddedSet,
    build_pipeline,
    embed_paths,
    photos_by_identity,
    split_enrol_probe,
)
from vision import defaults
from vision.matching import Gallery


def _pipeline(args):
    return build_pipeline(args.model, args.detector, args.models_dir)


def cmd_import(args) -> dict:
    items = [(name, p) for name, photos in photos_by_identity(args.folder).items()
             for p in photos]
    embedded = embed_paths(_pipeline(args), items)
    embedded.save(args.out)
    return {"faces": len(embedded.labels), "people": len(set(embedded.labels.tolist())),
            "missed": embedded.missed, "out": str(args.out)}


def cmd_calibrate(args) -> dict:
    embedded = EmbeddedSet.load(args.embeddings)
    result = calibrate(embedded.vectors, embedded.labels, args.far)
    return {"threshold": result.threshold, "target_far": args.far, "method": result.method}


def cmd_evaluate(args) -> dict:
    pipeline = _pipeline(args)
    enrol_items, probe_items = split_enrol_probe(args.folder)
    enrolled = embed_paths(pipeline, enrol_items)
    probes = embed_paths(pipeline, probe_items)
    names = sorted(set(enrolled.labels.tolist()))
    index = {name: i for i, name in enumerate(names)}
    gallery = Gallery(pipeline.embedder.dim)
    gallery.add([index[n] for n in enrolled.labels], enrolled.vectors)
    calibration = calibrate(enrolled.vectors, enrolled.labels, args.far)
    matches = [row[0] for row in gallery.search(probes.vectors)] if len(probes.labels) else []
    truth = [index[n] for n in probes.labels]
    report = evaluate(enrolled.vectors, enrolled.labels, calibration)
    report["probes"] = {
        "count": len(probe_items), "not_detected": len(probes.missed),
        "rank1": float(np.mean([m.label == t for m, t in zip(matches, truth)])),
        "tar": float(np.mean([m.label == t and m.similarity >= calibration.threshold
                              for m, t in zip(matches, truth)])),
    }
    if args.impostors:
        items = [("impostor", p) for p in sorted(Path(args.impostors).iterdir())]
        impostors = embed_paths(pipeline, items)
        best = [row[0].similarity for row in gallery.search(impostors.vectors)]
        report["impostors"] = {"count": len(items), "detected": len(best),
                               "false_accepts": int(sum(s >= calibration.threshold
                                                        for s in best))}
    return report


def cmd_label(args) -> dict:
    from training.yolo_dataset import label_photos, write_yolo_dataset
    from vision import detectors

    paths = [p for photos in photos_by_identity(args.folder).values() for p in photos]
    labelled = label_photos(paths, detectors.build(args.teacher, args.models_dir))
    dataset = write_yolo_dataset(labelled, args.out)
    return {"train": dataset.train, "val": dataset.val, "data": str(dataset.yaml),
            "faces": sum(len(p.boxes) for p in labelled)}


def cmd_finetune(args) -> dict:
    from training.detector_finetune import finetune_detector

    return finetune_detector(args.data, args.out, args.base, args.epochs, args.imgsz,
                             args.batch).as_dict()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m training", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    for name, func in (("import-dataset", cmd_import), ("evaluate", cmd_evaluate)):
        cmd = sub.add_parser(name)
        cmd.add_argument("folder", help="a folder per identity, photos inside")
        cmd.add_argument("--model", default=defaults.FACE_MODEL)
        cmd.add_argument("--detector", default=defaults.FACE_DETECTOR)
        cmd.add_argument("--models-dir", default=None)
        cmd.set_defaults(func=func)
    sub.choices["import-dataset"].add_argument("--out", required=True, type=Path)
    sub.choices["evaluate"].add_argument("--impostors", default=None)
    sub.choices["evaluate"].add_argument("--far", type=float, default=defaults.TARGET_FAR)
    sub.choices["evaluate"].add_argument("--out", type=Path, default=None)
    cal = sub.add_parser("calibrate")
    cal.add_argument("embeddings", type=Path)
    cal.add_argument("--far", type=float, default=defaults.TARGET_FAR)
    cal.set_defaults(func=cmd_calibrate)
    label = sub.add_parser("label-faces", help="label photos with a teacher detector")
    label.add_argument("folder", help="a folder per identity, photos inside")
    label.add_argument("--out", required=True, type=Path)
    label.add_argument("--teacher", default=defaults.FACE_DETECTOR)
    label.add_argument("--models-dir", default=None)
    label.set_defaults(func=cmd_label)
    tune = sub.add_parser("finetune-detector", help="train a YOLO face detector, export ONNX")
    tune.add_argument("data", type=Path, help="the dataset's data.yaml")
    tune.add_argument("--out", required=True, type=Path, help="the models folder")
    tune.add_argument("--base", default=defaults.DETECTOR_BASE)
    tune.add_argument("--epochs", type=int, default=defaults.DETECTOR_EPOCHS)
    tune.add_argument("--imgsz", type=int, default=defaults.DETECTOR_IMGSZ)
    tune.add_argument("--batch", type=int, default=defaults.DETECTOR_BATCH)
    tune.set_defaults(func=cmd_finetune)
    args = parser.parse_args(argv)
    result = args.func(args)
    text = json.dumps(result, indent=2, default=float)
    if getattr(args, "out", None) and args.command == "evaluate":
        args.out.write_text(text)
    sys.stdout.write(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
