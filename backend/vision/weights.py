"""Where model files come from. Nothing is ever downloaded at run time.

Weights come from installed packages (dlib's models ship in ``face-recognition-models``)
or from the models folder (``CONSERJE_MODELS_DIR``) where an operator puts them.
DeepFace looks for files in ``$DEEPFACE_HOME/.deepface/weights`` and downloads what is
missing; :func:`provision_deepface_home` points it at a private folder holding links to
the files we have, and the embedders refuse to build a model whose file is absent.
"""
from __future__ import annotations

import importlib.util
import os
from pathlib import Path


class MissingWeights(RuntimeError):
    """A model's weights file is not installed; the message says which and where."""


def face_recognition_models_dir() -> Path | None:
    """The ``models`` folder of the face-recognition-models package, found by path.

    ``import face_recognition_models`` fails on current setuptools (it needs
    ``pkg_resources``), so the package is located without importing it.
    """
    spec = importlib.util.find_spec("face_recognition_models")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "models"
    return folder if folder.is_dir() else None


def find_weight(file_name: str, models_dir: str | os.PathLike | None) -> Path | None:
    """Look for ``file_name`` in the models folder, then in the packages that ship it."""
    candidates = []
    if models_dir:
        candidates.append(Path(models_dir) / file_name)
    packaged = face_recognition_models_dir()
    if packaged is not None:
        candidates.append(packaged / file_name)
    return next((path for path in candidates if path.is_file()), None)


def require_weight(file_name: str, models_dir: str | os.PathLike | None) -> Path:
    path = find_weight(file_name, models_dir)
    if path is None:
        where = Path(models_dir) / file_name if models_dir else file_name
        raise MissingWeights(f"weights file {file_name} not found; put it at {where} "
                             "(set CONSERJE_MODELS_DIR) - models are never downloaded")
    return path


def provision_deepface_home(home: str | os.PathLike, files: dict[str, Path]) -> Path:
    """Link ``files`` (DeepFace file name -> real path) into ``<home>/.deepface/weights``
    and point ``DEEPFACE_HOME`` there, before DeepFace is imported."""
    weights = Path(home) / ".deepface" / "weights"
    weights.mkdir(parents=True, exist_ok=True)
    for name, source in files.items():
        target = weights / name
        if target.is_symlink() or target.exists():
            if target.resolve() == source.resolve():
                continue
            target.unlink()
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(source.resolve())
    os.environ["DEEPFACE_HOME"] = str(Path(home))
    return weights
