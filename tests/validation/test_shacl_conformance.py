"""The W3C SHACL Core test suite: every approved test, with the SPARQL engine and pyshacl.

The suite is read from ``../shared/conformance/shacl-core/`` beside the project (see the
README); without it these tests are skipped with a message that names the folder. Each test
is judged as the W3C implementation reports judge (:mod:`mandates.validation.conformance`).
A test an engine is known to fail is listed below with the reason, as pySHACL lists its
allowed failures; it is then expected to fail, and a test that starts to pass fails until it
is taken off the list.
"""

from __future__ import annotations

import pytest
from rdflib import RDF, BNode, Graph, Literal

from mandates.validation.conformance import (
    ENGINES,
    MF,
    SH,
    SUITE,
    Case,
    cases,
    judge,
    read_turtle,
)

#: (engine, test) → why the engine's report differs from the expected one.
ALLOWED_FAILURES: dict[tuple[str, str], str] = {
    ("pyshacl", "property/uniqueLang-002"): (
        'pyshacl activates sh:uniqueLang for "1"^^xsd:boolean; SHACL does so only for true '
        "(the test's own comment), so the expected report conforms"
    ),
}
CASES = cases() if SUITE.is_dir() else []


def test_the_suite_is_there() -> None:
    if not SUITE.is_dir():
        pytest.skip(f"the W3C SHACL Core suite is not in {SUITE} (see the README)")
    assert len(CASES) == 98, "the suite has 98 approved tests"
    assert len({c.name for c in CASES}) == len(CASES)


def test_at_most_one_allowed_failure_per_engine() -> None:
    for engine in ENGINES:
        assert len([k for k in ALLOWED_FAILURES if k[0] == engine]) <= 1, engine


MISSING = pytest.mark.skip(reason=f"the W3C SHACL Core suite is not in {SUITE} (see the README)")


@pytest.mark.parametrize(
    "engine, case",
    [(e, c) for e in ENGINES for c in CASES] or [pytest.param("-", None, marks=MISSING)],
    ids=lambda v: v.name if isinstance(v, Case) else v,
)
def test_w3c_shacl_core(engine: str, case: Case) -> None:
    failure = judge(case, ENGINES[engine])
    reason = ALLOWED_FAILURES.get((engine, case.name))
    if reason is not None:
        assert failure is not None, "passes now: take it off ALLOWED_FAILURES"
        pytest.xfail(reason)
    assert failure is None, failure


def _case(name: str) -> Case:
    if not SUITE.is_dir():
        pytest.skip(f"the W3C SHACL Core suite is not in {SUITE} (see the README)")
    return next(c for c in CASES if c.name == name)


def _expected_report(case: Case):
    """The expected report of a test as a graph of its own, and its root node."""
    manifest = read_turtle(case.manifest)
    report = manifest.value(case.node, MF.result)
    graph = Graph()
    todo = [report]
    while todo:
        node = todo.pop()
        for s, p, o in manifest.triples((node, None, None)):
            graph.add((s, p, o))
            if isinstance(o, BNode):
                todo.append(o)
    return graph, report


def test_the_judge_passes_the_expected_report_and_fails_altered_ones() -> None:
    """The comparison can fail: a missing result, another value or a shorter path all do."""
    case = _case("property/datatype-ill-formed")
    graph, report = _expected_report(case)
    assert judge(case, lambda data, shapes: graph) is None

    fewer = Graph()
    fewer += graph
    dropped = next(graph.objects(report, SH.result))
    fewer.remove((report, SH.result, dropped))
    assert judge(case, lambda data, shapes: fewer) is not None

    other = Graph()
    other += graph
    other.remove((dropped, SH.value, None))
    other.add((dropped, SH.value, Literal("301")))
    assert judge(case, lambda data, shapes: other) is not None

    conforming = Graph()
    root = BNode()
    conforming.add((root, RDF.type, SH.ValidationReport))
    conforming.add((root, SH.conforms, Literal(True)))
    assert judge(case, lambda data, shapes: conforming) is not None


def test_the_judge_compares_paths_by_structure() -> None:
    case = _case("path/path-inverse-001")
    graph, report = _expected_report(case)
    results = list(graph.objects(report, SH.result))
    shared = Graph()
    shared += graph
    path = graph.value(results[0], SH.resultPath)
    for result in results[1:]:  # one path node for every result, as pyshacl writes it
        shared.remove((result, SH.resultPath, None))
        shared.add((result, SH.resultPath, path))
    assert judge(case, lambda data, shapes: shared) is None
    flat = Graph()
    flat += graph
    flat.remove((results[0], SH.resultPath, None))
    flat.add((results[0], SH.resultPath, graph.value(path, SH.inversePath)))
    assert judge(case, lambda data, shapes: flat) is not None
