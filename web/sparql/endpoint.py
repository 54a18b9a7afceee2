"""The SPARQL 1.1 Protocol query operations at ``/sparql``, as a plain WSGI application.

This is the explorer's hot path: analysts' tools and the pages send many small queries. It
runs in front of the Flask application, without Flask's per-request machinery (contexts,
routing, response objects, hooks), which costs more than answering a small query: measured
under waitress, a Flask route that only parses the form and waits for another process's
immediate answer served 0.62 times as many requests as a route returning a constant, and the
same round trip in plain WSGI 0.97 times (see bench/README.md). What it does not answer, a
GET without a query (the Service Description, rendered by :mod:`.sparql`), goes on to Flask.

Queries run in worker processes (:mod:`.sparql_pool`) under a deadline (``QUERY_TIMEOUT``) and
a cap on rows or triples (``ROW_LIMIT``); a capped answer carries ``X-Result-Truncated``. The
workers also refuse updates and SERVICE, so that the server process does as little per query
as it can. Small answers are kept for repeated queries (:mod:`.result_cache`).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from functools import lru_cache
from http import HTTPStatus

from flask import Flask
from werkzeug.utils import get_content_type

from mandates.errors import StoreError
from mandates.namespaces import ID, PREFIXES
from mandates.query.run import syntax_error
from mandates.web.security import HEADERS
from mandates.web.workers.messages import Answer, Job
from mandates.web.workers.pool import PoolBusy, QueryPool, QueryTimeout, WorkerFailed

from .formats import GRAPH_TYPES, RESULT_TYPES, negotiate
from .protocol import Operation, ProtocolError, read_operation
from .result_cache import ResultCache

LOG = logging.getLogger(__name__)
PATH = "/sparql"
METHODS = ("GET", "HEAD", "POST")
TRUNCATED = "X-Result-Truncated"
CACHE_HEADER = "X-Result-Cache"
_SECURITY = list(HEADERS.items())
_TEXT = "text/plain; charset=utf-8"
WSGIApp = Callable[[dict, Callable], Iterable[bytes]]


class QueryEndpoint:
    """Answers SPARQL queries sent to ``/sparql``; hands every other request to ``next_app``."""

    def __init__(self, app: Flask, next_app: WSGIApp) -> None:
        config = app.config
        self.next_app = next_app
        self.root = app.extensions[
            "mandates.store"
        ].root  # the app is set up: no request context here
        self.timeout = float(config["QUERY_TIMEOUT"])
        self.row_limit = int(config["ROW_LIMIT"])
        self.max_body = int(config["MAX_CONTENT_LENGTH"])
        # Data IRIs hold slashes, which a prefixed name would have to escape: write them in full.
        written = {p: iri for p, iri in PREFIXES.items() if not iri.startswith(str(ID))}
        self.pool = QueryPool(int(config.get("QUERY_WORKERS", 2)), (dict(PREFIXES), written))
        self.cache = ResultCache(int(float(config.get("RESULT_CACHE_MB", 0)) * 2**20))

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        method = environ["REQUEST_METHOD"]
        if environ.get("PATH_INFO") != PATH or method not in METHODS:
            return self.next_app(environ, start_response)
        try:
            operation = read_operation(environ, self.max_body)
            if operation.query is None:
                return self.next_app(environ, start_response)  # the Service Description
            status, headers, body = self._answer(operation, environ.get("HTTP_ACCEPT", ""))
        except ProtocolError as err:
            status, headers, body = err.status, [("Content-Type", _TEXT)], err.message.encode()
            body += b"\n"
        except Exception:  # a fault of ours: logged with its traceback, never shown
            LOG.exception("SPARQL endpoint: %s %s", method, environ.get("QUERY_STRING", "")[:200])
            status, headers, body = 500, [("Content-Type", _TEXT)], b"internal error\n"
        headers += _SECURITY
        headers.append(("Content-Length", str(len(body))))
        start_response(f"{status} {HTTPStatus(status).phrase}", headers)
        return [] if method == "HEAD" else [body]

    def _answer(self, operation: Operation, accept: str) -> tuple[int, list, bytes]:
        started = time.monotonic()
        try:
            store = self.root.location()
        except StoreError as err:
            raise ProtocolError(503, f"no store to query: {err}") from None
        assert operation.query is not None  # a request without a query goes on to Flask
        job = Job(
            store=store,
            query=operation.query,
            default_graphs=operation.default_graphs,
            named_graphs=operation.named_graphs,
            result_type=negotiate(accept, operation.formats, graph=False),
            graph_type=negotiate(accept, operation.formats, graph=True),
            row_limit=self.row_limit,
        )
        answer = self.cache.get(job)
        hit = "hit"
        if answer is None:
            answer, hit = self._run(job, started + self.timeout), "miss"
            self.cache.put(job, answer)
        if answer.status != "ok":
            raise _error(answer)
        content_type = _content_type(answer.media_type)
        headers = [("Content-Type", content_type), ("Vary", "Accept"), (CACHE_HEADER, hit)]
        if answer.truncated:
            headers.append((TRUNCATED, str(self.row_limit)))
        return 200, headers, answer.body

    def _run(self, job: Job, deadline: float) -> Answer:
        """The answer of a worker, or the protocol's error when none could give it in time."""
        try:
            return self.pool.run(job, deadline)
        except QueryTimeout:
            raise ProtocolError(
                503, f"query stopped after {self.timeout:g} s (the limit of this endpoint)"
            ) from None
        except PoolBusy:
            raise ProtocolError(
                503, f"every query worker stayed busy for {self.timeout:g} s: retry later"
            ) from None
        except WorkerFailed:
            raise ProtocolError(500, "the query worker stopped unexpectedly") from None


@lru_cache(maxsize=64)
def _content_type(media_type: str) -> str:
    """The header for a media type (``; charset=utf-8`` on text types, as Flask writes it)."""
    return get_content_type(media_type, "utf-8")


def _error(answer: Answer) -> ProtocolError:
    """The protocol's error for an answer that is not a result."""
    if answer.status == "syntax":
        return ProtocolError(400, str(syntax_error(answer.message)))
    if answer.status == "forbidden":
        return ProtocolError(403, answer.message)
    if answer.status == "unacceptable":
        types = RESULT_TYPES if answer.kind == "results" else GRAPH_TYPES
        return ProtocolError(406, f"cannot write this result as requested; use {', '.join(types)}")
    return ProtocolError(500, f"the query failed: {answer.message}")


def init_app(app: Flask) -> None:
    """Put the endpoint in front of the application (after the store is set up)."""
    endpoint = QueryEndpoint(app, app.wsgi_app)
    app.extensions["mandates.sparql"] = endpoint
    app.wsgi_app = endpoint  # type: ignore[method-assign]
