"""The home page, where the work starts: the mandate chain on one drawing, the questions
people ask (the saved queries), the source texts, and what the graph holds, every count linked
to the resources it counts; and the page an unknown address gets (404), which offers the search
and the way home.

What the page computes from the store (counts, the chain) is kept once per store version.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, render_template
from werkzeug.exceptions import NotFound

from mandates.graph.chain import chain
from mandates.graph.labels import fallback, labels
from mandates.graph.lineage import lineage
from mandates.graph.short_names import short_names
from mandates.graph.terms import knows
from mandates.namespaces import GRAPH
from mandates.query import saved as saved_queries
from mandates.query.run import select
from mandates.store.stats import Stats, store_stats

from .drawings import chain_drawing
from .graph import DEFAULT_CENTRE
from .graph_api import graph_terms
from .reader import readable
from .store import get_store, per_version
from .urls import page_url

bp = Blueprint("home", __name__)
_DEFAULT_GRAPH = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
_VERBS = """SELECT ?v (COUNT(DISTINCT ?st) AS ?n) WHERE { ?st a mnd:Statement ; mnd:verb ?v }
GROUP BY ?v ORDER BY DESC(?n) ?v"""
_CLASSES = """SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {
  ?s a ?c . FILTER NOT EXISTS { GRAPH <$ontology> { ?s a ?c } }
} GROUP BY ?c ORDER BY DESC(?n) ?c"""


@dataclass
class Holdings:
    """What the graph holds, for the page: counts with the IRIs they count."""

    stats: Stats
    default_triples: int
    classes: list[tuple[str, int]]
    verbs: list[tuple[str, int]]
    names: dict[str, str]

    def name(self, iri: str) -> str:
        return self.names.get(iri) or fallback(iri)


def holdings() -> Holdings:
    def compute() -> Holdings:
        store = get_store()
        stats = store_stats(store)
        default = int(next(iter(select(store, _DEFAULT_GRAPH)))["n"].value)
        classes_text = _CLASSES.replace("$ontology", f"{GRAPH}ontology")
        classes = [(r["c"].value, int(r["n"].value)) for r in select(store, classes_text)]
        verbs = [(r["v"].value, int(r["n"].value)) for r in select(store, _VERBS)]
        names = labels(store, [c for c, _ in classes] + [v for v, _ in verbs])
        return Holdings(stats, default, classes, verbs, names)

    return per_version("home.holdings", compute)


def chain_picture() -> dict | None:
    """The drawing of the chain from the explorer's default resolution, when the graph has it."""

    def compute() -> dict | None:
        store = get_store()
        if not knows(store, DEFAULT_CENTRE):
            return None
        found = lineage(store, DEFAULT_CENTRE, 6, page_url, terms=graph_terms())
        if found is None:
            return None
        drawn = chain(found)
        iris = drawn.iris()
        drawing = chain_drawing(drawn, labels(store, iris), short_names(store, iris))
        if drawing is not None:
            drawing["root"] = DEFAULT_CENTRE
            drawing["root_label"] = labels(store, [DEFAULT_CENTRE]).get(DEFAULT_CENTRE)
        return drawing

    return per_version("home.chain", compute)


@bp.get("/")
def index() -> str:
    graphs = [(g, n, _graph_name(g)) for g, n in holdings().stats.graphs]
    return render_template(
        "home/index.html",
        h=holdings(),
        graphs=graphs,
        drawing=chain_picture(),
        queries=saved_queries.load_all(),
        texts=len(readable()),
    )


def _graph_name(graph: str) -> str:
    """A named graph for a person: ``source/001_…``, ``curated/mandates``, ``ontology``."""
    return graph.removeprefix(str(GRAPH)) or graph


@bp.app_errorhandler(404)
def not_found(error: NotFound) -> tuple[str, int]:
    """A page for every address that leads nowhere: what went wrong, the search, the way home."""
    default = NotFound.description
    reason = error.description if error.description != default else None
    return render_template("home/not_found.html", reason=reason), 404
