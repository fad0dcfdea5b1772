"""Registries of named implementations whose instances are built lazily, cached and
shared by every thread of the process, and the lock that makes sharing them safe.

dlib's detectors, shape predictors and ResNet, OpenCV's cascades and onnxruntime sessions
are built once per process (the registries cache them) and shared by every thread: the
API's gunicorn threads, the embedded job worker thread and the gate. None of them is
documented as safe to call from two threads at once, and some keep scratch state inside
the object (OpenCV's ``CascadeClassifier`` rescales into members): two threads in one
instance corrupt the heap. 4 threads on shared instances aborted 3 of 3 runs ("free():
invalid pointer", "corrupted double-linked list", OpenCV ``getScaleData`` assertion)
before this lock.

Why a lock per instance and not an instance per thread: measured with 4 threads x 2
rounds x 8 photos (dlib HOG + Haar + alignment + Dlib ResNet) on a 2-core machine, one
locked instance took 1.1-1.4 s per photo and a copy per thread 1.0-1.4 s: no measurable
gain (the cores are the bound, not the lock), for memory and load time multiplied by the
thread count (gunicorn threads + the job thread). A lock also keeps a long job from
starving the API: the job takes the lock per image, so requests interleave with it.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Callable, Generic, Iterator, TypeVar

T = TypeVar("T")


class NativeModel:
    """Base of every class holding a native model; :meth:`exclusive` guards inference.

    The lock is made in ``__new__`` so no subclass can forget it by not calling
    ``super().__init__()``.
    """

    _native_lock: threading.Lock

    def __new__(cls, *args, **kwargs):
        instance = super().__new__(cls)
        instance._native_lock = threading.Lock()
        return instance

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Hold this instance's lock: one thread at a time inside its native code."""
        with self._native_lock:
            yield


class Registry(Generic[T]):
    """Named factories; :meth:`get` builds each (name, options) once per process."""

    def __init__(self, kind: str):
        self.kind = kind
        self._factories: dict[str, Callable[..., T]] = {}
        self._instances: dict[tuple, T] = {}
        self._lock = threading.Lock()

    def register(self, name: str) -> Callable:
        def decorate(factory: Callable[..., T]) -> Callable[..., T]:
            self._factories[name] = factory
            return factory
        return decorate

    def names(self) -> list[str]:
        return sorted(self._factories)

    def get(self, name: str, **options) -> T:
        """The cached instance for ``name`` and ``options``; built on first use."""
        if name not in self._factories:
            raise KeyError(f"unknown {self.kind} {name!r}; choose from {', '.join(self.names())}")
        key = (name, tuple(sorted(options.items())))
        instance = self._instances.get(key)
        if instance is None:
            with self._lock:
                instance = self._instances.get(key)
                if instance is None:
                    instance = self._factories[name](**options)
                    self._instances[key] = instance
        return instance

    def built(self) -> set[str]:
        """Names of the implementations built so far in this process."""
        return {name for name, _ in self._instances}

    def clear(self) -> None:
        with self._lock:
            self._instances.clear()
