"""The explorer: a Flask application made by :func:`create_app`, one blueprint per area.

Everything the application is made of is put together here, in this order: its configuration
(defaults from :class:`mandates.config.Settings`, then the caller's), the services every request
may use, what every response and template gets, one blueprint per area, and the SPARQL endpoint
that answers queries before Flask sees them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from mandates.config import Settings


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Make the explorer over the store named by ``config["STORE"]`` (a folder or a URL)."""
    from . import (
        editor,
        graph,
        graph_api,
        home,
        loads,
        queries,
        reader,
        resources,
        search,
        security,
        store,
        templating,
        validate,
    )
    from .pending_reports import ReportCache
    from .permissions import Attempts
    from .sparql import endpoint as sparql_endpoint
    from .sparql import views as sparql_views
    from .workers.admission import check_threads
    from .workers.service import Workers

    settings = Settings()
    app = Flask(__name__)
    app.config.from_mapping(
        STORE=str(settings.store),
        BASE_URL=settings.base_url,  # where the explorer is, for the URLs it writes out
        # Work a visitor sends runs in worker processes, one pool per kind, each kind bounded:
        # workers, requests waiting for one, the share of one client, seconds a piece may run.
        QUERY_WORKERS=2,
        QUERY_QUEUE=6,
        QUERY_PER_CLIENT=3,
        QUERY_TIMEOUT=settings.timeout,
        VALIDATE_WORKERS=1,
        VALIDATE_QUEUE=2,
        VALIDATE_PER_CLIENT=1,
        VALIDATE_TIMEOUT=120.0,
        PAGES_WORKERS=1,
        PAGES_QUEUE=3,
        PAGES_PER_CLIENT=2,
        PAGES_TIMEOUT=30.0,
        WORKER_MEMORY_MB=settings.worker_memory,  # address space of each worker process
        THREADS=None,  # the server's threads, when it says (serve does): checked below
        ROW_LIMIT=settings.row_limit,  # rows (or triples) a query may return
        ANSWER_LIMIT_MB=settings.answer_limit,  # bytes a query's answer may have
        RESULT_CACHE_MB=settings.result_cache,  # small answers kept per store version
        WRITE_TOKEN=settings.write_token,  # unset: the web cannot load or undo
        MAX_UPLOAD=settings.max_upload,  # bytes a submission to /validate may have
        MAX_CONTENT_LENGTH=1024 * 1024,  # bytes any other request body may have
        SEARCH_MAX_CHARS=200,  # a search text longer than this is refused
    )
    if config:
        app.config.from_mapping(config)
    app.debug = False  # never, whatever FLASK_DEBUG or the config say: no debugger, no tracebacks

    # What requests use: the store in service (and values kept per version), the workers that
    # run what visitors send, pending validation reports.
    store.init_app(app)
    workers = Workers(app.config, app.config["STORE"])
    if app.config["THREADS"] is not None:
        check_threads(int(app.config["THREADS"]), workers.admissions())
    app.extensions["mandates.workers"] = workers
    app.extensions["mandates.reports"] = ReportCache()
    app.extensions["mandates.attempts"] = Attempts()  # wrong write tokens, per client
    # What every response and every template gets.
    security.init_app(app)
    templating.init_app(app)
    # One blueprint per area.
    for module in (
        home,
        sparql_views,
        editor,
        queries,
        resources,
        reader,
        search,
        graph,
        graph_api,
        validate,
        loads,
    ):
        app.register_blueprint(module.bp)
    # Queries to /sparql are answered by a plain WSGI application in front of Flask.
    sparql_endpoint.init_app(app)
    return app
