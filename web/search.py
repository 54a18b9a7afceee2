"""Search by label, alias, acronym or symbol in any form, with facets; HTML and JSON.

The search runs in a worker process (the ``pages`` kind of :mod:`.workers`), which builds the
index once per store version (see :mod:`mandates.search.index`), so a rebuild swapped in under
a running server is searched as soon as it is in service. The text is bounded
(``SEARCH_MAX_CHARS``): a longer one is refused with a 400.
"""

from __future__ import annotations

from typing import Any

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    jsonify,
    render_template,
    request,
    url_for,
)

from mandates.graph.labels import fallback
from mandates.search.rank import FACETS

from .urls import page_url
from .work import task

bp = Blueprint("search", __name__)


def _link(found: dict, **change: str | None) -> str:
    """This search with some arguments changed (None removes one)."""
    args: dict[str, Any] = {"q": found["query"], **found["filters"], **change}
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
    query = request.args.get("q", "").strip()
    limit = int(current_app.config["SEARCH_MAX_CHARS"])
    filters = {f: request.args[f][:limit] for f in FACETS if request.args.get(f)}
    if len(query) > limit:
        abort(400, f"the search text is longer than {limit} characters: shorten it")
    asked = min(max(1, request.args.get("page", 1, type=int)), 10_000)
    found = task("pages", "search", "the search", query=query, filters=filters, page=asked)
    names = found["names"]
    page, pages = found["page"], found["pages"]

    def name(value: str) -> str:
        return names.get(value) or _readable(value)

    facets = {
        f: [
            {"value": v, "label": name(v), "count": n, "url": _link(found, **{f: v}, page=None)}
            for v, n in counts
        ]
        for f, counts in found["facets"].items()
    }
    hits = [
        {
            "iri": h["iri"],
            "label": h["label"],
            "url": page_url(h["iri"]),
            "types": [{"iri": t, "label": name(t)} for t in h["types"]],
            "score": h["score"],
        }
        for h in found["hits"]
    ]
    if _wants_json():
        response = jsonify(
            query=query,
            filters=filters,
            total=found["total"],
            page=page,
            pages=pages,
            results=hits,
            facets=facets,
        )
        response.vary.add("Accept")
        return response
    active = [(f, name(v), _link(found, **{f: None})) for f, v in filters.items()]
    pager = {
        "prev": _link(found, page=str(page - 1)) if page > 1 else None,
        "next": _link(found, page=str(page + 1)) if page < pages else None,
    }
    response = Response(
        render_template(
            "search/index.html",
            query=query,
            total=found["total"],
            hits=hits,
            facets=facets,
            active=active,
            page=page,
            pages=pages,
            pager=pager,
            json_url=_link(found, format="json"),
        )
    )
    response.vary.add("Accept")
    return response
