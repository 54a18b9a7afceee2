"""Search by label, alias, acronym or symbol in any form, with facets; HTML and JSON.

The index is built in memory once per store version (see :mod:`mandates.search.index`), so
a rebuild swapped in under a running server is searched as soon as it is in service.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify, render_template, request, url_for

from mandates.graph.labels import fallback
from mandates.search.index import Entry, build_index
from mandates.search.rank import FACETS, Results, search

from .store import get_store, per_version
from .urls import page_url

bp = Blueprint("search", __name__)
PAGE_SIZE = 50


def _index() -> tuple[list[Entry], dict[str, str]]:
    """The index of the store in service, rebuilt when a new version is swapped in."""
    return per_version("search.index", lambda: build_index(get_store()))


def _link(results: Results, **change: str | None) -> str:
    """This search with some arguments changed (None removes one)."""
    args: dict[str, Any] = {"q": results.query, **results.filters, **change}
    return url_for("search.index", **{k: v for k, v in args.items() if v})


def _wants_json() -> bool:
    if request.args.get("format") == "json":
        return True
    accept = request.accept_mimetypes
    return accept.provided and accept.best_match(["text/html", "application/json"]) == (
        "application/json"
    )


def _readable(value: str) -> str:
    """A facet value for a person: a year as it is, an IRI by its short name."""
    try:
        return value if value.isdigit() else fallback(value)
    except ValueError:  # not an IRI: a filter typed by hand
        return value


@bp.get("/search")
def index() -> Response | str:
    entries, names = _index()
    query = request.args.get("q", "").strip()
    filters = {f: request.args[f] for f in FACETS if request.args.get(f)}
    results = search(entries, query, filters)
    page = max(1, request.args.get("page", 1, type=int))
    pages = max(1, -(-len(results.hits) // PAGE_SIZE))
    page = min(page, pages)
    shown = results.hits[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]

    def name(value: str) -> str:
        return names.get(value) or _readable(value)

    facets = {
        f: [
            {"value": v, "label": name(v), "count": n, "url": _link(results, **{f: v}, page=None)}
            for v, n in counts
        ]
        for f, counts in results.facets.items()
    }
    hits = [
        {
            "iri": e.iri,
            "label": e.label,
            "url": page_url(e.iri),
            "types": [{"iri": t, "label": name(t)} for t in sorted(e.types)],
            "score": points,
        }
        for e, points in shown
    ]
    if _wants_json():
        response = jsonify(
            query=query,
            filters=filters,
            total=len(results.hits),
            page=page,
            pages=pages,
            results=hits,
            facets=facets,
        )
        response.vary.add("Accept")
        return response
    active = [(f, name(v), _link(results, **{f: None})) for f, v in filters.items()]
    pager = {
        "prev": _link(results, page=str(page - 1)) if page > 1 else None,
        "next": _link(results, page=str(page + 1)) if page < pages else None,
    }
    response = Response(
        render_template(
            "search/index.html",
            query=query,
            total=len(results.hits),
            hits=hits,
            facets=facets,
            active=active,
            page=page,
            pages=pages,
            pager=pager,
            json_url=_link(results, format="json"),
        )
    )
    response.vary.add("Accept")
    return response
