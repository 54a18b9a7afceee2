"""What every template may call: links to pages and to elsewhere, and what a resource page asks
of other areas (has it a lineage? what do the shapes say of it? may this server load?).

They are registered here, by :func:`create_app`, rather than by the blueprints they come from,
so that a template's helpers are found in one place.
"""

from __future__ import annotations

from flask import Flask, current_app

from mandates.iris import official_text

from .graph import has_lineage
from .urls import external_href, page_url
from .validate import shape_results


def can_write() -> bool:
    """Whether this server takes loads from the web (a write token is set)."""
    return bool(current_app.config["WRITE_TOKEN"])


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(
        page_url=page_url,
        external_href=external_href,
        official_text=official_text,
        has_lineage=has_lineage,
        shape_results=shape_results,
    )
    app.context_processor(lambda: {"can_write": can_write()})
