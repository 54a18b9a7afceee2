"""The SHACL shapes against their test cases: ``tests/shapes/<area>/<case>-NNN.ttl``.

Each case file holds the data and, as a manifest about ``<>``, the expected report (focus
node, path, source shape, constraint component, severity), after the W3C SHACL test suite.
The data is the file minus the manifest. One test per file; no files found is a failure.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Graph, Namespace, URIRef

from mandates.validation import validate_graph

from shape_cases import CASE_FILES, CASES, Expected, split_case

SH = Namespace("http://www.w3.org/ns/shacl#")
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")


def test_case_files_exist() -> None:
    assert len(CASE_FILES) >= 2, f"no shape test cases found under {CASES}"


def expected_results(manifest: Graph, case: URIRef) -> tuple[bool, set[Expected]]:
    report = manifest.value(case, MF.result)
    assert report is not None, "the case has no mf:result"
    conforms = manifest.value(report, SH.conforms).toPython()
    results = set()
    for r in manifest.objects(report, SH.result):
        path = manifest.value(r, SH.resultPath)
        results.add(
            (
                str(manifest.value(r, SH.focusNode)),
                str(path) if path is not None else None,
                str(manifest.value(r, SH.sourceShape)),
                str(manifest.value(r, SH.sourceConstraintComponent)),
                str(manifest.value(r, SH.resultSeverity)),
            )
        )
    return conforms, results


def actual_results(data: Graph) -> tuple[bool, set[Expected]]:
    report = validate_graph(data)
    graph = report.graph
    assert graph is not None
    results = set()
    for r in graph.subjects(RDF.type, SH.ValidationResult):
        path = graph.value(r, SH.resultPath)
        results.add(
            (
                str(graph.value(r, SH.focusNode)),
                str(path) if isinstance(path, URIRef) else None,
                str(graph.value(r, SH.sourceShape)),
                str(graph.value(r, SH.sourceConstraintComponent)),
                str(graph.value(r, SH.resultSeverity)),
            )
        )
    return not results, results  # SHACL: any result, even a Warning, means not conforming


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_shape_case(path: Path) -> None:
    data, manifest, case = split_case(path)
    assert len(data) > 0, "the case holds no data"
    want_conforms, want = expected_results(manifest, case)
    got_conforms, got = actual_results(data)
    assert got == want
    assert got_conforms == want_conforms


def test_every_shape_speaks_plainly_and_has_a_failing_case() -> None:
    """Each named property shape has sh:name and sh:message; each node shape sh:name and
    sh:description; and every shape that reports results appears in some case's expected
    report, so no constraint is left untested."""
    from mandates.package_data import shapes_graph

    shapes = shapes_graph()
    expected = " ".join(p.read_text() for p in CASE_FILES)
    for shape in set(shapes.subjects(RDF.type, SH.PropertyShape)):
        if isinstance(shape, URIRef):
            name = shape.split("#")[1]
            assert (shape, SH.name, None) in shapes, name
            assert (shape, SH.message, None) in shapes, name
            assert f"mnds:{name}" in expected, f"no case expects a result from {name}"
    for shape in set(shapes.subjects(RDF.type, SH.NodeShape)):
        name = shape.split("#")[1]
        assert (shape, SH.name, None) in shapes and (shape, SH.description, None) in shapes, name
        reports_itself = (shape, SH.sparql, None) in shapes or (shape, SH["or"], None) in shapes
        if reports_itself:
            assert f"mnds:{name}" in expected, f"no case expects a result from {name}"
