"""Validation against SHACL shapes, by either of two engines.

``sparql`` (the default) runs the shapes as SPARQL queries on a pyoxigraph store; ``pyshacl``
is the reference implementation. Tests check that both give the same results on every shape
test case, on the W3C SHACL Core suite and on generated shapes. Without ``shapes``, the
project's own shapes are used and the ontology is mixed into the data (so that subclasses and
verbs resolve); with ``shapes`` (``mandates validate --shapes``), the data is validated on its
own, as ``pyshacl -s`` does. Data is always handed over as a parsed graph, never a location.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pyoxigraph as ox
import pyshacl
from rdflib import Graph

from ..errors import MandatesError
from ..package_data import ontology_graph, shapes_graph
from ..rdfio import rdf_files, read_quads, triples_to_graph
from .report import Report, results_from_graph
from .shapes import Shapes, compile_shapes
from .sparql_engine import validate_graph_sparql, validate_quads
from .terms import plain, to_rdflib
from .vocabulary import ShapesError, ShapesWarning

ENGINES = ("sparql", "pyshacl")


def validate_graph_pyshacl(data: Graph, shapes: Shapes | None = None) -> Report:
    """pyshacl over the data (with the ontology mixed in for the project's shapes)."""
    if shapes is None:
        mixed = Graph()
        for graph in (ontology_graph(), data):
            for triple in graph:
                mixed.add(triple)
        shacl = shapes_graph()
    else:
        mixed, shacl = data, shapes.graph
    with warnings.catch_warnings():
        # pyshacl and rdflib warn about the data (a boolean written "yes") on their own.
        warnings.simplefilter("ignore")
        _conforms, report_graph, _text = pyshacl.validate(
            mixed, shacl_graph=shacl, inference="none", allow_warnings=True
        )
    return Report(
        results=results_from_graph(report_graph, data), graph=report_graph, triples=len(data)
    )


def validate_graph(data: Graph, engine: str = "sparql", shapes: Shapes | None = None) -> Report:
    """Validate a data graph with the chosen engine."""
    if engine == "pyshacl":
        return validate_graph_pyshacl(data, shapes)
    if engine == "sparql":
        return validate_graph_sparql(data, shapes)
    raise ValueError(f"unknown validation engine {engine!r}: expected one of {ENGINES}")


def read_shapes(paths: list[Path]) -> Shapes:
    """SHACL shapes files (any RDF syntax), compiled: a :class:`.MandatesError` names the file
    that cannot be read or what in the shapes this engine cannot run."""
    graph = Graph()
    for path in rdf_files(paths):
        for quad in read_quads(path):
            terms = (plain(t) for t in (quad.subject, quad.predicate, quad.object))
            subject, predicate, obj = (to_rdflib(t) for t in terms)
            graph.add((subject, predicate, obj))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ShapesWarning)  # kept in Shapes.notes
            return compile_shapes(graph)
    except ShapesError as err:
        raise MandatesError(str(err), "--shapes") from None


def validate_alone(quads: list[ox.Quad], shapes: Shapes, engine: str = "sparql") -> Report:
    """Validate quads on their own (no store, no ontology) against ``shapes``."""
    if engine == "sparql":
        report = validate_quads(quads, shapes)
    else:
        report = validate_graph(triples_to_graph(quads), engine, shapes)
    report.notes = list(shapes.notes)
    return report


def read_graph(paths: list[Path]) -> tuple[Graph, list[Path]]:
    """Parse RDF files and folders into one graph; raises InputError on the first bad file."""
    files = rdf_files(paths)
    graph = Graph()
    for path in files:
        triples_to_graph(read_quads(path), graph)
    return graph, files
