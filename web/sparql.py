"""The SPARQL 1.1 Protocol endpoint at ``/sparql`` (read-only) and the VoID description.

Queries run in worker processes (:mod:`.sparql_pool`) under a deadline (``QUERY_TIMEOUT``) and
a cap on rows or triples (``ROW_LIMIT``); a capped answer carries ``X-Result-Truncated``. A GET
without a query answers with the Service Description (Turtle, other RDF, or an HTML page).
"""

from __future__ import annotations

import time

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, render_template, request, url_for

from mandates.namespaces import ID, PREFIXES
from mandates.query import syntax_error, update_keyword, uses_service

from . import sparql_description as description
from .result_cache import ResultCache, keeps
from .sparql_formats import (
    GRAPH_NAMES,
    GRAPH_TYPES,
    RESULT_TYPES,
    choose,
    negotiate,
)
from .sparql_pool import PoolBusy, QueryPool, QueryTimeout, WorkerFailed
from .sparql_protocol import Operation, ProtocolError, read_operation
from .sparql_worker import Answer, Job

bp = Blueprint("sparql", __name__)
TRUNCATED = "X-Result-Truncated"
POOL = "mandates.sparql.pool"
CACHE = "mandates.sparql.cache"
CACHE_HEADER = "X-Result-Cache"


@bp.record_once
def _make_pool(state) -> None:
    size = int(state.app.config.get("QUERY_WORKERS", 2))
    # Data IRIs hold slashes, which a prefixed name would have to escape: write them in full.
    written = {p: iri for p, iri in PREFIXES.items() if not iri.startswith(str(ID))}
    state.app.extensions[POOL] = QueryPool(size, (dict(PREFIXES), written))
    megabytes = float(state.app.config.get("RESULT_CACHE_MB", 0))
    state.app.extensions[CACHE] = ResultCache(int(megabytes * 2**20))


@bp.route("/sparql", methods=["GET", "POST"])
def endpoint() -> Response:
    try:
        operation = read_operation(request)
        if operation.query is None:
            return _service_description(operation.formats)
        return _answer(operation)
    except ProtocolError as err:
        return _text(err.message, err.status)


def _answer(operation: Operation) -> Response:
    started = time.monotonic()
    timeout = float(current_app.config["QUERY_TIMEOUT"])
    row_limit = int(current_app.config["ROW_LIMIT"])
    keyword = update_keyword(operation.query)
    if keyword:
        raise ProtocolError(403, f"SPARQL Update ({keyword}) is not accepted on this endpoint")
    if uses_service(operation.query):
        raise ProtocolError(403, "SERVICE is not allowed on this endpoint")
    accept = request.headers.get("Accept", "")
    job = Job(
        store=str(current_app.extensions["mandates.store"].root.location()),
        query=operation.query,
        default_graphs=operation.default_graphs,
        named_graphs=operation.named_graphs,
        result_type=negotiate(accept, operation.formats, graph=False),
        graph_type=negotiate(accept, operation.formats, graph=True),
        row_limit=row_limit,
    )
    cache: ResultCache = current_app.extensions[CACHE]
    answer = cache.get(job)
    if answer is None:
        answer = _run(job, started + timeout, timeout)
        if keeps(job.query):
            cache.put(job, answer)
        hit = "miss"
    else:
        hit = "hit"
    if answer.status == "syntax":
        raise ProtocolError(400, str(syntax_error(answer.message)))
    if answer.status == "unacceptable":
        types = RESULT_TYPES if answer.kind == "results" else GRAPH_TYPES
        raise ProtocolError(406, f"cannot write this result as requested; use {', '.join(types)}")
    if answer.status != "ok":
        raise ProtocolError(500, f"the query failed: {answer.message}")
    response = Response(answer.body, mimetype=answer.media_type)
    response.headers[CACHE_HEADER] = hit
    if answer.truncated:
        response.headers[TRUNCATED] = str(row_limit)
    response.vary.add("Accept")
    return response


def _run(job: Job, deadline: float, timeout: float) -> Answer:
    """The answer of a worker, or the protocol's error when none could give it in time."""
    pool: QueryPool = current_app.extensions[POOL]
    try:
        return pool.run(job, deadline)
    except QueryTimeout:
        raise ProtocolError(
            503, f"query stopped after {timeout:g} s (the limit of this endpoint)"
        ) from None
    except PoolBusy:
        raise ProtocolError(
            503, f"every query worker stayed busy for {timeout:g} s: retry later"
        ) from None
    except WorkerFailed:
        raise ProtocolError(500, "the query worker stopped unexpectedly") from None


def _urls() -> tuple[str, str]:
    """The endpoint's URL and the IRI of the dataset it serves."""
    void = url_for("sparql.void", _external=True)
    return url_for("sparql.endpoint", _external=True), f"{void}#dataset"


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
