"""Visual graph browsing: the neighbourhood explorer, the lineage view, the analytics page.

The explorer and the lineage view are shells: Cytoscape.js (vendored into ``static/vendor/``)
draws what the JSON API of :mod:`graph_api` returns, and every API address reaches the scripts
through ``data-`` attributes made with ``url_for`` (no inline script). The analytics page is
rendered here, without JavaScript, by the same functions as ``/graph/api/analytics`` and
``/graph/api/path`` (:mod:`mandates.graph.analytics`).
"""

from __future__ import annotations

import networkx as nx
from flask import Blueprint, abort, render_template, request

from mandates.errors import MandatesError
from mandates.graph import analytics as measures
from mandates.graph.labels import fallback, labels
from mandates.graph.terms import STATUSES, knows
from mandates.namespaces import MND, sparql_prologue

from .graph_api import graph_terms, network_graph
from .store import get_store, per_version

bp = Blueprint("graph", __name__)

#: The vendored builds; ``package.json`` pins the same versions (a test checks).
CYTOSCAPE_VERSION = "3.34.4"
CYTOSCAPE_DAGRE_VERSION = "4.0.1"
#: Where the explorer and the lineage start when no resource is named.
DEFAULT_CENTRE = "https://w3id.org/un-mandates/id/doc/A/RES/65/230"
FILTERS = ("verb", "body", "year", "status")
#: The kinds of resource whose page links to a lineage view: the acts, bodies and meetings.
LINEAGE_TYPES = {
    str(MND) + name
    for name in (
        "Resolution DraftResolution Decision Declaration Body PrincipalOrgan"
        " FunctionalCommission ExpertGroup AdHocCommittee Meeting"
    ).split()
}
_BODIES = "SELECT DISTINCT ?v WHERE { ?v a ?kind . ?kind rdfs:subClassOf* mnd:Body }"
_YEARS = """SELECT DISTINCT ?year WHERE {
  ?s a mnd:Statement ; mnd:subject ?d . ?d mnd:date|mnd:startDate ?date .
  BIND(STR(YEAR(?date)) AS ?year)
} ORDER BY ?year"""


def choices() -> dict[str, list[tuple[str, str]]]:
    """The values each filter offers, as ``(value, label)`` pairs, in the API's own terms:
    verb names, body IRIs, years and the short names of the assertion statuses."""
    store = get_store()
    terms = graph_terms()
    bodies = [row[0].value for row in _query(_BODIES)]
    names = labels(store, bodies)
    found = {
        "verb": [(name, terms.name(prop)) for name, prop in terms.properties.items()],
        "body": [(b, names.get(b, fallback(b))) for b in bodies],
        "status": [(name, terms.name(iri)) for name, iri in STATUSES.items()],
    }
    found = {k: sorted(v, key=lambda pair: pair[1].casefold()) for k, v in found.items()}
    return found | {"year": [(row[0].value, row[0].value) for row in _query(_YEARS)]}


def _query(text: str):
    return get_store().query(sparql_prologue() + text)


def _centre() -> str:
    """The resource a view starts from (``?iri=``); 404 when the graph does not mention it."""
    iri = request.args.get("iri") or DEFAULT_CENTRE
    try:
        known = knows(get_store(), iri)
    except ValueError:  # not an IRI at all
        known = False
    if not known:
        abort(404, f"The graph does not mention {iri}.")
    return iri


def _label(iri: str) -> str:
    return labels(get_store(), [iri]).get(iri) or fallback(iri)


def _page(template: str, **context) -> str:
    versions = {"cytoscape_version": CYTOSCAPE_VERSION, "dagre_version": CYTOSCAPE_DAGRE_VERSION}
    return render_template(template, **versions, **context)


def has_lineage(types: list[str]) -> bool:
    """Whether a resource of these types has a lineage worth drawing (used by resource pages)."""
    return any(t in LINEAGE_TYPES for t in types)


@bp.get("/graph")
def explorer() -> str:
    iri = _centre()
    found = choices()
    filters = {name: found[name] for name in FILTERS}
    selected = {name: request.args.get(name, "") for name in FILTERS}
    return _page(
        "graph/explorer.html", iri=iri, label=_label(iri), filters=filters, selected=selected
    )


@bp.get("/graph/lineage")
def lineage() -> str:
    iri = _centre()
    return _page("graph/lineage.html", iri=iri, label=_label(iri))


@bp.get("/graph/analytics")
def analytics() -> str:
    """Centrality of bodies and documents, components, communities and, when asked, the
    shortest mandate path between two resources (``from``, ``to``: IRIs, symbols or labels)."""
    graph = network_graph()
    asked = request.args.get("top", "10")
    top = int(asked) if asked.isdigit() and 0 < int(asked) <= 100 else 10
    ask = {k: request.args.get(k, "").strip() for k in ("from", "to", "links")}
    directed = request.args.get("directed") in ("1", "on")
    path, error = None, None
    if ask["from"] and ask["to"]:
        try:
            ends = [measures.resolve(graph, ask[k]) for k in ("from", "to")]
            path = measures.path(graph, ends[0], ends[1], directed, ask["links"] or "mandate")
        except MandatesError as err:
            error = str(err)
    return _page(
        "graph/analytics.html",
        graph=graph,
        top=top,
        **per_version(f"graph.overview.{top}", lambda: _overview(graph, top)),
        ask=ask,
        directed=directed,
        path=path,
        error=error,
    )


def _overview(graph: nx.MultiDiGraph, top: int) -> dict:
    """The tables of the analytics page, computed once per store version (betweenness and
    communities are the slow part on a large graph)."""
    return {
        "tables": {
            (kind, category): measures.centrality(graph, kind, top, category)
            for category in ("body", "document")
            for kind in measures.KINDS
        },
        "components": measures.components(graph),
        "communities": measures.communities(graph),
    }
