"""Reading a SPARQL 1.1 Protocol query operation from a WSGI request.

Three ways to send a query: ``GET ?query=``, a form-encoded POST, and a POST of
``application/sparql-query`` (then the other parameters go in the URL). Anything the protocol
does not allow, or that this read-only endpoint refuses, is a :class:`ProtocolError` carrying
its HTTP status. It reads the WSGI environment itself (no request object): this runs on every
query, and the endpoint answers many small ones (see :mod:`.sparql_endpoint`).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl

import pyoxigraph as ox
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.http import parse_options_header
from werkzeug.wsgi import get_input_stream

#: Longest URL query string accepted on GET; longer queries must be POSTed (HTTP 414).
MAX_QUERY_STRING = 32 * 1024
FORM = "application/x-www-form-urlencoded"
QUERY = "application/sparql-query"
UPDATE = "application/sparql-update"
Params = list[tuple[str, str]]


class ProtocolError(Exception):
    """A request this endpoint answers with an error status and a plain-text message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


@dataclass(frozen=True)
class Operation:
    query: str | None  #: None: no query was sent (GET: the service description)
    default_graphs: tuple[str, ...] | None  #: None: the endpoint's default dataset
    named_graphs: tuple[str, ...] | None
    formats: tuple[str, ...]  #: ``format`` parameter values, in order


def read_operation(environ: dict, max_body: int) -> Operation:
    """The operation of a GET, HEAD or POST request; bodies longer than ``max_body`` bytes are
    refused (HTTP 413)."""
    method = environ["REQUEST_METHOD"]
    url = environ.get("QUERY_STRING", "")
    if method != "POST":
        if len(url) > MAX_QUERY_STRING:
            raise ProtocolError(
                414, f"the URL is longer than {MAX_QUERY_STRING} bytes: POST long queries"
            )
        params = _pairs(url.encode("latin-1", "replace"))
        query = _one(params, "query")
    else:
        mimetype, options = parse_options_header(environ.get("CONTENT_TYPE", ""))
        mimetype = mimetype.lower()
        if mimetype == FORM:
            params = _pairs(url.encode("latin-1", "replace"))
            params += _pairs(_body(environ, max_body))
            query = _one(params, "query")
            if query is None and not _has(params, "update"):
                raise ProtocolError(400, "missing the 'query' parameter")
        elif mimetype == QUERY:
            params = _pairs(url.encode("latin-1", "replace"))
            charset = options.get("charset", "utf-8")
            try:
                query = _body(environ, max_body).decode(charset)
            except (LookupError, UnicodeDecodeError) as err:
                raise ProtocolError(400, f"the query is not valid {charset} text: {err}") from None
        elif mimetype == UPDATE:
            raise ProtocolError(403, "SPARQL Update is not accepted on this endpoint")
        else:
            raise ProtocolError(
                415, f"unsupported content type {mimetype!r}: send {FORM} or {QUERY}"
            )
    if _has(params, "update"):
        raise ProtocolError(403, "SPARQL Update is not accepted on this endpoint")
    default = _iris(params, "default-graph-uri")
    named = _iris(params, "named-graph-uri")
    dataset = (default, named) if default or named else (None, None)
    return Operation(query, dataset[0], dataset[1], formats=_all(params, "format"))


def _body(environ: dict, max_body: int) -> bytes:
    try:
        data = get_input_stream(environ, max_content_length=max_body).read()
    except RequestEntityTooLarge:
        data = None
    if data is None or len(data) > max_body:
        raise ProtocolError(413, f"the request body is longer than {max_body} bytes")
    return data


def _pairs(encoded: bytes) -> Params:
    """The ``name=value`` pairs of a URL query string or form body (percent-encoded UTF-8;
    bytes that are not UTF-8 are read as U+FFFD, as browsers and Werkzeug do).

    >>> _pairs(b"query=ASK%20%7B%7D&format=&format=csv&x=%FF")
    [('query', 'ASK {}'), ('format', ''), ('format', 'csv'), ('x', '\ufffd')]
    """
    return parse_qsl(encoded.decode(errors="replace"), keep_blank_values=True, errors="replace")


def _all(params: Params, name: str) -> tuple[str, ...]:
    return tuple(value for key, value in params if key == name)


def _has(params: Params, name: str) -> bool:
    return any(key == name for key, _ in params)


def _one(params: Params, name: str) -> str | None:
    values = _all(params, name)
    if len(values) > 1:
        raise ProtocolError(400, f"the '{name}' parameter is given {len(values)} times")
    return values[0] if values else None


def _iris(params: Params, name: str) -> tuple[str, ...]:
    iris = _all(params, name)
    for iri in iris:
        try:
            ox.NamedNode(iri)
        except ValueError as err:
            raise ProtocolError(400, f"{name} {iri!r} is not an absolute IRI: {err}") from None
    return iris
