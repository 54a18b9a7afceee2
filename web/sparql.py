"""The SPARQL 1.1 Protocol endpoint at ``/sparql`` (query operation only, read-only)."""

from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, Response, abort, request

from mandates.errors import QueryError
from mandates.query import run, uses_service

from .store import get_store

bp = Blueprint("sparql", __name__)

RESULT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    "application/json": ox.QueryResultsFormat.JSON,
}
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/trig": ox.RdfFormat.TRIG,
}


def _query_text() -> str | None:
    if request.method == "GET":
        return request.args.get("query")
    if request.mimetype == "application/sparql-query":
        return request.get_data(as_text=True)
    if request.mimetype == "application/x-www-form-urlencoded":
        if "update" in request.form:
            abort(Response("SPARQL Update is not accepted on this endpoint\n", 403))
        return request.form.get("query")
    abort(Response(f"unsupported content type {request.mimetype}\n", 415))


@bp.route("/sparql", methods=["GET", "POST"])
def endpoint() -> Response:
    text = _query_text()
    if not text:
        return Response("missing the 'query' parameter\n", 400, mimetype="text/plain")
    if uses_service(text):
        return Response("SERVICE is not allowed on this endpoint\n", 403, mimetype="text/plain")
    try:
        results = run(get_store(), text)
    except QueryError as err:
        return Response(f"{err}\n", 400, mimetype="text/plain")
    if isinstance(results, ox.QueryTriples):
        mime = request.accept_mimetypes.best_match(GRAPH_TYPES, default=None)
        if mime is None:
            return Response("cannot serve a graph in the requested type\n", 406)
        return Response(results.serialize(format=GRAPH_TYPES[mime]), mimetype=mime)
    mime = request.accept_mimetypes.best_match(RESULT_TYPES, default=None)
    if mime is None:
        return Response("cannot serve results in the requested type\n", 406)
    return Response(results.serialize(format=RESULT_TYPES[mime]), mimetype=mime)
