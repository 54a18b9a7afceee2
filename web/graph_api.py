"""The JSON behind the graph views, the analytics, and the graph exports.

All routes are GET; IRIs are absolute; ``url`` fields are resource page URLs
(:func:`web.urls.page_url`). Errors are JSON ``{"error": message}``: 400 for a bad parameter,
404 for an IRI the graph does not mention.

``/graph/api/neighbourhood?iri=&limit=10&verb=&body=&year=&status=&group=&direction=&offset=``
    ``{"center", "nodes": [node], "edges": [edge], "groups": [group]}`` where a node is
    ``{"id", "label", "type", "typeLabel", "url", "date"}``, an edge
    ``{"id", "source", "target", "predicate", "label", "verb", "statement", "year", "status"}``
    and a group ``{"predicate", "label", "direction", "total", "shown", "more"}``. ``verb``,
    ``body``, ``year`` and ``status`` (adopted, suggested, reported, proposed) repeat and
    filter mandate edges; ``group`` (a predicate IRI) with ``direction`` (out, in) and
    ``offset`` answers that group's next page only. Rules: :mod:`mandates.graph.neighbourhood`.
``/graph/api/edge?statement=``
    ``{"statement", "subject": node, "verb", "verbLabel", "object": node, "url",
    "attestations": [{"quote", "paragraph", "reference", "reader", "source": node, "status",
    "statusLabel", "evidence", "evidenceLabel"}]}``: ``reference`` is where the passage is for
    a person ("para. 13 of …"), ``reader`` its paragraph in the source reader (or null).
``/graph/api/lineage?iri=&depth=6``
    ``{"root", "lanes": [{"id", "label"}], "nodes": [node + "lane", "year", "status",
    "statuses", "category", "end", "originalDate", "short", "fold"], "edges": [{"id", "source",
    "target", "predicate", "verb", "statement", "label", "inverse"}], "truncated"}``: ``short``
    a distinct short name, ``fold`` the meeting an output is folded into (or null); traversal
    rules in :mod:`mandates.graph.lineage`.
``/graph/api/timeline?iri=&depth=6``
    ``{"items": [{"id", "label", "url", "type", "date", "end", "kind", "status"}]}``: the dated
    meetings and documents of the lineage, by date.
``/graph/api/analytics?kind=degree|betweenness|components|communities&top=10&category=``
    centrality: ``{"kind", "nodes": <graph size>, "edges", "results": [{"iri", "label",
    "type", "url", "score", "degree"}]}``; components and communities: ``{"kind", "count",
    "components"|"communities": [{"id", "size", "members": [{"iri", "label", "type", "url",
    "degree"}]}]}`` (communities also ``method`` and ``modularity``).
``/graph/api/path?from=&to=&directed=0|1&links=mandate|all``
    ``{"from", "to", "directed", "links", "length" (null: no path), "nodes": [{"iri", "label",
    "type", "url"}], "edges": [{"source", "target", "predicate", "label", "verb",
    "statement", "forward"}]}``; ``from`` and ``to`` also accept symbols and labels.
``/graph/export.graphml``, ``/graph/export.json``, ``/graph/export.csv`` (``?iri=`` for one
    resource's neighbourhood): see :mod:`mandates.graph.export`.
"""

from __future__ import annotations

import re
from typing import Any

import pyoxigraph as ox
from flask import Blueprint, Response, jsonify, request, url_for

from mandates.graph import analytics
from mandates.graph.edge_detail import edge_detail
from mandates.graph.lineage import lineage as lineage_of
from mandates.graph.lineage import timeline as timeline_of
from mandates.graph.neighbourhood import Filters
from mandates.graph.neighbourhood import neighbourhood as neighbourhood_of
from mandates.graph.terms import GraphRequestError, Terms, read_terms

from .reader import passage_reference, reader_url
from .store import get_store, per_version
from .urls import page_url
from .work import Invalid, task

bp = Blueprint("graph_api", __name__)
_MAX_NAME = 200  #: characters of a resource name given to the path finder
FILTERS = ("verb", "body", "year", "status")
MIME = {"graphml": "application/graphml+xml", "json": "application/json", "csv": "text/csv"}


@bp.errorhandler(GraphRequestError)
def _bad_request(err: GraphRequestError) -> tuple[Response, int]:
    return jsonify(error=err.message), 400


@bp.errorhandler(Invalid)
def _invalid(err: Invalid) -> tuple[Response, int]:
    """Bad input found by the worker: a bad parameter (400), a resource not in the graph (404)."""
    return jsonify(error=err.message), err.code


def _missing(iri: str) -> tuple[Response, int]:
    return jsonify(error=f"the graph does not mention {iri}"), 404


def _iri(name: str) -> str:
    value = request.args.get(name, "").strip()
    try:
        return ox.NamedNode(value).value
    except ValueError:
        raise GraphRequestError(f"{name} must be an absolute IRI") from None


def _int(name: str, default: int, low: int, high: int) -> int:
    text = request.args.get(name)
    if text is None:
        return default
    if not re.fullmatch(r"\d{1,9}", text) or not low <= int(text) <= high:
        raise GraphRequestError(f"{name} must be a whole number from {low} to {high}")
    return int(text)


def _filters() -> Filters:
    years = request.args.getlist("year")
    if any(not re.fullmatch(r"\d{4}", y) for y in years):
        raise GraphRequestError("year must be four digits (YYYY)")
    bodies = request.args.getlist("body")
    for body in bodies:
        try:
            ox.NamedNode(body)
        except ValueError:
            raise GraphRequestError("body must be an absolute IRI") from None
    return Filters(
        verbs=frozenset(request.args.getlist("verb")),
        bodies=frozenset(bodies),
        years=frozenset(int(y) for y in years),
        statuses=frozenset(request.args.getlist("status")),
    )


def graph_terms() -> Terms:
    """The vocabulary the views know, read once per store version."""
    return per_version("graph.terms", lambda: read_terms(get_store()))


@bp.get("/graph/api/neighbourhood")
def neighbourhood() -> Response | tuple[Response, int]:
    iri, limit = _iri("iri"), _int("limit", 10, 1, 500)
    filters, offset = _filters(), _int("offset", 0, 0, 10**9)
    group = None
    if "group" in request.args or "direction" in request.args:
        direction = request.args.get("direction", "")
        if direction not in ("out", "in"):
            raise GraphRequestError("direction must be out or in, with group")
        group = (_iri("group"), direction)
    kept: dict[str, Any] = {f: request.args.getlist(f) for f in FILTERS if f in request.args}

    def more(predicate: str, direction: str, at: int) -> str:
        args: dict[str, Any] = {"iri": iri, "limit": limit, "group": predicate}
        return url_for("graph_api.neighbourhood", **args, direction=direction, offset=at, **kept)

    found = neighbourhood_of(
        get_store(), iri, limit, filters, group, offset, page_url, more, graph_terms()
    )
    return jsonify(found) if found is not None else _missing(iri)


@bp.get("/graph/api/edge")
def edge() -> Response | tuple[Response, int]:
    statement = _iri("statement")
    found = edge_detail(get_store(), statement, page_url, graph_terms(), _place)
    if found is None:
        return jsonify(error=f"{statement} is not a mandate statement of the graph"), 404
    return jsonify(found)


def _place(source: str, paragraph: str | None) -> tuple[str, str | None]:
    """A passage's reference for a person, and its paragraph's address in the reader."""
    return passage_reference(paragraph, source), reader_url(source, paragraph)


def _lineage() -> tuple[str, dict | None]:
    iri = _iri("iri")
    return iri, lineage_of(get_store(), iri, _int("depth", 6, 1, 20), page_url, terms=graph_terms())


@bp.get("/graph/api/lineage")
def lineage() -> Response | tuple[Response, int]:
    iri, found = _lineage()
    return jsonify(found) if found is not None else _missing(iri)


@bp.get("/graph/api/timeline")
def timeline() -> Response | tuple[Response, int]:
    iri, found = _lineage()
    return jsonify(timeline_of(found)) if found is not None else _missing(iri)


def _with_urls(rows: list[dict]) -> list[dict]:
    return [r | {"url": page_url(r["iri"])} for r in rows]


@bp.get("/graph/api/analytics")
def analytics_view() -> Response:
    kind, top = request.args.get("kind", "degree"), _int("top", 10, 1, 100)
    if kind in analytics.KINDS:
        category = (request.args.get("category") or "")[:40] or None
        found = task("pages", "centrality", "the analytics", kind=kind, top=top, category=category)
        return jsonify({"kind": kind} | found | {"results": _with_urls(found["results"])})
    if kind not in ("components", "communities"):
        raise GraphRequestError("kind must be degree, betweenness, components or communities")
    found = task("pages", "groups", "the analytics", kind=kind, top=top)
    for group in found[kind]:
        group["members"] = _with_urls(group["members"])
    return jsonify({"kind": kind} | found)


@bp.get("/graph/api/path")
def path() -> Response:
    ends = []
    for name in ("from", "to"):
        if not request.args.get(name, "").strip():
            raise GraphRequestError(f"{name} is required")
        ends.append(request.args[name][:_MAX_NAME])
    directed = request.args.get("directed", "0") in ("1", "true", "yes")
    links = request.args.get("links", "mandate")
    found = task("pages", "path", "the path", ends=tuple(ends), directed=directed, links=links)
    found["nodes"] = _with_urls(found["nodes"])
    return jsonify(found)


@bp.get("/graph/export.graphml", defaults={"suffix": "graphml"})
@bp.get("/graph/export.json", defaults={"suffix": "json"})
@bp.get("/graph/export.csv", defaults={"suffix": "csv"})
def export(suffix: str) -> Response | tuple[Response, int]:
    iri = _iri("iri") if "iri" in request.args else None
    fmt = {"json": "nodelink"}.get(suffix, suffix)
    data = task("pages", "export", "the export", fmt=fmt, iri=iri)
    if data is None:
        return _missing(iri or "")
    name = "mandates-neighbourhood" if iri else "mandates-graph"
    response = Response(data, mimetype=MIME[suffix])
    response.headers["Content-Disposition"] = f'attachment; filename="{name}.{suffix}"'
    return response
