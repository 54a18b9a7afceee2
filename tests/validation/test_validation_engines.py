"""The SPARQL validation engine against pyshacl, the reference, on every shape test case and
on the project's own data: the same results (focus, path, value, shape, component, severity,
message), values compared as RDF terms (the store writes typed literals in canonical form)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import RDF, Literal, Namespace
from rdflib.term import Node

from mandates.validation import read_graph
from mandates.validation.engine import validate_graph_pyshacl, validate_graph_sparql

from shape_cases import CASE_FILES, split_case
from support import DATA

SH = Namespace("http://www.w3.org/ns/shacl#")


def _value(node: Node | None) -> object:
    if isinstance(node, Literal):
        value = node.toPython() if node.datatype else str(node)
        if isinstance(value, Decimal):  # "5.0"^^xsd:decimal and "5" are the same value
            value = value.normalize()
        return ("literal", value, node.datatype, node.language)
    return str(node) if node is not None else None


def results(report) -> list[tuple]:
    graph = report.graph
    rows = []
    for r in graph.subjects(RDF.type, SH.ValidationResult):
        path = graph.value(r, SH.resultPath)
        inverse = graph.value(path, SH.inversePath) if path is not None else None
        rows.append(
            (
                str(graph.value(r, SH.focusNode)),
                f"^{inverse}" if inverse is not None else (str(path) if path else None),
                repr(_value(graph.value(r, SH.value))),
                str(graph.value(r, SH.sourceShape)),
                str(graph.value(r, SH.sourceConstraintComponent)),
                str(graph.value(r, SH.resultSeverity)),
                str(graph.value(r, SH.resultMessage)),
            )
        )
    return sorted(rows, key=repr)


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_same_results_on_shape_cases(path: Path) -> None:
    data, _, _ = split_case(path)
    assert results(validate_graph_sparql(data)) == results(validate_graph_pyshacl(data))


def test_same_results_on_the_curated_data() -> None:
    graph, _ = read_graph([DATA / "curated"])
    assert results(validate_graph_sparql(graph)) == results(validate_graph_pyshacl(graph))
