"""The saved analyst queries: a list with run and open-in-editor links, and a page per query
that runs it in-process (saved queries are trusted and bounded) and shows the results, with
CSV and JSON (or, for a graph, N-Triples and Turtle) downloads and the catalogue as Turtle.
"""

from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, Response, abort, render_template, url_for

from mandates.namespaces import short
from mandates.query import saved as saved_queries
from mandates.query.results import spreadsheet_csv
from mandates.query.saved import SavedQuery
from mandates.rdfio import results_bytes

from .store import get_store
from .urls import page_url

bp = Blueprint("queries", __name__)

RESULT_TYPES = {"csv": "text/csv", "json": "application/sparql-results+json"}
GRAPH_TYPES = {"nt": "application/n-triples", "ttl": "text/turtle"}
GRAPH_FORMATS = {"nt": ox.RdfFormat.N_TRIPLES, "ttl": ox.RdfFormat.TURTLE}
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def downloads(query: SavedQuery) -> dict[str, str]:
    """The formats a query's results can be downloaded in, with their media types."""
    return GRAPH_TYPES if query.form == "CONSTRUCT" else RESULT_TYPES


def _query(query_id: str) -> SavedQuery:
    query = saved_queries.by_id(query_id)
    if query is None:
        abort(404, f"no saved query '{query_id}'")
    return query


def _cell(term: object) -> dict[str, str | None]:
    """One value for the HTML table: IRIs linked to their page, literals as text (escaped)."""
    if isinstance(term, ox.NamedNode):
        return {
            "kind": "iri",
            "text": short(term),
            "href": page_url(term.value),
            "title": term.value,
        }
    if isinstance(term, ox.Literal):
        plain = term.language is not None or term.datatype.value == XSD_STRING
        datatype = None if plain else short(term.datatype)
        return {"kind": "literal", "text": term.value, "lang": term.language, "title": datatype}
    if isinstance(term, ox.BlankNode):
        return {"kind": "bnode", "text": f"_:{term.value}"}
    return {"kind": "empty", "text": ""}


def _table(results: ox.QuerySolutions | ox.QueryTriples) -> tuple[list[str], list[list[dict]]]:
    if isinstance(results, ox.QueryTriples):
        names = ["subject", "predicate", "object"]
        return names, [[_cell(t.subject), _cell(t.predicate), _cell(t.object)] for t in results]
    names = [v.value for v in results.variables]
    return names, [[_cell(row[n]) for n in names] for row in results]


@bp.get("/queries")
def index() -> str:
    return render_template("queries/index.html", queries=saved_queries.load_all())


@bp.get("/queries.ttl")
def catalogue() -> Response:
    """The saved queries as sh:SPARQLExecutable resources (Turtle)."""
    return Response(saved_queries.as_graph().serialize(format="turtle"), mimetype="text/turtle")


@bp.get("/queries/<query_id>")
def show(query_id: str) -> str:
    query = _query(query_id)
    results = saved_queries.run(get_store(), query)
    answer: bool | None = None
    names: list[str] = []
    rows: list[list[dict]] = []
    if isinstance(results, ox.QueryBoolean):
        answer = bool(results)
    else:
        names, rows = _table(results)
    editor = url_for("editor.index", query=query.full_text)
    return render_template(
        "queries/show.html",
        query=query,
        answer=answer,
        names=names,
        rows=rows,
        editor=editor,
        downloads=downloads(query),
    )


@bp.get("/queries/<query_id>.<fmt>")
def download(query_id: str, fmt: str) -> Response:
    query = _query(query_id)
    types = downloads(query)
    if fmt not in types:
        abort(404, f"'{query_id}' has no .{fmt} download; try {', '.join(types)}")
    results = saved_queries.run(get_store(), query)
    body: bytes | str
    if isinstance(results, ox.QueryTriples):
        body = results_bytes(results, GRAPH_FORMATS[fmt])
    elif fmt == "csv" and isinstance(results, ox.QuerySolutions):
        body = spreadsheet_csv(results)
    else:
        format_ = ox.QueryResultsFormat.CSV if fmt == "csv" else ox.QueryResultsFormat.JSON
        body = results_bytes(results, format_)
    name = f"{query.filename.removesuffix('.rq')}.{fmt}"
    return Response(
        body,
        mimetype=types[fmt],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
