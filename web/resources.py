"""A page for every resource of the graph, with its machine-readable twins.

``/id/<path>`` serves the IRIs under ``https://w3id.org/un-mandates/id/``, ``/resource?iri=``
any other. The twin (see :mod:`mandates.graph.twin`) is chosen by ``?format=ttl|jsonld|nt|rdf`` or
by the Accept header; HTML is the default, 406 when the client accepts nothing we serve.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

import pyoxigraph as ox
from flask import Blueprint, Response, abort, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from mandates.graph import twin
from mandates.graph.evidence import Attestation
from mandates.graph.labels import date_range, is_iri, labels, readable, spelled_date
from mandates.graph.profile import profile
from mandates.graph.resource_page import Description, describe
from mandates.graph.terms import knows
from mandates.namespaces import MND, short

from .drawings import meeting_timeline
from .graph_api import graph_terms
from .store import get_store
from .urls import iri_for_path, page_url

bp = Blueprint("resources", __name__)
HTML = ("text/html", "application/xhtml+xml")
OFFERS = [*HTML, *twin.MEDIA_TYPES.values(), "application/json"]
BY_MEDIA_TYPE = {t: name for name, t in twin.MEDIA_TYPES.items()} | {"application/json": "jsonld"}
FORMAT_NAMES = {"ttl": "Turtle", "jsonld": "JSON-LD", "nt": "N-Triples", "rdf": "RDF/XML"}


@bp.get("/id/<path:path>")
def by_path(path: str) -> ResponseReturnValue:
    return _serve(iri_for_path(path))


@bp.get("/resource")
def by_iri() -> ResponseReturnValue:
    iri = request.args.get("iri", "").strip()
    canonical = page_url(iri) if is_iri(iri) else None
    if canonical and urlsplit(canonical).path != request.path and list(request.args) == ["iri"]:
        return redirect(canonical, 308)  # a graph IRI has its page at /id/<path>
    return _serve(iri)


def here(**args: Any) -> str:
    """This page's URL with other query arguments (the resource stays the same)."""
    params: dict[str, Any] = dict(request.view_args or {})
    if request.endpoint == "resources.by_iri":
        params["iri"] = request.args.get("iri", "")
    return url_for(request.endpoint or "resources.by_iri", **params, **args)


def _choose() -> str:
    """``html`` or a key of :data:`twin.FORMATS`, from ``?format=`` or the Accept header."""
    name = request.args.get("format")
    if name:
        if name != "html" and name not in twin.FORMATS:
            abort(400, f"unknown format {name!r}: use html, {', '.join(twin.FORMATS)}")
        return name
    if not request.accept_mimetypes.provided:
        return "html"
    best = request.accept_mimetypes.best_match(OFFERS)
    if best is None:
        abort(406, "acceptable here: " + ", ".join(OFFERS))
    return "html" if best in HTML else BY_MEDIA_TYPE[best]


def _serve(iri: str) -> ResponseReturnValue:
    fmt = _choose()
    if not is_iri(iri):
        return _missing(iri, "This is not a valid IRI.")
    store = get_store()
    if fmt != "html":
        if not knows(store, iri):
            return _missing(iri)
        body = twin.serialize(twin.description(store, iri), fmt)
        response = Response(body, mimetype=twin.MEDIA_TYPES[fmt])
        response.vary.add("Accept")
        return response
    group = request.args.get("group")
    page = request.args.get("page", 1, type=int)
    d = describe(store, iri, group, page)
    if d is None:
        return _missing(iri)
    lead = profile(store, iri, graph_terms(), group, page)
    d.names |= labels(store, lead.iris() - set(d.names))
    alternates = [(twin.MEDIA_TYPES[n], label, here(format=n)) for n, label in FORMAT_NAMES.items()]
    page_html = render_template("resources/page.html", d=d, p=lead, alternates=alternates)
    response = Response(page_html)
    response.vary.add("Accept")
    return response


def _missing(iri: str, reason: str = "The graph does not mention this IRI.") -> tuple[str, int]:
    return render_template("resources/missing.html", iri=iri, reason=reason), 404


def _slug(iri: str) -> str:
    """An HTML id for a property: its short name with anything else as ``-``."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", short(ox.NamedNode(iri))).strip("-")


def unique_passages(attestations: list[Attestation]) -> list[Attestation]:
    """One entry per passage: attestations of the same words at the same place are one."""
    seen: set[tuple] = set()
    found = []
    for a in attestations:
        key = (a.source, a.paragraph, tuple(a.quotes))
        if key not in seen:
            seen.add(key)
            found.append(a)
    return found


def facts_of(d: Description, pairs: list[tuple[str, str]]) -> list[tuple[str, list]]:
    """``(name, values)`` of those of the ``mnd:`` properties named in ``pairs`` that it has."""
    return [(name, d.values(str(MND) + prop)) for prop, name in pairs if d.values(str(MND) + prop)]


@bp.context_processor
def _helpers() -> dict[str, object]:
    return {
        "facts_of": facts_of,
        "ns": {"mnd": str(MND)},
        "held_status": str(MND) + "Held",
        "unique_passages": unique_passages,
        "readable_date": spelled_date,
        "date_range": date_range,
        "meeting_timeline": meeting_timeline,
        "here": here,
        "slug": _slug,
        "readable": readable,
        "is_iri": lambda t: isinstance(t, ox.NamedNode),
        "is_literal": lambda t: isinstance(t, ox.Literal),
        "in_graph_space": lambda iri: iri.startswith("https://w3id.org/un-mandates/"),
    }
