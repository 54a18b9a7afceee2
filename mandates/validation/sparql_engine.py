"""Validation by SPARQL over a pyoxigraph store: every shape as queries (:mod:`.evaluate`).

It gives the same results as pyshacl (the reference: tests compare both on every shape test
case, on the W3C SHACL Core suite and on generated shapes) many times faster on large graphs,
and it validates the on-disk store in place.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import pyoxigraph as ox
from rdflib import RDFS, Graph

from ..package_data import ontology_graph, shapes_graph
from ..query.run import select
from .evaluate import Row, validate
from .report import Report
from .results import build_report
from .shapes import Shapes, compile_shapes
from .terms import Encoding, OxTerm, from_rdflib, iri, plain, quad


@cache
def project_shapes() -> Shapes:
    """The project's shapes, compiled once."""
    return compile_shapes(shapes_graph())


def _labels(store: ox.Store, rows: list[Row]) -> dict[str, str]:
    """The first rdfs:label of each IRI focus node, for people reading the report."""
    focus = sorted({r.focus.value for r in rows if isinstance(r.focus, ox.NamedNode)})
    if not focus:
        return {}
    values = " ".join(iri(f) for f in focus)
    query = f"SELECT ?s ?l WHERE {{ VALUES ?s {{ {values} }} ?s {iri(str(RDFS.label))} ?l }}"
    labels: dict[str, str] = {}
    for row in select(store, query, prefixes={}):
        labels.setdefault(row["s"].value, row["l"].value)
    return labels


def validate_store(
    store: ox.Store, shapes: Shapes | None = None, encoding: Encoding | None = None
) -> Report:
    """Validate the default graph of a store (by default against the project's shapes).

    ``encoding``: how the store holds literals, when :func:`load` filled it.
    """
    shapes = shapes if shapes is not None else project_shapes()
    rows = validate(store, shapes, encoding)
    report = build_report(rows, _labels(store, rows))
    report.notes = list(shapes.notes)
    return report


def load(graphs: Iterable[Graph]) -> tuple[ox.Store, Encoding]:
    """An in-memory store holding the graphs in its default graph, literals kept exact."""
    term = from_rdflib
    return load_triples([(term(s), term(p), term(o)) for g in graphs for s, p, o in g])


def load_triples(triples: list[tuple[OxTerm, OxTerm, OxTerm]]) -> tuple[ox.Store, Encoding]:
    """An in-memory store holding the triples in its default graph, literals kept exact."""
    encoding = Encoding()
    objects = encoding.encode([o for _, _, o in triples])
    store = ox.Store()
    default = ox.DefaultGraph()
    quads = zip(triples, objects, strict=True)
    store.bulk_extend(quad(s, p, o, default) for (s, p, _), o in quads)
    return store, encoding


def validate_quads(quads: list[ox.Quad], shapes: Shapes) -> Report:
    """Validate quads (all graphs as one) against ``shapes`` on their own, read exactly as
    parsed: no library rewrites a literal on the way (see :mod:`.terms`)."""
    triples = [(plain(q.subject), plain(q.predicate), plain(q.object)) for q in quads]
    store, encoding = load_triples(triples)
    report = validate_store(store, shapes, encoding)
    report.triples = len(store)
    return report


def validate_graph_sparql(data: Graph, shapes: Shapes | None = None) -> Report:
    """Validate an rdflib graph: against the project's shapes with the ontology mixed in (so
    that subclasses resolve), or against ``shapes`` on its own, as pyshacl does."""
    graphs = [ontology_graph(), data] if shapes is None else [data]
    store, encoding = load(graphs)
    report = validate_store(store, shapes, encoding)
    report.triples = len(data)
    return report
