"""One lock per native model instance: the one place that makes shared models thread-safe.

dlib's detectors, shape predictors and ResNet, OpenCV's cascades and onnxruntime sessions
are built once per process (the registries cache them) and shared by every thread: the
API's gunicorn threads, the embedded job worker thread and the gate. Several of them keep
scratch buffers inside the object (OpenCV's ``CascadeClassifier`` rescales into members,
dlib's detectors hold image pyramids), so two threads in one instance corrupt the heap:
4 threads on shared instances aborted 3 of 3 runs ("free(): invalid pointer", OpenCV
``getScaleData`` assertion) before this lock.

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
from typing import Iterator


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
