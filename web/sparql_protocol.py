"""Reading a SPARQL 1.1 Protocol query operation from an HTTP request.

Three ways to send a query: ``GET ?query=``, a form-encoded POST, and a POST of
``application/sparql-query`` (then the other parameters go in the URL). Anything the protocol
does not allow, or that this read-only endpoint refuses, is a :class:`ProtocolError` carrying
its HTTP status.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox
from flask import Request
from werkzeug.datastructures import MultiDict

#: Longest URL query string accepted on GET; longer queries must be POSTed (HTTP 414).
MAX_QUERY_STRING = 32 * 1024
FORM = "application/x-www-form-urlencoded"
QUERY = "application/sparql-query"
UPDATE = "application/sparql-update"


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


def read_operation(request: Request) -> Operation:
    if request.method == "GET":
        if len(request.query_string) > MAX_QUERY_STRING:
            raise ProtocolError(
                414, f"the URL is longer than {MAX_QUERY_STRING} bytes: POST long queries"
            )
        params: MultiDict = request.args
        query = _one(params, "query")
    elif request.mimetype == FORM:
        params = request.values  # the form, plus any parameters in the URL
        query = _one(params, "query")
        if query is None and "update" not in params:
            raise ProtocolError(400, "missing the 'query' parameter")
    elif request.mimetype == QUERY:
        params = request.args
        charset = request.mimetype_params.get("charset", "utf-8")
        try:
            query = request.get_data().decode(charset)
        except (LookupError, UnicodeDecodeError) as err:
            raise ProtocolError(400, f"the query is not valid {charset} text: {err}") from None
    elif request.mimetype == UPDATE:
        raise ProtocolError(403, "SPARQL Update is not accepted on this endpoint")
    else:
        raise ProtocolError(
            415, f"unsupported content type {request.mimetype!r}: send {FORM} or {QUERY}"
        )
    if "update" in params:
        raise ProtocolError(403, "SPARQL Update is not accepted on this endpoint")
    default = _iris(params, "default-graph-uri")
    named = _iris(params, "named-graph-uri")
    dataset = (default, named) if default or named else (None, None)
    return Operation(query, *dataset, formats=tuple(params.getlist("format")))


def _one(params: MultiDict, name: str) -> str | None:
    values = params.getlist(name)
    if len(values) > 1:
        raise ProtocolError(400, f"the '{name}' parameter is given {len(values)} times")
    return values[0] if values else None


def _iris(params: MultiDict, name: str) -> tuple[str, ...]:
    iris = tuple(params.getlist(name))
    for iri in iris:
        try:
            ox.NamedNode(iri)
        except ValueError as err:
            raise ProtocolError(400, f"{name} {iri!r} is not an absolute IRI: {err}") from None
    return iris
