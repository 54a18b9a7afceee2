"""Choosing the store backend from where the store is: a folder (embedded) or a URL (server)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from mandates.store.contract import ReadableStore, Root
from mandates.store.remote import RemoteRoot, is_url

from .embedded import StoreRoot


def open_root(location: str | Path) -> Root:
    """The store at ``location``: a SPARQL 1.1 server for an http(s) URL, else a folder."""
    text = str(location)
    return RemoteRoot(text) if is_url(text) else StoreRoot(text)


def open_location(location: str) -> ReadableStore:
    """Open for reading what :meth:`Root.location` names (used by worker processes)."""
    if is_url(location):
        return RemoteRoot(location.split("#", 1)[0]).open_read_only()
    return ox.Store.read_only(location)


__all__ = ["open_location", "open_root"]
