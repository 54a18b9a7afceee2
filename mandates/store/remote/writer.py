"""Writing to a SPARQL server: Graph Store Protocol uploads in chunks, or SPARQL Update, with
HTTP Digest or Basic authentication."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterable

import pyoxigraph as ox

from mandates.rdfio import rdf_bytes

from .endpoints import STATE, Endpoints, ServerError, _unreachable

CHUNK = 50_000  #: triples per upload request


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
        self.challenge = urllib.request.parse_keqv_list([p for p in parts if p])
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
            data = rdf_bytes(chunk, ox.RdfFormat.N_TRIPLES)
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
            f"GRAPH <{g}> {{\n{rdf_bytes(ts, ox.RdfFormat.N_TRIPLES).decode()}}}"
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
