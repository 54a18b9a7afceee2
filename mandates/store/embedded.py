"""The store's lifecycle: where it lives, opening it, and swapping a new version in.

A store root is a folder holding ``builds/<id>/`` (complete pyoxigraph stores) and a symbolic
link ``current`` to the one in service. A build or a load writes a new folder and replaces the
link atomically only once the new store is complete, so a failed or killed build leaves the
previous store serving; readers that hold the old store keep it until they reopen.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox

from mandates.errors import StoreError

CURRENT = "current"
NOT_BUILT = "no graph has been built here yet: run `mandates build` first"
BUILDS = "builds"
KEEP_PREVIOUS = 1
PARTIAL = ".partial-"
LOCK = ".write-lock"


_MERGE = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def merge_default_graph(store: ox.Store) -> None:
    """Make the default graph the RDF merge (a set) of all named graphs.

    Queries run on the default graph: it answers like one graph in which a triple stated by
    five sources is there once, while ``GRAPH ?g`` still tells which sources state it. (The
    engine's own union-of-named-graphs mode repeats such a triple once per graph, which
    multiplies rows and counts.)

    This recomputes the default graph with one SPARQL update, held in memory: fine for the
    copies that loads and checks stage, slow on millions of triples (~20 s per million). A
    build writes the default graph along with the named graphs instead
    (:mod:`mandates.ingest.build`).
    """
    store.clear_graph(ox.DefaultGraph())
    store.update(_MERGE)


def new_version_name() -> str:
    """A name for a new store version: its time, then what tells apart writers at that time."""
    return f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**9}"


@contextmanager
def writer_lock(path: Path | str) -> Iterator[None]:
    """Hold the lock file ``path`` (waiting for it): one writer at a time."""
    with open(path, "a+b") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


class StoreRoot:
    """A store root folder (see the module docstring)."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)
        self._absolute = os.path.abspath(self.root)

    @property
    def link(self) -> Path:
        return self.root / CURRENT

    def exists(self) -> bool:
        return self.link.is_symlink() and self.link.resolve().is_dir()

    def current(self) -> Path:
        """The folder of the store in service, which must be there (read from the link alone:
        this runs on every request, and resolving the whole path costs ten times as much)."""
        target = Path(self.location())
        if not target.is_dir():
            raise StoreError(NOT_BUILT, str(self.root))
        return target

    def version(self) -> str:
        """The name of the build in service: changes whenever a new one is swapped in."""
        return self.current().name

    def open_read_only(self) -> ox.Store:
        """Open the store in service for reading; writers may work beside it."""
        try:
            return ox.Store.read_only(str(self.current()))
        except OSError as err:
            raise StoreError(f"cannot open the store: {err}", str(self.root)) from None

    def open_local(self) -> ox.Store:
        """The store in service as a pyoxigraph store, for checks that need the engine itself
        (validation); here simply the store, opened for reading."""
        return self.open_read_only()

    def location(self) -> str:
        """What a query worker opens to read the store in service: its folder (from the link
        alone, with no check that the folder is there: this runs on every SPARQL query)."""
        try:
            target = os.readlink(os.path.join(self._absolute, CURRENT))
        except OSError:
            raise StoreError(NOT_BUILT, str(self.root)) from None
        return os.path.normpath(os.path.join(self._absolute, target))

    @contextmanager
    def new_version(self, copy_current: bool = False) -> Iterator[ox.Store]:
        """A fresh store folder, swapped in when the block ends without error, else removed.

        With ``copy_current`` the new store starts as a copy of the one in service (a RocksDB
        checkpoint: hard links, cheap), for loading more data all-or-nothing.
        """
        builds = self.root / BUILDS
        builds.mkdir(parents=True, exist_ok=True)
        with self._writer():
            yield from self._write(builds, copy_current)

    @contextmanager
    def _writer(self) -> Iterator[None]:
        """One writer at a time per store root (builds and loads wait for each other), so a
        load always starts from the version the previous writer swapped in."""
        with writer_lock(self.root / LOCK):
            yield

    def _write(self, builds: Path, copy_current: bool) -> Iterator[ox.Store]:
        """Only a copy of the store in service, which took transactional writes, is compacted:
        a fresh store is written by bulk loads, whose sorted files RocksDB takes as they are,
        and compacting them cost 2-5 s per million triples for no faster queries (measured)."""
        self._remove_abandoned(builds)
        name = new_version_name()
        partial = builds / f"{PARTIAL}{name}"
        if copy_current:
            ox.Store.read_only(str(self.current())).backup(str(partial))
        store = ox.Store(str(partial))
        try:
            yield store
            store.flush()
            if copy_current:
                store.optimize()
        except BaseException:
            del store
            shutil.rmtree(partial, ignore_errors=True)
            raise
        del store
        target = builds / name
        partial.rename(target)
        self._swap_in(target)

    @staticmethod
    def _remove_abandoned(builds: Path) -> None:
        """Remove partial builds whose process is gone (killed half-way)."""
        for partial in builds.glob(f"{PARTIAL}*"):
            pid = int(partial.name[len(PARTIAL) :].split("-")[1])
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                shutil.rmtree(partial, ignore_errors=True)
            except PermissionError:
                pass

    def _swap_in(self, target: Path) -> None:
        temporary = self.root / f".{CURRENT}-{os.getpid()}"
        if temporary.is_symlink():
            temporary.unlink()
        temporary.symlink_to(Path(BUILDS) / target.name)
        os.replace(temporary, self.link)
        self._prune(keep=target)

    def _prune(self, keep: Path) -> None:
        """Remove old builds, keeping the one in service and the previous ones."""
        builds = sorted(
            (
                p
                for p in (self.root / BUILDS).iterdir()
                if p.is_dir() and p != keep and not p.name.startswith(PARTIAL)
            ),
            key=lambda p: p.stat().st_mtime,
        )
        for old in builds[: max(0, len(builds) - KEEP_PREVIOUS)]:
            shutil.rmtree(old, ignore_errors=True)
