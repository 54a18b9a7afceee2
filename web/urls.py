"""The one place that maps graph IRIs to page URLs and back, and vets links to elsewhere.

IRIs under ``https://w3id.org/un-mandates/id/`` resolve to ``/id/<path>`` on this server;
any other IRI has its page at ``/resource?iri=<iri>``. Templates never build these by hand.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flask import current_app, url_for

from mandates.namespaces import ID

ID_BASE = str(ID)
SAFE_SCHEMES = ("http", "https")


def page_url(iri: str) -> str:
    """The URL of the page of a resource of the graph."""
    if iri.startswith(ID_BASE) and len(iri) > len(ID_BASE):
        return url_for("resources.by_path", path=iri[len(ID_BASE) :])
    return url_for("resources.by_iri", iri=iri)


def iri_for_path(path: str) -> str:
    """The IRI whose page is ``/id/<path>``."""
    return ID_BASE + path


def external_href(iri: str) -> str | None:
    """An address safe to link to (http or https only), else None: never javascript: or data:."""
    try:
        parts = urlsplit(iri)
    except ValueError:
        return None
    return iri if parts.scheme.lower() in SAFE_SCHEMES and parts.netloc else None


def external_url(endpoint: str, **values: Any) -> str:
    """The absolute URL of a route, from the configured ``BASE_URL`` (never from the request's
    Host header, which a client chooses: a description written from it would say whatever the
    client wanted)."""
    base = str(current_app.config.get("BASE_URL") or "http://localhost/")
    return base.rstrip("/") + url_for(endpoint, **values)
