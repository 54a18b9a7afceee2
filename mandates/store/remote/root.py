"""A SPARQL 1.1 server as the store: the same interface as the embedded one, over HTTP.

Reading goes through the SPARQL 1.1 Protocol (SPARQLWrapper); writing through the Graph Store
Protocol when the server has it (``MANDATES_STORE_GRAPH_URL``), else SPARQL Update. The data
on the server has the layout of the embedded store: one named graph per source, the ontology,
the curated files, the log, plus two graphs of the backend's own:

- ``…/graph/merged`` holds what the embedded store keeps in its default graph (the set-merge
  of the named graphs). Every query is sent with it as ``default-graph-uri`` and the named
  graphs of the store as ``named-graph-uri``, so a query sees exactly what it sees on the
  embedded store (a server's own default graph is often the union of all its graphs, where a
  triple stated in five graphs comes back five times).
- ``…/graph/store`` records the version in service and the named graphs it holds.

A build or a load is prepared in a local in-memory store (a load starts from a copy of the
data in service), validated there with the same engine as the embedded store, and only then
sent: the graphs that changed are uploaded under staging names, then one SPARQL Update moves
them in place and records the new version. A failure before that last request drops the staged
graphs and leaves the server as it was. (On a server with no version in service yet, the first
build writes the graphs in place: there is no reader to protect, and nothing is recorded as in
service until the end.)
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import pyoxigraph as ox

from mandates.errors import StoreError
from mandates.query.run import select
from mandates.store.embedded import new_version_name, writer_lock

from .endpoints import MERGED, STATE, Endpoints, ServerError
from .reader import RemoteStore
from .writer import Writer

VERSION = "http://www.w3.org/2002/07/owl#versionInfo"
MEMBER = "http://www.w3.org/ns/prov#hadMember"
VERSION_TTL = 1.0  #: seconds a read of the version in service is reused


class RemoteRoot:
    """A SPARQL server in the place of a store root folder (see the module docstring)."""

    def __init__(self, url: str, endpoints: Endpoints | None = None) -> None:
        self.root = url
        self.endpoints = endpoints or Endpoints.from_settings(url)
        self._state: tuple[float, str | None, tuple[str, ...]] = (0.0, None, ())
        self._local: tuple[str | None, ox.Store | None] = (None, None)

    # -- what is in service --------------------------------------------------------------------

    def _read_state(self, fresh: bool = False) -> tuple[str | None, tuple[str, ...]]:
        read_at, version, graphs = self._state
        if fresh or time.monotonic() - read_at > VERSION_TTL:
            reader = RemoteStore(self.endpoints, ())
            text = (
                f"SELECT ?v ?g WHERE {{ GRAPH <{STATE}> {{ <{STATE}> <{VERSION}> ?v "
                f"OPTIONAL {{ <{STATE}> <{MEMBER}> ?g }} }} }}"
            )
            rows = list(select(reader, text, named_graphs=[ox.NamedNode(STATE)]))
            version = rows[0]["v"].value if rows else None
            graphs = tuple(sorted({r["g"].value for r in rows if r["g"] is not None}))
            self._state = (time.monotonic(), version, graphs)
        return version, graphs

    def exists(self) -> bool:
        return self._read_state()[0] is not None

    def version(self) -> str:
        version = self._read_state()[0]
        if version is None:
            raise StoreError(
                "no graph has been built on this server yet: run `mandates build` first",
                self.root,
            )
        return version

    def current(self) -> str:
        """Where the store in service is: the server and the version it serves."""
        return f"{self.root} (version {self.version()})"

    def location(self) -> str:
        """What a query worker opens to read the store in service: the server and version."""
        return f"{self.root}#version={self.version()}"

    def open_read_only(self) -> RemoteStore:
        self.version()
        return RemoteStore(self.endpoints, self._read_state()[1])

    def open_local(self) -> ox.Store:
        """An in-memory copy of the store in service, for checks that must run on the same
        engine as the embedded store's (validation); kept while the version does not change."""
        version = self.version()
        cached_version, copy = self._local
        if copy is None or cached_version != version:
            copy = ox.Store()
            copy.bulk_extend(self.open_read_only())
            self._local = (version, copy)
        return copy

    # -- writing -------------------------------------------------------------------------------

    @contextmanager
    def new_version(self, copy_current: bool = False) -> Iterator[ox.Store]:
        """A local store to write the new version in; sent to the server when the block ends
        without error (only the graphs that changed), else dropped."""
        with writer_lock(self._lock_file()):
            version, served = self._read_state(fresh=True)
            staging = ox.Store()
            before: dict[str, str] = {}
            if copy_current and version is not None:
                # the same copy that checks read (open_local): downloaded once per version
                staging.bulk_extend(self.open_local())
                before = _digests(staging)
            yield staging
            self._publish(staging, before, served if version is not None else None)

    def _lock_file(self) -> str:
        digest = hashlib.sha1(self.root.encode()).hexdigest()[:16]
        return os.path.join(tempfile.gettempdir(), f"mandates-{digest}.write-lock")

    def _publish(
        self, staging: ox.Store, before: dict[str, str], served: tuple[str, ...] | None
    ) -> None:
        """Send the graphs that differ from ``before``; drop the served graphs that are gone.

        With a version in service (``served``), uploads go to staging graphs first, moved in
        place by the last request; on a server with none, straight to their names.
        """
        after = _digests(staging)
        version = new_version_name()
        changed = [g for g in after if before.get(g) != after[g]]
        removed = [g for g in served or () if g not in after]
        if served is not None and "" not in after:
            removed.append(MERGED)
        direct = served is None
        target = {
            g: _server_graph(g) if direct else f"{STATE}/staging/{version}/{i}"
            for i, g in enumerate(changed)
        }
        writer = Writer(self.endpoints)
        try:
            writer.upload_all((name, _graph_triples(staging, g)) for g, name in target.items())
            moves = [
                f"MOVE SILENT GRAPH <{name}> TO GRAPH <{_server_graph(g)}>"
                for g, name in target.items()
                if not direct
            ]
            drops = [f"DROP SILENT GRAPH <{g}>" for g in removed]
            writer.update(" ;\n".join([*moves, *drops, _record(version, after)]))
        except BaseException:
            for name in target.values() if not direct else ():
                try:
                    writer.update(f"DROP SILENT GRAPH <{name}>")
                except ServerError:
                    pass
            raise
        self._state = (0.0, None, ())


def _record(version: str, graphs: Iterable[str]) -> str:
    """The update that records the version in service and its named graphs."""
    state = f"<{STATE}>"
    facts = [f'{state} <{VERSION}> "{version}" .']
    facts += [f"{state} <{MEMBER}> <{g}> ." for g in sorted(graphs) if g]
    return f"DROP SILENT GRAPH {state} ;\nINSERT DATA {{ GRAPH {state} {{ {' '.join(facts)} }} }}"


def _server_graph(graph: str) -> str:
    """The server's name for a graph of the local store ("" is the default graph)."""
    return graph or MERGED


def _graph_node(graph: str) -> ox.NamedNode | ox.DefaultGraph:
    return ox.NamedNode(graph) if graph else ox.DefaultGraph()


def _graph_triples(store: ox.Store, graph: str) -> list[ox.Triple]:
    return [q.triple for q in store.quads_for_pattern(None, None, None, _graph_node(graph))]


def _digests(store: ox.Store) -> dict[str, str]:
    """A digest of each graph's content ("" for the default graph), to send only what changed."""
    lines: dict[str, list[str]] = {}
    for quad in store:
        name = "" if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name.value
        lines.setdefault(name, []).append(str(quad.triple))
    return {
        g: hashlib.sha256("\n".join(sorted(ls)).encode()).hexdigest() for g, ls in lines.items()
    }
