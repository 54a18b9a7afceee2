"""Validation against the project's own SHACL shapes, by either of two engines.

``sparql`` (the default) runs the shapes' constraints as SPARQL queries on a pyoxigraph store;
``pyshacl`` is the reference implementation. A test checks that both give the same results on
every shape test case. Only the server's shapes are ever used, and data is always handed over
as a parsed graph, never as a location.
"""

from __future__ import annotations

from pathlib import Path

import pyshacl
from rdflib import Graph

from mandates.package_data import ontology_graph, shapes_graph
from mandates.rdfio import rdf_files, read_quads, triples_to_graph

from .report import Report, results_from_graph
from .sparql_engine import validate_graph_sparql

ENGINES = ("sparql", "pyshacl")


def validate_graph_pyshacl(data: Graph) -> Report:
    """pyshacl over the data with the ontology mixed in (so subclasses and verbs resolve)."""
    mixed = Graph()
    for triple in ontology_graph():
        mixed.add(triple)
    for triple in data:
        mixed.add(triple)
    _conforms, report_graph, _text = pyshacl.validate(
        mixed, shacl_graph=shapes_graph(), inference="none", allow_warnings=True
    )
    return Report(
        results=results_from_graph(report_graph, data), graph=report_graph, triples=len(data)
    )


def validate_graph(data: Graph, engine: str = "sparql") -> Report:
    """Validate a data graph with the chosen engine."""
    if engine == "pyshacl":
        return validate_graph_pyshacl(data)
    if engine == "sparql":
        return validate_graph_sparql(data)
    raise ValueError(f"unknown validation engine {engine!r}: expected one of {ENGINES}")


def read_graph(paths: list[Path]) -> tuple[Graph, list[Path]]:
    """Parse RDF files and folders into one graph; raises InputError on the first bad file."""
    files = rdf_files(paths)
    graph = Graph()
    for path in files:
        triples_to_graph(read_quads(path), graph)
    return graph, files
