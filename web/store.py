"""The explorer's access to the store: opened once per process, reopened after a rebuild, and
the one helper that keeps what is computed from a store version (:func:`per_version`)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar, cast

import pyoxigraph as ox
from flask import Flask, current_app

from mandates.store.backends import open_root
from mandates.store.contract import ReadableStore, Root

T = TypeVar("T")


class StoreHolder:
    """Holds the read-only store in service; notices when a build swaps a new one in."""

    def __init__(self, root: Root) -> None:
        self.root = root
        self._lock = threading.Lock()
        self._version: str | None = None
        self._store: ReadableStore | None = None
        self._values: dict[str, tuple[str, Any]] = {}
        self._locks: dict[str, threading.Lock] = {}

    def get(self) -> ReadableStore:
        version = self.root.version()
        if version != self._version or self._store is None:
            with self._lock:
                if version != self._version or self._store is None:
                    self._store = self.root.open_read_only()
                    self._version = version
        return self._store

    def per_version(self, name: str, compute: Callable[[], T]) -> T:
        """``compute()`` once per store version: its value is kept until a new version is in
        service (only the latest version's is kept). Two threads asking at once compute it
        once; the others wait for it."""
        version = self.root.version()
        kept = self._values.get(name)
        if kept is not None and kept[0] == version:
            return cast(T, kept[1])
        with self._lock:
            lock = self._locks.setdefault(name, threading.Lock())
        with lock:
            kept = self._values.get(name)
            if kept is None or kept[0] != version:
                kept = (version, compute())
                self._values[name] = kept
        return cast(T, kept[1])


def init_app(app: Flask) -> None:
    holder = StoreHolder(open_root(app.config["STORE"]))
    holder.root.current()  # fail now, with a clear message, if nothing was built
    app.extensions["mandates.store"] = holder


def holder() -> StoreHolder:
    return cast(StoreHolder, current_app.extensions["mandates.store"])


def get_store() -> ReadableStore:
    """The store in service for the current application."""
    return holder().get()


def get_root() -> Root:
    """Where the store lives (its versions, the one in service)."""
    return holder().root


def get_local_store() -> ox.Store:
    """The store in service as a pyoxigraph store, for validation (which must run on the same
    engine whatever the backend: a server's data is copied once per version)."""
    return holder().root.open_local()


def per_version(name: str, compute: Callable[[], T]) -> T:
    """What ``compute()`` gives for the store version in service, computed once per version and
    process (the search index, the networkx graph, the store's own validation report …)."""
    return holder().per_version(name, compute)
