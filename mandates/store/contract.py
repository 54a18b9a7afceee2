"""The store contract: what readers and writers may rely on, whichever backend holds the graph.

Two backends meet it: the embedded store (:class:`.embedded.StoreRoot`, whose stores are
``pyoxigraph.Store`` objects) and a SPARQL 1.1 server (:class:`.remote.RemoteRoot`, whose
reader :class:`.remote.RemoteStore` answers the same calls over HTTP). Writers always get a
``pyoxigraph.Store`` to fill: the embedded backend a new folder, the remote one a local
in-memory store that it sends to the server when the block ends. Validation always runs on a
``pyoxigraph.Store`` (:meth:`Root.open_local`), so its results never depend on a server's
SPARQL dialect.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

GraphName = ox.NamedNode | ox.BlankNode | ox.DefaultGraph
QueryResult = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples


class ReadableStore(Protocol):
    """What readers call: SPARQL queries and pattern lookups over a store version."""

    def query(
        self,
        query: str,
        *,
        base_iri: str | None = None,
        prefixes: dict[str, str] | None = None,
        use_default_graph_as_union: bool = False,
        default_graph: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] | None = None,
        named_graphs: list[ox.NamedNode | ox.BlankNode] | None = None,
    ) -> QueryResult: ...

    def quads_for_pattern(
        self,
        subject: ox.NamedNode | ox.BlankNode | None,
        predicate: ox.NamedNode | None,
        object: ox.NamedNode | ox.BlankNode | ox.Literal | None,
        graph_name: ox.NamedNode | ox.DefaultGraph | None = None,
    ) -> Iterator[ox.Quad]: ...

    def named_graphs(self) -> Iterator[ox.NamedNode | ox.BlankNode]: ...

    def contains_named_graph(self, graph_name: ox.NamedNode) -> bool: ...

    def __iter__(self) -> Iterator[ox.Quad]: ...

    def __len__(self) -> int: ...


class Root(Protocol):
    """Where the versions of a store live, and which one is in service."""

    @property
    def root(self) -> Path | str:
        """The folder or the server's URL, as given."""
        ...

    def exists(self) -> bool:
        """Whether a version has been built and is in service."""
        ...

    def current(self) -> Path | str:
        """Where the version in service is (raises :class:`~mandates.errors.StoreError`)."""
        ...

    def version(self) -> str:
        """The name of the version in service: changes whenever a new one is swapped in."""
        ...

    def location(self) -> str:
        """What a worker process opens to read the version in service
        (:func:`.backends.open_location`)."""
        ...

    def open_read_only(self) -> ReadableStore:
        """The version in service, for reading; writers may work beside it."""
        ...

    def open_local(self) -> ox.Store:
        """The version in service as a ``pyoxigraph.Store`` (validation runs on it)."""
        ...

    def new_version(self, copy_current: bool = False) -> AbstractContextManager[ox.Store]:
        """A store to write a new version in, put in service when the block ends without
        error and dropped otherwise; one writer at a time."""
        ...
