"""Face embedders by name: ``embedders.get("Dlib", models_dir=...)`` builds once, caches."""
from __future__ import annotations

from vision.embedders.base import Embedder
from vision.embedders.deepface_models import MODEL_FILES, weight_status
from vision.registry import Registry

registry: Registry[Embedder] = Registry("face model")


def _deepface_factory(model: str):
    def build(**options) -> Embedder:
        from vision.embedders.deepface_models import DeepFaceEmbedder

        return DeepFaceEmbedder(model, **options)
    return build


for _model in MODEL_FILES:
    registry.register(_model)(_deepface_factory(_model))


def get(name: str, **options) -> Embedder:
    """The cached embedder ``name`` built with ``options`` (e.g. ``models_dir``)."""
    return registry.get(name, **options)


__all__ = ["Embedder", "MODEL_FILES", "get", "registry", "weight_status"]
