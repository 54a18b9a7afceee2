"""The explorer's access to the store: opened once per process, reopened after a rebuild."""

from __future__ import annotations

import threading

import pyoxigraph as ox
from flask import Flask, current_app

from mandates.store.backends import open_root
from mandates.store.embedded import StoreRoot
from mandates.store.remote.root import RemoteRoot


class StoreHolder:
    """Holds the read-only store in service; notices when a build swaps a new one in."""

    def __init__(self, root: StoreRoot | RemoteRoot) -> None:
        self.root = root
        self._lock = threading.Lock()
        self._version: str | None = None
        self._store: ox.Store | None = None

    def get(self) -> ox.Store:
        version = self.root.version()
        if version != self._version or self._store is None:
            with self._lock:
                if version != self._version or self._store is None:
                    self._store = self.root.open_read_only()
                    self._version = version
        return self._store


def init_app(app: Flask) -> None:
    holder = StoreHolder(open_root(app.config["STORE"]))
    holder.root.current()  # fail now, with a clear message, if nothing was built
    app.extensions["mandates.store"] = holder


def get_store() -> ox.Store:
    """The store in service for the current application."""
    return current_app.extensions["mandates.store"].get()


def get_local_store() -> ox.Store:
    """The store in service as a pyoxigraph store, for validation (which must run on the same
    engine whatever the backend: a server's data is copied once per version)."""
    return current_app.extensions["mandates.store"].root.open_local()
