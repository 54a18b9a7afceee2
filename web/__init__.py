"""The explorer: a Flask application made by :func:`create_app`, one blueprint per area."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from mandates.config import Settings


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Make the explorer over the store named by ``config["STORE"]`` (a store root folder)."""
    settings = Settings()
    app = Flask(__name__)
    app.config.from_mapping(
        STORE=str(settings.store),
        QUERY_TIMEOUT=settings.timeout,
        ROW_LIMIT=settings.row_limit,
        RESULT_CACHE_MB=settings.result_cache,
        MAX_CONTENT_LENGTH=1024 * 1024,
    )
    if config:
        app.config.from_mapping(config)
    app.debug = False  # never, whatever FLASK_DEBUG or the config say: no debugger, no tracebacks

    from mandates.web import (
        editor,
        graph,
        graph_api,
        home,
        loads,
        queries,
        resources,
        search,
        security,
        store,
        urls,
        validate,
    )
    from mandates.web.sparql import views as sparql

    store.init_app(app)
    urls.init_app(app)
    security.init_app(app)
    for module in (
        home,
        sparql,
        editor,
        queries,
        resources,
        search,
        graph,
        graph_api,
        validate,
        loads,
    ):
        app.register_blueprint(module.bp)
    return app
