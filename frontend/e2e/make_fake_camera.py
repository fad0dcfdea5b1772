"""Write a YUV4MPEG2 (4:2:0) video for Chromium's fake camera
(--use-file-for-fake-video-capture): one shared photo, its face centred at ~150 px on a
640x480 frame, repeated; or, with --qr, a QR code image (a visitor's pass held up to the
camera) on a white frame. Usage: python make_fake_camera.py [--qr] IMAGE OUT.y4m [FRAMES]"""
from __future__ import annotations

import sys
from pathlib import Path

import cv2

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repository root
from tests.frames import gate_frame  # noqa: E402


def qr_frame(image: Path):
    """The QR image scaled to 440 px, centred on a white 640x480 frame."""
    import numpy as np

    code = cv2.resize(cv2.imread(str(image)), (440, 440), interpolation=cv2.INTER_AREA)
    frame = np.full((480, 640, 3), 255, np.uint8)
    frame[20:460, 100:540] = code
    return frame


def write_y4m(photo: Path, out: Path, frames: int = 10, qr: bool = False) -> None:
    frame = qr_frame(photo) if qr else gate_frame(photo)
    height, width = frame.shape[:2]
    planes = cv2.cvtColor(frame, cv2.COLOR_BGR2YUV_I420).tobytes()
    with open(out, "wb") as fh:
        fh.write(f"YUV4MPEG2 W{width} H{height} F10:1 Ip A1:1 C420jpeg\n".encode())
        for _ in range(frames):
            fh.write(b"FRAME\n")
            fh.write(planes)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--qr"]
    write_y4m(Path(args[0]), Path(args[1]), int(args[2]) if len(args) > 2 else 10,
              qr="--qr" in sys.argv)
