"""Validation against the project's own SHACL shapes (pyshacl, the reference implementation).

Only the server's shapes are ever used; data is always handed over as a parsed graph.
"""

from __future__ import annotations

from pathlib import Path

import pyshacl
from rdflib import Graph

from ..rdfio import rdf_files, read_quads, triples_to_graph
from ..resources import ontology_graph, shapes_graph
from .report import Report, results_from_graph


def validate_graph(data: Graph) -> Report:
    """Validate a data graph; the ontology is mixed in so that subclasses and verbs resolve."""
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


def read_graph(paths: list[Path]) -> tuple[Graph, list[Path]]:
    """Parse RDF files and folders into one graph; raises InputError on the first bad file."""
    files = rdf_files(paths)
    graph = Graph()
    for path in files:
        triples_to_graph(read_quads(path), graph)
    return graph, files


def validate_paths(paths: list[Path]) -> Report:
    graph, files = read_graph(paths)
    report = validate_graph(graph)
    report.files = [str(f) for f in files]
    return report
