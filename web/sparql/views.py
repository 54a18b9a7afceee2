"""The SPARQL endpoint's descriptions: the Service Description (a GET of ``/sparql`` without a
query: Turtle, other RDF, or an HTML page) and the VoID description of the dataset.

Queries sent to ``/sparql`` are answered in front of Flask, by :mod:`.sparql_endpoint`.
"""

from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, render_template, request

from mandates.web.sparql import description

from ..urls import external_url
from .endpoint import TRUNCATED
from .formats import GRAPH_NAMES, GRAPH_TYPES, choose

bp = Blueprint("sparql", __name__)


@bp.route("/sparql", methods=["GET", "POST"])
def endpoint() -> Response:
    """Reached only without a query (the endpoint in front answers queries)."""
    return _service_description(tuple(request.args.getlist("format")))


def _urls() -> tuple[str, str]:
    """The endpoint's URL and the IRI of the dataset it serves."""
    void = external_url("sparql.void")
    return external_url("sparql.endpoint"), f"{void}#dataset"


def _service_description(formats: tuple[str, ...]) -> Response:
    types = {**GRAPH_TYPES, "text/html": None}
    media_type = choose(
        request.accept_mimetypes, formats, types, {**GRAPH_NAMES, "html": "text/html"}
    )
    timeout, row_limit = current_app.config["QUERY_TIMEOUT"], current_app.config["ROW_LIMIT"]
    endpoint_url, dataset = _urls()
    if media_type == "text/html":
        page = render_template(
            "sparql/service.html",
            endpoint=endpoint_url,
            counts=description.counts(),
            formats=description.result_formats(),
            timeout=f"{float(timeout):g}",
            row_limit=row_limit,
            alternates=[(t, n) for n, t in GRAPH_NAMES.items() if n in ("turtle", "nt", "jsonld")],
        )
        response = Response(page, mimetype="text/html")
        response.vary.add("Accept")
        return response
    limits = (
        f"Queries stop after {float(timeout):g} s (HTTP 503); results are cut to {row_limit} "
        f"rows or triples (response header {TRUNCATED}). SERVICE, LOAD and updates are refused."
    )
    triples = description.service_description(endpoint_url, dataset, limits)
    return _graph(triples, media_type)


@bp.get("/.well-known/void")
def void() -> Response:
    formats = tuple(request.args.getlist("format"))
    media_type = choose(request.accept_mimetypes, formats, GRAPH_TYPES, GRAPH_NAMES)
    return _graph(description.void_description(*_urls()), media_type)


def _graph(triples: list[ox.Triple], media_type: str | None) -> Response:
    if media_type is None:
        return _text(f"cannot write RDF as requested; use {', '.join(GRAPH_TYPES)}", 406)
    body = ox.serialize(triples, format=GRAPH_TYPES[media_type], prefixes=description.PREFIXES)
    response = Response(body, mimetype=media_type)
    response.vary.add("Accept")
    return response


def _text(message: str, status: int) -> Response:
    return Response(message + "\n", status, mimetype="text/plain")
