"""Choosing the store backend from where the store is: a folder (embedded) or a URL (server)."""

from __future__ import annotations

from pathlib import Path

from mandates.store.remote import RemoteRoot, is_url

from .embedded import StoreRoot


def open_root(location: str | Path) -> StoreRoot | RemoteRoot:
    """The store at ``location``: a SPARQL 1.1 server for an http(s) URL, else a folder."""
    text = str(location)
    return RemoteRoot(text) if is_url(text) else StoreRoot(text)


def open_location(location: str):
    """Open for reading what :meth:`location` of a root names (used by query workers)."""
    if is_url(location):
        return RemoteRoot(location.split("#", 1)[0]).open_read_only()
    import pyoxigraph as ox

    return ox.Store.read_only(location)


__all__ = ["open_location", "open_root"]
