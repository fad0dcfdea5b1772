"""Face recognition on the shared photos: our pipeline against DeepFace.find, same model.

Protocol (the same as tests/vision/test_recognition.py), on ../shared/datasets:
identities in faces/ with 3+ photos enrol their first two photos (biggest face per photo);
their other photos are probes; faces_impostors/ (30 people) are never enrolled.

* Ours: dlib HOG (upsample 1) -> 5-point alignment -> DeepFace's Dlib ResNet (128-d) ->
  vision.matching.Gallery (cosine against each person's centroid). The threshold is
  training.calibration.calibrate(enrolled, target_far=0.001), from enrolled photos only.
* Baseline: DeepFace.find(model_name="Dlib", detector_backend="opencv", cosine, its default
  threshold 0.07, enforce_detection=False) against a db_path folder holding the same
  enrolled photos as <identity>/<photo>, one call per probe and impostor, as its README
  shows. similarity_search=True keeps every row so closed-set rank-1 can be read; a
  query is accepted exactly when find would return a row (distance <= the threshold
  column). Its first call embeds the folder and is timed apart from the queries.
* Gallery.search cost at 1k/10k/100k identities of random 128-d unit vectors.

Nothing is downloaded: DeepFace reads the dlib files from a private DEEPFACE_HOME and
the Haar cascades from cv2.data; any download attempt aborts the run. Prints numbers only.

    .venv/bin/python bench/faces.py [--skip-baseline] [--runs 20] [--search-runs 50]
"""
from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

import cv2
import numpy as np

from conserje.config import REPO_ROOT
from training.calibration import calibrate
from training.folder_dataset import split_enrol_probe
from vision import detectors, embedders
from vision.alignment import Aligner
from vision.matching import Gallery
from vision.pipeline import FacePipeline
from vision.quality import GATE_CAMERA
from vision.weights import face_recognition_models_dir, provision_deepface_home

DATASETS = REPO_ROOT.parent / "shared" / "datasets"
DLIB_FILES = ("dlib_face_recognition_resnet_model_v1.dat", "shape_predictor_5_face_landmarks.dat")
HAAR_FILES = ("haarcascade_frontalface_default.xml", "haarcascade_eye.xml")
STAGES = ("detect", "align", "embed", "search")


class DownloadRefused(RuntimeError):
    """DeepFace wanted a file that is not local (not a ValueError, which find swallows)."""


def median(values) -> float:
    return statistics.median(values) if values else float("nan")


def split_protocol():
    enrol, probes = split_enrol_probe(DATASETS / "faces")  # (identity, path) pairs
    return enrol, probes, sorted((DATASETS / "faces_impostors").iterdir())


def main_face(pipeline, image, rules=None):
    """(embedding of the biggest face or None, stage timings in ms)."""
    kwargs = {"rules": rules} if rules else {}
    results, timings = pipeline.analyse(image, embed_low_quality=True, **kwargs)
    if not results:
        return None, timings.stages
    best = max(results, key=lambda r: r.face.detection.bbox.w * r.face.detection.bbox.h)
    return best.embedding, timings.stages


def run_ours(pipeline, enrol, probes, impostors, runs):
    names = sorted({identity for identity, _ in enrol})
    stages = {stage: [] for stage in STAGES}
    main_face(pipeline, cv2.imread(str(enrol[0][1])))  # warm-up

    def analyse(path):
        vector, timing = main_face(pipeline, cv2.imread(str(path)))
        for stage, value in timing.items():
            stages[stage].append(value)
        return vector, sum(timing.values())

    vectors, labels = [], []
    for identity, path in enrol:
        vector, _ = analyse(path)
        if vector is not None:
            vectors.append(vector)
            labels.append(names.index(identity))
    gallery = Gallery(len(vectors[0]))
    gallery.add(labels, vectors)
    threshold = calibrate(np.array(vectors), np.array(labels), target_far=0.001).threshold

    def query(path):
        vector, model_ms = analyse(path)
        if vector is None:
            return None, None
        started = time.perf_counter()
        match = gallery.search([vector])[0][0]
        stages["search"].append((time.perf_counter() - started) * 1000)
        return match, model_ms + stages["search"][-1]

    found = [(names.index(identity), *query(path)) for identity, path in probes]
    found = [(label, match, ms) for label, match, ms in found if match is not None]
    fakes = [r for r in (query(path) for path in impostors) if r[0] is not None]
    false_accepts = sum(match.similarity >= threshold for match, _ in fakes)
    return {
        "enrolled": f"{len(vectors)}/{len(enrol)} photos, {len(set(labels))} people",
        "rank1": np.mean([match.label == label for label, match, _ in found]),
        "tar": np.mean([match.label == label and match.similarity >= threshold
                        for label, match, _ in found]),
        "fa": (false_accepts, len(fakes)),
        "missed": (len(probes) - len(found), len(impostors) - len(fakes)),
        "threshold": f"cosine similarity >= {threshold:.4f}",
        "query_ms": median([ms for *_, ms in found] + [ms for _, ms in fakes]),
        "stages": {stage: median(values) for stage, values in stages.items()},
        "identify": time_identify(pipeline, gallery, runs),
    }


def gate_frame(pipeline) -> np.ndarray:
    """A shared photo scaled so its face is ~150 px, centred on a grey 640x480 frame."""
    image = cv2.imread(str(DATASETS / "faces" / "obama" / "1.jpg"))
    box = max((f.bbox for f in pipeline.detector.detect(image)), key=lambda b: b.w * b.h)
    scale = 150 / box.w
    shift_x = 320 - scale * (box.x + box.w / 2)
    shift_y = 240 - scale * (box.y + box.h / 2)
    matrix = np.float32([[scale, 0, shift_x], [0, scale, shift_y]])
    return cv2.warpAffine(image, matrix, (640, 480), borderMode=cv2.BORDER_CONSTANT,
                          borderValue=(128, 128, 128))


def time_identify(pipeline, gallery, runs) -> tuple[float, dict[str, float], int]:
    frame = gate_frame(pipeline)
    samples, stages = [], {stage: [] for stage in STAGES[:3]}
    for run in range(runs + 1):  # the first run is a warm-up
        started = time.perf_counter()
        vector, timing = main_face(pipeline, frame, GATE_CAMERA)
        gallery.search([vector])
        if run:
            samples.append((time.perf_counter() - started) * 1000)
            for stage in stages:
                stages[stage].append(timing[stage])
    return median(samples), {s: median(v) for s, v in stages.items()}, runs


def forbid_downloads() -> None:
    from deepface.commons import weight_utils

    original = weight_utils.download_weights_if_necessary

    def guarded(file_name, source_url, compress_type=None):
        target = Path(os.environ["DEEPFACE_HOME"]) / ".deepface" / "weights" / file_name
        if not target.is_file():
            raise DownloadRefused(f"DeepFace tried to download {file_name} from {source_url}; "
                                  f"this benchmark never downloads (expected it at {target})")
        return original(file_name, source_url, compress_type)

    weight_utils.download_weights_if_necessary = guarded


def run_deepface(enrol, probes, impostors, tmp: Path):
    missing = [f for f in HAAR_FILES if not (Path(cv2.data.haarcascades) / f).is_file()]
    if missing:
        raise SystemExit(f"DeepFace's opencv detector needs {missing} in cv2.data: the "
                         "installed opencv ships no cascades, and it would download them")
    db = tmp / "db"
    for identity, path in enrol:
        (db / identity).mkdir(parents=True, exist_ok=True)
        (db / identity / path.name).symlink_to(path.resolve())
    from deepface import DeepFace

    forbid_downloads()
    options = dict(db_path=str(db), model_name="Dlib", detector_backend="opencv",
                   distance_metric="cosine", enforce_detection=False, silent=True,
                   similarity_search=True, return_type="pandas")

    def query(path):
        height, width = cv2.imread(str(path)).shape[:2]
        started = time.perf_counter()
        frames = DeepFace.find(img_path=str(path), **options)
        elapsed = (time.perf_counter() - started) * 1000
        best = min((df.iloc[0] for df in frames if len(df)), key=lambda r: r["distance"])
        whole = best["source_x"] == 0 and best["source_y"] == 0 and (
            best["source_w"] >= width - 1 and best["source_h"] >= height - 1)
        accepted = best["distance"] <= best["threshold"]
        return Path(best["identity"]).parent.name, accepted, bool(whole), elapsed

    started = time.perf_counter()
    query(probes[0][1])  # embeds the db folder and writes its datastore file
    build_s = time.perf_counter() - started
    found = [(identity, *query(path)) for identity, path in probes]
    fakes = [query(path) for path in impostors]
    return {
        "enrolled": f"{len(enrol)} photos in db_path, first call {build_s:.1f} s",
        "rank1": np.mean([top == identity for identity, top, *_ in found]),
        "tar": np.mean([top == identity and ok for identity, top, ok, *_ in found]),
        "fa": (sum(ok for _, ok, _, _ in fakes), len(fakes)),
        "missed": (sum(whole for *_, whole, _ in found), sum(whole for _, _, whole, _ in fakes)),
        "threshold": "cosine distance <= 0.07 (default)",
        "query_ms": median([ms for *_, ms in found] + [ms for *_, ms in fakes]),
    }


def gallery_scaling(runs: int) -> list[tuple[int, float, float, float]]:
    rng = np.random.default_rng(0)
    rows = []
    for people in (1_000, 10_000, 100_000):
        vectors = rng.standard_normal((2 * people, 128), dtype=np.float32)
        gallery = Gallery(128)
        gallery.add(np.repeat(np.arange(people), 2), vectors)
        gallery.centroids()
        started = time.perf_counter()
        gallery.add([people], rng.standard_normal((1, 128), dtype=np.float32))
        add_ms = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        gallery.centroids()
        rebuild_ms = (time.perf_counter() - started) * 1000
        probe = rng.standard_normal((1, 128), dtype=np.float32)
        samples = []
        for _ in range(runs):
            started = time.perf_counter()
            gallery.search(probe)
            samples.append((time.perf_counter() - started) * 1000)
        rows.append((people, median(samples), add_ms, rebuild_ms))
    return rows


def report(ours, theirs, scaling) -> None:
    print(f"enrolled: ours {ours['enrolled']}"
          + (f"; DeepFace {theirs['enrolled']}" if theirs else ""))
    columns = ["ours", "DeepFace.find", "ours/theirs"] if theirs else ["ours"]
    print(f"\n{'1:N identification':<34}" + "".join(f"{c:>16}" for c in columns))

    def line(name, mine, other=None, fmt="{:.3f}", ratio=True):
        cells = [fmt.format(*mine) if isinstance(mine, tuple) else fmt.format(mine)]
        if theirs:
            cells.append(fmt.format(*other) if isinstance(other, tuple) else fmt.format(other))
            cells.append(f"{mine / other:.2f}" if ratio and other else "-")
        print(f"{name:<34}" + "".join(f"{c:>16}" for c in cells))

    get = (lambda key: theirs[key]) if theirs else (lambda key: None)
    line("rank-1 (closed set)", ours["rank1"], get("rank1"))
    line("true-accept rate at threshold", ours["tar"], get("tar"))
    line("false accepts / impostors scored", ours["fa"], get("fa"), "{}/{}", ratio=False)
    line("no face: probes / impostors", ours["missed"], get("missed"), "{}/{}", ratio=False)
    line("median ms per query", ours["query_ms"], get("query_ms"), "{:.1f}")
    print(f"threshold: ours {ours['threshold']}" +
          (f"; DeepFace {theirs['threshold']}" if theirs else ""))
    print("(ours per query = detect+align+embed+search on the photo; DeepFace = one find call."
          "\n DeepFace 'no face' = it fell back to the whole image, enforce_detection=False)")
    print(f"\n{'our stages, median ms per photo':<34}{'ms':>16}")
    for stage in STAGES:
        print(f"{stage:<34}{ours['stages'][stage]:>16.3f}")
    identify_ms, parts, runs = ours["identify"]
    print(f"{'identify, 640x480 with a 150 px face':<34}{identify_ms:>16.1f}"
          f"   (analyse + search, median of {runs}: "
          + ", ".join(f"{stage} {value:.1f}" for stage, value in parts.items()) + ")")
    print(f"\n{'gallery (128-d, 2 rows/person)':<34}{'search ms':>12}{'add ms':>12}"
          f"{'rebuild ms':>12}")
    for people, search_ms, add_ms, rebuild_ms in scaling:
        print(f"{f'{people:,} people':<34}{search_ms:>12.3f}{add_ms:>12.3f}{rebuild_ms:>12.1f}")
    print("(search: one probe, median; add: one row; rebuild: centroids once after that add)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-baseline", action="store_true", help="skip DeepFace.find")
    parser.add_argument("--runs", type=int, default=20, help="timed runs of the 640x480 call")
    parser.add_argument("--search-runs", type=int, default=50, help="timed gallery searches")
    args = parser.parse_args()
    started = time.perf_counter()
    enrol, probes, impostors = split_protocol()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        source = face_recognition_models_dir()
        if source is None:
            raise SystemExit("face-recognition-models is not installed: no dlib weights")
        home = tmp / "deepface-home"
        provision_deepface_home(home, {name: source / name for name in DLIB_FILES})
        os.environ["DEEPFACE_BACKEND_ENGINE"] = "onnx"
        (tmp / "models").mkdir()  # empty: the Dlib model comes from the package
        pipeline = FacePipeline(detectors.get("dlib_hog", upsample=1), Aligner(),
                                embedders.get("Dlib", models_dir=str(tmp / "models"),
                                              deepface_home=str(home)))
        print(f"faces: {len(enrol)} enrolment photos, {len(probes)} probes, "
              f"{len(impostors)} impostors ({DATASETS})")
        ours = run_ours(pipeline, enrol, probes, impostors, args.runs)
        theirs = None if args.skip_baseline else run_deepface(enrol, probes, impostors, tmp)
    report(ours, theirs, gallery_scaling(args.search_runs))
    print(f"\ntotal run time {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
