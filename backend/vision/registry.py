"""A registry of named implementations whose instances are built lazily and cached."""
from __future__ import annotations

import threading
from typing import Callable, Generic, TypeVar

T = TypeVar("T")


class Registry(Generic[T]):
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
