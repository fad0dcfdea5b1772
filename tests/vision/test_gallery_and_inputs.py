"""Gallery search and erasure, calibration inputs, image decoding, missing weights."""
from __future__ import annotations

import struct
import zlib

import cv2
import numpy as np
import pytest

from training.calibration import calibrate
from vision import embedders
from vision.images import ImageError, decode_image
from vision.matching import Gallery
from vision.weights import MissingWeights, face_recognition_models_dir


def unit(rng, n, dim=16):
    v = rng.normal(size=(n, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_gallery_scores_people_by_centroid_and_forgets_erased_people():
    rng = np.random.default_rng(3)
    base = unit(rng, 3)
    photos = np.concatenate([base + 0.05 * unit(rng, 3) for _ in range(2)])
    gallery = Gallery(16)
    gallery.add([10, 20, 30, 10, 20, 30], photos, keys=[1, 2, 3, 4, 5, 6])
    best = gallery.search(base, k=2)
    assert [m[0].label for m in best] == [10, 20, 30]
    assert all(m[0].similarity > 0.95 and m[0].similarity > m[1].similarity for m in best)
    assert gallery.remove_label(20) == 2
    assert 20 not in {m.label for row in gallery.search(base, k=3) for m in row}
    assert gallery.remove_key(1) == 1 and len(gallery) == 3
    assert Gallery(16).search(base) == [[], [], []]


def test_gallery_rejects_mismatched_inputs():
    with pytest.raises(ValueError):
        Gallery(4).add([1, 2], np.ones((1, 4)))


def test_calibration_needs_two_people():
    with pytest.raises(ValueError):
        calibrate(np.ones((2, 4)), [1, 1])


def _png(width: int, height: int) -> bytes:
    def chunk(kind, data):
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) + \
        chunk(b"IEND", b"")


def test_decode_refuses_bad_bytes_with_codes():
    ok, jpeg = cv2.imencode(".jpg", np.full((40, 60, 3), 128, np.uint8))
    assert decode_image(jpeg.tobytes()).shape == (40, 60, 3)
    for data, code in ((b"", "empty"), (b"not an image at all", "not_an_image"),
                       (jpeg.tobytes()[:50], "not_an_image"), (_png(50_000, 50_000), "too_large")):
        with pytest.raises(ImageError) as err:
            decode_image(data)
        assert err.value.code == code


def test_dlib_weights_come_from_the_installed_package():
    folder = face_recognition_models_dir()
    assert folder is not None
    assert (folder / "dlib_face_recognition_resnet_model_v1.dat").is_file()


def test_a_model_without_weights_fails_with_the_file_name(tmp_path):
    with pytest.raises(MissingWeights) as err:
        embedders.get("ArcFace", models_dir=str(tmp_path))
    assert "arcface_weights.onnx" in str(err.value) and str(tmp_path) in str(err.value)
    status = embedders.weight_status(str(tmp_path))
    assert status["Dlib"] is not None and status["ArcFace"] is None


def test_models_are_not_downloaded(tmp_path, monkeypatch):
    """Building the Dlib embedder uses the packaged file; no DeepFace download path runs."""
    import deepface.commons.weight_utils as weight_utils

    def refuse(*args, **kwargs):
        raise AssertionError("a download was attempted")

    monkeypatch.setattr(weight_utils.gdown, "download", refuse)
    embedders.registry.clear()
    model = embedders.get("Dlib", models_dir=str(tmp_path))
    assert model.dim == 128
