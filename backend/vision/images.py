"""Decoding untrusted image bytes with clear, machine-readable refusals."""
from __future__ import annotations

import struct

import cv2
import numpy as np

MAX_PIXELS = 40_000_000  # ~ an 8K photo; more is a decompression bomb, not a face photo


class ImageError(ValueError):
    """The bytes are not an acceptable image; ``code`` says why."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def _declared_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from a PNG or JPEG header, read before decoding anything."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        return struct.unpack(">II", data[16:24])
    if data[:2] == b"\xff\xd8":
        i = 2
        while i + 9 < len(data):
            if data[i] != 0xFF:
                return None
            marker = data[i + 1]
            length = struct.unpack(">H", data[i + 2:i + 4])[0]
            if marker in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD,
                          0xCE, 0xCF):
                height, width = struct.unpack(">HH", data[i + 5:i + 9])
                return width, height
            i += 2 + length
    return None


def decode_image(data: bytes, max_pixels: int = MAX_PIXELS) -> np.ndarray:
    """Return a BGR uint8 image; raise :class:`ImageError` for anything else."""
    if not data:
        raise ImageError("empty", "the file is empty")
    size = _declared_size(data)
    if size and size[0] * size[1] > max_pixels:
        raise ImageError("too_large", f"{size[0]}x{size[1]} pixels is more than allowed")
    image = cv2.imdecode(np.frombuffer(data, dtype=np.uint8), cv2.IMREAD_COLOR)
    if image is None:
        raise ImageError("not_an_image", "the file is not a readable JPEG/PNG/WebP/BMP image")
    if image.shape[0] * image.shape[1] > max_pixels:
        raise ImageError("too_large", "the image has more pixels than allowed")
    return image
