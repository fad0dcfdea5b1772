"""Write a YUV4MPEG2 (4:2:0) video for Chromium's fake camera
(--use-file-for-fake-video-capture): one shared photo, its face centred at ~150 px on a
640x480 frame, repeated. Usage: python make_fake_camera.py PHOTO OUT.y4m [FRAMES]"""
from __future__ import annotations

import sys
from pathlib import Path

import cv2

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repository root
from tests.frames import gate_frame  # noqa: E402


def write_y4m(photo: Path, out: Path, frames: int = 10) -> None:
    frame = gate_frame(photo)
    height, width = frame.shape[:2]
    planes = cv2.cvtColor(frame, cv2.COLOR_BGR2YUV_I420).tobytes()
    with open(out, "wb") as fh:
        fh.write(f"YUV4MPEG2 W{width} H{height} F10:1 Ip A1:1 C420jpeg\n".encode())
        for _ in range(frames):
            fh.write(b"FRAME\n")
            fh.write(planes)


if __name__ == "__main__":
    write_y4m(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 10)
