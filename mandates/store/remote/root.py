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
import re
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import pyoxigraph as ox
from SPARQLWrapper import JSON, POST, TURTLE, URLENCODED, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, SPARQLWrapperException

from mandates import iris
from mandates.errors import StoreError
from mandates.query.saved import SavedQueryError, query_form
from mandates.query.text import code_only
from mandates.store.embedded import new_version_name, writer_lock

MERGED = iris.graph("merged", "")
STATE = iris.graph("store", "")
VERSION = "http://www.w3.org/2002/07/owl#versionInfo"
MEMBER = "http://www.w3.org/ns/prov#hadMember"
#: Beyond this many named graphs, queries are not sent the list (too long a request): GRAPH ?g
#: then also sees the backend's own two graphs.
MAX_LISTED_GRAPHS = 2000
CHUNK = 50_000  #: triples per upload request
VERSION_TTL = 1.0  #: seconds a read of the version in service is reused
#: Virtuoso names blank nodes "nodeID://b123" in JSON results: not a blank node label.
_VIRTUOSO_BNODE = re.compile(rb'("type": ?"bnode", ?"value": ?")nodeID://')
_FROM = re.compile(r"\bFROM\b", re.IGNORECASE)


def is_url(location: str) -> bool:
    return location.startswith(("http://", "https://"))


@dataclass(frozen=True)
class Endpoints:
    """Where the server answers, and the account that writes (from the environment)."""

    query: str
    update: str
    graphs: str | None = None
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    timeout: float = 600.0

    @classmethod
    def from_environment(cls, url: str) -> Endpoints:
        env = os.environ.get
        return cls(
            query=url,
            update=env("MANDATES_STORE_UPDATE_URL") or url,
            graphs=env("MANDATES_STORE_GRAPH_URL") or None,
            user=env("MANDATES_STORE_USER") or None,
            password=env("MANDATES_STORE_PASSWORD") or None,
        )


def _form(text: str) -> str:
    """The query form, read past comments and strings (SPARQLWrapper's own guess reads
    comments: "… to load elsewhere" made it a LOAD, sent as an update)."""
    try:
        return query_form(text)
    except SavedQueryError:
        return "SELECT"  # the server will say what is wrong with it


def _uses_dataset_clause(text: str) -> bool:
    """Whether the query names its own dataset (FROM / FROM NAMED outside strings and IRIs)."""
    return bool(_FROM.search(code_only(text)))


class ServerError(StoreError, ConnectionError):
    """The server did not answer, or refused: a store error that is also a connection error
    (query workers answer it as an error of the endpoint, the command line prints it)."""


def _unreachable(url: str, err: Exception) -> ServerError:
    return ServerError(f"the SPARQL server did not answer: {err}", url)


class RemoteStore:
    """Read access to the data in service on a SPARQL server, shaped like ``pyoxigraph.Store``:
    ``query``, ``quads_for_pattern``, ``contains_named_graph`` and iteration over all quads."""

    def __init__(self, endpoints: Endpoints, graphs: tuple[str, ...]) -> None:
        self.endpoints = endpoints
        self.graphs = graphs

    # -- queries -------------------------------------------------------------------------------

    def query(
        self,
        query: str,
        *,
        prefixes: dict[str, str] | None = None,
        base_iri: str | None = None,
        default_graph: Iterable[ox.NamedNode | ox.DefaultGraph] | None = None,
        named_graphs: Iterable[ox.NamedNode] | None = None,
        use_default_graph_as_union: bool = False,
    ) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        """Run a query on the server; the answer is parsed into pyoxigraph's result types."""
        if use_default_graph_as_union:
            raise ValueError("the default graph is the merge of the named graphs already")
        prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in (prefixes or {}).items())
        if base_iri:
            prologue = f"BASE <{base_iri}>\n" + prologue
        text = prologue + query
        wrapper = self._wrapper(text)
        if default_graph is not None or named_graphs is not None:
            for g in default_graph or ():
                wrapper.addDefaultGraph(MERGED if isinstance(g, ox.DefaultGraph) else g.value)
            for g in named_graphs or ():
                wrapper.addNamedGraph(g.value)
        elif not _uses_dataset_clause(query):
            self._dataset(wrapper)
        graph_form = wrapper.queryType in ("CONSTRUCT", "DESCRIBE")
        wrapper.setReturnFormat(TURTLE if graph_form else JSON)
        body = self._send(wrapper)
        if graph_form:
            return _as_query_triples(ox.parse(body, format=ox.RdfFormat.TURTLE))
        body = _VIRTUOSO_BNODE.sub(rb"\1", body)
        return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)

    def _wrapper(self, text: str) -> SPARQLWrapper:
        wrapper = SPARQLWrapper(self.endpoints.query)
        wrapper.setMethod(POST)
        wrapper.setRequestMethod(URLENCODED)
        wrapper.setTimeout(int(self.endpoints.timeout))
        wrapper.setQuery(text)
        wrapper.queryType = _form(text)  # a query, never sent as an update
        return wrapper

    def _dataset(self, wrapper: SPARQLWrapper) -> None:
        """The dataset of the embedded store: the merge as default graph, the named graphs."""
        wrapper.addDefaultGraph(MERGED)
        if len(self.graphs) <= MAX_LISTED_GRAPHS:
            for g in self.graphs:
                wrapper.addNamedGraph(g)

    def _send(self, wrapper: SPARQLWrapper) -> bytes:
        try:
            return wrapper.query().response.read()
        except QueryBadFormed as err:
            raise SyntaxError(_server_message(err)) from None
        except SPARQLWrapperException as err:
            raise ServerError(
                f"the SPARQL server refused the query: {err.msg}", self.endpoints.query
            ) from None
        except (urllib.error.URLError, OSError) as err:
            raise _unreachable(self.endpoints.query, err) from None

    # -- patterns ------------------------------------------------------------------------------

    def quads_for_pattern(
        self,
        subject: ox.NamedNode | ox.BlankNode | None,
        predicate: ox.NamedNode | None,
        object: ox.NamedNode | ox.BlankNode | ox.Literal | None,
        graph_name: ox.NamedNode | ox.DefaultGraph | None = None,
    ) -> Iterator[ox.Quad]:
        """Quads matching a pattern, as pyoxigraph gives them (None: any graph, default too)."""
        terms = [subject, predicate, object]
        if any(isinstance(t, ox.BlankNode) for t in terms):
            return iter(())  # blank node labels do not survive a round trip to the server
        pattern = " ".join(
            str(t) if t is not None else f"?{v}" for t, v in zip(terms, "spo", strict=True)
        )
        if isinstance(graph_name, ox.DefaultGraph):
            where = f"{{ {pattern} }}"
        elif isinstance(graph_name, ox.NamedNode):
            where = f"{{ GRAPH {graph_name} {{ {pattern} }} }}"
        else:
            where = f"{{ {{ {pattern} }} UNION {{ GRAPH ?g {{ {pattern} }} }} }}"
        rows = self.query(f"SELECT * WHERE {where}")
        return (_quad(row, terms, graph_name) for row in rows)

    def contains_named_graph(self, graph_name: ox.NamedNode) -> bool:
        return graph_name.value in self.graphs

    def named_graphs(self) -> Iterator[ox.NamedNode]:
        return (ox.NamedNode(g) for g in self.graphs)

    def __iter__(self) -> Iterator[ox.Quad]:
        return self.quads_for_pattern(None, None, None, None)

    def __len__(self) -> int:
        rows = self.query(
            "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
        )
        return int(next(iter(rows))[0].value)


def _server_message(err: SPARQLWrapperException) -> str:
    text = str(err)
    return text.split("Response:", 1)[-1].strip() or text


def _quad(row: ox.QuerySolution, terms: list, graph_name: object) -> ox.Quad:
    s, p, o = (t if t is not None else row[v] for t, v in zip(terms, "spo", strict=True))
    if isinstance(graph_name, ox.NamedNode):
        graph = graph_name
    elif isinstance(graph_name, ox.DefaultGraph):
        graph = ox.DefaultGraph()
    else:
        graph = row["g"] if row["g"] is not None else ox.DefaultGraph()
    return ox.Quad(s, p, o, graph)


def _as_query_triples(triples: Iterable[ox.Triple]) -> ox.QueryTriples:
    """Triples parsed from a server's answer, as the result of a CONSTRUCT on the embedded store."""
    scratch = ox.Store()
    scratch.extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
    return scratch.query("CONSTRUCT WHERE { ?s ?p ?o }")


class RemoteRoot:
    """A SPARQL server in the place of a store root folder (see the module docstring)."""

    def __init__(self, url: str, endpoints: Endpoints | None = None) -> None:
        self.root = url
        self.endpoints = endpoints or Endpoints.from_environment(url)
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
            rows = list(reader.query(text, named_graphs=[ox.NamedNode(STATE)]))
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


def _blank_nodes(triple: ox.Triple) -> list[ox.BlankNode]:
    """The blank nodes of a triple, those of quoted triples included."""
    found = []
    for term in (triple.subject, triple.object):
        if isinstance(term, ox.BlankNode):
            found.append(term)
        elif isinstance(term, ox.Triple):
            found += _blank_nodes(term)
    return found


def _has_blank_nodes(triples: list[ox.Triple]) -> bool:
    """Whether blank nodes are among the triples: some servers refuse them in INSERT DATA
    (Virtuoso), so such graphs go by the Graph Store Protocol."""
    return any(_blank_nodes(t) for t in triples)


def _chunks(triples: list[ox.Triple], size: int) -> list[list[ox.Triple]]:
    """The triples in requests of about ``size``, every triple of a blank node in the same
    request as the others: a blank node's label names one node within one request only.
    Blank nodes linked by a triple stay together too; a group larger than ``size`` goes alone.

    >>> a, b, c = ox.BlankNode("a"), ox.BlankNode("b"), ox.BlankNode("c")
    >>> p, x = ox.NamedNode("http://x/p"), ox.NamedNode("http://x/x")
    >>> ts = [ox.Triple(a, p, x), ox.Triple(x, p, b), ox.Triple(c, p, x), ox.Triple(a, p, b)]
    >>> [[str(t.subject)[:2] + str(t.object)[:2] for t in chunk] for chunk in _chunks(ts, 2)]
    [['_:<h', '<h_:', '_:_:'], ['_:<h']]
    """
    parent: dict[str, str] = {}

    def root(label: str) -> str:
        while parent.setdefault(label, label) != label:
            parent[label] = parent[parent[label]]
            label = parent[label]
        return label

    for triple in triples:
        labels = [root(node.value) for node in _blank_nodes(triple)]
        for label in labels[1:]:
            parent[root(label)] = root(labels[0])
    groups: dict[object, list[ox.Triple]] = {}
    for index, triple in enumerate(triples):
        nodes = _blank_nodes(triple)
        groups.setdefault(root(nodes[0].value) if nodes else index, []).append(triple)
    chunks: list[list[ox.Triple]] = [[]]
    for group in groups.values():
        if chunks[-1] and len(chunks[-1]) + len(group) > size:
            chunks.append([])
        chunks[-1].extend(group)
    return chunks


class _Digest(urllib.request.HTTPDigestAuthHandler):
    """Digest authentication that answers the server's last challenge before it is asked
    again: a large upload is then sent once, not refused half-way (the server closes the
    connection on its 401 while the body is still being sent)."""

    challenge: dict[str, str] | None = None

    def retry_http_digest_auth(self, req: urllib.request.Request, auth: str):  # noqa: ANN201
        _scheme, text = auth.split(" ", 1)
        parts = urllib.request.parse_http_list(text)
        self.challenge = urllib.request.parse_keqv_list(filter(None, parts))
        return super().retry_http_digest_auth(req, auth)

    def http_request(self, req: urllib.request.Request) -> urllib.request.Request:
        if self.challenge is not None and not req.has_header("Authorization"):
            answer = self.get_authorization(req, self.challenge)
            if answer:
                req.add_unredirected_header("Authorization", f"Digest {answer}")
        return req

    https_request = http_request


class Writer:
    """Authenticated writes: Graph Store Protocol uploads, or SPARQL Update."""

    def __init__(self, endpoints: Endpoints) -> None:
        self.endpoints = endpoints
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        if endpoints.user and endpoints.password:
            for url in (endpoints.update, endpoints.graphs):
                if url:
                    passwords.add_password(None, url, endpoints.user, endpoints.password)
        self.opener = urllib.request.build_opener(
            _Digest(passwords), urllib.request.HTTPBasicAuthHandler(passwords)
        )
        self.primed = False

    def upload(self, graph: str, triples: list[ox.Triple]) -> None:
        """Replace the content of ``graph`` with ``triples``, in requests of about CHUNK
        triples (see :func:`_chunks`)."""
        for i, chunk in enumerate(_chunks(triples, CHUNK)):
            data = ox.serialize(chunk, format=ox.RdfFormat.N_TRIPLES)
            if self.endpoints.graphs:
                self._graph_store("PUT" if i == 0 else "POST", graph, data)
            else:
                head = f"DROP SILENT GRAPH <{graph}> ;\n" if i == 0 else ""
                self.update(f"{head}INSERT DATA {{ GRAPH <{graph}> {{\n{data.decode()}\n}} }}")

    def upload_all(self, graphs: Iterable[tuple[str, list[ox.Triple]]]) -> None:
        """Replace the content of each graph: large ones one by one (:meth:`upload`), small
        ones together, as many as fit in CHUNK triples, one SPARQL Update a batch (a source
        document's graph holds a few dozen triples; one request each would cost more than
        the data)."""
        batch: list[tuple[str, list[ox.Triple]]] = []
        size = 0
        for graph, triples in graphs:
            if len(triples) > CHUNK // 4 or _has_blank_nodes(triples):
                self.upload(graph, triples)
                continue
            batch.append((graph, triples))
            size += len(triples)
            if size >= CHUNK:
                self._insert_batch(batch)
                batch, size = [], 0
        if batch:
            self._insert_batch(batch)

    def _insert_batch(self, batch: list[tuple[str, list[ox.Triple]]]) -> None:
        drops = "".join(f"DROP SILENT GRAPH <{g}> ;\n" for g, _ in batch)
        blocks = "\n".join(
            f"GRAPH <{g}> {{\n{ox.serialize(ts, format=ox.RdfFormat.N_TRIPLES).decode()}}}"
            for g, ts in batch
            if ts
        )
        self.update(f"{drops}INSERT DATA {{\n{blocks}\n}}" if blocks else drops.rstrip(" ;\n"))

    def _graph_store(self, method: str, graph: str, data: bytes) -> None:
        url = f"{self.endpoints.graphs}?{urllib.parse.urlencode({'graph': graph})}"
        request = urllib.request.Request(
            url, data=data, method=method, headers={"Content-Type": "application/n-triples"}
        )
        self._send(request, self.endpoints.graphs or "")

    def update(self, text: str) -> None:
        data = urllib.parse.urlencode({"update": text}).encode()
        request = urllib.request.Request(
            self.endpoints.update,
            data=data,
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        self._send(request, self.endpoints.update)

    def _send(self, request: urllib.request.Request, url: str) -> None:
        if not self.primed:  # a small first request learns the server's challenge
            self.primed = True
            self.update(f"DROP SILENT GRAPH <{STATE}/staging/none>")
        try:
            with self.opener.open(request, timeout=self.endpoints.timeout) as response:
                response.read()
        except urllib.error.HTTPError as err:
            detail = err.read().decode("utf-8", "replace").strip()[:500]
            message = f"the server refused the change ({err.code} {err.reason}): {detail}"
            raise ServerError(message, url) from None
        except (urllib.error.URLError, OSError) as err:
            raise _unreachable(url, err) from None


__all__ = ["MERGED", "STATE", "Endpoints", "RemoteRoot", "RemoteStore", "is_url"]
