"""Checks shared by every uploaded zip (face datasets, detector datasets): an entry's
path must stay inside the archive, and its size and compression ratio must be sane."""
from __future__ import annotations

import zipfile
from pathlib import PurePosixPath

MAX_ENTRY_BYTES = 20 * 1024 * 1024
MAX_RATIO = 100  # uncompressed/compressed beyond this is a zip bomb, not a photo


def unsafe_path(name: str) -> bool:
    """Absolute, parent-relative or Windows-separated names could write outside."""
    return name.startswith("/") or ".." in PurePosixPath(name).parts or "\\" in name


def size_problem(info: zipfile.ZipInfo, max_bytes: int = MAX_ENTRY_BYTES) -> str | None:
    """``too_large`` or ``zip_bomb`` from the table of contents, before reading a byte."""
    if info.file_size > max_bytes:
        return "too_large"
    if info.compress_size and info.file_size / info.compress_size > MAX_RATIO:
        return "zip_bomb"
    return None
